import { describe, expect, it } from "vitest";
import { durationHours, parseMspdiDuration, formatMspdiDuration, readMspdi, writeMspdi, type MspdiElement } from "../../src/io/index.js";
import { fixtureText } from "./fixtures.js";

// Expected counts: fixtures/mspdi/NOTES.md "Per-file content" (tasks/resources/assignments/calendars, tasks include
// the project summary task UID 0), cross-checked by counting the elements in each file. Currency: 2003-format files
// have no CurrencyCode, so the test passes GBP (MPXJ's files are British; NOTES.md §11).
const FILES: readonly [string, number, number, number, number][] = [
  ["mpxj_mspdiassignmentfields.xml", 2, 5, 4, 5],
  ["mpxj_mspdiresource.xml", 4, 5, 5, 6],
  ["mpxj_mspditimephased.xml", 41, 42, 40, 44],
  ["mpxj_mspditimephasedsegments.xml", 21, 7, 20, 8],
  ["mpxj_mspdisplittask.xml", 3, 1, 2, 1],
  ["mpxj_mspdicostratetable.xml", 1, 4, 0, 4],
  ["mpxj_baselines.xml", 2, 2, 1, 3],
  ["mpxj_task-baselines-project2019-mspdi.xml", 111, 1, 110, 1],
  ["mpxj_assignment-assignments-project2019-mspdi.xml", 4, 4, 3, 4],
  ["mpxj_calendar-calendars-project2019-mspdi.xml", 1, 3, 0, 5],
  ["mpxj_calendar-recurring-exceptions-project2016-mspdi.xml", 1, 1, 0, 1],
  ["mpxj_legacy_caltest.xml", 4, 4, 3, 5],
];

const cache = new Map<string, ReturnType<typeof readMspdi>>();
const read = (file: string) => {
  if (!cache.has(file)) cache.set(file, readMspdi(fixtureText(`mspdi/${file}`), { currency: "GBP" }));
  return cache.get(file)!;
};
const task = (doc: ReturnType<typeof read>["document"], uid: string): MspdiElement =>
  doc.project.lists["tasks"]!.find((t) => t.fields["UID"] === uid)!;
const amount = (v: unknown) => (v as { amount: { toFixed(): string } }).amount.toFixed();

describe("readMspdi: every fixture", () => {
  it.each(FILES)("%s has the tasks, resources, assignments and calendars the file stores", (file, tasks, resources, assignments, calendars) => {
    const { report } = read(file);
    expect(report.counts).toEqual({ tasks, resources, assignments, calendars });
    // Nothing silently dropped: every file has elements pmokit does not keep (ExtendedAttributes, slack, …).
    expect(report.unmapped.length).toBeGreaterThan(0);
  });

  it.each(FILES)("%s round-trips: readMspdi(writeMspdi(d)) gives d back", (file) => {
    const { document } = read(file);
    const again = readMspdi(writeMspdi(document), { currency: "GBP" });
    expect(JSON.stringify(again.document)).toBe(JSON.stringify(document));
    expect(again.report.unmapped).toEqual([]); // the export writes only mapped fields
  });
});

