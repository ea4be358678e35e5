import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, requirementFingerprint, type TraceInput } from "../../src/traceability/index.js";
import { link, req, run, tc } from "./helpers.js";
import { validationErrorOf } from "../support/errors.js";

// Traceability compares its times (run executedAt, acknowledgedAt, link reviewedAt, changedAt) with asOf and with each
// other as strings. Strings order instants only in the canonical form: "2026-03-10T10:00:00Z" sorts after
// "2026-03-10T10:00:00.000Z" ("Z" > "."), so the same instant written without milliseconds used to count as later
// than asOf — an acknowledgement given exactly at asOf was ignored — and "yesterday" was accepted as a time.

const AS_OF = "2026-03-10T10:00:00.000Z";
const SAME_NO_MILLIS = "2026-03-10T10:00:00Z";

const err = validationErrorOf;

describe("times in traceability input are UTC instants, compared in canonical form", () => {
  it("an acknowledgement given at asOf, written without milliseconds, counts", () => {
    const fr = req("FR-1", "functional", { audiences: ["operations"] });
    const ack = { id: "ack-1", requirementId: "FR-1", audienceRole: "operations", personId: "p-ops", fingerprint: requirementFingerprint(fr), acknowledgedAt: SAME_NO_MILLIS };
    const r = analyzeTraceability({ requirements: [fr], acknowledgements: [ack] }, {}, { asOf: AS_OF });
    expect(r.acknowledgements[0]!.audiences[0]).toMatchObject({ audience: "operations", status: "acknowledged" });
    // The same through an edit of the incremental analysis.
    const a = analyzeTraceGraph(buildTraceGraph({ requirements: [fr] }), { asOf: AS_OF });
    expect(a.apply({ type: "acknowledged", acknowledgement: ack }).acknowledgements[0]!.pending).toEqual([]);
  });

  it("a run executed at asOf without milliseconds has happened; one a second later has not", () => {
    // TC-1 failed on 03-09, then a pass at exactly asOf (written "…10:00:00Z"): OK as of asOf. A pass at 10:00:01 is
    // after asOf: the failure stands, NOK.
    const input = (passAt: string): TraceInput => ({
      requirements: [req("FR-1", "functional")],
      testCases: [tc("TC-1")],
      testRuns: [run("r1", "TC-1", "failed", "2026-03-09T10:00:00.000Z"), run("r2", "TC-1", "passed", passAt)],
      links: [link("TC-1", "verifies", "FR-1")],
    });
    expect(analyzeTraceability(input(SAME_NO_MILLIS), {}, { asOf: AS_OF }).evidence[0]!.own).toBe("OK");
    expect(analyzeTraceability(input("2026-03-10T10:00:01Z"), {}, { asOf: AS_OF }).evidence[0]!.own).toBe("NOK");
  });

  it("a link reviewed at asOf without milliseconds was reviewed as of asOf", () => {
    const fr = req("FR-1", "functional");
    const input: TraceInput = {
      requirements: [fr],
      testCases: [tc("TC-1")],
      links: [link("TC-1", "verifies", "FR-1", { targetFingerprint: requirementFingerprint(fr), reviewedAt: SAME_NO_MILLIS })],
    };
    expect(analyzeTraceability(input, {}, { asOf: AS_OF }).unreviewedLinks).toEqual([]);
    expect(analyzeTraceability(input, {}, { asOf: "2026-03-10T09:59:59.999Z" }).unreviewedLinks).toEqual(["TC-1>verifies>FR-1"]);
  });

  it("refuses what is not a UTC instant, every problem with its path", () => {
    const fr = req("FR-1", "functional", { updatedAt: "2026-03-01" });
    const e = err(() =>
      buildTraceGraph({
        requirements: [fr],
        testCases: [tc("TC-1")],
        testRuns: [run("r1", "TC-1", "passed", "yesterday")],
        links: [link("TC-1", "verifies", "FR-1", { reviewedAt: "2026-03-10T10:00:00+01:00" })],
        acknowledgements: [{ id: "a", requirementId: "FR-1", audienceRole: "ops", personId: "p", fingerprint: "x" } as never],
        changedAt: { "requirement:FR-1": "03/10/2026" },
      }),
    );
    expect(e.issues.map((i) => i.path.join("."))).toEqual([
      "requirements.0.updatedAt",
      "testRuns.0.updatedAt",
      "testRuns.0.executedAt",
      "links.0.reviewedAt",
      "acknowledgements.0.acknowledgedAt",
      "changedAt.requirement:FR-1",
    ]);
    expect(e.issues[0]!.message).toBe("expected a UTC instant (2026-11-20T10:00:00.000Z)");
  });

  it("an edit with a bad time is refused before it changes anything", () => {
    const fr = req("FR-1", "functional");
    const a = analyzeTraceGraph(buildTraceGraph({ requirements: [fr], testCases: [tc("TC-1")], links: [link("TC-1", "verifies", "FR-1")] }));
    const before = JSON.stringify(a.result().evidence);
    const e = err(() => a.apply({ type: "run-recorded", run: run("r1", "TC-1", "passed", "2026-13-01T00:00:00Z") }));
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["run.updatedAt", "run.executedAt"]);
    expect(err(() => a.apply({ type: "item-changed", kind: "requirement", item: fr, at: "now" })).issues[0]!.path).toEqual(["at"]);
    expect(err(() => a.apply({ type: "link-added", link: link("TC-1", "verifies", "FR-1", { createdAt: "today" }) })).issues[0]!.path).toEqual(["link", "createdAt"]);
    expect(JSON.stringify(a.result().evidence)).toBe(before);
  });

  it("property: writing the same instants with or without milliseconds gives the same analysis", () => {
    // Runs, a review and an acknowledgement at whole seconds around asOf; each written in both forms.
    const second = fc.integer({ min: -5, max: 5 });
    const at = (s: number, millis: boolean) => {
      const iso = new Date(Date.parse(AS_OF) + s * 1000).toISOString();
      return millis ? iso : iso.replace(".000Z", "Z");
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(second, fc.boolean()), { minLength: 1, maxLength: 4 }), second, second, (runs, reviewed, acked) => {
        const build = (millis: boolean) => {
          const fr = req("FR-1", "functional", { audiences: ["ops"] });
          return analyzeTraceability(
            {
              requirements: [fr],
              testCases: [tc("TC-1")],
              testRuns: runs.map(([s, pass], i) => run(`r${i}`, "TC-1", pass ? "passed" : "failed", at(s, millis))),
              links: [link("TC-1", "verifies", "FR-1", { targetFingerprint: requirementFingerprint(fr), reviewedAt: at(reviewed, millis) })],
              acknowledgements: [{ id: "a", requirementId: "FR-1", audienceRole: "ops", personId: "p", fingerprint: requirementFingerprint(fr), acknowledgedAt: at(acked, millis) }],
            },
            {},
            { asOf: AS_OF },
          );
        };
        const [canonical, short] = [build(true), build(false)];
        expect([short.evidence, short.unreviewedLinks, short.acknowledgements]).toEqual([canonical.evidence, canonical.unreviewedLinks, canonical.acknowledgements]);
      }),
      { numRuns: 200 },
    );
  });
});
