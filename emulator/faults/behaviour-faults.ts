// Faults in behaviour, not in wording: transactions that leak or do not lock, checks that are skipped,
// roles and sessions that are not enforced, aliases and filters that should not be accepted.
import { CONFIGURATION_PATH, POLICIES_PATH } from '../../contract/surface.ts';
import type { Fault } from './fault.ts';

/** The path some documents give for usermapping_policies (no such endpoint: USERMAP-PATH-001). */
const USERMAPPING_ALIAS = `${POLICIES_PATH}/usermapping`;

function isAlias(path: string): boolean {
  return path === USERMAPPING_ALIAS || path.startsWith(`${USERMAPPING_ALIAS}/`);
}

export const behaviourFaults: Fault[] = [
  {
    name: 'uncommitted-changes-visible',
    description: "every session sees the open transaction's uncommitted changes, not only the session that made them",
    violates: ['TX-ISOLATION-001', 'UPLOAD-TX-001'],
    deviations: { leakDrafts: true },
  },
  {
    name: 'rollback-ignored',
    description: 'DELETE /api/transaction answers 200 but keeps the transaction and its changes',
    violates: ['TX-ROLLBACK-001', 'TX-ROLLBACK-002'],
    deviations: { ignoreRollback: true },
  },
  {
    name: 'no-configuration-lock',
    description:
      'another session may open a transaction or write while one is open (it takes the transaction over) instead of 409 TransactionLocked',
    violates: ['TX-LOCK-002', 'TX-LOCK-001'],
    deviations: { noLock: true },
  },
  {
    name: 'length-not-required',
    description: 'POST /api/transaction without a Content-Length opens a transaction instead of 411 LengthRequired',
    violates: ['TX-OPEN-411'],
    deviations: { lengthOptional: true },
  },
  {
    name: 'manifest-fields-unchecked',
    description:
      'an upload is checked only for a readable MANIFEST: field rules (name pattern, version, api, type, entry point) are skipped',
    violates: ['UPLOAD-PROPERTY-002', 'UPLOAD-INVALID-001'],
    deviations: { skippedRules: ['manifest.', 'entry-point.missing'] },
  },
  {
    name: 'reupload-creates-new-plugin',
    description:
      'uploading a plugin whose name is already there creates a second plugin with a new key (201) instead of updating it',
    violates: ['UPLOAD-UPDATE-001'],
    deviations: { reuploadCreates: true },
  },
  {
    name: 'plugin-delete-ignores-references',
    description: 'a plugin that an AA plugin instance or a credential store uses can be deleted',
    violates: ['PLUGIN-DELETE-REFERENCED-001', 'PLUGIN-DELETE-REFERENCED-002'],
    deviations: { ignoreReferences: true },
  },
  {
    name: 'readonly-may-write',
    description: 'the read-only role may change the configuration (roles checked only for reading)',
    violates: ['ROLES-READONLY-002'],
    deviations: { roles: { readonly: 'admin' } },
  },
  {
    name: 'no-authentication',
    description: 'requests without a session are served (as an administrator) instead of 401 Unauthenticated',
    violates: ['AUTH-SESSION-001', 'ROBUST-COOKIE-001'],
    deviations: { noAuthentication: true },
  },
  {
    name: 'usermapping-alias',
    description:
      "the documents' mistaken path /api/configuration/policies/usermapping is served as usermapping_policies instead of 404",
    violates: ['USERMAP-PATH-001'],
    request: ({ path, query }) => ({
      path: isAlias(path) ? `${USERMAPPING_ALIAS}_policies${path.slice(USERMAPPING_ALIAS.length)}` : path,
      query,
    }),
  },
  {
    name: 'query-ignored',
    description: 'list GETs ignore query parameters instead of refusing an unsupported filter with 400 InvalidQuery',
    violates: ['USERMAP-INVALID-QUERY-001'],
    request: ({ method, path, query }) => ({
      path,
      query: method === 'GET' && path.startsWith(CONFIGURATION_PATH) ? new URLSearchParams() : query,
    }),
  },
];
