import type { ProjectRequest } from "../entities/index.js";
import { MOSCOW_DEFAULTS, foldLabel, type ResolvedModel } from "./model.js";

/** What a gate did to a request. */
export interface GateOutcome {
  /** The gate: `mandatory` or `moscow:<criterion id>`. */
  readonly gate: string;
  /** Forced in or out. */
  readonly effect: "forced-in" | "forced-out";
  /** Why, in plain words (the request's mandatory reason, or the MoSCoW label). */
  readonly reason: string;
  /** False when an earlier gate had already decided (the first gate that fires wins). */
  readonly applied: boolean;
}

/** @internal Evaluates the model's gates, in order, for every request. */
export function evaluateGates(
  requests: readonly ProjectRequest[],
  model: ResolvedModel,
  labels: ReadonlyMap<number, string>,
): { forced: Uint8Array; outcomes: Map<number, GateOutcome[]> } {
  const n = requests.length;
  const m = model.columns.length;
  const forced = new Uint8Array(n);
  const outcomes = new Map<number, GateOutcome[]>();
  const gates = model.spec.gates ?? [];
  for (let i = 0; i < n; i++) {
    const list: GateOutcome[] = [];
    for (const g of gates) {
      let effect: GateOutcome["effect"] | undefined;
      let reason = "";
      let name = "mandatory";
      if (g.kind === "mandatory") {
        const mand = requests[i]!.mandatory;
        if (mand !== undefined) (effect = "forced-in"), (reason = mand.reason);
      } else {
        name = `moscow:${g.criterionId}`;
        const label = labels.get(i * m + model.columnOf.get(g.criterionId)!);
        const must = (g.must ?? MOSCOW_DEFAULTS.must).map(foldLabel);
        const wont = (g.wont ?? MOSCOW_DEFAULTS.wont).map(foldLabel);
        // An unrated request (no label) is in neither list: the lists hold strings only.
        if (must.includes(label as string)) (effect = "forced-in"), (reason = `MoSCoW: ${label}`);
        if (wont.includes(label as string)) (effect = "forced-out"), (reason = `MoSCoW: ${label}`);
      }
      if (effect === undefined) continue;
      const applied = list.every((o) => !o.applied);
      list.push({ gate: name, effect, reason, applied });
      if (applied) forced[i] = effect === "forced-in" ? 1 : 2;
    }
    if (list.length) outcomes.set(i, list);
  }
  return { forced, outcomes };
}
