// The open catalog as a DCAT-AP 3 graph (REFERENCE §4). One list of quads is built per request;
// Turtle and JSON-LD are both written from it. Terms of the EU vocabularies (file types, frequencies,
// access rights, languages) and IANA media types are typed in the graph itself, because the
// DCAT-AP range shapes check the class of every value and harvesters do not load those vocabularies.
import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { UPDATE_CYCLES } from '../catalog/catalog.vocabulary.ts';
import { accessPoints, codeSlug, landingPageUrl, type AccessPoint } from './open-catalog.ts';
import { classCodePrefixes, type OpenClass, type OpenDataset } from './open-catalog.repository.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** The prefixes the Turtle and JSON-LD outputs use. */
export const PREFIXES = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  eli: 'http://data.europa.eu/eli/ontology#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const ns = (base: string) => (local: string) => namedNode(base + local);
const adms = ns(PREFIXES.adms);
const dcat = ns(PREFIXES.dcat);
const dcatap = ns(PREFIXES.dcatap);
const dct = ns(PREFIXES.dct);
const eli = ns(PREFIXES.eli);
const foaf = ns(PREFIXES.foaf);
const hydra = ns(PREFIXES.hydra);
const rdfs = ns(PREFIXES.rdfs);
const skos = ns(PREFIXES.skos);
const vcard = ns(PREFIXES.vcard);
const xsd = ns(PREFIXES.xsd);
const a = namedNode(`${PREFIXES.rdf}type`);

const EU = 'http://publications.europa.eu/resource/authority/';
const IANA = 'https://www.iana.org/assignments/media-types/';
const CHINESE = namedNode(`${EU}language/ZHO`);
// The EU file-type authority names some formats differently from the catalog's codes.
const EU_FILE_TYPE: Record<string, string> = { JPG: 'JPEG' };
const ACCESS_RIGHTS: Record<OpenDataset['openType'], string> = {
  unconditional: 'PUBLIC',
  conditional: 'RESTRICTED',
};

/** The catalog's own description and publisher. */
export interface CatalogHeader {
  /** The region whose catalog this is (the top region), for the title. */
  regionName: string | null;
  publisher: { name: string; creditCode: string | null };
  modifiedAt: Date | null;
}

/** Paging of a large catalog (Hydra, as DCAT harvesters follow it). */
export interface CatalogPage {
  page: number;
  pageSize: number;
  total: number;
  /** The document's URL without the page parameter, e.g. `https://x/catalog.ttl`. */
  documentUrl: string;
}

/** IRIs of the platform's DCAT resources, all under the origin the caller used. */
export function dcatIris(origin: string) {
  return {
    catalog: `${origin}/catalog`,
    themes: `${origin}/catalog/themes`,
    theme: (code: string) => `${origin}/catalog/themes/${code}`,
    agent: (creditCode: string | null) => `${origin}/catalog/agents/${creditCode ?? 'platform'}`,
    dataset: (code: string) => `${origin}/catalog/datasets/${codeSlug(code)}`,
  };
}

/** Accumulates the quads of one response. */
class Graph {
  readonly quads: Quad[] = [];
  private readonly seen = new Set<string>();

  add(subject: Quad_Subject, predicate: ReturnType<typeof namedNode>, object: Quad_Object) {
    this.quads.push(quad(subject, predicate, object));
  }

