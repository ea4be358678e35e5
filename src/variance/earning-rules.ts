import { PmoDecimal, toEpochDay, type Decimal, type ValidationIssue } from "../core/index.js";
import type { EarningRule, WorkPackage } from "../entities/index.js";
import type { CompiledPackage } from "./engine-types.js";
import { shareOf } from "./exact.js";
import { NO_FINISH } from "./packed.js";
import type { EvmWarning } from "./types.js";

/*
 * Earning rules: how a package earns value from its progress records, and the rule checks (DCMA/UNECE practice):
 * level of effort hides schedule variance; 0/100 belongs within one period, 50/50 and X/Y within two.
 * Level of effort (EV ≡ PV once started) and apportioned effort (factor × base EV) depend on the status date and
 * are earned in the kernel; every other rule's EV is fixed at each progress record and computed here once.
 */

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
  let pct: Decimal | undefined;
  let phys: Decimal | undefined;
  let units: Decimal | undefined;
  let reached: readonly string[] = [];
  const share = (num: Decimal, den: Decimal) => shareOf(bac, num, den);
  recs.forEach((p, j) => {
    // Above 100 % is an overrun: its EV exceeds BAC and the kernel clamps or refuses it by policy (evAboveBac).
    if (p.percentComplete?.lt(0)) issues.push({ path: [...path, "progress", j, "percentComplete"], message: "progress must not be negative", code: "custom" });
    if (p.physicalPercentComplete?.lt(0)) issues.push({ path: [...path, "progress", j, "physicalPercentComplete"], message: "progress must not be negative", code: "custom" });
    if (p.unitsComplete?.lt(0)) issues.push({ path: [...path, "progress", j, "unitsComplete"], message: "units complete must not be negative", code: "custom" });
    pct = p.percentComplete ?? pct;
    phys = p.physicalPercentComplete ?? phys;
    units = p.unitsComplete ?? units;
    reached = p.milestonesReached ?? reached;
    finished ||= p.finished === true;
    started ||= finished || p.started === true || (p.percentComplete?.gt(0) ?? false) || (p.physicalPercentComplete?.gt(0) ?? false) || (p.unitsComplete?.gt(0) ?? false) || (p.milestonesReached?.length ?? 0) > 0;
    pDay[j] = toEpochDay(p.date);
    pStarted[j] = started ? 1 : 0;
    if (finished && firstFinish === NO_FINISH) firstFinish = pDay[j] as number;
    pFirstFinish[j] = firstFinish;
    let ev = 0;
    switch (rule.type) {
      case "0/100": ev = finished ? bac : 0; break;
      case "50/50": ev = finished ? bac : started ? share(new PmoDecimal(1), new PmoDecimal(2)) : 0; break;
      case "fixed-split": ev = finished ? bac : started ? share(rule.startPercent, new PmoDecimal(100)) : 0; break;
      case "percent-complete": ev = finished ? bac : pct ? share(pct, new PmoDecimal(100)) : 0; break;
      case "physical-percent-complete": ev = finished ? bac : phys ? share(phys, new PmoDecimal(100)) : 0; break;
      case "units": ev = finished ? bac : units ? share(units, rule.totalUnits) : 0; break;
      case "weighted-milestones": {
        const set = new Set(reached);
        const total = rule.milestones.reduce((s, m) => s.plus(m.weight), new PmoDecimal(0));
        const got = rule.milestones.filter((m) => set.has(m.id)).reduce((s, m) => s.plus(m.weight), new PmoDecimal(0));
        ev = finished ? bac : total.isZero() ? 0 : share(got, total);
        break;
      }
      default: ev = 0; // level of effort and apportioned are earned at evaluation time
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
