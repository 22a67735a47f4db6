import { test, expect } from '@playwright/test';
import { metaLinkProblems } from '../suite/checks/meta-links.ts';

const documentedAaList = {
  first: '/api/configuration/plugins/aa',
  href: '/api/configuration/plugins/aa',
  last: '/api/configuration/plugins/ticketing',
  next: '/api/configuration/plugins/credentialstore',
  parent: '/api/configuration/plugins',
  previous: null,
  transaction: '/api/transaction',
};

test('the documented AA plugin list meta (seed 002) has no problems', () => {
  expect(metaLinkProblems(documentedAaList, '/api/configuration/plugins/aa')).toEqual([]);
});

test('href must be the canonical path that was asked for', () => {
  expect(metaLinkProblems(documentedAaList, '/api/configuration/plugins/credentialstore').join()).toContain(
    'meta.href',
  );
  expect(metaLinkProblems(documentedAaList, '/api/configuration/plugins/aa/?x=1')).toEqual([]);
});

test('a wrong parent, a foreign sibling or an inconsistent end are each reported', () => {
  const path = '/api/configuration/plugins/aa';
  expect(metaLinkProblems({ ...documentedAaList, parent: '/api/configuration' }, path).join()).toContain('meta.parent');
  expect(metaLinkProblems({ ...documentedAaList, next: '/api/configuration/policies/x' }, path).join()).toContain(
    'not a sibling',
  );
  expect(metaLinkProblems({ ...documentedAaList, previous: '/api/configuration/plugins/zz' }, path).join()).toContain(
    'meta.previous',
  );
  expect(metaLinkProblems({ ...documentedAaList, next: null }, path).join()).toContain('meta.next');
  expect(metaLinkProblems(undefined, path)).toEqual(['meta: missing or not an object']);
});
