// Strict annuity terms: a misspelt term (`fV`, `Type`) used to be ignored while its default ran — fv 0, payments at
// the period end — so annuityPayment answered for another loan. Each annuity function now refuses a key it does not
// take, at [key] (the terms' errors are at the key itself, e.g. ["rate"]), naming the terms it takes.
import { describe, expect, it } from "vitest";
import { annuityFutureValue, annuityPayment, annuityPeriods, annuityPresentValue, annuityRate } from "../../src/prioritization/index.js";
import { issuesOf } from "../support/errors.js";

const takes = (fn: string, keys: string) => `unknown option (${fn} takes ${keys})`;

describe("annuity terms refuse unknown keys", () => {
  it("annuityPayment: a misspelt fv was read as 0", () => {
    expect(issuesOf(() => annuityPayment({ rate: "0.01", nper: 12, pv: 1000, fV: 500 } as never))).toEqual([["fV", takes("annuityPayment", "rate, nper, pv, fv, type")]]);
    // A term another function takes is unknown here too: PMT solves for pmt.
    expect(issuesOf(() => annuityPayment({ rate: "0.01", nper: 12, pv: 1000, pmt: -10 } as never))).toEqual([["pmt", takes("annuityPayment", "rate, nper, pv, fv, type")]]);
    // The known terms still run: =PMT(0, 10, 1000) = −100 (1000 repaid in 10 equal payments without interest).
    expect(annuityPayment({ rate: 0, nper: 10, pv: 1000, fv: 0, type: 0 }).value?.toString()).toBe("-100");
  });

  it("the other annuity functions name their own terms", () => {
    expect(issuesOf(() => annuityPresentValue({ rate: 0, nper: 1, pmt: 1, Type: 1 } as never))).toEqual([["Type", takes("annuityPresentValue", "rate, nper, pmt, fv, type")]]);
    expect(issuesOf(() => annuityFutureValue({ rate: 0, nper: 1, pmt: 1, pv: 0, nPer: 2 } as never))).toEqual([["nPer", takes("annuityFutureValue", "rate, nper, pmt, pv, type")]]);
    // FV solves for fv: a given fv was ignored (FV(0, 1, 1, 0) is −1 whatever fv says) and is refused like pmt in PMT.
    expect(issuesOf(() => annuityFutureValue({ rate: 0, nper: 1, pmt: 1, pv: 0, fv: 5 } as never))).toEqual([["fv", takes("annuityFutureValue", "rate, nper, pmt, pv, type")]]);
    // The solved term is refused in each: PV given to PV, nper to NPER, rate to RATE.
    expect(issuesOf(() => annuityPresentValue({ rate: 0, nper: 1, pmt: 1, pv: 3 } as never)).map((i) => i[0])).toEqual(["pv"]);
    expect(issuesOf(() => annuityPeriods({ rate: 0, pmt: -1, pv: 10, nper: 10 } as never)).map((i) => i[0])).toEqual(["nper"]);
    expect(issuesOf(() => annuityRate({ nper: 10, pmt: -100, pv: 1000, rate: 0.1 } as never)).map((i) => i[0])).toEqual(["rate"]);
    expect(issuesOf(() => annuityPeriods({ rate: 0, pmt: -1, pv: 10, rat: 0 } as never))).toEqual([["rat", takes("annuityPeriods", "rate, pmt, pv, fv, type")]]);
    expect(issuesOf(() => annuityRate({ nper: 10, pmt: -100, pv: 1000, guess: 0.1 } as never))).toEqual([["guess", takes("annuityRate", "nper, pmt, pv, fv, type")]]);
  });
});
