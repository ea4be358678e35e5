import * as z from "zod";
import {
  DECIMAL_PATTERN,
  MAX_DECIMAL_LENGTH,
  PmoDecimal,
  ValidationError,
  isMoney,
  type CurrencyCode,
  type Decimal,
  type DecimalInput,
  type Money,
} from "../core/index.js";

/** One candidate for the portfolio: a request or project that could be selected. */
export interface SelectionCandidateInput {
  /** Unique id (the request id, usually). */
  readonly id: string;
  /** Display name used in explanations; the id when absent. */
  readonly name?: string | undefined;
  /** What selecting it is worth: any score, or an NPV amount. May be negative. */
  readonly value: DecimalInput;
  /** Cost per fiscal period, keyed by period label (`"FY2027"`). Missing periods cost nothing. */
  readonly costs?: Readonly<Record<string, Money>> | undefined;
  /** Demand per period and skill (`{ FY2027: { architect: "1.5" } }`), in the unit of the capacity (FTE, days). */
  readonly demand?: Readonly<Record<string, Readonly<Record<string, DecimalInput>>>> | undefined;
  /** Optional parts of the value (a score breakdown by criterion); scenario comparison explains moves with them. */
  readonly breakdown?: Readonly<Record<string, DecimalInput>> | undefined;
}

/** A portfolio selection problem as given by the caller (validated by {@link defineSelectionProblem}). */
export interface SelectionProblemInput {
  /** The fiscal periods, in order. Every period key used anywhere must be listed here. */
  readonly periods: readonly string[];
  /** The candidates. */
  readonly candidates: readonly SelectionCandidateInput[];
  /** Budget per period; a period without a budget is not limited. */
  readonly budgets?: Readonly<Record<string, Money>> | undefined;
  /** Capacity per period and skill; a (period, skill) pair without capacity is not limited. */
  readonly capacity?: Readonly<Record<string, Readonly<Record<string, DecimalInput>>>> | undefined;
  /** "`candidate` requires `requires`": the first may only be selected with the second. Cycles mean all or none. */
  readonly requires?: readonly { readonly candidate: string; readonly requires: string }[] | undefined;
  /** Mutual inclusion: each group is selected entirely or not at all. */
  readonly together?: readonly (readonly string[])[] | undefined;
  /** Mutually exclusive groups: at most one candidate of each group is selected. */
  readonly exclusive?: readonly { readonly id?: string | undefined; readonly candidates: readonly string[] }[] | undefined;
  /** Candidates that must be selected, each with its reason (regulatory, contractual, already started). */
  readonly forcedIn?: readonly { readonly candidate: string; readonly reason: string }[] | undefined;
  /** Candidates that must not be selected. */
  readonly forcedOut?: readonly { readonly candidate: string; readonly reason?: string | undefined }[] | undefined;
}

/** A validated candidate: exact values, every figure a Decimal or Money. */
export interface SelectionCandidate {
  readonly id: string;
  readonly name: string;
  readonly value: Decimal;
  readonly costs: Readonly<Record<string, Money>>;
  readonly demand: Readonly<Record<string, Readonly<Record<string, Decimal>>>>;
  readonly breakdown: Readonly<Record<string, Decimal>>;
}

/** A validated selection problem (see {@link defineSelectionProblem}). */
export interface SelectionProblem {
  readonly periods: readonly string[];
  /** The one currency of every cost and budget (undefined when there is no money in the problem). */
  readonly currency: CurrencyCode | undefined;
  readonly candidates: readonly SelectionCandidate[];
  readonly budgets: Readonly<Record<string, Money>>;
  readonly capacity: Readonly<Record<string, Readonly<Record<string, Decimal>>>>;
  readonly requires: readonly { readonly candidate: string; readonly requires: string }[];
  readonly together: readonly (readonly string[])[];
  readonly exclusive: readonly { readonly id: string; readonly candidates: readonly string[] }[];
  readonly forcedIn: readonly { readonly candidate: string; readonly reason: string }[];
  readonly forcedOut: readonly { readonly candidate: string; readonly reason: string }[];
}

