// The commands of the model-based property, for up to three logged-in sessions: open, commit,
// rollback, uploads (re-uploads of the same name), create/modify/delete of AA plugin instances,
// credential stores and usermapping policies, plugin deletes, and reads. Each command sends one
// request, checks the answer against the model's plan and then records the change in the model.
// Commands hold only slot numbers; names and keys are resolved when they run, so a printed sequence
// reads the same in every run.
import { TRANSACTION_PATH } from '../../contract/surface.ts';
import fc from 'fast-check';
import type { ApiResponse } from '../../suite/client/sps-client.ts';
import { keyAndHref } from '../../suite/client/objects.ts';
import {
  commitTransaction,
  openTransaction,
  rollbackTransaction,
  transactionStatus,
} from '../../suite/client/transactions.ts';
import {
  MODEL_RULES,
  type ConfigModel,
  type ModelPlugin,
  type ModelRule,
  type Plan,
  type ModelFamily,
} from '../../suite/model/config-model.ts';
import { gist, matches, modelCheck, shown } from './model-check.ts';
import {
  ABSENT_KEY,
  COLLECTIONS,
  PLUGIN_SLOT_TYPES,
  collectionPath,
  everyListAgrees,
  pluginZip,
  recordCommitted,
  type Collection,
  type Target,
} from './sequence-target.ts';

type Command = fc.AsyncCommand<ConfigModel, Target>;

/** Checks the answer against the plan and, when it is a success, records the change. */
function answered(plan: Plan, res: ApiResponse, label: string): void {
  modelCheck(
    plan.rule,
    plan.expect.some((a) => matches(res, a)),
    `${label}: expected ${shown(plan.expect)}, got ${gist(res)} ${res.body.toString('utf8').slice(0, 200)}`,
  );
  if (res.status >= 300) return;
  const key = keyAndHref(res)?.key;
  if (res.status === 201) modelCheck(plan.rule, key !== undefined, `${label}: a create must answer the new key`);
  if (plan.key !== undefined)
    modelCheck(plan.rule, key === plan.key, `${label}: expected the key ${plan.key} kept, got ${String(key)}`);
  plan.apply(key);
}

abstract class SessionCommand implements Command {
  constructor(readonly s: number) {}
  check(m: Readonly<ConfigModel>): boolean {
    return m.loggedIn[this.s] === true;
  }
  abstract run(m: ConfigModel, t: Target): Promise<void>;
  abstract toString(): string;
}

/** The names of every object a sequence can address, with where it lives. */
function addressable(t: Target): { name: string; collection: Collection }[] {
  return [
    ...t.names.plugins.map((name, i) => ({ name, collection: PLUGIN_SLOT_TYPES[i]! as Collection })),
    ...t.names.instances.map((name) => ({ name, collection: 'aa_plugin_instances' as const })),
    ...t.names.stores.map((name) => ({ name, collection: 'credentialstores' as const })),
    ...t.names.usermappings.map((name) => ({ name, collection: 'usermapping_policies' as const })),
  ];
}

/** GET of one object: 404 unless the session's view has it; the changed parts as the model says. */
async function readObject(
  m: ConfigModel,
  t: Target,
  s: number,
  name: string,
  collection: Collection,
  label: string,
  rule: ModelRule = MODEL_RULES.isolation,
): Promise<void> {
  const key = m.keyOf(name);
  if (key === undefined) return;
  const res = await t.clients[s]!.get(`${collectionPath(collection)}/${key}`);
  const body = (res.json as { body?: Record<string, unknown> } | undefined)?.body ?? {};
  if (collection === 'aa' || collection === 'credentialstore') {
    const plugin = m.pluginSeen(s, collection, key);
    modelCheck(
      rule,
      res.status === (plugin ? 200 : 404),
      `${label}: session ${s} GET ${name} (${collection}) answered ${gist(res)}, the model ${plugin ? 'has it' : 'does not'}`,
    );
    if (plugin)
      modelCheck(
        rule,
        body.version === plugin.version,
        `${label}: session ${s} sees ${name} version ${String(body.version)}, the model ${plugin.version}`,
      );
    return;
  }
  const policy = m.policySeen(s, collection, key);
  modelCheck(
    rule,
    res.status === (policy ? 200 : 404),
    `${label}: session ${s} GET ${name} answered ${gist(res)}, the model ${policy ? 'has it' : 'does not'}`,
  );
  if (!policy) return;
  const seen = { detail: detailOf(collection, body), plugin: pluginOf(collection, body) };
  const wanted = { detail: policy.detail, plugin: policy.plugin };
  modelCheck(
    rule,
    JSON.stringify(seen) === JSON.stringify(wanted),
    `${label}: session ${s} sees ${name} as ${JSON.stringify(seen)}, the model ${JSON.stringify(wanted)}`,
  );
}

