import type { CliIo } from "./progress.js";

/**
 * Text from files and databases printed on a terminal: control characters are shown escaped, never sent raw — an
 * escape sequence in a project name could otherwise move the cursor and overwrite the NO-GO line on screen, and a
 * line break in a file name could forge a line of output.
 */

// C0 controls, DEL, C1 controls (0x9B is a one-byte CSI on some terminals), line/paragraph separators, and the
// bidirectional overrides that reorder text on screen ("Trojan Source").
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/**
 * One line of printable text: every control character (line breaks included) written as an escape such as `\x1b`
 * or `\n`, so the text stays on its line and cannot steer the terminal.
 *
 * @example
 * ```ts
 * printable("evil\u001b[2Jname"); // "evil\\x1b[2Jname"
 * printable("two\nlines.csv");    // "two\\nlines.csv"
 * ```
 */
export function printable(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/**
 * Output text with its own line structure kept: line feeds stay, every other control character is escaped as in
 * {@link printable}. The last guard on everything the command writes.
 *
 * @example
 * ```ts
 * terminalText("a\u001b[31m\nb\n"); // "a\\x1b[31m\nb\n"
 * ```
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escapeChar);
}

/**
 * The command's streams with every write passed through {@link terminalText}; progress bars, which steer the
 * terminal on purpose, keep the raw streams.
 *
 * @example
 * ```ts
 * const io = guardedIo({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
 * io.stdout.write("name\u001b[2J\n"); // prints name\x1b[2J
 * ```
 */
export function guardedIo(io: CliIo): CliIo {
  const guard = (s: CliIo["stdout"]) => ({ write: (text: string) => s.write(terminalText(text)), ...(s.isTTY !== undefined ? { isTTY: s.isTTY } : {}) });
  return { stdout: guard(io.stdout), stderr: guard(io.stderr), cwd: io.cwd, ...(io.now !== undefined ? { now: io.now } : {}) };
}

// JSON.stringify escapes C0 controls; these it leaves raw, and a terminal may act on them.
const JSON_UNSAFE = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON for the terminal: `JSON.stringify` (indented by 2, Decimal values as strings), with the characters it leaves
 * raw — DEL, C1 controls, line separators, bidi overrides — written as `\uXXXX` escapes, so the output stays valid
 * JSON that {@link terminalText} leaves alone.
 *
 * @example
 * ```ts
 * jsonText({ name: "a\u009bb" }); // '{\n  "name": "a\\u009bb"\n}'
 * ```
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "object" && v !== null && "toFixed" in v && "isZero" in v ? String(v) : v), 2);
  return text.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
