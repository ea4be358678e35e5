import { describe, expect, it } from "vitest";
import {
  analyzeTraceGraph,
  analyzeTraceability,
  buildTraceGraph,
  clearSuspects,
  fingerprintOf,
  requirementFingerprint,
  reviewLink,
  type TraceInput,
  type TraceRulesInput,
} from "../../src/traceability/index.js";
import { link, req, run, T0, tc } from "./helpers.js";

// Suspect links (Doorstop, Jama, DOORS Next), Xray's requirement statuses and the definitions beyond the anchors
// (stale evidence, transitive suspicion, acknowledgement), each on a hand-built graph.

const T1 = "2026-04-01T09:00:00.000Z";
const T2 = "2026-05-01T09:00:00.000Z";
const T3 = "2026-06-01T09:00:00.000Z";

/** BR-1 ← SR-1 (derives) ← FR-1 (refines) ← TC-1 (verifies), every link reviewed at T0 against current content. */
function chain(): TraceInput & { links: ReturnType<typeof link>[] } {
  const requirements = [req("BR-1", "business"), req("SR-1", "stakeholder"), req("FR-1", "functional")];
  const fp = (id: string) => requirementFingerprint(requirements.find((r) => r.id === id)!);
  return {
    requirements,
    testCases: [tc("TC-1")],
    links: [
      link("SR-1", "derives", "BR-1", { targetFingerprint: fp("BR-1"), reviewedAt: T0 as never }),
      link("FR-1", "refines", "SR-1", { targetFingerprint: fp("SR-1"), reviewedAt: T0 as never }),
      link("TC-1", "verifies", "FR-1", { targetFingerprint: fp("FR-1"), reviewedAt: T0 as never }),
    ],
  };
}

