import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, type ScheduleInput, type ScheduleRiskModel } from "../../src/index.js";
import { runCpmFast } from "../../src/schedule/engine/cpm-fast.js";
import { cpmState } from "../../src/schedule/engine/cpm-state.js";
import { compileNetwork } from "../../src/schedule/engine/network.js";
import { readNetwork } from "../../src/schedule/engine/read-network.js";
import { datesKernel, datesOf, runDates } from "../../src/schedule/risk/dates-kernel.js";
import { betaCdfTable, pert } from "../../src/schedule/risk/distributions.js";
import { Xoshiro128 } from "../../src/schedule/risk/random.js";
import { centred, pearson, pearsonWith, ranks } from "../../src/schedule/risk/stats.js";

/*
 * issue 13 (Monte Carlo speed): the iteration loop was restructured (a dates-only CPM kernel with fused criticality,
 * per-iteration work on variable activities only, costs as base + deltas, samples stored by iteration and transposed,
 * reused rank buffers). The expected lines below were produced by the code BEFORE that change (commit f098c22) on
 * the same seeded models: every PRNG draw must come in the same order and every figure must stay identical. One model
 * takes the one-calendar fast path, the other (D on a 7-day calendar) the general kernel.
 *
 * Since then the correlation units (groups and correlated activities) are drawn in a canonical order — by name —
 * instead of the order the model lists them in. The f098c22 code drew them as design, D, C, E (groups first, then
 * activities as the correlations first name them). The models below name those four units U1–U4 in that order, so the
 * canonical order is the one f098c22 drew in, and its figures (renamed) must come out exactly: the change reorders the
 * draws and nothing else. (A, B, F, G keep their names; every other use of ids — uniforms per activity, events, tornado
 * ties — sorts by id and sees the same order.)
 */
const U: Readonly<Record<string, string>> = { design: "U1", D: "U2", C: "U3", E: "U4" };
const u = (id: string): string => U[id] ?? id;
const activities = [
  { id: "A", duration: 5 }, { id: "B", duration: 3 }, { id: "C", duration: 4, constraint: { kind: "snet", date: "2027-01-11" } },
  { id: "D", duration: 6, deadline: "2027-02-05" }, { id: "E", duration: 2 }, { id: "F", duration: 0 }, { id: "G", duration: 3 },
].map((a) => ({ ...a, id: u(a.id) }));
const links = [
  { from: "A", to: "B" }, { from: "A", to: "C", type: "SS", lag: { days: 2 } }, { from: "B", to: "D", type: "FF", lag: { days: 1 } },
  { from: "C", to: "D" }, { from: "C", to: "E", type: "SF", lag: { days: -1 } }, { from: "D", to: "F" }, { from: "E", to: "F" }, { from: "A", to: "G" },
].map((l) => ({ ...l, from: u(l.from), to: u(l.to) }));
const base = {
  durations: [
    { activityId: "A", distribution: { kind: "triangular", min: 4, mostLikely: 5, max: 9 } },
    { activityId: "B", distribution: { kind: "pert", min: 2, mostLikely: 3, max: 6 } },
    { activityId: u("C"), distribution: { kind: "uniform", min: 3, max: 6 } },
    { activityId: u("D"), distribution: { kind: "lognormal", mean: 6.5, standardDeviation: 2 } },
    { activityId: u("E"), distribution: { kind: "pert", min: 1, mostLikely: 2, max: 5, lambda: 3 } },
  ],
  groups: [{ id: u("design"), activityIds: ["A", "B"] }],
  correlations: [{ between: u("design"), and: u("D"), coefficient: "0.7" }, { between: u("C"), and: u("E"), coefficient: "-0.3" }],
  riskEvents: [{ id: "R-1", probability: "0.25", impacts: [{ activityId: "G", days: 4, cost: "5000" }, { activityId: u("C"), days: 1 }] }],
  costs: [{ activityId: "A", fixed: "1000", perDay: "800" }, { activityId: u("D"), perDay: "1250.25" }, { activityId: "G", fixed: "300" }],
};
const models: Record<string, ScheduleRiskModel> = {
  oneCalendar: { network: { projectStart: "2027-01-04", activities, links }, ...base } as never,
  calendars: {
    network: {
      projectStart: "2027-01-04", activities: activities.map((a) => (a.id === u("D") ? { ...a, calendarId: "seven" } : a)), links,
      calendars: { seven: createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] }) },
    },
    ...base,
  } as never,
};
function digest(m: ScheduleRiskModel): string[] {
  const r = analyseScheduleRisk(m, { iterations: 700, seed: 2026, targetFinish: "2027-02-08", targetCost: "20000" });
  return [
    r.percentiles.map((p) => `P${p.percent} ${p.finish} ${p.cost.amount}`).join("; "),
    `mean ${r.meanFinish} ${r.meanCost.amount}; P(finish) ${r.probabilityOfFinish.value} P(cost) ${r.probabilityOfCost.value} joint ${r.jointConfidence.value}`,
    ...r.activities.map((a) => `${a.id} ci ${a.criticalityIndex} r ${a.durationCorrelation.value ?? "-"} cr ${a.cruciality.value ?? "-"} s ${a.sensitivity.value ?? "-"} mean ${a.meanDuration}`),
    `tornado ${r.tornado.map((t) => t.id).join(" ")}`,
    `histogram ${r.histogram.map((b) => `${b.from}:${b.count}`).join(" ")}`,
    `events ${r.riskEvents.map((e) => `${e.id} ${e.occurrence}`).join(" ")}`,
  ];
}

