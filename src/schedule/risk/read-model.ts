import { PmoDecimal, ValidationError, fromEpochDay, isIsoDate, minorUnits, toEpochDay, type Decimal, type IsoDate, type PercentileMethod, type RoundingMode, type ValidationIssue } from "../../core/index.js";
import { roundingModeProblem } from "../../core/decimal.js";
import { describeValue } from "../../core/describe.js";
import { ownEntry } from "../../core/own.js";
import { isPercentileMethod, minimumSampleSize, percentileDefined } from "../../core/quantile.js";
import { NOT_STARTED, compileNetwork, type CompiledNetwork } from "../engine/network.js";
import { readDecimal, readNetwork } from "../engine/read-network.js";
import { readScheduleOptions, type ResolvedScheduleOptions } from "../options.js";
import type { CorrelationMeasure, RiskOptions, ScheduleOptions, ScheduleRiskModel } from "../types.js";
import { correlationFactor } from "./correlation.js";
import { lognormal, pert, triangular, uniform, type Quantile } from "./distributions.js";

/** @internal A validated risk model, ready for sampling. */
export interface RiskSpec {
  readonly net: CompiledNetwork;
  readonly currency: string;
  readonly minor: number;
  /** Per uncertain activity: index, quantile (minutes), unit index. */
  readonly uncertain: readonly { readonly activity: number; readonly quantile: Quantile; readonly unit: number }[];
  /** Units (groups and ungrouped uncertain activities); the first `correlated` take part in the copula. */
  readonly units: number;
  readonly correlated: number;
  readonly factor: Float64Array;
  readonly events: readonly { readonly id: string; readonly p: number; readonly impacts: readonly { readonly activity: number; readonly minutes: number; readonly cents: number; readonly factor: number }[] }[];
  /** Per activity: fixed cost in minor units and cost per day in minor units. */
  readonly fixedMinor: Float64Array;
  readonly perDayMinor: Float64Array;
  readonly iterations: number;
  readonly seed: number;
  readonly percentiles: readonly number[];
  readonly percentileMethod: PercentileMethod;
  readonly correlationMeasure: CorrelationMeasure;
  /** How the Money figures are rounded to the minor unit. */
  readonly rounding: RoundingMode;
  readonly targetFinish: number | undefined;
  readonly targetCost: Decimal | undefined;
  readonly bins: number;
  /**
   * The plan options each iteration is scheduled by, as `scheduleNetwork` reads them (`outOfSequence`, `finishBy`,
   * `criticalDays`, `milestoneDating`, `startLinkFloat`, `startNoLaterThan`; `totalFloat` and `nearCriticalDays` at
   * their defaults: the first does not move a W-space float, the second has no figure here).
   */
  readonly schedule: ResolvedScheduleOptions;
}

/** Each object's fields, and what the object is called in the message naming a field it does not have. */
type Keys = readonly [what: string, ...fields: string[]];
const MODEL_KEYS: Keys = ["a schedule risk model", "network", "durations", "groups", "correlations", "riskEvents", "costs", "currency"];
const ROW_KEYS = {
  durations: ["a duration uncertainty", "activityId", "distribution"],
  groups: ["a group", "id", "activityIds"],
  correlations: ["a correlation", "between", "and", "coefficient"],
  riskEvents: ["a risk event", "id", "probability", "impacts"],
  costs: ["a cost row", "activityId", "fixed", "perDay"],
} as const satisfies Record<string, Keys>;
const IMPACT_KEYS: Keys = ["an impact", "activityId", "days", "factor", "cost"];
const DISTRIBUTION_KEYS: Record<string, Keys> = {
  triangular: ["a triangular distribution", "kind", "min", "mostLikely", "max"],
  pert: ["a pert distribution", "kind", "min", "mostLikely", "max", "lambda"],
  uniform: ["a uniform distribution", "kind", "min", "max"],
  lognormal: ["a lognormal distribution", "kind", "mean", "standardDeviation"],
};

