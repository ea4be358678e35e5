import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { fiscalQuarters, isoDate, readinessProgress, type ChecklistItem } from "../../src/index.js";
import { importDataset } from "../../src/io/index.js";
import { openItemsSeries } from "../../src/reports/index.js";
import { issuesOf } from "../support/errors.js";

// openItemsSeries runs one readiness pass per step from `from` to `to`. With `to` centuries away (a typo: 3026 for
// 2026) it ran 52,188 passes over the sample's 46 checklist items: 91 s at 3026-11-20. It now takes earned value's
// bound: `to` more than 400 years (146,097 days) after `from` is refused at once, at ["to"]. fiscalQuarters took
// any years 1–9998 (40,000 quarters); its span is bounded to 400 years the same way, at ["lastYear"].
const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const items = (records["checklist-item"] ?? []) as ChecklistItem[];

describe("openItemsSeries over centuries", () => {
  it("refuses `to` more than 400 years after `from` (1,000 years, 9999-12-31), naming to", () => {
    for (const to of ["2426-09-19", "3026-11-20", "9999-12-31"]) {
      expect(issuesOf(() => openItemsSeries(items, { from: isoDate("2026-09-18"), to: isoDate(to) })), to)
        .toEqual([["to", "more than 400 years (146,097 days) after from (2026-09-18)"]]);
    }
  });

  it("answers at exactly 400 years, stepping once: the open items then and at the end", () => {
    // 2026-09-18 + 146,097 days = 2426-09-18; a step of 146,097 days gives two points, from and to.
    const s = openItemsSeries(items, { from: isoDate("2026-09-18"), to: isoDate("2426-09-18"), stepDays: 146_097 });
    const open = (asOf: string) => { const o = readinessProgress(items, { asOf: isoDate(asOf) }).overall; return o.applicable - o.done; };
    expect(s).toEqual([{ date: "2026-09-18", value: open("2026-09-18") }, { date: "2426-09-18", value: open("2426-09-18") }]);
  });
});

describe("fiscalQuarters over centuries", () => {
  it("answers 400 years (1,600 quarters) and refuses 401, naming lastYear", () => {
    expect(fiscalQuarters(2026, 2425).periods.length).toBe(1600);
    expect(issuesOf(() => fiscalQuarters(2026, 2426))).toEqual([["lastYear", "more than 400 years after firstYear (2026)"]]);
    expect(issuesOf(() => fiscalQuarters(1, 9998))).toEqual([["lastYear", "more than 400 years after firstYear (1)"]]);
  });
});
