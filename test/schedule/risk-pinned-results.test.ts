import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, scheduleNetwork, type RiskOptions, type ScheduleActivityInput, type ScheduleInput, type ScheduleLinkInput, type ScheduleRiskModel, type ScheduleRiskResult } from "../../src/index.js";

/*
 * mc21 (Monte Carlo speed, second round): the iteration loop was rewritten for speed (sampling by distribution kind
 * from typed parameter arrays, samples stored by activity, a dates kernel on flattened link records). Nothing it
 * computes may change: every line and fingerprint below was produced by the code BEFORE that change (commit
 * d9384737) on the same seeded models and options, and must come out bit for bit.
 *
 * Two hand-built plans cover every link type, day / percent / elapsed lags and leads, every dated constraint, a
 * deadline, a milestone, duration factors and days from risk events, correlated groups and pairs and costs; one runs
 * on the one-calendar dates kernel, the other (a 7-day calendar, started and complete work, an elapsed lag) on the
 * general CPM kernel. Two seeded networks of 240 activities pin the whole result (every field of every activity) by a
 * fingerprint of its JSON, beside readable P-values, criticality indices and the head of the tornado.
 */

const plan = (general: boolean): ScheduleInput => ({
  projectStart: "2027-01-04",
  ...(general ? { statusDate: "2027-01-13", calendars: { seven: createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] }) } } : {}),
  calendar: createWorkingCalendar({ name: "office", holidays: ["2027-02-01", "2027-03-29"] }),
  activities: [
    { id: "A", duration: 5, ...(general ? { progress: { actualStart: "2027-01-04", actualFinish: "2027-01-08" } } : {}) },
    { id: "B", duration: 8, ...(general ? { progress: { actualStart: "2027-01-11", remainingDuration: 6 } } : {}) },
    { id: "C", duration: 6, constraint: { kind: "snet", date: "2027-01-18" } },
    { id: "D", duration: 10, deadline: "2027-03-05", ...(general ? { calendarId: "seven" } : {}) },
    { id: "E", duration: 4, constraint: { kind: "fnet", date: "2027-02-10" } },
    { id: "F", duration: 7 },
    { id: "G", duration: 3, constraint: { kind: "mso", date: "2027-02-08" } },
    { id: "H", duration: 5, constraint: { kind: "fnlt", date: "2027-03-12" } },
    { id: "I", duration: 2, constraint: { kind: "mfo", date: "2027-02-12" } },
    { id: "J", duration: 6 },
    { id: "K", duration: 0, constraint: { kind: "snlt", date: "2027-03-01" } },
    { id: "L", duration: 9 },
    { id: "N", duration: 12 },
    { id: "M", duration: 0 },
  ],
  links: [
    { from: "A", to: "B" },
    { from: "A", to: "C", type: "SS", lag: { days: 2 } },
    { from: "B", to: "D", type: "FF", lag: { days: 3 } },
    { from: "C", to: "D", lag: { days: -1 } },
    { from: "C", to: "E", type: "SF", lag: { days: 4 } },
    { from: "B", to: "F", type: "SS", lag: { percent: 50 } },
    { from: "D", to: "G" },
    { from: "E", to: "H", type: "FF", lag: { percent: 25 } },
    { from: "F", to: "H", ...(general ? { lag: { elapsedDays: 3 } } : { lag: { days: 1 } }) },
    { from: "G", to: "I", type: "SS" },
    { from: "H", to: "J" },
    { from: "I", to: "J", type: "SF", lag: { days: -2 } },
    { from: "J", to: "K" },
    { from: "F", to: "L", type: "FF" },
    { from: "K", to: "M" },
    { from: "K", to: "N", type: "SS", lag: { days: 1 } },
    { from: "N", to: "M", type: "FF" },
    { from: "L", to: "M", lag: { days: 1 } },
  ],
});
const risks = {
  durations: [
    { activityId: "B", distribution: { kind: "pert", min: 6, mostLikely: 8, max: 14 } },
    { activityId: "C", distribution: { kind: "triangular", min: 5, mostLikely: 6, max: 11 } },
    { activityId: "D", distribution: { kind: "lognormal", mean: 11, standardDeviation: 3 } },
    { activityId: "E", distribution: { kind: "uniform", min: 3, max: 7 } },
    { activityId: "F", distribution: { kind: "pert", min: 5, mostLikely: 7, max: 15, lambda: 3 } },
    { activityId: "H", distribution: { kind: "triangular", min: 4, mostLikely: 5, max: 9 } },
    { activityId: "J", distribution: { kind: "uniform", min: 5, max: 9 } },
    { activityId: "L", distribution: { kind: "lognormal", mean: 10, standardDeviation: 2.5 } },
    { activityId: "N", distribution: { kind: "triangular", min: 10, mostLikely: 12, max: 20 } },
  ],
  groups: [{ id: "build", activityIds: ["C", "D"] }],
  correlations: [{ between: "build", and: "F", coefficient: "0.5" }, { between: "H", and: "J", coefficient: "-0.35" }],
  riskEvents: [
    { id: "R-2", probability: "0.3", impacts: [{ activityId: "F", factor: "1.25" }, { activityId: "L", days: 2, cost: "1500" }] },
    { id: "R-1", probability: "0.15", impacts: [{ activityId: "D", days: 4, factor: "1.1", cost: "8000" }, { activityId: "G", days: 1 }] },
    { id: "R-3", probability: "0.05", impacts: [{ activityId: "M", cost: "25000" }] },
  ],
  costs: [
    { activityId: "B", fixed: "2500", perDay: "640" }, { activityId: "D", perDay: "1210.75" }, { activityId: "F", fixed: "900", perDay: "455.5" },
    { activityId: "L", perDay: "980" }, { activityId: "M", fixed: "10000" },
  ],
};
const options: RiskOptions = { iterations: 600, seed: 21, targetFinish: "2027-03-19", targetCost: "60000", percentiles: [5, 10, 50, 80, 90, 95] };

