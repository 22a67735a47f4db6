// Faults in the `meta` links: the navigation every answer carries (sps-api-facts §2.2), easy to get
// almost right.
import { POLICIES_PATH } from '../../contract/surface.ts';
import type { Fault } from './fault.ts';
import { isListReply, isObjectReply, withMeta, without } from './reply-shapes.ts';

function grandparent(path: unknown): unknown {
  return typeof path === 'string' && path.lastIndexOf('/') > 0 ? path.slice(0, path.lastIndexOf('/')) : path;
}

export const metaFaults: Fault[] = [
  {
    name: 'href-trailing-slash',
    description: 'GET answers give meta.href with a trailing slash',
    violates: ['META-ENVELOPE-001', 'PLUGINS-TREE-001', 'META-LIST-001'],
    reply: (req, reply) =>
      req.method === 'GET' && reply.status === 200
        ? withMeta(reply, (meta) => ({ ...meta, href: `${String(meta.href)}/` }))
        : reply,
  },
  {
    name: 'object-parent-is-grandparent',
    description: "an object's meta.parent names the level above its collection",
    violates: ['META-OBJECT-001'],
    reply: (req, reply) =>
      isObjectReply(req.method, reply)
        ? withMeta(reply, (meta) => ({ ...meta, parent: grandparent(meta.parent) }))
        : reply,
  },
  {
    name: 'next-previous-swapped',
    description: 'meta.next and meta.previous are swapped on objects and collections',
    violates: ['META-OBJECT-ORDER-001', 'META-SIBLINGS-001'],
    reply: (req, reply) =>
      isObjectReply(req.method, reply) || isListReply(req.method, reply)
        ? withMeta(reply, (meta) => ({ ...meta, next: meta.previous, previous: meta.next }))
        : reply,
  },
  {
    name: 'object-without-transaction-link',
    description: 'object answers leave meta.transaction out',
    violates: ['META-OBJECT-001'],
    reply: (req, reply) =>
      isObjectReply(req.method, reply) ? withMeta(reply, (meta) => without(meta, 'transaction')) : reply,
  },
  {
    name: 'object-is-own-first-and-last',
    description: 'every object names itself as meta.first and meta.last of its collection',
    violates: ['META-OBJECT-001', 'META-ENVELOPE-001'],
    reply: (req, reply) =>
      isObjectReply(req.method, reply)
        ? withMeta(reply, (meta) => ({ ...meta, first: meta.href, last: meta.href }))
        : reply,
  },
  {
    name: 'remaining-seconds-missing',
    description: 'meta never carries remaining_seconds, even while a transaction is open',
    violates: ['TX-REMAINING-001', 'META-REMAINING-001'],
    reply: (_req, reply) => withMeta(reply, (meta) => without(meta, 'remaining_seconds')),
  },
  {
    name: 'delete-answers-collection-href',
    description:
      "deleting a policy object answers the collection's meta (href = the collection) instead of the deleted object's",
    violates: ['META-DELETE-001'],
    reply: (req, reply) =>
      req.method === 'DELETE' && reply.status === 200 && req.path.startsWith(`${POLICIES_PATH}/`)
        ? withMeta(reply, (meta) => ({ ...meta, href: meta.parent }))
        : reply,
  },
];
