// GET /api/plugin/integrity?key=&plugin_type=&ops=... (seed 002, sps-api-facts §6.5). The emulator keeps
// no runtime files that could drift from the uploaded zip, so its known checkers always pass.
import { INTEGRITY_PATH } from '../../contract/surface.ts';
import { apiError, type Reply } from '../errors.ts';
import { isKeyFormat } from '../keys.ts';
import type { Route, RouteContext } from '../route-table.ts';
import { findPlugin } from '../state.ts';
import { viewOf } from '../view.ts';

const CHECKERS: Record<string, { verdict: string; reason: string }> = {
  zip_checksum: { verdict: 'passed', reason: 'Plugin .zip checksums match' },
  zip_content: {
    verdict: 'passed',
    reason: 'The plugin runtime files are the same since you have uploaded the plugin .zip',
  },
};

function verdict(op: string): { verdict: string; reason: string } {
  if (Object.hasOwn(CHECKERS, op)) return CHECKERS[op]!;
  return { verdict: 'unavailable', reason: `Cannot find checker. Make sure that you use an existing checker: ${op}` };
}

function integrity(ctx: RouteContext): Reply {
  const key = ctx.query.get('key') ?? '';
  const type = ctx.query.get('plugin_type') ?? '';
  const ops = ctx.query.getAll('ops').filter((op) => op !== '');
  const missing = [key === '' && 'key', type === '' && 'plugin_type', ops.length === 0 && 'ops'].filter(
    (m): m is string => !!m,
  );
  if (missing.length > 0) {
    return apiError(400, 'MissingMandatoryParameter', `Missing mandatory parameter: ${missing.join(', ')}`, ctx.path, {
      parameters: missing,
    });
  }
  if (!isKeyFormat(key))
    return apiError(400, 'InvalidFormat', `The key '${key}' is not a valid plugin key`, ctx.path, { parameter: 'key' });
  if (!ctx.emulator.profile.pluginTypes.includes(type)) {
    return apiError(400, 'InvalidFormat', `The plugin type '${type}' is not valid`, ctx.path, {
      parameter: 'plugin_type',
    });
  }
  if (!findPlugin(viewOf(ctx), type, key))
    return apiError(404, 'MissingPlugin', 'The plugin is not in the configuration', ctx.path);
  const body = Object.fromEntries(ops.map((op) => [op, verdict(op)]));
  return {
    status: 200,
    body: {
      key,
      body,
      meta: { href: INTEGRITY_PATH, parent: INTEGRITY_PATH.slice(0, INTEGRITY_PATH.lastIndexOf('/')) },
    },
  };
}

export const integrityRoutes: Route[] = [{ method: 'GET', path: INTEGRITY_PATH, auth: 'session', handle: integrity }];
