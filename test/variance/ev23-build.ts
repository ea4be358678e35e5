import fc from "fast-check";
import { createWorkingCalendar, decodeEntity, type Baseline, type CostEntry, type WorkPackage } from "../../src/index.js";
import type { EarnedValueResult } from "../../src/variance/index.js";
import { SCHED_KEYS, cmp, qOf, type Exp, type OPackage, type OProject, type ORule, type Q, type oracle } from "./ev22-oracle.js";

/* The random projects of audit ev22 (moved here from ev22-oracle.test.ts so audit ev23 reuses them) and the comparison. */
export const DAY0 = Date.UTC(2027, 0, 4) / 86400000; // Monday 2027-01-04
export const iso = (d: number) => new Date(d * 86400000).toISOString().slice(0, 10);
const eur = (c: number, cur = "EUR") => ({ amount: `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`, currency: cur });
const T = "2027-01-01T09:00:00.000Z";

export const ruleArb: fc.Arbitrary<(i: number) => ORule> = fc.oneof(
  fc.constantFrom<ORule>({ type: "0/100" }, { type: "50/50" }, { type: "percent-complete" }, { type: "physical-percent-complete" }, { type: "level-of-effort" }).map((r) => () => r),
  fc.constantFrom("25", "12.5", "0", "100").map((x) => (): ORule => ({ type: "fixed-split", x })),
  fc.constantFrom("8", "3", "0.5").map((total) => (): ORule => ({ type: "units", total })),
  fc.constantFrom(["1", "2", "3"], ["0", "5"], ["0.25", "0.75"]).map((weights) => (): ORule => ({ type: "weighted-milestones", weights })),
  fc.tuple(fc.nat(), fc.constantFrom("0.1", "0.5", "1", "1.25", "0")).map(([b, factor]) => (i: number): ORule => (i === 0 ? { type: "percent-complete" } : { type: "apportioned", base: b % i, factor })),
);
const pct = fc.oneof(fc.integer({ min: 0, max: 110 }).map(String), fc.integer({ min: 0, max: 220 }).map((h) => (h / 2).toString()));
const recArb = fc.record({
  day: fc.integer({ min: -6, max: 70 }),
  pct: fc.option(pct, { nil: undefined }), phys: fc.option(pct, { nil: undefined }),
  units: fc.option(fc.integer({ min: 0, max: 18 }).map((u) => (u / 2).toString()), { nil: undefined }),
  ms: fc.option(fc.subarray(["m0", "m1", "m2"]), { nil: undefined }),
  started: fc.option(fc.boolean(), { nil: undefined }), finished: fc.option(fc.boolean(), { nil: undefined }),
});
const pkgArb = fc.record({
  first: fc.integer({ min: 0, max: 30 }), lead: fc.integer({ min: 0, max: 3 }), tail: fc.integer({ min: 0, max: 3 }),
  slices: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 4 }), len: fc.integer({ min: 1, max: 12 }), cents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 900_000 })) }), { minLength: 1, maxLength: 3 }),
  rule: ruleArb,
  records: fc.array(recArb, { maxLength: 4 }),
  etc: fc.option(fc.record({ cents: fc.integer({ min: 0, max: 500_000 }), day: fc.integer({ min: -5, max: 60 }) }), { nil: undefined }),
  inBaseline: fc.boolean().map((b) => b || true),
});
export const projectArb = fc.record({
  sat: fc.boolean(), holidays: fc.uniqueArray(fc.integer({ min: -6, max: 80 }), { maxLength: 8 }),
  packages: fc.array(pkgArb, { minLength: 1, maxLength: 4 }),
  extra: fc.boolean(),
  costs: fc.array(fc.record({ day: fc.integer({ min: -6, max: 75 }), cents: fc.integer({ min: -20_000, max: 600_000 }), pkg: fc.integer({ min: -1, max: 4 }), usd: fc.boolean() }), { maxLength: 6 }),
  ratesFrom: fc.boolean(),
  laterRates: fc.array(fc.tuple(fc.integer({ min: 1, max: 70 }), fc.constantFrom("1.0837", "0.9", "1.25", "1.333333")), { maxLength: 2 }),
  grid: fc.oneof(fc.constantFrom("weekly" as const, "monthly" as const), fc.array(fc.integer({ min: 6, max: 40 }), { minLength: 40, maxLength: 40 })),
  spread: fc.constantFrom("calendar-days" as const, "working-days" as const),
  loe: fc.constantFrom("once-started" as const, "from-planned-start" as const),
  timeUnit: fc.constantFrom("working-days" as const, "periods" as const),
  eacOrder: fc.constantFrom(["cpi", "bottom-up", "budget-rate"], ["earned-schedule", "cpi-spi", "budget-rate"], ["bottom-up", "cpi"]),
});
export type Gen = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

