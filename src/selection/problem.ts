import * as z from "zod";
import { ZOD_MESSAGES } from "../core/codecs/decode.js";
import { dictionaryOf } from "../core/own.js";
import { dictionarySchema } from "../core/codecs/record.js";
import {
  PmoDecimal,
  ValidationError,
  currencyCodeSchema,
  decimalInputSchema,
  money,
  type CurrencyCode,
  type Decimal,
  type Money,
} from "../core/index.js";

/**
 * A decimal as selection input: an exact decimal string (`"1.5"`), a finite number (`1.5`), or a `Decimal`. The
 * same forms are accepted everywhere: values, demands, capacities and money amounts.
 */
export type SelectionDecimalInput = string | number | Decimal;

/** An amount of money as selection input: `{ amount, currency }` with any {@link SelectionDecimalInput} amount (so `money("600.00", "EUR")` and `{ amount: 600, currency: "EUR" }` alike). */
export interface SelectionMoneyInput {
  readonly amount: SelectionDecimalInput;
  readonly currency: string;
}

/**
 * One logical constraint of a selection problem. Every kind is an object with a `kind` and named fields:
 * - `requires`: `candidate` may only be selected with `requires` (cycles mean all or none);
 * - `together`: the `candidates` are selected all together or not at all;
 * - `exclusive`: at most one of the `candidates` (optionally named by `id`);
 * - `forced-in` / `forced-out`: `candidate` must / must not be selected, with an optional `reason`.
 */
export type SelectionRuleInput =
  | { readonly kind: "requires"; readonly candidate: string; readonly requires: string }
  | { readonly kind: "together"; readonly candidates: readonly string[] }
  | { readonly kind: "exclusive"; readonly id?: string | undefined; readonly candidates: readonly string[] }
  | { readonly kind: "forced-in"; readonly candidate: string; readonly reason?: string | undefined }
  | { readonly kind: "forced-out"; readonly candidate: string; readonly reason?: string | undefined };

/** One candidate for the portfolio: a request or project that could be selected. */
export interface SelectionCandidateInput {
  /** Unique id (the request id, usually). */
  readonly id: string;
  /** Display name used in explanations; the id when absent. */
  readonly name?: string | undefined;
  /** What selecting it is worth: any score, or an NPV amount. May be negative. */
  readonly value: SelectionDecimalInput;
  /** Cost per fiscal period, keyed by period label (`"FY2027"`). Missing periods cost nothing. */
  readonly costs?: Readonly<Record<string, SelectionMoneyInput>> | undefined;
  /** Demand per period and skill (`{ FY2027: { architect: "1.5" } }`), in the unit of the capacity (FTE, days). */
  readonly demand?: Readonly<Record<string, Readonly<Record<string, SelectionDecimalInput>>>> | undefined;
  /** Optional parts of the value (a score breakdown by criterion); scenario comparison explains moves with them. */
  readonly breakdown?: Readonly<Record<string, SelectionDecimalInput>> | undefined;
}

/** A portfolio selection problem as given by the caller (validated by {@link defineSelectionProblem}). */
export interface SelectionProblemInput {
  /** The fiscal periods, in order. Every period key used anywhere must be listed here. */
  readonly periods: readonly string[];
  /** The candidates. */
  readonly candidates: readonly SelectionCandidateInput[];
  /** Budget per period; a period without a budget is not limited. */
  readonly budgets?: Readonly<Record<string, SelectionMoneyInput>> | undefined;
  /** Capacity per period and skill; a (period, skill) pair without capacity is not limited. */
  readonly capacity?: Readonly<Record<string, Readonly<Record<string, SelectionDecimalInput>>>> | undefined;
  /** Dependencies, mutual inclusion, exclusive groups and forced candidates, one object per constraint. */
  readonly constraints?: readonly SelectionRuleInput[] | undefined;
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
  /** The logical constraints as given (exclusive groups with their id filled in), in input order. */
  readonly constraints: readonly SelectionRule[];
  readonly requires: readonly { readonly candidate: string; readonly requires: string }[];
  readonly together: readonly { readonly candidates: readonly string[] }[];
  readonly exclusive: readonly { readonly id: string; readonly candidates: readonly string[] }[];
  readonly forcedIn: readonly { readonly candidate: string; readonly reason: string | undefined }[];
  readonly forcedOut: readonly { readonly candidate: string; readonly reason: string | undefined }[];
}

