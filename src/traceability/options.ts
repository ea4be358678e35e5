import { ValidationError, instant, isIsoDate, type ValidationIssue } from "../core/index.js";
import { testResultSchema } from "../entities/index.js";

/*
 * The evidence and as-of options of an analysis, checked and normalised once (internal). The run results an
 * analysis accepts are exactly the ones the test-run schema accepts: one list, `testResultSchema.options`.
 */

/**
 * What a run's result means for evidence.
 *
 * @example
 * ```ts
 * const outcome: RunOutcome = "not-run";
 * ```
 */
export type RunOutcome = "pass" | "fail" | "not-run" | "unknown";

/**
 * The test-run results the analysis accepts: exactly those the `TestRun` schema accepts (one list).
 *
 * @example
 * ```ts
 * TEST_RUN_RESULTS; // ["passed", "failed", "blocked", "skipped"]
 * ```
 */
export const TEST_RUN_RESULTS: readonly string[] = Object.freeze([...testResultSchema.options]);

/**
 * The problem with a test run's `result`, or undefined when it is one the schema accepts. A run the schema would
 * refuse is refused here too, so the analysis never guesses what an unknown result means.
 */
export function runResultIssue(run: unknown, path: (string | number)[]): ValidationIssue | undefined {
  const result = (run as { result?: unknown } | null)?.result;
  if (typeof result === "string" && TEST_RUN_RESULTS.includes(result)) return undefined;
  return { path: [...path, "result"], message: `expected a test-run result the schema accepts: ${TEST_RUN_RESULTS.join(", ")}`, code: "custom" };
}

/** @internal The `evidence` options: each one's accepted values, its default first (also the keys `evidence` takes). */
export const EVIDENCE_CHOICES = { environments: ["latest", "worst-per-environment"], finalBeatsNotRun: [false, true], tests: ["own", "transitive"] } satisfies Record<
  keyof NonNullable<EvidencePolicyInput["evidence"]>,
  readonly unknown[]
>;

const OUTCOMES = new Set<string>(["pass", "fail", "not-run", "unknown"]);

/** How the runs of one test case become its status. */
export interface EvidencePolicy {
  /** Instant (canonical) after which nothing counts, or undefined. */
  readonly asOf: string | undefined;
  /** `latest`: the latest run over every environment in scope; `worst-per-environment`: Xray's per-environment view. */
  readonly environments: "latest" | "worst-per-environment";
  /** A run whose result maps to `not-run` never hides an earlier run with another result. */
  readonly finalBeatsNotRun: boolean;
  /** `evidence[].tests` lists the tests of the item only (`own`) or also those of everything below it (`transitive`). */
  readonly tests: "own" | "transitive";
  /** Result → outcome, for exactly the accepted results. */
  readonly outcomes: Readonly<Record<string, RunOutcome>>;
}

/** The options as the analysis reads them (see `TraceAnalysisOptions`). */
export interface EvidencePolicyInput {
  readonly asOf?: string;
  readonly resultOutcomes?: Readonly<Partial<Record<string, RunOutcome>>>;
  readonly evidence?: {
    readonly environments?: "latest" | "worst-per-environment";
    readonly finalBeatsNotRun?: boolean;
    readonly tests?: "own" | "transitive";
  };
}

/**
 * Checks and normalises the evidence options: `asOf` as an instant (a calendar date means the end of that UTC day),
 * result outcomes only for the results the schema accepts.
 *
 * @throws {ValidationError} with the path of each bad option.
 */
export function evidencePolicy(options: EvidencePolicyInput, defaults: Readonly<Record<string, RunOutcome>>): EvidencePolicy {
  const issues: ValidationIssue[] = [];
  const bad = (path: (string | number)[], message: string) => issues.push({ path, message, code: "custom" });
  let asOf: string | undefined;
  if (options.asOf !== undefined) {
    const a = options.asOf as unknown;
    if (typeof a === "string" && isIsoDate(a)) asOf = `${a}T23:59:59.999Z`;
    else {
      try {
        asOf = instant(a as string);
      } catch {
        bad(["asOf"], "expected a calendar date or a UTC instant");
      }
    }
  }
  const outcomes: Record<string, RunOutcome> = { ...defaults };
  const given = options.resultOutcomes as unknown;
  if (given !== undefined) {
    if (typeof given !== "object" || given === null || Array.isArray(given)) bad(["resultOutcomes"], "expected a record of result → outcome");
    else
      for (const [result, outcome] of Object.entries(given)) {
        if (!TEST_RUN_RESULTS.includes(result)) bad(["resultOutcomes", result], `unknown test-run result; the schema accepts ${TEST_RUN_RESULTS.join(", ")}`);
        else if (typeof outcome !== "string" || !OUTCOMES.has(outcome)) bad(["resultOutcomes", result], "expected pass, fail, not-run or unknown");
        else outcomes[result] = outcome as RunOutcome;
      }
  }
  const ev = (options.evidence ?? {}) as Record<string, unknown>;
  const [environments, finalBeatsNotRun, tests] = Object.entries(EVIDENCE_CHOICES).map(([key, values]: [string, readonly unknown[]]) => {
    const v = ev[key] ?? values[0];
    if (!values.includes(v)) bad(["evidence", key], `expected ${values.join(" or ")}`);
    return v;
  });
  if (issues.length > 0) throw new ValidationError(issues, "trace analysis options");
  return {
    asOf,
    environments: environments as EvidencePolicy["environments"],
    finalBeatsNotRun: finalBeatsNotRun as boolean,
    tests: tests as EvidencePolicy["tests"],
    outcomes: Object.freeze(outcomes),
  };
}
