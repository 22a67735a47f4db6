// Text from a bundle or a target, made safe to print on a terminal: every control character (ANSI
// escape sequences start with one) is shown as a visible \xHH escape, so nothing recorded can move
// the cursor, recolour the screen or forge a line of output.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function printable(text: string): string {
  return text.replace(CONTROLS, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''),
  );
}

const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** As printable, but tabs and line breaks stay (for text laid out in lines, such as an HTML page). */
export function printableLines(text: string): string {
  return text.replace(CONTROLS_BUT_LINES, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''),
  );
}
