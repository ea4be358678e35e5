import * as z from "zod";
import { ZOD_MESSAGES } from "../core/codecs/decode.js";
import { PmoDecimal, ValidationError, currencyCodeSchema, decimalInputSchema, decodeWith, encodeWith, idSchema, isIsoDate, minorUnits, type Decimal, type ValidationIssue } from "../core/index.js";
import { baselineSchema, costEntrySchema, workPackageSchema, type Baseline, type CostEntry, type WorkPackage } from "../entities/index.js";
import type { EarnedValueInput } from "./types.js";
import { duplicateIdIssues } from "../core/unique-ids.js";

/*
 * Plain rows → an earned-value input. The rows are validated here (paths name the rows), then each package, the
 * baseline and each actual go through the entity codecs, so the builder never makes what `earnedValue` would refuse;
 * an entity rule that fails is reported at the row it came from.
 */

const dateSchema = z.string().refine((s) => isIsoDate(s), { message: "expected a real calendar date YYYY-MM-DD" });
const text = z.string().trim().min(1).max(300);
const SIMPLE_RULES = ["0/100", "50/50", "percent-complete", "physical-percent-complete", "level-of-effort"] as const;

const rowsSchema = z.strictObject({
  project: z.strictObject({
    id: idSchema, name: text.optional(), currency: currencyCodeSchema,
    programmeId: idSchema.optional(), portfolioId: idSchema.optional(),
  }),
  packages: z.array(z.strictObject({
    id: idSchema,
    code: z.string().optional(),
    name: text.optional(),
    rule: z.union([z.enum(SIMPLE_RULES), z.looseObject({ type: z.string() })]),
    start: dateSchema.optional(),
    finish: dateSchema.optional(),
    budget: z.array(z.strictObject({ start: dateSchema, finish: dateSchema, amount: decimalInputSchema })).min(1),
    estimateToComplete: z.strictObject({ amount: decimalInputSchema, asOf: dateSchema }).optional(),
  })).min(1),
  progress: z.array(z.strictObject({
    package: idSchema, date: dateSchema,
    percentComplete: decimalInputSchema.optional(), physicalPercentComplete: decimalInputSchema.optional(),
    unitsComplete: decimalInputSchema.optional(), milestonesReached: z.array(idSchema).optional(),
    started: z.boolean().optional(), finished: z.boolean().optional(), note: text.optional(),
  })).default([]),
  actuals: z.array(z.strictObject({
    id: idSchema.optional(), package: idSchema.optional(), date: dateSchema, amount: decimalInputSchema,
    currency: currencyCodeSchema.optional(), category: z.string().optional(), expenditure: z.enum(["capex", "opex"]).optional(),
  })).default([]),
  baseline: z.strictObject({
    number: z.number().int().min(0).max(10).default(0),
    capturedAt: dateSchema.optional(),
    reason: text.optional(),
  }).optional(),
});


/** One package row: its earning rule and its budget by period. */
export interface EarnedValuePackageRow {
  /** Package id (unique among the rows). */
  readonly id: string;
  /** WBS code (default `1.<position>`). */
  readonly code?: string;
  /** Name (default the id). */
  readonly name?: string;
  /** Earning rule: a name for the rules without parameters, or the full rule (`{ type: "units", totalUnits: 10, unitName: "screens" }`). */
  readonly rule: "0/100" | "50/50" | "percent-complete" | "physical-percent-complete" | "level-of-effort" | { readonly type: string; readonly [field: string]: unknown };
  /** Planned start (default the first period's start). */
  readonly start?: string;
  /** Planned finish (default the last period's finish). */
  readonly finish?: string;
  /** Budget by period: each period's first and last day and amount, in the project currency. */
  readonly budget: readonly { readonly start: string; readonly finish: string; readonly amount: string | number }[];
  /** Bottom-up estimate to complete and its date. */
  readonly estimateToComplete?: { readonly amount: string | number; readonly asOf: string };
}

