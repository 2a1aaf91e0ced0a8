// LIKE patterns from what a user typed: their `%`, `_` and `\` match themselves, not any text.

/** Escapes LIKE wildcards (and the escape character) so that user text matches literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for "contains this text". */
export const containing = (text: string) => `%${likeLiteral(text)}%`;

/** A LIKE pattern for "starts with this text". */
export const startingWith = (text: string) => `${likeLiteral(text)}%`;
