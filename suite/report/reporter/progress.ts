// A short progress line on stdout whenever the run moves to another requirement area, so a long run
// shows where it is: "[sps-conformance] plugins: test 12 of 40 (11 done, 1 failed)".
export class Progress {
  readonly #total: number;
  readonly #write: (line: string) => void;
  #done = 0;
  #failed = 0;
  #area: string | undefined;

  constructor(total: number, write: (line: string) => void = (line) => process.stdout.write(line)) {
    this.#total = total;
    this.#write = write;
  }

  testBegins(area: string): void {
    if (area === this.#area) return;
    this.#area = area;
    this.#write(
      `[sps-conformance] ${area}: test ${this.#done + 1} of ${this.#total} (${this.#done} done, ${this.#failed} failed)\n`,
    );
  }

  testEnded(failed: boolean): void {
    this.#done += 1;
    if (failed) this.#failed += 1;
  }
}

/** The area a test belongs to: the area of the first requirement it names that the catalog knows. */
export function areaOf(requirementIds: readonly string[], areaById: ReadonlyMap<string, string>): string {
  for (const id of requirementIds) {
    const area = areaById.get(id);
    if (area) return area;
  }
  return 'other';
}
