// Whether a published resource's share / open attributes are in effect: they are when they have a
// passed secrecy review (保密审查), kept as flags in the published view (`catalog_entries`) so that
// the share and open catalogs stay reads of one indexed table. Sharing, opening, search, CKAN and
// DCAT call these instead of reading share_type / open_type alone.
import { sql, type RawBuilder } from 'kysely';

/** The columns of a published entry these checks read. */
export interface EntryEffect {
  share_type: string;
  open_type: string;
  share_review_passed: boolean;
  open_review_passed: boolean;
}

/** Whether the entry is in the share catalog: its share attributes passed their review. */
export function isShareEffective(entry: Pick<EntryEffect, 'share_review_passed'>): boolean {
  return entry.share_review_passed;
}

/** Whether the resource may actually be shared (in the share catalog and not 不予共享). */
export function isShared(entry: Pick<EntryEffect, 'share_type' | 'share_review_passed'>): boolean {
  return entry.share_review_passed && entry.share_type !== 'none';
}

/** Whether the entry is in the open catalog: open (on conditions or not) and its open attributes passed. */
export function isOpenEffective(entry: EntryEffect): boolean {
  return entry.open_review_passed && entry.open_type !== 'none';
}

/** SQL: the entry aliased `alias` is in the share catalog. */
export function shareEffectiveSql(alias: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.share_review_passed`)}`;
}

/** SQL: the entry aliased `alias` is in the open catalog. */
export function openEffectiveSql(alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.open_review_passed`)} AND ${sql.ref(`${alias}.open_type`)} IN ('unconditional', 'conditional'))`;
}
