import { describe, expect, it } from "vitest";
import { decimal, decodeEntity, isoDate, metric, type Action, type Decision, type Issue, type Risk } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { changeRequestImpact, contingencyReserve, issueAgeing, overdueActions, pendingDecisions, ragStatus } from "../../src/status/index.js";
import { firstIssuePath } from "../support/errors.js";

// The status calculators compare their as-of day with the records' days as strings. Unchecked, a day that is not
// YYYY-MM-DD gave a confident wrong answer: "2026-3-1" sorts after every day of 2026-01…2026-09 ("3" > "0"), and
// "yesterday" after every day at all, so every record counted as raised by then.

const o = loadSampleOffice();
const issues = o.issue.map((x) => decodeEntity("issue", x)) as Issue[];
const risks = o.risk.map((x) => decodeEntity("risk", x)) as Risk[];
const actions = o.action.map((x) => decodeEntity("action", x)) as Action[];
const decisions = o.decision.map((x) => decodeEntity("decision", x)) as Decision[];

const pathOf = firstIssuePath;

const BAD = ["2026-3-1", "2026-02-30", "yesterday", "2026-03-01T00:00:00.000Z"] as const;

describe("status calculators refuse an as-of day that is not a calendar date", () => {
  const calls: [string, (asOf: never) => unknown][] = [
    ["issueAgeing", (asOf) => issueAgeing(issues, { asOf })],
    ["overdueActions", (asOf) => overdueActions(actions, { asOf })],
    ["pendingDecisions", (asOf) => pendingDecisions(decisions, { asOf })],
    ["changeRequestImpact", (asOf) => changeRequestImpact([], { currency: "EUR", asOf })],
    ["contingencyReserve", (asOf) => contingencyReserve(risks, { currency: "EUR", asOf })],
    ["ragStatus", (asOf) => ragStatus({ id: "PRJ-CRM", issues, risks }, { asOf, figures: { spi: metric(decimal("1")) } })],
  ];
  for (const [name, call] of calls) {
    it(`${name}: ValidationError at ["asOf"] for ${BAD.join(", ")}`, () => {
      for (const bad of BAD) expect(pathOf(() => call(bad as never))).toEqual(["asOf"]);
    });
  }

  it("issueAgeing with a valid day still answers (the check refuses only bad days)", () => {
    // Every sample issue is raised by 2026-11-20, so none is "not yet raised".
    expect(issueAgeing(issues, { asOf: isoDate("2026-11-20") }).notYetRaised).toEqual([]);
  });
});
