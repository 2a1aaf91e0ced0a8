// Chinese word segmentation for full-text search. PostgreSQL's parsers cannot split Chinese text
// into words, so we cut it with jieba here and hand PostgreSQL words separated by spaces, which the
// `simple` configuration indexes as they are. Documents are cut in search mode (every dictionary
// word inside a longer one too, so 公安 finds 市公安局); queries are cut precisely and each word
// may also match as its pieces, because the same characters can be cut differently in context.
import fs from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** The government-terms user dictionary shipped next to this file (one term a line). */
export const GOV_TERMS_FILE = new URL('./gov-terms.txt', import.meta.url);

/**
 * Frequency given to a user term whose line names none: high enough that the precise cut keeps the
 * term whole (统一社会信用代码, not 统一/社会/信用/代码), as jieba's own suggested frequencies do.
 */
const DEFAULT_TERM_FREQUENCY = 20_000;

/** Single characters that carry no meaning on their own in catalog text. */
const STOP_CHARACTERS = new Set(
  '的 地 得 了 着 过 和 与 及 或 等 在 是 对 为 之 其 并 由 于 从 以 而 把 被 将 也 都 这 那 个 各 每 即 如 若 则 向 至 且 又'.split(
    ' ',
  ),
);

/** A word has at least one letter or digit; punctuation and spaces are not words. */
const WORDLIKE = /[\p{L}\p{N}]/u;
// Control characters (NUL included) cannot be stored in PostgreSQL text: they become spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

let instance: Jieba | undefined;

/**
 * Parses the user dictionary: `term [frequency]` a line, `#` comments and blank lines ignored.
 * A term without a frequency gets the default, or the frequency jieba's own dictionary gives it
 * when that is higher (`known`), so listing a common word (学校, 公安) never weakens it.
 * Returns lines in the form jieba's loader takes (`term frequency`).
 */
export function parseUserDictionary(text: string, known: (term: string) => number = () => 0): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [term, frequency, ...rest] = line.split(/\s+/);
    if (!term || rest.length > 0 || (frequency !== undefined && !/^\d+$/.test(frequency)))
      throw new Error(`bad user dictionary line: ${raw}`);
    lines.push(`${term} ${frequency ?? Math.max(DEFAULT_TERM_FREQUENCY, known(term))}`);
  }
  return lines;
}

/** Frequencies jieba's main dictionary gives to the listed terms (`word freq tag` lines). */
function mainFrequencies(terms: Set<string>): Map<string, number> {
  const text = Buffer.from(dict).toString('utf8');
  const frequencies = new Map<string, number>();
  // A scan with indexOf instead of split: the dictionary has 350,000 lines.
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const space = text.indexOf(' ', start);
    if (space > start && space < end) {
      const word = text.slice(start, space);
      if (terms.has(word)) frequencies.set(word, Number.parseInt(text.slice(space + 1, end), 10) || 0);
    }
    start = end + 1;
  }
  return frequencies;
}

/** The process's segmenter: jieba's dictionary plus the government terms, loaded on first use. */
function jieba(): Jieba {
  if (!instance) {
    const segmenter = Jieba.withDict(dict);
    const text = fs.readFileSync(GOV_TERMS_FILE, 'utf8');
    const listed = new Set(parseUserDictionary(text).map((line) => line.split(' ')[0]!));
    const known = mainFrequencies(listed);
    const terms = parseUserDictionary(text, (term) => known.get(term) ?? 0);
    segmenter.loadDict(Buffer.from(terms.join('\n'), 'utf8'));
    instance = segmenter;
  }
  return instance;
}

/** Removes control characters and surrounding space (NUL would break PostgreSQL text). */
export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ').trim();
}

function normalise(word: string): string | null {
  const lower = word.trim().toLowerCase();
  if (!lower || !WORDLIKE.test(lower)) return null;
  if ([...lower].length === 1 && STOP_CHARACTERS.has(lower)) return null;
  return lower;
}

/**
 * The words under which a document is found: jieba's search-mode cut, plus every dictionary word
 * inside each longer word (search mode only adds the 2- and 3-character ones, so 社会保障 inside
 * 社会保障卡 would be missed). Lower-cased, without punctuation and stop characters, in text order.
 */
export function indexWords(text: string): string[] {
  const clean = cleanText(text);
  if (!clean) return [];
  const segmenter = jieba();
  const words: string[] = [];
  for (const token of segmenter.cutForSearch(clean, true)) {
    const word = normalise(token);
    if (!word) continue;
    words.push(word);
    if ([...word].length > 3 && /\p{Script=Han}/u.test(word)) {
      for (const inner of segmenter.cutAll(word)) {
        if (inner !== word && [...inner].length > 3) words.push(inner);
      }
    }
  }
  return words;
}

/** The document text as PostgreSQL should index it: its words separated by spaces. */
export function indexText(text: string): string {
  return indexWords(text).join(' ');
}

/**
 * A word of a query. It matches a document holding the word itself, or holding all its `pieces`
 * (the fewest dictionary words that make it up), for documents where those characters were cut
 * into smaller words.
 */
export interface QueryWord {
  word: string;
  pieces: string[];
}

/**
 * The fewest dictionary words of two or more characters (besides the word itself) that make up a
 * word, or none when it cannot be covered that way. Single characters are not pieces: they would
 * match far too much (网约车 is not 网 + 约 + 车).
 */
function piecesOf(segmenter: Jieba, word: string): string[] {
  const chars = [...word];
  if (chars.length < 4 || !/\p{Script=Han}/u.test(word)) return [];
  const found = new Set(segmenter.cutAll(word).filter((w) => w !== word && [...w].length >= 2));
  // best[i]: the fewest pieces covering the first i characters (undefined: no cover).
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= chars.length; end++) {
    let choice: string[] | undefined;
    for (let start = Math.max(0, end - 8); start < end - 1; start++) {
      const before = best[start];
      const piece = chars.slice(start, end).join('');
      if (before && found.has(piece) && (!choice || before.length + 1 < choice.length))
        choice = [...before, piece];
    }
    best.push(choice);
  }
  return (best[chars.length] ?? []).map((p) => p.toLowerCase());
}

/**
 * Cuts a query into the words all of which a match must contain (precise mode), without
 * punctuation and stop characters. An empty list means the text has nothing to search for.
 */
export function queryWords(text: string): QueryWord[] {
  const clean = cleanText(text);
  if (!clean) return [];
  const segmenter = jieba();
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const token of segmenter.cut(clean, true)) {
    const word = normalise(token);
    if (!word || seen.has(word)) continue;
    seen.add(word);
    words.push({ word, pieces: piecesOf(segmenter, word) });
  }
  return words;
}
