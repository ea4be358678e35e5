import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PmoDecimal, irr, xirr, xnpv, type Decimal } from "../../src/index.js";

/** NPV at rate r with flow i at t = i, exact (34 digits). */
function npvAt(r: Decimal, flows: readonly string[]): Decimal {
  const v = new PmoDecimal(1).div(r.plus(1));
  let acc = new PmoDecimal(0);
  for (let i = flows.length - 1; i >= 0; i--) acc = acc.times(v).plus(flows[i]!);
  return acc;
}

describe("issue 16 #1: every IRR root is found", () => {
  it("finds both roots of -1, 2.24, -1.2543 that lie between two grid rates", () => {
    // NPV(v) = -1 + 2.24v - 1.2543v², v = 1/(1+r). Roots v = (2.24 ± 0.02)/2.5086 → 1+r = 1.11 and 1.13 exactly:
    // (1.11)(1.13) = 1.2543 and 1.11 + 1.13 = 2.24, so the quadratic is -(1 - 1.11v)(1 - 1.13v) · … with roots 11 % and 13 %.
    const m = irr(["-1", "2.24", "-1.2543"]);
    expect(m.roots.map((r) => r.toFixed(12))).toEqual(["0.110000000000", "0.130000000000"]);
    // The figure is the root nearest to the default guess 0.1, as a spreadsheet answers from its default guess.
    expect(m.value?.toFixed(12)).toBe("0.110000000000");
    expect(irr(["-1", "2.24", "-1.2543"], { guess: "0.2" }).value?.toFixed(12)).toBe("0.130000000000");
    expect(m.multipleRootsPossible).toBe(true);
  });

  it("reports a double root once (-1, 2.2, -1.21: NPV touches zero at 10 %)", () => {
    // -1 + 2.2v - 1.21v² = -(1 - 1.1v)²: one double root at v = 1/1.1, r = 10 %.
    const m = irr(["-1", "2.2", "-1.21"]);
    expect(m.roots.map((r) => r.toDecimalPlaces(10).toFixed(10))).toEqual(["0.1000000000"]);
  });

  it("says no-root-found only when no rate in the range makes NPV zero", () => {
    // -1 + v - v² has no real root (discriminant 1 - 4 < 0).
    const m = irr(["-1", "1", "-1"]);
    expect(m.reason).toBe("no-root-found");
    expect(m.roots).toEqual([]);
  });

  it("xirr shares the search: two roots between grid rates on yearly dates", () => {
    // Dates exactly 365 days apart give t = 0, 1, 2 years: the same polynomial as the irr case above.
    const flows = [
      { date: "2021-01-01", amount: "-1" },
      { date: "2022-01-01", amount: "2.24" },
      { date: "2023-01-01", amount: "-1.2543" },
    ];
    const m = xirr(flows);
    expect(m.roots.map((r) => r.toFixed(9))).toEqual(["0.110000000", "0.130000000"]);
    for (const r of m.roots) expect(xnpv(r, flows).value!.abs().lt("1e-20")).toBe(true);
  });

  it("property: with two or more sign changes, every reported root zeroes the NPV and no root in [-0.99, 10] is missed", () => {
    const flow = fc.integer({ min: -500, max: 500 }).map((n) => (n / 4).toString());
    const flowsArb = fc
      .array(flow, { minLength: 3, maxLength: 6 })
      .filter((fs) => {
        let changes = 0;
        let last = 0;
        for (const f of fs) {
          const s = Math.sign(Number(f));
          if (s !== 0 && last !== 0 && s !== last) changes++;
          if (s !== 0) last = s;
        }
        return changes >= 2;
      });
    // Dense exact sampling of [-0.99, 10]: 0.01 steps. Every sign change seen there must contain a reported root.
    const grid: Decimal[] = [];
    for (let k = 0; k <= 1099; k++) grid.push(new PmoDecimal(-0.99).plus(new PmoDecimal(k).div(100)));
    fc.assert(
      fc.property(flowsArb, (flows) => {
        const m = irr(flows);
        const scale = flows.reduce((a, f) => PmoDecimal.max(a, new PmoDecimal(f).abs()), new PmoDecimal(1));
        for (const r of m.roots) {
          // NPV(root) ≈ 0 relative to the largest term at that rate (terms grow as r → -1).
          const v = new PmoDecimal(1).div(r.plus(1));
          const termScale = scale.times(PmoDecimal.max(v, 1).pow(flows.length));
          expect(npvAt(r, flows).abs().lte(termScale.times("1e-20"))).toBe(true);
        }
        let prev = npvAt(grid[0]!, flows);
        for (let k = 1; k < grid.length; k++) {
          const cur = npvAt(grid[k]!, flows);
          if (!prev.isZero() && !cur.isZero() && prev.isNegative() !== cur.isNegative()) {
            const lo = grid[k - 1]!;
            const hi = grid[k]!;
            expect(m.roots.some((r) => r.gte(lo) && r.lte(hi))).toBe(true);
          }
          if (cur.isZero()) expect(m.roots.some((r) => r.minus(grid[k]!).abs().lt("1e-20"))).toBe(true);
          prev = cur;
        }
      }),
      { numRuns: 40, seed: 16 },
    );
  }, 60_000); // exact dense sampling (1,100 rates × 40 cases) is slow on a loaded machine
});

describe("finance audit 4: a root is refined to its last digit", () => {
  // When the Newton step fell below the root's last digit, the step "left" the bracket and ~50 bisection steps
  // followed, stopping anywhere within the 1e-28 tolerance: IRR-23 of the Calc differential came out
  // 1.430980073865939881047812358916269 (2e-28 off). References: mpmath at 70 digits, findroot on the same sums.
  it("irr of IRR-23 (Calc differential) to 1e-33", () => {
    const m = irr(["-7777.07", "0", "24565.10", "29045.39", "26056.77", "49950.92", "38432.61", "31831.19", "0", "20422.09", "44106.33", "24809.36"]);
    expect(m.value!.minus("1.4309800738659398810478123587084439915541235").abs().lte("1e-33")).toBe(true);
  });

  it("xirr of XIRR-11 (Calc differential) to 1e-33", () => {
    // Days 0, 334, 497: Σ a_i / (1 + r)^(d_i/365) = 0 near −99.66 %. Before: …7544195905 (8e-29 off).
    const m = xirr([
      { date: "2021-07-16", amount: "-33871.28" }, { date: "2022-06-15", amount: "-95775.13" }, { date: "2022-11-25", amount: "7559.73" },
    ]);
    expect(m.value!.minus("-0.996621084249264338034824754579036972839921909").abs().lte("1e-33")).toBe(true);
  });
});
