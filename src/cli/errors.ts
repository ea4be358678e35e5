import { formatPath, ValidationError } from "../core/index.js";
import { printable } from "./terminal.js";

/** A usage or input error the command reports in one line and exits 2 for. */
export class CliError extends Error {
  /** Exit code (2: usage or input error). */
  readonly exitCode: number;

  /**
   * @example
   * ```ts
   * throw new CliError("pmo.db: no such database file (run `pmokit init pmo.db`)");
   * ```
   */
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** A record path read from a dataset error (`records.project[2].budget`) as `project[2] (PRJ-X) budget`. */
function recordPath(path: readonly (string | number)[], ids: (kind: string, i: number) => string | undefined): string {
  if (path[0] === "records" && typeof path[1] === "string" && typeof path[2] === "number") {
    const id = ids(path[1], path[2]);
    const rest = path.slice(3);
    return `record ${path[1]}[${path[2]}]${id ? ` (${id})` : ""}${rest.length > 0 ? ` at ${formatPath(rest)}` : ""}`;
  }
  return formatPath(path);
}

/**
 * One line for any error, naming the file and — for validation errors — the record and path of the first problem
 * and how many more there are.
 *
 * @example
 * ```ts
 * oneLine(err, "office.json"); // "office.json: record project[0] (PRJ-CRM) at budget.lines[0].amount: expected …"
 * ```
 */
export function oneLine(error: unknown, file?: string, ids: (kind: string, i: number) => string | undefined = () => undefined): string {
  return printable(describe(error, file, ids));
}

function describe(error: unknown, file: string | undefined, ids: (kind: string, i: number) => string | undefined): string {
  const where = file ? `${file}: ` : "";
  if (error instanceof CliError) return error.message;
  if (error instanceof ValidationError) {
    const first = error.issues[0];
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
    if (first === undefined) return `${where}${error.message}`;
    // A whole-file problem (no path) whose message names the file already is printed as it is.
    if (first.path.length === 0) return `${file !== undefined && first.message.startsWith(file) ? "" : where}${first.message}${more}`;
    return `${where}${recordPath(first.path, ids)}: ${first.message}${more}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${where}${message.split("\n")[0]}`;
}
