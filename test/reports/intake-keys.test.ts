import { describe, expect, it } from "vitest";
import { analyzeOffice } from "../../src/cli/office.js";
import { intakeSection, type ReportBlock, type ReportSection, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import { sampleOfficeRecords, SAMPLE_STATUS_DATE } from "../../src/office/index.js";
import { HEAVY } from "../cli/run.js";

// The sample office's requests with keys that are not their ids (REQ-2027-002 → NW-2), as an imported intake has
// (a tool's ids, people's keys): the report names each request by its key, as `pmokit score` and `select` do, with its
// title beside it. Before, every table named the ids (REQ-2027-002), which people do not call the requests.
const office = await analyzeOffice(sampleOfficeRecords(), { statusDate: SAMPLE_STATUS_DATE });
const keyed = office.requests.map((r) => ({ ...r, key: r.id.replace(/^REQ-\d{4}-0*/, "NW-") }));
const s = intakeSection({ scoreboard: office.scoreboard, requests: keyed, selection: office.selection });
const blocks = (x: ReportSection): ReportBlock[] => [...x.blocks, ...(x.sections ?? []).flatMap(blocks)];
const tableOf = (caption: string) => blocks(s).find((b): b is TableBlock => b.kind === "table" && (b.table.caption ?? "").startsWith(caption))!.table;

describe("the intake report names requests by key, with the title beside it", { timeout: HEAVY }, () => {
  it("ranked requests: Request is the key (NW-3 …), then the title", () => {
    const t = tableOf("Ranked requests");
    // The ranking of test/reports/sections.test.ts: REQ-2027-003, -002, -001, -007, -004, -009.
    expect(t.rows.map((r) => cellText(r[1] as never))).toEqual(["NW-3", "NW-2", "NW-1", "NW-7", "NW-4", "NW-9"]);
    expect(cellText(t.rows[1]![2] as never)).toBe(keyed.find((r) => r.id === "REQ-2027-002")!.title);
  });

  it("selected portfolio: keys and titles; the constraints table's 'Keeps out' names keys", () => {
    // selectPortfolio selected REQ-2027-002, -003, -007 (sections.test.ts).
    const t = tableOf("Selected portfolio");
    expect(t.rows.map((r) => cellText(r[0] as never))).toEqual(["NW-2", "NW-3", "NW-7"]);
    const used = tableOf("Constraints used");
    const keepsOut = used.rows.flatMap((r) => String(r[5]).split(", ").filter((x) => x !== ""));
    expect(keepsOut.every((k) => k.startsWith("NW-"))).toBe(true);
    expect(keepsOut.length).toBeGreaterThan(0);
  });

  it("why-not lines: key and title, and the id the solver's explanation names", () => {
    const lists = blocks(s).flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(lists).toContain(
      "NW-1 (Customer self-service portal for bookings and tracking; id REQ-2027-001): forcing REQ-2027-001 in lowers the objective by 2.2727273; it displaces REQ-2027-002",
    );
    // The bubble chart labels each candidate by its key too.
    const svg = blocks(s).flatMap((b) => (b.kind === "chart" ? [b.svg] : []))[0]!;
    expect(svg).toContain("<title>NW-2</title>");
    expect(svg).not.toContain("<title>REQ-2027-002</title>");
  });

  it("a request without a key is named by its id, and no id is added beside it", () => {
    const bare = intakeSection({ scoreboard: office.scoreboard, requests: office.requests.map(({ key: _k, ...r }) => r), selection: office.selection });
    const lists = blocks(bare).flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(lists).toContain("REQ-2027-001 (Customer self-service portal for bookings and tracking): forcing REQ-2027-001 in lowers the objective by 2.2727273; it displaces REQ-2027-002");
  });
});
