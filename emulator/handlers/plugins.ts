// /api/configuration/plugins, one collection per plugin type of the profile, and plugin delete
// (seeds 001-004; delete since 6.4, seed 002).
import type { Profile } from '../../contract/profiles.ts';
import { familyPath, PLUGINS_PATH } from '../../contract/surface.ts';
import { apiError, semanticError, type Reply } from '../errors.ts';
import { isKeyFormat } from '../keys.ts';
import { siblingMeta } from '../meta.ts';
import { POLICY_DEFINITIONS } from '../policies/all.ts';
import type { Route, RouteContext } from '../route-table.ts';
import { findPlugin, pluginsOf, policiesOf, withoutPlugin, type ConfigState, type PluginRecord } from '../state.ts';
import { pluginTypeHrefs } from '../tree.ts';
import { listBody } from '../list-reply.ts';
import { viewOf, withRemainingSeconds } from '../view.ts';
import { beginWrite } from '../writes.ts';
import { noQuery } from './query.ts';
import { treeNodeRoute } from './tree-node.ts';

export function pluginBody(p: PluginRecord, extended: boolean): Record<string, unknown> {
  const base = { api: p.api, description: p.description, name: p.name, path: p.path, version: p.version };
  if (!extended) return base;
  return {
    ...base,
    default_configuration: p.defaultConfiguration,
    entry_point: p.entryPoint,
    scb_max_version: p.scbMaxVersion,
    scb_min_version: p.scbMinVersion,
    sha256sum: p.sha256sum,
  };
}

function knownType(ctx: RouteContext): string | undefined {
  const type = ctx.params.type ?? '';
  return ctx.emulator.profile.pluginTypes.includes(type) ? type : undefined;
}

function visiblePlugin(ctx: RouteContext, state: ConfigState): PluginRecord | undefined {
  const type = knownType(ctx);
  const key = ctx.params.key ?? '';
  return type && isKeyFormat(key) ? findPlugin(state, type, key) : undefined;
}

function notFound(path: string, message = 'The requested object does not exist'): Reply {
  return apiError(404, 'NotFound', message, path);
}

/** Hrefs of the policy objects that reference `plugin`; a referenced plugin cannot be deleted. */
function referrers(state: ConfigState, plugin: PluginRecord): string[] {
  return POLICY_DEFINITIONS.flatMap((definition) =>
    policiesOf(state, definition.family)
      .filter((r) =>
        definition.pluginReferences(r.body).some((ref) => ref.type === plugin.type && ref.key === plugin.key),
      )
      .map((r) => `${familyPath(definition.family)}/${r.key}`),
  );
}

function deletePlugin(ctx: RouteContext): Reply {
  const start = beginWrite(ctx);
  if (!start.ok) return start.reply;
  const plugin = visiblePlugin(ctx, start.base);
  if (!plugin) return notFound(ctx.path, 'There is no plugin with the given key');
  const deviations = ctx.emulator.fault?.deviations;
  // Fault `plugin-delete-ignores-references` skips the reference check; `delete-check-ignores-new-users`
  // counts only users that are committed already (not those made in this transaction).
  const draftUsers = deviations?.ignoreReferences ? [] : referrers(start.base, plugin);
  const users = deviations?.deleteIgnoresNewUsers
    ? draftUsers.filter((href) => referrers(ctx.emulator.store.committed, plugin).includes(href))
    : draftUsers;
  if (users.length > 0) {
    return semanticError(
      ctx.path,
      users.map((href) => ({ field: 'key', message: `The plugin is still used by ${href}` })),
    );
  }
  start.save(withoutPlugin(start.base, plugin));
  const parent = `${PLUGINS_PATH}/${plugin.type}`;
  return { status: 200, body: { meta: { href: `${parent}/${plugin.key}`, parent } } };
}

export function pluginRoutes(profile: Profile): Route[] {
  // Made once: a list GET then builds no string and no array before the memoized answer.
  const typeHrefs = pluginTypeHrefs(profile);
  const hrefOfType = new Map(profile.pluginTypes.map((type) => [type, `${PLUGINS_PATH}/${type}`]));
  const routes: Route[] = [
    treeNodeRoute(PLUGINS_PATH, profile, () => profile.pluginTypes),
    {
      method: 'GET',
      path: `${PLUGINS_PATH}/:type`,
      auth: 'session',
      handle: (ctx) => {
        const type = knownType(ctx);
        if (!type) return notFound(ctx.path);
        const refused = noQuery(ctx);
        if (refused) return refused;
        const state = viewOf(ctx);
        const href = hrefOfType.get(type)!;
        const keys = () => pluginsOf(state, type).map((p) => p.key);
        return { status: 200, body: listBody(ctx, state, href, PLUGINS_PATH, keys, typeHrefs) };
      },
    },
    {
      method: 'GET',
      path: `${PLUGINS_PATH}/:type/:key`,
      auth: 'session',
      handle: (ctx) => {
        const state = viewOf(ctx);
        const plugin = visiblePlugin(ctx, state);
        if (!plugin) return notFound(ctx.path);
        const parent = `${PLUGINS_PATH}/${plugin.type}`;
        const siblings = pluginsOf(state, plugin.type).map((p) => `${parent}/${p.key}`);
        return {
          status: 200,
          body: {
            body: pluginBody(plugin, profile.extendedPluginBody),
            key: plugin.key,
            meta: withRemainingSeconds(ctx, siblingMeta(`${parent}/${plugin.key}`, parent, siblings)),
          },
        };
      },
    },
  ];
  // Before 6.4 "you cannot delete a plugin, only update it" (seed 003): no route, so the router says 405.
  if (profile.pluginDelete)
    routes.push({
      method: 'DELETE',
      path: `${PLUGINS_PATH}/:type/:key`,
      auth: 'session',
      write: true,
      handle: deletePlugin,
    });
  return routes;
}