// RiskOptions' keys and ScheduleOptions' (an object of either passes as it is); the compiler keeps them complete.
const RISK_OPTION_KEYS = {
  iterations: 1, seed: 1, percentiles: 1, percentileMethod: 1, correlationMeasure: 1, rounding: 1, milestoneDating: 1, startLinkFloat: 1,
  startNoLaterThan: 1, outOfSequence: 1, criticalDays: 1, finishBy: 1, targetFinish: 1, targetCost: 1, histogramBins: 1, onProgress: 1, totalFloat: 1, nearCriticalDays: 1,
} satisfies Record<keyof RiskOptions | keyof ScheduleOptions, 1>;
const OPTION_KEYS = Object.keys(RISK_OPTION_KEYS);

/** Unknown own keys of `value` (zod's `unrecognized_keys`, naming the keys and the known ones): one issue at the object's path. */
function strict(value: object, [what, ...fields]: Keys, path: (string | number)[], issues: ValidationIssue[]): void {
  const unknown = Object.keys(value).filter((k) => !fields.includes(k));
  if (unknown.length > 0) {
    const list = unknown.map((k) => JSON.stringify(k)).join(", ");
    issues.push({ path, code: "unrecognized_keys", message: `Unrecognized key${unknown.length === 1 ? "" : "s"}: ${list} (${what} has ${fields.join(", ")})` });
  }
}

