// Seeds the demo data once per browser-test run: a server starts on a fresh PGlite directory,
// migrates and seeds it, and stops; every test file's server then starts on a copy of that
// directory instead of seeding its own (the seed is most of a server's start).
import type { TestProject } from 'vitest/node';
import { removeDataDir, startServer } from './support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded data directory each test file's server copies. */
    e2eTemplate: string;
  }
}

/** Seeds the template and hands its path to the test files; removes it after the run. */
export default async function setup(project: TestProject) {
  const template = await startServer({ keepData: true });
  await template.stop();
  project.provide('e2eTemplate', template.dataDir);
  return () => removeDataDir(template.dataDir);
}
