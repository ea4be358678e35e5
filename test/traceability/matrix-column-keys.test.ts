import { describe, expect, it } from "vitest";
import { firstIssuePath } from "../support/errors.js";
import { analyzeTraceGraph, buildTraceGraph, traceMatrix, type MatrixColumn } from "../../src/traceability/index.js";

/*
 * A matrix column with a misspelt key kept that option's default: `{ label: "Tests", itemTypes: ["test-case"],
 * linktypes: ["verifies"] }` followed every link type, so a test that only depends on the requirement showed as its
 * test. The column's keys are checked as the options' are, at `["columns", i, key]`.
 */

const analysis = () => analyzeTraceGraph(buildTraceGraph({
  requirements: [{ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Quotes go out the same day." }],
  testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }, { id: "TC-2", key: "TC-2", title: "Quote load" }],
  links: [
    { id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies" },
    { id: "tl-2", from: { kind: "test-case", id: "TC-2" }, to: { kind: "requirement", id: "FR-1" }, linkType: "satisfies" },
  ],
}));

describe("traceMatrix columns: an unknown key is refused", () => {
  it("linktypes for linkTypes is refused at its path; before, the column showed TC-2 (satisfies) as a test too", () => {
    const typo = { label: "Tests", itemTypes: ["test-case"], linktypes: ["verifies"] } as unknown as MatrixColumn;
    expect(firstIssuePath(() => traceMatrix(analysis(), { rowTypes: ["functional"], columns: [typo] }))).toEqual(["columns", 0, "linktypes"]);
    const rtm = traceMatrix(analysis(), { rowTypes: ["functional"], columns: [{ label: "Tests", itemTypes: ["test-case"], linkTypes: ["verifies"] }] });
    expect(rtm.rows[0]?.cells[0]?.entries.map((e) => e.item)).toEqual(["test-case:TC-1"]);
  });
});
