// A small model of the configuration the SPS REST API manages, for model-based (stateful) properties:
// the committed state, the one draft of the session that holds the global lock, plugins by type and
// name, AA plugin instances and credential stores referencing plugins, usermapping policies. It is
// written from the documents and schemas/decisions.md, never from the emulator's code (it imports
// nothing from emulator/). Every `plan*` method says what the target must answer and which
// requirement that expectation comes from; `apply` records the change once the target has answered.

export type PluginType = 'aa' | 'credentialstore';
/** The resource families (contract/surface.ts) the model covers: trusted_ca_lists is left to its spec. */
export type ModelFamily = 'aa_plugin_instances' | 'credentialstores' | 'usermapping_policies';

/** The requirement ids the model's expectations stand for (schemas/requirements.yaml). */
export const MODEL_RULES = {
  rollback: 'TX-SEQUENCE-ROLLBACK-001',
  atomic: 'TX-SEQUENCE-ATOMIC-001',
  isolation: 'TX-SEQUENCE-ISOLATION-001',
  lock: 'TX-SEQUENCE-LOCK-001',
  references: 'PLUGIN-DELETE-REFERENCED-003',
} as const;
export type ModelRule = (typeof MODEL_RULES)[keyof typeof MODEL_RULES];

/** The model's families, with the plugin type each one's objects reference (undefined: none). */
export const REFERENCED_TYPE: Readonly<Record<ModelFamily, PluginType | undefined>> = {
  aa_plugin_instances: 'aa',
  credentialstores: 'credentialstore',
  usermapping_policies: undefined,
};

export interface ModelPlugin {
  readonly type: PluginType;
  readonly name: string;
  readonly key: string;
  readonly version: string;
}

export interface ModelPolicy {
  readonly kind: ModelFamily;
  readonly name: string;
  readonly key: string;
  /** Key of the referenced plugin, for the kinds that reference one. */
  readonly plugin?: string;
  /** The part of the body the sequence changes (configuration text, the allow flag). */
  readonly detail: string;
}

export interface ModelConfig {
  readonly plugins: readonly ModelPlugin[];
  readonly policies: readonly ModelPolicy[];
}

/** One acceptable answer: a status and, for errors, the error type. */
export interface Answer {
  status: number;
  type?: string;
}

export interface Plan {
  /** The acceptable answers (more than one only where the documents leave a choice open). */
  expect: Answer[];
  rule: ModelRule;
  /** The key the answer must carry (re-uploads keep theirs). */
  key?: string;
  /** Records the change after a successful answer; `key` is the key the target gave. */
  apply(key: string | undefined): void;
}

const EMPTY: ModelConfig = { plugins: [], policies: [] };
const NOTHING = () => undefined;
const unauthenticated = (): Plan => ({
  expect: [{ status: 401, type: 'Unauthenticated' }],
  rule: MODEL_RULES.isolation,
  apply: NOTHING,
});

export class ConfigModel {
  committed: ModelConfig = EMPTY;
  /** The draft of the lock holder; undefined when nobody holds the lock. */
  draft: ModelConfig | undefined;
  holder: number | undefined;
  readonly loggedIn: boolean[];
  /** The first change opens a transaction by itself (6.9 and later; sps-api-facts 3.3). */
  readonly autoOpen: boolean;
  /** The last key the target gave each name, kept after deletes and rollbacks to address gone objects. */
  readonly keys = new Map<string, string>();
  /**
   * Commits the sequence may still make: each takes seconds on an appliance, so the stateful spec
   * caps them (a commit that would succeed is skipped once none are left; refusals cost nothing).
   */
  commitsLeft = Number.POSITIVE_INFINITY;
  /** Credential stores over REST: the documents say "web interface only" (6.9.4), so it is probed. */
  credentialStores: 'unknown' | 'supported' | 'unsupported' = 'unknown';

  constructor(sessions: number, autoOpen: boolean) {
    this.loggedIn = Array.from({ length: sessions }, () => true);
    this.autoOpen = autoOpen;
  }

  /** What session `s` sees: its draft while it holds the lock, the committed state otherwise. */
  view(s: number): ModelConfig {
    return this.holder === s && this.draft ? this.draft : this.committed;
  }

  keyOf(name: string): string | undefined {
    return this.keys.get(name);
  }

