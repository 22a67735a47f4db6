// The `meta` object of every response. Siblings are the other children of the same parent, in the
// parent's order; first/last/next/previous point among them (seeds 001-004, sps-api-facts.md §2.2).
import { TRANSACTION_PATH } from '../contract/surface.ts';

export interface Meta {
  href: string;
  parent: string | null;
  first?: string | null;
  last?: string | null;
  next?: string | null;
  previous?: string | null;
  transaction?: string;
  remaining_seconds?: number;
}

export function parentOf(path: string): string | null {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut <= 0 ? null : path.slice(0, cut);
}

/** Meta of `href`, one of `siblingHrefs` (in order), under `parent`. */
export function siblingMeta(href: string, parent: string, siblingHrefs: readonly string[]): Meta {
  const index = siblingHrefs.indexOf(href);
  const at = (i: number): string | null => siblingHrefs[i] ?? null;
  return {
    first: at(0),
    href,
    last: at(siblingHrefs.length - 1),
    next: index < 0 ? null : at(index + 1),
    parent,
    previous: index <= 0 ? null : at(index - 1),
    transaction: TRANSACTION_PATH,
  };
}

/** Items of a list response: one `{ key, meta: { href } }` per child. */
export function listItems(parent: string, keys: readonly string[]): { key: string; meta: { href: string } }[] {
  return keys.map((key) => ({ key, meta: { href: `${parent}/${key}` } }));
}
