// What an injected fault is: a listed deviation from the documented behaviour, for the self-test
// (`emulator --fault NAME`). A fault is data plus at most three small hooks, read at a handful of
// places in the emulator; without a fault every hook is one undefined check.
import type { Profile } from '../../contract/profiles.ts';
import type { Reply } from '../errors.ts';
import type { Query } from '../request-target.ts';
import type { Role } from '../sessions.ts';

/** The request as the reply rewrite sees it: method and path (no query string). */
export interface RequestLine {
  method: string;
  path: string;
}

/** Rewrites the reply just before it is sent: wrong statuses, codes, meta links, content types. */
export type ReplyRewrite = (request: RequestLine, reply: Reply, profile: Profile) => Reply;

/** Rewrites where a request goes before routing: aliases that should not exist, ignored queries. */
export type RequestRewrite = (request: RequestLine & { query: Query }) => {
  path: string;
  query: Query;
};

/** Behaviour a reply rewrite cannot express; each switch is read in exactly one place. */
export interface Deviations {
  /** store.ts: every session sees the open transaction's draft, not only its owner. */
  leakDrafts?: boolean;
  /** store.ts: another session may open a transaction or write while one is open (it takes over). */
  noLock?: boolean;
  /** store.ts: rollback discards the draft but keeps its re-uploads of already committed plugins. */
  keepReuploadsOnRollback?: boolean;
  /** store.ts: any session's logout discards the open transaction, not only the holder's. */
  anyLogoutEndsTransaction?: boolean;
  /** handlers/plugins.ts: a plugin delete is blocked only by users already committed, not new ones. */
  deleteIgnoresNewUsers?: boolean;
  /** handlers/transaction.ts: DELETE /api/transaction answers 200 but keeps the transaction open. */
  ignoreRollback?: boolean;
  /** handlers/transaction.ts: POST /api/transaction without a Content-Length opens one anyway. */
  lengthOptional?: boolean;
  /** handlers/upload.ts: these packaging rules (exact ids, or prefixes ending in '.') are not enforced. */
  skippedRules?: readonly string[];
  /** handlers/upload.ts: a re-upload of a known name creates another plugin instead of updating. */
  reuploadCreates?: boolean;
  /** handlers/plugins.ts: a plugin still used by a policy object can be deleted. */
  ignoreReferences?: boolean;
  /** server.ts: the role a session is treated as, per role it really has. */
  roles?: Partial<Record<Role, Role>>;
  /** server.ts: requests without a session are served as an anonymous administrator. */
  noAuthentication?: boolean;
}

export interface Fault {
  name: string;
  description: string;
  /** Catalog ids (schemas/requirements.yaml) whose tests must fail against this fault. */
  violates: readonly string[];
  reply?: ReplyRewrite;
  request?: RequestRewrite;
  deviations?: Deviations;
}

/** True when `rule` is one of the skipped packaging rules (an id, or under a prefix ending in '.'). */
export function skipsRule(deviations: Deviations | undefined, rule: string): boolean {
  return (deviations?.skippedRules ?? []).some((skipped) =>
    skipped.endsWith('.') ? rule.startsWith(skipped) : rule === skipped,
  );
}