function detailOf(kind: ModelFamily, body: Record<string, unknown>): string {
  if (kind === 'aa_plugin_instances') return String(body.configuration);
  if (kind === 'usermapping_policies') return String(body.allow_other_remote_users_without_mapping);
  return '';
}

function pluginOf(kind: ModelFamily, body: Record<string, unknown>): string | undefined {
  const ref =
    kind === 'aa_plugin_instances'
      ? body.plugin
      : kind === 'credentialstores'
        ? (body.type as { plugin?: unknown } | undefined)?.plugin
        : undefined;
  return ref === undefined ? undefined : String((ref as { key?: unknown }).key ?? ref);
}

/** After a commit or rollback: every session's lists, and every object as the acting session sees it. */
async function everyoneAgrees(m: ConfigModel, t: Target, s: number, rule: ModelRule, label: string): Promise<void> {
  await everyListAgrees(m, t, rule, label);
  for (const { name, collection } of addressable(t)) await readObject(m, t, s, name, collection, label, rule);
}

// --- sessions and transactions ---

class Open extends SessionCommand {
  async run(m: ConfigModel, t: Target): Promise<void> {
    answered(m.planOpen(this.s), await openTransaction(t.clients[this.s]!), this.toString());
  }
  toString(): string {
    return `open(s${this.s})`;
  }
}

class Status extends SessionCommand {
  async run(m: ConfigModel, t: Target): Promise<void> {
    const res = await t.clients[this.s]!.get(TRANSACTION_PATH);
    const wanted = m.holder === this.s ? 'open' : 'closed';
    modelCheck(
      MODEL_RULES.lock,
      res.status === 200 && transactionStatus(res) === wanted,
      `${this}: expected ${wanted}, got ${gist(res)} ${String(transactionStatus(res))}`,
    );
  }
  toString(): string {
    return `status(s${this.s})`;
  }
}

/**
 * Commit and rollback go to a fixed session (also when it holds nothing: the refusals are checked too),
 * or (`byHolder`) to whichever session holds the lock when their turn comes: a sequence then ends its
 * transactions often enough for the defects that need a commit and a later rollback, without long
 * sequences.
 */
abstract class TransactionEnd extends SessionCommand {
  constructor(
    s: number,
    readonly byHolder: boolean,
  ) {
    super(s);
  }
  protected session(m: Readonly<ConfigModel>): number {
    return this.byHolder ? (m.holder ?? this.s) : this.s;
  }
  /** The holder's variant runs only while a transaction is open (otherwise it is skipped). */
  override check(m: Readonly<ConfigModel>): boolean {
    return this.byHolder ? m.holder !== undefined : m.loggedIn[this.s] === true;
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    await this.end(m, t, this.session(m));
  }
  protected abstract end(m: ConfigModel, t: Target, s: number): Promise<void>;
  protected abstract readonly verb: string;
  toString(): string {
    return `${this.verb}(${this.byHolder ? 'holder' : `s${this.s}`})`;
  }
}

class Commit extends TransactionEnd {
  protected readonly verb = 'commit';
  /** A commit that would succeed needs one left in the sequence's allowance (ConfigModel.commitsLeft). */
  override check(m: Readonly<ConfigModel>): boolean {
    return super.check(m) && (this.session(m) !== m.holder || m.commitsLeft > 0);
  }
  protected async end(m: ConfigModel, t: Target, s: number): Promise<void> {
    const plan = m.planCommit(s);
    answered(plan, await commitTransaction(t.clients[s]!), this.toString());
    if (plan.rule !== MODEL_RULES.atomic) return;
    m.commitsLeft -= 1;
    recordCommitted(m, t);
    await everyoneAgrees(m, t, s, MODEL_RULES.atomic, `after ${this}`);
  }
}

