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
const results: Record<string, Measurement[]> = {};
for (const [name, bench] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const started = performance.now();
  console.log(`running ${name} …`);
  results[name] = await bench();
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const format = (m: Measurement) =>
  m.unit === 'ratio' ? m.value.toFixed(2) : `${Math.round(m.value).toLocaleString('en')} ${m.unit}`;
const rows = Object.entries(results).flatMap(([bench, measurements]) =>
  measurements.map((m) => ({
    bench,
    measurement: m.name,
    value: format(m),
    goal: m.goal ? `≥ ${m.unit === 'ratio' ? m.goal.min : m.goal.min.toLocaleString('en')}` : '',
    met: m.goal ? (m.value >= m.goal.min ? 'yes' : 'NO') : '',
    note: m.note ?? '',
  })),
);
console.table(rows);

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(
  path.join(outDir, 'latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), engine, node: process.version, results }, null, 2)}\n`,
);
console.log(`written ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}`);
