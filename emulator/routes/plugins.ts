// /api/configuration/plugins and one collection per plugin type of the profile (seeds 001-004).
import { apiError } from '../errors.ts';
import { listItems, siblingMeta } from '../meta.ts';
import type { Route, RouteContext } from '../route.ts';
import { CONFIGURATION, CONFIGURATION_CHILDREN, PLUGINS, childHrefs, pluginTypeHrefs } from '../tree.ts';
import type { PluginRecord } from '../store.ts';

function pluginBody(p: PluginRecord, extended: boolean): Record<string, unknown> {
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

function notFound(path: string) {
  return apiError(404, 'NotFound', 'The requested object does not exist', path);
}

export const pluginRoutes: Route[] = [
  {
    method: 'GET',
    path: PLUGINS,
    auth: 'session',
    handle: ({ emulator }) => ({
      status: 200,
      body: {
        items: listItems(PLUGINS, emulator.profile.pluginTypes),
        meta: siblingMeta(PLUGINS, CONFIGURATION, childHrefs(CONFIGURATION, CONFIGURATION_CHILDREN)),
      },
    }),
  },
  {
    method: 'GET',
    path: `${PLUGINS}/:type`,
    auth: 'session',
    handle: (ctx) => {
      const type = knownType(ctx);
      if (!type) return notFound(ctx.path);
      const href = `${PLUGINS}/${type}`;
      const keys = ctx.emulator.store.plugins(type).map((p) => p.key);
      return {
        status: 200,
        body: { items: listItems(href, keys), meta: siblingMeta(href, PLUGINS, pluginTypeHrefs(ctx.emulator.profile)) },
      };
    },
  },
  {
    method: 'GET',
    path: `${PLUGINS}/:type/:key`,
    auth: 'session',
    handle: (ctx) => {
      const type = knownType(ctx);
      const plugin = type && ctx.emulator.store.plugin(type, ctx.params.key ?? '');
      if (!type || !plugin) return notFound(ctx.path);
      const parent = `${PLUGINS}/${type}`;
      const siblings = ctx.emulator.store.plugins(type).map((p) => `${parent}/${p.key}`);
      return {
        status: 200,
        body: {
          body: pluginBody(plugin, ctx.emulator.profile.extendedPluginBody),
          key: plugin.key,
          meta: siblingMeta(`${parent}/${plugin.key}`, parent, siblings),
        },
      };
    },
  },
];