/** A validated logical constraint: as {@link SelectionRuleInput}, with every exclusive group's `id` filled in. */
export type SelectionRule =
  | { readonly kind: "requires"; readonly candidate: string; readonly requires: string }
  | { readonly kind: "together"; readonly candidates: readonly string[] }
  | { readonly kind: "exclusive"; readonly id: string; readonly candidates: readonly string[] }
  | { readonly kind: "forced-in"; readonly candidate: string; readonly reason: string | undefined }
  | { readonly kind: "forced-out"; readonly candidate: string; readonly reason: string | undefined };

// One decimal form everywhere: the library's decimal input (exact string or finite number), or a Decimal.
const decimalIn = z.union([
  decimalInputSchema,
  z.custom<Decimal>((v) => PmoDecimal.isDecimal(v) && (v as Decimal).isFinite(), { message: "expected a finite Decimal" }).transform((d) => new PmoDecimal(d)),
]);
const nonNegative = decimalIn.refine((d) => !d.isNegative(), { message: "must not be negative" });
const moneyIn = z
  .object({ amount: nonNegative, currency: currencyCodeSchema })
  .transform((m) => money(m.amount, m.currency as CurrencyCode));
const label = z.string().min(1).max(128);
const reason = z.string().min(1).max(500).optional();
const rule = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("requires"), candidate: label, requires: label }),
  z.strictObject({ kind: z.literal("together"), candidates: z.array(label).min(2) }),
  z.strictObject({ kind: z.literal("exclusive"), id: label.optional(), candidates: z.array(label).min(1) }),
  z.strictObject({ kind: z.literal("forced-in"), candidate: label, reason }),
  z.strictObject({ kind: z.literal("forced-out"), candidate: label, reason }),
]);

const schema = z.strictObject({
  periods: z.array(label).min(1),
  candidates: z.array(
    z.strictObject({
      id: label,
      name: z.string().max(300).optional(),
      value: decimalIn,
      costs: dictionarySchema(z.string(), moneyIn).optional(),
      demand: dictionarySchema(z.string(), dictionarySchema(z.string(), nonNegative)).optional(),
      breakdown: dictionarySchema(z.string(), decimalIn).optional(),
    }),
  ),
  // Periods and skills are user strings ("constructor" is a fine period name): dictionaries without a prototype,
  // so every lookup (budgets[period], capacity[period][skill]) finds the entry or nothing.
  budgets: dictionarySchema(z.string(), moneyIn).optional(),
  capacity: dictionarySchema(z.string(), dictionarySchema(z.string(), nonNegative)).optional(),
  constraints: z.array(rule).optional(),
});

// Problems this module validated: passing one again returns it as is.
const validated = new WeakSet<object>();

/**
 * @internal Marks a copy of a validated problem (a what-if with one more forced-in candidate, budgets scaled by a
 * factor) as validated: it is valid by construction, and the public entry points it goes through accept it as is.
 */
export function derivedProblem(problem: SelectionProblem): SelectionProblem {
  validated.add(problem);
  return problem;
}

type Issue = { path: (string | number)[]; message: string; code: string };

