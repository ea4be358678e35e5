import { checkArguments, ValidationError } from "../../core/index.js";
import type { GateEvaluation } from "../../rollout/index.js";

/**
 * How a gate's outcome reads for people, in every report and in the CLI's text output: `GO`, `CONDITIONAL GO`,
 * `NO-GO`. Machine-readable output (JSON) keeps the library's value (`go`, `conditional-go`, `no-go`).
 *
 * @example
 * ```ts
 * GATE_OUTCOME_TEXT["conditional-go"]; // "CONDITIONAL GO"
 * ```
 */
export const GATE_OUTCOME_TEXT: Readonly<Record<GateEvaluation["outcome"], string>> = { go: "GO", "conditional-go": "CONDITIONAL GO", "no-go": "NO-GO" };

/**
 * A gate outcome as people read it ({@link GATE_OUTCOME_TEXT}).
 *
 * @throws {ValidationError} for a value that is not a gate outcome.
 * @example
 * ```ts
 * gateOutcomeText("conditional-go"); // "CONDITIONAL GO"
 * gateOutcomeText("no-go");          // "NO-GO"
 * ```
 */
export function gateOutcomeText(outcome: GateEvaluation["outcome"]): string {
  checkArguments("gateOutcomeText", { outcome: [outcome, "string"] });
  if (!Object.hasOwn(GATE_OUTCOME_TEXT, outcome)) throw ValidationError.single(["outcome"], `${JSON.stringify(outcome)} is not a gate outcome (go, conditional-go, no-go)`, "gate outcome");
  return GATE_OUTCOME_TEXT[outcome];
}
