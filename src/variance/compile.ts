import {
  PmoDecimal, STANDARD_CALENDAR, ValidationError, fromEpochDay, isIsoDate, toEpochDay,
  minorUnits, type Decimal, type IsoDate, type ValidationIssue, type WorkingCalendar,
} from "../core/index.js";
import { checkOptionKeys, requireArray, requireObject } from "../core/guard.js";
import type { EarningRule, WorkPackage } from "../entities/index.js";
import { compileDays, workingDaysIn } from "./day-index.js";
import { magnitudeCounter, toFraction, toMinor } from "./exact.js";
import { addPvCurve } from "./kernel.js";
import { packPackages, views } from "./packed.js";
import { progressOf, ruleWarnings } from "./earning-rules.js";
import { checkFxRates, rateOn } from "./fx-table.js";
import { gridOver } from "./period-grid.js";
import { chooseBaseline } from "../entities/baseline-in-force.js";
import type { EarnedValueInput, EarnedValueOptions, EvmPolicy, EvmWarning } from "./types.js";
import type { CompiledPackage, CompiledProject } from "./engine-types.js";

export type { CompiledPackage, CompiledProject } from "./engine-types.js";


/** @internal The keys of {@link EarnedValueOptions}: any other key is refused. */
export const EV_OPTION_KEYS = { statusDate: 1, baseline: 1, calendar: 1, grid: 1, policy: 1, fxRates: 1 } satisfies Record<keyof EarnedValueOptions, 1>;

/**
 * @internal Checks the shape of an earned-value input and its options (the lists compile walks at once), so that a
 * wrong-typed argument is a ValidationError naming it, and a key the options (`known`, e.g.
 * {@link EV_OPTION_KEYS}) or their policy do not take is refused.
 */
export function checkEarnedValueArguments(subject: string, input: unknown, options: unknown, known: Readonly<Record<string, 1>>): void {
  // What checkArguments does for "object" and "object[]", without its table of every other kind.
  requireObject(input, ["input"], subject);
  requireObject(options, ["options"], subject);
  checkOptionKeys(subject, options, known);
  // The policy's keys are its choices' and eacOrder: a misspelt one (`evAboveBAC`) would leave its default running.
  checkOptionKeys(subject, (options as EarnedValueOptions).policy, { ...POLICY_CHOICES, eacOrder: 1 } as unknown as Record<string, 1>, ["policy"]);
  requireObject((input as EarnedValueInput).project, ["project"], subject);
  // A record listed twice would count twice (an actual) or replace the other (a package).
  for (const key of ["workPackages", "baselines", "costEntries"] as const) {
    const seen = new Set<unknown>();
    requireArray<{ id: unknown }>((input as EarnedValueInput)[key], [key], subject).forEach((v, k) => {
      requireObject(v, [key, k], subject);
      if (seen.has(v.id)) throw ValidationError.single([key, k, "id"], `${v.id} is listed twice`, subject);
      seen.add(v.id);
    });
  }
}

/**
 * @internal Refuses an analysis whose dates span more than 400 years (146,097 days, one Gregorian cycle): `span` is
 * the latest minus the earliest epoch day of the status date, the planned dates and the cost entries' dates. A status date centuries away is a typo
 * (2126 for 2026): the calendar, the grid and its prefix sums (and, compiled, the days counted past them) grow with
 * the span. `compileProject` and the compiled path's status dates share it, so both refuse alike.
 */
export function refuseFarSpan(span: number): void {
  if (span > 146097) throw ValidationError.single(["statusDate"], "more than 400 years (146,097 days) from the plan", "earned value");
}

/**
 * @internal Compiles a project for the engine: picks the baseline, converts every amount to integer minor units,
 * spreads nothing yet (slices stay as cells), sorts and accumulates actuals, compiles the calendar and the grid.
 * Validates as it goes and throws one ValidationError listing every problem with its path.
 */
