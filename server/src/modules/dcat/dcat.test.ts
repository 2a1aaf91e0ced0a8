import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { DataFactory, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { parseTurtle, SHAPE_FILES, SHAPES_DIR, SHARED_SHAPES_DIR, validateDcatAp } from './dcat-shacl.ts';
import { catalogGraph, PREFIXES } from './dcat.graph.ts';
import { loadOpenDatasets } from './open-catalog.repository.ts';
import { createTestApp } from '../../test/test-app.ts';
import { SAMPLE, seedOpenCatalog } from './open-catalog.fixtures.ts';

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedOpenCatalog>>;
const ORIGIN = 'http://data.example.gov.cn';
const host = { host: 'data.example.gov.cn' };

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedOpenCatalog(t.database.db);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...host, ...headers } });
const iri = (local: string) => `${ORIGIN}${local}`;
const objects = (quads: Quad[], subject: string, predicate: string) =>
  quads
    .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
    .map((q) => q.object.value);
const dct = (local: string) => PREFIXES.dct + local;
const dcat = (local: string) => PREFIXES.dcat + local;

async function expectConforms(quads: Quad[]) {
  const { conforms, violations } = await validateDcatAp(quads);
  // Printed so that a failing run says which shape and node are wrong.
  if (!conforms) console.error(`DCAT-AP violations:\n${violations.join('\n')}`);
  expect(violations).toEqual([]);
  expect(conforms).toBe(true);
}

describe('the whole open catalog', () => {
  it('lists exactly the open datasets as Turtle that conforms to the DCAT-AP 3 shapes', async () => {
    const response = await get('/catalog.ttl');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/turtle/);
    const quads = parseTurtle(response.body);
    const datasets = objects(quads, iri('/catalog'), dcat('dataset'));
    expect(datasets.sort()).toEqual(
      [SAMPLE.air, SAMPLE.bus, SAMPLE.companies]
        .map((code) => iri(`/catalog/datasets/${code.replace('/', '-')}`))
        .sort(),
    );
    expect(objects(quads, iri('/catalog'), dct('publisher'))).toEqual([
      iri(`/catalog/agents/${seeded.world.authority.credit_code}`),
    ]);
    expect(objects(quads, iri('/catalog'), dcat('themeTaxonomy'))).toEqual([iri('/catalog/themes')]);
    await expectConforms(quads);
  });

  it('never shows a resource that is not open, nor what the open catalog does not show', async () => {
    const turtle = (await get('/catalog.ttl')).body;
    const json = (await get('/catalog.jsonld')).body;
    for (const text of [turtle, json]) {
      expect(text).not.toContain(SAMPLE.census);
      expect(text).not.toContain('户籍人口信息');
      expect(text).not.toContain('不开放的关键词');
      expect(text).not.toContain('共享条件');
      expect(text).not.toContain('共享依据');
      expect(text).not.toContain('important');
      // The bus resource relates to the census resource: the relation to it is left out.
      expect(text).not.toContain('101-000003');
      // Class 101 is only used by the closed resource, so it is not in the theme taxonomy.
      expect(text).not.toContain('/catalog/themes/101>');
    }
  });

  it('offers the same graph as JSON-LD', async () => {
    const response = await get('/catalog.jsonld');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    const document = response.json();
    expect(document['@context']).toMatchObject({ dcat: PREFIXES.dcat, dct: PREFIXES.dct });
    const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads' })) as unknown as string;
    const fromJson = nquads.split('\n').filter(Boolean);
    const fromTurtle = parseTurtle((await get('/catalog.ttl')).body);
    expect(fromJson.length).toBe(fromTurtle.length);
  });

  it('uses the origin the caller reached, and ignores a forged Host header', async () => {
    const viaProxy = await get('/catalog.ttl', { 'x-forwarded-proto': 'https', host: 'open.cq.gov.cn' });
    expect(viaProxy.body).toContain('<https://open.cq.gov.cn/catalog>');
    const forged = await get('/catalog.ttl', { host: 'evil.example/> <x' });
    expect(forged.statusCode).toBe(200);
    expect(forged.body).toContain('<http://localhost/catalog>');
  });

  it('refuses a page number that is not a positive integer', async () => {
    const response = await get('/catalog.ttl?page=0');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    const beyond = parseTurtle((await get('/catalog.ttl?page=9')).body);
    expect(objects(beyond, iri('/catalog'), dcat('dataset'))).toEqual([]);
  });

  it('links the pages of a catalog larger than a page (Hydra)', async () => {
    const datasets = await loadOpenDatasets(t.database.db, { offset: 0, limit: 2 });
    const quads = catalogGraph(
      ORIGIN,
      { regionName: '重庆市', publisher: { name: '市大数据发展局', creditCode: null }, modifiedAt: null },
      datasets,
      { page: 1, pageSize: 2, total: 3, documentUrl: `${ORIGIN}/catalog.ttl` },
    );
    const self = `${ORIGIN}/catalog.ttl?page=1`;
    expect(objects(quads, self, `${PREFIXES.hydra}nextPage`)).toEqual([`${ORIGIN}/catalog.ttl?page=2`]);
    expect(objects(quads, self, `${PREFIXES.hydra}totalItems`)).toEqual(['3']);
    await expectConforms(quads);
  });

  it('audits each read as one anonymous event', async () => {
    const before = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type'])
      .where('action', '=', 'dcat.catalog.read')
      .execute();
    await get('/catalog.jsonld');
    const after = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type'])
      .where('action', '=', 'dcat.catalog.read')
      .execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toEqual({ action: 'dcat.catalog.read', actor_type: 'anonymous' });
  });
});

