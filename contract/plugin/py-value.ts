// The Python values PyYAML's safe_load builds from a MANIFEST, and Python's str() of them. The SDK
// validator runs its rules on these values and stores str(version) (SDK_NOTES.md §2), so the text SPS
// reports is Python's str(), not the text the author wrote: str(1.10) is "1.1", str(True) is "True".

export type PyValue =
  | { kind: 'none' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'date'; year: number; month: number; day: number }
  | {
      kind: 'datetime';
      year: number;
      month: number;
      day: number;
      hour: number;
      minute: number;
      second: number;
      microsecond: number /** UTC offset in minutes, null when naive. */;
      offset: number | null;
    }
  | { kind: 'list'; items: PyValue[] }
  /** A list of pairs (!!omap, !!pairs): Python builds a list of tuples. */
  | { kind: 'pairs'; items: Array<[PyValue, PyValue]> }
  | { kind: 'dict'; entries: Map<string, [PyValue, PyValue]> }
  | { kind: 'set'; items: PyValue[] };

/** The most characters one str() renders: an alias bomb must not make the linter build gigabytes. */
const RENDER_BUDGET = 64 * 1024;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Python's repr(float): the shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const point = exp + 1;
  if (point <= -4 || point > 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${pad(Math.abs(exp))}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function dateStr(v: { year: number; month: number; day: number }): string {
  return `${pad(v.year, 4)}-${pad(v.month)}-${pad(v.day)}`;
}

function datetimeStr(v: Extract<PyValue, { kind: 'datetime' }>): string {
  const fraction = v.microsecond ? `.${pad(v.microsecond, 6)}` : '';
  const zone = v.offset === null ? '' : offsetText(v.offset);
  return `${dateStr(v)} ${pad(v.hour)}:${pad(v.minute)}:${pad(v.second)}${fraction}${zone}`;
}

/** Python's timedelta repr for a UTC offset, as datetime.timezone's repr shows it. */
function timedeltaRepr(minutes: number): string {
  if (minutes === 0) return 'datetime.timedelta(0)';
  const seconds = minutes * 60;
  const days = Math.floor(seconds / 86400);
  const rest = seconds - days * 86400;
  const parts = [...(days ? [`days=${days}`] : []), ...(rest ? [`seconds=${rest}`] : [])];
  return `datetime.timedelta(${parts.join(', ')})`;
}

function datetimeRepr(v: Extract<PyValue, { kind: 'datetime' }>): string {
  const fields = [v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond];
  if (fields[6] === 0) fields.pop();
  if (fields.length === 6 && fields[5] === 0) fields.pop();
  const zone =
    v.offset === null
      ? ''
      : `, tzinfo=${v.offset === 0 ? 'datetime.timezone.utc' : `datetime.timezone(${timedeltaRepr(v.offset)})`}`;
  return `datetime.datetime(${fields.join(', ')}${zone})`;
}

// Python's str.isprintable(): not Cc, Cf, Cs, Co, Cn, Zl, Zp, or Zs other than the space.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hexEscape(code: number): string {
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Python's repr(str): single quotes unless the text has a ' and no ". */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (SIMPLE_ESCAPES[ch]) out += SIMPLE_ESCAPES[ch];
    else if (ch === quote) out += `\\${quote}`;
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) out += hexEscape(ch.codePointAt(0)!);
    else out += ch;
  }
  return out + quote;
}

