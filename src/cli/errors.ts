import { formatPath, ValidationError } from "../core/index.js";
import { printable } from "./terminal.js";

/**
 * What kind of error ended a command, as `--json` reports it: `usage` (a bad option or argument), `validation` (a
 * file or model failed validation; `issues` lists the problems), `input` (a file or folder that cannot be read or
 * written, an unusable database…), `no-database` (the `--db` file does not exist), `missing-dependency` (an optional
 * package the command needs is not installed), `unexpected` (anything else).
 */
export type CliErrorCode = "usage" | "validation" | "input" | "no-database" | "missing-dependency" | "unexpected";

/** One validation problem: the file, the record it is in (datasets), the path inside it and what is wrong. */
export interface CliIssue {
  /** The file the problem is in, when known. */
  readonly file?: string;
  /** The dataset record it is in: kind, index in its list, and id when it has one. */
  readonly record?: { readonly kind: string; readonly index: number; readonly id?: string };
  /** The path inside the record (or inside the file when there is no record), `a.b[0].c`; `(root)` for the whole. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/** Problems kept on an error for printing: enough for any real file, bounded for a CSV with a million bad rows. */
export const ISSUE_CAP = 1000;

/** Options of a {@link CliError}. */
export interface CliErrorOptions {
  /** Exit code (default 2). */
  readonly exitCode?: number;
  /** Kind (default `input`, `validation` when issues are given). */
  readonly code?: CliErrorCode;
  /** The problems (at most {@link ISSUE_CAP} are kept). */
  readonly issues?: readonly CliIssue[];
  /** How many problems there are in all (default: `issues.length`). */
  readonly issueCount?: number;
  /** False when checking stopped early (a streamed CSV): `issueCount` is then what was found, not the total. */
  readonly complete?: boolean;
}

/** A usage or input error the command reports in one line (or, with `--json`, as an object) and exits 2 for. */
export class CliError extends Error {
  /** Exit code (2: usage or input error). */
  readonly exitCode: number;
  /** The kind of error. */
  readonly code: CliErrorCode;
  /** Every problem of a validation error, up to {@link ISSUE_CAP}; empty for other errors. */
  readonly issues: readonly CliIssue[];
  /** How many problems there are in all (may exceed `issues.length`), or were found before checking stopped. */
  readonly issueCount: number;
  /** False when checking stopped before the end of the input (a streamed CSV with more than 1,000 problems). */
  readonly complete: boolean;

  /**
   * @example
   * ```ts
   * throw new CliError("pmo.db: no such database file (run `pmokit init pmo.db`)", { code: "no-database" });
   * ```
   */
  constructor(message: string, options: CliErrorOptions | number = {}) {
    super(message);
    const o: CliErrorOptions = typeof options === "number" ? { exitCode: options } : options;
    this.name = "CliError";
    this.exitCode = o.exitCode ?? 2;
    this.issues = (o.issues ?? []).slice(0, ISSUE_CAP);
    this.issueCount = o.issueCount ?? o.issues?.length ?? 0;
    this.complete = o.complete ?? true;
    this.code = o.code ?? (this.issueCount > 0 ? "validation" : "input");
  }
}

/** The id of record `i` of `kind`, for messages; undefined when unknown. */
export type IdLookup = (kind: string, i: number) => string | undefined;

/** Where a validation error came from, so each problem can name its file and record. */
export interface ErrorSource {
  /** The file (for every issue unless `fileOf` says otherwise). */
  readonly file?: string;
  /** Ids of dataset records, to name them. */
  readonly ids?: IdLookup;
  /** The file of one issue (a folder of per-kind files: `project.json` for `records.project[…]`). */
  readonly fileOf?: (path: readonly (string | number)[]) => string | undefined;
  /** The reader stops after this many problems (a streamed CSV): reaching it means there may be more. */
  readonly stoppedAt?: number;
}

/** A validation issue as a {@link CliIssue}: a dataset path (`records.project[2].budget`) becomes record + path. */
function cliIssue(issue: { readonly path: readonly (string | number)[]; readonly message: string }, source: ErrorSource): CliIssue {
  const file = source.fileOf?.(issue.path) ?? source.file;
  const p = issue.path;
  const base = { ...(file !== undefined ? { file } : {}), message: issue.message };
  if (p[0] === "records" && typeof p[1] === "string" && typeof p[2] === "number") {
    const id = source.ids?.(p[1], p[2]);
    return { ...base, record: { kind: p[1], index: p[2], ...(id !== undefined ? { id } : {}) }, path: formatPath(p.slice(3)) };
  }
  return { ...base, path: formatPath(p) };
}

/**
 * One problem as one printable line: `office.json: record project[1] (PRJ-DCX) at plannedStart: expected …`,
 * `reqs.csv: [3].id: id r1 is already used on line 2`, or for a whole-file problem the message after the file.
 *
 * @example
 * ```ts
 * issueLine({ file: "m.json", path: "criteria[0].weight", message: "weights must not be negative" });
 * // "m.json: criteria[0].weight: weights must not be negative"
 * ```
 */
export function issueLine(issue: CliIssue): string {
  const where = issue.file !== undefined ? `${issue.file}: ` : "";
  let text: string;
  if (issue.record !== undefined) {
    const r = issue.record;
    text = `${where}record ${r.kind}[${r.index}]${r.id !== undefined ? ` (${r.id})` : ""}${issue.path !== "(root)" ? ` at ${issue.path}` : ""}: ${issue.message}`;
  } else if (issue.path === "(root)") {
    // A whole-file problem whose message names the file already is printed as it is.
    text = `${issue.file !== undefined && issue.message.startsWith(issue.file) ? "" : where}${issue.message}`;
  } else {
    text = `${where}${issue.path}: ${issue.message}`;
  }
  return printable(text);
}

/**
 * Any error as a {@link CliError}: a CliError as it is; a `ValidationError` with every problem kept (up to
 * {@link ISSUE_CAP}), its message the first problem's line and how many more there are; anything else one line
 * (`input` when it names a file, else `unexpected`).
 *
 * @example
 * ```ts
 * try { importDataset(json); } catch (e) { throw toCliError(e, { file: "office.json" }); }
 * ```
 */
export function toCliError(error: unknown, source: ErrorSource = {}): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof ValidationError && error.subject === "import file") {
    // The bounded file reader's refusals (missing, not a regular file, too large, not UTF-8): input, not content.
    return new CliError(issueLine(cliIssue(error.issues[0] ?? { path: [], message: error.message }, source)), { code: "input" });
  }
  if (error instanceof ValidationError) {
    const issues = error.issues.slice(0, ISSUE_CAP).map((i) => cliIssue(i, source));
    if (issues.length === 0) return new CliError(printable(`${source.file !== undefined ? `${source.file}: ` : ""}${error.message.split("\n")[0]}`), { code: "validation" });
    const complete = source.stoppedAt === undefined || error.issues.length < source.stoppedAt;
    const more = !complete ? ` (and more than ${error.issues.length - 2} more)` : error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
    return new CliError(`${issueLine(issues[0]!)}${more}`, { code: "validation", issues, issueCount: error.issues.length, complete });
  }
  const message = error instanceof Error ? error.message : String(error);
  // An error while reading a named file is an input error; one with no file behind it was not expected.
  return new CliError(printable(`${source.file !== undefined ? `${source.file}: ` : ""}${message.split("\n")[0]}`), { code: source.file !== undefined ? "input" : "unexpected" });
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
export function oneLine(error: unknown, file?: string, ids: IdLookup = () => undefined): string {
  return toCliError(error, { ...(file !== undefined ? { file } : {}), ids }).message;
}
