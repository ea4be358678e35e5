import { Command, Option } from "commander";
import { instant, isInstantInput, isIsoDate } from "../core/index.js";
import { parseAmount, parseCapacity, parseCurrency, type EnvelopeFlags } from "./envelope.js";
import { CliError } from "./errors.js";
import { SOLVERS, type SolverName } from "./solver.js";

/** The database file commands open unless `--db` says otherwise. */
export const DEFAULT_DB = "pmokit.sqlite";

/** Where the default status date comes from, as `--help` says it. */
export const TODAY = "today's date in UTC — the one place the CLI reads the clock";

/**
 * An option parser for a calendar date `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * parseDate("--as-of")("2026-11-20"); // "2026-11-20"
 * ```
 */
export function parseDate(flag: string): (value: string) => string {
  return (value) => {
    if (!isIsoDate(value)) throw new CliError(`${flag} must be a calendar date YYYY-MM-DD, got ${value}`, { code: "usage" });
    return value;
  };
}

/**
 * An option parser for an instant: a UTC date-time `YYYY-MM-DDTHH:mm:ss(.sss)Z`, returned in its canonical form.
 *
 * @example
 * ```ts
 * parseInstant("--imported-at")("2026-11-20T09:00:00Z"); // "2026-11-20T09:00:00.000Z"
 * ```
 */
export function parseInstant(flag: string): (value: string) => string {
  return (value) => {
    if (!isInstantInput(value)) throw new CliError(`${flag} must be a UTC date-time such as 2026-11-20T09:00:00Z, got ${value}`, { code: "usage" });
    return instant(value);
  };
}

/**
 * The `--delimiter` parser: `,`, `;`, or a tab (given as `tab` or a tab character) — the separators CSV import reads.
 *
 * @example
 * ```ts
 * parseDelimiter("tab"); // "\t"
 * ```
 */
export function parseDelimiter(value: string): "," | ";" | "\t" {
  if (value === "," || value === ";") return value;
  if (value === "tab" || value === "\t") return "\t";
  throw new CliError(`--delimiter must be "," ";" or "tab", got ${value}`, { code: "usage" });
}

/**
 * The `--time-zone` parser: an IANA time zone `Intl` knows (`Europe/Berlin`, `America/New_York`, `UTC`).
 *
 * @example
 * ```ts
 * parseTimeZone("Europe/Berlin"); // "Europe/Berlin"
 * ```
 */
export function parseTimeZone(value: string): string {
  // Asked of Intl here rather than imported from the library's kpi/time-zone.ts: the command loads the library from its
  // dist entries only (test/size/cli-bundle.test.ts), and that helper is internal.
  let known = value !== "";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    known = false;
  }
  if (!known) throw new CliError(`--time-zone must be an IANA time zone such as Europe/Berlin, got ${value}`, { code: "usage" });
  return value;
}

/**
 * The latest status date the analyses take: they compute dates after it (the month end after it, the remaining work,
 * simulated finishes), and pmokit's dates end at 9999-12-31, so a century is left for them.
 */
export const LAST_STATUS_DATE = "9899-12-31";

/**
 * An option parser for a status date: a calendar date `YYYY-MM-DD` up to {@link LAST_STATUS_DATE}; a later one is a
 * usage error naming the flag (before, the analyses failed on the dates after it with an error naming none).
 *
 * @example
 * ```ts
 * parseStatusDate("--as-of")("2026-11-20"); // "2026-11-20"
 * parseStatusDate("--as-of")("9999-12-31"); // throws CliError "--as-of: 9999-12-31 is too late: …"
 * ```
 */
export function parseStatusDate(flag: string): (value: string) => string {
  const date = parseDate(flag);
  return (value) => {
    // ISO dates of the same length compare as strings.
    if (date(value) > LAST_STATUS_DATE) {
      throw new CliError(`${flag}: ${value} is too late: the analyses compute dates after the status date (month ends, remaining work, simulated finishes) and dates end at 9999-12-31; give a date up to ${LAST_STATUS_DATE}`, { code: "usage" });
    }
    return value;
  };
}

/** `--db <file>`. */
export const dbOption = (): Option => new Option("--db <file>", "SQLite database file").default(DEFAULT_DB);
/** `--as-of <date>`, without a default value: the command fills in `fallback` (today, or the data's status date). */
export const asOfOption = (fallback: string = TODAY): Option => new Option("--as-of <date>", `status date YYYY-MM-DD (default: ${fallback})`).argParser(parseStatusDate("--as-of"));
/** The default `--as-of` of the analyses (`evm`, `score`, `select`, `trace`, `rollout`, `report`), as `demo`'s. */
export const DATA_STATUS_DATE = "the data's status date: the latest project statusDate (an MS Project file's StatusDate, else its CurrentDate), else today in UTC";
/** The default `--as-of` of `schedule` and `risk`. */
export const PLAN_STATUS_DATE = "the latest statusDate of all the projects, with or without --project, as the report takes it (an MS Project file's StatusDate, else its CurrentDate), else today in UTC";
/** `--json`. */
export const jsonOption = (): Option => new Option("--json", "machine-readable output; errors too, as {\"error\": …} on stdout");
/** `--model <file>`. */
export const modelOption = (): Option => new Option("--model <file>", "scoring model JSON, the shape scoreRequests takes (default: the built-in intake model, see `pmokit model --print`)");

/** The options `select`, `report` and `demo` take for the selection, as commander parsed them. */
export interface IntakeFlags {
  readonly model?: string;
  readonly budget?: string;
  readonly currency?: string;
  readonly period?: string;
  readonly capacity?: Readonly<Record<string, string>>;
  readonly solver: SolverName;
}

