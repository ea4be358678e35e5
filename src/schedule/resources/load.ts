import { PmoDecimal, checkArguments, checkOptionKeys, addMonths, fromEpochDay, startOfMonth, toEpochDay, ValidationError, type IsoDate } from "../../core/index.js";
import { cpmState, runCpm } from "../engine/cpm-kernel.js";
import { NOT_STARTED, compileNetwork } from "../engine/network.js";
import { alapShift } from "../engine/alap-shift.js";
import { computeFloats } from "../engine/floats.js";
import { readNetwork } from "../engine/read-network.js";
import { resolveScheduleOptions } from "../options.js";
import type { DemandPeriod, LevellingInput, ResourceLoadOptions, ResourceLoadResult, ResourceLoadRow } from "../types.js";
import { idleOf } from "./idle.js";
import { MICRO, readResources } from "./resource-model.js";
import { overAllocations, usageOf, type Usage } from "./usage.js";

const LOAD_OPTION_KEYS = { period: 1, schedule: 1, dates: 1 } satisfies Record<keyof ResourceLoadOptions, 1>;

/**
 * Resource demand against capacity per period (day, ISO week from Monday, or calendar month), per resource and per
 * skill, on the CPM dates the schedule places each activity (`options.dates`: `"scheduled"` by default — an ALAP
 * activity late by its free float, as `scheduleNetwork`'s `scheduledStart` and the Gantt chart — or `"early"`), with
 * the over-allocated days listed as runs. Demand = Σ units × working time of the
 * assigned activities in the period (a half day at 1 unit is 0.5); capacity = max units × working days of the
 * resource's calendar in the period. Both in unit-days. A day is over-allocated when the units in use at the same
 * moment exceed the resource's maximum (two half days one after the other do not add up). Started work counts on
 * the days it worked up to the status date and on its remaining days, not on the days its remaining part waits for a
 * predecessor (retained logic).
 *
 * @throws {ValidationError} for a bad network, resources or period, or an unknown option key (at `<key>`, in
 *   `schedule` at `schedule.<key>`).
 * @example
 * ```ts
 * const load = resourceLoad(
 *   { network, resources: [{ id: "DBA", maxUnits: 1, skills: ["dba"] }], assignments: [{ activityId: "A", resourceId: "DBA", units: 1 }] },
 *   { period: "week" },
 * );
 * load.resources[0].demand.toFixed(); // "3" (A works three days that week)
 * ```
 */
export function resourceLoad(
  input: LevellingInput,
  options: ResourceLoadOptions = {},
): ResourceLoadResult {
  checkArguments("resourceLoad", { input: [input, "object"], options: [options, "object"] });
  checkArguments("resourceLoad", { "input.network": [input.network, "object"], "options.schedule": [options.schedule, "object?"] });
  checkOptionKeys("resourceLoad", options, LOAD_OPTION_KEYS);
  const period = options.period ?? "week";
  if (!["day", "week", "month"].includes(period)) throw ValidationError.single(["period"], "expected day, week or month", "resource load");
  const dates = options.dates ?? "scheduled";
  if (dates !== "scheduled" && dates !== "early") throw ValidationError.single(["dates"], "expected scheduled or early", "resource load");
  const opts = resolveScheduleOptions(options.schedule, ["schedule"]);
  const override = opts.outOfSequence === "progress-override";
  const net = compileNetwork(readNetwork(input.network), opts.startNoLaterThan);
  const st = cpmState(net.spec.ids.length);
  runCpm(net, net.spec.duration, st, override, opts.finishBy, opts.milestoneDating, opts.startLinkFloat);
  const rm = readResources(net.spec, input.network, input.resources, input.assignments, net.origin);
  // The scheduled dates: a not-started ALAP activity moved late (its free float to its successors' scheduled dates), as
  // scheduleNetwork places it.
  const es = Float64Array.from(st.esW);
  const ef = Float64Array.from(st.efW);
  const alap = net.spec.constraints.some((c, i) => c?.kind === "alap" && net.state[i] === NOT_STARTED);
  if (dates === "scheduled" && alap) {
    const free = alapShift(net, st, computeFloats(net, st, opts.totalFloat, override, opts.milestoneDating, opts.startLinkFloat), override, opts.milestoneDating).shift;
    net.spec.constraints.forEach((c, i) => {
      if (c?.kind !== "alap" || net.state[i] !== NOT_STARTED) return;
      es[i] = (es[i] as number) + (free[i] as number);
      ef[i] = (ef[i] as number) + (free[i] as number);
    });
  }
  const lastDay = Math.ceil(st.finishInstant / net.mpd);
  // Started work waiting for a predecessor (retained logic) holds nothing on the days it waits.
  const usage = usageOf(net, rm, es, ef, lastDay + 1, idleOf(net, st));
  let first = lastDay;
  for (let i = 0; i < es.length; i++) if ((ef[i] as number) > (es[i] as number)) first = Math.min(first, Math.floor((net.timelines[net.spec.calendarOf[i] as number]?.S(es[i] as number) ?? 0) / net.mpd));
  first = Math.min(first, net.spec.start - net.origin);
  const periods = bounds(net.origin + first, net.origin + lastDay - 1, period).map(([a, b]) => [a - net.origin, b - net.origin] as const);
  const rowsFor = (id: string, rs: readonly number[]): ResourceLoadRow[] =>
    periods.map(([a, b]) => {
      let demand = 0;
      let parts = new PmoDecimal(0);
      let capacity = 0;
      for (const r of rs) {
        for (let d = a; d <= b; d++) {
          demand += (usage.micro[r] as Float64Array)[d] ?? 0;
          if ((usage.parts[r] as Usage["parts"][number]).has(d)) parts = parts.plus(usage.partDemand(r, d));
          capacity += (usage as Usage).capacity(r, d);
        }
      }
      const dem = parts.plus(demand).div(MICRO);
      const cap = new PmoDecimal(capacity).div(MICRO);
      return { resourceId: id, periodStart: day(net.origin + a), periodEnd: day(net.origin + b), demand: dem, capacity: cap, overload: dem.gt(cap) ? dem.minus(cap) : new PmoDecimal(0) };
    });
  const skills = new Map<string, number[]>();
  rm.skills.forEach((ss, r) => ss.forEach((s) => skills.set(s, [...(skills.get(s) ?? []), r])));
  return {
    period,
    dates,
    resources: rm.ids.flatMap((id, r) => rowsFor(id, [r])),
    skills: [...skills.entries()].flatMap(([s, rs]) => rowsFor(s, rs)),
    overAllocations: overAllocations(net, rm, usage, es, ef),
  };
}

const day = (epoch: number): IsoDate => fromEpochDay(epoch);

/** Period bounds [first, last] (epoch days, inclusive) covering [from, to]. */
function bounds(from: number, to: number, period: DemandPeriod): [number, number][] {
  const out: [number, number][] = [];
  if (period === "day") for (let d = from; d <= to; d++) out.push([d, d]);
  else if (period === "week") {
    let d = from - ((((from + 3) % 7) + 7) % 7); // back to Monday (epoch day 0 was a Thursday)
    for (; d <= to; d += 7) out.push([d, d + 6]);
  } else {
    let m = startOfMonth(day(from));
    while (toEpochDay(m) <= to) {
      const next = addMonths(m, 1);
      out.push([toEpochDay(m), toEpochDay(next) - 1]);
      m = next;
    }
  }
  return out;
}
