// A mistake in how the CLI was called: printed as one line, exit code 2, never a stack trace.
export class UsageError extends Error {}

export { EXIT_USAGE } from './exit-codes.ts';
