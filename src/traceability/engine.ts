import type { AcknowledgementInput } from "./types.js";
import type { AudienceMember } from "./acknowledgements.js";
import type { Compiled } from "./compiled.js";
import type { CoverageState } from "./coverage.js";
import type { EvidenceScope, EvidenceState, RunOutcome } from "./evidence.js";
import type { TraceGraph } from "./graph.js";
import type { SuspectState } from "./suspects.js";

/*
 * The analysis engine's state (internal), shared by the edit handling and the result assembly.
 */

/** Options of an analysis. */
export interface TraceAnalysisOptions {
  /** Which runs count as evidence (default: every run). */
  readonly evidenceScope?: EvidenceScope;
  /** How test results map to outcomes (default `DEFAULT_RESULT_OUTCOMES`). */
  readonly resultOutcomes?: Readonly<Record<string, RunOutcome>>;
  /** People and their roles, to name who could acknowledge for an audience nobody has acknowledged for yet. */
  readonly people?: readonly AudienceMember[];
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
  /** Results whose listings are not all built yet: built before the next edit changes the state they read. */
  readonly pending: Set<() => void>;
}