/** The random project in oracle form (days from DAY0 made epoch days) and as pmokit entities. */
export function build(g: Gen, id = "PRJ-O") {
  const packages: OPackage[] = g.packages.map((p, i) => {
    let d = DAY0 + p.first;
    const slices = p.slices.map((s) => { const a = d + s.gap; d = a + s.len; return { start: a, finish: a + s.len - 1, cents: s.cents }; });
    const start = slices[0]!.start - p.lead, finish = slices[slices.length - 1]!.finish + p.tail;
    const seen = new Set<number>();
    const rule = p.rule(i);
    // Milestones only name the rule's own (another rule's record names none).
    const own = (ms: string[] | undefined) => ms?.filter((m) => rule.type === "weighted-milestones" && Number(m.slice(1)) < rule.weights.length);
    const records = p.records.map((r) => ({ ...r, ms: own(r.ms), day: DAY0 + r.day, ...(r.finished && r.started === false ? { started: true } : {}) }))
      .filter((r) => (seen.has(r.day) ? false : (seen.add(r.day), true))).sort((a, b) => a.day - b.day)
      .filter((r) => r.pct !== undefined || r.phys !== undefined || r.units !== undefined || r.ms !== undefined || r.started !== undefined || r.finished !== undefined);
    return { start, finish, slices, rule, records, ...(p.etc ? { etc: { cents: p.etc.cents, day: DAY0 + p.etc.day } } : {}), inBaseline: true };
  });
  if (g.extra) packages.push({ start: DAY0 + 3, finish: DAY0 + 20, slices: [], rule: { type: "percent-complete" }, records: [{ day: DAY0 + 5, pct: "10" }], inBaseline: false });
  const rates: [number, string][] = [[g.ratesFrom ? DAY0 - 400 : DAY0 - 2, "1.1"], ...g.laterRates.map(([d, r]) => [DAY0 + d, r] as [number, string])];
  const uniqueRates = rates.filter((r, i) => rates.findIndex((x) => x[0] === r[0]) === i);
  const costs = g.costs.map((c) => ({ day: DAY0 + c.day, cents: c.cents, pkg: c.pkg < 0 || c.pkg >= packages.length ? undefined : c.pkg, usd: c.usd }))
    .filter((c) => !c.usd || c.day >= uniqueRates.reduce((m, r) => Math.min(m, r[0]), Infinity));
  // A fiscal grid: 40 contiguous periods of 6–40 days from 2026-11-05 (they cover every date the analysis touches).
  let e = DAY0 - 61;
  const fiscalEnds = typeof g.grid === "object" ? g.grid.map((len) => (e += len)) : undefined;
  const P: OProject = {
    weekdays: g.sat ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5], holidays: g.holidays.map((h) => DAY0 + h), packages, costs,
    rates: uniqueRates, captureDay: Date.UTC(2027, 0, 1) / 86400000, grid: fiscalEnds ?? (g.grid as "weekly" | "monthly"), spread: g.spread, loe: g.loe, timeUnit: g.timeUnit, eacOrder: g.eacOrder,
  };
  const wpRule = (r: ORule) => {
    switch (r.type) {
      case "fixed-split": return { type: r.type, startPercent: r.x };
      case "units": return { type: r.type, totalUnits: r.total, unitName: "u" };
      case "weighted-milestones": return { type: r.type, milestones: r.weights.map((w, k) => ({ id: `m${k}`, name: `M${k}`, weight: w })) };
      case "apportioned": return { type: r.type, basePackageId: `w${r.base}`, factor: r.factor };
      default: return { type: r.type };
    }
  };
  const wps = packages.map((p, i) => decodeEntity("work-package", {
    id: `w${i}`, version: 1, createdAt: T, updatedAt: T, projectId: id, code: `1.${i + 1}`, name: `W${i}`, plannedStart: iso(p.start), plannedFinish: iso(p.finish),
    timePhasedBudget: p.inBaseline ? p.slices.map((s) => ({ start: iso(s.start), finish: iso(s.finish), amount: eur(s.cents) })) : [],
    earningRule: wpRule(p.rule),
    progress: p.records.map((r) => ({ date: iso(r.day), ...(r.pct !== undefined ? { percentComplete: r.pct } : {}), ...(r.phys !== undefined ? { physicalPercentComplete: r.phys } : {}),
      ...(r.units !== undefined ? { unitsComplete: r.units } : {}), ...(r.ms !== undefined ? { milestonesReached: r.ms } : {}),
      ...(r.started !== undefined ? { started: r.started } : {}), ...(r.finished !== undefined ? { finished: r.finished } : {}) })),
    ...(p.etc ? { estimateToComplete: { amount: eur(p.etc.cents), asOf: iso(p.etc.day) } } : {}),
  }) as WorkPackage);
  const inBl = packages.map((p, i) => [p, wps[i]!] as const).filter(([p]) => p.inBaseline);
  const baseline = decodeEntity("baseline", {
    id: `bl-${id}`, version: 1, createdAt: T, updatedAt: T, projectId: id, number: 0, capturedAt: T, capturedBy: "p-pm", reason: "Initial baseline", milestones: [],
    workPackages: inBl.map(([p, w]) => ({ workPackageId: w.id, code: w.code, name: w.name, plannedStart: w.plannedStart, plannedFinish: w.plannedFinish,
      timePhasedBudget: p.slices.map((s) => ({ start: iso(s.start), finish: iso(s.finish), amount: eur(s.cents) })), earningRule: wpRule(p.rule) })),
    budgetAtCompletion: eur(inBl.reduce((s, [p]) => s + p.slices.reduce((a, x) => a + x.cents, 0), 0)),
  }) as Baseline;
  const costEntries = costs.map((c, k) => decodeEntity("cost-entry", {
    id: `${id}-c${k}`, version: 1, createdAt: T, updatedAt: T, projectId: id, ...(c.pkg !== undefined ? { workPackageId: `w${c.pkg}` } : {}), date: iso(c.day),
    amount: eur(c.cents, c.usd ? "USD" : "EUR"), category: "labour", expenditure: "opex",
  }) as CostEntry);
  const calendar = createWorkingCalendar({ workingWeekdays: P.weekdays as (1 | 2 | 3 | 4 | 5 | 6 | 7)[], holidays: P.holidays.map(iso) });
  const options = {
    calendar, grid: fiscalEnds ? { kind: "fiscal" as const, periods: fiscalEnds.map((end, k) => ({ label: `P${k}`, start: iso(k ? fiscalEnds[k - 1]! + 1 : DAY0 - 60), finish: iso(end) })) } : { kind: g.grid as "weekly" | "monthly" }, fxRates: uniqueRates.map(([d, rate]) => ({ from: "USD", to: "EUR", date: iso(d), rate })),
    policy: { spread: g.spread, levelOfEffort: g.loe, timeUnit: g.timeUnit, eacOrder: g.eacOrder as never },
  };
  return { P, input: { project: { id }, workPackages: wps, baselines: [baseline], costEntries }, options };
}