class Rollback extends TransactionEnd {
  protected readonly verb = 'rollback';
  protected async end(m: ConfigModel, t: Target, s: number): Promise<void> {
    // A rollback by a session without the lock must change nothing: a difference then is the lock's.
    const rule = m.holder === s ? MODEL_RULES.rollback : MODEL_RULES.lock;
    answered(m.planRollback(s), await rollbackTransaction(t.clients[s]!), this.toString());
    await everyoneAgrees(m, t, s, rule, `after ${this}`);
  }
}

// --- plugins ---

class Upload extends SessionCommand {
  constructor(
    s: number,
    readonly slot: number,
    readonly version: number,
  ) {
    super(s);
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const type = PLUGIN_SLOT_TYPES[this.slot]!;
    const name = t.names.plugins[this.slot]!;
    const version = `1.0.${this.version}`;
    const plan = m.planUpload(this.s, type, name, version);
    answered(plan, await t.clients[this.s]!.upload(await pluginZip(t, type, name, version)), this.toString());
  }
  toString(): string {
    return `upload(s${this.s}, plugin${this.slot} ${PLUGIN_SLOT_TYPES[this.slot]}, 1.0.${this.version})`;
  }
}

class DeletePlugin extends SessionCommand {
  constructor(
    s: number,
    readonly slot: number,
  ) {
    super(s);
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const type = PLUGIN_SLOT_TYPES[this.slot]!;
    const key = m.keyOf(t.names.plugins[this.slot]!) ?? ABSENT_KEY;
    answered(
      m.planDeletePlugin(this.s, type, key),
      await t.clients[this.s]!.delete(`${collectionPath(type)}/${key}`),
      this.toString(),
    );
  }
  toString(): string {
    return `deletePlugin(s${this.s}, plugin${this.slot})`;
  }
}

/** The slot of a plugin name, for printing (plugin0 …). */
function slotOf(t: Target, name: string): string {
  return `plugin${t.names.plugins.indexOf(name)}`;
}

/** Re-upload of a plugin the session sees (committed ones come first), with a new version. */
class ReUpload extends SessionCommand {
  constructor(
    s: number,
    readonly version: number,
  ) {
    super(s);
  }
  override check(m: Readonly<ConfigModel>): boolean {
    return super.check(m) && m.view(this.s).plugins.length > 0;
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const plugin = m.view(this.s).plugins[0]!;
    const version = `1.0.${this.version}`;
    const plan = m.planUpload(this.s, plugin.type, plugin.name, version);
    answered(
      plan,
      await t.clients[this.s]!.upload(await pluginZip(t, plugin.type, plugin.name, version)),
      `${this} (${slotOf(t, plugin.name)})`,
    );
  }
  toString(): string {
    return `reupload(s${this.s}, first plugin seen, 1.0.${this.version})`;
  }
}

/** Delete of a plugin that a policy object in the session's view uses (a referenced delete). */
class DeleteUsedPlugin extends SessionCommand {
  override check(m: Readonly<ConfigModel>): boolean {
    return super.check(m) && usedPlugin(m, this.s) !== undefined;
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const plugin = usedPlugin(m, this.s)!;
    const res = await t.clients[this.s]!.delete(`${collectionPath(plugin.type)}/${plugin.key}`);
    answered(m.planDeletePlugin(this.s, plugin.type, plugin.key), res, `${this} (${slotOf(t, plugin.name)})`);
  }
  toString(): string {
    return `deletePlugin(s${this.s}, first plugin in use)`;
  }
}

function usedPlugin(m: Readonly<ConfigModel>, s: number): ModelPlugin | undefined {
  const view = m.view(s);
  return view.plugins.find((p) => view.policies.some((q) => q.plugin === p.key));
}

// --- policy objects ---

function configuration(revision: number): string {
  return `[plugin]\nrevision = ${revision}\n`;
}