describe("readMspdi: units (NOTES.md §1–5)", () => {
  it("divides currency by 100 and keeps rates per hour (mspdiresource.xml)", () => {
    const { document } = read("mpxj_mspdiresource.xml");
    // "Completed Task" UID 4: Cost 80000, ActualCost 80000, ACWP 80000.00, CV -80000.00 → £800 (16 h × £50/h).
    const t = task(document, "4");
    expect(t.fields["Name"]).toBe("Completed Task");
    expect(amount(t.fields["Cost"])).toBe("800");
    expect(amount(t.fields["ActualCost"])).toBe("800");
    expect(amount(t.fields["ACWP"])).toBe("800");
    expect(amount(t.fields["CV"])).toBe("-800");
    expect(durationHours(t.fields["Work"] as never).toFixed()).toBe("16");
    // Resource "Wade Golden": StandardRate 50 (£/h, not scaled), Cost 400000 → £4000 (80 h × £50).
    const wade = document.project.lists["resources"]!.find((r) => r.fields["Name"] === "Wade Golden")!;
    expect((wade.fields["StandardRate"] as { perHour: { toFixed(): string } }).perHour.toFixed()).toBe("50");
    expect(amount(wade.fields["Cost"])).toBe("4000");
    expect(document.currency).toBe("GBP"); // CurrencyCode GBP although CurrencySymbol is "$"
  });

  it("reads ACWP with decimals and percent complete (mspdiassignmentfields.xml)", () => {
    const { document } = read("mpxj_mspdiassignmentfields.xml");
    // Task 1: PercentComplete 6, Cost 505200, ActualCost = ACWP = 29908.45, CV = -29908.45 (NOTES.md "gap" table).
    const t = task(document, "1");
    expect(t.fields["PercentComplete"]).toBe("6");
    expect(amount(t.fields["Cost"])).toBe("5052");
    expect(amount(t.fields["ACWP"])).toBe("299.0845");
    expect(amount(t.fields["CV"])).toBe("-299.0845");
    // Duration PT71H1M0S = 71 h 1 min = 71.016666… h (12 decimal places).
    expect(durationHours(t.fields["Duration"] as never).toFixed()).toBe("71.016666666667");
  });

  it("reads baselines 1–10 with costs in currency units (baselines.xml)", () => {
    const { document } = read("mpxj_baselines.xml");
    // Task 1 stores Baseline n with Cost n×100 and Work PTnH0M0S (NOTES.md per-file table).
    const baselines = task(document, "1").lists["baselines"]!;
    expect(baselines.map((b) => b.fields["Number"])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(baselines.map((b) => amount(b.fields["Cost"]))).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(baselines.map((b) => durationHours(b.fields["Work"] as never).toNumber())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("reads baseline 0–10 costs of the 2019 file as 1.00 … 11.00 (task-baselines, MPXJ TaskBaselinesTest COSTS)", () => {
    const { document } = read("mpxj_task-baselines-project2019-mspdi.xml");
    const costs = document.project.lists["tasks"]!
      .filter((t) => /^Baseline\d* Cost - Task$/.test(String(t.fields["Name"])))
      .map((t) => amount(t.lists["baselines"]![0]!.fields["Cost"]));
    expect(costs).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
  });

  it("keeps time-phased rows and cost rate tables", () => {
    // mspdiresource.xml has 356 TimephasedData rows (NOTES.md); cost rate table: 5 tables A–E per resource.
    const { document } = read("mpxj_mspdiresource.xml");
    // 352 rows on assignments and 4 on tasks.
    const rows = [...document.project.lists["assignments"]!, ...document.project.lists["tasks"]!].reduce((s, a) => s + a.lists["timephased"]!.length, 0);
    expect(rows).toBe(356);
    const rates = read("mpxj_mspdicostratetable.xml").document.project.lists["resources"]!.flatMap((r) => r.lists["rates"]!);
    expect(new Set(rates.map((r) => r.fields["RateTable"]))).toEqual(new Set(["0", "1", "2", "3", "4"]));
  });

  it("parses and formats PTnHnMnS durations exactly, fractional seconds included", () => {
    // 2 h 0 min 5.07 s = 7205.07 s (NOTES.md §3, mspdiassignmentfields ActualWork).
    const d = parseMspdiDuration("PT2H0M5.07S")!;
    expect(d.seconds.toFixed()).toBe("7205.07");
    expect(formatMspdiDuration(d)).toBe("PT2H0M5.07S");
    expect(formatMspdiDuration(parseMspdiDuration("PT81H8M24S")!)).toBe("PT81H8M24S");
    expect(parseMspdiDuration("8 hours")).toBeUndefined();
  });

  it("asks for a currency when a 2003 file has none", () => {
    expect(() => readMspdi(fixtureText("mspdi/mpxj_baselines.xml"))).toThrow(/CurrencyCode/);
  });
});
