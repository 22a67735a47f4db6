// Reads what a finished test attached (see ./attachments.ts): in a live run attachments are files in
// test-results/, in a merged run files extracted from the blob, and sometimes inline bodies.
import { existsSync, readFileSync } from 'node:fs';
import type { TestResult } from '@playwright/test/reporter';
import { ATTACHMENT, type ShardNote } from './attachments.ts';
import type { ExchangeRecord } from '../redact.ts';

function bytesOf(result: TestResult, name: string): Buffer | undefined {
  const found = [...result.attachments].reverse().find((a) => a.name === name);
  if (!found) return undefined;
  if (found.body) return Buffer.from(found.body);
  if (found.path && existsSync(found.path)) return readFileSync(found.path);
  return undefined;
}

function jsonOf(result: TestResult, name: string): unknown {
  const bytes = bytesOf(result, name);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function attachedExchanges(result: TestResult): ExchangeRecord[] {
  const value = jsonOf(result, ATTACHMENT.exchanges);
  return Array.isArray(value) ? (value as ExchangeRecord[]) : [];
}

export function attachedPropertyFailure(result: TestResult): Record<string, unknown> | undefined {
  const value = jsonOf(result, ATTACHMENT.propertyFailure);
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

export function attachedExpectation(result: TestResult): unknown {
  return jsonOf(result, ATTACHMENT.expected);
}

/** A run-level note (safety, target, target health) as attached, with the shard that attached it. */
function noteOf(result: TestResult, name: string, field: string): ShardNote<unknown> | undefined {
  const value = jsonOf(result, name) as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object') return undefined;
  const shard = (value.shard ?? null) as ShardNote<unknown>['shard'];
  return { shard, value: field === '' ? value : value[field] };
}

export const attachedSafety = (r: TestResult) => noteOf(r, ATTACHMENT.safety, '');
export const attachedTarget = (r: TestResult) => noteOf(r, ATTACHMENT.target, 'identity');
export const attachedTargetHealth = (r: TestResult) => noteOf(r, ATTACHMENT.targetHealth, 'reason');
