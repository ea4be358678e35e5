import { beforeAll, describe, expect, it } from "vitest";
import { analyzeOffice, type OfficeAnalysis } from "../../src/cli/office.js";
import { officeSummary } from "../../src/cli/summary.js";
import { sampleOfficeRecords, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import type { TraceAnalysisResult } from "../../src/traceability/index.js";

// `pmokit demo`'s TRACE line named coverage, suspects and acknowledgement gaps only: an office with a dangling link
// (severity error, which makes `pmokit trace` exit 1) or an outdated link showed a clean line. They are now named when
// there are some; the sample office has none, so its line is unchanged (test/office/consistency.test.ts).
describe("the demo summary's TRACE line", () => {
  let office: OfficeAnalysis;
  beforeAll(async () => {
    office = await analyzeOffice(sampleOfficeRecords(), { statusDate: SAMPLE_STATUS_DATE });
  }, 120_000);
  const traceLine = (o: OfficeAnalysis) => officeSummary(o).find((l) => l.startsWith("TRACE"))!;
  const withResult = (patch: Partial<TraceAnalysisResult>): OfficeAnalysis => ({ ...office, trace: { ...office.trace, result: { ...office.trace.result, ...patch } } });

  it("names structural findings with their errors, and links pinning another revision, when there are some", () => {
    const t = office.trace.result;
    expect([t.findings.length, t.linkRevisions.length]).toEqual([0, 0]);
    const base = traceLine(office);
    expect(base).not.toMatch(/structural findings|outdated or predated/);
    const dangling = { check: "dangling-link", severity: "error", message: "tl-ghost (verifies) refers to a missing source test-case:TC-999", items: ["test-case:TC-999"], links: ["tl-ghost"] };
    const orphan = { check: "orphan", severity: "warning", message: "test-case:TC-900 (test-case) has no parent", items: ["test-case:TC-900"], links: [] };
    const outdated = { link: "tl-1", status: "outdated" };
    expect(traceLine(withResult({ findings: [dangling, orphan] as never }))).toBe(`${base}; structural findings 2 (1 error)`);
    expect(traceLine(withResult({ findings: [orphan] as never }))).toBe(`${base}; structural findings 1 (0 errors)`);
    expect(traceLine(withResult({ linkRevisions: [outdated] as never, findings: [dangling, dangling] as never }))).toBe(`${base}; outdated or predated links 1; structural findings 2 (2 errors)`);
    // A link pinning its target's current revision still covers: not counted, as `pmokit trace` prints only the others.
    const current = { link: "tl-2", status: "covers" };
    expect(traceLine(withResult({ linkRevisions: [current, outdated, { link: "tl-3", status: "predated" }] as never }))).toBe(`${base}; outdated or predated links 2`);
  });
});
