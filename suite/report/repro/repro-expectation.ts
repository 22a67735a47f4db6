// What the failing request should have answered, when the test can know it. Sources, first found wins:
// 1. the `sps-expected.json` attachment { status, code? } that specs/evidence.ts's expectError leaves
//    when an error expectation fails (every expected error answer in the specs goes through it);
// 2. the fast-check label of the shrunk case (`expect: { status, code }`);
// 3. Playwright's toBe message whose Received is the recorded status: still needed for the positive
//    checks (`expect(res.status).toBe(201)`), which declare no answer as data.
// Anything else stays unknown: `replay` then compares with the recorded failure instead.
import type { ExpectedAnswer, RecordedAnswer } from './repro-format.ts';

const ANSI = /\u001b\[[0-9;]*m/g;

function asExpected(value: unknown, source: string): ExpectedAnswer | undefined {
  const v = value as { status?: unknown; code?: unknown } | undefined;
  if (!v || typeof v.status !== 'number') return undefined;
  return { status: v.status, ...(typeof v.code === 'string' ? { code: v.code } : {}), source };
}

function fromPropertyLabel(property: Record<string, unknown> | undefined): ExpectedAnswer | undefined {
  const counterexample = property?.counterexample as { expect?: unknown } | undefined;
  return (
    asExpected(property?.expect, 'fast-check case label') ?? asExpected(counterexample?.expect, 'fast-check case label')
  );
}

function fromMessages(messages: readonly string[], recorded: RecordedAnswer): ExpectedAnswer | undefined {
  const text = messages.join('\n').replace(ANSI, '');
  const toBe = /toBe\(expected\)[\s\S]*?Expected:\s*(\d{3})\s*\n\s*Received:\s*(\d{3})/.exec(text);
  if (toBe && Number(toBe[2]) === recorded.status)
    return { status: Number(toBe[1]), source: 'assertion message (toBe on the status)' };
  return undefined;
}

export function expectedAnswer(
  sources: { attachment: unknown; property: Record<string, unknown> | undefined; messages: readonly string[] },
  recorded: RecordedAnswer,
): ExpectedAnswer | null {
  return (
    asExpected(sources.attachment, 'sps-expected.json attachment') ??
    fromPropertyLabel(sources.property) ??
    fromMessages(sources.messages, recorded) ??
    null
  );
}
