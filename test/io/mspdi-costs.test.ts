import { describe, expect, it } from "vitest";
import { exportDataset, mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi } from "../../src/io/index.js";
import { earnedValue, sumMoney } from "../../src/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };

/** A summary task "Phase" (FixedCost 500.00) over two tasks of 1500.00 each: MS Project shows the summary at 3500.00. */
const SUMMARY_FIXED_COST = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>fixed.xml</Name><StartDate>2027-01-04T08:00:00</StartDate><FinishDate>2027-01-15T17:00:00</FinishDate>
  <CurrencyCode>EUR</CurrencyCode><CurrentDate>2027-01-04T08:00:00</CurrentDate>
  <Tasks>
    <Task><UID>1</UID><ID>1</ID><Name>Phase</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel>
      <Start>2027-01-04T08:00:00</Start><Finish>2027-01-15T17:00:00</Finish><Milestone>0</Milestone><Summary>1</Summary>
      <FixedCost>50000</FixedCost><Cost>350000</Cost>
      <Baseline><Number>0</Number><Start>2027-01-04T08:00:00</Start><Finish>2027-01-15T17:00:00</Finish><Cost>350000</Cost></Baseline></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Design</Name><OutlineNumber>1.1</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary>
      <FixedCost>0</FixedCost><Cost>150000</Cost>
      <Baseline><Number>0</Number><Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish><Cost>150000</Cost></Baseline></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Build</Name><OutlineNumber>1.2</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Start>2027-01-11T08:00:00</Start><Finish>2027-01-15T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary>
      <FixedCost>0</FixedCost><Cost>150000</Cost>
      <Baseline><Number>0</Number><Start>2027-01-11T08:00:00</Start><Finish>2027-01-15T17:00:00</Finish><Cost>150000</Cost></Baseline></Task>
  </Tasks>
</Project>`;

describe("MSPDI import: costs pmokit's calculators accept (issue 12 #6)", () => {
  it("issue 12 #6: the sub-cent actual cost 299.0845 GBP is rounded half-up to 299.08 and reported", () => {
    const { document } = readMspdi(fixtureText("mspdi/mpxj_mspdiassignmentfields.xml"));
    const { records, report } = mspdiToPmokit(document, OPTIONS);
    // Task 1 ActualCost 29908.45 hundredths = 299.0845 GBP; GBP has 2 minor digits; half-up at the third decimal (4) → 299.08.
    const entry = records["cost-entry"]!.find((c) => c.workPackageId === "prj-x-t1")!;
    expect(entry.amount.amount.toFixed()).toBe("299.08");
    const w = report.warnings.find((x) => x.code === "money-rounded" && x.path === "Task[UID=1]/ActualCost");
    expect(w?.message).toBe("299.0845 GBP has more decimals than GBP's 2; rounded half-up to 299.08");
    // The stored records are usable: earned value no longer refuses the entry.
    const r = earnedValue(
      { project: records.project![0]!, workPackages: records["work-package"]!, baselines: records.baseline!, costEntries: records["cost-entry"]! },
      { statusDate: "2012-11-01" },
    );
    expect(r.figures.ac.value?.amount.toFixed(2)).toBe("299.08");
  });

  it("issue 12 #6: a summary task's own fixed cost is budgeted on the summary package (3500, not 3000) and reported", () => {
    const { records, report } = mspdiToPmokit(readMspdi(SUMMARY_FIXED_COST).document, OPTIONS);
    const phase = records["work-package"]!.find((w) => w.id === "prj-x-t1")!;
    // The summary's Cost 3500.00 = 1500.00 + 1500.00 (children) + 500.00 own FixedCost: only the 500.00 is its own.
    expect(phase.timePhasedBudget.map((s) => s.amount.amount.toFixed(2))).toEqual(["500.00"]);
    const all = records["work-package"]!.flatMap((w) => w.timePhasedBudget.map((s) => s.amount));
    expect(sumMoney(all, "EUR").amount.toFixed(2)).toBe("3500.00");
    // Baseline 0: the summary's baseline Cost 3500.00 less its children's 3000.00 is its own 500.00.
    expect(records.baseline![0]!.budgetAtCompletion.amount.toFixed(2)).toBe("3500.00");
    expect(report.warnings.filter((x) => x.code === "summary-fixed-cost").map((x) => x.path)).toEqual(["Task[UID=1]", "Task[UID=1]/Baseline[Number=0]"]);
  });

  it("exports a summary's own budget as its FixedCost beside the rolled-up Cost, so a re-import gives the same records", () => {
    const first = mspdiToPmokit(readMspdi(SUMMARY_FIXED_COST).document, OPTIONS).records;
    const { document } = pmokitToMspdi({ project: first.project![0]!, workPackages: first["work-package"]!, baselines: first.baseline! });
    const phase = document.project.lists["tasks"]!.find((t) => t.fields["Name"] === "Phase")!;
    expect([phase.fields["FixedCost"], phase.fields["Cost"]].map((m) => (m as { amount: { toFixed(n: number): string } }).amount.toFixed(2))).toEqual(["500.00", "3500.00"]);
    const second = mspdiToPmokit(readMspdi(writeMspdi(document)).document, OPTIONS).records;
    // The file has no calendar (the export adds its Standard one), so compare the packages and baselines.
    const plan = (r: typeof first) => exportDataset({ "work-package": r["work-package"]!, baseline: r.baseline! });
    expect(plan(second)).toBe(plan(first));
  });
});