function digest(r: ScheduleRiskResult): string[] {
  return [
    `deterministic ${r.deterministicFinish} ${r.deterministicCost.amount}`,
    r.percentiles.map((p) => `P${p.percent} ${p.finish} ${p.cost.amount}`).join("; "),
    `mean ${r.meanFinish} ${r.meanCost.amount}; P(finish) ${r.probabilityOfFinish.value} P(cost) ${r.probabilityOfCost.value} joint ${r.jointConfidence.value}`,
    ...r.activities.map((a) => `${a.id} ci ${a.criticalityIndex} r ${a.durationCorrelation.value ?? "-"} cr ${a.cruciality.value ?? "-"} s ${a.sensitivity.value ?? "-"} mean ${a.meanDuration}`),
    `tornado ${r.tornado.map((t) => `${t.id} ${t.sensitivity}`).join(", ")}`,
    `histogram ${r.histogram.map((b) => `${b.from}–${b.to}:${b.count}`).join(" ")}`,
    `events ${r.riskEvents.map((e) => `${e.id} ${e.occurrence}`).join(" ")}`,
  ];
}

/** A seeded network as the bench makes them: each activity links to up to 3 of the previous 25, every link type, lags and leads. */
function network(n: number, seed: number, calendars: boolean): ScheduleRiskModel {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0; // LCG: reproducible without the library's generator
    return s / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const types = ["FS", "FS", "FS", "FS", "SS", "FF", "SF"] as const;
  const kinds = ["triangular", "pert", "uniform", "lognormal"] as const;
  const activities: ScheduleActivityInput[] = [];
  const links: ScheduleLinkInput[] = [];
  for (let i = 0; i < n; i++) {
    activities.push({ id: `T-${String(i).padStart(3, "0")}`, duration: int(0, 9), ...(calendars && i % 7 === 3 ? { calendarId: "seven" } : {}), ...(i % 31 === 5 ? { constraint: { kind: "snet" as const, date: `2027-02-${String(int(1, 26)).padStart(2, "0")}` } } : {}) });
    const seen = new Set<number>();
    for (let k = 0; k < 3 && i > 0; k++) {
      const j = Math.max(0, i - int(1, 25));
      if (seen.has(j)) continue;
      seen.add(j);
      const lag = int(-1, 2);
      links.push({ from: `T-${String(j).padStart(3, "0")}`, to: `T-${String(i).padStart(3, "0")}`, type: types[int(0, types.length - 1)], ...(k === 2 && i % 5 === 0 ? { lag: { percent: 20 * int(1, 4) } } : lag !== 0 ? { lag: { days: lag } } : {}) });
    }
  }
  const durations = activities.flatMap((a, i) => {
    const d = Number(a.duration);
    if (d === 0 || i % 9 === 4) return [];
    const kind = kinds[i % 4] as (typeof kinds)[number];
    const distribution = kind === "uniform" ? { kind, min: d * 0.8, max: d * 1.4 } : kind === "lognormal" ? { kind, mean: d * 1.1, standardDeviation: d * 0.3 } : { kind, min: d * 0.8, mostLikely: d, max: d * 1.8 };
    return [{ activityId: a.id, distribution }];
  });
  const ids = durations.map((d) => d.activityId);
  return {
    network: {
      projectStart: "2027-01-04",
      calendar: createWorkingCalendar({ name: "office", holidays: ["2027-04-02", "2027-04-05", "2027-05-01"] }),
      ...(calendars ? { calendars: { seven: createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] }) } } : {}),
      activities,
      links,
    },
    durations,
    groups: [{ id: "g1", activityIds: ids.slice(0, 6) }, { id: "g2", activityIds: ids.slice(6, 9) }],
    correlations: [{ between: "g1", and: "g2", coefficient: "0.45" }, { between: "g1", and: ids[9] as string, coefficient: "-0.2" }, { between: ids[10] as string, and: ids[11] as string, coefficient: "0.7" }],
    riskEvents: Array.from({ length: 9 }, (_, k) => ({ id: `E-${k}`, probability: String((k + 1) / 20), impacts: [{ activityId: `T-${String(k * 26 + 7).padStart(3, "0")}`, ...(k % 3 === 0 ? { factor: "1.3" } : { days: k % 4 + 1 }), cost: String(1000 * (k + 1)) }] })),
    costs: activities.map((a, i) => ({ activityId: a.id, fixed: String(100 * (i % 7)), perDay: (i % 5 === 0 ? "812.25" : "640") })),
  };
}

