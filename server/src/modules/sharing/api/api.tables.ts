import type { Timestamp } from '../../../platform/db/schema.ts';

/** Row of `share_provider_systems`: a provider's own system that answers pass-through calls (CQ18 §18). */
export interface ShareProviderSystemTable {
  resource_id: string;
  department_id: string;
  /** http(s) URL with `{key}` where the record's key goes (percent-encoded). */
  url_template: string;
  auth_header_name: string | null;
  /** The header's value, sealed with the data keys; opened only to make the call. */
  auth_header_value: Buffer | null;
  updated_by: string | null;
  updated_by_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The sharing API's tables. */
export interface ShareApiTables {
  share_provider_systems: ShareProviderSystemTable;
}
