import { PmoDecimal, toEpochDay, type Decimal, type ValidationIssue } from "../core/index.js";
import type { EarningRule, WorkPackage } from "../entities/index.js";
import type { CompiledPackage } from "./engine-types.js";
import { shareOfBig } from "./exact.js";
import { NO_FINISH } from "./packed.js";
import type { EvmWarning } from "./types.js";

/*
 * Earning rules: how a package earns value from its progress records, and the rule checks (DCMA/UNECE practice):
 * level of effort hides schedule variance; 0/100 belongs within one period, 50/50 and X/Y within two.
 * Level of effort (EV ≡ PV once started) and apportioned effort (factor × base EV) depend on the status date and
 * are earned in the kernel; every other rule's EV is fixed at each progress record and computed here once.
 */

/** The measures a progress record may carry, each checked and carried forward the same way. */
const MEASURES = ["percentComplete", "physicalPercentComplete", "unitsComplete"] as const;

/** @internal The per-record arrays {@link progressOf} fills (views into the project's flat arrays). */
export interface ProgressArrays {
  readonly pDay: Int32Array;
  readonly pStarted: Uint8Array;
  readonly pEarned: Float64Array;
  readonly pFirstFinish: Int32Array;
}

/**
 * @internal EV (minor units) at each progress record under a discrete rule, with the started flag and the first
 * finish so far, written into `out` (one slot per record).
 */
export function progressOf(w: WorkPackage | undefined, rule: EarningRule, bac: number, issues: ValidationIssue[], path: (string | number)[], out: ProgressArrays): ProgressArrays {
  const recs = w?.progress ?? [];
  const { pDay, pStarted, pEarned, pFirstFinish } = out;
  let firstFinish = NO_FINISH;
  let started = false;
  let finished = false;
  // The latest value of each measure so far (a record may carry only some of them).
  const last: { [K in (typeof MEASURES)[number]]?: Decimal } = {};
  let reached: readonly string[] = [];
  const hundred = new PmoDecimal(100);
  const share = (num: Decimal | undefined, den: Decimal) => (num ? Number(shareOfBig(bac, num, den)) : 0);
  recs.forEach((p, j) => {
    finished ||= p.finished === true;
    started ||= finished || p.started === true || (p.milestonesReached?.length ?? 0) > 0;
    for (const k of MEASURES) {
      const v = p[k];
      if (!v) continue;
      // Above 100 % is an overrun: its EV exceeds BAC and the kernel clamps or refuses it by policy (evAboveBac).
      if (v.lt(0)) issues.push({ path: [...path, "progress", j, k], message: `${k === "unitsComplete" ? "units complete" : "progress"} must not be negative`, code: "custom" });
      started ||= v.gt(0);
      last[k] = v;
    }
    reached = p.milestonesReached ?? reached;
    pDay[j] = toEpochDay(p.date);
    pStarted[j] = started ? 1 : 0;
    if (finished && firstFinish === NO_FINISH) firstFinish = pDay[j] as number;
    pFirstFinish[j] = firstFinish;
    // Finished: the whole budget (level of effort and apportioned never read it: the kernel earns them).
    let ev = bac;
    if (!finished) {
      switch (rule.type) {
        case "50/50": ev = started ? share(new PmoDecimal(50), hundred) : 0; break;
        case "fixed-split": ev = started ? share(rule.startPercent, hundred) : 0; break;
        case "percent-complete": ev = share(last.percentComplete, hundred); break;
        case "physical-percent-complete": ev = share(last.physicalPercentComplete, hundred); break;
        case "units": ev = share(last.unitsComplete, rule.totalUnits); break;
        case "weighted-milestones": {
          const weight = (ms: typeof rule.milestones) => ms.reduce((s, m) => s.plus(m.weight), new PmoDecimal(0));
          const total = weight(rule.milestones);
          ev = total.isZero() ? 0 : share(weight(rule.milestones.filter((m) => reached.includes(m.id))), total);
          break;
        }
        default: ev = 0; // 0/100 until finished; level of effort and apportioned
      }
    }
    pEarned[j] = ev;
  });
  return out;
}

/** @internal Number of grid periods a package's planned dates touch. */
export function periodsTouched(p: CompiledPackage, gridEnd: Int32Array): number {
  let n = 0;
  let prevEnd = -Infinity;
  for (const e of gridEnd) {
    if (e >= p.start && prevEnd < p.finish) n++;
    prevEnd = e;
  }
  return n;
}

/** @internal Rule warnings for packages of the chosen baseline. */
export function ruleWarnings(packages: readonly CompiledPackage[], gridEnd: Int32Array, out: EvmWarning[]): void {
  for (const p of packages) {
    if (!p.hasBaseline || p.bac === 0) continue;
    const n = periodsTouched(p, gridEnd);
    if (p.rule === "level-of-effort") out.push({ code: "loe-hides-schedule-variance", packageId: p.id, message: `${p.id} is level of effort: EV equals PV, so it can never show a schedule variance` });
    if (p.rule === "0/100" && n > 1) out.push({ code: "zero-hundred-spans-periods", packageId: p.id, message: `${p.id} earns 0/100 but spans ${n} periods (use it within one)` });
    if ((p.rule === "50/50" || p.rule === "fixed-split") && n > 2) out.push({ code: "split-rule-spans-periods", packageId: p.id, message: `${p.id} earns ${p.rule} but spans ${n} periods (use it within two)` });
  }
}
