import { lowerBound } from "../../core/calendar/day-test.js";
import { PmoDecimal, ValidationError, checkArguments, divideToScale, fromEpochDay, metric, missing, money as moneyOf, type Decimal, type IsoDate, type Metric, type Money } from "../../core/index.js";
import { describePercentileMethod, quantileSorted } from "../../core/quantile.js";
import { COMPLETE, IN_PROGRESS, NOT_STARTED, type CompiledNetwork } from "../engine/network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import { cpmState, runCpm, type CpmState } from "../engine/cpm-kernel.js";
import { pinnedByStart, reachedAfterHoursFinish } from "../engine/milestone-day.js";
import type { ActivityRisk, MilestoneDating, FinishHistogramBin, RiskOptions, RiskPercentile, ScheduleRiskModel, ScheduleRiskResult } from "../types.js";
import { Xoshiro128, inverseNormal, normalCdf } from "./random.js";
import { readRiskModel, type RiskSpec } from "./read-model.js";
import { datesKernel, pinnedEvening, runDates, setDatesLag } from "./dates-kernel.js";
import { sample, sampler } from "./sampler.js";
import { centred, pearsonWith, ranks, type RankScratch } from "./stats.js";

const method = (percentiles: RiskSpec["percentileMethod"], plan: RiskSpec["schedule"], measure: RiskSpec["correlationMeasure"]) =>
  "xoshiro128** seeded by splitmix32; uniforms (x + 0.5)/2^32; normals by inversion (Acklam); correlation by a Gaussian copula " +
  (measure === "spearman" ? "(coefficients are Spearman rank correlations, converted to r = 2 sin(pi rho/6); " : "(coefficients are those of the latent normals; ") +
  "Cholesky factor of the unit correlation matrix, refused when not positive semi-definite); PERT-beta by a 2,048-step CDF table; " +
  "draws per iteration in a canonical order (correlated groups and activities by id, other groups by id, other activities by id, risk events by id); " +
  `durations rounded to whole minutes; percentiles by ${describePercentileMethod(percentiles)}` +
  (percentiles === "nearest-rank" ? "" : ", an interpolated finish rounded up to a working day") +
  `; critical = total float ≤ ${plan.criticalDays.toFixed()}` +
  (plan.finishBy === undefined ? "" : ` (late dates from ${fromEpochDay(plan.finishBy)})`) +
  (plan.startLinkFloat === "working-time" ? ", SS/SF start bounds in working time (MS Project: Fri 17:00 is Mon 08:00)" : "");

/**
 * Monte Carlo schedule risk analysis: samples every uncertain duration (triangular, PERT-beta, uniform, lognormal),
 * correlates groups through a Gaussian copula, lets risk events occur with their probability, re-runs CPM per
 * iteration and reports P-values of finish and cost, the probability of meeting a date or a cost and both (joint
 * confidence), criticality index, cruciality and a Spearman sensitivity tornado per activity, and the finish
 * histogram. Every cost is rounded once to the minor unit by `options.rounding` (default `"half-even"`, as
 * `roundMoney`). Deterministic for a seed: the same model, options and seed give the same result on every platform,
 * whatever the order of its activities, links, distributions, groups (and their members), correlations and risk events.
 * Started and complete work keeps its remaining duration; uncertainty applies to unstarted work. Every run is scheduled
 * by `scheduleNetwork`'s plan options given in `options` (`milestoneDating`, `startLinkFloat`, `startNoLaterThan`,
 * `outOfSequence`, `criticalDays`, `finishBy`), so without uncertainty the result agrees with {@link scheduleNetwork}.
 *
 * @throws {ValidationError} with paths: bad network (as {@link scheduleNetwork}), min > most likely > max, unknown
 *   activities or groups, coefficients outside [−1, 1], a correlation matrix that is not positive semi-definite
 *   (refused, never repaired), probabilities outside [0, 1], bad iteration counts or seeds, a bad plan option (at its
 *   path, as {@link scheduleNetwork}), a risk event without impacts or an impact that changes nothing (no days, factor
 *   or cost; days under half a minute, which round to none), an unknown field in any object of the model or an unknown
 *   option (`unrecognized_keys`; an option's at its key), a `targetFinish` before the plan's start, a negative `targetCost`.
 * @example
 * ```ts
 * const r = analyseScheduleRisk(
 *   {
 *     network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }], links: [{ from: "A", to: "B" }] },
 *     durations: [{ activityId: "A", distribution: { kind: "triangular", min: 4, mostLikely: 5, max: 10 } }],
 *     riskEvents: [{ id: "R-1", probability: "0.2", impacts: [{ activityId: "B", days: 5, cost: "10000" }] }],
 *     costs: [{ activityId: "A", perDay: "800" }],
 *   },
 *   { iterations: 2000, seed: 42, targetFinish: "2027-01-15" },
 * );
 * r.percentiles.map((p) => `P${p.percent} ${p.finish}`);
 * r.probabilityOfFinish; // { value: Decimal(…) }
 * ```
 */
