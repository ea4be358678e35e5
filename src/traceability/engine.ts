import type { AcknowledgementInput } from "./types.js";
import type { AudienceMember } from "./acknowledgements.js";
import type { Compiled } from "./compiled.js";
import type { CoverageState } from "./coverage.js";
import type { EvidenceScope, EvidenceState, RunOutcome, TestRunResult } from "./evidence.js";
import type { TraceGraph } from "./graph.js";
import type { SuspectState } from "./suspects.js";

/*
 * The analysis engine's state (internal), shared by the edit handling and the result assembly.
 */

/** Options of an analysis. */
export interface TraceAnalysisOptions {
  /** Which runs count as evidence (default: every run). */
  readonly evidenceScope?: EvidenceScope;
  /**
   * How test results map to outcomes (default `DEFAULT_RESULT_OUTCOMES`); only the results the `TestRun` schema
   * accepts (`TEST_RUN_RESULTS`), each unmapped one keeping its default.
   */
  readonly resultOutcomes?: Readonly<Partial<Record<TestRunResult, RunOutcome>>>;
  /** People and their roles, to name who could acknowledge for an audience nobody has acknowledged for yet. */
  readonly people?: readonly AudienceMember[];
  /**
   * Judge the graph as of this calendar date (through the end of that UTC day) or UTC instant: runs executed,
   * acknowledgements given, link reviews and content changes after it have not happened yet — in evidence, suspects
   * and acknowledgements alike (default: count everything).
   */
  readonly asOf?: string;
  /** How runs become evidence (defaults: the latest run over all environments, `own` tests). */
  readonly evidence?: {
    /**
     * `latest` (default): a test's status is its latest run in scope over every environment; `worst-per-environment`:
     * the latest run in each environment, combined by the worst result (Xray's per-environment view).
     */
    readonly environments?: "latest" | "worst-per-environment";
    /** When true, a run whose result maps to `not-run` never hides an earlier run with another result (default false). */
    readonly finalBeatsNotRun?: boolean;
    /** `own` (default): `evidence[].tests` lists the item's own tests; `transitive`: also those of everything below it. */
    readonly tests?: "own" | "transitive";
  };
}

/** @internal The engine's state. */
export interface Engine {
  readonly graph: TraceGraph;
  readonly c: Compiled;
  readonly coverage: CoverageState;
  readonly suspects: SuspectState;
  readonly evidence: EvidenceState;
  readonly acks: Map<string, AcknowledgementInput[]>;
  readonly options: TraceAnalysisOptions;
  /** The as-of instant (canonical), if any. */
  readonly asOf: string | undefined;
  /** Results whose listings are not all built yet: built before the next edit changes the state they read. */
  readonly pending: Set<() => void>;
}
