// Test harness: validates a graph against the official DCAT-AP 3.0.1 SHACL shapes (kept unchanged in
// ./shapes): the core shapes and the range shapes together, as the release publishes them for
// combined use.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository's copy of the official shapes. */
export const SHAPES_DIR = path.join(HERE, 'shapes');
/** The project's shared folder beside the repository, where the shapes were handed over (may be absent). */
export const SHARED_SHAPES_DIR = path.resolve(HERE, '../../../../../shared/dcat-ap-3.0.1');
/** The shape files, combined as the release intends. */
export const SHAPE_FILES = ['dcat-ap-SHACL.ttl', 'ranges.ttl'];

let shapes: Store | undefined;

function loadShapes(): Store {
  if (shapes) return shapes;
  const store = new Store();
  for (const file of SHAPE_FILES) {
    const full = path.join(SHAPES_DIR, file);
    if (!fs.existsSync(full)) {
      throw new Error(`DCAT-AP SHACL shapes missing: ${full} not found (see shapes/README.md).`);
    }
    store.addQuads(new Parser().parse(fs.readFileSync(full, 'utf8')));
  }
  shapes = store;
  return store;
}

/** Parses Turtle into quads (for tests reading the platform's output). */
export function parseTurtle(text: string): Quad[] {
  return new Parser().parse(text);
}

/** One violation, readable: severity, focus node, path, message. */
export type Violation = string;

/** Validates quads against DCAT-AP 3.0.1; returns every result as a readable line. */
export async function validateDcatAp(quads: Quad[]): Promise<{ conforms: boolean; violations: Violation[] }> {
  const validator = new SHACLValidator(loadShapes());
  const report = await validator.validate(new Store(quads));
  const violations = report.results.map((result) => {
    const message = result.message.map((m) => m.value).join('; ');
    return [
      result.severity?.value.replace('http://www.w3.org/ns/shacl#', '') ?? 'Violation',
      result.focusNode?.value ?? '?',
      result.path?.value ?? '-',
      message || result.sourceConstraintComponent?.value,
      `(shape ${result.sourceShape?.value ?? '?'})`,
    ].join(' | ');
  });
  return { conforms: report.conforms, violations };
}
