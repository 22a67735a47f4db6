// PyYAML's YAML 1.1 scalar types as custom tags for the `yaml` package: the implicit resolvers of
// PyYAML's resolver.py (which plain scalar becomes a bool, int, float, timestamp, merge or value) and
// SafeConstructor's constructors (which Python value it becomes). The `yaml` package's own yaml-1.1 tags
// differ from PyYAML in the places listed in DIFFERENCES, so bool, int, float, null, timestamp and merge
// are replaced and PyYAML's "value" (=) added; the tags that agree (map, seq, str, binary, omap, pairs,
// set) are kept from the package. The null pattern agrees too; it is replaced for explicit !!null only.
import { Scalar, type ScalarTag, type Tags } from 'yaml';
import type { PyValue } from './py-value.ts';

/**
 * Where the `yaml` package's yaml-1.1 schema reads a scalar otherwise than PyYAML's safe_load, and so
 * why each tag below replaces the package's (test/manifest-yaml11.test.ts has a case for each).
 */
export const DIFFERENCES = [
  'bool: the package reads y, Y, n, N as booleans; PyYAML keeps them strings',
  'int: the package reads 08 and 09 (a leading zero, not octal) as decimal 8 and 9; PyYAML keeps them strings',
  'int: the package reads 0:30 as sexagesimal 30; PyYAML needs a first digit 1-9 and keeps 0:30 a string',
  'int: the package gives a JavaScript number, so ints past 2^53 lose digits; Python ints do not',
  'float: the package reads 1e3 and 1.0e3 (exponent without a sign) as 1000; PyYAML keeps them strings',
  'float: the package reads -.5, +.5 and a lone "." as floats; PyYAML keeps them strings',
  'float: the package gives a number, losing int vs float (1.0 must print "1.0", 1 must print "1")',
  'timestamp: the package gives a JavaScript Date, losing date vs datetime, the UTC offset and microseconds Python prints',
  'timestamp: the package accepts impossible dates (2001-02-30 rolls over); PyYAML raises ValueError',
  'value: PyYAML resolves a plain "=" to tag:yaml.org,2002:value, which safe_load cannot construct (a YAMLError); the package reads a string',
  'merge: PyYAML refuses a plain "<<" used as a value (no constructor for tag:yaml.org,2002:merge); the package reads it as a merge key only where it is a key',
  'explicit tags: !!int, !!float, !!bool, !!null, !!timestamp on any text run PyYAML\'s constructor (!!float "1" is 1.0, !!null x is None); the package only accepts text its own pattern matches',
  'the non-specific tag "!": PyYAML still resolves the scalar by its look (! 1.10 is the float 1.1, even quoted); the package makes it a string',
] as const;

/** A failure safe_load reports as YAMLError: the validator answers "MANIFEST file format wrong". */
export class YamlError extends Error {}

/** A failure that is not a YAMLError in PyYAML (ValueError, KeyError...): the validator does not catch it. */
export class PythonCrash extends Error {
  constructor(message: string) {
    super(`${CRASH_PREFIX}${message}`);
  }
}

/** The `yaml` package keeps only a failure's message; this prefix says it was a Python crash. */
export const CRASH_PREFIX = 'python-crash: ';

const T = 'tag:yaml.org,2002:';

// PyYAML resolver.py, verbatim but for re.X whitespace.
export const IMPLICIT = {
  bool: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  float:
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  int: /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  merge: /^(?:<<)$/,
  null: /^(?:~|null|Null|NULL|)$/,
  timestamp:
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  value: /^(?:=)$/,
};

// SafeConstructor.timestamp_regexp: the constructor's own, looser pattern.
const TIMESTAMP =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };

/** Python's int(text, radix) for the texts PyYAML hands it (whitespace and a sign allowed). */
function pythonInt(text: string, radix: number): bigint {
  const match = /^\s*([-+]?)(.*?)\s*$/.exec(text)!;
  const body = match[2]!;
  if (!DIGITS[radix]!.test(body))
    throw new PythonCrash(`ValueError: invalid literal for int() with base ${radix}: '${text}'`);
  const prefix = radix === 2 ? '0b' : radix === 8 ? '0o' : radix === 16 ? '0x' : '';
  const n = BigInt(`${prefix}${body}`);
  return match[1] === '-' ? -n : n;
}

/** SafeConstructor.construct_yaml_int. */
export function constructInt(text: string): PyValue {
  let value = text.replace(/_/g, '');
  const sign = value[0] === '-' ? -1n : 1n;
  if (value[0] === '-' || value[0] === '+') value = value.slice(1);
  if (value === '') throw new PythonCrash('IndexError: string index out of range');
  if (value === '0') return { kind: 'int', value: 0n };
  if (value.startsWith('0b')) return { kind: 'int', value: sign * pythonInt(value.slice(2), 2) };
  if (value.startsWith('0x')) return { kind: 'int', value: sign * pythonInt(value.slice(2), 16) };
  if (value[0] === '0') return { kind: 'int', value: sign * pythonInt(value, 8) };
  if (value.includes(':')) {
    let total = 0n;
    let base = 1n;
    for (const part of value.split(':').reverse()) {
      total += pythonInt(part, 10) * base;
      base *= 60n;
    }
    return { kind: 'int', value: sign * total };
  }
  return { kind: 'int', value: sign * pythonInt(value, 10) };
}

const PYTHON_FLOAT = /^\s*[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?|inf|infinity|nan)\s*$/;

