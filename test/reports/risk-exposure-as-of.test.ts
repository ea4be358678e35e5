import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { decimal, instant, isoDate } from "../../src/core/index.js";
import { importDataset } from "../../src/io/index.js";
import type { Risk } from "../../src/entities/index.js";
import { projectSection, type ReportBlock, type ReportSection, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";

// The project report's "Open risks by exposure" table, as of the status date (2026-11-20), multiplied the current
// probability and impact: a risk reassessed after the status date showed its later exposure. It now reads the
// assessment in force on the status date, and names a risk judged on current values (no history, changed since).

const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const wms = office.projects.find((p) => p.code === "PRJ-WMS")!;
const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];
const table = (s: ReportSection) => blocks(s).find((b): b is TableBlock => b.kind === "table" && (b.table.caption ?? "").startsWith("Open risks"))!.table;
const lists = (s: ReportSection) => blocks(s).flatMap((b) => (b.kind === "list" ? b.items : []));

describe("project report: risk exposure as of the status date", () => {
  const [base] = wms.raid.risks;
  // Now p 0.8, impact 5 (exposure 4.0); until 2026-12-01 p 0.2, impact 2 (exposure 0.4).
  const reassessed: Risk = {
    ...base!, id: "RSK-A", key: "RSK-A", status: "open", probability: decimal("0.8"), impact: 5, updatedAt: instant("2026-12-01T09:00:00.000Z"),
    assessments: [{ probability: decimal("0.2"), impact: 2, reassessedOn: isoDate("2026-12-01") }],
  };
  // No history, p 0.5 × impact 3 = 1.5, last changed 2026-12-02.
  const noHistory: Risk = { ...base!, id: "RSK-B", key: "RSK-B", status: "open", probability: decimal("0.5"), impact: 3, updatedAt: instant("2026-12-02T09:00:00.000Z"), assessments: undefined };

  it("reads the assessment in force: RSK-A 0.2 × 2 = 0.4 (was 0.8 × 5 = 4), ranked below RSK-B's 1.5", () => {
    const s = projectSection({ code: wms.code, name: wms.name, series: wms.series, raid: { risks: [reassessed, noHistory] } });
    expect(table(s).rows.map((r) => r.slice(0, 5).map((c) => cellText(c as never)))).toEqual([
      ["RSK-B", noHistory.title, "0.5", "3", "1.5"],
      ["RSK-A", reassessed.title, "0.2", "2", "0.4"],
    ]);
    // RSK-B has no assessment history and changed after the status date: said so, in the status layer's words.
    expect(lists(s)).toContain("risk RSK-B: assessment with no day recorded, known only from 2026-12-02: unknown on 2026-11-20, counted as current");
    expect(lists(s).some((l) => l.startsWith("risk RSK-A"))).toBe(false);
  });
});
