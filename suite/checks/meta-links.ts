// Rules of the `meta` link structure beyond what a schema can say: href is the canonical URL of what
// was asked for, parent is its parent, and the sibling links agree with each other.
export interface MetaLike {
  href?: unknown;
  parent?: unknown;
  first?: unknown;
  last?: unknown;
  next?: unknown;
  previous?: unknown;
  transaction?: unknown;
}

export function parentPath(path: string): string | null {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut <= 0 ? null : path.slice(0, cut);
}

function isMeta(value: unknown): value is MetaLike {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with `meta` as the meta of the resource at `path` (query string excluded). */
export function metaLinkProblems(meta: unknown, path: string): string[] {
  if (!isMeta(meta)) return ['meta: missing or not an object'];
  const problems: string[] = [];
  const canonical = path.split('?')[0]!.replace(/\/+$/, '');
  if (meta.href !== canonical) problems.push(`meta.href: expected "${canonical}", got ${JSON.stringify(meta.href)}`);
  const parent = parentPath(canonical);
  if ('parent' in meta && meta.parent !== parent) {
    problems.push(`meta.parent: expected ${JSON.stringify(parent)}, got ${JSON.stringify(meta.parent)}`);
  }
  problems.push(...siblingProblems(meta, canonical, parent));
  return problems;
}

function siblingProblems(meta: MetaLike, href: string, parent: string | null): string[] {
  const problems: string[] = [];
  for (const link of ['first', 'last', 'next', 'previous'] as const) {
    const value = meta[link];
    if (typeof value === 'string' && parentPath(value) !== parent) {
      problems.push(`meta.${link}: "${value}" is not a sibling under ${JSON.stringify(parent)}`);
    }
  }
  if ('first' in meta && 'previous' in meta && (meta.first === href) !== (meta.previous === null)) {
    problems.push('meta.previous must be null exactly when meta.first is the resource itself');
  }
  if ('last' in meta && 'next' in meta && (meta.last === href) !== (meta.next === null)) {
    problems.push('meta.next must be null exactly when meta.last is the resource itself');
  }
  if ('first' in meta && (meta.first === null) !== (meta.last === null)) {
    problems.push('meta.first and meta.last must both be null or both be set');
  }
  return problems;
}
