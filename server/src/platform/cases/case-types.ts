import type { DeadlineKey } from '../profiles/profile.schema.ts';

/** A move of the state machine: from any of `from` to `to`. */
export interface TransitionSpec<S extends string> {
  from: readonly S[];
  to: S;
}

/** What a workflow module declares about its kind of case. */
export interface CaseTypeSpec<S extends string, A extends string> {
  /** Unique name, `module.thing`, e.g. `sharing.conditional_request`. */
  type: string;
  /** The profile deadline that sets the due date; null for cases without a deadline. */
  rule: DeadlineKey | null;
  states: readonly S[];
  initial: S;
  /** States that close the case (closed_at is set on entering one). */
  terminal: readonly S[];
  transitions: Record<A, TransitionSpec<S>>;
}

/** A defined case type: pass it to `openCase`; its actions are typed for `transition`. */
export interface CaseType<S extends string = string, A extends string = string> extends CaseTypeSpec<S, A> {
  readonly defined: true;
}

const registry = new Map<string, CaseType>();

/**
 * Defines (and registers) a kind of case. Checked once at load time: the initial, terminal and
 * transition states must be declared states, and no move may leave a terminal state.
 *
 * ```ts
 * export const correction = defineCaseType({
 *   type: 'sharing.correction', rule: 'correctionReply',
 *   states: ['received', 'checked', 'rejected'], initial: 'received', terminal: ['checked', 'rejected'],
 *   transitions: { confirm: { from: ['received'], to: 'checked' }, reject: { from: ['received'], to: 'rejected' } },
 * });
 * ```
 */
export function defineCaseType<const S extends string, const A extends string>(
  spec: CaseTypeSpec<S, A>,
): CaseType<S, A> {
  const states = new Set<string>(spec.states);
  const problem = (what: string) => new Error(`case type ${spec.type}: ${what}`);
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(spec.type))
    throw problem('the type name must be module.thing');
  if (!states.has(spec.initial)) throw problem(`initial state ${spec.initial} is not declared`);
  for (const state of spec.terminal)
    if (!states.has(state)) throw problem(`terminal state ${state} is not declared`);
  if (spec.terminal.includes(spec.initial)) throw problem('the initial state cannot be terminal');
  for (const [action, move] of Object.entries(spec.transitions) as [string, TransitionSpec<S>][]) {
    if (!states.has(move.to)) throw problem(`${action} leads to undeclared state ${move.to}`);
    for (const from of move.from) {
      if (!states.has(from)) throw problem(`${action} starts from undeclared state ${from}`);
      if (spec.terminal.includes(from)) throw problem(`${action} leaves terminal state ${from}`);
    }
  }
  const existing = registry.get(spec.type);
  if (existing && JSON.stringify(existing) !== JSON.stringify({ ...spec, defined: true })) {
    throw problem('is defined twice, differently');
  }
  const caseType: CaseType<S, A> = { ...spec, defined: true };
  registry.set(spec.type, caseType as unknown as CaseType);
  return caseType;
}

/** The registered definition of a case type, or undefined. */
export function findCaseType(type: string): CaseType | undefined {
  return registry.get(type);
}

/** Every registered case type (for the UI's filters). */
export function caseTypes(): CaseType[] {
  return [...registry.values()];
}
