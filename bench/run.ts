import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAudit } from './audit.ts';
import { benchCatalogImport } from './catalog-import.ts';
import { benchCatalogSearch } from './catalog-search.ts';
import { benchColumnEncryption } from './column-encryption.ts';
import { engineName, type Measurement } from './common.ts';
import { benchHttp } from './http.ts';
import { benchMasking } from './masking.ts';
import { benchPoolIngest, benchPoolMemory } from './pool-ingest.ts';
import { benchPortalPages } from './portal-pages.ts';
import { benchShareExport } from './share-export.ts';
import { benchOpenDownload } from './open-download.ts';
import { benchShareMonitor } from './share-monitor.ts';
import { benchShareLookup, benchShareLookupBare } from './share-lookup.ts';

// `npm run bench`: every bench in turn on the same engine, a table of figures and ratios vs. goals,
// and bench/results/latest.json (gitignored) for comparing runs.
const benches: Record<string, () => Promise<Measurement[]>> = {
  audit: benchAudit,
  'catalog-import': benchCatalogImport,
  'catalog-search': benchCatalogSearch,
  'column-encryption': benchColumnEncryption,
  http: benchHttp,
  masking: benchMasking,
  'pool-ingest': benchPoolIngest,
  'pool-memory': benchPoolMemory,
  'portal-pages': benchPortalPages,
  'share-monitor': benchShareMonitor,
  'share-lookup': benchShareLookup,
  'share-lookup-bare': benchShareLookupBare,
  'share-export': benchShareExport,
  'open-download': benchOpenDownload,
};
const only = process.argv.slice(2);

const engine = engineName();
console.log(
  `engine: ${engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded, in memory)'}`,
);
const format = (m: Measurement) =>
  m.unit === 'ratio' ? m.value.toFixed(2) : `${Math.round(m.value).toLocaleString('en')} ${m.unit}`;
const tableOf = (bench: string, measurements: Measurement[]) =>
  measurements.map((m) => ({
    bench,
    measurement: m.name,
    value: format(m),
    goal: m.goal ? `≥ ${m.unit === 'ratio' ? m.goal.min : m.goal.min.toLocaleString('en')}` : '',
    met: m.goal ? (m.value >= m.goal.min ? 'yes' : 'NO') : '',
    note: m.note ?? '',
  }));

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const outFile = path.join(outDir, 'latest.json');
const results: Record<string, Measurement[]> = {};
const failed: Record<string, string> = {};
/** Written after every bench, so a run cut short (or one bench failing) keeps what was measured. */
function save() {
  fs.mkdirSync(outDir, { recursive: true });
  const run = { at: new Date().toISOString(), engine, node: process.version, results, failed };
  fs.writeFileSync(outFile, `${JSON.stringify(run, null, 2)}\n`);
}

for (const [name, bench] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const started = performance.now();
  console.log(`running ${name} …`);
  try {
    results[name] = await bench();
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Each bench's figures as soon as it ends: a long run on PGlite need not be waited out to see them.
    console.table(tableOf(name, results[name]));
  } catch (error) {
    failed[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`  ${name} failed: ${failed[name]}`);
  }
  save();
}

const rows = Object.entries(results).flatMap(([bench, measurements]) => tableOf(bench, measurements));
if (Object.keys(results).length > 1) {
  console.log('all benches:');
  console.table(rows);
}
save();
console.log(`written ${path.relative(process.cwd(), outFile)}`);
if (Object.keys(failed).length > 0) {
  console.error(`failed: ${Object.keys(failed).join(', ')}`);
  process.exitCode = 1;
}