  // --- sessions and transactions ---

  planLogin(s: number): Plan {
    return {
      expect: [{ status: 200 }],
      rule: MODEL_RULES.lock,
      apply: () => {
        this.loggedIn[s] = true;
      },
    };
  }

  /** Logging out rolls back the session's own transaction, and only its own (TX-LOGOUT-001). */
  planLogout(s: number): Plan {
    if (!this.loggedIn[s]) return unauthenticated();
    return {
      expect: [{ status: 200 }],
      rule: MODEL_RULES.lock,
      apply: () => {
        this.loggedIn[s] = false;
        if (this.holder === s) this.#release();
      },
    };
  }

  planOpen(s: number): Plan {
    if (!this.loggedIn[s]) return unauthenticated();
    if (this.holder !== undefined && this.holder !== s)
      return { expect: [locked()], rule: MODEL_RULES.lock, apply: NOTHING };
    return { expect: [{ status: 200 }], rule: MODEL_RULES.lock, apply: () => this.#take(s) };
  }

  /**
   * Commit publishes the whole draft at once. With nothing open it is 400 SemanticError; while another
   * session holds the lock the documents say nothing, so 409 TransactionLocked is accepted as well.
   */
  planCommit(s: number): Plan {
    if (!this.loggedIn[s]) return unauthenticated();
    if (this.holder !== s) {
      const other = this.holder !== undefined;
      return {
        expect: other ? [noTransaction(), locked()] : [noTransaction()],
        rule: MODEL_RULES.lock,
        apply: NOTHING,
      };
    }
    return {
      expect: [{ status: 200 }],
      rule: MODEL_RULES.atomic,
      apply: () => {
        this.committed = this.draft ?? this.committed;
        this.#release();
      },
    };
  }

  /** Rollback always answers 200 and discards the session's own draft, if it has one. */
  planRollback(s: number): Plan {
    if (!this.loggedIn[s]) return unauthenticated();
    return {
      expect: [{ status: 200 }],
      rule: MODEL_RULES.rollback,
      apply: () => void (this.holder === s && this.#release()),
    };
  }

  // --- changes ---

  planUpload(s: number, type: PluginType, name: string, version: string): Plan {
    const refused = this.#writeRefusal(s);
    if (refused) return refused;
    const existing = this.view(s).plugins.find((p) => p.type === type && p.name === name);
    return {
      expect: [{ status: existing ? 200 : 201 }],
      rule: MODEL_RULES.isolation,
      key: existing?.key,
      apply: (key) => {
        const plugin = { type, name, key: existing?.key ?? key ?? '', version };
        this.keys.set(name, plugin.key);
        const plugins = this.view(s).plugins;
        this.#change(s, {
          ...this.view(s),
          plugins: existing ? plugins.map((p) => (p === existing ? plugin : p)) : [...plugins, plugin],
        });
      },
    };
  }

  planCreatePolicy(s: number, kind: ModelFamily, name: string, detail: string, plugin?: string): Plan {
    const refused = this.#writeRefusal(s);
    if (refused) return refused;
    const view = this.view(s);
    const taken = view.policies.some((p) => p.kind === kind && p.name === name);
    const badReference = this.#badReference(view, kind, plugin);
    if (taken || badReference)
      return {
        expect: [semantic()],
        rule: badReference ? MODEL_RULES.references : MODEL_RULES.isolation,
        apply: NOTHING,
      };
    return {
      expect: [{ status: 201 }],
      rule: MODEL_RULES.isolation,
      apply: (key) => {
        this.keys.set(name, key ?? '');
        const policy: ModelPolicy = { kind, name, key: key ?? '', detail, ...(plugin === undefined ? {} : { plugin }) };
        this.#change(s, { ...this.view(s), policies: [...this.view(s).policies, policy] });
      },
    };
  }

