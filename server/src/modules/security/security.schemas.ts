import { Type } from 'typebox';

/** A uuid. */
export const Uuid = Type.String({ format: 'uuid' });
/** A calendar date 'YYYY-MM-DD'. */
export const Day = Type.String({ format: 'date' });
/** An instant with its offset, e.g. 2026-03-01T08:30:00+08:00. */
export const Instant = Type.String({ format: 'date-time' });
/** A required free text. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/** `:id` of a register entry. */
export const IdParams = Type.Object({ id: Uuid });
/** A department as shown with its records. */
export const DepartmentRefOut = Type.Object({ id: Type.String(), name: Type.String() });
/** A catalog resource as shown with a record. */
export const ResourceRefOut = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
/** Up to 100 catalog resources. */
export const ResourceIds = Type.Array(Uuid, { maxItems: 100, uniqueItems: true });