/** One progress row: a package's measures on a date. */
export interface EarnedValueProgressRow {
  /** Package id. */
  readonly package: string;
  /** Date of the observation. */
  readonly date: string;
  /** Reported percent complete (above 100: an overrun). */
  readonly percentComplete?: string | number;
  /** Measured physical percent complete. */
  readonly physicalPercentComplete?: string | number;
  /** Units complete so far. */
  readonly unitsComplete?: string | number;
  /** Weighted-milestone ids reached so far. */
  readonly milestonesReached?: readonly string[];
  /** Work has started. */
  readonly started?: boolean;
  /** Work has finished. */
  readonly finished?: boolean;
  /** Note. */
  readonly note?: string;
}

/** One actual-cost row. */
export interface EarnedValueActualRow {
  /** Cost entry id (default `<project>-ac-<position>`). */
  readonly id?: string;
  /** Package charged (none: project level). */
  readonly package?: string;
  /** Booking date. */
  readonly date: string;
  /** Amount (negative: a credit). */
  readonly amount: string | number;
  /** Currency (default the project's). */
  readonly currency?: string;
  /** Cost category (default `labour`). */
  readonly category?: string;
  /** Capex or opex (default `opex`). */
  readonly expenditure?: "capex" | "opex";
}

/** Plain rows for {@link earnedValueInputFromRows}: decimals as exact decimal strings or finite numbers, dates `YYYY-MM-DD`. */
export interface EarnedValueRows {
  /** The project and its currency. */
  readonly project: { readonly id: string; readonly name?: string; readonly currency: string; readonly programmeId?: string; readonly portfolioId?: string };
  /** Packages with their budget by period. */
  readonly packages: readonly EarnedValuePackageRow[];
  /** Progress rows, in any order. */
  readonly progress?: readonly EarnedValueProgressRow[];
  /** Actual-cost rows. */
  readonly actuals?: readonly EarnedValueActualRow[];
  /** The baseline the packages make (default number 0, captured on the earliest date in the rows). */
  readonly baseline?: { readonly number?: number; readonly capturedAt?: string; readonly reason?: string };
}

/** Decimal numbers inside a full earning-rule object (`startPercent`, `totalUnits`, `factor`, milestone weights) as strings. */
function ruleWire(rule: unknown): unknown {
  const dec = (v: unknown) => (typeof v === "number" ? decodeWith(decimalInputSchema, v, "earned-value rows").toFixed() : v);
  if (typeof rule === "string") return { type: rule };
  const r = { ...(rule as Record<string, unknown>) };
  for (const k of ["startPercent", "totalUnits", "factor"]) if (k in r) r[k] = dec(r[k]);
  if (Array.isArray(r["milestones"])) r["milestones"] = (r["milestones"] as Record<string, unknown>[]).map((m) => ({ ...m, weight: dec(m["weight"]) }));
  return r;
}

/** One issue per path (the builder's own check and the entity rule may both see a row: the first one says it). */
function onePerPath(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => { const k = JSON.stringify(i.path); if (seen.has(k)) return false; seen.add(k); return true; });
}

/** Decodes one entity, reporting its issues at the row they came from (`mapPath` turns an entity path into a row path). */
function decodeInto<T>(schema: z.ZodType, wire: unknown, mapPath: (p: readonly PropertyKey[]) => (string | number)[], issues: ValidationIssue[]): T | undefined {
  const r = schema.safeDecode(wire, ZOD_MESSAGES);
  if (r.success) return r.data as T;
  for (const i of r.error.issues) issues.push({ path: mapPath(i.path), message: i.message, code: i.code });
  return undefined;
}

/**
 * Makes an {@link earnedValue} input from plain rows — packages with their budget by period, progress rows and actual
 * rows — without hand-assembling entities and baselines. The packages become live work packages and one baseline
 * (number 0 unless given, captured on `baseline.capturedAt`, by default the earliest date in the rows); progress rows
 * are sorted by date per package. Decimals are exact decimal strings or finite numbers.
 *
 * @throws {ValidationError} with the path of each bad row, e.g. `packages.0.budget.1.amount`, `progress.3.package`
 *   (a package that is not listed), `actuals.0.amount` (more decimals than the currency has), `progress.2.date`
 *   (two rows of one package on the same date).
 * @example
 * ```ts
 * const input = earnedValueInputFromRows({
 *   project: { id: "PRJ-1", currency: "EUR" },
 *   packages: [{ id: "A", name: "Design", rule: "percent-complete", budget: [
 *     { start: "2027-01-04", finish: "2027-01-10", amount: "1000.00" }, { start: "2027-01-11", finish: "2027-01-17", amount: 1000 },
 *   ] }],
 *   progress: [{ package: "A", date: "2027-01-08", percentComplete: 40 }],
 *   actuals: [{ package: "A", date: "2027-01-07", amount: "700.00" }],
 * });
 * earnedValue(input, { statusDate: "2027-01-10" }).figures.cpi; // { value: Decimal(1.142857…) } = 800 / 700
 * ```
 */
