import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Value } from 'typebox/value';
import { Profile, type DeadlineKey, type DeadlineRule } from './profile.schema.ts';

/** Where the shipped profiles live: `profiles/<id>.json` at the repository root. */
export const PROFILES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../profiles',
);

/** A profile that does not validate; the message names the profile and the field. */
export class ProfileError extends Error {
  constructor(
    readonly profileId: string,
    readonly problems: string[],
  ) {
    super(`profile ${profileId}: ${problems.join('; ')}`);
    this.name = 'ProfileError';
  }
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

// Unions (rule | null) report one error per branch plus an "anyOf"; the deepest errors say what is
// really wrong, so keep those and drop errors about their parents.
function describe(errors: SchemaError[]): string[] {
  const lines = errors
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'boolean')
    .filter((e) => !(e.keyword === 'type' && e.params.type === 'null'))
    .map((e) => {
      const at = e.instancePath || '';
      if (e.keyword === 'required') {
        const missing = (e.params.requiredProperties as string[] | undefined) ?? [];
        return missing.map((name) => `${at}/${name} is required`).join('; ');
      }
      if (e.keyword === 'additionalProperties') {
        const extra = (e.params.additionalProperties as string[] | undefined) ?? [];
        return extra.map((name) => `${at}/${name} is not a known field`).join('; ');
      }
      return `${at || '/'} ${e.message}`;
    });
  const unique = [...new Set(lines)];
  return unique.length > 0 ? unique : ['does not match the profile schema'];
}

/** Validates a parsed profile; throws a ProfileError naming each wrong field. */
export function validateProfile(id: string, value: unknown): Profile {
  if (!Value.Check(Profile, value)) {
    throw new ProfileError(id, describe([...Value.Errors(Profile, value)] as SchemaError[]));
  }
  if (value.id !== id) throw new ProfileError(id, [`/id must be "${id}" (the file name), got "${value.id}"`]);
  return value;
}

/** Reads and validates `profiles/<id>.json`; throws a ProfileError for an unknown id or a bad file. */
export function loadProfile(id: string, dir: string = PROFILES_DIR): Profile {
  if (!/^[a-z0-9-]{1,32}$/.test(id))
    throw new ProfileError(id, ['the profile id must be lowercase letters, digits or -']);
  const file = path.join(dir, `${id}.json`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    const known = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((name) => name.endsWith('.json') && !name.startsWith('calendar'))
          .map((name) => name.replace(/\.json$/, ''))
      : [];
    throw new ProfileError(id, [`no such profile (${file}); known: ${known.join(', ') || 'none'}`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(id, [`${file} is not valid JSON: ${(error as Error).message}`]);
  }
  return validateProfile(id, parsed);
}

/** The deadline rule of a profile, or null where its regulation sets none. */
export function deadlineRule(profile: Profile, key: DeadlineKey): DeadlineRule | null {
  return profile.deadlines[key];
}
