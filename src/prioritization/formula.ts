import * as z from "zod";
import type { DecimalInput } from "../core/index.js";
import { decimalInput } from "./criteria.js";

/**
 * A formula over criteria, as data (never evaluated as code): a criterion's normalised value, a constant, or an
 * operation on sub-formulas. `divide` by zero makes the request unscored with reason `divisor-is-zero`, wherever the
 * quotient is used (inside `min`, `max` or another division too).
 *
 * @example
 * ```ts
 * // (value + 2 × urgency) ÷ effort
 * const f: FormulaNode = { op: "divide", args: [
 *   { op: "add", args: [{ criterion: "value" }, { op: "multiply", args: [{ constant: 2 }, { criterion: "urgency" }] }] },
 *   { criterion: "effort" },
 * ] };
 * ```
 */
export type FormulaNode =
  | { readonly criterion: string }
  | { readonly constant: DecimalInput }
  | { readonly op: "add" | "subtract" | "multiply" | "divide" | "min" | "max"; readonly args: readonly FormulaNode[] };

/** @internal */
export const formulaSchema: z.ZodType<FormulaNode> = z.lazy(() =>
  z.union([
    z.strictObject({ criterion: z.string().min(1).max(128) }),
    z.strictObject({ constant: decimalInput }),
    z.strictObject({ op: z.enum(["add", "subtract", "multiply", "divide", "min", "max"]), args: z.array(formulaSchema).min(1).max(50) }),
  ]),
) as z.ZodType<FormulaNode>;

/** @internal Every criterion reference with its path. */
export function formulaCriteria(f: FormulaNode, path: (string | number)[]): [string, (string | number)[]][] {
  if ("criterion" in f) return [[f.criterion, [...path, "criterion"]]];
  if ("constant" in f) return [];
  return f.args.flatMap((a, i) => formulaCriteria(a, [...path, "args", i]));
}

/** @internal A formula compiled to a closure over a row's values (NaN = missing; division by zero → NaN, which propagates). */
export function compileFormula(f: FormulaNode, columnOf: ReadonlyMap<string, number>): (row: (col: number) => number) => number {
  if ("criterion" in f) {
    const c = columnOf.get(f.criterion)!;
    return (row) => row(c);
  }
  if ("constant" in f) {
    const v = Number(String(f.constant));
    return () => v;
  }
  const args = f.args.map((a) => compileFormula(a, columnOf));
  switch (f.op) {
    case "add": return (row) => args.reduce((s, a) => s + a(row), 0);
    case "subtract": return (row) => args.slice(1).reduce((s, a) => s - a(row), args[0]!(row));
    case "multiply": return (row) => args.reduce((s, a) => s * a(row), 1);
    // NaN, not Infinity: NaN survives every later operation (1 ÷ ∞ = 0 and min(∞, 5) = 5 would hide the division)
    case "divide": return (row) => args.slice(1).reduce((s, a) => { const d = a(row); return d === 0 ? Number.NaN : s / d; }, args[0]!(row));
    case "min": return (row) => Math.min(...args.map((a) => a(row)));
    case "max": return (row) => Math.max(...args.map((a) => a(row)));
  }
}