  /** True the first time a key is seen: shared nodes (terms, agents) are described once. */
  first(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  /** Adds `iri a type` once, for shared vocabulary terms. */
  typeOnce(iri: string, type: ReturnType<typeof namedNode>) {
    if (this.first(`${iri} ${type.value}`)) this.add(namedNode(iri), a, type);
    return namedNode(iri);
  }

  text(subject: Quad_Subject, predicate: ReturnType<typeof namedNode>, value: string | null, lang = 'zh') {
    if (value && value.trim()) this.add(subject, predicate, literal(value, lang));
  }
}

/**
 * A phone number as a global tel: URI (RFC 3966). Numbers without a country code are Chinese:
 * 023-63201234 → tel:+86-23-63201234 (the trunk prefix 0 dropped), 13800138000 → tel:+86-13800138000.
 */
export function telUri(phone: string): string {
  const compact = phone.replace(/[^0-9+]/g, '');
  if (compact.startsWith('+')) return `tel:${compact}`;
  const parts = phone
    .replace(/^\s*0/, '')
    .split(/[^0-9]+/)
    .filter(Boolean);
  return `tel:+86-${parts.join('-')}`;
}

const dateTime = (date: Date) => literal(date.toISOString(), xsd('dateTime'));
const date = (day: string) => literal(day, xsd('date'));

/** Adds the publisher agent (foaf:Agent with the credit code as adms:identifier) once. */
function addAgent(graph: Graph, iri: string, name: string, creditCode: string | null) {
  const agent = namedNode(iri);
  if (!graph.first(iri)) return agent;
  graph.add(agent, a, foaf('Agent'));
  graph.text(agent, foaf('name'), name);
  if (creditCode) {
    const identifier = blankNode();
    graph.add(agent, adms('identifier'), identifier);
    graph.add(identifier, a, adms('Identifier'));
    graph.add(identifier, skos('notation'), literal(creditCode));
    graph.text(identifier, rdfs('label'), '统一社会信用代码');
  }
  return agent;
}

/** Adds the theme taxonomy and the concepts of the given classes (with their ancestors). */
function addThemes(graph: Graph, iris: ReturnType<typeof dcatIris>, classes: OpenClass[]) {
  const scheme = namedNode(iris.themes);
  graph.add(scheme, a, skos('ConceptScheme'));
  graph.text(scheme, dct('title'), '政务信息资源分类');
  graph.text(scheme, dct('title'), 'Classification of government information resources', 'en');
  const byCode = new Map(classes.map((c) => [c.code, c]));
  for (const node of byCode.values()) {
    const concept = namedNode(iris.theme(node.code));
    graph.add(concept, a, skos('Concept'));
    graph.text(concept, skos('prefLabel'), node.name);
    graph.add(concept, skos('notation'), literal(node.code));
    graph.add(concept, skos('inScheme'), scheme);
    // The parent is the longest other code that prefixes this one (a node's code is the whole prefix).
    const parent = classCodePrefixes(node.code)
      .slice(0, -1)
      .reverse()
      .map((code) => byCode.get(code))
      .find(Boolean);
    if (parent) {
      graph.add(concept, skos('broader'), namedNode(iris.theme(parent.code)));
    } else {
      graph.add(concept, skos('topConceptOf'), scheme);
      graph.add(scheme, skos('hasTopConcept'), concept);
    }
  }
  return scheme;
}

function addDistribution(
  graph: Graph,
  datasetIri: string,
  dataset: OpenDataset,
  point: AccessPoint,
  rights: string | null,
) {
  const distribution = namedNode(`${datasetIri}/distributions/${point.key}`);
  graph.add(distribution, a, dcat('Distribution'));
  const titles: Record<AccessPoint['method'], [string, string]> = {
    download: [
      `${dataset.name}（${point.format ?? '文件'}下载）`,
      `Download${point.format ? ` (${point.format})` : ''}`,
    ],
    api: [`${dataset.name}（接口调用）`, 'API'],
    model: [`${dataset.name}（以算法模型获取结果数据）`, 'Algorithm model results'],
  };
  graph.text(distribution, dct('title'), titles[point.method][0]);
  graph.text(distribution, dct('title'), titles[point.method][1], 'en');
  graph.add(distribution, dcat('accessURL'), namedNode(point.url));
  if (point.method === 'download') graph.add(distribution, dcat('downloadURL'), namedNode(point.url));
  if (point.format) {
    const code = EU_FILE_TYPE[point.format] ?? point.format;
    graph.add(
      distribution,
      dct('format'),
      graph.typeOnce(`${EU}file-type/${code}`, dct('MediaTypeOrExtent')),
    );
  }
  if (point.mediaType) {
    graph.add(distribution, dcat('mediaType'), graph.typeOnce(IANA + point.mediaType, dct('MediaType')));
  }
  if (rights) {
    const statement = blankNode();
    graph.add(distribution, dct('rights'), statement);
    graph.add(statement, a, dct('RightsStatement'));
    graph.text(statement, rdfs('label'), rights);
  }
  if (point.method === 'api') {
    const service = namedNode(`${datasetIri}/services/api`);
    graph.add(distribution, dcat('accessService'), service);
    graph.add(service, a, dcat('DataService'));
    graph.text(service, dct('title'), `${dataset.name}数据接口`);
    graph.text(service, dct('title'), `API of ${dataset.code}`, 'en');
    graph.add(service, dcat('endpointURL'), graph.typeOnce(point.url, rdfs('Resource')));
    graph.add(service, dcat('servesDataset'), namedNode(datasetIri));
    graph.add(service, dct('accessRights'), accessRights(graph, dataset));
    return service;
  }
  return null;
}

function accessRights(graph: Graph, dataset: OpenDataset) {
  return graph.typeOnce(`${EU}access-right/${ACCESS_RIGHTS[dataset.openType]}`, dct('RightsStatement'));
}

/** Adds one dataset with its distributions; returns the dataset and its data services. */
function addDataset(graph: Graph, origin: string, dataset: OpenDataset) {
  const iris = dcatIris(origin);
  const iri = iris.dataset(dataset.code);
  const node = namedNode(iri);
  graph.add(node, a, dcat('Dataset'));
  graph.text(node, dct('title'), dataset.name);
  graph.text(node, dct('description'), dataset.abstract);
  graph.add(node, dct('identifier'), literal(dataset.code));
  const identifier = blankNode();
  graph.add(node, adms('identifier'), identifier);
  graph.add(identifier, a, adms('Identifier'));
  graph.add(identifier, skos('notation'), literal(dataset.code));
  graph.text(identifier, rdfs('label'), '信息资源代码');
  graph.add(
    node,
    dct('publisher'),
    addAgent(
      graph,
      iris.agent(dataset.provider.creditCode),
      dataset.provider.name,
      dataset.provider.creditCode,
    ),
  );
  const own = dataset.classPath.at(-1);
  if (own) graph.add(node, dcat('theme'), namedNode(iris.theme(own.code)));
  for (const keyword of dataset.keywords) graph.text(node, dcat('keyword'), keyword);
  graph.add(node, dct('language'), graph.typeOnce(CHINESE.value, dct('LinguisticSystem')));
  graph.add(node, dct('accessRights'), accessRights(graph, dataset));
  const frequency = UPDATE_CYCLES.find((c) => c.code === dataset.updateCycle)?.euFrequency ?? 'IRREG';
  graph.add(node, dct('accrualPeriodicity'), graph.typeOnce(`${EU}frequency/${frequency}`, dct('Frequency')));
  graph.add(node, dct('issued'), dateTime(dataset.publishedAt));
  graph.add(node, dct('modified'), dateTime(dataset.modifiedAt));
  graph.add(node, dcat('landingPage'), graph.typeOnce(landingPageUrl(origin, dataset.id), foaf('Document')));
  if (dataset.openBasis) {
    // DCAT-AP wants an IRI for applicable legislation; the basis is free text, so the platform mints one.
    const legal = namedNode(`${iri}/legal-basis`);
    graph.add(node, dcatap('applicableLegislation'), legal);
    graph.add(legal, a, eli('LegalResource'));
    graph.text(legal, rdfs('label'), dataset.openBasis);
  }
  for (const related of dataset.related)
    graph.add(node, dct('relation'), namedNode(iris.dataset(related.code)));
  if (dataset.temporalStart || dataset.temporalEnd) {
    const period = blankNode();
    graph.add(node, dct('temporal'), period);
    graph.add(period, a, dct('PeriodOfTime'));
    if (dataset.temporalStart) graph.add(period, dcat('startDate'), date(dataset.temporalStart));
    if (dataset.temporalEnd) graph.add(period, dcat('endDate'), date(dataset.temporalEnd));
  }
  const { contact } = dataset;
  if (contact.name || contact.email || contact.phone) {
    const point = namedNode(`${iri}/contact-point`);
    graph.add(node, dcat('contactPoint'), point);
    graph.add(point, a, vcard('Kind'));
    graph.text(point, vcard('fn'), contact.name ?? dataset.provider.name);
    if (contact.email) graph.add(point, vcard('hasEmail'), namedNode(`mailto:${contact.email}`));
    if (contact.phone) graph.add(point, vcard('hasTelephone'), namedNode(telUri(contact.phone)));
  }
  const rights = [
    dataset.openCondition ? `开放条件：${dataset.openCondition}` : null,
    dataset.usageRequirements ? `使用要求：${dataset.usageRequirements}` : null,
  ]
    .filter(Boolean)
    .join('；');
  const services = [];
  for (const point of accessPoints(dataset, origin)) {
    graph.add(node, dcat('distribution'), namedNode(`${iri}/distributions/${point.key}`));
    const service = addDistribution(graph, iri, dataset, point, rights || null);
    if (service) services.push(service);
  }
  return { node, services };
}

/** The whole open catalog (or one page of it) as DCAT-AP quads. */
export function catalogGraph(
  origin: string,
  header: CatalogHeader,
  datasets: OpenDataset[],
  page: CatalogPage | null,
): Quad[] {
  const graph = new Graph();
  const iris = dcatIris(origin);
  const catalog = namedNode(iris.catalog);
  const region = header.regionName ?? '';
  graph.add(catalog, a, dcat('Catalog'));
  graph.text(catalog, dct('title'), `${region}公共数据开放目录`);
  graph.text(catalog, dct('title'), `Open data catalog${region ? ` of ${region}` : ''}`, 'en');
  graph.text(
    catalog,
    dct('description'),
    `${region}依法开放的公共数据资源目录，包括无条件开放和有条件开放的数据资源。`,
  );
  graph.text(
    catalog,
    dct('description'),
    'The public data resources that are open, unconditionally or on conditions.',
    'en',
  );
  const { publisher } = header;
  graph.add(
    catalog,
    dct('publisher'),
    addAgent(graph, iris.agent(publisher.creditCode), publisher.name, publisher.creditCode),
  );
  graph.add(catalog, foaf('homepage'), graph.typeOnce(`${origin}/`, foaf('Document')));
  graph.add(catalog, dct('language'), graph.typeOnce(CHINESE.value, dct('LinguisticSystem')));
  if (header.modifiedAt) graph.add(catalog, dct('modified'), dateTime(header.modifiedAt));
  const classes = new Map(datasets.flatMap((d) => d.classPath).map((c) => [c.code, c]));
  graph.add(catalog, dcat('themeTaxonomy'), addThemes(graph, iris, [...classes.values()]));
  for (const dataset of datasets) {
    const { node, services } = addDataset(graph, origin, dataset);
    graph.add(catalog, dcat('dataset'), node);
    for (const service of services) graph.add(catalog, dcat('service'), service);
  }
  if (page && page.total > page.pageSize) addPaging(graph, page);
  return graph.quads;
}

/** One dataset's own document: the dataset, its distributions, services, publisher and themes. */
export function datasetGraph(origin: string, dataset: OpenDataset): Quad[] {
  const graph = new Graph();
  addThemes(graph, dcatIris(origin), dataset.classPath);
  addDataset(graph, origin, dataset);
  return graph.quads;
}

function addPaging(graph: Graph, page: CatalogPage) {
  const last = Math.max(1, Math.ceil(page.total / page.pageSize));
  const pageIri = (n: number) => namedNode(`${page.documentUrl}?page=${n}`);
  const self = pageIri(page.page);
  graph.add(self, a, hydra('PagedCollection'));
  graph.add(self, hydra('totalItems'), literal(String(page.total), xsd('integer')));
  graph.add(self, hydra('itemsPerPage'), literal(String(page.pageSize), xsd('integer')));
  graph.add(self, hydra('firstPage'), pageIri(1));
  graph.add(self, hydra('lastPage'), pageIri(last));
  if (page.page > 1) graph.add(self, hydra('previousPage'), pageIri(Math.min(page.page - 1, last)));
  if (page.page < last) graph.add(self, hydra('nextPage'), pageIri(page.page + 1));
}
