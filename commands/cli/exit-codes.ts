// The exit codes of the command line, in one place (README "Exit codes").
/** The run passed: every applicable requirement held (WARNs do not fail a default-mode run). */
export const EXIT_PASS = 0;
/** The target does not conform: a requirement FAILed or a check broke (ERROR). */
export const EXIT_FAIL = 1;
/** A mistake in how the command was called: an option, an argument or a setting. */
export const EXIT_USAGE = 2;
/** The run cannot certify anything: the preflight failed, the target is unreachable or the run INVALID. */
export const EXIT_INVALID = 3;
