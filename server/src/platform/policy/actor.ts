import type { Role } from './permissions.ts';

/**
 * Who is acting: a signed-in person, a department's application with an API key, or the platform
 * itself acting for an operator at the command line.
 */
export interface Actor {
  type: 'user' | 'application' | 'system';
  /** User id, API key id for an application, or the command's name for the system. */
  id: string;
  /** Username, or the application's name. */
  name: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  regionId: string | null;
  /** The actor's region and every region below it: where an authority or auditor may act. */
  regionScope: readonly string[];
  locale: 'zh-CN' | 'en';
  /**
   * True only for a public user whose identity is authenticated (实名认证, CQO §23): open data goes
   * to such users alone (see `requireVerifiedIdentity`). False for every other actor.
   */
  identityVerified: boolean;
  /** Set for cookie sessions: the session id and its CSRF token. */
  session?: { id: string; csrfToken: string };
  /** Set when the caller used an API key (a department's or a public user's personal one): its id. */
  apiKeyId?: string;
}

/** The context of one act, passed from routes to services (who, which request, from where). */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  /** Set for acts of the platform itself (sweeps, the sequencer, CLI): names the process. */
  system?: string;
  /** For anonymous acts such as a failed sign-in: the name the caller claimed. */
  claimedName?: string;
}

/** A context for acts of the platform itself, e.g. `systemContext('deadline-sweep')`. */
export function systemContext(name: string): RequestContext {
  return { actor: null, requestId: `system:${name}`, ip: null, system: name };
}

/**
 * The operator at the command line (`zhengshu user create`, `seed`): acts with the platform
 * administrator's rights, and is recorded in the audit trail as the system.
 */
export function operatorActor(command: string): Actor {
  return {
    type: 'system',
    id: command,
    name: command,
    displayName: command,
    role: 'platform_admin',
    departmentId: null,
    regionId: null,
    regionScope: [],
    locale: 'zh-CN',
    identityVerified: false,
  };
}

/** A context for an operator's command (see `operatorActor`). */
export function operatorContext(command: string): RequestContext {
  return { actor: operatorActor(command), requestId: `cli:${command}`, ip: null };
}
