// Faults only a sequence of requests shows: each needs several steps in a particular order (a commit,
// a re-upload, then a rollback; a second session's logout while the first holds the lock), which the
// hand-written example tests never take. The model-based property (specs/stateful-model.spec.ts) must
// kill every one of them, and no example test should.
import type { Fault } from './fault.ts';

export const sequenceFaults: Fault[] = [
  {
    name: 'rollback-keeps-reuploads',
    description:
      'rollback discards the transaction, except that re-uploads of already committed plugins stay (their new version becomes committed)',
    violates: ['TX-SEQUENCE-ROLLBACK-001'],
    deviations: { keepReuploadsOnRollback: true },
  },
  {
    name: 'delete-check-ignores-new-users',
    description:
      'a plugin delete is refused only for AA plugin instances and credential stores already committed: one created in the same transaction does not block it',
    violates: ['PLUGIN-DELETE-REFERENCED-003'],
    deviations: { deleteIgnoresNewUsers: true },
  },
  {
    name: 'logout-ends-others-transaction',
    description:
      "any session's logout rolls back the open transaction and releases the lock, also when another session holds it",
    violates: ['TX-SEQUENCE-LOCK-001'],
    deviations: { anyLogoutEndsTransaction: true },
  },
];