export function compileProject(input: EarnedValueInput, options: EarnedValueOptions): CompiledProject {
  const issues: ValidationIssue[] = [];
  if (!isIsoDate(options.statusDate)) throw ValidationError.single(["statusDate"], "a status date (YYYY-MM-DD) is required", "earned value");
  const status = toEpochDay(options.statusDate as IsoDate);
  // The default of each choice is the first value it lists.
  const defaults = Object.fromEntries(Object.entries(POLICY_CHOICES).map(([key, values]) => [key, values[0]]));
  const policy = { ...defaults, eacOrder: ["cpi", "bottom-up", "budget-rate"], ...options.policy } as Required<EvmPolicy>;
  checkPolicy(policy);
  const calendar: WorkingCalendar = options.calendar ?? STANDARD_CALENDAR;
  if (!calendar.workingWeekdays.length) throw ValidationError.single(["calendar", "workingWeekdays"], "a calendar needs at least one working weekday", "earned value");
  const warnings: EvmWarning[] = [];
  const counted = magnitudeCounter(issues);
  const fx = checkFxRates(options.fxRates, issues);
  const baseline = chooseBaseline(input, options.baseline, options.statusDate, warnings);
  const live = new Map(input.workPackages.filter((w) => w.projectId === input.project.id).map((w) => [w.id, w] as const));
  const blPackages = baseline?.workPackages ?? [];
  const currency = baseline?.budgetAtCompletion.currency ?? input.workPackages[0]?.timePhasedBudget[0]?.amount.currency ?? input.costEntries[0]?.amount.currency ?? "EUR";
  // Packages: the baseline's, then live packages the baseline does not know (no baseline: BAC 0, reported).
  // Named as the compiled package's fields, which it spreads (slices, w and path come along, unread; rule becomes its type).
  type Src = { id: string; code: string; name: string; start: number; finish: number; slices: WorkPackage["timePhasedBudget"]; rule: EarningRule; w: WorkPackage | undefined; hasBaseline: boolean; path: (string | number)[]; livePath: (string | number)[] };
  const srcs: Src[] = blPackages.map((b, i) => {
    const w = live.get(b.workPackageId);
    if (!w) warnings.push({ code: "baseline-package-not-live", packageId: b.workPackageId, message: `${b.workPackageId} is in the baseline but not among the live packages: no progress, no actuals` });
    return { id: b.workPackageId, code: b.code, name: b.name, start: toEpochDay(b.plannedStart), finish: toEpochDay(b.plannedFinish), slices: b.timePhasedBudget, rule: b.earningRule ?? w?.earningRule ?? { type: "0/100" }, w, hasBaseline: true, path: ["baselines", "workPackages", i], livePath: ["workPackages", w ? input.workPackages.indexOf(w) : -1] };
  });
  // Each package's position among the compiled packages.
  const index = new Map(srcs.map((s, i) => [s.id, i] as const));
  input.workPackages.forEach((w, i) => {
    if (w.projectId !== input.project.id || index.has(w.id)) return;
    if (w.timePhasedBudget.length || w.progress.length) {
      warnings.push({ code: "package-without-baseline", packageId: w.id, message: `${w.id} has no baseline ${baseline?.number ?? "(none)"}: its BAC, PV and EV are missing (no-baseline); its actuals still count at project level` });
    }
    index.set(w.id, srcs.push({ id: w.id, code: w.code, name: w.name, start: toEpochDay(w.plannedStart), finish: toEpochDay(w.plannedFinish), slices: [], rule: w.earningRule, w, hasBaseline: false, path: ["workPackages", i], livePath: ["workPackages", i] }) - 1);
  });
  // The calendar and grid span everything the analysis can touch: the packages and the actuals (below).
  let lo = status;
  let hi = status;
  for (const s of srcs) { lo = Math.min(lo, s.start); hi = Math.max(hi, s.finish); }
  // Actuals per package, converted to the baseline currency.
  // (Without a baseline there is no CV split: no day to read its rates on.)
  const baseRateDay = baseline?.capturedAt.slice(0, 10) ?? "";
  type Ac = { day: number; amt: number; base: number; id: string; cur: string };
  const perPkg: Ac[][] = srcs.map(() => []);
  const unassigned: Ac[] = [];
  const all: Ac[] = [];
  input.costEntries.forEach((c, i) => {
    if (c.projectId !== input.project.id) return;
    const path = ["costEntries", i, "amount"], day = toEpochDay(c.date);
    lo = Math.min(lo, day); hi = Math.max(hi, day);
    let amt: number;
    let base: number;
    if (c.amount.currency === currency) {
      amt = base = toMinor(c.amount, path, "earned value");
    } else {
      const rate = c.fxRate?.currency === currency ? c.fxRate.rate : rateOn(fx, c.amount.currency, currency, c.date);
      if (!rate) {
        issues.push({ path: [...path, "currency"], message: `${c.amount.currency} actual in a ${currency} project needs a rate (entry fxRate or a rate table)`, code: "custom" });
        return;
      }
      const atBase = rateOn(fx, c.amount.currency, currency, baseRateDay);
      const conv = (r: Decimal) => toMinor({ amount: c.amount.amount.times(r).toDecimalPlaces(minorUnits(currency), PmoDecimal.ROUND_HALF_EVEN), currency }, path, "earned value");
      amt = conv(rate);
      // No rate in force on the baseline day: its cost at baseline rates is unknown (NaN, so cvSplit says so), not
      // its booking rate's (which made the FX part a silent 0).
      base = atBase ? conv(atBase) : NaN;
    }
    counted(Math.max(Math.abs(amt), Math.abs(base) || 0), path);
    const a = { day, amt, base, id: c.id, cur: c.amount.currency };
    all.push(a);
    const k = c.workPackageId === undefined ? undefined : index.get(c.workPackageId);
    if (c.workPackageId !== undefined && k === undefined) warnings.push({ code: "actual-for-unknown-package", packageId: c.workPackageId, message: `${c.id} is charged to unknown package ${c.workPackageId}: counted at project level` });
    (k === undefined ? unassigned : (perPkg[k] as Ac[])).push(a);
  });
  refuseFarSpan(hi - lo);
  const days = compileDays(calendar, lo - 1, hi + 1), working = policy.spread === "working-days";
  const grid = options.grid ?? { kind: "weekly" };
  const gridEnd = Int32Array.from(gridOver(grid, fromEpochDay(lo), fromEpochDay(hi)).periods.map((p) => toEpochDay(p.finish)));
  // Every package's cells, progress records and actuals go straight into flat arrays (the hot path's form); a
  // package's own arrays are views of its stretch.
  const n = srcs.length;
  const offsets = (len: (i: number) => number) => {
    const o = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) o[i + 1] = (o[i] as number) + len(i);
    return o;
  };
  const sOff = offsets((i) => (srcs[i] as Src).slices.length);
  const pOff = offsets((i) => ((srcs[i] as Src).w?.progress ?? []).length);
  const aOff = offsets((i) => (perPkg[i] as Ac[]).length);
  const S = sOff[n] as number, Pr = pOff[n] as number;
  const cells = { sStart: new Int32Array(S), sEnd: new Int32Array(S), sAmt: new Float64Array(S), sUnits: new Int32Array(S) };
  const records = { pDay: new Int32Array(Pr), pStarted: new Uint8Array(Pr), pEarned: new Float64Array(Pr), pFirstFinish: new Int32Array(Pr) };
  const acArrays = (len: number) => ({ acDay: new Int32Array(len), acCum: new Float64Array(len), acCumBase: new Float64Array(len) });
  const actuals = acArrays(aOff[n] as number);
  const cum = (list: Ac[], into: ReturnType<typeof acArrays>) => {
    list.sort((a, b) => a.day - b.day);
    let s = 0, sb = 0;
    list.forEach((a, j) => { into.acDay[j] = a.day; into.acCum[j] = s += a.amt; into.acCumBase[j] = sb += a.base; });
    return into;
  };
  all.sort((a, b) => a.day - b.day);
  // Packages.
  const packages: CompiledPackage[] = srcs.map((s, i) => {
    const c = views(cells, sOff, i);
    let bac = 0;
    s.slices.forEach((x, j) => {
      if (x.amount.currency !== currency) issues.push({ path: [...s.path, "timePhasedBudget", j, "amount", "currency"], message: `budget must be in ${currency}`, code: "custom" });
      const a = toEpochDay(x.start), b = toEpochDay(x.finish);
      const at = [...s.path, "timePhasedBudget", j, "amount"];
      c.sStart[j] = a; c.sEnd[j] = b; bac += c.sAmt[j] = counted(toMinor(x.amount, at, "earned value"), at);
      const wd = working ? workingDaysIn(days, a, b) : 0;
      c.sUnits[j] = wd > 0 ? wd : b - a + 1; // a slice with no working day spreads by calendar days
    });
    const rule = s.rule;
    const prog = progressOf(s.w, rule, bac, issues, s.livePath, views(records, pOff, i));
    let apportion: CompiledPackage["apportion"];
    if (rule.type === "apportioned") {
      const base = index.get(rule.basePackageId);
      if (base === undefined) issues.push({ path: [...s.path, "earningRule", "basePackageId"], message: `unknown base package ${rule.basePackageId}`, code: "custom" });
      else apportion = { base, ...toFraction(rule.factor, [...s.path, "earningRule", "factor"], "earned value") };
    }
    const est = s.w?.estimateToComplete;
    const etcPath = [...s.livePath, "estimateToComplete", "amount"];
    const etc = est ? counted(toMinor(est.amount, etcPath, "earned value"), etcPath) : -1;
    const etcDay = est ? toEpochDay(est.asOf) : 0;
    return {
      ...s, rule: rule.type, loe: rule.type === "level-of-effort", bac,
      ...c, ...prog, apportion, etc, etcDay, ...cum(perPkg[i] as Ac[], views(actuals, aOff, i)),
    };
  });
  if (issues.length) throw new ValidationError(issues, "earned value");
  const order = evaluationOrder(packages);
  ruleWarnings(packages, gridEnd, warnings);
  const withBudget = packages.filter((p) => p.hasBaseline);
  const start = withBudget.length ? Math.min(...withBudget.map((p) => p.start)) : status;
  const finish = withBudget.length ? Math.max(...withBudget.map((p) => p.finish)) : status;
  // Prefix sums of the baseline over the grid, once per compile: a status date then costs a binary search per package.
  // Period-major, so one status date reads the packages' prefix sums contiguously.
  const K = gridEnd.length;
  const pvCurve = new Float64Array(K), cumEnd = new Float64Array(n * K), nextSlice = new Int32Array(n * K), curve = new Float64Array(K);
  packages.forEach((p, i) => {
    curve.fill(0);
    addPvCurve(p, gridEnd, curve, days, working);
    let j = 0;
    for (let k = 0; k < K; k++) {
      while (j < p.sEnd.length && (p.sEnd[j] as number) <= (gridEnd[k] as number)) j++;
      const v = curve[k] as number;
      cumEnd[k * n + i] = v;
      nextSlice[k * n + i] = j;
      if (p.hasBaseline) pvCurve[k] = (pvCurve[k] as number) + v;
    }
  });
  const packed = packPackages(packages, { sOff, ...cells, pOff, ...records, aOff, ...actuals, cumEnd, nextSlice });
  return {
    id: input.project.id, name: input.project.name ?? input.project.id, programmeId: input.project.programmeId, portfolioId: input.project.portfolioId,
    currency, baselineNumber: baseline?.number, start, finish, bac: withBudget.reduce((s, p) => s + p.bac, 0),
    packages, order, unassigned: cum(unassigned, acArrays(unassigned.length)), actualDays: Int32Array.from(all.map((a) => a.day)), actualIds: all.map((a) => a.id),
    days, grid, gridEnd, pvCurve, packed, policy, warnings,
    // The pairs of the actuals to t without a rate on the baseline day (in day order).
    noBaseRate: (t) => `no ${[...new Set(all.filter((a) => a.day <= t && isNaN(a.base)).map((a) => `${a.cur}→${currency}`))].join(", ")} rate on or before ${baseRateDay}, the baseline capture day`,
  };
}