describe("suspect links", () => {
  it("Doorstop: a link whose recorded fingerprint differs from the target's current one is suspect; none recorded = needs review", () => {
    const input = chain();
    const changed = { ...input, requirements: input.requirements!.map((r) => (r.id === "FR-1" ? { ...r, statement: "Changed" } : r)) };
    const rules: TraceRulesInput = { suspects: { transitiveLinkTypes: [], depth: 0 } };
    expect(analyzeTraceability(input, rules).suspects).toEqual([]);
    const r = analyzeTraceability({ ...changed, links: [...changed.links, link("TC-1", "verifies", "SR-1")] }, rules);
    expect(r.suspects.map((s) => [s.link, s.reason, s.origin])).toEqual([["TC-1>verifies>FR-1", "direct", "requirement:FR-1"]]);
    expect(r.unreviewedLinks).toEqual(["TC-1>verifies>SR-1"]);
  });

  it("Jama trigger fields: only the configured fields make links suspect", () => {
    const rules: TraceRulesInput = { triggerFields: { requirement: ["statement", "acceptanceCriteria"] } };
    const input = chain();
    const g = buildTraceGraph(input, rules);
    const fr = g.item("requirement:FR-1")!;
    expect(fr.triggerFingerprint).toBe(fingerprintOf(fr.entity, ["statement", "acceptanceCriteria"]));
    const relinked = input.links.map((l) => ({ ...l, targetFingerprint: g.item(`requirement:${l.to.id}`)!.triggerFingerprint }));
    const a = analyzeTraceGraph(buildTraceGraph({ ...input, links: relinked }, rules));
    // A new title is outside the trigger fields: nothing suspect, though the (acknowledgement) fingerprint moved.
    a.apply({ type: "item-changed", kind: "requirement", item: { ...fr.entity, id: "FR-1", title: "New title" }, at: T1 });
    expect(a.result().suspects).toEqual([]);
    expect(a.graph.item("requirement:FR-1")!.fingerprint).not.toBe(fr.fingerprint);
    a.apply({ type: "item-changed", kind: "requirement", item: { ...fr.entity, id: "FR-1", title: "New title", statement: "Now XLSX too" }, at: T2 });
    const s = a.result().suspects;
    expect(s.map((x) => x.link)).toEqual(["TC-1>verifies>FR-1"]);
    // Field-level diff since the review: only the statement (a trigger field) is listed.
    expect(s[0]!.changedFields).toEqual([{ field: "statement", before: "Statement of FR-1", after: "Now XLSX too" }]);
  });

  it("transitive: suspicion flows down the chain through the configured types and depth, with the blast radius", () => {
    const a = analyzeTraceGraph(buildTraceGraph(chain()));
    const br = a.graph.item("requirement:BR-1")!.entity;
    const delta = a.apply({ type: "item-changed", kind: "requirement", item: { ...br, id: "BR-1", statement: "Changed" }, at: T1 });
    expect(delta.suspects).toEqual([{ item: "requirement:BR-1", directLinks: 1, transitiveLinks: 2, blastRadius: 3 }]);
    expect(a.result().suspects.map((s) => [s.link, s.reason, s.distance])).toEqual([
      ["FR-1>refines>SR-1", "transitive", 2],
      ["SR-1>derives>BR-1", "direct", 1],
      ["TC-1>verifies>FR-1", "transitive", 3],
    ]);
    const shallow = analyzeTraceGraph(buildTraceGraph(chain(), { suspects: { depth: 1 } }));
    shallow.apply({ type: "item-changed", kind: "requirement", item: { ...br, id: "BR-1", statement: "Changed" }, at: T1 });
    expect(shallow.result().changedItems).toEqual([{ item: "requirement:BR-1", directLinks: 1, transitiveLinks: 1, blastRadius: 2 }]);
  });

  it("a link reviewed after the change stops the flow below it", () => {
    const input = chain();
    const links = input.links.map((l) => (l.id === "FR-1>refines>SR-1" ? { ...l, reviewedAt: T2 as never } : l));
    const a = analyzeTraceGraph(buildTraceGraph({ ...input, links }));
    a.apply({ type: "item-changed", kind: "requirement", item: { ...a.graph.item("requirement:BR-1")!.entity, id: "BR-1", statement: "x" }, at: T1 });
    expect(a.result().suspects.map((s) => s.link)).toEqual(["SR-1>derives>BR-1"]);
  });

  it("DOORS Next / Polarion: reviewing a suspect link makes it valid again; clearSuspects returns every updated link", () => {
    const input = chain();
    const a = analyzeTraceGraph(buildTraceGraph(input));
    a.apply({ type: "item-changed", kind: "requirement", item: { ...a.graph.item("requirement:BR-1")!.entity, id: "BR-1", statement: "x" }, at: T1 });
    const one = reviewLink(a, input.links[0]!, { at: T2, reviewedBy: "p-ana" });
    expect(one).toMatchObject({ targetFingerprint: a.graph.item("requirement:BR-1")!.triggerFingerprint, reviewedAt: T2, reviewedBy: "p-ana" });
    a.apply({ type: "link-updated", link: one });
    expect(a.result().suspects.map((s) => s.link)).toEqual([]); // the transitive ones flowed through the reviewed link
    a.apply({ type: "item-changed", kind: "requirement", item: { ...a.graph.item("requirement:FR-1")!.entity, id: "FR-1", statement: "y" }, at: T2 });
    const updated = clearSuspects(a, input.links, { at: T3 });
    expect(updated.map((l) => l.id)).toEqual(["TC-1>verifies>FR-1"]);
    for (const l of updated) a.apply({ type: "link-updated", link: l });
    expect(a.result().suspects).toEqual([]);
  });
});