/** A pmokit figure in the oracle's form. */
export function actual(m: { value?: unknown; reason?: string | undefined }): string {
  const v = m.value as { amount?: { toFixed(): string }; toFixed?(): string } | string | undefined;
  if (v === undefined) return `reason ${m.reason}`;
  if (typeof v === "string") return `date ${v}`;
  if (v.amount) return `cents ${qOf(v.amount.toFixed())[0] * 100n / qOf(v.amount.toFixed())[1]}`;
  return `value ${v.toFixed!()}`;
}
/** Indices are 34-digit decimals (some products of rounded ones, as CSI): equal to the exact fraction within 10⁻³⁰ relative. */
export function agrees(exp: Exp, got: { value?: unknown; reason?: string | undefined }): boolean {
  const a = actual(got);
  if ("r" in exp) return a === `reason ${exp.r}`;
  if ("c" in exp) return a === `cents ${exp.c}`;
  if ("date" in exp) return a === `date ${iso(exp.date)}`;
  if (!a.startsWith("value ")) return false;
  const g = qOf(a.slice(6)), e: Q = exp.v;
  const diff: Q = [g[0] * e[1] - e[0] * g[1], g[1] * e[1]];
  const abs = (x: Q): Q => [x[0] < 0n ? -x[0] : x[0], x[1]];
  return cmp(abs(diff), [abs(e)[0] + e[1], e[1] * 10n ** 30n]) <= 0;
}
export const show = (e: Exp) => ("r" in e ? `reason ${e.r}` : "c" in e ? `cents ${e.c}` : "date" in e ? `date ${iso(e.date)}` : `value ${Number(e.v[0]) / Number(e.v[1])} (${e.v[0]}/${e.v[1]})`);
export const get = (o: unknown, path: string) => path.split(".").reduce((x, k) => (x as Record<string, unknown>)[k], o) as { value?: unknown; reason?: string | undefined };