const decimalIn = z.union([
  z.number().refine((n) => Number.isFinite(n), { message: "expected a finite number" }),
  z.string().max(MAX_DECIMAL_LENGTH).regex(DECIMAL_PATTERN, { message: "expected a decimal number like 12.5" }),
  z.custom<Decimal>((v) => PmoDecimal.isDecimal(v) && (v as Decimal).isFinite(), { message: "expected a finite Decimal" }),
]).transform((v) => new PmoDecimal(v as DecimalInput));
const nonNegative = decimalIn.refine((d) => !d.isNegative(), { message: "must not be negative" });
const moneyIn = z
  .custom<Money>((v) => isMoney(v) && v.amount.isFinite(), { message: "expected Money { amount: Decimal, currency }" })
  .refine((m) => !m.amount.isNegative(), { message: "must not be negative" });
const label = z.string().min(1).max(128);

const schema = z.strictObject({
  periods: z.array(label).min(1),
  candidates: z.array(
    z.strictObject({
      id: label,
      name: z.string().max(300).optional(),
      value: decimalIn,
      costs: z.record(z.string(), moneyIn).optional(),
      demand: z.record(z.string(), z.record(z.string(), nonNegative)).optional(),
      breakdown: z.record(z.string(), decimalIn).optional(),
    }),
  ),
  budgets: z.record(z.string(), moneyIn).optional(),
  capacity: z.record(z.string(), z.record(z.string(), nonNegative)).optional(),
  requires: z.array(z.strictObject({ candidate: label, requires: label })).optional(),
  together: z.array(z.array(label).min(2)).optional(),
  exclusive: z.array(z.strictObject({ id: label.optional(), candidates: z.array(label).min(1) })).optional(),
  forcedIn: z.array(z.strictObject({ candidate: label, reason: z.string().min(1).max(500) })).optional(),
  forcedOut: z.array(z.strictObject({ candidate: label, reason: z.string().max(500).optional() })).optional(),
});

type Issue = { path: (string | number)[]; message: string; code: string };

/**
 * Validates a selection problem and returns it with exact values (Decimal, Money). Every problem is reported with
 * its path: unknown candidate ids in constraints, unknown periods or skills, negative costs, demands or limits,
 * non-finite values, mixed currencies, duplicate ids, a candidate both forced in and out.
 *
 * Dependency cycles are allowed: they mean the candidates in the cycle are selected all together or not at all.
 *
 * @throws {ValidationError} listing every problem found.
 * @example
 * ```ts
 * const problem = defineSelectionProblem({
 *   periods: ["FY2027"],
 *   candidates: [{ id: "REQ-1", value: 40, costs: { FY2027: money("600000.00", "EUR") } }],
 *   budgets: { FY2027: money("1000000.00", "EUR") },
 * });
 * ```
 */
