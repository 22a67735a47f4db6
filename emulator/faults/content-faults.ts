// Faults in what an answer says: plugin fields, integrity verdicts, list contents, the content type.
import { createHash } from 'node:crypto';
import { INTEGRITY_PATH, PLUGINS_PATH, TRANSACTION_PATH, UPLOAD_PATH } from '../../contract/surface.ts';
import type { Fault } from './fault.ts';
import { isJson, isListReply, withBody } from './reply-shapes.ts';

/** Answers that carry a plugin body: the upload answer and a plugin object. */
function isPluginAnswer(path: string): boolean {
  if (path.startsWith(UPLOAD_PATH)) return true;
  const rest = path.startsWith(`${PLUGINS_PATH}/`) ? path.slice(PLUGINS_PATH.length + 1) : '';
  return /^[^/]+\/[^/]+$/.test(rest);
}

/** "1.0" → "1", "1.10" → "1.1": what reading the MANIFEST as numbers does. */
function normalisedVersion(value: unknown): unknown {
  return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? String(Number(value)) : value;
}

export const contentFaults: Fault[] = [
  {
    name: 'version-normalised',
    description: 'plugin versions are read as numbers: MANIFEST "version: 1.0" is reported as "1"',
    violates: ['UPLOAD-FIELDS-001'],
    reply: (req, reply) =>
      reply.status < 300 && isPluginAnswer(req.path)
        ? withBody(reply, (body) => ({ ...body, version: normalisedVersion(body.version) }))
        : reply,
  },
  {
    name: 'sha256-of-wrong-bytes',
    description: 'sha256sum is computed over the plugin name instead of the uploaded zip bytes',
    violates: ['PLUGINS-OBJECT-002', 'UPLOAD-FIELDS-001'],
    reply: (req, reply) =>
      reply.status < 300 && isPluginAnswer(req.path)
        ? withBody(reply, (body) =>
            'sha256sum' in body
              ? { ...body, sha256sum: createHash('sha256').update(String(body.name)).digest('hex') }
              : body,
          )
        : reply,
  },
  {
    name: 'list-drops-last-item',
    description: 'list answers leave out their last item (an off-by-one in paging)',
    violates: ['PLUGINS-TREE-001', 'PLUGINS-OBJECT-001', 'TX-ISOLATION-001'],
    reply: (req, reply) =>
      isListReply(req.method, reply) && isJson(reply.body)
        ? { ...reply, body: { ...reply.body, items: (reply.body.items as unknown[]).slice(0, -1) } }
        : reply,
  },
  {
    name: 'integrity-verdict-text',
    description: 'the zip_checksum check gives its own wording ("Checksums OK") instead of the documented reason',
    violates: ['INTEGRITY-001', 'INTEGRITY-VERDICTS-001'],
    reply: (req, reply) =>
      req.path === INTEGRITY_PATH && reply.status === 200
        ? withBody(reply, (body) =>
            isJson(body.zip_checksum)
              ? { ...body, zip_checksum: { ...body.zip_checksum, reason: 'Checksums OK' } }
              : body,
          )
        : reply,
  },
  {
    name: 'integrity-all-ops',
    description: 'the integrity check answers every known checker, not only the requested ops',
    violates: ['INTEGRITY-VERDICTS-001'],
    reply: (req, reply) =>
      req.path === INTEGRITY_PATH && reply.status === 200
        ? withBody(reply, (body) => ({
            zip_checksum: { verdict: 'passed', reason: 'Plugin .zip checksums match' },
            zip_content: {
              verdict: 'passed',
              reason: 'The plugin runtime files are the same since you have uploaded the plugin .zip',
            },
            ...body,
          }))
        : reply,
  },
  {
    name: 'transaction-status-envelope',
    description:
      'the transaction status sits under the other SPS versions\' key ("transaction" where the profile documents "body", and back)',
    violates: ['TX-STATUS-001'],
    reply: (req, reply, profile) => {
      if (
        req.path !== TRANSACTION_PATH ||
        reply.status !== 200 ||
        !isJson(reply.body) ||
        !(profile.transactionEnvelope in reply.body)
      )
        return reply;
      const { [profile.transactionEnvelope]: status, ...rest } = reply.body;
      return {
        ...reply,
        body: { ...rest, [profile.transactionEnvelope === 'transaction' ? 'body' : 'transaction']: status },
      };
    },
  },
  {
    name: 'content-type-text-plain',
    description: 'successful answers are sent as text/plain instead of application/json',
    violates: ['ERROR-CONTENT-TYPE-001'],
    reply: (_req, reply) =>
      reply.status < 300
        ? { ...reply, headers: { ...reply.headers, 'content-type': 'text/plain; charset=utf-8' } }
        : reply,
  },
];