describe("test evidence (Xray) and staleness", () => {
  const rules: TraceRulesInput = { parentLinkTypes: ["derives", "refines"] };
  const ids = ["OK", "NOK", "RUN", "UNK", "UNC"];
  const input: TraceInput = {
    requirements: [...ids.map((x) => req(`FR-${x}`, "functional")), req("BR-1", "business"), req("BR-2", "business")],
    testCases: ["a", "b", "c", "d", "e", "f", "g"].map((x) => tc(`TC-${x}`)),
    testRuns: [
      run("r1", "TC-a", "failed", T1), run("r2", "TC-a", "passed", T2), // latest run counts: a passed
      run("r3", "TC-b", "passed", T1), run("r4", "TC-c", "failed", T1),
      run("r5", "TC-d", "passed", T1), // TC-e never run (TODO)
      run("r6", "TC-f", "passed", T1), run("r7", "TC-g", "skipped", T1),
    ],
    links: [
      link("TC-a", "verifies", "FR-OK"),
      link("TC-b", "verifies", "FR-NOK"), link("TC-c", "verifies", "FR-NOK"),
      link("TC-d", "verifies", "FR-RUN"), link("TC-e", "verifies", "FR-RUN"),
      link("TC-f", "verifies", "FR-UNK"), link("TC-g", "verifies", "FR-UNK"),
      link("FR-NOK", "derives", "BR-1"), link("FR-OK", "derives", "BR-1"),
      link("FR-OK", "derives", "BR-2"), link("FR-UNC", "derives", "BR-2"),
    ],
  };
  const r = analyzeTraceability(input, rules);
  const status = (id: string) => r.evidence.find((e) => e.id === id)!;

  it("OK: all tests passed (from each test's latest run)", () => expect(status("FR-OK").own).toBe("OK"));
  it("NOK: at least one test failed", () => expect(status("FR-NOK").own).toBe("NOK"));
  it("NOT RUN: at least one test not run, none failed", () => expect(status("FR-RUN").own).toBe("NOT RUN"));
  it("UNKNOWN: at least one result that says nothing (skipped), none failed", () => expect(status("FR-UNK").own).toBe("UNKNOWN"));
  it("UNCOVERED: no tests", () => expect(status("FR-UNC").own).toBe("UNCOVERED"));

  it("rolls up to parents; an uncovered child does not dilute a parent's evidence", () => {
    expect([status("BR-1").own, status("BR-1").rolledUp]).toEqual(["UNCOVERED", "NOK"]);
    expect(status("BR-2").rolledUp).toBe("OK");
  });

  it("lists each test with its latest run", () => {
    expect(status("FR-OK").tests).toEqual([{ testCase: "test-case:TC-a", run: "test-run:r2", result: "passed", executedAt: T2, status: "OK" }]);
    expect(status("FR-RUN").tests.map((t) => [t.testCase, t.status, t.run])).toEqual([["test-case:TC-d", "OK", "test-run:r5"], ["test-case:TC-e", "NOT RUN", undefined]]);
  });

  it("is computed per software version and environment", () => {
    const scoped: TraceInput = {
      requirements: [req("FR-1", "functional")],
      testCases: [tc("TC-1")],
      testRuns: [run("u1", "TC-1", "failed", T2, { environment: "uat", softwareVersion: "2.0" }), run("s1", "TC-1", "passed", T1, { environment: "sit", softwareVersion: "2.0" })],
      links: [link("TC-1", "verifies", "FR-1")],
    };
    const a = analyzeTraceGraph(buildTraceGraph(scoped));
    expect(a.result().evidence[0]!.own).toBe("NOK");
    expect(a.evidenceFor({ environment: "sit" })[0]!.own).toBe("OK");
    expect(a.evidenceFor({ softwareVersion: "3.0" })[0]!.own).toBe("NOT RUN");
    expect(analyzeTraceability(scoped, {}, { evidenceScope: { environment: "uat", softwareVersion: "2.0" } }).evidence[0]!.own).toBe("NOK");
  });

  it("STALE: a pass older than a change of the test, the requirement or anything above it does not count as OK", () => {
    // The pass ran at T2. FR-1 changed at T1 (before: fresh); BR-1 above it changed at T3 (after: stale).
    const base: TraceInput = {
      requirements: [req("BR-1", "business"), req("FR-1", "functional", { updatedAt: T1 })],
      testCases: [tc("TC-1")],
      testRuns: [run("p", "TC-1", "passed", T2)],
      links: [link("TC-1", "verifies", "FR-1"), link("FR-1", "derives", "BR-1")],
    };
    expect(analyzeTraceability(base).evidence.map((e) => e.rolledUp)).toEqual(["OK", "OK"]);
    const brChanged = analyzeTraceability({ ...base, changedAt: { "requirement:BR-1": T3 } });
    expect(brChanged.evidence.map((e) => [e.id, e.own, e.rolledUp])).toEqual([["BR-1", "UNCOVERED", "STALE"], ["FR-1", "STALE", "STALE"]]);
    // The same, incrementally: BR-1 edited at T3 makes the pass below it stale.
    const a = analyzeTraceGraph(buildTraceGraph(base));
    const delta = a.apply({ type: "item-changed", kind: "requirement", item: { ...base.requirements![0]!, statement: "Changed" }, at: T3 });
    expect(delta.evidence).toEqual([{ item: "requirement:BR-1", rolledUp: "STALE" }, { item: "requirement:FR-1", rolledUp: "STALE" }]);
    const testChanged = analyzeTraceability({ ...base, testCases: [tc("TC-1", { updatedAt: T3 })] });
    expect(testChanged.evidence.find((e) => e.id === "FR-1")!.own).toBe("STALE");
    // A new pass after the change counts again.
    const rerun = analyzeTraceability({ ...base, changedAt: { "requirement:BR-1": T3 }, testRuns: [...base.testRuns!, run("q", "TC-1", "passed", "2026-07-01T09:00:00.000Z")] });
    expect(rerun.evidence.map((e) => e.rolledUp)).toEqual(["OK", "OK"]);
  });
});

