// The JS a browser downloads for the portal's first page (issue 7: "< 200 KB of JS gzipped on the
// public pages"), from the built web/dist and Vite's manifest. A page's first load is the portal
// entry with everything it imports, plus the page's own lazy chunk with its imports; ECharts (the
// dataset page's chart) loads only after the page has shown and is reported on its own line.
// `npx tsx scripts/portal-size.ts` prints the figures and exits 1 above the budget.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/** The budget of a public page's first load, gzipped (KiB). */
export const PORTAL_BUDGET_KB = 200;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** One measured load: the files and their gzipped size. */
export interface Load {
  name: string;
  files: string[];
  gzipBytes: number;
  /** Whether this load counts against the budget (the chart comes after the first page). */
  budgeted: boolean;
}

// The home page is part of the entry (no second round trip); the others are lazy chunks.
const PAGES: Record<string, string | null> = {
  home: null,
  search: 'src/portal/pages/SearchPage.tsx',
  dataset: 'src/portal/pages/DatasetPage.tsx',
};
const ENTRY = 'portal.html';
const CHART = 'src/portal/pages/dataset/ChartCanvas.tsx';

/** A chunk's file and the files of everything it imports statically (what the browser fetches with it). */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in web/dist/.vite/manifest.json (was the portal built?)`);
  if (seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;

/** Measures the portal's first loads (home, search, dataset) and the chart that follows. */
export function measurePortal(dist = DIST): Load[] {
  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run npm run build:web`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const entry = staticClosure(manifest, ENTRY);
  const size = (files: Iterable<string>) =>
    [...files].filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + gzipSize(file), 0);
  const loads: Load[] = Object.entries(PAGES).map(([name, source]) => {
    const files = source ? staticClosure(manifest, source, new Set(entry)) : entry;
    return { name, files: [...files], gzipBytes: size(files), budgeted: true };
  });
  const dataset = new Set(loads.find((load) => load.name === 'dataset')!.files);
  const chart = [...staticClosure(manifest, CHART)].filter((file) => !dataset.has(file));
  loads.push({
    name: 'dataset chart (after the page)',
    files: chart,
    gzipBytes: size(chart),
    budgeted: false,
  });
  return loads;
}

/** The loads over the budget. */
export function overBudget(loads: Load[]): Load[] {
  return loads.filter((load) => load.budgeted && load.gzipBytes > PORTAL_BUDGET_KB * 1024);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const loads = measurePortal();
  for (const load of loads) {
    const kb = (load.gzipBytes / 1024).toFixed(1);
    console.log(`${load.name.padEnd(32)} ${kb.padStart(7)} KiB gzipped  (${load.files.length} files)`);
  }
  const over = overBudget(loads);
  if (over.length > 0) {
    console.error(`over the ${PORTAL_BUDGET_KB} KiB budget: ${over.map((load) => load.name).join(', ')}`);
    process.exit(1);
  }
  console.log(`every public page's first load is within ${PORTAL_BUDGET_KB} KiB of gzipped JS`);
}