export function analyseScheduleRisk(model: ScheduleRiskModel, options: RiskOptions = {}): ScheduleRiskResult {
  checkArguments("analyseScheduleRisk", { model: [model, "object"], options: [options, "object"] });
  checkArguments("analyseScheduleRisk", { "model.network": [model.network, "object"] });
  const rs = readRiskModel(model, options);
  const { net } = rs;
  const n = net.spec.ids.length;
  const N = rs.iterations;
  const mpd = net.mpd;
  const st = cpmState(n);
  const base = net.spec.duration.map((d) => Math.round(d));
  // Started work: its duration (for cost and the mean) is what it took — actual start to actual finish, or to the
  // status date plus the remaining duration — not the original estimate; the kernels schedule it from its actuals.
  for (let i = 0; i < n; i++) {
    if (net.state[i] === COMPLETE) base[i] = (net.actualFinishW[i] as number) - (net.actualStartW[i] as number);
    else if (net.state[i] === IN_PROGRESS) base[i] = Math.max(0, (net.statusW[i] as number) - (net.actualStartW[i] as number)) + (net.spec.remaining[i] as number);
  }
  // Deterministic run, and every iteration, scheduled by scheduleNetwork's plan options; critical: total float ≤ the
  // critical threshold (criticalDays, in minutes).
  const { outOfSequence, finishBy, milestoneDating, startLinkFloat } = rs.schedule;
  const override = outOfSequence === "progress-override";
  const critMin = rs.schedule.criticalDays.times(mpd).toNumber();
  runCpm(net, base, st, override, finishBy, milestoneDating, startLinkFloat);
  const deterministicFinish = lastFinish(net, st, milestoneDating);
  const deterministicCost = costOf(rs, base, 0);
  const startInstant = (net.spec.start - net.origin) * mpd;

  // Activities whose duration varies: a distribution or a risk-event impact.
  const variable = new Int32Array(n).fill(-1);
  let nv = 0;
  for (const u of rs.uncertain) if (variable[u.activity] === -1) variable[u.activity] = nv++;
  for (const e of rs.events) for (const im of e.impacts) if ((im.minutes > 0 || im.factor !== 1) && variable[im.activity] === -1) variable[im.activity] = nv++;
  // Activities some event scales: duration = round(sampled × Π factors) + Σ days, whatever the order of the events.
  const factorActs = [...new Set(rs.events.flatMap((e) => e.impacts.filter((im) => im.factor !== 1).map((im) => im.activity)))];
  const fac = new Float64Array(n).fill(1);
  const pre = new Float64Array(n);
  const samples = new Int32Array(nv * N);
  const finishes = new Float64Array(N);
  const costs = new Float64Array(N);
  const critical = new Int32Array(n);
  const occurred = new Int32Array(rs.events.length);
  const sumD = new Float64Array(n);

  const rng = new Xoshiro128(rs.seed);
  const K = rs.correlated;
  const eps = new Float64Array(K);
  const u = new Float64Array(rs.units);
  const dur = Float64Array.from(base);
  // Per-iteration work touches the variable activities only; constant ones add their base once at the end.
  const varActivity = new Int32Array(nv);
  for (let i = 0; i < n; i++) if ((variable[i] as number) >= 0) varActivity[variable[i] as number] = i;
  const varBase = Float64Array.from(varActivity, (i) => base[i] as number);
  const varPerDay = Float64Array.from(varActivity, (i) => rs.perDayMinor[i] as number);
  // Sampled activities are overwritten every iteration: only those that events alone vary go back to their base.
  const sampled = new Set(rs.uncertain.map((x) => x.activity));
  const resetActivity = varActivity.filter((i) => !sampled.has(i));
  const sumV = new Float64Array(nv);
  const draws = sampler(rs.uncertain);
  // Cost of the base durations; an iteration adds perDay × (sampled − base) per variable activity — integers, exact.
  const baseCost = deterministicCost;
  // The dates kernel also runs where only a start into a milestone sent scheduleNetwork to the general kernel (for a
  // float a minute short of a day): criticality at a whole-day threshold is the same (10,000 × 1,000 took 2.7× longer).
  const fast = (net.oneCalendar || (net.oneCalendarDates && critMin % net.mpd === 0)) && net.noProgress ? datesKernel(net, critMin, finishBy) : undefined;
  // Percent lags from a variable predecessor: the lag is that share of the iteration's duration (MS Project's % lag),
  // rounded half up to a whole minute as readNetwork rounds it; the base lags are restored after the iterations.
  const { linkFrom, linkPercent, linkLag } = net.spec;
  const pctLinks = [...linkPercent.keys()].filter((k) => linkPercent[k] === linkPercent[k] && (variable[linkFrom[k] as number] as number) >= 0);
  const baseLag = Float64Array.from(pctLinks, (k) => linkLag[k] as number);
  const step = Math.max(1, Math.ceil(N / 100));
  // Event draws in id order (ids are unique), so reordering the risk register does not change the result.
  const eventId = (e: number) => (rs.events[e] as RiskSpec["events"][number]).id;
  const eventOrder = rs.events.map((_, e) => e).sort((a, b) => (eventId(a) < eventId(b) ? -1 : eventId(a) > eventId(b) ? 1 : 0));
  // Units come in readRiskModel's canonical order (correlated units by name, then groups by id, then ungrouped
  // activities by id), so the draws below do not depend on the order of groups, members, correlations or activities.
  for (let it = 0; it < N; it++) {
    for (let k = 0; k < K; k++) eps[k] = inverseNormal(rng.uniform());
    for (let k = 0; k < K; k++) {
      let z = 0;
      for (let p = 0; p <= k; p++) z += (rs.factor[k * K + p] as number) * (eps[p] as number);
      u[k] = normalCdf(z);
    }
    for (let k = K; k < rs.units; k++) u[k] = rng.uniform();
    for (let x = 0; x < resetActivity.length; x++) dur[resetActivity[x] as number] = base[resetActivity[x] as number] as number;
    sample(draws, u, dur);
    let eventMinor = 0;
    for (const a of factorActs) {
      fac[a] = 1;
      pre[a] = dur[a] as number;
    }
    for (const e of eventOrder) {
      const ev = rs.events[e] as RiskSpec["events"][number];
      if (rng.uniform() < ev.p) {
        occurred[e] = (occurred[e] as number) + 1;
        for (const im of ev.impacts) {
          dur[im.activity] = (dur[im.activity] as number) + im.minutes;
          fac[im.activity] = (fac[im.activity] as number) * im.factor;
          eventMinor += im.cents;
        }
      }
    }
    for (const a of factorActs) dur[a] = Math.round((pre[a] as number) * (fac[a] as number)) + (dur[a] as number) - (pre[a] as number);
    for (const k of pctLinks) {
      const x = ((linkPercent[k] as number) * (dur[linkFrom[k] as number] as number)) / 100;
      const lag = Math.sign(x) * Math.floor(Math.abs(x) + 0.5); // half away from zero, as ROUND_HALF_UP
      linkLag[k] = lag;
      if (fast) setDatesLag(fast, k, lag);
    }
    if (fast) {
      runDates(fast, dur, critical);
      finishes[it] = fast.lastFinish;
    } else {
      runCpm(net, dur, st, override, finishBy, milestoneDating, startLinkFloat);
      finishes[it] = lastFinish(net, st, milestoneDating);
      countCritical(net, st, critical, critMin);
    }
    let c = baseCost + eventMinor * mpd;
    for (let v = 0; v < nv; v++) {
      const d = dur[varActivity[v] as number] as number;
      samples[v * N + it] = d;
      sumV[v] = (sumV[v] as number) + d;
      c += (varPerDay[v] as number) * (d - (varBase[v] as number));
    }
    costs[it] = c;
    if (options.onProgress && ((it + 1) % step === 0 || it + 1 === N)) options.onProgress(it + 1, N);
  }
  pctLinks.forEach((k, x) => (linkLag[k] = baseLag[x] as number));
  for (let i = 0; i < n; i++) {
    const v = variable[i] as number;
    sumD[i] = v >= 0 ? (sumV[v] as number) : (base[i] as number) * N;
  }
  return summarise(rs, { finishes, costs, critical, occurred, samples, variable, sumD, deterministicFinish, deterministicCost, startInstant });
}