describe("schedule risk: the optimised iteration loop reproduces the previous results exactly", () => {
  it("one calendar (dates-only kernel): percentiles, criticality, correlations, tornado, histogram", () => {
    expect(digest(models.oneCalendar as ScheduleRiskModel)).toEqual([
      "P10 2027-01-21 10733.03; P50 2027-01-25 14607.47; P80 2027-01-27 18580.22; P90 2027-01-29 20493.74",
      "mean 2027-01-25 15252.04; P(finish) 1 P(cost) 0.8843 joint 0.8843",
      "A ci 0 r 0.6143 cr 0 s 0.6229 mean 5.94",
      "B ci 0 r 0.6164 cr 0 s 0.6228 mean 3.3",
      "U3 ci 1 r 0.475 cr 0.475 s 0.4872 mean 4.77",
      "U2 ci 1 r 0.8772 cr 0.8772 s 0.8708 mean 6.41",
      "U4 ci 0 r -0.1166 cr 0 s -0.1137 mean 2.43",
      "F ci 1 r - cr - s - mean 0",
      "G ci 0 r 0.2509 cr 0 s 0.2409 mean 3.95",
      "tornado U2 A B U3 G U4",
      "histogram 2027-01-19:37 2027-01-21:176 2027-01-23:0 2027-01-25:271 2027-01-27:142 2027-01-29:40 2027-01-31:14 2027-02-02:16 2027-02-04:3 2027-02-06:0 2027-02-08:1",
      "events R-1 0.2371",
    ]);
  });
  it("two calendars (general kernel): the same figures as before", () => {
    // Changed once since f098c22, on purpose: an iteration's finish is now the latest finish in finish form on each
    // activity's own calendar. D works a 7-day calendar; when it ended on a Saturday or Sunday evening the finish was
    // dated on the network calendar's Friday before (7 + 189 + 3 iterations moved from Fri 15, Fri 22 and Fri 29 to
    // Sun 17, Sat 23 / Sun 24 and Sat 30), and the project durations behind the correlations moved with them. The
    // draws, percentiles, criticality and costs are unchanged.
    // Changed once more, on purpose (plan7): D (7-day) → F (Mon–Fri milestone). When D ends on a Saturday or Sunday,
    // F is reached then and dated so (milestoneDating "reached"), and so is the finish; D and C before it used to keep
    // the rest of the week-end as float (the backward pass started from F's Monday morning) and were not critical in
    // those iterations. They are now critical whenever F is: D 0.7 → 0.9843 (= F's index), C (U3) 0.6943 → 0.9786
    // (= 1 − A's 0.0214), crucialities with them. Draws, dates, costs and correlations are unchanged.
    expect(digest(models.calendars as ScheduleRiskModel)).toEqual([
      "P10 2027-01-19 10733.03; P50 2027-01-22 14607.47; P80 2027-01-25 18580.22; P90 2027-01-26 20493.74",
      "mean 2027-01-23 15252.04; P(finish) 1 P(cost) 0.8843 joint 0.8843",
      "A ci 0.0214 r 0.532 cr 0.0114 s 0.5062 mean 5.94",
      "B ci 0.0057 r 0.5327 cr 0.003 s 0.5061 mean 3.3",
      "U3 ci 0.9786 r 0.679 cr 0.6644 s 0.7138 mean 4.77",
      "U2 ci 0.9843 r 0.729 cr 0.7176 s 0.6713 mean 6.41",
      "U4 ci 0 r -0.167 cr 0 s -0.1568 mean 2.43",
      "F ci 0.9843 r - cr - s - mean 0",
      "G ci 0.0157 r 0.3116 cr 0.0049 s 0.308 mean 3.95",
      "tornado U3 U2 A B G U4",
      "histogram 2027-01-17:7 2027-01-18:29 2027-01-19:56 2027-01-20:83 2027-01-21:98 2027-01-22:82 2027-01-23:95 2027-01-24:94 2027-01-25:62 2027-01-26:34 2027-01-27:33 2027-01-28:11 2027-01-29:10 2027-01-30:3 2027-01-31:0 2027-02-01:2 2027-02-02:1",
      "events R-1 0.2371",
    ]);
  });
});

