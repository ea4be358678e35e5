import { describe, expect, it } from "vitest";
import { isOpenRequest, type ProjectRequest } from "../../src/entities/index.js";
import { analyzeOffice, DEMO_ENVELOPE, INTAKE_MODEL, intakeProblem, sampleOfficeRecords, SAMPLE_STATUS_DATE } from "../../src/office/index.js";
import { scoreRequests } from "../../src/prioritization/index.js";
import { selectPortfolio } from "../../src/selection/index.js";

// A request that depends on another can only be delivered with it. In the sample intake (examples/data) the FY2027
// candidates are REQ-2027-001, -002, -003 (mandatory), -004 (requires -002) and -007; the selection at the status date
// is {002, 003, 007}. REQ-2027-001 and -007 depend on converted requests (REQ-2026-001, REQ-2026-004): met.
// Before: a dependency on a request that is not a candidate (a draft, a rejected request, an open one without the
// ratings to be scored, an id not given) was dropped, so REQ-2027-007 was selected without its prerequisite.
const records = sampleOfficeRecords();
const withDeps = (deps: string[]): ProjectRequest[] =>
  records.request.map((r) => (r.id === "REQ-2027-007" ? { ...r, dependsOn: deps } : r));
const problemOf = (requests: readonly ProjectRequest[]) =>
  intakeProblem(requests, scoreRequests(requests.filter(isOpenRequest), INTAKE_MODEL, { asOf: SAMPLE_STATUS_DATE }), DEMO_ENVELOPE);

describe("intake dependencies that the selection cannot meet", () => {
  it("a dependency on a draft, rejected, unscored or unknown request forces the dependant out, naming each", async () => {
    const problem = problemOf(withDeps(["REQ-2026-004", "REQ-2027-006", "REQ-2027-005", "REQ-2027-009", "REQ-2027-404"]));
    const out = problem.constraints!.filter((c) => c.kind === "forced-out");
    expect(out).toEqual([{
      kind: "forced-out", candidate: "REQ-2027-007",
      reason: "it depends on REQ-2027-006 (draft), REQ-2027-005 (rejected), REQ-2027-009 (submitted, not scored: not a candidate), REQ-2027-404 (not among the requests given)",
    }]);
    const result = await selectPortfolio(problem, { gap: 0 });
    // Without 007 (value 59.1, EUR 146,000) the best plan within EUR 1,000,000 and 1,600 h: 002 + 003 (EUR 584,000,
    // 700 h) leaves EUR 416,000 and 900 h: 001 (EUR 500,000) does not fit, 004 (EUR 344,000, 500 h, requires 002) does.
    expect([result.status, result.selected]).toEqual(["optimal", ["REQ-2027-002", "REQ-2027-003", "REQ-2027-004"]]);
    expect(result.whyNot.find((w) => w.candidate === "REQ-2027-007")?.explanation).toContain("REQ-2027-006 (draft)");
  });

  it("a dependency on a converted request is met; one on another candidate is a requires constraint", () => {
    const problem = problemOf(withDeps(["REQ-2026-004", "REQ-2027-002"]));
    expect(problem.constraints!.filter((c) => c.kind === "forced-out")).toEqual([]);
    expect(problem.constraints!.filter((c) => c.kind === "requires")).toEqual([
      { kind: "requires", candidate: "REQ-2027-004", requires: "REQ-2027-002" },
      { kind: "requires", candidate: "REQ-2027-007", requires: "REQ-2027-002" },
    ]);
  });

  it("the office selection reads the converted requests too: the sample's dependencies on them stay met", async () => {
    const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
    expect(office.selection.result.selected).toEqual(["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"]);
    expect(office.selection.problem.constraints!.filter((c) => c.kind === "forced-out")).toEqual([]);
    // Given only the open requests, a dependency on a converted one cannot be told from an unknown id.
    const openOnly = problemOf(records.request.filter(isOpenRequest));
    expect(openOnly.constraints!.filter((c) => c.kind === "forced-out").map((c) => c.candidate)).toEqual(["REQ-2027-001", "REQ-2027-007"]);
  });
});
