// The configuration state the emulator holds, as plain immutable data. A change builds a new state that
// shares every untouched collection with the old one, so a transaction's draft costs only what it changed.
import { FAMILY_NAMES, type FamilyName } from '../contract/surface.ts';

/** One uploaded plugin: the MANIFEST fields as written, and what the integrity check needs (not the zip). */
export interface PluginRecord {
  readonly key: string;
  readonly type: string;
  readonly name: string;
  readonly version: string;
  readonly api: string;
  readonly description: string;
  readonly entryPoint: string | null;
  readonly scbMinVersion: string;
  readonly scbMaxVersion: string;
  readonly defaultConfiguration: string;
  readonly sha256sum: string;
  readonly path: string;
}

/** A policy object, with references held as key strings (the request form, sps-api-facts §2.5). */
export interface PolicyRecord {
  readonly key: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** Passwords are secrets: only a SHA-256 hash is ever kept. */
export interface PasswordRecord {
  readonly key: string;
  readonly sha256: string;
}

export interface ConfigState {
  /** Per plugin type, in upload order: a list GET reads one type without scanning the others. */
  readonly plugins: Readonly<Record<string, readonly PluginRecord[]>>;
  /** One list per resource family (contract/surface.ts), in creation order. */
  readonly policies: Readonly<Record<FamilyName, readonly PolicyRecord[]>>;
  readonly passwords: readonly PasswordRecord[];
}

export function emptyState(): ConfigState {
  return {
    plugins: {},
    policies: Object.fromEntries(FAMILY_NAMES.map((name) => [name, []])),
    passwords: [],
  };
}

/** Adds `record`, or replaces the record with the same key where it stands (list order is kept). */
function upsert<T extends { key: string }>(list: readonly T[], record: T): T[] {
  const at = list.findIndex((r) => r.key === record.key);
  if (at < 0) return [...list, record];
  const copy = [...list];
  copy[at] = record;
  return copy;
}

export function pluginsOf(state: ConfigState, type: string): readonly PluginRecord[] {
  return Object.hasOwn(state.plugins, type) ? state.plugins[type]! : [];
}

export function findPlugin(state: ConfigState, type: string, key: string): PluginRecord | undefined {
  return pluginsOf(state, type).find((p) => p.key === key);
}

export function withPlugin(state: ConfigState, plugin: PluginRecord): ConfigState {
  return { ...state, plugins: { ...state.plugins, [plugin.type]: upsert(pluginsOf(state, plugin.type), plugin) } };
}

export function withoutPlugin(state: ConfigState, plugin: PluginRecord): ConfigState {
  return {
    ...state,
    plugins: { ...state.plugins, [plugin.type]: pluginsOf(state, plugin.type).filter((p) => p.key !== plugin.key) },
  };
}

/** The records of a family; a name that is no family has none. */
export function policiesOf(state: ConfigState, family: FamilyName): readonly PolicyRecord[] {
  return Object.hasOwn(state.policies, family) ? state.policies[family]! : [];
}

export function withPolicy(state: ConfigState, family: FamilyName, record: PolicyRecord): ConfigState {
  return { ...state, policies: { ...state.policies, [family]: upsert(policiesOf(state, family), record) } };
}

export function withoutPolicy(state: ConfigState, family: FamilyName, key: string): ConfigState {
  return {
    ...state,
    policies: { ...state.policies, [family]: policiesOf(state, family).filter((r) => r.key !== key) },
  };
}

export function withPassword(state: ConfigState, password: PasswordRecord): ConfigState {
  return { ...state, passwords: [...state.passwords, password] };
}