/** Python's float(text) for the (lower-cased) texts PyYAML hands it. */
function pythonFloat(text: string): number {
  if (!PYTHON_FLOAT.test(text)) throw new PythonCrash(`ValueError: could not convert string to float: '${text}'`);
  const t = text.trim();
  if (/inf/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/nan/.test(t)) return NaN;
  return Number(t);
}

/** SafeConstructor.construct_yaml_float. */
export function constructFloat(text: string): PyValue {
  let value = text.replace(/_/g, '').toLowerCase();
  const sign = value[0] === '-' ? -1 : 1;
  if (value[0] === '-' || value[0] === '+') value = value.slice(1);
  if (value === '.inf') return { kind: 'float', value: sign * Infinity };
  if (value === '.nan') return { kind: 'float', value: NaN };
  if (value.includes(':')) {
    let total = 0;
    let base = 1;
    for (const part of value.split(':').reverse()) {
      total += pythonFloat(part) * base;
      base *= 60;
    }
    return { kind: 'float', value: sign * total };
  }
  return { kind: 'float', value: sign * pythonFloat(value) };
}

const BOOL_VALUES: Record<string, boolean> = { yes: true, no: false, true: true, false: false, on: true, off: false };

/** SafeConstructor.construct_yaml_bool: a lookup, so !!bool maybe is a KeyError. */
export function constructBool(text: string): PyValue {
  const value = BOOL_VALUES[text.toLowerCase()];
  if (value === undefined) throw new PythonCrash(`KeyError: '${text.toLowerCase()}'`);
  return { kind: 'bool', value };
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function checkDate(year: number, month: number, day: number): void {
  if (year < 1) throw new PythonCrash(`ValueError: year ${year} is out of range`);
  if (month < 1 || month > 12) throw new PythonCrash('ValueError: month must be in 1..12');
  if (day < 1 || day > daysInMonth(year, month)) throw new PythonCrash('ValueError: day is out of range for month');
}

function utcOffset(m: RegExpExecArray): number | null {
  if (m[9]) {
    const minutes = Number(m[10]) * 60 + Number(m[11] ?? 0);
    if (minutes >= 24 * 60)
      throw new PythonCrash(
        'ValueError: offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)',
      );
    return m[9] === '-' ? -minutes : minutes;
  }
  return m[8] ? 0 : null;
}

/** SafeConstructor.construct_yaml_timestamp (PyYAML 5.3 and later: offsets kept, not folded into UTC). */
export function constructTimestamp(text: string): PyValue {
  const m = TIMESTAMP.exec(text);
  if (!m) throw new PythonCrash("AttributeError: 'NoneType' object has no attribute 'groupdict'");
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  checkDate(year, month, day);
  if (!m[4]) return { kind: 'date', year, month, day };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23) throw new PythonCrash('ValueError: hour must be in 0..23');
  if (minute > 59) throw new PythonCrash('ValueError: minute must be in 0..59');
  if (second > 59) throw new PythonCrash('ValueError: second must be in 0..59');
  const microsecond = m[7] ? Number(m[7].slice(0, 6).padEnd(6, '0')) : 0;
  return { kind: 'datetime', year, month, day, hour, minute, second, microsecond, offset: utcOffset(m) };
}

/** The marker a plain "<<" becomes: a merge key where it is a key, refused anywhere else. */
export const MERGE: PyValue = { kind: 'str', value: '<<' };
/** The marker a plain "=" becomes: the string "=" where it is a key, refused anywhere else. */
export const VALUE: PyValue = { kind: 'str', value: '=' };

interface PyType {
  name: string;
  implicit: RegExp;
  construct: (text: string) => PyValue;
}

// In PyYAML's resolver order; no plain scalar matches two of them.
export const PY_TYPES: readonly PyType[] = [
  { name: 'bool', implicit: IMPLICIT.bool, construct: constructBool },
  { name: 'float', implicit: IMPLICIT.float, construct: constructFloat },
  { name: 'int', implicit: IMPLICIT.int, construct: constructInt },
  { name: 'merge', implicit: IMPLICIT.merge, construct: () => MERGE },
  { name: 'null', implicit: IMPLICIT.null, construct: () => ({ kind: 'none' }) },
  { name: 'timestamp', implicit: IMPLICIT.timestamp, construct: constructTimestamp },
  { name: 'value', implicit: IMPLICIT.value, construct: () => VALUE },
];

/** How PyYAML reads a plain (or "!"-tagged) scalar: by its look, else a string. */
export function resolvePlain(text: string): PyValue {
  const type = PY_TYPES.find((t) => t.implicit.test(text));
  return type ? type.construct(text) : { kind: 'str', value: text };
}

/** Two tags per type: one the package picks by the look of a plain scalar, one for an explicit !!tag. */
function tagsOf(type: PyType): ScalarTag[] {
  const resolve = (text: string): Scalar => new Scalar(type.construct(text));
  return [
    { tag: `${T}${type.name}`, default: true, test: type.implicit, resolve },
    { tag: `${T}${type.name}`, default: false, resolve },
  ];
}

/** The names of the package's yaml-1.1 tags these replace. */
const REPLACED = new Set(PY_TYPES.map((t) => `${T}${t.name}`));

/** customTags for parseDocument: the package's yaml-1.1 tags with PyYAML's scalar types swapped in. */
export function pyyamlTags(tags: Tags): Tags {
  const kept = tags.filter((t) => typeof t === 'string' || !REPLACED.has(t.tag));
  return [...PY_TYPES.flatMap(tagsOf), ...kept];
}

/** A scalar the package resolved with one of the tags above holds a PyValue; its own tags hold JS values. */
export function isPyValue(value: unknown): value is PyValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    typeof (value as { kind: unknown }).kind === 'string'
  );
}
