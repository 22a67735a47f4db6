// Files a plugin zip usually carries by accident: macOS resource forks (__MACOSX/, .DS_Store), Python
// byte code (__pycache__/, *.pyc) built for the author's Python, not the appliance's, editor and
// version-control leftovers. SPS accepts them; they are warnings, one per kind, so the author can
// clean the zip.
export interface JunkKind {
  what: string;
  test: (name: string) => boolean;
  why: string;
}

const segments = (name: string) => name.split('/');

export const JUNK_KINDS: readonly JunkKind[] = [
  {
    what: 'macOS metadata (__MACOSX/, .DS_Store, ._*)',
    test: (n) => segments(n).some((s) => s === '__MACOSX' || s === '.DS_Store' || s.startsWith('._')),
    why: 'Finder adds them when it compresses a folder',
  },
  {
    what: 'Python byte code (__pycache__/, *.pyc, *.pyo)',
    test: (n) => segments(n).includes('__pycache__') || /\.py[co]$/.test(n),
    why: "compiled for the author's Python, not the appliance's; SPS compiles main.py itself",
  },
  {
    what: 'version-control folders (.git/, .svn/, .hg/)',
    test: (n) => segments(n).some((s) => s === '.git' || s === '.svn' || s === '.hg'),
    why: 'history and credentials do not belong in an upload',
  },
  {
    what: 'editor and OS leftovers (*~, *.swp, Thumbs.db, desktop.ini)',
    test: (n) => /(~|\.swp|\.swo)$/.test(n) || /(^|\/)(Thumbs\.db|desktop\.ini)$/i.test(n),
    why: 'left by editors and file managers',
  },
];

export interface JunkFound {
  kind: JunkKind;
  names: string[];
}

/** Junk among entry names, grouped by kind (a name counts for the first kind it matches). */
export function junkFiles(names: readonly string[]): JunkFound[] {
  const found = new Map<JunkKind, string[]>();
  for (const name of names) {
    const kind = JUNK_KINDS.find((k) => k.test(name));
    if (kind) found.set(kind, [...(found.get(kind) ?? []), name]);
  }
  return [...found].map(([kind, list]) => ({ kind, names: list }));
}
