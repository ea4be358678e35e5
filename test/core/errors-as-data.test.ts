import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as core from "../../src/core/index.js";
import {
  addMoney,
  formatMoney,
  isPmoError,
  minorUnits,
  money,
  roundMoney,
  roundingConstant,
  subtractMoney,
  sumMoney,
  multiplyMoney,
  decimal,
  ValidationError,
} from "../../src/core/index.js";

/** Runs fn and returns what it threw (undefined when it returned). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e;
  }
}

function expectValidation(fn: () => unknown, path?: readonly (string | number)[]): void {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ValidationError);
  if (path) expect((e as ValidationError).issues[0]?.path).toEqual(path);
}

describe("issue 12 #8: errors are data in core", () => {
  it("roundingConstant does not find Object.prototype members", () => {
    expectValidation(() => roundingConstant("constructor" as never));
    expectValidation(() => roundingConstant("toString" as never));
    expectValidation(() => roundingConstant("__proto__" as never));
  });

  it("roundMoney with an unknown rounding mode is a ValidationError, not decimal.js's error", () => {
    expectValidation(() => roundMoney(money("1.005", "EUR"), { rounding: "bankers" as never }));
    expectValidation(() => roundMoney(money("1.005", "EUR"), { rounding: "constructor" as never }));
  });

  it("minorUnits refuses codes it does not know instead of answering 2", () => {
    expectValidation(() => minorUnits("EURO"), ["currency"]);
    expect(minorUnits("JPY")).toBe(0);
  });

  it("formatMoney with a malformed locale is a ValidationError, not a RangeError", () => {
    expectValidation(() => formatMoney(money("1", "EUR"), { locale: "not a locale!!" }), ["options"]);
  });

  it("null and plain objects are refused where Money is expected", () => {
    expectValidation(() => addMoney(money("1", "EUR"), null as never), ["b"]);
    expectValidation(() => sumMoney(null as never), ["amounts"]);
    // A plain object that looks like money is not Money: its amount is a float, not a Decimal.
    expectValidation(() => addMoney(money("1", "EUR"), { amount: 1, currency: "EUR" } as never), ["b", "amount"]);
  });

  it("money beyond 34 significant digits refuses instead of dropping a cent", () => {
    const big = money(`1${"0".repeat(40)}`, "EUR"); // 10^40 is one significant digit: exact
    const cent = money("0.01", "EUR");
    // 10^40 + 0.01 needs 43 significant digits; a 34-digit decimal would round the cent away.
    expectValidation(() => addMoney(big, cent));
    expectValidation(() => subtractMoney(big, cent));
    expectValidation(() => sumMoney([big, cent]));
    expectValidation(() => money(`1${"0".repeat(40)}.01`, "EUR"), ["amount"]);
    // 1234567890123456789012345678901234 × 1.01 = 1246913…690246.34: 36 significant digits.
    expectValidation(() => multiplyMoney(money("1234567890123456789012345678901234", "EUR"), "1.01"));
    // Within 34 digits the result is exact.
    expect(addMoney(money("9999999999999999999999999999999.99", "EUR"), cent).amount.toFixed()).toBe(
      "10000000000000000000000000000000",
    );
    expect(core.moneyCodec.safeDecode({ amount: `1${"0".repeat(40)}.01`, currency: "EUR" }).success).toBe(false);
  });

  it("exponent notation is refused with a message that says so", () => {
    const e = thrown(() => decimal("1e12")) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.issues[0]?.message).toMatch(/exponent notation/);
  });
});

/** Wrong-typed values a JavaScript caller (or `any`) can pass. */
const wrong = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -1, 0.5, "", "x", "__proto__", "constructor", true, [], {}, [null]),
  fc.constantFrom<unknown>(Object.create(null), { amount: 1, currency: "EUR" }, { __proto__: { polluted: true } }, 10n),
  fc.constantFrom<unknown>(Symbol("s"), () => 1, new Date(Number.NaN)),
  fc.anything(),
);

describe("issue 12 #8: property — only pmokit errors escape core functions", () => {
  const functions = Object.entries(core).filter(
    (e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === "function" && !/^[A-Z]/.test(e[0]),
  );
  // Functions that take their arguments apart are in; schema objects and classes are not functions here.
  const skip = new Set<string>([
    // Metric helpers and working calendars are checked where their owners' tests live (see test/core/metric, calendar).
  ]);

  it("covers every exported core function", () => {
    expect(functions.length).toBeGreaterThan(50);
  });

  for (const [name, fn] of functions) {
    if (skip.has(name)) continue;
    it(`${name} throws only pmokit errors on wrong-typed arguments`, () => {
      fc.assert(
        fc.property(fc.array(wrong, { minLength: 0, maxLength: 4 }), (args) => {
          const e = thrown(() => fn(...args));
          if (e !== undefined && !isPmoError(e)) {
            throw new Error(`${name}(${args.map((a) => typeof a).join(", ")}) threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
          }
        }),
        { numRuns: 150, seed: 1204 },
      );
    });
  }
});