function bytesRepr(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (SIMPLE_ESCAPES[ch]) out += SIMPLE_ESCAPES[ch];
    else if (ch === quote) out += `\\${quote}`;
    else if (b < 0x20 || b >= 0x7f) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

class Renderer {
  private used = 0;
  private readonly open = new Set<PyValue>();

  private spend(text: string): string {
    this.used += text.length;
    return text;
  }

  private exhausted(): boolean {
    return this.used > RENDER_BUDGET;
  }

  /** Items joined, stopping once the budget is spent (Python would go on; we say where we stopped). */
  private join<T>(items: Iterable<T>, each: (item: T) => string): string {
    const parts: string[] = [];
    for (const item of items) {
      if (this.exhausted()) {
        parts.push('…');
        break;
      }
      parts.push(each(item));
    }
    return parts.join(', ');
  }

  /** A container that is its own ancestor prints as Python prints recursion: [...] or {...}. */
  private nested(v: PyValue, recursion: string, render: () => string): string {
    if (this.open.has(v)) return recursion;
    this.open.add(v);
    try {
      return render();
    } finally {
      this.open.delete(v);
    }
  }

  repr(v: PyValue): string {
    switch (v.kind) {
      case 'str':
        return this.spend(strRepr(v.value));
      case 'bytes':
        return this.spend(bytesRepr(v.value));
      case 'date':
        return this.spend(`datetime.date(${v.year}, ${v.month}, ${v.day})`);
      case 'datetime':
        return this.spend(datetimeRepr(v));
      case 'list':
        return this.nested(v, '[...]', () => `[${this.join(v.items, (i) => this.repr(i))}]`);
      case 'pairs':
        return this.nested(
          v,
          '[...]',
          () => `[${this.join(v.items, ([k, x]) => `(${this.repr(k)}, ${this.repr(x)})`)}]`,
        );
      case 'dict':
        return this.nested(
          v,
          '{...}',
          () => `{${this.join(v.entries.values(), ([k, x]) => `${this.repr(k)}: ${this.repr(x)}`)}}`,
        );
      case 'set':
        // Python prints a set in hash order, which varies between runs; we keep the document's order.
        return v.items.length === 0 ? 'set()' : `{${this.join(v.items, (i) => this.repr(i))}}`;
      default:
        return this.spend(scalarStr(v));
    }
  }
}

function scalarStr(v: PyValue): string {
  switch (v.kind) {
    case 'none':
      return 'None';
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'int':
      return v.value.toString();
    case 'float':
      return floatRepr(v.value);
    default:
      return '';
  }
}

/** Python's str() of a value safe_load can build. */
export function pyStr(v: PyValue): string {
  switch (v.kind) {
    case 'str':
      return v.value;
    case 'date':
      return dateStr(v);
    case 'datetime':
      return datetimeStr(v);
    case 'none':
    case 'bool':
    case 'int':
    case 'float':
      return scalarStr(v);
    default:
      return new Renderer().repr(v);
  }
}

/** Python's repr() (how a value shows inside a container or a message). */
export function pyRepr(v: PyValue): string {
  return new Renderer().repr(v);
}

/** Python truthiness: the validator checks entry_point and author_email only `if` they are truthy. */
export function pyTruthy(v: PyValue): boolean {
  switch (v.kind) {
    case 'none':
      return false;
    case 'bool':
      return v.value;
    case 'int':
      return v.value !== 0n;
    case 'float':
      return v.value !== 0;
    case 'str':
      return v.value !== '';
    case 'bytes':
      return v.value.length > 0;
    case 'list':
    case 'pairs':
    case 'set':
      return v.items.length > 0;
    case 'dict':
      return v.entries.size > 0;
    default:
      return true;
  }
}

/** Python's type name, for messages ("the boolean True"). */
export function pyTypeName(v: PyValue): string {
  const names: Record<PyValue['kind'], string> = {
    none: 'null',
    bool: 'boolean',
    int: 'number',
    float: 'number',
    str: 'string',
    bytes: 'binary value',
    date: 'date',
    datetime: 'date and time',
    list: 'list',
    pairs: 'list of pairs',
    dict: 'mapping',
    set: 'set',
  };
  return names[v.kind];
}

/**
 * The key under which a Python dict would store `v`: 1, 1.0 and True are one key, as in Python.
 * Returns undefined for an unhashable value (list, dict, set), which PyYAML refuses as a key.
 */
export function dictKey(v: PyValue): string | undefined {
  switch (v.kind) {
    case 'list':
    case 'dict':
    case 'set':
    case 'pairs':
      return undefined;
    case 'bool':
      return `n:${v.value ? 1 : 0}`;
    case 'int':
      return `n:${v.value}`;
    case 'float':
      return Number.isInteger(v.value) ? `n:${BigInt(v.value)}` : `f:${floatRepr(v.value)}`;
    case 'str':
      return `s:${v.value}`;
    default:
      return `${v.kind}:${pyRepr(v)}`;
  }
}
