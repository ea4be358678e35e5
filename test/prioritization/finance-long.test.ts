import { afterEach, describe, expect, it, vi } from "vitest";
import { PmoDecimal } from "../../src/core/index.js";
import { irr, xirr, xnpv } from "../../src/prioritization/index.js";

/*
 * Long schedules: 100 years of monthly flows (1,200), as a PMO user may enter for a long-lived asset.
 * Speed is measured in `npm run bench` (prioritization group), never here. These tests pin the values against an
 * independent reference (mpmath at 60 digits, script below) and count the expensive decimal work, which is what
 * made XIRR take ~14 s: one 34-digit `pow` per flow per evaluation, and ~32 exact evaluations near −100 % that the
 * float scan could not judge because its terms overflowed.
 *
 *   from mpmath import mp, mpf, findroot, power; from datetime import date; mp.dps = 60
 *   fl = [((date(2026 + i // 12, i % 12 + 1, 1) - date(2026, 1, 1)).days,
 *          mpf(-1000000) if i == 0 else mpf(9000 + (i * 37) % 500) + mpf("0.25")) for i in range(1200)]
 *   xnpv = lambda r: sum(a / power(1 + mpf(r), mpf(d) / 365) for d, a in fl)
 *   xnpv(mpf("0.1")), xnpv(mpf("-0.5")), findroot(xnpv, mpf("0.11"))
 *   npv = lambda r: sum(a / (1 + r) ** i for i, (d, a) in enumerate(fl))
 *   findroot(npv, (mpf("0.009"), mpf("0.0095")), solver="anderson", tol=mpf("1e-80"))
 */

function monthly(): { date: string; amount: string }[] {
  return Array.from({ length: 1200 }, (_, i) => ({
    date: `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
    amount: i === 0 ? "-1000000" : `${9000 + ((i * 37) % 500)}.25`,
  }));
}

/** Counts calls of the given Decimal methods (every decimal.js clone shares one prototype) while `fn` runs. */
function countCalls(methods: readonly ("pow" | "ln" | "exp" | "times")[], fn: () => unknown): number {
  const proto = Object.getPrototypeOf(new PmoDecimal(1)) as Record<string, (...a: unknown[]) => unknown>;
  let calls = 0;
  for (const m of methods) {
    const original = proto[m]!;
    vi.spyOn(proto, m).mockImplementation(function (this: unknown, ...args: unknown[]) {
      calls++;
      return original.apply(this, args);
    });
  }
  fn();
  vi.restoreAllMocks();
  return calls;
}

afterEach(() => vi.restoreAllMocks());

describe("finance on 1,200 monthly flows", () => {
  const flows = monthly();

  it("xnpv equals the 60-digit reference and takes a handful of powers, not one per flow", () => {
    expect(xnpv("0.1", flows).value!.minus("159462.4071643642377222473659245447791694").abs().lte("1e-27")).toBe(true);
    // At −50 % the late flows dominate (2^100 ≈ 1.3e30): still 34 significant digits.
    expect(xnpv("-0.5", flows).value!.minus("206070272215555397816002801148978029.7238").abs().lte("1e3")).toBe(true);
    // Before: one 34-digit pow per flow after the first (1,199). Now one ln and one exp for (1 + r)^(1/365) and
    // one integer power per distinct gap between dates (28, 29, 30 and 31 days).
    expect(countCalls(["pow", "ln", "exp"], () => xnpv("0.1", flows))).toBeLessThanOrEqual(6);
  });

  it("xirr equals the 60-digit reference with few exact evaluations", () => {
    let m: ReturnType<typeof xirr> | undefined;
    // Before: 39 exact evaluations × 1,199 powers = 46,761 calls (32 of the evaluations near −100 %, where the
    // float scan overflowed). Now the scan judges those cells itself: a handful of evaluations, ≤ 6 calls each.
    const calls = countCalls(["pow", "ln", "exp"], () => (m = xirr(flows)));
    expect(m!.value!.minus("0.1167764603221162815763413910912793920773").abs().lte("1e-30")).toBe(true);
    expect(m!.roots).toHaveLength(1);
    expect(calls).toBeLessThanOrEqual(60);
  });

  it("irr equals the 60-digit reference with few exact evaluations", () => {
    let m: ReturnType<typeof irr> | undefined;
    // One exact NPV evaluation multiplies 2 × 1,200 times (Horner for the value and the slope) + 2. Before: about
    // 40 evaluations (the float scan overflowed near −100 %, so every cell there was judged in decimals).
    const calls = countCalls(["times"], () => (m = irr(flows.map((f) => f.amount))));
    expect(m!.value!.minus("0.009250338575679014525156726879973755887783").abs().lte("1e-30")).toBe(true);
    expect(calls).toBeLessThanOrEqual(10 * 2402);
  });

});
