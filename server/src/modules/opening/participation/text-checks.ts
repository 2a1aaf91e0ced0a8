// Checks of the texts the public writes on the portal (comments, showcase descriptions, requests):
// no control characters (PostgreSQL refuses NUL, and the others only hide things), something said
// beyond blanks, and not spam — text that is mostly links, or one short piece repeated. The texts
// are stored as typed; these checks only decide whether they are taken.
import type { FieldProblem } from '../../../platform/errors/app-error.ts';

// C0 controls except tab, line feed and carriage return; DEL; C1 controls; and the invisible
// direction overrides that can make a text read differently from what it says.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// A link as spammers write it: a scheme, www., or a bare domain with a common top-level domain.
const LINK =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'，。！？、）)]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|top|xyz|vip|info|cc|io|me|co|biz|shop|site|online)\b(?:\/[^\s<>"'，。！？、）)]*)?/giu;
// A piece of at most 30 characters repeated at least four more times in a row.
const REPEATED = /(.{1,30}?)\1{4,}/gsu;

/** More links than this in one text is a list of links, whatever else it says. */
export const MAX_LINKS = 3;
/** The share of a text's characters (without blanks) that may be links or repeats. */
const SPAM_SHARE = 0.5;
/** Shorter texts are not judged for repeats ("好好好" is a short answer, not a flood). */
const MIN_REPEAT_JUDGED = 12;

/** The number of characters (code points, as the database's char_length counts). */
export const charLength = (text: string) => [...text].length;

const withoutBlanks = (text: string) => text.replace(/\s+/gu, '');

/** The links in a text. */
export function linksIn(text: string): string[] {
  return text.match(LINK) ?? [];
}

/** Whether a text is mostly links (or more than MAX_LINKS of them). */
export function mostlyLinks(text: string): boolean {
  const links = linksIn(text);
  if (links.length === 0) return false;
  if (links.length > MAX_LINKS) return true;
  const total = charLength(withoutBlanks(text));
  const linked = links.reduce((sum, link) => sum + charLength(link), 0);
  return linked > total * SPAM_SHARE;
}

/** Whether a text is mostly one short piece repeated ("顶顶顶顶顶…", "buy now buy now …"). */
export function mostlyRepeats(text: string): boolean {
  const compact = withoutBlanks(text);
  const total = charLength(compact);
  if (total < MIN_REPEAT_JUDGED) return false;
  let repeated = 0;
  for (const match of compact.matchAll(REPEATED)) repeated += charLength(match[0]);
  if (repeated > total * SPAM_SHARE) return true;
  // Few distinct characters over a long text say the same thing in another way ("哈哈嘿哈哈嘿哈…").
  return new Set(compact).size <= 3;
}

/**
 * The problems of a text the public wrote, at `path`: control characters, nothing but blanks,
 * fewer than `min` characters said, mostly links, mostly repeats. Empty when the text is taken.
 */
export function textProblems(text: string, path: string, options: { min?: number } = {}): FieldProblem[] {
  if (CONTROL.test(text)) return [{ path, code: 'open.participation.text_control' }];
  const said = text.trim();
  if (!said) return [{ path, code: 'open.participation.text_required' }];
  const min = options.min ?? 1;
  if (charLength(said) < min) return [{ path, code: 'open.participation.text_short', params: { min } }];
  if (mostlyLinks(said)) return [{ path, code: 'open.participation.text_links', params: { max: MAX_LINKS } }];
  if (mostlyRepeats(said)) return [{ path, code: 'open.participation.text_repeats' }];
  return [];
}
