import { describe, expect, it } from "vitest";
import { firstIssuePath } from "../support/errors.js";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph } from "../../src/traceability/index.js";

/*
 * A requirement's `type` (an artifact's `artifactType`) decides which rule measures it. A misspelt or missing one
 * matched no rule, so the item dropped out of every coverage level unseen: FR-2 typed "fnctional" left the functional
 * level at 1 item, 1 covered — 100 % — while FR-2 had no test at all. The same hazard was already refused for a type
 * read through the rules' `typeFields` (a requirement's `level`); now the built-in fields are checked the same way.
 */

const req = (id: string, type?: string) => ({ id, key: id, title: id, statement: `Statement of ${id}`, ...(type === undefined ? {} : { type }) });
const rules = { items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"] }] }, { type: "code", needs: [{ anyOf: ["test-case"] }] }] };
const verified = {
  testCases: [{ id: "TC-1", key: "TC-1", title: "Test FR-1" }],
  links: [{ id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies" }],
} as const;

describe("an item type no rule can know", () => {
  it("a misspelt requirement type is refused at its path; before, the functional level read 100 % without it", () => {
    const input = { requirements: [req("FR-1", "functional"), req("FR-2", "fnctional")], ...verified };
    // Before: levels functional = 1 item, 1 covered, shallowPercent 100.
    expect(firstIssuePath(() => analyzeTraceability(input, rules))).toEqual(["requirements", 1, "type"]);
    expect(() => analyzeTraceability(input, rules)).toThrow(/unknown item type "fnctional" in type/);
    // Spelt right, FR-2 is a gap and the level reads 50 %.
    const level = analyzeTraceability({ ...input, requirements: [req("FR-1", "functional"), req("FR-2", "functional")] }, rules).levels.find((l) => l.type === "functional")!;
    expect([level.items, level.shallowCovered, level.shallowPercent.value?.toString(), level.gaps]).toEqual([2, 1, "50", ["requirement:FR-2"]]);
  });

  it("a missing requirement type and a misspelt artifact type are refused too", () => {
    expect(firstIssuePath(() => analyzeTraceability({ requirements: [req("FR-1", "functional"), req("FR-2")] }, rules))).toEqual(["requirements", 1, "type"]);
    expect(firstIssuePath(() => analyzeTraceability({ artifacts: [{ id: "C-1", artifactType: "kode", name: "Sync job" }] }, rules))).toEqual(["artifacts", 0, "artifactType"]);
  });

  it("as an edit: the refused edit changes nothing", () => {
    const analysis = analyzeTraceGraph(buildTraceGraph({ requirements: [req("FR-1", "functional")], ...verified }, rules));
    expect(firstIssuePath(() => analysis.apply({ type: "item-changed", kind: "requirement", item: req("FR-1", "fnctional"), at: "2026-03-01T00:00:00.000Z" }))).toEqual(["item", "type"]);
    expect(analysis.result().levels.find((l) => l.type === "functional")?.items).toBe(1);
  });

  it("a type declared in the rules' itemTypes is accepted, and a type field's value still takes precedence", () => {
    const own = { itemTypes: ["software"], typeFields: { requirement: "level" }, items: [{ type: "software", needs: [{ anyOf: ["test-case"] }] }] };
    const r = analyzeTraceability({ requirements: [{ ...req("SW-1", "software") }, { ...req("SW-2", "functional"), level: "software" }] }, own);
    expect(r.levels.map((l) => [l.type, l.items])).toEqual([["software", 2]]);
  });
});