describe("audience acknowledgement", () => {
  it("reports, per requirement and per person, who has not acknowledged the current version; a change reopens it", () => {
    const fr = req("FR-1", "functional", { audiences: ["developer", "dba", "operations"] });
    const fp = requirementFingerprint(fr);
    const input: TraceInput = {
      requirements: [fr],
      acknowledgements: [
        { id: "a1", requirementId: "FR-1", audienceRole: "developer", personId: "p-dev", fingerprint: fp, acknowledgedAt: T1 },
        { id: "a2", requirementId: "FR-1", audienceRole: "dba", personId: "p-dba", fingerprint: "0123456789abcdef", acknowledgedAt: T0 },
      ],
    };
    const people = [{ id: "p-ops", roles: ["operations"] }, { id: "p-gone", roles: ["operations"], active: false }, { id: "p-dev", roles: ["developer"] }];
    const a = analyzeTraceGraph(buildTraceGraph(input), { people });
    const r = a.result();
    expect(r.acknowledgements).toEqual([
      {
        requirementId: "FR-1",
        fingerprint: fp,
        audiences: [
          { audience: "developer", status: "acknowledged", current: ["p-dev"], outdated: [] },
          { audience: "dba", status: "stale", current: [], outdated: ["p-dba"] },
          { audience: "operations", status: "missing", current: [], outdated: [] },
        ],
        pending: ["dba", "operations"],
      },
    ]);
    expect(r.pendingByPerson).toEqual([
      { personId: "p-dba", items: [{ requirementId: "FR-1", audience: "dba", reason: "changed-since" }] },
      { personId: "p-ops", items: [{ requirementId: "FR-1", audience: "operations", reason: "not-yet" }] },
    ]);
    const delta = a.apply({ type: "item-changed", kind: "requirement", item: { ...fr, statement: "Changed" }, at: T2 });
    expect(delta.acknowledgements[0]!.pending).toEqual(["developer", "dba", "operations"]);
    const newFp = a.graph.item("requirement:FR-1")!.fingerprint;
    const d2 = a.apply({ type: "acknowledged", acknowledgement: { id: "a3", requirementId: "FR-1", audienceRole: "dba", personId: "p-dba", fingerprint: newFp, acknowledgedAt: T3 } });
    expect(d2.acknowledgements[0]!.pending).toEqual(["developer", "operations"]);
  });
});
