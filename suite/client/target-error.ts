// Errors where the target (or the suite's access to it), not the assertion, broke. Their messages carry
// a mark the reporter looks for, so such tests are filed as ERROR, apart from FAIL.
export const TARGET_ERROR_MARK = '[target-error]';

export class TargetError extends Error {
  constructor(message: string) {
    super(`${TARGET_ERROR_MARK} ${message}`);
  }
}