/** The AA plugin instance or credential store body; the plugin by slot (slot 2 is not an AA plugin). */
function referencingBody(
  kind: ModelFamily,
  name: string,
  pluginKey: string,
  revision: number,
): Record<string, unknown> {
  if (kind === 'aa_plugin_instances') return { name, configuration: configuration(revision), plugin: pluginKey };
  return { name, type: { selection: 'external_plugin', plugin: pluginKey } };
}

function usermappingBody(name: string, allow: boolean): Record<string, unknown> {
  return {
    name,
    allow_other_remote_users_without_mapping: allow,
    mappings: [{ allowed_groups: ['sps-conformance'], remote_user: 'root' }],
  };
}

/** `pluginSlot` 'seen' is the first AA plugin the session sees (absent: a key no plugin has). */
class CreateInstance extends SessionCommand {
  constructor(
    s: number,
    readonly slot: number,
    readonly pluginSlot: number | 'seen',
    readonly revision: number,
  ) {
    super(s);
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    // The 'seen' variant also takes a name the session's view does not have yet, when there is one.
    const free = t.names.instances.find((n) => !m.view(this.s).policies.some((p) => p.name === n));
    const name = this.pluginSlot === 'seen' && free !== undefined ? free : t.names.instances[this.slot]!;
    const seen = m.view(this.s).plugins.find((p) => p.type === 'aa');
    const plugin =
      this.pluginSlot === 'seen'
        ? (seen?.key ?? ABSENT_KEY)
        : (m.keyOf(t.names.plugins[this.pluginSlot]!) ?? ABSENT_KEY);
    const plan = m.planCreatePolicy(this.s, 'aa_plugin_instances', name, configuration(this.revision), plugin);
    const res = await t.clients[this.s]!.post(
      collectionPath('aa_plugin_instances'),
      referencingBody('aa_plugin_instances', name, plugin, this.revision),
    );
    answered(
      plan,
      res,
      `${this} (instance${t.names.instances.indexOf(name)}, ${seen && plugin === seen.key ? slotOf(t, seen.name) : 'no plugin'})`,
    );
  }
  toString(): string {
    if (this.pluginSlot === 'seen')
      return `createInstance(s${this.s}, first free name, first AA plugin seen, rev ${this.revision})`;
    return `createInstance(s${this.s}, instance${this.slot}, plugin${this.pluginSlot}, rev ${this.revision})`;
  }
}

class ModifyInstance extends SessionCommand {
  constructor(
    s: number,
    readonly slot: number,
    readonly pluginSlot: number,
    readonly revision: number,
  ) {
    super(s);
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const name = t.names.instances[this.slot]!;
    const key = m.keyOf(name) ?? ABSENT_KEY;
    const plugin = m.keyOf(t.names.plugins[this.pluginSlot]!) ?? ABSENT_KEY;
    const plan = m.planModifyPolicy(this.s, 'aa_plugin_instances', key, configuration(this.revision), plugin);
    const res = await t.clients[this.s]!.put(
      `${collectionPath('aa_plugin_instances')}/${key}`,
      referencingBody('aa_plugin_instances', name, plugin, this.revision),
    );
    answered(plan, res, this.toString());
  }
  toString(): string {
    return `modifyInstance(s${this.s}, instance${this.slot}, plugin${this.pluginSlot}, rev ${this.revision})`;
  }
}

/**
 * Credential stores can "only be configured using the web interface" per the 6.9.4 reference: if the
 * target refuses the first valid create, the model records them unsupported and skips these commands.
 */
class CreateStore extends SessionCommand {
  constructor(
    s: number,
    readonly pluginSlot: number,
  ) {
    super(s);
  }
  override check(m: Readonly<ConfigModel>): boolean {
    return super.check(m) && m.credentialStores !== 'unsupported';
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const name = t.names.stores[0]!;
    const plugin = m.keyOf(t.names.plugins[this.pluginSlot]!) ?? ABSENT_KEY;
    const plan = m.planCreatePolicy(this.s, 'credentialstores', name, '', plugin);
    const res = await t.clients[this.s]!.post(
      collectionPath('credentialstores'),
      referencingBody('credentialstores', name, plugin, 0),
    );
    const validCreate = plan.expect.some((a) => a.status === 201);
    if (validCreate && m.credentialStores === 'unknown') {
      if (res.status >= 400 && res.status < 500) {
        m.credentialStores = 'unsupported';
        return;
      }
      if (res.status === 201) m.credentialStores = 'supported';
    }
    answered(plan, res, this.toString());
  }
  toString(): string {
    return `createStore(s${this.s}, plugin${this.pluginSlot})`;
  }
}

