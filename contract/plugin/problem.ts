// One broken packaging rule. The rule id is also the generators' defect label, so the linter, the
// emulator and the generators all speak of the same rules by the same names.
export interface Problem {
  /** The rule id, as in the generators' defect labels (e.g. "manifest.missing"). */
  rule: string;
  message: string;
}