/**
 * The latest finish of an iteration in finish form on each activity's own calendar (a day boundary is the evening of
 * that calendar's last working day), so a 7-day activity working Saturday finishes on Saturday; a milestone pinned by
 * a start (SNET, MSO, project start, status date) on the evening of its pinned day and complete work on its recorded
 * finish day, as scheduleNetwork dates them. (The kernel's finish instant takes a milestone's start form and the
 * network calendar: a Saturday finish was dated Friday, or Sunday after such a milestone.)
 */
function lastFinish(net: CompiledNetwork, st: CpmState, dating: MilestoneDating): number {
  const n = net.spec.ids.length;
  if (n === 0) return st.finishInstant;
  let t = -Infinity;
  for (let i = 0; i < n; i++) {
    // A milestone reached in its calendar's non-working time counts on the day it is reached, as scheduleNetwork
    // dates it (its position in finish form was the evening before: a Saturday milestone finished on Friday).
    // A not-started milestone pinned by a start (project start, status date, SNET, MSO) counts on its pinned day, the
    // evening of its morning, as scheduleNetwork and levelling date it (it counted as the evening before: a plan
    // ending on an SNET Tuesday go-live finished on Monday).
    const cal = net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
    const milestone = st.efW[i] === st.esW[i] && net.state[i] === NOT_STARTED;
    const reached = milestone ? (pinnedByStart(net, st, i) ? pinnedEvening(cal.S(st.esW[i] as number), net.mpd) : reachedAfterHoursFinish(net, st, i, dating)) : undefined;
    // Complete work counts on its recorded finish day, a week-end included, as scheduleNetwork shows it (the position's
    // evening was the working Friday before a Saturday finish).
    // Started work finishes no earlier than the evening of its actual start day (started on a Saturday with nothing
    // left, it finishes on Saturday, not the Friday before), as scheduleNetwork dates it.
    const done = net.state[i] === COMPLETE ? ((net.spec.actualFinish[i] as number) - net.origin + 1) * net.mpd : undefined;
    const started = net.state[i] === IN_PROGRESS ? ((net.spec.actualStart[i] as number) - net.origin + 1) * net.mpd : -Infinity;
    const f = reached ?? done ?? Math.max(cal.F(st.efW[i] as number), started);
    if (f > t) t = f;
  }
  return t;
}

