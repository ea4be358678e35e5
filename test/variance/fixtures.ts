import { decodeEntity, encodeEntity, type Baseline, type CostEntry, type WorkPackage } from "../../src/index.js";
import type { EarnedValueInput } from "../../src/variance/index.js";

const T = "2027-01-01T09:00:00.000Z";
const eur = (a: string) => ({ amount: a, currency: "EUR" });
/** A weekly slice: week n (1-based) of January 2027, Monday 2027-01-04 + 7(n−1) … Sunday. */
export function week(n: number, amount: string): { start: string; finish: string; amount: { amount: string; currency: string } } {
  const d = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
  return { start: d(7 * (n - 1)), finish: d(7 * (n - 1) + 6), amount: eur(amount) };
}

export interface PkgSpec { id: string; rule: unknown; slices: ReturnType<typeof week>[]; progress?: unknown[]; start?: string; finish?: string; etc?: string }

export function pkg(s: PkgSpec, projectId = "PRJ-T"): WorkPackage {
  const start = s.start ?? s.slices[0]?.start ?? "2027-01-04";
  const finish = s.finish ?? s.slices[s.slices.length - 1]?.finish ?? "2027-01-31";
  return decodeEntity("work-package", {
    id: s.id, version: 1, createdAt: T, updatedAt: T, projectId, code: `1.${s.id.length}`, name: s.id, plannedStart: start, plannedFinish: finish,
    timePhasedBudget: s.slices, earningRule: s.rule, progress: s.progress ?? [],
    ...(s.etc ? { estimateToComplete: { amount: eur(s.etc), asOf: "2027-01-24" } } : {}),
  }) as WorkPackage;
}

export function baselineOf(wps: readonly WorkPackage[], number = 0, projectId = "PRJ-T", capturedAt = T): Baseline {
  const total = wps.flatMap((w) => w.timePhasedBudget).reduce((s, x) => s + Math.round(Number(x.amount.amount) * 100), 0);
  return decodeEntity("baseline", {
    id: `bl-${projectId}-${number}`, version: 1, createdAt: capturedAt, updatedAt: capturedAt, projectId, number, capturedAt, capturedBy: "p-pm",
    reason: number === 0 ? "Initial baseline" : `Re-plan ${number}`, milestones: [],
    workPackages: wps.map((w) => {
      const wire = encodeEntity("work-package", w) as { timePhasedBudget: unknown; earningRule: unknown };
      return { workPackageId: w.id, code: w.code, name: w.name, plannedStart: w.plannedStart, plannedFinish: w.plannedFinish, timePhasedBudget: wire.timePhasedBudget, earningRule: wire.earningRule };
    }),
    budgetAtCompletion: eur((total / 100).toFixed(2)),
  }) as Baseline;
}

let n = 0;
export function cost(wp: string | undefined, date: string, amount: string, currency = "EUR", projectId = "PRJ-T", extra: Record<string, unknown> = {}): CostEntry {
  n++;
  return decodeEntity("cost-entry", {
    id: `ce-${n}`, version: 1, createdAt: T, updatedAt: T, projectId, ...(wp ? { workPackageId: wp } : {}), date,
    amount: { amount, currency }, category: "labour", expenditure: "opex", ...extra,
  }) as CostEntry;
}

export function project(wps: WorkPackage[], costs: CostEntry[], baselines?: Baseline[]): EarnedValueInput {
  return { project: { id: "PRJ-T", name: "Test" }, workPackages: wps, baselines: baselines ?? [baselineOf(wps)], costEntries: costs };
}

/** Money/Decimal metric → string for compact assertions (value with fixed decimals, or the reason). */
export function show(m: { value?: unknown; reason?: string | undefined }, places = 2): string {
  const v = m.value as { amount?: { toFixed(n: number): string }; toFixed?(n: number): string } | string | undefined;
  if (v === undefined) return `<${m.reason}>`;
  if (typeof v === "string") return v;
  if (v.amount) return v.amount.toFixed(places);
  return v.toFixed ? v.toFixed(places) : String(v);
}

/** A forecast band of metrics → its three values (`undefined` where a percentile has none). */
export function bandValues<T>(b: { readonly low: { readonly value?: T }; readonly median: { readonly value?: T }; readonly high: { readonly value?: T } }): { low: T | undefined; median: T | undefined; high: T | undefined } {
  return { low: b.low.value, median: b.median.value, high: b.high.value };
}

/** A forecast band of metrics → the reason of each percentile (`undefined` where it has a value). */
export function bandReasons(b: { readonly low: { readonly reason?: string | undefined }; readonly median: { readonly reason?: string | undefined }; readonly high: { readonly reason?: string | undefined } }): (string | undefined)[] {
  return [b.low.reason, b.median.reason, b.high.reason];
}