class DeletePolicy extends SessionCommand {
  constructor(
    s: number,
    readonly kind: ModelFamily,
    readonly slot: number,
  ) {
    super(s);
  }
  override check(m: Readonly<ConfigModel>): boolean {
    return super.check(m) && (this.kind !== 'credentialstores' || m.credentialStores !== 'unsupported');
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const key = m.keyOf(namesOf(t, this.kind)[this.slot]!) ?? ABSENT_KEY;
    answered(
      m.planDeletePolicy(this.s, this.kind, key),
      await t.clients[this.s]!.delete(`${collectionPath(this.kind)}/${key}`),
      this.toString(),
    );
  }
  toString(): string {
    return `delete(s${this.s}, ${this.kind}${this.slot})`;
  }
}

function namesOf(t: Target, kind: ModelFamily): string[] {
  return kind === 'aa_plugin_instances'
    ? t.names.instances
    : kind === 'credentialstores'
      ? t.names.stores
      : t.names.usermappings;
}

class CreateUsermapping extends SessionCommand {
  constructor(
    s: number,
    readonly slot: number,
    readonly allow: boolean,
  ) {
    super(s);
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const name = t.names.usermappings[this.slot]!;
    const plan = m.planCreatePolicy(this.s, 'usermapping_policies', name, String(this.allow));
    answered(
      plan,
      await t.clients[this.s]!.post(collectionPath('usermapping_policies'), usermappingBody(name, this.allow)),
      this.toString(),
    );
  }
  toString(): string {
    return `createUsermapping(s${this.s}, usermapping${this.slot}, allow ${this.allow})`;
  }
}

class ModifyUsermapping extends SessionCommand {
  constructor(
    s: number,
    readonly slot: number,
    readonly allow: boolean,
  ) {
    super(s);
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const name = t.names.usermappings[this.slot]!;
    const key = m.keyOf(name) ?? ABSENT_KEY;
    const plan = m.planModifyPolicy(this.s, 'usermapping_policies', key, String(this.allow));
    answered(
      plan,
      await t.clients[this.s]!.put(
        `${collectionPath('usermapping_policies')}/${key}`,
        usermappingBody(name, this.allow),
      ),
      this.toString(),
    );
  }
  toString(): string {
    return `modifyUsermapping(s${this.s}, usermapping${this.slot}, allow ${this.allow})`;
  }
}

// --- reads ---

class ReadList extends SessionCommand {
  constructor(
    s: number,
    readonly collection: Collection,
  ) {
    super(s);
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const res = await t.clients[this.s]!.get(collectionPath(this.collection));
    const items = (res.json as { items?: { key?: unknown }[] } | undefined)?.items ?? [];
    const keys = items.map((i) => String(i.key)).sort();
    const expected = [...(t.baseline.get(this.collection) ?? []), ...m.listed(this.s, this.collection)].sort();
    modelCheck(
      MODEL_RULES.isolation,
      res.status === 200 && JSON.stringify(keys) === JSON.stringify(expected),
      `${this}: got ${gist(res)} ${JSON.stringify(keys)}, the model ${JSON.stringify(expected)}`,
    );
  }
  toString(): string {
    return `list(s${this.s}, ${this.collection})`;
  }
}

class ReadObject extends SessionCommand {
  constructor(
    s: number,
    readonly index: number,
  ) {
    super(s);
  }
  async run(m: ConfigModel, t: Target): Promise<void> {
    const all = addressable(t);
    const { name, collection } = all[this.index % all.length]!;
    await readObject(m, t, this.s, name, collection, this.toString());
  }
  toString(): string {
    return `read(s${this.s}, object${this.index})`;
  }
}

// --- the generator ---

export interface CommandOptions {
  sessions: number;
  maxCommands: number;
  pluginDelete: boolean;
}

/**
 * Slots are biased to the first of each kind so that the steps of a defect's sequence meet. Session 0
 * does most of the writing (a lock held by one session makes the others' writes 409, which
 * is worth a few commands, not most of them). Commits are weighted low: on an appliance each costs
 * seconds.
 */
