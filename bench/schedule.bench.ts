import { analyseScheduleRisk, createWorkingCalendar, levelResources, scheduleNetwork, type ScheduleActivityInput, type ScheduleInput, type ScheduleLinkInput } from "../src/index.js";
import { cpmState, runCpm } from "../src/schedule/engine/cpm-kernel.js";
import { topologicalOrder } from "../src/schedule/engine/compile.js";
import { compileNetwork } from "../src/schedule/engine/network.js";
import { readNetwork } from "../src/schedule/engine/read-network.js";
import { report, time } from "./lib/measure.js";
import { intBetween, seededRandom } from "./lib/random.js";

/*
 * The plan itself (issue 13), on seeded networks:
 *   1. CPM on 10,000 activities / 40,000 links across three calendars (Mon–Fri with holidays, 7-day, 4-day week),
 *      every link type, lags and leads — beside a bare Kahn topological sort over the same Int32Array adjacency;
 *   2. Monte Carlo: 10,000 iterations × 1,000 activities (triangular / PERT / uniform / lognormal, a correlated group,
 *      risk events), with criticality, cruciality, Spearman tornado and cost percentiles;
 *   3. levelling 2,000 activities × 50 resources over about two years (serial SGS, delay-finish).
 */

const HOLIDAYS = ["2027-01-01", "2027-04-02", "2027-04-05", "2027-05-01", "2027-12-25", "2027-12-26", "2028-01-01"];

/** A seeded network: each activity links to up to `per` distinct predecessors among the previous `window`. */
export function makeNetwork(n: number, per: number, seed: number, calendars: boolean): ScheduleInput {
  const rnd = seededRandom(seed);
  const activities: ScheduleActivityInput[] = [];
  const links: ScheduleLinkInput[] = [];
  const types = ["FS", "FS", "FS", "FS", "FS", "FS", "FS", "SS", "FF", "SF"] as const;
  for (let i = 0; i < n; i++) {
    const cal = calendars ? (["", "", "", "seven", "four"] as const)[intBetween(rnd, 0, 4)] : "";
    activities.push({ id: `PKG-${i}`, duration: intBetween(rnd, 0, 10), ...(cal ? { calendarId: cal } : {}) });
    const seen = new Set<number>();
    for (let k = 0; k < per && i > 0; k++) {
      const j = Math.max(0, i - intBetween(rnd, 1, 60));
      if (seen.has(j)) continue;
      seen.add(j);
      const lag = intBetween(rnd, -1, 2);
      links.push({ from: `PKG-${j}`, to: `PKG-${i}`, type: types[intBetween(rnd, 0, types.length - 1)], ...(lag !== 0 ? { lag: { days: lag } } : {}) });
    }
  }
  return {
    projectStart: "2027-01-04",
    calendar: createWorkingCalendar({ name: "office", holidays: HOLIDAYS }),
    calendars: {
      seven: createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] }),
      four: createWorkingCalendar({ name: "4-day", workingWeekdays: [1, 2, 3, 4], holidays: HOLIDAYS }),
    },
    activities,
    links,
  };
}

export async function runScheduleBenchmarks(): Promise<void> {
  // 1. CPM.
  const input = makeNetwork(10_000, 5, 13, true);
  const net = compileNetwork(readNetwork(input));
  const { predStart, succStart, succLinks } = net.graph;
  const linkTo = net.spec.linkTo;
  const n = net.spec.ids.length;
  const st = cpmState(n);
  const bare = await time(`bare topological sort (Kahn) over Int32Arrays: ${n.toLocaleString("en")} nodes, ${linkTo.length.toLocaleString("en")} links`, () =>
    topologicalOrder(n, predStart, succStart, succLinks, linkTo).count,
  );
  const kernel = await time("CPM kernel: forward + backward passes on 3 calendars (compiled network)", () => runCpm(net, net.spec.duration, st, false, undefined));
  const compile = await time("validate + compile (ids, decimals, dates, adjacency, cycle check, calendar index)", () => compileNetwork(readNetwork(input)), 4);
  const full = await time("scheduleNetwork: validate, compile, CPM, floats, drivers, critical paths, violations, dates at the edge", () => scheduleNetwork(input), 4);
  report("CPM: 10,000 activities / 40,000 links with calendars (goal ≤ 50 ms)", [bare, kernel, compile, full], `Links generated: ${linkTo.length.toLocaleString("en")}; network finish ${scheduleNetwork(input).finish}.`);

  // 2. Monte Carlo.
  const mcNet = makeNetwork(1_000, 4, 29, false);
  const kinds = ["triangular", "pert", "uniform", "lognormal"] as const;
  const durations = mcNet.activities.flatMap((a, i) => {
    const d = Number(a.duration);
    if (d === 0) return [];
    const kind = kinds[i % 4] as (typeof kinds)[number];
    const distribution =
      kind === "uniform" ? { kind, min: d * 0.8, max: d * 1.4 }
      : kind === "lognormal" ? { kind, mean: d * 1.1, standardDeviation: d * 0.3 }
      : { kind, min: d * 0.8, mostLikely: d, max: d * 1.8 };
    return [{ activityId: a.id, distribution }];
  });
  const grouped = durations.slice(0, 20).map((d) => d.activityId);
  const model = {
    network: mcNet,
    durations,
    groups: [{ id: "integration", activityIds: grouped.slice(0, 10) }],
    correlations: [{ between: "integration", and: grouped[10] as string, coefficient: "0.6" }, { between: grouped[11] as string, and: grouped[12] as string, coefficient: "0.4" }],
    riskEvents: Array.from({ length: 20 }, (_, k) => ({ id: `R-${k}`, probability: "0.1", impacts: [{ activityId: `PKG-${k * 37}`, days: 5, cost: "20000" }] })),
    costs: mcNet.activities.map((a) => ({ activityId: a.id, fixed: "1000", perDay: "850.50" })),
  };
  const mc = await time("analyseScheduleRisk: 10,000 iterations × 1,000 activities (criticality, cruciality, tornado, cost)", () => analyseScheduleRisk(model, { iterations: 10_000, seed: 1, targetFinish: "2028-06-30", targetCost: "9000000" }), 1);
  const one = await time("one CPM pass of the same network (forward + backward), for scale", () => scheduleNetwork(mcNet), 4);
  report("Monte Carlo schedule risk (goal ≤ 2 s)", [one, mc]);

  // 3. Levelling.
  const lvNet = makeNetwork(2_000, 3, 41, false);
  const rnd = seededRandom(43);
  const levelling = {
    network: lvNet,
    resources: Array.from({ length: 50 }, (_, r) => ({ id: `RES-${r}`, maxUnits: intBetween(rnd, 1, 3), skills: [`skill-${r % 8}`] })),
    assignments: lvNet.activities.flatMap((a) => {
      const k = intBetween(rnd, 1, 2);
      return Array.from(new Set(Array.from({ length: k }, () => intBetween(rnd, 0, 49)))).map((r) => ({ activityId: a.id, resourceId: `RES-${r}`, units: intBetween(rnd, 1, 2) }));
    }),
  };
  const sample = levelResources(levelling);
  const cpmOnly = await time("CPM of the same network, for scale", () => scheduleNetwork(lvNet), 4);
  const lv = await time("levelResources: 2,000 activities × 50 resources (serial SGS, delay-finish)", () => levelResources(levelling), 2);
  report(
    "Levelling (goal ≤ 1 s)",
    [cpmOnly, lv],
    `Unlevelled finish ${sample.schedule.finish}, levelled finish ${sample.finish} (${sample.schedule.start} start); ${sample.delays.length} delays explained.`,
  );
}