/** @internal Validates a risk model and its options; every problem has its path. */
export function readRiskModel(model: ScheduleRiskModel, options: RiskOptions): RiskSpec {
  const issues: ValidationIssue[] = [];
  const bad = (path: (string | number)[], message: string) => issues.push({ path, message, code: "custom" });
  // The plan options first: the network is compiled by one of them (startNoLaterThan); their issues join the others below.
  // A ScheduleOptions object passes as it is: its totalFloat and nearCriticalDays are checked, and read by no figure.
  const { outOfSequence, finishBy, criticalDays, milestoneDating, startLinkFloat, startNoLaterThan, totalFloat, nearCriticalDays } = options as RiskOptions & ScheduleOptions;
  const optionIssues: ValidationIssue[] = [];
  const schedule = readScheduleOptions({ outOfSequence, finishBy, criticalDays, milestoneDating, startLinkFloat, startNoLaterThan, totalFloat, nearCriticalDays }, optionIssues);
  const net = compileNetwork(readNetwork(model.network), schedule.startNoLaterThan);
  const { spec } = net;
  const mpd = spec.mpd;
  const currency = model.currency ?? "EUR";
  let minor = 2;
  try {
    minor = minorUnits(currency);
  } catch {
    bad(["currency"], `unknown currency ${JSON.stringify(currency)}`);
  }
  const num = (v: unknown, path: (string | number)[]) => readDecimal(v, path, issues);
  const days = (v: unknown, path: (string | number)[]) => {
    const d = num(v, path);
    if (d?.isNegative()) bad(path, "must not be negative");
    return d === undefined ? 0 : d.times(mpd).toNumber();
  };
  const activity = (id: unknown, path: (string | number)[]) => {
    const i = typeof id === "string" ? spec.index.get(id) : undefined;
    if (i === undefined) bad(path, `unknown activity ${JSON.stringify(id)}`);
    return i;
  };
  // Every object is strict, as zod's strictObject: a misspelt field (perday, dayz) was ignored, so read as absent.
  strict(model, MODEL_KEYS, [], issues);
  // So are the options (`iteration: 500` ran the default 1,000), each unknown key at its path as the others' issues.
  // Worded as every other function's unknown option (checkOptionKeys), one issue per key at the key.
  for (const k of Object.keys(options)) if (!Object.hasOwn(RISK_OPTION_KEYS, k)) optionIssues.push({ path: [k], code: "custom", message: `unknown option (analyseScheduleRisk takes ${OPTION_KEYS.join(", ")})` });
  // Lists and their rows must be arrays of objects (a null row or a missing impacts list was a TypeError).
  const lists = { durations: model.durations, groups: model.groups, correlations: model.correlations, riskEvents: model.riskEvents, costs: model.costs };
  for (const [name, list] of Object.entries(lists) as [keyof typeof ROW_KEYS, unknown][]) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) bad([name], "expected an array");
    else list.forEach((row: unknown, n) => {
      if (row === null || typeof row !== "object") return bad([name, n], "expected an object");
      strict(row, ROW_KEYS[name], [name, n], issues);
      if (name === "riskEvents") {
        const impacts = (row as { impacts?: unknown }).impacts;
        if (!Array.isArray(impacts)) bad([name, n, "impacts"], "expected an array of impacts");
        else impacts.forEach((im: unknown, m) => (im === null || typeof im !== "object" ? bad([name, n, "impacts", m], "expected an object") : strict(im, IMPACT_KEYS, [name, n, "impacts", m], issues)));
      }
      else if (name === "groups" && !Array.isArray((row as { activityIds?: unknown }).activityIds)) bad([name, n, "activityIds"], "expected an array of activity ids");
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, "schedule risk model");
  // Distributions.
  const quantiles = new Map<number, Quantile>();
  (model.durations ?? []).forEach((u, n) => {
    const p = ["durations", n];
    const i = activity(u.activityId, [...p, "activityId"]);
    if (i !== undefined && quantiles.has(i)) bad([...p, "activityId"], `${u.activityId} has two distributions`);
    const d = u.distribution;
    const q = quantile(d, [...p, "distribution"], days, num, bad, issues);
    if (i !== undefined && q !== undefined) quantiles.set(i, q);
  });
  // Groups and correlation units.
  const unitNames: string[] = [];
  const unitOf = new Map<number, number>();
  const groupIds = new Map<string, number>();
  (model.groups ?? []).forEach((g, n) => {
    if (spec.index.has(g.id) || groupIds.has(g.id)) bad(["groups", n, "id"], `group id ${g.id} clashes with an activity or another group`);
    const unit = unitNames.length;
    groupIds.set(g.id, unit);
    unitNames.push(g.id);
    g.activityIds.forEach((id, m) => {
      const i = activity(id, ["groups", n, "activityIds", m]);
      if (i === undefined) return;
      if (!quantiles.has(i)) bad(["groups", n, "activityIds", m], `${id} has no duration distribution`);
      else if (unitOf.has(i)) bad(["groups", n, "activityIds", m], `${id} is already in a group`);
      else unitOf.set(i, unit);
    });
  });
  const ownUnit = new Map<number, number>();
  const pairs: { a: number; b: number; r: number; path: (string | number)[] }[] = [];
  const unitFor = (id: string, path: (string | number)[]) => {
    const g = groupIds.get(id);
    if (g !== undefined) return g;
    const i = spec.index.get(id);
    if (i === undefined || !quantiles.has(i)) {
      bad(path, `${JSON.stringify(id)} is neither a group nor an activity with a duration distribution`);
      return undefined;
    }
    const own = ownUnit.get(i);
    if (own !== undefined) return own;
    if (unitOf.has(i)) {
      bad(path, `${id} is in a group: correlate the group`);
      return undefined;
    }
    ownUnit.set(i, unitNames.length);
    unitOf.set(i, unitNames.length);
    unitNames.push(id);
    return unitNames.length - 1;
  };
  // A pair given twice would let the later row overwrite the earlier one: the answer would depend on the list order.
  const pairRow = new Map<string, number>();
  const correlationMeasure = options.correlationMeasure ?? "latent-normal";
  if (correlationMeasure !== "latent-normal" && correlationMeasure !== "spearman") bad(["correlationMeasure"], `unknown correlation measure ${describeValue(correlationMeasure)}: expected "latent-normal" or "spearman"`);
  (model.correlations ?? []).forEach((c, n) => {
    const p = ["correlations", n];
    const a = unitFor(c.between, [...p, "between"]);
    const b = unitFor(c.and, [...p, "and"]);
    const r = num(c.coefficient, [...p, "coefficient"]);
    if (r !== undefined && (r.lt(-1) || r.gt(1))) bad([...p, "coefficient"], "a correlation coefficient lies in [−1, 1]");
    if (a !== undefined && a === b) bad(p, "a unit cannot be correlated with itself");
    if (a !== undefined && b !== undefined && a !== b) {
      const key = a < b ? `${a} ${b}` : `${b} ${a}`;
      const first = pairRow.get(key);
      if (first !== undefined) bad(p, `${String(c.between)} and ${String(c.and)} are already correlated (correlations.${first}): one coefficient per pair`);
      else pairRow.set(key, n);
    }
    // A Spearman coefficient ρs is the copula's r = 2·sin(π·ρs/6) (Pearson 1907): the Gaussian copula's rank correlation is (6/π)·asin(r/2).
    const latent = (x: number) => (correlationMeasure === "spearman" ? Math.max(-1, Math.min(1, 2 * Math.sin((Math.PI * x) / 6))) : x);
    if (a !== undefined && b !== undefined && r !== undefined && a !== b) pairs.push({ a, b, r: latent(r.toNumber()), path: p });
  });
  // Canonical unit order, so the same model with its groups, members or correlations listed in another order draws
  // the same numbers: correlated units first (the copula runs over them only), each block by unit name (group id or
  // activity id; the two never clash), in UTF-16 code-unit order. Ungrouped uncorrelated activities follow, by id.
  const inPairs = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const nameOf = (u: number) => unitNames[u] as string;
  const order = [...unitNames.keys()].sort((x, y) => Number(inPairs.has(y)) - Number(inPairs.has(x)) || (nameOf(x) < nameOf(y) ? -1 : nameOf(x) > nameOf(y) ? 1 : 0));
  const remap = new Map(order.map((u, k) => [u, k] as const));
  const correlated = inPairs.size;
  const factor =
    correlated > 0
      ? correlationFactor(order.slice(0, correlated).map((u) => unitNames[u] as string), pairs.map((p) => ({ ...p, a: remap.get(p.a) as number, b: remap.get(p.b) as number })), issues)
      : new Float64Array(0);
  let units = unitNames.length;
  // Uniforms go to activities in id order, not input order: the same model in another order gives the same result.
  const byId = (i: number) => spec.ids[i] as string;
  // Started and complete work keeps its (remaining) duration: its distribution is not sampled, so neither its cost
  // nor its sensitivity varies with a duration the schedule does not use.
  const uncertain = [...quantiles.entries()]
    .filter(([i]) => net.state[i] === NOT_STARTED)
    .sort((x, y) => (byId(x[0]) < byId(y[0]) ? -1 : byId(x[0]) > byId(y[0]) ? 1 : 0))
    .map(([i, q]) => ({ activity: i, quantile: q, unit: unitOf.has(i) ? (remap.get(unitOf.get(i) as number) as number) : units++ }));
  // Risk events and costs.
  const cents = (v: unknown, path: (string | number)[]) => {
    const d = num(v, path);
    if (d?.isNegative()) bad(path, "must not be negative");
    const m = d === undefined ? 0 : d.times(new PmoDecimal(10).pow(minor)).toNumber();
    // Whole minor units, as cost rows: a fraction was a RangeError in the summary, or read as 0.00 in every figure.
    if (!Number.isInteger(m)) bad(path, `costs are counted in whole ${currency} minor units`);
    return m;
  };
  const started = (id: unknown) => {
    const i = typeof id === "string" ? spec.index.get(id) : undefined;
    return i !== undefined && net.state[i] !== NOT_STARTED;
  };
  const factorOf = (v: unknown, path: (string | number)[]) => {
    const f = num(v, path);
    if (f?.lt(1)) bad(path, "a duration factor is ≥ 1 (1.5 makes the activity half as long again)");
    return f === undefined ? 1 : f.toNumber();
  };
  const eventIds = new Set<unknown>();
  const events = (model.riskEvents ?? []).map((e, n) => {
    if (typeof e.id !== "string" || e.id === "") bad(["riskEvents", n, "id"], "a risk event id is a non-empty string");
    else if (eventIds.has(e.id)) bad(["riskEvents", n, "id"], `duplicate risk event id ${String(e.id)}`);
    eventIds.add(e.id);
    const p = num(e.probability, ["riskEvents", n, "probability"]);
    if (p !== undefined && (p.isNegative() || p.gt(1))) bad(["riskEvents", n, "probability"], "a probability lies in [0, 1]");
    if (e.impacts.length === 0) bad(["riskEvents", n, "impacts"], "a risk event needs at least one impact");
    return {
      id: e.id,
      p: p?.toNumber() ?? 0,
      impacts: e.impacts.map((im, m) => {
        const at = ["riskEvents", n, "impacts", m];
        const on = started(im.activityId);
        const before = issues.length;
        const d = im.days === undefined ? 0 : days(im.days, [...at, "days"]);
        // Durations count whole minutes: days that round to none added nothing, beside a cost or not.
        if (d > 0 && Math.round(d) === 0) bad([...at, "days"], `${String(im.days)} days rounds to 0 minutes of working time (a day is ${mpd}; durations count whole minutes): it adds nothing; give 0 or at least half a minute`);
        const out = {
          activity: activity(im.activityId, [...at, "activityId"]) ?? 0,
          // Days on started work are not added (its remaining duration is fixed, as for distributions); the cost is.
          minutes: on ? 0 : Math.round(d),
          cents: im.cost === undefined ? 0 : cents(im.cost, [...at, "cost"]),
          // A duration factor (≥ 1: threats, as days ≥ 0); on started work it is read and checked, then not applied.
          factor: im.factor === undefined ? 1 : factorOf(im.factor, [...at, "factor"]),
        };
        // An impact that changes nothing (no days, factor or cost; or 0, 1, 0; its bad values aside) was drawn to no effect.
        if (issues.length === before && !(d > 0) && out.factor === 1 && out.cents === 0) bad(at, "an impact needs days > 0, a factor > 1 or a cost > 0 (this one changes nothing)");
        if (on) out.factor = 1;
        return out;
      }),
    };
  });
  const fixedMinor = new Float64Array(spec.ids.length);
  const perDayMinor = new Float64Array(spec.ids.length);
  const costed = new Set<number>();
  (model.costs ?? []).forEach((c, n) => {
    const i = activity(c.activityId, ["costs", n, "activityId"]);
    if (i === undefined) return;
    if (costed.has(i)) bad(["costs", n, "activityId"], `${c.activityId} has two cost rows (one per activity)`);
    costed.add(i);
    if (c.fixed !== undefined) fixedMinor[i] = cents(c.fixed, ["costs", n, "fixed"]);
    if (c.perDay !== undefined) perDayMinor[i] = cents(c.perDay, ["costs", n, "perDay"]);
  });
  const iterations = options.iterations ?? 1000;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 1_000_000) bad(["iterations"], "iterations must be an integer 1–1,000,000");
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) bad(["seed"], "the seed must be an integer");
  const percentiles = options.percentiles ?? [10, 50, 80, 90];
  const percentileMethod = options.percentileMethod ?? "nearest-rank";
  if (!isPercentileMethod(percentileMethod)) bad(["percentileMethod"], `unknown percentile method ${describeValue(percentileMethod)}: expected "nearest-rank", "linear" or "exclusive"`);
  issues.push(...optionIssues);
  const rounding = options.rounding ?? "half-even";
  const badRounding = roundingModeProblem(rounding);
  if (badRounding !== undefined) bad(["rounding"], badRounding);
  if (!Array.isArray(percentiles)) bad(["percentiles"], "expected an array of percentiles in (0, 100]");
  else percentiles.forEach((p, n) => {
    if (typeof p !== "number" || !(p > 0 && p <= 100)) bad(["percentiles", n], "a percentile lies in (0, 100]");
    // The exclusive convention (PERCENTILE.EXC) has no value outside [1/(N+1), N/(N+1)]: refused, never clamped.
    else if (percentileMethod === "exclusive" && Number.isInteger(iterations) && iterations >= 1 && !percentileDefined(iterations, p / 100, "exclusive")) {
      const need = minimumSampleSize(p / 100, "exclusive");
      bad(["percentiles", n], `P${p} has no value by the exclusive method (PERCENTILE.EXC) with ${iterations} iteration${iterations === 1 ? "" : "s"}: ${need === Infinity ? "it never has one" : `it needs at least ${need}`}; use "nearest-rank" or "linear"`);
    }
  });
  let targetFinish: number | undefined;
  if (options.targetFinish !== undefined) {
    if (isIsoDate(options.targetFinish)) targetFinish = toEpochDay(options.targetFinish as IsoDate);
    else bad(["targetFinish"], "expected a date YYYY-MM-DD");
    // No run finishes before the plan starts: P(finish ≤ target) was a meaningless 0.
    if (targetFinish !== undefined && targetFinish < spec.start) bad(["targetFinish"], `${options.targetFinish} is before the plan's start ${fromEpochDay(spec.start)}: no run can finish by then`);
  }
  const targetCost = options.targetCost === undefined ? undefined : num(options.targetCost, ["targetCost"]);
  if (targetCost?.lt(0)) bad(["targetCost"], `a target cost is ≥ 0, got ${targetCost.toFixed()}`);
  const bins = options.histogramBins ?? 20;
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000) bad(["histogramBins"], "bins must be an integer 1–1,000");
  if (issues.length > 0) throw new ValidationError(issues, "schedule risk model");
  return {
    net, currency, minor, uncertain, units, correlated, factor: factor ?? new Float64Array(0), events, fixedMinor, perDayMinor,
    iterations, seed, percentiles, percentileMethod: percentileMethod as PercentileMethod, correlationMeasure, rounding, targetFinish, targetCost, bins, schedule,
  };
}

