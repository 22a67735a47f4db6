// /api/configuration/policies and its collections the emulator implements (sps-api-facts §8):
//   GET    <collection>        list              POST   <collection>        create (201)
//   GET    <collection>/<key>  object            PUT    <collection>/<key>  modify (200)
//   DELETE <collection>/<key>  delete (200, sibling meta of the deleted object)
import { apiError, semanticError, type Reply } from '../errors.ts';
import { readJsonObject } from '../json-body.ts';
import { isKeyFormat, newKey } from '../keys.ts';
import { familyPath, POLICIES_PATH, TRANSACTION_PATH } from '../../contract/surface.ts';
import { siblingMeta } from '../meta.ts';
import { listBody } from '../list-reply.ts';
import type { PolicyDefinition } from '../policies/definition.ts';
import { POLICY_DEFINITIONS } from '../policies/all.ts';
import type { Route, RouteContext } from '../route-table.ts';
import { policiesOf, withoutPolicy, withPolicy, type ConfigState, type PolicyRecord } from '../state.ts';
import { POLICY_CHILDREN, childHrefs } from '../tree.ts';
import { viewOf, withRemainingSeconds } from '../view.ts';
import { beginWrite } from '../writes.ts';
import { noQuery } from './query.ts';
import { treeNodeRoute } from './tree-node.ts';

function notFound(path: string): Reply {
  return apiError(404, 'NotFound', 'The requested object does not exist', path);
}

function findRecord(
  state: ConfigState,
  definition: PolicyDefinition,
  key: string | undefined,
): PolicyRecord | undefined {
  return key !== undefined && isKeyFormat(key)
    ? policiesOf(state, definition.family).find((r) => r.key === key)
    : undefined;
}

function objectMeta(ctx: RouteContext, state: ConfigState, definition: PolicyDefinition, key: string) {
  const parent = familyPath(definition.family);
  const siblings = policiesOf(state, definition.family).map((r) => `${parent}/${r.key}`);
  return withRemainingSeconds(ctx, siblingMeta(`${parent}/${key}`, parent, siblings));
}

function changedReply(status: number, definition: PolicyDefinition, key: string): Reply {
  const parent = familyPath(definition.family);
  return { status, body: { key, meta: { href: `${parent}/${key}`, parent, transaction: TRANSACTION_PATH } } };
}

async function createOrModify(
  ctx: RouteContext,
  definition: PolicyDefinition,
  key: string | undefined,
): Promise<Reply> {
  const start = beginWrite(ctx);
  if (!start.ok) return start.reply;
  if (key !== undefined && !findRecord(start.base, definition, key)) return notFound(ctx.path);
  const input = await readJsonObject(ctx);
  if (!input.ok) return input.reply;
  // Re-read after the await: the state may have changed while the body arrived.
  const again = beginWrite(ctx);
  if (!again.ok) return again.reply;
  if (key !== undefined && !findRecord(again.base, definition, key)) return notFound(ctx.path);
  const checked = definition.check(input.value, again.base, key);
  if (!checked.ok) return semanticError(ctx.path, checked.problems);
  const record = { key: key ?? newKey(), body: checked.body };
  again.save(withPolicy(again.base, definition.family, record));
  return changedReply(key === undefined ? 201 : 200, definition, record.key);
}

function collectionRoutes(definition: PolicyDefinition): Route[] {
  const collection = familyPath(definition.family);
  const siblings = childHrefs(POLICIES_PATH, POLICY_CHILDREN);
  return [
    {
      method: 'GET',
      path: collection,
      auth: 'session',
      handle: (ctx) => {
        const state = viewOf(ctx);
        const keys = () => policiesOf(state, definition.family).map((r) => r.key);
        return (
          noQuery(ctx) ?? {
            status: 200,
            body: listBody(ctx, state, collection, POLICIES_PATH, keys, siblings),
          }
        );
      },
    },
    {
      method: 'POST',
      path: collection,
      auth: 'session',
      write: true,
      handle: (ctx) => createOrModify(ctx, definition, undefined),
    },
    {
      method: 'GET',
      path: `${collection}/:key`,
      auth: 'session',
      handle: (ctx) => {
        const state = viewOf(ctx);
        const record = findRecord(state, definition, ctx.params.key);
        if (!record) return notFound(ctx.path);
        return {
          status: 200,
          body: {
            key: record.key,
            body: definition.show(record.body),
            meta: objectMeta(ctx, state, definition, record.key),
          },
        };
      },
    },
    {
      method: 'PUT',
      path: `${collection}/:key`,
      auth: 'session',
      write: true,
      handle: (ctx) => createOrModify(ctx, definition, ctx.params.key),
    },
    {
      method: 'DELETE',
      path: `${collection}/:key`,
      auth: 'session',
      write: true,
      handle: (ctx) => {
        const start = beginWrite(ctx);
        if (!start.ok) return start.reply;
        const record = findRecord(start.base, definition, ctx.params.key);
        if (!record) return notFound(ctx.path);
        // The meta describes the list as it was, with href still the deleted object (sps-api-facts §2.3).
        const meta = siblingMeta(
          `${collection}/${record.key}`,
          collection,
          policiesOf(start.base, definition.family).map((r) => `${collection}/${r.key}`),
        );
        start.save(withoutPolicy(start.base, definition.family, record.key));
        return { status: 200, body: { meta: withRemainingSeconds(ctx, meta) } };
      },
    },
  ];
}

export const policyRoutes: Route[] = [
  treeNodeRoute(POLICIES_PATH, POLICY_CHILDREN, () => POLICY_CHILDREN),
  ...POLICY_DEFINITIONS.flatMap(collectionRoutes),
];
