// What the public views (DCAT, CKAN) say about how an open resource is obtained: one access point
// per open method (download per file format, API, algorithm model), with the platform's URLs.
// The URLs are the open-data portal's (issue 7, model runs issue 8): they are stable now and become
// live when those endpoints exist.
import type { FastifyRequest } from 'fastify';
import { FILE_FORMATS } from '../catalog/catalog.vocabulary.ts';
import type { OpenDataset } from './open-catalog.repository.ts';

/** How an access point delivers the data. */
export type AccessMethod = 'download' | 'api' | 'model';

/** One way to get an open resource's data. */
export interface AccessPoint {
  /** Stable within the dataset: `download-csv`, `download`, `api`, `model`. */
  key: string;
  method: AccessMethod;
  /** File format code (CSV, XLSX…) for downloads, null otherwise. */
  format: string | null;
  /** IANA media type of the format, when known. */
  mediaType: string | null;
  url: string;
}

const HOST = /^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/;

/**
 * The origin (scheme://host) the caller reached us at, for absolute URLs and IRIs. A Host header
 * that is not a plain host name falls back to localhost, so a forged header cannot break an IRI.
 */
export function requestOrigin(request: FastifyRequest): string {
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  const host = HOST.test(request.host) ? request.host : 'localhost';
  return `${protocol}://${host}`;
}

/** The portal's page of an open resource (issue 7). */
export function landingPageUrl(origin: string, datasetId: string): string {
  return `${origin}/open/datasets/${datasetId}`;
}

const METHOD_ORDER: AccessMethod[] = ['download', 'api', 'model'];

/** The access points of an open resource, in a stable order: downloads by format, API, model. */
export function accessPoints(dataset: OpenDataset, origin: string): AccessPoint[] {
  const base = `${origin}/api/v1/open/datasets/${dataset.id}`;
  const points: AccessPoint[] = [];
  for (const method of METHOD_ORDER) {
    if (!dataset.openMethods.includes(method)) continue;
    if (method === 'download') {
      if (dataset.formats.length === 0) {
        points.push({ key: 'download', method, format: null, mediaType: null, url: `${base}/download` });
      }
      for (const format of dataset.formats) {
        points.push({
          key: `download-${format.toLowerCase()}`,
          method,
          format,
          mediaType: FILE_FORMATS.find((f) => f.code === format)?.mediaType ?? null,
          url: `${base}/download?format=${encodeURIComponent(format.toLowerCase())}`,
        });
      }
    } else if (method === 'api') {
      points.push({
        key: 'api',
        method,
        format: 'JSON',
        mediaType: 'application/json',
        url: `${base}/records`,
      });
    } else {
      points.push({ key: 'model', method, format: null, mediaType: null, url: `${base}/models` });
    }
  }
  return points;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a caller's id is a uuid (anything else must never reach a uuid column: PostgreSQL would fail). */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * The CKAN package name of a resource code: lowercase ASCII letters, digits and dashes, as CKAN
 * requires (`101001/000001` → `zs-101001-000001`). The SQL lookup uses the same rule.
 */
export function ckanName(code: string): string {
  return `zs-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The path segment of a resource code in DCAT URLs: `101001/000001` → `101001-000001`. */
export function codeSlug(code: string): string {
  return code.replaceAll('/', '-');
}

/** The resource code of a DCAT URL segment (inverse of `codeSlug` for codes of the profile). */
export function codeFromSlug(slug: string): string {
  const at = slug.lastIndexOf('-');
  return at < 0 ? slug : `${slug.slice(0, at)}/${slug.slice(at + 1)}`;
}