function quantile(
  d: ScheduleRiskModel["durations"] extends readonly (infer U)[] | undefined ? (U extends { distribution: infer D } ? D : never) : never,
  path: (string | number)[],
  days: (v: unknown, path: (string | number)[]) => number,
  num: (v: unknown, path: (string | number)[]) => Decimal | undefined,
  bad: (path: (string | number)[], message: string) => void,
  issues: ValidationIssue[],
): Quantile | undefined {
  if (d === null || typeof d !== "object") {
    bad(path, "expected a distribution");
    return undefined;
  }
  const keys = typeof d.kind === "string" ? ownEntry(DISTRIBUTION_KEYS, d.kind) : undefined;
  if (keys) strict(d, keys, path, issues);
  switch (d.kind) {
    case "triangular":
    case "pert": {
      const a = days(d.min, [...path, "min"]);
      const m = days(d.mostLikely, [...path, "mostLikely"]);
      const b = days(d.max, [...path, "max"]);
      if (!(a <= m && m <= b)) bad(path, "expected min ≤ mostLikely ≤ max");
      else if (!(a < b)) bad(path, "expected min < max");
      else if (d.kind === "triangular") return triangular(a, m, b);
      else {
        const l = d.lambda === undefined ? 4 : num(d.lambda, [...path, "lambda"])?.toNumber();
        if (l === undefined || !(l > 0)) bad([...path, "lambda"], "lambda must be > 0");
        else return pert(a, m, b, l);
      }
      return undefined;
    }
    case "uniform": {
      const a = days(d.min, [...path, "min"]);
      const b = days(d.max, [...path, "max"]);
      if (!(a < b)) bad(path, "expected min < max");
      else return uniform(a, b);
      return undefined;
    }
    case "lognormal": {
      const m = days(d.mean, [...path, "mean"]);
      const s = days(d.standardDeviation, [...path, "standardDeviation"]);
      if (!(m > 0) || !(s > 0)) bad(path, "a lognormal needs mean > 0 and standardDeviation > 0");
      else return lognormal(m, s);
      return undefined;
    }
    default:
      bad([...path, "kind"], "expected triangular, pert, uniform or lognormal");
      return undefined;
  }
}