describe("dates-only kernel", () => {
  it("gives the fast CPM kernel's positions, finish and critical set (total float ≤ 0), with constraints and deadlines", () => {
    const KINDS = ["FS", "SS", "FF", "SF"] as const;
    const nets = fc
      .array(
        fc.record({
          duration: fc.integer({ min: 0, max: 8 }),
          preds: fc.array(fc.record({ back: fc.integer({ min: 1, max: 6 }), type: fc.constantFrom(...KINDS), lag: fc.integer({ min: -2, max: 3 }) }), { maxLength: 3 }),
          snet: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
          deadline: fc.option(fc.integer({ min: 5, max: 40 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 14 },
      )
      .map((rows): ScheduleInput => {
        const day = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
        const links = rows.flatMap((r, i) => {
          const seen = new Set<number>();
          return r.preds.flatMap((p) => {
            const from = i - p.back;
            if (from < 0 || seen.has(from)) return [];
            seen.add(from);
            return [{ from: `A${from}`, to: `A${i}`, type: p.type, ...(p.lag ? { lag: { days: p.lag } } : {}) }];
          });
        });
        return {
          projectStart: "2027-01-04",
          activities: rows.map((r, i) => ({
            id: `A${i}`, duration: r.duration,
            ...(r.snet === undefined ? {} : { constraint: { kind: "snet" as const, date: day(r.snet) } }),
            ...(r.deadline === undefined ? {} : { deadline: day(r.deadline) }),
          })),
          links,
        };
      });
    fc.assert(
      fc.property(nets, (input) => {
        const net = compileNetwork(readNetwork(input));
        const n = net.spec.ids.length;
        const st = cpmState(n);
        runCpmFast(net, net.spec.duration, st, undefined);
        // Both forms of the passes: on 32-bit integers (what the positions of such a network take) and on doubles.
        for (const doubles of [false, true]) {
          const kernel = datesKernel(net);
          const critical = new Int32Array(n);
          runDates(kernel, net.spec.duration, critical, doubles);
          const early = Array.from({ length: n }, (_, i) => datesOf(kernel, i));
          expect(early).toEqual(Array.from({ length: n }, (_, i) => [st.esW[i], st.efW[i], st.lsW[i], st.lfW[i]]));
          expect(kernel.finishInstant).toBe(st.finishInstant);
          expect(Array.from(critical)).toEqual(Array.from({ length: n }, (_, i) => (Math.min(st.lsW[i]! - st.esW[i]!, st.lfW[i]! - st.efW[i]!) <= 0 ? 1 : 0)));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("dates-only kernel beyond 32 bits", () => {
  it("a run whose positions could leave ±2^30 takes the double passes: the fast CPM kernel's positions still", () => {
    // A (2,300,000 days = 1,104,000,000 minutes) → B (as long) FS, C SS +2 d from A, late dates from the project's
    // first day (finishBy): A's late start lies 4,600,000 days before it, below −2^31 minutes, where the integer passes
    // would wrap. 6 × Σ durations exceeds 2^30, so they are not tried: the positions are those of runCpmFast, and all
    // three activities have negative float, so critical.
    const input: ScheduleInput = {
      projectStart: "2027-01-04",
      activities: [{ id: "A", duration: 2_300_000 }, { id: "B", duration: 2_300_000 }, { id: "C", duration: 1 }],
      links: [{ from: "A", to: "B" }, { from: "A", to: "C", type: "SS", lag: { days: 2 } }],
    };
    const net = compileNetwork(readNetwork(input));
    const st = cpmState(3);
    runCpmFast(net, net.spec.duration, st, net.spec.start);
    const kernel = datesKernel(net, 0, net.spec.start);
    const critical = new Int32Array(3);
    runDates(kernel, net.spec.duration, critical);
    expect([0, 1, 2].map((i) => datesOf(kernel, i))).toEqual([0, 1, 2].map((i) => [st.esW[i], st.efW[i], st.lsW[i], st.lfW[i]]));
    expect(st.lsW[0]).toBeLessThan(-(2 ** 31));
    expect([kernel.finishInstant, Array.from(critical)]).toEqual([st.finishInstant, [1, 1, 1]]);
  });
});

describe("PERT quantile search", () => {
  it("the guide-table walk finds the same CDF step as the binary search it replaced", () => {
    // The previous quantile, verbatim: binary search for cdf[lo] ≤ u < cdf[lo + 1], then linear interpolation.
    const previous = (a: number, m: number, b: number, lambda: number) => {
      const cdf = betaCdfTable(1 + (lambda * (m - a)) / (b - a), 1 + (lambda * (b - m)) / (b - a));
      return (u: number) => {
        let lo = 0;
        let hi = 2048;
        while (hi - lo > 1) {
          const mid = (lo + hi) >>> 1;
          if ((cdf[mid] as number) <= u) lo = mid;
          else hi = mid;
        }
        const c0 = cdf[lo] as number;
        const c1 = cdf[hi] as number;
        return a + (lo + (c1 > c0 ? (u - c0) / (c1 - c0) : 0)) * (1 / 2048) * (b - a);
      };
    };
    const rng = new Xoshiro128(9);
    for (const [a, m, b, l] of [[0, 5, 10, 4], [3840, 4800, 8640, 4], [0, 0.5, 10, 8], [1, 9.9, 10, 2], [0, 1, 2, 0.5]] as const) {
      const now = pert(a, m, b, l);
      const before = previous(a, m, b, l);
      const cdf = betaCdfTable(1 + (l * (m - a)) / (b - a), 1 + (l * (b - m)) / (b - a));
      // Random u, and u exactly on table values and on guide boundaries (where an off-by-one would show).
      const us = [...Array.from({ length: 20000 }, () => rng.uniform()), ...Array.from(cdf).filter((c) => c > 0 && c < 1), ...Array.from({ length: 1023 }, (_, g) => (g + 1) / 1024), 1e-12, 1 - 1e-12];
      for (const u of us) expect(now(u)).toBe(before(u));
    }
  });
});

describe("Pearson with a centred sample", () => {
  it("gives pearson's double exactly (the Monte Carlo centres the project durations once)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1_000_000, max: 1_020_000 })), { minLength: 2, maxLength: 60 }), (pairs) => {
        const x = Int32Array.from(pairs, (p) => p[0]);
        const y = Float64Array.from(pairs, (p) => p[1]);
        expect(pearsonWith(x, centred(y))).toBe(pearson(x, y));
        expect(pearsonWith(ranks(x), centred(ranks(y)))).toBe(pearson(ranks(x), ranks(y)));
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});
