import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal as DecimalJs } from "decimal.js";
import { PmoDecimal } from "../../src/core/decimal.js";
import { ValidationError } from "../../src/core/errors.js";
import { minorUnits } from "../../src/core/money/currency.js";
import { money, type Money } from "../../src/core/money/money.js";
import { allocateMoney } from "../../src/core/money/allocate.js";
import { isNegativeMoney, isZeroMoney } from "../../src/core/money/compare.js";
import { moneyToString } from "../../src/core/money/format.js";
import { moneyToWire } from "../../src/core/codecs.js";

/** Independent reference arithmetic, precise enough to be exact for these inputs. */
const Exact = DecimalJs.clone({ precision: 500 });

const amounts = (ms: readonly Money[]) => ms.map((m) => moneyToWire(m).amount);

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected the call to throw");
}

function fromUnits(units: bigint, scale: number): string {
  const neg = units < 0n;
  let s = (neg ? -units : units).toString().padStart(scale + 1, "0");
  if (scale > 0) s = `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  return neg ? `-${s}` : s;
}

describe("allocateMoney: hand-derived cases", () => {
  it("100.00 EUR over three equal weights → 33.34 / 33.33 / 33.33", () => {
    // 10000 cents × 1/3 = 3333 r 1 each; the one cent left goes to the first share on the tie.
    expect(amounts(allocateMoney(money("100.00", "EUR"), [1, 1, 1]))).toEqual(["33.34", "33.33", "33.33"]);
    expect(allocateMoney(money("100.00", "EUR"), [1, 1, 1]).every((m) => m.currency === "EUR")).toBe(true);
  });

  it("splits by percentage weights given as strings", () => {
    expect(amounts(allocateMoney(money("10.00", "EUR"), ["70", "30"]))).toEqual(["7.00", "3.00"]);
    expect(amounts(allocateMoney(money("10.00", "EUR"), ["0.7", "0.3"]))).toEqual(["7.00", "3.00"]);
  });

  it("gives left-over units to the largest remainders, not simply the first shares", () => {
    // 100 cents over [1, 2]: 100·1/3 = 33 r 1, 100·2/3 = 66 r 2 → the cent goes to the second share.
    expect(amounts(allocateMoney(money("1.00", "EUR"), [1, 2]))).toEqual(["0.33", "0.67"]);
    // 100 cents over [2, 1, 1]: 50 r 0, 25 r 0, 25 r 0 → exact.
    expect(amounts(allocateMoney(money("1.00", "EUR"), [2, 1, 1]))).toEqual(["0.50", "0.25", "0.25"]);
    // 5 cents over six equal weights: 0 r 5 each → the first five get a cent.
    expect(amounts(allocateMoney(money("0.05", "EUR"), [1, 1, 1, 1, 1, 1]))).toEqual(["0.01", "0.01", "0.01", "0.01", "0.01", "0.00"]);
  });

  it("negative amounts are the negation of the positive allocation", () => {
    expect(amounts(allocateMoney(money("-100.00", "EUR"), [1, 1, 1]))).toEqual(["-33.34", "-33.33", "-33.33"]);
    expect(amounts(allocateMoney(money("-1.00", "EUR"), [1, 2]))).toEqual(["-0.33", "-0.67"]);
  });

  it("zero weights get zero shares (and never -0 on the wire)", () => {
    expect(amounts(allocateMoney(money("100.00", "EUR"), [1, 0, 1]))).toEqual(["50.00", "0.00", "50.00"]);
    const neg = allocateMoney(money("-100.00", "EUR"), [0, 1, "-0"]);
    expect(amounts(neg)).toEqual(["0.00", "-100.00", "0.00"]);
    expect(isZeroMoney(neg[0] as Money)).toBe(true);
    expect(isNegativeMoney(neg[0] as Money)).toBe(false);
    expect(moneyToString(neg[0] as Money)).toBe("0.00 EUR");
  });

  it("uses the currency's minor units: JPY (0) and KWD (3)", () => {
    expect(amounts(allocateMoney(money(1000, "JPY"), [1, 1, 1]))).toEqual(["334", "333", "333"]);
    expect(amounts(allocateMoney(money(-1000, "JPY"), [1, 1, 1]))).toEqual(["-334", "-333", "-333"]);
    expect(amounts(allocateMoney(money("1.000", "KWD"), [1, 1, 1]))).toEqual(["0.334", "0.333", "0.333"]);
    expect(amounts(allocateMoney(money("10.000", "KWD"), [1, 2, 3]))).toEqual(["1.667", "3.333", "5.000"]);
    // 10000 fils over [1,2,3]: 1666 r 4, 3333 r 2, 5000 r 0 → the unit goes to the first (remainder 4).
  });

  it("the default scale follows the amount's own decimals when it has more than the minor units", () => {
    // 0.125 EUR → scale 3: 125 units over [1, 1] = 62 r 1 each → tie → the first share gets it.
    expect(allocateMoney(money("0.125", "EUR"), [1, 1]).map((m) => m.amount.toFixed())).toEqual(["0.063", "0.062"]);
  });

  it("honours an explicit scale", () => {
    // 100 EUR at scale 0: 100 over thirds = 33 r 1 each → 34 / 33 / 33.
    expect(allocateMoney(money("100.00", "EUR"), [1, 1, 1], { scale: 0 }).map((m) => m.amount.toFixed())).toEqual(["34", "33", "33"]);
    // 1 EUR at scale 4: 10000 units over thirds → 0.3334 / 0.3333 / 0.3333.
    expect(allocateMoney(money("1", "EUR"), [1, 1, 1], { scale: 4 }).map((m) => m.amount.toFixed())).toEqual(["0.3334", "0.3333", "0.3333"]);
  });

  it("a single weight returns the whole amount; zero splits into zeros", () => {
    expect(amounts(allocateMoney(money("123.45", "EUR"), [7]))).toEqual(["123.45"]);
    expect(amounts(allocateMoney(money("0", "EUR"), [1, 2]))).toEqual(["0.00", "0.00"]);
  });

  it("is exact at 34 significant digits, pmokit's decimal precision (src bug: products are rounded)", () => {
    // The amount has 34 significant digits (pmokit's documented precision) and one weight, so the only share must
    // be the amount itself. allocateMoney computes units × weight at 34 digits; 9999…99 (34 nines) × 3 needs 35,
    // rounds up to 3·10^34, and the share comes out as 100000000000000000000000000000000 — 0.01 too much.
    const m = money("99999999999999999999999999999999.99", "EUR");
    expect(amounts(allocateMoney(m, ["3"]))).toEqual(["99999999999999999999999999999999.99"]);
  });
});

describe("allocateMoney: validation", () => {
  it("rejects an empty weight list", () => {
    const e = thrown(() => allocateMoney(money("1", "EUR"), []));
    expect(e.subject).toBe("allocateMoney");
    expect(e.issues[0]?.path).toEqual(["weights"]);
  });

  it("rejects a negative weight with its index", () => {
    expect(thrown(() => allocateMoney(money("1", "EUR"), [1, -1, 2])).issues[0]?.path).toEqual(["weights", 1]);
    expect(thrown(() => allocateMoney(money("1", "EUR"), [1, 2, "-0.01"])).issues[0]?.path).toEqual(["weights", 2]);
  });

  it("rejects a weight that is not a decimal, with its index", () => {
    for (const w of ["abc", "1e3", Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(thrown(() => allocateMoney(money("1", "EUR"), [w])).issues[0]?.path).toEqual(["weights", 0]);
    }
  });

  it("rejects weights that are all zero", () => {
    expect(thrown(() => allocateMoney(money("1", "EUR"), [0, "0.00", "-0"])).issues[0]?.path).toEqual(["weights"]);
  });

  it("rejects an amount with more decimals than the scale, and a bad scale", () => {
    expect(thrown(() => allocateMoney(money("0.125", "EUR"), [1, 1], { scale: 2 })).issues[0]?.path).toEqual(["scale"]);
    expect(thrown(() => allocateMoney(money("1", "EUR"), [1], { scale: 31 })).issues[0]?.path).toEqual(["scale"]);
    expect(thrown(() => allocateMoney(money("1", "EUR"), [1], { scale: -1 })).issues[0]?.path).toEqual(["scale"]);
  });
});

describe("allocateMoney: properties", () => {
  const currency = fc.constantFrom("EUR", "JPY", "KWD");
  const weight = fc.oneof(
    fc.integer({ min: 0, max: 1000 }),
    fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 8n }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => fromUnits(u, s)),
  );
  const weights = fc.array(weight, { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => !new Exact(w).isZero()));
  const allocation = fc
    .tuple(currency, fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), weights)
    .map(([cur, units, ws]) => ({ m: money(fromUnits(units, minorUnits(cur)), cur), ws }));

  it("shares sum exactly to the amount", () => {
    fc.assert(
      fc.property(allocation, ({ m, ws }) => {
        const shares = allocateMoney(m, ws);
        expect(shares).toHaveLength(ws.length);
        const sum = shares.reduce((a, s) => a.plus(new Exact(s.amount.toFixed())), new Exact(0));
        expect(sum.eq(new Exact(m.amount.toFixed()))).toBe(true);
        for (const s of shares) {
          expect(s.currency).toBe(m.currency);
          expect(s.amount.decimalPlaces()).toBeLessThanOrEqual(minorUnits(m.currency));
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("each share is within one minor unit of its exact proportional value, on the same side of zero", () => {
    fc.assert(
      fc.property(allocation, ({ m, ws }) => {
        const shares = allocateMoney(m, ws);
        const total = ws.reduce<DecimalJs>((a, w) => a.plus(new Exact(w)), new Exact(0));
        const unit = new Exact(10).pow(-minorUnits(m.currency));
        const amount = new Exact(m.amount.toFixed());
        shares.forEach((s, i) => {
          // |share − amount·w/Σw| < unit  ⇔  |share·Σw − amount·w| < unit·Σw  (exact, no division)
          const share = new Exact(s.amount.toFixed());
          const w = new Exact(ws[i] as string | number);
          expect(share.times(total).minus(amount.times(w)).abs().lt(unit.times(total))).toBe(true);
          if (!share.isZero()) expect(share.isNegative()).toBe(amount.isNegative());
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("a zero weight always gets a zero share", () => {
    fc.assert(
      fc.property(allocation, fc.nat(12), ({ m, ws }, at) => {
        const withZero = [...ws.slice(0, at), 0, ...ws.slice(at)];
        const idx = Math.min(at, ws.length);
        const shares = allocateMoney(m, withZero);
        expect(shares[idx]?.amount.isZero()).toBe(true);
        // Inserting a zero weight does not change the other shares.
        const others = [...shares.slice(0, idx), ...shares.slice(idx + 1)];
        expect(amounts(others)).toEqual(amounts(allocateMoney(m, ws)));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("is deterministic, and a negative amount gives the negated allocation", () => {
    fc.assert(
      fc.property(allocation, ({ m, ws }) => {
        const a = amounts(allocateMoney(m, ws));
        expect(amounts(allocateMoney(m, ws))).toEqual(a);
        const negated = money(m.amount.negated(), m.currency);
        const b = amounts(allocateMoney(negated, ws));
        b.forEach((x, i) => expect(new PmoDecimal(x).plus(new PmoDecimal(a[i] as string)).isZero()).toBe(true));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("scaling all weights by a constant does not change the allocation", () => {
    fc.assert(
      fc.property(allocation, fc.integer({ min: 1, max: 1000 }), ({ m, ws }, k) => {
        const scaled = ws.map((w) => new PmoDecimal(w).times(k).toFixed());
        expect(amounts(allocateMoney(m, scaled))).toEqual(amounts(allocateMoney(m, ws)));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
