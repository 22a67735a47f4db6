// Which route answers a method and path: find-my-way's tree, with the answers of paths already seen kept.
// Every request asks; a client asks for the same few paths again and again, and a kept answer costs
// one map lookup instead of a walk of the tree and a new params object.
import FindMyWay from 'find-my-way';
import type { Method, Route } from './route-table.ts';

const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

interface Match {
  route: Route;
  /** Shared by every request for the same path: read, never changed. */
  params: Readonly<Record<string, string | undefined>>;
}

/** Paths kept per method; past it the memo starts again (a client sending endless new paths gains nothing). */
const MEMO_SIZE = 1024;
/** Longer paths are looked up each time: the memo stays small whatever a client sends (1024 x 256 B). */
const MEMO_PATH_LENGTH = 256;

export class RouteLookup {
  readonly #router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true });
  readonly #memo = new Map<Method, Map<string, Match | null>>(METHODS.map((method) => [method, new Map()]));

  constructor(routes: readonly Route[]) {
    for (const route of routes) this.#router.on(route.method, route.path, () => undefined, route);
  }

  /** The route of `method` at `path`; null when there is none (or the method is not one we serve). */
  find(method: string, path: string): Match | null {
    const memo = this.#memo.get(method as Method);
    if (!memo) return null;
    const kept = memo.get(path);
    if (kept !== undefined) return kept;
    const found = this.#router.find(method as Method, path);
    const match = found && { route: found.store as Route, params: Object.freeze({ ...found.params }) };
    if (path.length > MEMO_PATH_LENGTH) return match;
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(path, match);
    return match;
  }

  /** How many paths of `method` are kept (for tests and leak checks). */
  memoSize(method: Method): number {
    return this.#memo.get(method)?.size ?? 0;
  }

  /** The methods that have a route at `path` (for 405 and its Allow header). */
  allowedAt(path: string): Method[] {
    return METHODS.filter((method) => this.find(method, path) !== null);
  }
}