/** Cost of one iteration in minor-unit-minutes: (fixed + events) × mpd + Σ perDay × minutes — integers, exact. */
function costOf(rs: RiskSpec, dur: Float64Array, eventMinor: number): number {
  let c = eventMinor * rs.net.mpd;
  const { fixedMinor, perDayMinor } = rs;
  const mpd = rs.net.mpd;
  for (let i = 0; i < dur.length; i++) c += (fixedMinor[i] as number) * mpd + (perDayMinor[i] as number) * (dur[i] as number);
  return c;
}

function countCritical(net: CompiledNetwork, st: CpmState, critical: Int32Array, critMin: number): void {
  const { esW, efW, lsW, lfW } = st;
  for (let i = 0; i < critical.length; i++) {
    if (net.state[i] === COMPLETE) continue;
    const tf = Math.min((lsW[i] as number) - (esW[i] as number), (lfW[i] as number) - (efW[i] as number));
    if (tf <= critMin) critical[i] = (critical[i] as number) + 1;
  }
}

interface Runs {
  readonly finishes: Float64Array;
  readonly costs: Float64Array;
  readonly critical: Int32Array;
  readonly occurred: Int32Array;
  readonly samples: Int32Array;
  readonly variable: Int32Array;
  readonly sumD: Float64Array;
  readonly deterministicFinish: number;
  readonly deterministicCost: number;
  readonly startInstant: number;
}

