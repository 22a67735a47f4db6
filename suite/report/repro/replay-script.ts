// replay.sh of a repro bundle: curl commands that log in with $SPS_USERNAME/$SPS_PASSWORD and re-send
// the failing request byte for byte. Secrets appear only as environment-variable placeholders. Every
// recorded value (the target's answers are hostile input) is quoted for the shell, and no value ever
// puts a raw newline or control character into the script: a comment cannot be broken out of.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are bash, where ${VAR} is meant literally
import type { ReproExchange, ReproIndex } from './repro-format.ts';

const AUTH_PATH = '/api/authentication';
/** Headers curl sets itself or that the cookie jar / placeholders replace. */
const DROPPED_HEADERS = new Set(['content-length', 'cookie', 'host', 'connection', 'transfer-encoding']);

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators some terminals honour.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** The UTF-8 bytes of `char` as \\xHH escapes: exact whatever the locale bash runs in. */
function ansiEscape(char: string): string {
  return [...Buffer.from(char, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/**
 * One bash word that stands for `text` exactly and expands nothing: single-quoted, or, when `text`
 * holds a control character, ANSI-C quoted ($'…') with every control written as an escape.
 */
export function shellWord(text: string): string {
  if (!CONTROL.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  return `$'${text.replace(/[\\']/g, (c) => `\\${c}`).replace(CONTROLS, ansiEscape)}'`;
}

/** Text for a `#` comment line: one line, controls shown as escapes, nothing that ends the comment. */
export function commentText(text: string): string {
  return text.replace(CONTROLS, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : ansiEscape(c)));
}

const quote = shellWord;

function usesSession(exchange: ReproExchange): boolean {
  return Object.entries(exchange.headers).some(([k, v]) => k.toLowerCase() === 'cookie' && v.includes('session_id'));
}

function headerArgs(exchange: ReproExchange): string[] {
  const args: string[] = [];
  for (const [name, value] of Object.entries(exchange.headers)) {
    if (DROPPED_HEADERS.has(name.toLowerCase())) continue;
    // Placeholders must expand, so these two are double-quoted; everything else stays literal.
    if (name.toLowerCase() === 'authorization') args.push(`-H "authorization: Basic $SPS_BASIC_AUTH"`);
    else args.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  return args;
}

function bodyArgs(exchange: ReproExchange, hasSecret: boolean): string[] {
  if (!exchange.requestFile) return [];
  if (!hasSecret) return [`--data-binary @${quote(exchange.requestFile)}`];
  // A text body that held a secret: put $SPS_SECRET back before sending.
  return [
    `--data-binary "$(body=$(cat ${quote(exchange.requestFile)}); printf '%s' "\${body//'$SPS_SECRET'/$SPS_SECRET}")"`,
  ];
}

export function curlCommand(exchange: ReproExchange, hasSecret: boolean): string {
  const parts = ['curl', '"${TLS[@]}"', '-sS', '-X', quote(exchange.method)];
  if (usesSession(exchange)) parts.push('-b "$JAR"');
  parts.push(...headerArgs(exchange), ...bodyArgs(exchange, hasSecret));
  parts.push(`-w '\\nHTTP %{http_code}\\n'`, `"$SPS_URL"${quote(exchange.path)}`);
  return parts.join(' ');
}

export interface ReplayScriptOptions {
  tlsVerify: boolean;
  caFile: string | undefined;
  /** Request files whose text contains $SPS_SECRET. */
  secretFiles: ReadonlySet<string>;
}

function tlsLine(options: ReplayScriptOptions): string {
  if (!options.tlsVerify) return 'TLS=(--insecure)   # the run had SPS_TLS_VERIFY=false';
  if (options.caFile) return 'TLS=(--cacert "${SPS_CA_FILE:?set SPS_CA_FILE to the CA bundle the run used}")';
  return 'TLS=()';
}

export function replayScript(index: ReproIndex, options: ReplayScriptOptions): string {
  const failing = index.exchanges.find((e) => e.n === index.failing?.exchange);
  const earlier = index.exchanges.filter(
    (e) => e.phase === 'test' && failing && e.n < failing.n && e.path !== AUTH_PATH,
  );
  const lines = [
    '#!/usr/bin/env bash',
    `# Replays the failing request of: ${commentText(index.test.title)}`,
    `# Requirements: ${commentText(index.requirementIds.join(', '))}`,
    commentText(
      `# Recorded answer: HTTP ${index.failing?.recorded.status ?? '-'} ${index.failing?.recorded.errorType ?? ''}`.trimEnd(),
    ),
    index.failing?.expected
      ? commentText(`# Expected: HTTP ${index.failing.expected.status} ${index.failing.expected.code ?? ''}`.trimEnd())
      : '# Expected: not recorded (see repro.json)',
    '# Needs SPS_URL, SPS_USERNAME, SPS_PASSWORD; SPS_SECRET where a body held a secret ($SPS_SECRET).',
    '# `sps-conformance replay <this dir>` does the same and says FIXED or STILL FAILING.',
    'set -euo pipefail',
    'cd "$(dirname "$0")"',
    ': "${SPS_URL:?set SPS_URL to the target, e.g. https://sps.example.com}"',
    ': "${SPS_USERNAME:?set SPS_USERNAME}" "${SPS_PASSWORD:?set SPS_PASSWORD}"',
    'SPS_BASIC_AUTH="${SPS_BASIC_AUTH:-$(printf \'%s:%s\' "$SPS_USERNAME" "$SPS_PASSWORD" | base64 | tr -d \'\\n\')}"',
    tlsLine(options),
  ];
  // Log in only when the replayed requests ran in a session; an anonymous request stays anonymous.
  if ([...earlier, ...(failing ? [failing] : [])].some(usesSession)) {
    lines.push(
      'JAR="$(mktemp)"',
      'trap \'curl "${TLS[@]}" -sS -o /dev/null -b "$JAR" -X DELETE "$SPS_URL/api/authentication" || true; rm -f "$JAR"\' EXIT',
      '',
      '# Log in: the session cookie goes to a temporary cookie jar, never to the screen.',
      `curl "\${TLS[@]}" -sS -o /dev/null -w 'login: HTTP %{http_code}\\n' -u "$SPS_USERNAME:$SPS_PASSWORD" -c "$JAR" "$SPS_URL${AUTH_PATH}"`,
    );
  }
  if (earlier.length) {
    lines.push('', '# Earlier requests of the test, for context (uncomment to replay the whole test body):');
    for (const e of earlier)
      lines.push(`# ${commentText(curlCommand(e, options.secretFiles.has(e.requestFile ?? '')))}`);
  }
  lines.push('', '# The failing request:');
  lines.push(
    failing
      ? curlCommand(failing, options.secretFiles.has(failing.requestFile ?? ''))
      : 'echo "the test recorded no request to replay" >&2; exit 1',
  );
  return `${lines.join('\n')}\n`;
}
