import { describe, expect, it } from "vitest";
import { firstIssuePath } from "../support/errors.js";
import { analyzeTraceGraph, buildTraceGraph, type TraceEdit } from "../../src/traceability/index.js";

/*
 * An edit is checked as a graph build checks its input, at the edit's own paths, before anything changes. Before: an
 * edit type misspelt ("item-chnged") changed nothing without a word (the delta was empty, as for an edit that changed
 * nothing); a misspelt `at` ("when") was ignored and the change dated by the item's updatedAt; a kind misspelt
 * ("requirment") or a link without ends threw a TypeError midway; a record without an id became the item
 * `requirement:undefined`; a link end of no known kind was kept as a dangling link (the build refuses it).
 */

const fr = (statement: string) => ({ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement, updatedAt: "2026-01-01T00:00:00.000Z" });
const analysis = () => analyzeTraceGraph(buildTraceGraph({
  requirements: [fr("Quotes go out the same day.")],
  testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }],
  links: [{ id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies" }],
}));
const pathOf = (edit: unknown) => {
  const a = analysis();
  const before = JSON.stringify(a.result());
  const path = firstIssuePath(() => a.apply(edit as TraceEdit));
  // A refused edit changes nothing.
  expect(JSON.stringify(a.result())).toBe(before);
  return path;
};
const link = { id: "tl-2", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies" };

describe("edits are checked before they change anything", () => {
  it("an unknown edit type, an unknown key and a misspelt kind are refused at their paths", () => {
    expect(pathOf({ type: "item-chnged", kind: "requirement", item: fr("x") })).toEqual(["type"]);
    expect(pathOf({ type: "item-changed", kind: "requirement", item: fr("x"), when: "2026-03-01T00:00:00.000Z" })).toEqual(["when"]);
    expect(pathOf({ type: "item-changed", kind: "requirment", item: fr("x") })).toEqual(["kind"]);
    expect(pathOf({ type: "link-added", link, at: "2026-03-01T00:00:00.000Z" })).toEqual(["at"]);
    expect(pathOf(null)).toEqual(["type"]); // no edit, so no edit type
  });

  it("the record is checked as the build checks it: id, ends, link type, acknowledgement fields", () => {
    const { id: _id, ...noId } = fr("x");
    expect(pathOf({ type: "item-changed", kind: "requirement", item: noId })).toEqual(["item", "id"]);
    expect(pathOf({ type: "link-added", link: { id: "tl-2", to: link.to, linkType: "verifies" } })).toEqual(["link", "from"]);
    expect(pathOf({ type: "link-updated", link: { ...link, from: { kind: "test-cas", id: "TC-1" } } })).toEqual(["link", "from", "kind"]);
    expect(pathOf({ type: "link-added", link: { ...link, linkType: 7 } })).toEqual(["link", "linkType"]);
    expect(pathOf({ type: "acknowledged", acknowledgement: { id: "ack-1", acknowledgedAt: "2026-03-01T00:00:00.000Z" } })).toEqual(["acknowledgement"]);
    // The paths the edit checks had before are kept.
    expect(pathOf({ type: "item-changed", kind: "requirement", item: fr("x"), at: "yesterday" })).toEqual(["at"]);
    expect(pathOf({ type: "run-recorded", run: { id: "R-1", testCaseId: "TC-1", result: "passed" } })).toEqual(["run", "executedAt"]);
  });

  it("a well-formed edit still applies, its at dating the change", () => {
    const a = analysis();
    a.apply({ type: "item-changed", kind: "requirement", item: fr("Quotes go out within the hour."), at: "2026-03-01T00:00:00Z" });
    a.apply({ type: "run-recorded", run: { id: "R-1", testCaseId: "TC-1", result: "passed", executedAt: "2026-02-01T00:00:00.000Z", environment: "sit", defectIds: [] } });
    // The pass of 02-01 ran before the change of 03-01: STALE.
    expect(a.result().evidence.map((e) => [e.id, e.own])).toEqual([["FR-1", "STALE"]]);
    a.apply({ type: "link-removed", linkId: "tl-1" });
    expect(a.result().evidence.map((e) => [e.id, e.own])).toEqual([["FR-1", "UNCOVERED"]]);
  });
});
