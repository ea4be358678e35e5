import { CliError, issueLine, type CliErrorCode, type CliIssue } from "./errors.js";
import type { CliIo } from "./progress.js";
import { jsonText, printable } from "./terminal.js";

/** How a command's error is printed. */
export interface ErrorOutput {
  /** `--json` was given: the error is a JSON object on stdout instead of a line on stderr. */
  readonly json: boolean;
  /** `validate`: every problem on its own line, not the first and a count. */
  readonly listAll: boolean;
  /** The file being validated, named in the closing count line. */
  readonly subject?: string;
}

/**
 * The error as `--json` prints it: `{ "error": { code, message, issues, issueCount, complete } }` — `complete` false
 * when checking stopped early (a streamed CSV past 1,000 problems), so `issueCount` is a lower bound.
 */
export interface ErrorJson {
  readonly error: { readonly code: CliErrorCode; readonly message: string; readonly issues: readonly CliIssue[]; readonly issueCount: number; readonly complete: boolean };
}

/**
 * The JSON form of an error: its kind, its one-line message and every problem (up to 1,000, with the total in
 * `issueCount`; `complete` false when checking stopped early).
 *
 * @example
 * ```ts
 * errorJson(new CliError("bad", { code: "usage" })); // { error: { code: "usage", message: "bad", issues: [], issueCount: 0, complete: true } }
 * ```
 */
export function errorJson(error: CliError): ErrorJson {
  return { error: { code: error.code, message: error.message, issues: error.issues, issueCount: error.issueCount, complete: error.complete } };
}

/**
 * The text form of an error, each line `pmokit: …`: one line, or with `listAll` one line per problem (the first 1,000
 * when there are more, then how many were left out) and a closing count — "more than 1000" when checking stopped
 * early (a CSV is checked as it streams, and stops after 1,000 problems).
 *
 * @example
 * ```ts
 * errorLines(err, { json: false, listAll: true, subject: "office.json" });
 * // ["pmokit: office.json: record project[1] (PRJ-DCX) at plannedStart: …", …, "pmokit: office.json: 3 problems"]
 * ```
 */
export function errorLines(error: CliError, output: ErrorOutput): string[] {
  if (!output.listAll || error.issueCount <= 1 || error.issues.length === 0) return [`pmokit: ${printable(error.message)}`];
  const lines = error.issues.map((i) => `pmokit: ${issueLine(i)}`);
  const left = error.issueCount - error.issues.length;
  const subject = output.subject !== undefined ? `${printable(output.subject)}: ` : "";
  if (!error.complete) {
    lines.push(`pmokit: ${subject}more than ${error.issues.length} problems; checking stopped after the first ${error.issues.length} (a CSV is checked as it is read)`);
    return lines;
  }
  if (left > 0) lines.push(`pmokit: … ${left} more not listed (the first ${error.issues.length} are)`);
  lines.push(`pmokit: ${subject}${error.issueCount} problems`);
  return lines;
}

/**
 * Prints a command's error: as JSON on stdout with `--json`, else as line(s) on stderr.
 *
 * @example
 * ```ts
 * printError(io, toCliError(e), { json: argv.includes("--json"), listAll: false });
 * ```
 */
export function printError(io: CliIo, error: CliError, output: ErrorOutput): void {
  if (output.json) io.stdout.write(`${jsonText(errorJson(error))}\n`);
  else io.stderr.write(`${errorLines(error, output).join("\n")}\n`);
}
