import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, diffFields, diffTraceBaselines, fingerprintOf, impactOf, requirementFingerprint, traceMatrix, type TraceInput, type TraceRulesInput } from "../../src/traceability/index.js";
import { firstIssuePath } from "../support/errors.js";
import { ORDINARY, expectSameModuloRenaming, prototypeSnapshot } from "./hostile-keys.js";
import { art, run, tc, T0 } from "../traceability/helpers.js";
import type { TraceEntity, TraceItemKind } from "../../src/traceability/index.js";

let before: unknown;
beforeEach(() => { before = prototypeSnapshot(); });
afterEach(() => { expect(prototypeSnapshot()).toEqual(before); });

const [k0, k1, k2, k3, k4, k5] = ORDINARY as [string, string, string, string, string, string];
const T1 = "2026-04-01T09:00:00.000Z";

/*
 * The small office of test/traceability/impact-diff-matrix.test.ts with ids and requirement types as tokens:
 * k1 (type k1, declared in the rules' itemTypes: an undeclared type is refused, and `__proto__` cannot be declared) ← k2 (derives) ← k3, k4 (refines); artifact k5 (artifact type k1) implements k3; TC-1 verifies k3
 * (passed), TC-2 verifies k4 (never run). Built from the names, so fingerprints follow the renaming.
 */
const office = (n: { ids: string[]; type: string }): TraceInput => {
  const [a, b, c, d, e] = n.ids as [string, string, string, string, string];
  const req = (id: string, type: string): TraceEntity => ({ id, key: id, type, title: `Title of ${id}`, statement: `Statement of ${id}`, acceptanceCriteria: [], verificationMethod: "test", status: "approved", updatedAt: T0 });
  const requirements = [req(a, n.type), req(b, "stakeholder"), req(c, "functional"), req(d, "functional")];
  const fp = (id: string) => requirementFingerprint(requirements.find((r) => r.id === id)!);
  const ref = (kind: TraceItemKind, id: string) => ({ kind, id });
  const link = (from: [TraceItemKind, string], linkType: string, to: string) => ({ id: `${from[1]}>${linkType}>${to}`, from: ref(...from), to: ref("requirement", to), linkType, createdAt: T0, targetFingerprint: fp(to) });
  return {
    requirements,
    artifacts: [art(e, n.type)],
    testCases: [tc("TC-1"), tc("TC-2")],
    testRuns: [run("R-1", "TC-1", "passed", T1)],
    links: [
      link(["requirement", b], "derives", a),
      link(["requirement", c], "refines", b),
      link(["requirement", d], "refines", b),
      link(["artifact", e], "implements", c),
      link(["test-case", "TC-1"], "verifies", c),
      link(["test-case", "TC-2"], "verifies", d),
    ],
    changedAt: { [`requirement:${c}`]: T0 },
  };
};
const names = () => ({ ids: [k1, k2, k3, k4, k5], type: k1 });
const rules = (n: { type: string }): TraceRulesInput => ({ itemTypes: [n.type] });

describe("traceability: item ids and types named like Object.prototype members", () => {
  it("the ordinary office gives the hand-derived impact", () => {
    const down = impactOf(buildTraceGraph(office(names()), rules(names())), [`requirement:${k2}`], { direction: "downstream" });
    expect(down.items.map((i) => [i.item, i.distance])).toEqual([[`requirement:${k3}`, 1], [`requirement:${k4}`, 1], [`artifact:${k5}`, 2], ["test-case:TC-1", 2], ["test-case:TC-2", 2]]);
  });

  it("analysis, impact (byType), matrix and baseline diff give the same answers", async () => {
    await expectSameModuloRenaming(names(), (n) => analyzeTraceGraph(buildTraceGraph(office(n), rules(n))));
    await expectSameModuloRenaming(names(), (n) => impactOf(buildTraceGraph(office(n), rules(n)), [`requirement:${n.ids[1]}`], { direction: "downstream" }));
    await expectSameModuloRenaming(names(), (n) => impactOf(buildTraceGraph(office(n), rules(n)), ["test-case:TC-1"], { direction: "upstream" }));
    await expectSameModuloRenaming(names(), (n) => traceMatrix(analyzeTraceGraph(buildTraceGraph(office(n), rules(n))), { rowTypes: ["functional", n.type], columns: [{ label: "Code", itemTypes: [n.type], linkTypes: ["implements"] }] }));
    await expectSameModuloRenaming(names(), (n) => {
      const a = office(n);
      return diffTraceBaselines(a, { ...a, links: a.links!.slice(1) }, rules(n));
    });
  });

  it("a requirement or artifact type named like a prototype member that the rules do not declare is refused at its path", () => {
    for (const type of [k0, "__proto__", "constructor", "toString"]) {
      const input = office({ ids: [k1, k2, k3, k4, k5], type });
      expect(firstIssuePath(() => analyzeTraceability(input))).toEqual(["requirements", 0, "type"]);
      expect(firstIssuePath(() => analyzeTraceability({ artifacts: input.artifacts! }))).toEqual(["artifacts", 0, "artifactType"]);
    }
  });
});

describe("traceability: fingerprint fields named like Object.prototype members", () => {
  const item = (v: string) => ({ [k0]: v, [k1]: "b", [k2]: ["c"] });
  it("fingerprintOf covers them and diffFields reports their changes, including a field one side lacks", async () => {
    const fields = [k0, k1, k2, k3];
    await expectSameModuloRenaming({ a: item("x"), again: item("x"), b: item("y"), fields }, ({ a, again, b, fields }) => ({
      same: fingerprintOf(a, fields) === fingerprintOf(again, fields),
      moved: fingerprintOf(a, fields) !== fingerprintOf(b, fields),
      diff: diffFields(a, b, fields),
      missing: diffFields({}, a, fields),
    }));
    // A changed __proto__ field moves the fingerprint (it was dropped from the fingerprinted copy).
    const withProto = (v: string) => JSON.parse(`{"__proto__": "${v}", "title": "t"}`) as Record<string, unknown>;
    expect(fingerprintOf(withProto("a"), ["__proto__", "title"])).not.toBe(fingerprintOf(withProto("b"), ["__proto__", "title"]));
    expect(diffFields({ title: "t" }, { title: "t", constructor: "x" }, ["constructor"])).toEqual([{ field: "constructor", before: undefined, after: "x" }]);
  });
});
