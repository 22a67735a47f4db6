// The request-target reader (emulator/request-target.ts) runs on every request and gained a fast path
// for plain paths: on any target it answers what the full reading answers.
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { parseTarget } from '../emulator/request-target.ts';

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

function originForm(target: string): string | undefined {
  const match = /^https?:\/\/[^/?#]*/i.exec(target);
  if (!match) return target;
  const rest = target.slice(match[0].length);
  if (rest === '' || rest.startsWith('?')) return `/${rest}`;
  return rest.startsWith('/') ? rest : undefined;
}

/** The reading without the fast path, kept as the reference. */
function reference(raw: string | undefined): { path: string; query: [string, string][] } | undefined {
  const target = originForm((raw ?? '/').split('#')[0]!);
  if (target === undefined) return undefined;
  const cut = target.indexOf('?');
  const path = cut < 0 ? target : target.slice(0, cut);
  const rawQuery = cut < 0 ? '' : target.slice(cut + 1);
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  if (path.includes('%') && !decodes(path)) return undefined;
  if (rawQuery !== '' && !rawQuery.split('&').every(decodes)) return undefined;
  return { path, query: [...new URLSearchParams(rawQuery)] };
}

function read(raw: string | undefined): { path: string; query: [string, string][] } | undefined {
  const target = parseTarget(raw);
  return target && { path: target.path, query: [...(target.query as URLSearchParams)] };
}

test('known targets', () => {
  expect(read('/api/configuration/plugins/aa')).toEqual({ path: '/api/configuration/plugins/aa', query: [] });
  expect(read('/api/x?key=a%20b&ops=1')).toEqual({
    path: '/api/x',
    query: [
      ['key', 'a b'],
      ['ops', '1'],
    ],
  });
  expect(read('http://host/api/x#frag')).toEqual({ path: '/api/x', query: [] });
  expect(read('//api/x')).toBeUndefined();
  expect(read('/api/%zz')).toBeUndefined();
  expect(read('api/x')).toBeUndefined();
  expect(read('')).toBeUndefined();
  expect(read(undefined)).toEqual({ path: '/', query: [] });
});

test('on any target it answers what the full reading answers', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      '/',
      '//',
      '?',
      '#',
      '%',
      '%2F',
      '%25',
      '%zz',
      'http://h',
      'HTTPS://h:1',
      '&',
      '=',
      '+',
      'api',
      'é',
    ),
    fc.string({ maxLength: 4 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const raw = pieces.join('');
      // A plain comparison (an expect() per run costs about 5 ms): fast-check prints the first target on
      // which the two differ.
      return JSON.stringify(read(raw)) === JSON.stringify(reference(raw));
    }),
    { numRuns: 5000 },
  );
});