/**
 * Validates a selection problem and returns it with exact values (Decimal, Money). Every problem is reported with
 * its path: unknown candidate ids in constraints, unknown periods or skills, negative costs, demands or limits,
 * non-finite values, mixed currencies, duplicate ids, a candidate listed twice in one group, a candidate both forced
 * in and out, a candidate that requires itself.
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
  if (typeof input === "object" && input !== null && validated.has(input)) return input as SelectionProblem;
  const parsed = schema.safeParse(input, ZOD_MESSAGES);
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
  const constraints = rules(p.constraints ?? [], ids, issues);
  if (issues.length > 0) throw new ValidationError(issues, "selection problem");
  const of = <K extends SelectionRule["kind"]>(kind: K) => constraints.filter((c): c is Extract<SelectionRule, { kind: K }> => c.kind === kind);
  const problem: SelectionProblem = Object.freeze({
    periods: [...p.periods],
    currency: currency as CurrencyCode | undefined,
    candidates: p.candidates.map((c) => Object.freeze({
      id: c.id,
      name: c.name ?? c.id,
      value: c.value,
      costs: dictionaryOf(c.costs),
      demand: dictionaryOf(c.demand),
      breakdown: dictionaryOf(c.breakdown),
    })),
    budgets: dictionaryOf(p.budgets),
    capacity: dictionaryOf(p.capacity),
    constraints,
    requires: of("requires").map((r) => ({ candidate: r.candidate, requires: r.requires })),
    together: of("together").map((g) => ({ candidates: g.candidates })),
    exclusive: of("exclusive").map((g) => ({ id: g.id, candidates: g.candidates })),
    forcedIn: of("forced-in").map((f) => ({ candidate: f.candidate, reason: f.reason })),
    forcedOut: of("forced-out").map((f) => ({ candidate: f.candidate, reason: f.reason })),
  });
  validated.add(problem);
  return problem;
}

type ParsedRule = z.output<typeof rule>;

/** Checks every rule's candidate ids and exclusive group ids; fills in the group ids. */
function rules(input: readonly ParsedRule[], ids: ReadonlySet<string>, issues: Issue[]): SelectionRule[] {
  const known = (id: string, path: (string | number)[]) => {
    if (!ids.has(id)) issues.push({ path, message: `unknown candidate ${JSON.stringify(id)}`, code: "custom" });
  };
  const groupIds = new Set<string>();
  const forcedIn = new Set(input.filter((r) => r.kind === "forced-in").map((r) => (r as { candidate: string }).candidate));
  let group = 0;
  return input.map((r, i): SelectionRule => {
    const at = ["constraints", i];
    switch (r.kind) {
      case "requires":
        known(r.candidate, [...at, "candidate"]);
        known(r.requires, [...at, "requires"]);
        // "A requires A" says nothing; accepted, it hid a typo for the real prerequisite.
        if (r.candidate === r.requires) issues.push({ path: [...at, "requires"], message: `${JSON.stringify(r.candidate)} cannot require itself`, code: "custom" });
        return { ...r };
      case "together":
        r.candidates.forEach((id, j) => known(id, [...at, "candidates", j]));
        if (new Set(r.candidates).size !== r.candidates.length) issues.push({ path: [...at, "candidates"], message: "a candidate is listed twice", code: "custom" });
        return { kind: "together", candidates: [...r.candidates] };
      case "exclusive": {
        group++;
        r.candidates.forEach((id, j) => known(id, [...at, "candidates", j]));
        if (new Set(r.candidates).size !== r.candidates.length) issues.push({ path: [...at, "candidates"], message: "a candidate is listed twice", code: "custom" });
        const id = r.id ?? `exclusive group ${group}`;
        if (groupIds.has(id)) issues.push({ path: [...at, "id"], message: `duplicate group id ${JSON.stringify(id)}`, code: "custom" });
        groupIds.add(id);
        return { kind: "exclusive", id, candidates: [...r.candidates] };
      }
      case "forced-in":
        known(r.candidate, [...at, "candidate"]);
        return { kind: "forced-in", candidate: r.candidate, reason: r.reason };
      case "forced-out":
        known(r.candidate, [...at, "candidate"]);
        if (forcedIn.has(r.candidate)) issues.push({ path: [...at, "candidate"], message: `${JSON.stringify(r.candidate)} is also forced in`, code: "custom" });
        return { kind: "forced-out", candidate: r.candidate, reason: r.reason };
    }
  });
}
