import { describeValue } from "../../core/describe.js";
import { ValidationError } from "../../core/index.js";

/**
 * Random consistency indices (RI), the mean CI of random reciprocal matrices of each size. Sources differ, so the
 * table is a choice:
 *
 * - `"saaty-classic"` — Saaty's 1980 values as used by pyDecision and npm `ahp`, n = 1…15 (note 1.48 at n = 12,
 *   below n = 11: the published table is not monotone).
 * - `"saaty-2005"` — Saaty, *Theory and Applications of the Analytic Network Process* (2005) p. 31, n = 3…15
 *   (the AHPy `saaty` table).
 * - `"alonso-lamata"` — Alonso & Lamata (2006), from 500,000 random matrices per size, n = 3…15; beyond 15 the
 *   authors' regression `RI(n) = (1.7699 n − 4.3513 − n)/(n − 1)` (their λmax threshold at CR = 0.1, divided by 0.1).
 * - `"donegan-dodd"` — Donegan & Dodd (1991), n = 3…100 as tabled in AHPy, linear interpolation between the listed
 *   sizes (the default: it is the only published table reaching 100).
 *
 * n ≤ 2 has RI 0 in every table, and CR is 0 by definition (a 2×2 reciprocal matrix is always consistent).
 */
export type RiTableName = "saaty-classic" | "saaty-2005" | "alonso-lamata" | "donegan-dodd";

/** An RI table: a named one, or your own values by matrix size (sizes not listed are interpolated linearly). */
export type RiTable = RiTableName | Readonly<Record<number, number>>;

const TABLES: Record<RiTableName, Readonly<Record<number, number>>> = {
  "saaty-classic": { 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59 },
  "saaty-2005": { 3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.4, 9: 1.45, 10: 1.49, 11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59 },
  "alonso-lamata": {
    3: 0.5245, 4: 0.8815, 5: 1.1086, 6: 1.2479, 7: 1.3417, 8: 1.4056, 9: 1.4499, 10: 1.4854, 11: 1.5141, 12: 1.5365,
    13: 1.5551, 14: 1.5713, 15: 1.5838,
  },
  "donegan-dodd": {
    3: 0.4914, 4: 0.8286, 5: 1.0591, 6: 1.1797, 7: 1.2519, 8: 1.3171, 9: 1.3733, 10: 1.4055, 11: 1.4213, 12: 1.4497,
    13: 1.4643, 14: 1.4822, 15: 1.4969, 16: 1.5078, 17: 1.5153, 18: 1.5262, 19: 1.5313, 20: 1.5371, 25: 1.5619,
    30: 1.5772, 40: 1.5976, 50: 1.6102, 60: 1.6178, 70: 1.6237, 80: 1.6277, 90: 1.6213, 100: 1.6339,
  },
};

/**
 * The random index for an n×n matrix from a table: 0 for n ≤ 2; a listed value; a linear interpolation between the
 * nearest listed sizes; for `alonso-lamata` beyond 15 its regression.
 *
 * @throws {ValidationError} when n is beyond the table (for example n = 16 with a Saaty table): a consistency ratio
 * against an invented RI would be a silent pass, the `ahp` npm package's failure.
 * @example
 * ```ts
 * randomIndex(3, "saaty-classic"); // 0.58
 * randomIndex(22, "donegan-dodd"); // 1.5371 + 2/5 × (1.5619 − 1.5371)
 * ```
 */
export function randomIndex(n: number, table: RiTable = "donegan-dodd"): number {
  if (!Number.isInteger(n) || n < 1) throw ValidationError.single(["n"], "matrix size must be a positive integer", "random index");
  if (n <= 2) return 0;
  if (table === "alonso-lamata" && n > 15) return (1.7699 * n - 4.3513 - n) / (n - 1);
  // Own keys only: a name like "toString" or "__proto__" is not a table; null or a number is not one either.
  const t =
    typeof table === "string"
      ? Object.hasOwn(TABLES, table) ? TABLES[table] : undefined
      : table !== null && typeof table === "object" ? table : undefined;
  if (t === undefined) throw ValidationError.single(["riTable"], `unknown RI table ${describeValue(table)}`, "random index");
  const exact = Object.hasOwn(t, n) ? t[n] : undefined;
  if (exact !== undefined) return checked(exact, n);
  const sizes = Object.keys(t).map(Number).filter((k) => Number.isFinite(t[k])).sort((a, b) => a - b);
  const below = sizes.filter((s) => s < n).at(-1);
  const above = sizes.find((s) => s > n);
  if (below === undefined || above === undefined) {
    const covers = sizes.length === 0 ? "it lists no size with a number" : `it covers ${sizes[0]}…${sizes.at(-1)}`;
    throw ValidationError.single(["riTable"], `the RI table has no value for n = ${n} (${covers})`, "random index");
  }
  const lo = t[below]!;
  const hi = t[above]!;
  return checked(lo + ((hi - lo) * (n - below)) / (above - below), n);
}

function checked(ri: number, n: number): number {
  if (!(ri > 0) || !Number.isFinite(ri)) throw ValidationError.single(["riTable", n], "RI must be a positive number", "random index");
  return ri;
}
