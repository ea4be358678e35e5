// Seventh audit pass, strict options: a misspelt option key (`asof`, `stalAfterDays`) used to be ignored while the
// default ran. Every status function with an options object now refuses a key it does not know, at [key] (the
// layer's option errors are at the key itself, e.g. ["asOf"]), naming the keys it takes.
import { describe, expect, it } from "vitest";
import { ValidationError, decimal, isoDate } from "../../src/core/index.js";
import {
  changeRequestImpact, contingencyReserve, expectedMonetaryValue, issueAgeing, overdueActions, pendingDecisions,
  ragStatus, riskScore, statusReportInForce, DEFAULT_RISK_MATRIX,
} from "../../src/status/index.js";

function expectRefused(call: () => unknown, path: (string | number)[], takes: string, fn: string) {
  let err: unknown;
  try { call(); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).issues).toEqual([{ path, message: `unknown option (${fn} takes ${takes})`, code: "custom" }]);
}

const asOf = isoDate("2026-11-20");
const risk = { id: "r1", probability: decimal("0.5"), impact: 3, raisedOn: "2026-01-01" } as never;

describe("status: unknown option keys are refused", () => {
  it("riskScore and expectedMonetaryValue take asOf", () => {
    expectRefused(() => riskScore(risk, DEFAULT_RISK_MATRIX, { asof: asOf } as never), ["asof"], "asOf", "riskScore");
    expectRefused(() => expectedMonetaryValue(risk, { asof: asOf } as never), ["asof"], "asOf", "expectedMonetaryValue");
    // Correct call: P 0.5 falls in the default matrix's third band (up to 0.5), so score 3 × impact 3 = 9.
    expect(riskScore(risk, DEFAULT_RISK_MATRIX, {}).score.toString()).toBe("9");
  });

  it("ragStatus: a misspelt minimumRatedDimensions was ignored and the default of 2 coloured the report", () => {
    const project = { id: "p", code: "P", name: "P" } as never;
    const takes = "asOf, rules, figures, previous, override, highRisk, highRiskProbability, riskMatrix, minimumRatedDimensions, baseline, finishSlipUnit, calendar";
    expectRefused(() => ragStatus(project, { asOf, minimumRatedDimension: 1 } as never), ["minimumRatedDimension"], takes, "ragStatus");
    // Argument checks keep their messages (checkArguments' wording, without its table of kinds).
    expect(() => ragStatus(project, { asOf: "2026-13-01" } as never)).toThrow("asOf: expected a calendar date YYYY-MM-DD");
    expect(() => ragStatus(project, { asOf, figures: 5 } as never)).toThrow("figures: expected an object, got");
  });

  it("the RAID calculations", () => {
    expectRefused(() => contingencyReserve([], { currency: "EUR", asof: asOf } as never), ["asof"], "currency, asOf", "contingencyReserve");
    expectRefused(() => issueAgeing([], { asOf, today: asOf } as never), ["today"], "asOf", "issueAgeing");
    expectRefused(() => overdueActions([], { asOf, bogus: 1 } as never), ["bogus"], "asOf", "overdueActions");
    expectRefused(() => pendingDecisions([], { asof: asOf } as never), ["asof"], "asOf", "pendingDecisions");
    expectRefused(() => changeRequestImpact([], { currency: "EUR", bogus: 1 } as never), ["bogus"], "currency, asOf", "changeRequestImpact");
    expect(overdueActions([], { asOf })).toEqual([]);
    expect(contingencyReserve([], { currency: "EUR", asOf }).total.amount.toString()).toBe("0");
  });

  it("statusReportInForce", () => {
    expectRefused(() => statusReportInForce([], { projectId: "p", asOf, staleAfter: 10 } as never), ["staleAfter"],
      "projectId, asOf, staleAfterDays, minimumRatedDimensions", "statusReportInForce");
    expect(statusReportInForce([], { projectId: "p", asOf, staleAfterDays: 10 })).toBeUndefined();
  });
});
