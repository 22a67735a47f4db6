// Parsers for option values shared by the subcommands; each throws UsageError with a plain message.
import { isProfileName, PROFILE_NAMES, type ProfileName } from '../../contract/profiles.ts';
import type { BrakeSettings } from '../../emulator/login-brake.ts';
import { UsageError } from './usage-error.ts';

export function portOption(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535 (got "${raw}")`);
  return Number(raw);
}

export function profileOption(raw: string): ProfileName {
  if (!isProfileName(raw)) throw new UsageError(`--profile must be one of ${PROFILE_NAMES.join(', ')} (got "${raw}")`);
  return raw;
}

export function maxWarningsOption(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings must be a whole number, 0 or more (got "${raw}")`);
  return Number(raw);
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function seedOption(raw: string): number {
  if (!/^-?\d+$/.test(raw) || Math.abs(Number(raw)) > 2 ** 31)
    throw new UsageError(`--seed must be a whole number (got "${raw}")`);
  return Number(raw);
}

/** Parses --transaction-timeout: whole seconds, at least 1. */
export function timeoutOption(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new UsageError(`--transaction-timeout must be a whole number of seconds, at least 1 (got "${raw}")`);
  return Number(raw);
}

/** Parses --latency and --commit-delay: whole milliseconds, 0 or more. */
export function millisecondsOption(name: string): (raw: string) => number {
  return (raw) => {
    if (!/^\d+$/.test(raw) || Number(raw) > 600_000)
      throw new UsageError(`${name} must be a whole number of milliseconds from 0 to 600000 (got "${raw}")`);
    return Number(raw);
  };
}

/** Parses --login-brake: FAILURES:MS (whole numbers, at least 1) or "off". */
export function brakeOption(raw: string): BrakeSettings | false {
  if (raw === 'off') return false;
  const match = /^(\d+):(\d+)$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    throw new UsageError(`--login-brake must be FAILURES:MS, e.g. 5:1000, or off (got "${raw}")`);
  return { failures: Number(match[1]), ms: Number(match[2]) };
}
