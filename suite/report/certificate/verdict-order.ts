// The verdicts in the order reports show them: the good one first, then what needs attention.
import type { Verdict } from './verdicts.ts';

export const VERDICTS: readonly Verdict[] = ['PASS', 'FAIL', 'WARN', 'ERROR', 'SKIPPED', 'NOT-TESTED'];