function summarise(rs: RiskSpec, runs: Runs): ScheduleRiskResult {
  const { net } = rs;
  const N = rs.iterations;
  const mpd = net.mpd;
  // Finishes are in finish form (see lastFinish): a day boundary is the evening of the day before.
  const finishDay = (t: number) => {
    const d = Math.floor(t / mpd);
    return Math.max(net.spec.start, net.origin + (t === d * mpd ? d - 1 : d));
  };
  // Iteration costs are whole minor-unit-minutes; an interpolated percentile may fall between two. Each figure is
  // rounded once to the minor unit, by the convention asked for (half-even by default, as roundMoney), in one exact
  // division: minor-unit-minutes ÷ (minutes per day × 10^minor).
  const perMajor = new PmoDecimal(mpd).times(new PmoDecimal(10).pow(rs.minor));
  const rounded = (minorMinutes: Decimal, count = 1): Money => moneyOf(divideToScale(minorMinutes, perMajor.times(count), rs.minor, rs.rounding), rs.currency);
  const money = (minorMinutes: number): Money => {
    if (!(Math.abs(minorMinutes) <= Number.MAX_SAFE_INTEGER)) throw ValidationError.single(["costs"], "costs too large to accumulate exactly", "schedule risk model");
    return rounded(new PmoDecimal(minorMinutes));
  };
  const sortedF = Float64Array.from(runs.finishes).sort();
  const sortedC = Float64Array.from(runs.costs).sort();
  // The percentile convention (core/quantile): nearest rank ⌈p·N/100⌉ by default, with p·N taken as the decimal it
  // means (0.07 × 100 = 7.000000000000001 in doubles was one rank too high). readRiskModel refused every percentile the
  // convention has no value for, so `at` always has one.
  const at = (sorted: Float64Array, p: number) => quantileSorted(sorted, p / 100, rs.percentileMethod) as number;
  // A finish read between two iterations' finishes (linear, exclusive) is rounded up — the conservative reading: to a
  // whole minute, to its day, then over non-working days of the network calendar, but never past the day of the next
  // iteration's finish (which may be a Saturday worked by a 7-day activity). A simulated finish stays on its own day.
  const network = net.timelines[0] as CalendarTimeline;
  const finishAt = (p: number): IsoDate => {
    const t = Math.ceil(at(sortedF, p));
    let d = finishDay(t);
    const next = finishDay(sortedF[Math.min(N - 1, lowerBound(sortedF, t))] as number);
    while (d < next && !network.isWorking(d - net.origin)) d++;
    return fromEpochDay(d);
  };
  const percentiles: RiskPercentile[] = rs.percentiles.map((p) => ({ percent: p, finish: finishAt(p), cost: money(at(sortedC, p)) }));
  let sumF = 0;
  // Iteration costs are integer minor-unit-minutes in doubles. Past 2^53 an iteration's sum could
  // round by a few minor-unit-minutes (1/mpd of a minor unit each), far below the rounding of the mean to minor
  // units; the figures printed as Money (deterministic, percentiles) are refused past 2^53 − 1 by money() above.
  let sumC = 0n;
  for (let it = 0; it < N; it++) {
    sumF += runs.finishes[it] as number;
    sumC += BigInt(runs.costs[it] as number);
  }
  const share = (count: number): Decimal => new PmoDecimal(count).div(N).toDecimalPlaces(4);
  const targetT = rs.targetFinish === undefined ? undefined : (rs.targetFinish - net.origin + 1) * mpd;
  const targetC = rs.targetCost === undefined ? undefined : rs.targetCost.times(new PmoDecimal(10).pow(rs.minor)).times(mpd).toNumber();
  let okF = 0;
  let okC = 0;
  let okBoth = 0;
  for (let it = 0; it < N; it++) {
    const f = targetT !== undefined && (runs.finishes[it] as number) <= targetT; // the evening of the target day
    const c = targetC !== undefined && (runs.costs[it] as number) <= targetC;
    if (f) okF++;
    if (c) okC++;
    if (f && c) okBoth++;
  }
  const prob = (ok: boolean, count: number, reason: string): Metric<Decimal> => (ok ? metric(share(count)) : missing(reason));
  // Sensitivity: Spearman of each variable activity's duration with the project duration; cruciality with Pearson.
  const project = new Float64Array(N);
  for (let it = 0; it < N; it++) project[it] = (runs.finishes[it] as number) - runs.startInstant;
  const projectC = centred(project);
  const projectRanks = centred(ranks(project));
  const scratch: RankScratch = { counts: new Int32Array(0), avg: new Float64Array(0), out: new Float64Array(0) };
  const activities: ActivityRisk[] = net.spec.ids.map((id, i) => {
    const v = runs.variable[i] as number;
    const ci = share(runs.critical[i] as number);
    const mean = new PmoDecimal(runs.sumD[i] as number).div(N).div(mpd).toDecimalPlaces(2);
    if (v < 0) {
      const none = missing("constant-duration", net.state[i] === COMPLETE || net.state[i] === IN_PROGRESS ? `${id} has started: its duration is no longer uncertain` : `${id} has no distribution and no risk-event impact`);
      return { id, criticalityIndex: ci, durationCorrelation: none, cruciality: none, sensitivity: none, meanDuration: mean };
    }
    const col = runs.samples.subarray(v * N, (v + 1) * N);
    const r = pearsonWith(col, projectC);
    const s = pearsonWith(ranks(col, scratch), projectRanks);
    // Four places; a negative correlation on a never-critical activity (r × 0) or one rounding to 0 reads plain 0, not −0.
    const dec = (x: number | undefined): Metric<Decimal> => {
      if (x === undefined) return missing("constant-duration", `${id}'s sampled duration or the project duration did not vary`);
      const d = new PmoDecimal(x).toDecimalPlaces(4);
      return metric(d.isZero() ? new PmoDecimal(0) : d);
    };
    return { id, criticalityIndex: ci, durationCorrelation: dec(r), cruciality: dec(r === undefined ? undefined : r * (runs.critical[i] as number) / N), sensitivity: dec(s), meanDuration: mean };
  });
  const tornado = activities
    .flatMap((a) => (a.sensitivity.value === undefined ? [] : [{ id: a.id, sensitivity: a.sensitivity.value }]))
    .sort((a, b) => b.sensitivity.abs().comparedTo(a.sensitivity.abs()) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    iterations: N,
    seed: rs.seed,
    method: method(rs.percentileMethod, rs.schedule, rs.correlationMeasure),
    percentileMethod: rs.percentileMethod,
    rounding: rs.rounding,
    conventions: {
      milestoneDating: rs.schedule.milestoneDating, startLinkFloat: rs.schedule.startLinkFloat, startNoLaterThan: rs.schedule.startNoLaterThan,
      outOfSequence: rs.schedule.outOfSequence, criticalDays: rs.schedule.criticalDays, percentileMethod: rs.percentileMethod, correlationMeasure: rs.correlationMeasure, rounding: rs.rounding,
    },
    deterministicFinish: fromEpochDay(finishDay(runs.deterministicFinish)),
    deterministicCost: money(runs.deterministicCost),
    percentiles,
    meanFinish: fromEpochDay(finishDay(Math.round(sumF / N))),
    meanCost: rounded(new PmoDecimal(sumC.toString()), N),
    probabilityOfFinish: prob(targetT !== undefined, okF, "no-target"),
    probabilityOfCost: prob(targetC !== undefined, okC, "no-target"),
    jointConfidence: prob(targetT !== undefined && targetC !== undefined, okBoth, "no-target"),
    activities,
    tornado,
    histogram: histogram(sortedF.map(finishDay), rs.bins),
    riskEvents: rs.events.map((e, k) => ({ id: e.id, occurrence: share(runs.occurred[k] as number) })),
  };
}

function histogram(days: Float64Array, bins: number): FinishHistogramBin[] {
  const N = days.length;
  const lo = days[0] as number;
  const hi = days[N - 1] as number;
  const width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
  const out: FinishHistogramBin[] = [];
  let p = 0;
  for (let from = lo; from <= hi; from += width) {
    const to = Math.min(hi, from + width - 1);
    let count = 0;
    while (p < N && (days[p] as number) <= to) {
      count++;
      p++;
    }
    out.push({ from: fromEpochDay(from) as IsoDate, to: fromEpochDay(to), count, cumulative: new PmoDecimal(p).div(N).toDecimalPlaces(4) });
  }
  return out;
}