export function earnedValueInputFromRows(rows: EarnedValueRows): EarnedValueInput {
  const r = decodeWith(rowsSchema, rows, "earned-value rows");
  const issues: ValidationIssue[] = [];
  const currency = r.project.currency;
  // Money the calculators can use: no more decimals than the currency has (never rounded silently).
  const cents = (d: Decimal, cur: string, path: (string | number)[], signed = false) => {
    if (d.decimalPlaces() > minorUnits(cur)) issues.push({ path, message: `${d.toFixed()} ${cur} has more than ${minorUnits(cur)} decimals`, code: "custom" });
    else if (!signed && d.isNegative()) issues.push({ path, message: "must not be negative", code: "custom" });
  };
  r.packages.forEach((p, i) => {
    p.budget.forEach((b, j) => cents(b.amount, currency, ["packages", i, "budget", j, "amount"]));
    if (p.estimateToComplete) cents(p.estimateToComplete.amount, currency, ["packages", i, "estimateToComplete", "amount"]);
  });
  r.actuals.forEach((a, i) => cents(a.amount, a.currency ?? currency, ["actuals", i, "amount"], true)); // credits may be negative
  const amount = (d: { toFixed(): string }) => ({ amount: d.toFixed(), currency });
  const earliest = [...r.packages.flatMap((p) => [p.start, ...p.budget.map((b) => b.start)]), ...r.progress.map((p) => p.date), ...r.actuals.map((a) => a.date)]
    .filter((d) => d !== undefined).sort()[0] as string;
  const captured = `${r.baseline?.capturedAt ?? earliest}T00:00:00.000Z`;
  const stamp = { version: 1, createdAt: captured, updatedAt: captured };
  const index = new Map<string, number>();
  r.packages.forEach((p, i) => {
    if (index.has(p.id)) issues.push({ path: ["packages", i, "id"], message: `package ${p.id} is listed twice`, code: "custom" });
    index.set(p.id, i);
  });
  // Progress rows per package, in date order (remembering each row's position for error paths).
  const progressOf = new Map<string, { row: (typeof r.progress)[number]; at: number }[]>();
  r.progress.forEach((row, at) => {
    if (!index.has(row.package)) { issues.push({ path: ["progress", at, "package"], message: `unknown package ${row.package}`, code: "custom" }); return; }
    const list = progressOf.get(row.package) ?? [];
    list.push({ row, at });
    progressOf.set(row.package, list);
  });
  const workPackages: WorkPackage[] = [];
  r.packages.forEach((p, i) => {
    const recs = (progressOf.get(p.id) ?? []).sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : a.at - b.at));
    recs.forEach((x, k) => { if (k > 0 && recs[k - 1]?.row.date === x.row.date) issues.push({ path: ["progress", x.at, "date"], message: `a second progress row for ${p.id} on ${x.row.date}`, code: "custom" }); });
    const starts = p.budget.map((b) => b.start).sort(), finishes = p.budget.map((b) => b.finish).sort();
    const slices = [...p.budget].map((b, j) => ({ b, j })).sort((x, y) => (x.b.start < y.b.start ? -1 : 1));
    const wire = {
      id: p.id, ...stamp, projectId: r.project.id, code: p.code ?? `1.${i + 1}`, name: p.name ?? p.id,
      plannedStart: p.start ?? starts[0], plannedFinish: p.finish ?? finishes[finishes.length - 1],
      timePhasedBudget: slices.map(({ b }) => ({ start: b.start, finish: b.finish, amount: amount(b.amount) })),
      earningRule: ruleWire(p.rule),
      progress: recs.map(({ row }) => {
        const { package: _p, percentComplete, physicalPercentComplete, unitsComplete, ...rest } = row;
        return { ...rest, ...(percentComplete ? { percentComplete: percentComplete.toFixed() } : {}), ...(physicalPercentComplete ? { physicalPercentComplete: physicalPercentComplete.toFixed() } : {}),
          ...(unitsComplete ? { unitsComplete: unitsComplete.toFixed() } : {}) };
      }),
      ...(p.estimateToComplete ? { estimateToComplete: { amount: amount(p.estimateToComplete.amount), asOf: p.estimateToComplete.asOf } } : {}),
    };
    const rowPath = (path: readonly PropertyKey[]): (string | number)[] => {
      const [head, k, ...rest] = path.map((x) => (typeof x === "symbol" ? String(x) : x));
      if (head === "progress" && typeof k === "number") return ["progress", recs[k]?.at ?? k, ...rest];
      if (head === "timePhasedBudget" && typeof k === "number") return ["packages", i, "budget", slices[k]?.j ?? k, ...rest];
      const named: Record<string, string> = { plannedStart: "start", plannedFinish: "finish", earningRule: "rule", estimateToComplete: "estimateToComplete" };
      return ["packages", i, named[String(head)] ?? String(head ?? ""), ...(k === undefined ? [] : [k]), ...rest];
    };
    const w = decodeInto<WorkPackage>(workPackageSchema, wire, rowPath, issues);
    if (w) workPackages.push(w);
  });
  const costEntries: CostEntry[] = [];
  // Each actual's id (given, or `<project>-ac-<position>`) once: earnedValue refuses an entry listed twice.
  const actualIds = r.actuals.map((a, i) => ({ id: a.id ?? `${r.project.id}-ac-${i + 1}` }));
  issues.push(...duplicateIdIssues(actualIds, ["actuals"]));
  r.actuals.forEach((a, i) => {
    if (a.package !== undefined && !index.has(a.package)) { issues.push({ path: ["actuals", i, "package"], message: `unknown package ${a.package}`, code: "custom" }); return; }
    const wire = {
      id: actualIds[i]?.id, ...stamp, projectId: r.project.id, ...(a.package ? { workPackageId: a.package } : {}), date: a.date,
      amount: { amount: a.amount.toFixed(), currency: a.currency ?? currency }, category: a.category ?? "labour", expenditure: a.expenditure ?? "opex",
    };
    const c = decodeInto<CostEntry>(costEntrySchema, wire, (p) => ["actuals", i, ...p.map((x) => (typeof x === "symbol" ? String(x) : x))], issues);
    if (c) costEntries.push(c);
  });
  if (issues.length > 0) throw new ValidationError(onePerPath(issues), "earned-value rows");
  const number = r.baseline?.number ?? 0;
  const bac = workPackages.flatMap((w) => w.timePhasedBudget).reduce((s, x) => s.plus(x.amount.amount), new PmoDecimal(0));
  const baseline = decodeInto<Baseline>(baselineSchema, {
    id: `${r.project.id}-bl-${number}`, ...stamp, projectId: r.project.id, number, capturedAt: captured, capturedBy: "rows", reason: r.baseline?.reason ?? "Baseline from rows", milestones: [],
    workPackages: workPackages.map((w) => {
      const wire = encodeWith(workPackageSchema, w, "earned-value rows") as { timePhasedBudget: unknown; earningRule: unknown };
      return { workPackageId: w.id, code: w.code, name: w.name, plannedStart: w.plannedStart, plannedFinish: w.plannedFinish, timePhasedBudget: wire.timePhasedBudget, earningRule: wire.earningRule };
    }),
    budgetAtCompletion: amount(bac),
  }, (p) => ["baseline", ...p.map((x) => (typeof x === "symbol" ? String(x) : x))], issues);
  if (!baseline) throw new ValidationError(issues, "earned-value rows");
  return {
    project: { id: r.project.id, name: r.project.name, programmeId: r.project.programmeId, portfolioId: r.project.portfolioId, activeBaseline: number },
    workPackages, baselines: [baseline], costEntries,
  };
}