describe('one dataset', () => {
  const busIri = iri('/catalog/datasets/201001-000001');

  it('maps an unconditionally open resource with downloads, an API and temporal coverage', async () => {
    const response = await get('/catalog/datasets/201001-000001.ttl');
    expect(response.statusCode).toBe(200);
    const quads = parseTurtle(response.body);
    expect(objects(quads, busIri, dct('title'))).toEqual(['公交线路信息']);
    expect(objects(quads, busIri, dct('identifier'))).toEqual([SAMPLE.bus]);
    expect(objects(quads, busIri, dct('accessRights'))).toEqual([
      'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
    ]);
    expect(objects(quads, busIri, dct('accrualPeriodicity'))).toEqual([
      'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
    ]);
    expect(objects(quads, busIri, dcat('theme'))).toEqual([iri('/catalog/themes/201001')]);
    expect(objects(quads, iri('/catalog/themes/201001'), `${PREFIXES.skos}broader`)).toEqual([
      iri('/catalog/themes/201'),
    ]);
    expect(objects(quads, busIri, dcat('keyword')).sort()).toEqual(['公交', '线路'].sort());
    expect(objects(quads, busIri, dct('relation'))).toEqual([iri('/catalog/datasets/102-000002')]);
    const issued = quads.find((q) => q.subject.value === busIri && q.predicate.value === dct('issued'));
    expect(issued?.object).toEqual(
      DataFactory.literal('2024-01-10T02:00:00.000Z', DataFactory.namedNode(`${PREFIXES.xsd}dateTime`)),
    );
    const distributions = objects(quads, busIri, dcat('distribution'));
    expect(distributions).toEqual([
      `${busIri}/distributions/download-csv`,
      `${busIri}/distributions/download-xlsx`,
      `${busIri}/distributions/api`,
    ]);
    const csv = `${busIri}/distributions/download-csv`;
    expect(objects(quads, csv, dct('format'))).toEqual([
      'http://publications.europa.eu/resource/authority/file-type/CSV',
    ]);
    expect(objects(quads, csv, dcat('mediaType'))).toEqual([
      'https://www.iana.org/assignments/media-types/text/csv',
    ]);
    expect(objects(quads, csv, dcat('downloadURL'))).toEqual([
      `${ORIGIN}/api/v1/open/datasets/${seeded.ids.bus}/download?format=csv`,
    ]);
    const service = objects(quads, `${busIri}/distributions/api`, dcat('accessService'))[0]!;
    expect(objects(quads, service, dcat('endpointURL'))).toEqual([
      `${ORIGIN}/api/v1/open/datasets/${seeded.ids.bus}/records`,
    ]);
    expect(objects(quads, service, dcat('servesDataset'))).toEqual([busIri]);
    const period = objects(quads, busIri, dct('temporal'))[0]!;
    expect(objects(quads, period, dcat('startDate'))).toEqual(['2020-01-01']);
    const contact = objects(quads, busIri, dcat('contactPoint'))[0]!;
    expect(objects(quads, contact, `${PREFIXES.vcard}hasEmail`)).toEqual([
      'mailto:data@police.example.gov.cn',
    ]);
    expect(objects(quads, contact, `${PREFIXES.vcard}hasTelephone`)).toEqual(['tel:+86-23-63201234']);
    await expectConforms(quads);
  });

  it('maps a conditionally open resource with its legal basis as an ELI legal resource', async () => {
    const response = await get('/catalog/datasets/102-000002.jsonld');
    expect(response.statusCode).toBe(200);
    const nquads = (await jsonld.toRDF(response.json(), {
      format: 'application/n-quads',
    })) as unknown as string;
    const quads = parseTurtle(nquads);
    const dataset = iri('/catalog/datasets/102-000002');
    expect(objects(quads, dataset, dct('accessRights'))).toEqual([
      'http://publications.europa.eu/resource/authority/access-right/RESTRICTED',
    ]);
    const legal = objects(quads, dataset, `${PREFIXES.dcatap}applicableLegislation`);
    expect(legal).toEqual([`${dataset}/legal-basis`]);
    expect(objects(quads, legal[0]!, `${PREFIXES.rdfs}label`)).toEqual([
      '《重庆市公共数据开放管理暂行办法》第十三条',
    ]);
    expect(objects(quads, legal[0]!, `${PREFIXES.rdf}type`)).toEqual([`${PREFIXES.eli}LegalResource`]);
    await expectConforms(quads);
  });

  it('answers the dataset IRI in the format the Accept header asks for', async () => {
    const turtle = await get('/catalog/datasets/201001-000001');
    expect(turtle.headers['content-type']).toMatch(/^text\/turtle/);
    const json = await get('/catalog/datasets/201001-000001', { accept: 'application/ld+json' });
    expect(json.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(json.headers.vary).toBe('Accept');
  });

  it('answers 404 for a resource that is not open, exactly as for one that does not exist', async () => {
    for (const url of [
      '/catalog/datasets/101-000003.ttl',
      '/catalog/datasets/101-999999.ttl',
      '/catalog/datasets/101-000003.jsonld',
    ]) {
      const response = await get(url, { 'accept-language': 'en' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'resource.not_found', title: 'No such open dataset' });
    }
    const bad = await get('/catalog/datasets/101-000003.rdf');
    expect(bad.statusCode).toBe(404);
    expect(bad.json().code).toBe('dcat.bad_file');
  });
});

// SHA-256 of the files of the official 3.0.1 release, as handed over in ../shared/dcat-ap-3.0.1.
const OFFICIAL_SHA256: Record<string, string> = {
  'dcat-ap-SHACL.ttl': '990d3e42721de6a4be8cc338a7171559f195e62dea89c0b56531356b78cc026f',
  'ranges.ttl': 'a6eed0fae8d0f5ca977fe2098ca12081ac60b0efe1ddce802d5c08e49505ebcc',
};
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the SHACL harness', () => {
  it('validates against the official shapes, unchanged (and the same as the shared folder’s, where present)', () => {
    for (const file of SHAPE_FILES) {
      expect(sha256(path.join(SHAPES_DIR, file)), file).toBe(OFFICIAL_SHA256[file]);
      const shared = path.join(SHARED_SHAPES_DIR, file);
      if (fs.existsSync(shared)) expect(sha256(shared), shared).toBe(OFFICIAL_SHA256[file]);
    }
  });

  it('reports a dataset without a title and a distribution without an access URL', async () => {
    const quads = parseTurtle((await get('/catalog/datasets/201001-000001.ttl')).body).filter(
      (q) =>
        !(q.subject.value === iri('/catalog/datasets/201001-000001') && q.predicate.value === dct('title')) &&
        q.predicate.value !== dcat('accessURL'),
    );
    const { conforms, violations } = await validateDcatAp(quads);
    expect(conforms).toBe(false);
    expect(violations.some((v) => v.includes('201001-000001 |') && v.includes(dct('title')))).toBe(true);
    expect(violations.some((v) => v.includes('download-csv') && v.includes(dcat('accessURL')))).toBe(true);
  });
});