/**
 * Adds the selection's options to a command: `--model`, `--budget`, `--currency`, `--period`, `--capacity`
 * (repeatable) and `--solver`.
 *
 * @example
 * ```ts
 * selectionOptions(program.command("select")).action((o: IntakeFlags) => …);
 * ```
 */
export function selectionOptions(command: Command): Command {
  return command
    .addOption(modelOption())
    .addOption(new Option("--budget <amount>", "budget for new work in the period, an exact decimal (default: 1000000, the sample's)").argParser(parseAmount("--budget")))
    .addOption(new Option("--currency <code>", "ISO 4217 currency of the budget (default: the currency of the open requests' costs in the period; EUR when they have none)").argParser(parseCurrency))
    .addOption(new Option("--period <label>", "the period selected for: only request cost and effort lines with this period label count (default: FY2027, the sample's)"))
    .addOption(new Option("--capacity <[skill=]hours>", "hours available in the period for a skill; a bare number is integration hours; repeat for more skills (default: integration=1600)").argParser(parseCapacity))
    .addOption(new Option("--solver <name>", "selection solver: built-in, or highs (the optional `highs` package)").choices(SOLVERS).default("built-in"));
}

/**
 * The envelope part of the selection options.
 *
 * @example
 * ```ts
 * envelopeFlags({ budget: "750000", solver: "built-in" }); // { budget: "750000" }
 * ```
 */
export function envelopeFlags(o: IntakeFlags): EnvelopeFlags {
  return {
    ...(o.budget !== undefined ? { budget: o.budget } : {}),
    ...(o.currency !== undefined ? { currency: o.currency } : {}),
    ...(o.period !== undefined ? { period: o.period } : {}),
    ...(o.capacity !== undefined ? { capacity: o.capacity } : {}),
  };
}

/** The plan conventions `schedule`, `risk`, `report` and `demo` take, as commander parsed them. */
export interface PlanConventionFlags {
  readonly startLinkFloat?: "exact" | "working-time";
  readonly milestoneDating?: "reached" | "next-working-time";
  readonly startNoLaterThan?: "working-time" | "exact";
}

/**
 * Adds the plan conventions to a command: `--start-link-float exact|working-time`, `--milestone-dating
 * reached|next-working-time` and `--start-no-later-than working-time|exact` (the library's `startLinkFloat`,
 * `milestoneDating` and `startNoLaterThan`); another value is a usage error naming the allowed ones.
 *
 * @example
 * ```ts
 * planConventionOptions(program.command("schedule")).action((o: PlanConventionFlags) => …);
 * ```
 */
export function planConventionOptions(command: Command): Command {
  return command
    .addOption(new Option("--start-link-float <rule>", "how an SS/SF link bounds a predecessor that must start by its non-working time: exact (default: its last working minute before) or working-time (MS Project: Fri 17:00 is Mon 08:00)").choices(["exact", "working-time"]))
    .addOption(new Option("--milestone-dating <rule>", "a milestone reached in its calendar's non-working time: reached (default: on that day) or next-working-time (MS Project: its next working morning)").choices(["reached", "next-working-time"]))
    .addOption(new Option("--start-no-later-than <rule>", "a start-no-later-than date on a non-working day: working-time (default, MS Project and P6: a start at the next working morning meets it) or exact (a start before that day's morning)").choices(["working-time", "exact"]));
}

/** The status date's option by the flag that sets it, so that a library error at `statusDate` names `--as-of`. */
export const AS_OF_FLAG: Readonly<Record<string, string>> = { statusDate: "--as-of" };

/** `risk`'s flags by the `analyzeOfficeRisk` option each sets: a library error names the flag typed, not the option. */
export const RISK_FLAGS: Readonly<Record<string, string>> = {
  ...AS_OF_FLAG, target: "--target", iterations: "--iterations", seed: "--seed",
  milestoneDating: "--milestone-dating", startLinkFloat: "--start-link-float", startNoLaterThan: "--start-no-later-than",
};

/** The availability conventions `report` and `demo` take, as commander parsed them. */
export interface KpiConventionFlags {
  readonly outageSplitting?: "count-once" | "count-each-part";
  readonly timeZone?: string;
}

/**
 * Adds the availability conventions to a command: `--outage-splitting count-once|count-each-part` and `--time-zone
 * IANA` (the library's `outageSplitting` and `timeZone`); another value is a usage error naming the allowed ones.
 *
 * @example
 * ```ts
 * kpiConventionOptions(program.command("report")).action((o: KpiConventionFlags) => …);
 * ```
 */
export function kpiConventionOptions(command: Command): Command {
  return command
    .addOption(new Option("--outage-splitting <rule>", "an outage cut into parts by time outside the agreed service time (a planned outage taken out): count-once (default: one failure) or count-each-part (one failure per part)").choices(["count-once", "count-each-part"]))
    .addOption(new Option("--time-zone <zone>", "IANA time zone (Europe/Berlin) whose days the availability year and the status date are (default: UTC)").argParser(parseTimeZone));
}

/**
 * The availability part of the parsed flags, without the ones not given (the library's defaults apply).
 *
 * @example
 * ```ts
 * kpiConventions({ timeZone: "Europe/Berlin" }); // { timeZone: "Europe/Berlin" }
 * ```
 */
export function kpiConventions(o: KpiConventionFlags): KpiConventionFlags {
  return { ...(o.outageSplitting !== undefined ? { outageSplitting: o.outageSplitting } : {}), ...(o.timeZone !== undefined ? { timeZone: o.timeZone } : {}) };
}