/** FNV-1a (32-bit) of a string: a fingerprint of a whole result that any changed figure, id or order moves. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The readable head of a large result, and the fingerprint of all of it (Decimals serialise as their strings). */
function summary(r: ScheduleRiskResult): string[] {
  const ci = (id: string) => r.activities.find((a) => a.id === id)?.criticalityIndex.toFixed();
  return [
    r.percentiles.map((p) => `P${p.percent} ${p.finish} ${p.cost.amount}`).join("; "),
    `ci T-000 ${ci("T-000")} T-100 ${ci("T-100")} T-200 ${ci("T-200")} T-239 ${ci("T-239")}; critical somewhere ${r.activities.filter((a) => !a.criticalityIndex.isZero()).length}`,
    `tornado ${r.tornado.slice(0, 5).map((t) => `${t.id} ${t.sensitivity}`).join(", ")}`,
    `length ${JSON.stringify(r).length} fingerprint ${fingerprint(JSON.stringify(r))}`,
  ];
}

const cases = {
  fast: () => digest(analyseScheduleRisk({ network: plan(false), ...risks } as ScheduleRiskModel, options)),
  general: () => digest(analyseScheduleRisk({ network: plan(true), ...risks } as ScheduleRiskModel, options)),
  netFast: () => summary(analyseScheduleRisk(network(240, 7, false), { iterations: 400, seed: 5, targetFinish: "2027-06-30", targetCost: "700000" })),
  netFastOptions: () =>
    summary(analyseScheduleRisk(network(240, 7, false), { iterations: 400, seed: 6, criticalDays: 1, finishBy: "2028-02-07", correlationMeasure: "spearman", percentileMethod: "exclusive", targetFinish: "2028-02-01" })),
  netGeneral: () => summary(analyseScheduleRisk(network(240, 7, true), { iterations: 400, seed: 5, percentileMethod: "linear", targetFinish: "2027-06-30", targetCost: "700000" })),
} satisfies Record<string, () => string[]>;
describe("schedule risk: the faster iteration loop gives the previous results bit for bit (seeded)", () => {
  it("one calendar (dates kernel): every link type, percent lags, constraints, deadline, factors — each figure of each activity", () => {
    expect(cases.fast()).toEqual([
      "deterministic 2027-03-10 42636",
      "P5 2027-03-10 40415.33; P10 2027-03-11 41753.6; P50 2027-03-16 48489.42; P80 2027-03-18 57115.4; P90 2027-03-19 63712.65; P95 2027-03-22 69651.54",
      "mean 2027-03-15 50678.94; P(finish) 0.91 P(cost) 0.855 joint 0.7767",
      "A ci 0.28 r - cr - s - mean 5",
      "B ci 0.1317 r 0.1015 cr 0.0134 s 0.0877 mean 8.66",
      "C ci 0.8283 r 0.0292 cr 0.0242 s 0.0285 mean 7.31",
      "D ci 0.8283 r -0.0098 cr -0.0081 s -0.0017 mean 11.69",
      "E ci 0.8683 r 0.1253 cr 0.1088 s 0.1176 mean 4.96",
      "F ci 0.1317 r 0.1438 cr 0.0189 s 0.0911 mean 8.91",
      "G ci 1 r -0.0729 cr -0.0729 s -0.0673 mean 3.15",
      "H ci 1 r -0.0519 cr -0.0519 s -0.0726 mean 6.08",
      "I ci 1 r - cr - s - mean 2",
      "J ci 1 r 0.4397 cr 0.4397 s 0.4424 mean 6.89",
      "K ci 1 r - cr - s - mean 0",
      "L ci 0 r 0.028 cr 0 s 0.0233 mean 10.74",
      "N ci 1 r 0.8281 cr 0.8281 s 0.8272 mean 13.88",
      "M ci 1 r - cr - s - mean 0",
      "tornado N 0.8272, J 0.4424, E 0.1176, F 0.0911, B 0.0877, H -0.0726, G -0.0673, C 0.0285, L 0.0233, D -0.0017",
      "histogram 2027-03-08–2027-03-09:23 2027-03-10–2027-03-11:98 2027-03-12–2027-03-13:75 2027-03-14–2027-03-15:100 2027-03-16–2027-03-17:172 2027-03-18–2027-03-19:78 2027-03-20–2027-03-21:0 2027-03-22–2027-03-23:43 2027-03-24–2027-03-25:10 2027-03-26–2027-03-27:0 2027-03-28–2027-03-29:0 2027-03-30–2027-03-30:1",
      "events R-2 0.3033 R-1 0.1517 R-3 0.0533",
    ]);
  });
  it("a 7-day calendar, complete and started work, an elapsed lag (general kernel): each figure of each activity", () => {
    expect(cases.general()).toEqual([
      "deterministic 2027-03-10 43276",
      "P5 2027-03-10 39427.22; P10 2027-03-11 41536.75; P50 2027-03-16 48226.98; P80 2027-03-18 56690.33; P90 2027-03-22 64177.77; P95 2027-03-23 69170.32",
      "mean 2027-03-16 50479.88; P(finish) 0.8967 P(cost) 0.8533 joint 0.7733",
      "A ci 0 r - cr - s - mean 5",
      "B ci 0 r - cr - s - mean 9",
      "C ci 0.38 r 0.1089 cr 0.0414 s 0.0997 mean 7.3",
      "D ci 0.38 r 0.1113 cr 0.0423 s 0.0879 mean 11.68",
      "E ci 0.8317 r 0.1003 cr 0.0834 s 0.0994 mean 4.91",
      "F ci 0.0867 r 0.2353 cr 0.0204 s 0.186 mean 8.72",
      "G ci 1 r 0.0212 cr 0.0212 s 0.0178 mean 3.15",
      "H ci 1 r -0.113 cr -0.113 s -0.1049 mean 5.92",
      "I ci 1 r - cr - s - mean 2",
      "J ci 1 r 0.4064 cr 0.4064 s 0.3945 mean 6.97",
      "K ci 1 r - cr - s - mean 0",
      "L ci 0 r -0.0099 cr 0 s 0.0056 mean 10.58",
      "N ci 1 r 0.8277 cr 0.8277 s 0.8375 mean 14",
      "M ci 1 r - cr - s - mean 0",
      "tornado N 0.8375, J 0.3945, F 0.186, H -0.1049, C 0.0997, E 0.0994, D 0.0879, G 0.0178, L 0.0056",
      "histogram 2027-03-08–2027-03-08:1 2027-03-09–2027-03-09:2 2027-03-10–2027-03-10:40 2027-03-11–2027-03-11:70 2027-03-12–2027-03-12:76 2027-03-13–2027-03-13:0 2027-03-14–2027-03-14:0 2027-03-15–2027-03-15:84 2027-03-16–2027-03-16:93 2027-03-17–2027-03-17:70 2027-03-18–2027-03-18:69 2027-03-19–2027-03-19:33 2027-03-20–2027-03-20:0 2027-03-21–2027-03-21:0 2027-03-22–2027-03-22:27 2027-03-23–2027-03-23:25 2027-03-24–2027-03-24:7 2027-03-25–2027-03-25:1 2027-03-26–2027-03-26:2",
      "events R-2 0.2867 R-1 0.15 R-3 0.0483",
    ]);
  });
  it("240 seeded activities on one calendar: P-values, criticality, tornado head and the whole result", () => {
    expect(cases.netFast()).toEqual([
      "P10 2028-01-21 849123.13; P50 2028-02-07 871374.87; P80 2028-02-16 884590.51; P90 2028-02-22 891853.87",
      "ci T-000 0.9 T-100 0 T-200 0 T-239 0; critical somewhere 73",
      "tornado T-172 0.3639, T-118 0.3502, T-047 0.3252, T-017 0.2603, T-007 0.2296",
      "length 60663 fingerprint 9dbf53ad",
    ]);
  });
  it("the same with criticalDays, finishBy, Spearman coefficients and exclusive percentiles", () => {
    expect(cases.netFastOptions()).toEqual([
      "P10 2028-01-19 849834.72; P50 2028-02-07 870219.38; P80 2028-02-15 883643.96; P90 2028-02-21 891113.29",
      "ci T-000 0.495 T-100 0.005 T-200 0 T-239 0.0725; critical somewhere 159",
      "tornado T-047 0.3721, T-172 0.3279, T-017 0.3139, T-118 0.3009, T-116 0.2541",
      "length 61714 fingerprint a5c81a82",
    ]);
  });
  it("240 seeded activities on two calendars (general kernel), linear percentiles: the whole result", () => {
    expect(cases.netGeneral()).toEqual([
      "P10 2028-01-14 849733.44; P50 2028-01-28 871387.89; P80 2028-02-08 884591.24; P90 2028-02-14 891857.05",
      "ci T-000 0.1675 T-100 0 T-200 0 T-239 0; critical somewhere 65",
      "tornado T-118 0.3716, T-172 0.3645, T-047 0.3389, T-026 0.2349, T-237 0.2033",
      "length 60818 fingerprint 42e3b938",
    ]);
  });
});