/** Each policy choice's values, its default first. */
const POLICY_CHOICES: { readonly [K in Exclude<keyof EvmPolicy, "eacOrder">]-?: readonly string[] } = {
  evAboveBac: ["clamp", "reject"], spread: ["calendar-days", "working-days"], levelOfEffort: ["once-started", "from-planned-start"], timeUnit: ["working-days", "periods"],
};
const EAC_METHODS: readonly string[] = ["cpi", "budget-rate", "cpi-spi", "bottom-up", "earned-schedule"];

/** Every policy choice must be one of its documented values (a typo must not fall back to a default silently). */
function checkPolicy(policy: Required<EvmPolicy>): void {
  const issues: ValidationIssue[] = [];
  for (const [key, allowed] of Object.entries(POLICY_CHOICES)) {
    if (!allowed.includes((policy as unknown as Record<string, string>)[key]!)) issues.push({ path: ["policy", key], message: `one of ${allowed.join(", ")}`, code: "custom" });
  }
  if (!Array.isArray(policy.eacOrder)) issues.push({ path: ["policy", "eacOrder"], message: "a list of EAC methods", code: "custom" });
  else policy.eacOrder.forEach((m, i) => { if (!EAC_METHODS.includes(m)) issues.push({ path: ["policy", "eacOrder", i], message: `one of ${EAC_METHODS.join(", ")}`, code: "custom" }); });
  if (issues.length) throw new ValidationError(issues, "earned value");
}

/** Apportioned packages after their base; a cycle is bad input. */
function evaluationOrder(packages: readonly CompiledPackage[]): Int32Array {
  const state = new Uint8Array(packages.length);
  const out: number[] = [];
  const visit = (i: number, trail: number[]) => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw ValidationError.single(["workPackages", (packages[i] as CompiledPackage).id, "earningRule"], `apportioned packages form a cycle: ${trail.map((k) => packages[k]?.id).join(" → ")}`, "earned value");
    state[i] = 1;
    const ap = (packages[i] as CompiledPackage).apportion;
    if (ap) visit(ap.base, [...trail, i]);
    state[i] = 2;
    out.push(i);
  };
  packages.forEach((_, i) => visit(i, []));
  return Int32Array.from(out);
}