/** Every disagreement between pmokit's result and the oracle, as readable lines. */
export function compare(r: Pick<EarnedValueResult, "figures" | "schedule" | "complete" | "actualFinish"> & Partial<Pick<EarnedValueResult, "packages" | "cvSplit">>, o: ReturnType<typeof oracle>): string[] {
  const bad: string[] = [];
  const check = (where: string, exp: Exp, got: { value?: unknown; reason?: string | undefined }) => { if (!agrees(exp, got)) bad.push(`${where}: expected ${show(exp)}, got ${actual(got)}`); };
  for (const [k, e] of Object.entries(o.figures)) check(`figures.${k}`, e, k === "selectedEac" ? r.figures.selectedEac.value : get(r.figures, k));
  for (const k of SCHED_KEYS) check(`schedule.${k}`, o.schedule[k]!, get(r.schedule, k));
  if (r.complete !== o.complete) bad.push(`complete: expected ${o.complete}, got ${r.complete}`);
  if (r.actualFinish !== (o.finishDay === undefined ? undefined : iso(o.finishDay))) bad.push(`actualFinish: expected ${o.finishDay === undefined ? undefined : iso(o.finishDay)}, got ${r.actualFinish}`);
  r.packages?.forEach((p, i) => {
    for (const [k, e] of Object.entries(o.packages[i]!)) check(`packages[${i}].${k}`, e, k === "selectedEac" ? p.figures.selectedEac.value : get(p.figures, k));
    if (p.finished !== o.finished[i]) bad.push(`packages[${i}].finished: expected ${o.finished[i]}, got ${p.finished}`);
    if (p.clamped !== o.clamped[i]) bad.push(`packages[${i}].clamped: expected ${o.clamped[i]}, got ${p.clamped}`);
  });
  if (r.cvSplit) {
    if (o.acBase === undefined) { if (r.cvSplit.reason !== "no-baseline-rate") bad.push(`cvSplit: expected no-baseline-rate, got ${r.cvSplit.reason ?? "a value"}`); }
    else {
      const v = r.cvSplit.value;
      const c = (m: { amount: { toFixed(): string } } | undefined) => (m ? `${qOf(m.amount.toFixed())[0] * 100n / qOf(m.amount.toFixed())[1]}` : "none");
      if (c(v?.acAtBaselineRates) !== `${o.acBase}` || c(v?.performance) !== `${o.ev - o.acBase}` || c(v?.fx) !== `${o.acBase - o.ac}`) bad.push(`cvSplit: expected acBase ${o.acBase}, got ${c(v?.acAtBaselineRates)} / ${c(v?.performance)} / ${c(v?.fx)}`);
    }
  }
  return bad;
}

