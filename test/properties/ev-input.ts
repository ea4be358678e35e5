import fc from "fast-check";
import type { CostEntry, WorkPackage } from "../../src/index.js";
import { baselineOf, cost, pkg, week } from "../variance/fixtures.js";

/* Edge-biased projects for earned value: BAC 0, 0 % and 100 % progress, credits, amounts up to 10^10. */

export const RULES = [{ type: "percent-complete" }, { type: "50/50" }, { type: "0/100" }, { type: "level-of-effort" }, { type: "units", totalUnits: "10", unitName: "u" }];
const amount = fc.oneof(fc.constantFrom("0.00", "0.01", "9999999999.99"), fc.integer({ min: 0, max: 5_000_000 }).map((c) => (c / 100).toFixed(2)));
export const pkgArb = fc.record({
  rule: fc.integer({ min: 0, max: RULES.length - 1 }),
  first: fc.integer({ min: 1, max: 4 }),
  weeks: fc.integer({ min: 1, max: 4 }),
  amounts: fc.array(amount, { minLength: 4, maxLength: 4 }),
  pct: fc.constantFrom(0, 0, 100, 100, 50, 1, 99),
  costs: fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), amount: fc.oneof(fc.constant("0.00"), amount, amount.map((a) => (a === "0.00" ? a : `-${a}`))) }), { maxLength: 3 }),
});
export type Spec = { rule: number; first: number; weeks: number; amounts: string[]; pct: number; costs: { day: number; amount: string }[] };
export const day = (d: number) => new Date(Date.UTC(2027, 0, 4 + d)).toISOString().slice(0, 10);

export function build(specs: Spec[], projectId: string): { wps: WorkPackage[]; costs: CostEntry[] } {
  const wps = specs.map((s, i) => {
    const last = Math.min(4, s.first + s.weeks - 1);
    const slices = Array.from({ length: last - s.first + 1 }, (_, k) => week(s.first + k, s.amounts[k] ?? "0.00"));
    const progress = RULES[s.rule]!.type === "units" ? [{ date: "2027-01-06", unitsComplete: String(s.pct / 10), started: s.pct > 0 }] : [{ date: "2027-01-06", percentComplete: String(s.pct), started: s.pct > 0 }];
    return pkg({ id: `w${i}`, rule: RULES[s.rule], slices, progress }, projectId);
  });
  const costs = specs.flatMap((s, i) => s.costs.map((c) => cost(`w${i}`, day(c.day), c.amount, "EUR", projectId)));
  return { wps, costs };
}
export const input = (specs: Spec[], id: string) => {
  const { wps, costs } = build(specs, id);
  return { project: { id, programmeId: "PG", portfolioId: "PF" }, workPackages: wps, baselines: [baselineOf(wps, 0, id)], costEntries: costs };
};
export const statusArb = fc.constantFrom(-10, -1, 0, 2, 6, 13, 27, 28, 40, 400).map(day);