export function commandSequences(options: CommandOptions): fc.Arbitrary<Iterable<Command>> {
  const others = Array.from({ length: options.sessions - 1 }, (_, i) => ({ arbitrary: fc.constant(i + 1), weight: 1 }));
  const session = fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, ...others);
  const slot2 = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.constant(1), weight: 1 });
  // Mostly the first AA plugin, so uploads, re-uploads, its users and its delete meet in one sequence.
  const pluginSlot = fc.oneof(
    { arbitrary: fc.constant(0), weight: 6 },
    { arbitrary: fc.constant(1), weight: 1 },
    { arbitrary: fc.constant(2), weight: 1 },
  );
  const revision = fc.integer({ min: 1, max: 9 });
  const byHolder = fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 });
  const weighted = (weight: number, arbitrary: fc.Arbitrary<Command>) => ({ weight, arbitrary });
  // No login or logout commands: each login costs seconds on an appliance (the run budget allows 8).
  // A logout's effect on the holder's and on another session's transaction is checked by the logout
  // test of specs/transactions.spec.ts (TX-LOGOUT-001, TX-SEQUENCE-LOCK-001).
  const commands = [
    weighted(
      1,
      session.map((s) => new Open(s)),
    ),
    weighted(
      1,
      session.map((s) => new Status(s)),
    ),
    weighted(
      4,
      fc.tuple(session, byHolder).map(([s, h]) => new Commit(s, h)),
    ),
    weighted(
      2,
      fc.tuple(session, byHolder).map(([s, h]) => new Rollback(s, h)),
    ),
    weighted(
      4,
      fc.tuple(session, pluginSlot, fc.integer({ min: 1, max: 9 })).map(([s, p, v]) => new Upload(s, p, v)),
    ),
    weighted(
      2,
      fc.tuple(session, slot2, pluginSlot, revision).map(([s, i, p, r]) => new CreateInstance(s, i, p, r)),
    ),
    weighted(
      3,
      fc.tuple(session, slot2, revision).map(([s, i, r]) => new CreateInstance(s, i, 'seen', r)),
    ),
    weighted(
      1,
      fc.tuple(session, slot2, pluginSlot, revision).map(([s, i, p, r]) => new ModifyInstance(s, i, p, r)),
    ),
    weighted(
      1,
      fc.tuple(session, slot2).map(([s, i]) => new DeletePolicy(s, 'aa_plugin_instances', i)),
    ),
    weighted(
      1,
      fc.tuple(session, fc.constantFrom(2, 0)).map(([s, p]) => new CreateStore(s, p)),
    ),
    weighted(
      1,
      session.map((s) => new DeletePolicy(s, 'credentialstores', 0)),
    ),
    weighted(
      2,
      fc.tuple(session, slot2, fc.boolean()).map(([s, i, a]) => new CreateUsermapping(s, i, a)),
    ),
    weighted(
      1,
      fc.tuple(session, slot2, fc.boolean()).map(([s, i, a]) => new ModifyUsermapping(s, i, a)),
    ),
    weighted(
      1,
      fc.tuple(session, slot2).map(([s, i]) => new DeletePolicy(s, 'usermapping_policies', i)),
    ),
    weighted(
      1,
      fc.tuple(session, fc.constantFrom(...COLLECTIONS)).map(([s, c]) => new ReadList(s, c)),
    ),
    weighted(
      1,
      fc.tuple(session, fc.integer({ min: 0, max: 7 })).map(([s, i]) => new ReadObject(s, i)),
    ),
  ];
  commands.push(
    weighted(
      2,
      fc.tuple(session, fc.integer({ min: 1, max: 9 })).map(([s, v]) => new ReUpload(s, v)),
    ),
  );
  if (options.pluginDelete) {
    commands.push(
      weighted(
        2,
        fc.tuple(session, pluginSlot).map(([s, p]) => new DeletePlugin(s, p)),
      ),
    );
    commands.push(
      weighted(
        3,
        session.map((s) => new DeleteUsedPlugin(s)),
      ),
    );
  }
  return fc.commands([fc.oneof(...commands)], { maxCommands: options.maxCommands, size: 'max' });
}
