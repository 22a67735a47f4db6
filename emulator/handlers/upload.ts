// POST /api/upload/plugins (sps-api-facts §6.3): the raw zip body, at most 20 MiB, inspected by the
// packaging rules (contract/plugin). A new type+name creates a plugin (201); a known one is updated in place
// and keeps its key (200).
import { createHash } from 'node:crypto';
import { inspectPlugin, type Inspection } from '../../contract/plugin/inspect.ts';
import { UPLOAD_LIMIT_BYTES } from '../../contract/plugin/limits.ts';
import type { PluginManifest } from '../../contract/plugin/manifest-fields.ts';
import type { Profile } from '../../contract/profiles.ts';
import { declaredLength, mediaType, readBody } from '../body.ts';
import { apiError, semanticError, type Reply } from '../errors.ts';
import { newKey } from '../keys.ts';
import type { Route, RouteContext } from '../route-table.ts';
import { pluginsOf, withPlugin, type PluginRecord } from '../state.ts';
import { PLUGINS_PATH, UPLOAD_PATH } from '../../contract/surface.ts';
import { MAX_CONCURRENT_UPLOADS, releaseUploadSlot, takeUploadSlot } from '../upload-slots.ts';
import { beginWrite } from '../writes.ts';
import { skipsRule } from '../faults/fault.ts';
import { pluginBody } from './plugins.ts';

const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

export function tooLarge(path: string): Reply {
  return apiError(
    413,
    'PayloadTooLarge',
    `The plugin file is larger than the ${UPLOAD_LIMIT_BYTES}-byte limit (20 MiB)`,
    path,
  );
}

/** True when an upload announces more than the limit: refused before a byte of the body is read. */
export function announcesTooLarge(path: string, contentLength: number | undefined): boolean {
  return path.replace(/\/+$/, '') === UPLOAD_PATH && (contentLength ?? 0) > UPLOAD_LIMIT_BYTES;
}

/** Inspection never throws by contract; should it fail anyway, the upload is refused, not the process. */
async function inspect(bytes: Buffer, profile: Profile): Promise<Inspection> {
  try {
    return await inspectPlugin(bytes, { profile });
  } catch (error) {
    process.stderr.write(`emulator: plugin inspection failed: ${String(error)}\n`);
    return {
      problems: [{ rule: 'zip.not-a-zip', message: 'The file could not be read as a plugin zip' }],
      warnings: [],
      entries: [],
      defaultConfiguration: '',
    };
  }
}

function record(key: string, manifest: PluginManifest, inspection: Inspection, bytes: Buffer): PluginRecord {
  return {
    key,
    type: manifest.type,
    name: manifest.name,
    version: manifest.version,
    api: manifest.api,
    description: manifest.description,
    entryPoint: manifest.entryPoint,
    scbMinVersion: manifest.scbMinVersion,
    scbMaxVersion: manifest.scbMaxVersion,
    defaultConfiguration: inspection.defaultConfiguration,
    sha256sum: createHash('sha256').update(bytes).digest('hex'),
    path: `/opt/scb/var/plugins/${manifest.type}/${manifest.name}`,
  };
}

async function upload(ctx: RouteContext): Promise<Reply> {
  const type = mediaType(ctx.req);
  if (type !== undefined && !ZIP_TYPES.includes(type)) {
    return apiError(415, 'UnsupportedMediaType', `Upload the plugin as ${ZIP_TYPES.join(', ')}`, ctx.path);
  }
  const start = beginWrite(ctx);
  if (!start.ok) return start.reply;
  if (announcesTooLarge(UPLOAD_PATH, declaredLength(ctx.req))) return tooLarge(ctx.path);
  if (!takeUploadSlot(ctx.emulator)) {
    return {
      ...apiError(
        503,
        'ServiceUnavailable',
        `${MAX_CONCURRENT_UPLOADS} uploads are already being received; retry shortly`,
        ctx.path,
      ),
      headers: { 'retry-after': '5' },
    };
  }
  let body: Awaited<ReturnType<typeof readBody>>;
  try {
    body = await readBody(ctx.req, UPLOAD_LIMIT_BYTES, ctx.acceptBody);
  } finally {
    releaseUploadSlot(ctx.emulator);
  }
  if (!body.ok)
    return body.reason === 'too-large'
      ? tooLarge(ctx.path)
      : apiError(400, 'SyntacticError', 'The upload was not received completely', ctx.path);
  const inspection = await inspect(body.bytes, ctx.emulator.profile);
  const manifest = inspection.manifest;
  const deviations = ctx.emulator.fault?.deviations;
  // Fault `manifest-fields-unchecked` lets some packaging rules pass.
  const broken = deviations?.skippedRules
    ? inspection.problems.filter((p) => !skipsRule(deviations, p.rule))
    : inspection.problems;
  if (broken.length > 0 || !manifest) {
    const problems =
      broken.length > 0 ? broken : [{ rule: 'manifest.missing', message: 'MANIFEST file not found in the Zip' }];
    return semanticError(ctx.path, problems);
  }
  // Re-read after the awaits: another write of this session may have landed meanwhile.
  const again = beginWrite(ctx);
  if (!again.ok) return again.reply;
  // Fault `reupload-creates-new-plugin` never finds the plugin it should update.
  const existing = deviations?.reuploadCreates
    ? undefined
    : pluginsOf(again.base, manifest.type).find((p) => p.name === manifest.name);
  const plugin = record(existing?.key ?? newKey(), manifest, inspection, body.bytes);
  again.save(withPlugin(again.base, plugin));
  const parent = `${PLUGINS_PATH}/${plugin.type}`;
  return {
    status: existing ? 200 : 201,
    body: {
      key: plugin.key,
      body: pluginBody(plugin, ctx.emulator.profile.extendedPluginBody),
      meta: { href: `${parent}/${plugin.key}`, parent },
    },
  };
}

export const uploadRoutes: Route[] = [
  { method: 'POST', path: UPLOAD_PATH, auth: 'session', write: true, handle: upload },
];
