// What the portal shows of the people who take part: a natural person's real name is their display
// name (it comes from identity authentication), so public lists show it masked (张*, 欧阳**); an
// organisation is shown by its name. Nothing else about an author is ever public.
import { maskName } from '../../../platform/masking/values.ts';

/** The name a public list shows for a user. */
export function publicName(displayName: string, personType: string | null): string {
  return personType === 'natural' ? maskName(displayName) : displayName;
}

/** A timestamp as ISO text. */
export const isoOf = (value: Date | string) => new Date(value).toISOString();

/** A timestamp as ISO text, or null. */
export const isoOrNull = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
