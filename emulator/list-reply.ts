// List answers built once per configuration state. A state is immutable (every write makes a new one),
// so the list of an unchanged state is the same object, and its JSON text is made once: a list GET then
// costs a lookup, not a rebuild, a JSON.stringify and its UTF-8 encoding (about 6 µs for 15 items).
// While the caller has a transaction open, meta carries remaining_seconds, which changes: no memo then.
import { listItems, siblingMeta, type Meta } from './meta.ts';
import type { RouteContext } from './route-table.ts';
import { withRemainingSeconds } from './view.ts';

export interface ListBody {
  items: { key: string; meta: { href: string } }[];
  meta: Meta;
}

/** By state, then profile name, then href: nested maps, so a lookup joins no strings. */
const bodies = new WeakMap<object, Map<string, Map<string, ListBody>>>();
const texts = new WeakMap<object, Buffer>();

function build(
  ctx: RouteContext,
  href: string,
  parent: string,
  keys: readonly string[],
  siblings: readonly string[],
): ListBody {
  return { items: listItems(href, keys), meta: withRemainingSeconds(ctx, siblingMeta(href, parent, siblings)) };
}

/** The list at `href` of the configuration `version` (any object that changes when the list may). */
export function listBody(
  ctx: RouteContext,
  version: object,
  href: string,
  parent: string,
  keys: () => readonly string[],
  siblings: readonly string[],
): ListBody {
  if (ctx.session && ctx.emulator.store.remainingSeconds(ctx.session.id) !== undefined) {
    return build(ctx, href, parent, keys(), siblings);
  }
  let byProfile = bodies.get(version);
  if (!byProfile) {
    byProfile = new Map();
    bodies.set(version, byProfile);
  }
  // Siblings differ by profile, and emulators of several profiles may share a process and a state.
  const profile = ctx.emulator.profile.name;
  let byHref = byProfile.get(profile);
  if (!byHref) {
    byHref = new Map();
    byProfile.set(profile, byHref);
  }
  let body = byHref.get(href);
  if (!body) {
    body = build(ctx, href, parent, keys(), siblings);
    byHref.set(href, body);
    texts.set(body, Buffer.from(JSON.stringify(body)));
  }
  return body;
}

/** The JSON bytes of a memoized list body; undefined for any other object (a fault's rewrite included). */
export function memoizedJson(body: unknown): Buffer | undefined {
  return typeof body === 'object' && body !== null ? texts.get(body) : undefined;
}
