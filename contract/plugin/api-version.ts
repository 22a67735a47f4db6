// The MANIFEST api as the SDK validator reads it: semantic_version.Version(str(api), partial=True)
// (SDK_NOTES.md §2), so "1", "1.1", "1.7.0", "1.7.0-rc1" and "1.1+build" parse, "01.2" and "1.x" do not.
// Checked by hand against semantic_version 2.9's Version.parse; the validator then sets the patch to 0.

export interface ApiVersion {
  major: number;
  /** null when the api names only a major ("1"). */
  minor: number | null;
}

// Version.partial_version_re; Python's "$" also matches before a final newline (a block scalar "1.1\n").
const PARTIAL = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?(?:-([0-9a-zA-Z.-]*))?(?:\+([0-9a-zA-Z.-]*))?\n?$/;

/** _has_leading_zero: "01" is refused, "0" is not. */
const leadingZero = (part: string | undefined): boolean =>
  part !== undefined && part.length > 1 && part[0] === '0' && /^\d+$/.test(part);

/** _validate_identifiers: no empty identifier; in a pre-release, no number with a leading zero. */
function identifiersValid(text: string | undefined, allowLeadingZeros: boolean): boolean {
  if (text === undefined || text === '') return true;
  return text.split('.').every((id) => id !== '' && (allowLeadingZeros || !leadingZero(id)));
}

export function parseApi(text: string): ApiVersion | undefined {
  const match = PARTIAL.exec(text);
  if (!match) return undefined;
  const [, major, minor, patch, prerelease, build] = match;
  if ([major, minor, patch].some(leadingZero)) return undefined;
  if (!identifiersValid(prerelease, false) || !identifiersValid(build, true)) return undefined;
  return { major: Number(major), minor: minor === undefined ? null : Number(minor) };
}
