// JSON-LD of a DCAT graph, written straight from its quads: one node object per subject in a
// flattened `@graph`, properties and types as prefixed names of the context. The general JSON-LD
// algorithms (fromRDF + compact) took about 30 s for a page of 500 datasets; this takes
// milliseconds and yields the same triples (the tests read it back with a JSON-LD processor).
import type { Quad, Term } from 'n3';
import { PREFIXES } from './dcat.graph.ts';

const RDF_TYPE = `${PREFIXES.rdf}type`;
const XSD_STRING = `${PREFIXES.xsd}string`;
const LANG_STRING = `${PREFIXES.rdf}langString`;
const PREFIX_ENTRIES = Object.entries(PREFIXES);

/** A vocabulary IRI as a prefixed name when a prefix covers it (`dct:title`), else the IRI. */
function vocab(iri: string): string {
  for (const [prefix, base] of PREFIX_ENTRIES) {
    if (iri.startsWith(base) && /^[A-Za-z_][\w-]*$/.test(iri.slice(base.length))) {
      return `${prefix}:${iri.slice(base.length)}`;
    }
  }
  return iri;
}

function nodeId(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function value(term: Term): unknown {
  if (term.termType === 'NamedNode' || term.termType === 'BlankNode') return { '@id': nodeId(term) };
  if (term.termType !== 'Literal') throw new Error(`unexpected term ${term.termType}`);
  if (term.language) return { '@value': term.value, '@language': term.language };
  const datatype = term.datatype.value;
  if (datatype === XSD_STRING || datatype === LANG_STRING) return term.value;
  return { '@value': term.value, '@type': vocab(datatype) };
}

/** The quads as a JSON-LD document with the DCAT prefixes as its context. */
export function toJsonLd(quads: Quad[]): { '@context': Record<string, string>; '@graph': object[] } {
  const nodes = new Map<string, Record<string, unknown[] | string>>();
  for (const quad of quads) {
    const id = nodeId(quad.subject);
    let node = nodes.get(id);
    if (!node) {
      node = { '@id': id };
      nodes.set(id, node);
    }
    const [key, item] =
      quad.predicate.value === RDF_TYPE && quad.object.termType === 'NamedNode'
        ? ['@type', vocab(quad.object.value)]
        : [vocab(quad.predicate.value), value(quad.object)];
    const list = node[key];
    if (Array.isArray(list)) list.push(item);
    else node[key] = [item];
  }
  return { '@context': { ...PREFIXES }, '@graph': [...nodes.values()] };
}
