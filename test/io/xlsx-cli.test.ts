import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const io = (cwd: string) => {
  let out = "";
  return { io: { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true }, cwd } as never, out: () => out };
};

describe("pmokit template --format xlsx", () => {
  it("writes the kind's template, and `validate` reads it back (no rows, no problems)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pmokit-template-"));
    try {
      const t = io(cwd);
      expect(await main(["template", "--kind", "checklist-item", "--format", "xlsx", "--out", "items.xlsx"], t.io)).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(join(cwd, "items.xlsx")) as unknown as ArrayBuffer);
      const ws = book.getWorksheet("checklist-item")!;
      const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      expect(headers.slice(0, 3)).toEqual(["id", "rolloutPlanId", "code"]);
      // phase is an enum of the schema: its column gets a drop-down list.
      expect(ws.getCell(2, headers.indexOf("phase") + 1).dataValidation).toMatchObject({ type: "list" });
      const v = io(cwd);
      expect(await main(["validate", "items.xlsx", "--kind", "checklist-item", "--json"], v.io)).toBe(0);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