  /** A modify keeps the name; it changes the detail and, for referencing kinds, the plugin. */
  planModifyPolicy(s: number, kind: ModelFamily, key: string, detail: string, plugin?: string): Plan {
    const refused = this.#writeRefusal(s);
    if (refused) return refused;
    const view = this.view(s);
    const current = view.policies.find((p) => p.kind === kind && p.key === key);
    if (!current) return { expect: [notFound()], rule: MODEL_RULES.isolation, apply: NOTHING };
    if (this.#badReference(view, kind, plugin))
      return { expect: [semantic()], rule: MODEL_RULES.references, apply: NOTHING };
    return {
      expect: [{ status: 200 }],
      rule: MODEL_RULES.isolation,
      apply: () => {
        const next: ModelPolicy = { ...current, detail, ...(plugin === undefined ? {} : { plugin }) };
        this.#change(s, { ...this.view(s), policies: this.view(s).policies.map((p) => (p === current ? next : p)) });
      },
    };
  }

  planDeletePolicy(s: number, kind: ModelFamily, key: string): Plan {
    const refused = this.#writeRefusal(s);
    if (refused) return refused;
    const current = this.view(s).policies.find((p) => p.kind === kind && p.key === key);
    if (!current) return { expect: [notFound()], rule: MODEL_RULES.isolation, apply: NOTHING };
    return {
      expect: [{ status: 200 }],
      rule: MODEL_RULES.isolation,
      apply: () => this.#change(s, { ...this.view(s), policies: this.view(s).policies.filter((p) => p !== current) }),
    };
  }

  /** A plugin some policy object of the session's draft uses cannot be deleted (seed 002: 400). */
  planDeletePlugin(s: number, type: PluginType, key: string): Plan {
    const refused = this.#writeRefusal(s);
    if (refused) return refused;
    const view = this.view(s);
    const current = view.plugins.find((p) => p.type === type && p.key === key);
    if (!current) return { expect: [notFound()], rule: MODEL_RULES.isolation, apply: NOTHING };
    const used = view.policies.some((p) => REFERENCED_TYPE[p.kind] === type && p.plugin === key);
    if (used) return { expect: [semantic()], rule: MODEL_RULES.references, apply: NOTHING };
    return {
      expect: [{ status: 200 }],
      rule: MODEL_RULES.references,
      apply: () => this.#change(s, { ...this.view(s), plugins: this.view(s).plugins.filter((p) => p !== current) }),
    };
  }

  // --- reads ---

  /** Keys session `s` must see in a plugin type's list or a policy collection (the model's own objects). */
  listed(s: number, collection: PluginType | ModelFamily): string[] {
    const view = this.view(s);
    const keys =
      collection === 'aa' || collection === 'credentialstore'
        ? view.plugins.filter((p) => p.type === collection).map((p) => p.key)
        : view.policies.filter((p) => p.kind === collection).map((p) => p.key);
    return keys.sort();
  }

  pluginSeen(s: number, type: PluginType, key: string): ModelPlugin | undefined {
    return this.view(s).plugins.find((p) => p.type === type && p.key === key);
  }

  policySeen(s: number, kind: ModelFamily, key: string): ModelPolicy | undefined {
    return this.view(s).policies.find((p) => p.kind === kind && p.key === key);
  }

  // --- internals ---

  /** Why a write by `s` cannot happen now: no session, another session's lock, or no transaction. */
  #writeRefusal(s: number): Plan | undefined {
    if (!this.loggedIn[s]) return unauthenticated();
    if (this.holder !== undefined && this.holder !== s)
      return { expect: [locked()], rule: MODEL_RULES.lock, apply: NOTHING };
    if (this.holder === undefined && !this.autoOpen)
      return { expect: [semantic()], rule: MODEL_RULES.lock, apply: NOTHING };
    return undefined;
  }

  #badReference(view: ModelConfig, kind: ModelFamily, plugin: string | undefined): boolean {
    const type = REFERENCED_TYPE[kind];
    return type !== undefined && !view.plugins.some((p) => p.type === type && p.key === plugin);
  }

  #take(s: number): void {
    if (this.holder === s) return;
    this.holder = s;
    this.draft = this.committed;
  }

  /** A successful write: the draft changes, opening the transaction first if none was open. */
  #change(s: number, next: ModelConfig): void {
    this.#take(s);
    this.draft = next;
  }

  #release(): void {
    this.holder = undefined;
    this.draft = undefined;
  }
}

function locked(): Answer {
  return { status: 409, type: 'TransactionLocked' };
}

function semantic(): Answer {
  return { status: 400, type: 'SemanticError' };
}

function noTransaction(): Answer {
  return semantic();
}

function notFound(): Answer {
  return { status: 404, type: 'NotFound' };
}