export function defineSelectionProblem(input: SelectionProblemInput | SelectionProblem): SelectionProblem {
  // A validated problem may be passed again: drop the derived currency before the strict schema sees it.
  const { currency: _derived, ...raw } = input as SelectionProblemInput & { currency?: unknown };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, "selection problem");
  const p = parsed.data;
  const issues: Issue[] = [];
  const periods = new Set(p.periods);
  if (periods.size !== p.periods.length) issues.push({ path: ["periods"], message: "periods must be unique", code: "custom" });
  const ids = new Set<string>();
  p.candidates.forEach((c, i) => {
    if (ids.has(c.id)) issues.push({ path: ["candidates", i, "id"], message: `duplicate candidate id ${JSON.stringify(c.id)}`, code: "custom" });
    ids.add(c.id);
  });
  let currency: string | undefined;
  const checkMoney = (m: Money, path: (string | number)[]) => {
    if (currency === undefined) currency = m.currency;
    else if (m.currency !== currency) issues.push({ path, message: `currency ${m.currency} differs from ${currency}`, code: "custom" });
  };
  const checkPeriod = (key: string, path: (string | number)[]) => {
    if (!periods.has(key)) issues.push({ path, message: `unknown period ${JSON.stringify(key)}`, code: "custom" });
  };
  for (const [k, m] of Object.entries(p.budgets ?? {})) { checkPeriod(k, ["budgets", k]); checkMoney(m, ["budgets", k, "currency"]); }
  const skills = new Set<string>();
  for (const [k, per] of Object.entries(p.capacity ?? {})) { checkPeriod(k, ["capacity", k]); for (const s of Object.keys(per)) skills.add(s); }
  p.candidates.forEach((c, i) => {
    for (const [k, m] of Object.entries(c.costs ?? {})) { checkPeriod(k, ["candidates", i, "costs", k]); checkMoney(m, ["candidates", i, "costs", k, "currency"]); }
    for (const [k, per] of Object.entries(c.demand ?? {})) {
      checkPeriod(k, ["candidates", i, "demand", k]);
      for (const s of Object.keys(per)) {
        if (!skills.has(s)) issues.push({ path: ["candidates", i, "demand", k, s], message: `skill ${JSON.stringify(s)} has no capacity in any period`, code: "custom" });
      }
    }
  });
  const known = (id: string, path: (string | number)[]) => {
    if (!ids.has(id)) issues.push({ path, message: `unknown candidate ${JSON.stringify(id)}`, code: "custom" });
  };
  (p.requires ?? []).forEach((r, i) => { known(r.candidate, ["requires", i, "candidate"]); known(r.requires, ["requires", i, "requires"]); });
  (p.together ?? []).forEach((g, i) => g.forEach((id, j) => known(id, ["together", i, j])));
  const groupIds = new Set<string>();
  const exclusive = (p.exclusive ?? []).map((g, i) => {
    g.candidates.forEach((id, j) => known(id, ["exclusive", i, "candidates", j]));
    if (new Set(g.candidates).size !== g.candidates.length) issues.push({ path: ["exclusive", i, "candidates"], message: "a candidate is listed twice", code: "custom" });
    const id = g.id ?? `exclusive group ${i + 1}`;
    if (groupIds.has(id)) issues.push({ path: ["exclusive", i, "id"], message: `duplicate group id ${JSON.stringify(id)}`, code: "custom" });
    groupIds.add(id);
    return { id, candidates: [...g.candidates] };
  });
  const forcedInIds = new Set<string>();
  (p.forcedIn ?? []).forEach((f, i) => { known(f.candidate, ["forcedIn", i, "candidate"]); forcedInIds.add(f.candidate); });
  (p.forcedOut ?? []).forEach((f, i) => {
    known(f.candidate, ["forcedOut", i, "candidate"]);
    if (forcedInIds.has(f.candidate)) issues.push({ path: ["forcedOut", i, "candidate"], message: `${JSON.stringify(f.candidate)} is also forced in`, code: "custom" });
  });
  if (issues.length > 0) throw new ValidationError(issues, "selection problem");
  return Object.freeze({
    periods: [...p.periods],
    currency,
    candidates: p.candidates.map((c) => Object.freeze({
      id: c.id,
      name: c.name ?? c.id,
      value: c.value,
      costs: { ...(c.costs ?? {}) },
      demand: { ...(c.demand ?? {}) },
      breakdown: { ...(c.breakdown ?? {}) },
    })),
    budgets: { ...(p.budgets ?? {}) },
    capacity: { ...(p.capacity ?? {}) },
    requires: (p.requires ?? []).map((r) => ({ ...r })),
    together: (p.together ?? []).map((g) => [...g]),
    exclusive,
    forcedIn: (p.forcedIn ?? []).map((f) => ({ ...f })),
    forcedOut: (p.forcedOut ?? []).map((f) => ({ candidate: f.candidate, reason: f.reason ?? "forced out" })),
  });
}
