import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate, workingDaysBetween } from "../../src/core/index.js";
import {
  exportDataset, expandMspdiException, mspdiToPmokit, pmokitToMspdi, readMspdi, resolveMspdiCalendar, writeMspdi, type MspdiDocument,
} from "../../src/io/index.js";
import { decimal, decodeEntity, sumMoney, type Money } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

const FILES = [
  "mpxj_mspdiassignmentfields.xml", "mpxj_mspdiresource.xml", "mpxj_mspditimephased.xml", "mpxj_mspditimephasedsegments.xml",
  "mpxj_mspdisplittask.xml", "mpxj_mspdicostratetable.xml", "mpxj_baselines.xml", "mpxj_task-baselines-project2019-mspdi.xml",
  "mpxj_assignment-assignments-project2019-mspdi.xml", "mpxj_calendar-calendars-project2019-mspdi.xml",
  "mpxj_calendar-recurring-exceptions-project2016-mspdi.xml", "mpxj_legacy_caltest.xml",
];
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const docs = new Map<string, MspdiDocument>();
const doc = (file: string): MspdiDocument => {
  if (!docs.has(file)) docs.set(file, readMspdi(fixtureText(`mspdi/${file}`), { currency: "GBP" }).document);
  return docs.get(file)!;
};

describe("mspdiToPmokit", () => {
  it("maps the completed task of mspdiresource.xml to a package, progress and an actual cost", () => {
    const { records } = mspdiToPmokit(doc("mpxj_mspdiresource.xml"), OPTIONS);
    // Tasks UID 2, 3, 4 (UID 0 is the project summary task, which becomes the project).
    expect(records["work-package"]!.map((w) => [w.id, w.code, w.name])).toEqual([
      ["prj-x-t2", "1", "Task A"], ["prj-x-t3", "2", "Contoured Task"], ["prj-x-t4", "3", "Completed Task"],
    ]);
    const done = records["work-package"]![2]!;
    // Cost 80000 → 800.00 over Start 2006-08-26 … Finish 2006-08-29.
    expect(done.timePhasedBudget.map((s) => [s.start, s.finish, s.amount.amount.toFixed(2), s.amount.currency])).toEqual([["2006-08-26", "2006-08-29", "800.00", "GBP"]]);
    // 100 % complete as of the file's CurrentDate, Tue 2010-03-16 08:00 (no StatusDate in any fixture, NOTES.md): the
    // start of Tuesday's work, so the last day done is Mon 2010-03-15 (before: 2010-03-16).
    expect(done.progress.map((p) => [p.date, p.percentComplete?.toFixed(), p.finished])).toEqual([["2010-03-15", "100", true]]);
    // ActualCost 80000 → one cost entry of 800.00 on ActualFinish 2006-08-29.
    expect(records["cost-entry"]!.map((c) => [c.workPackageId, c.date, c.amount.amount.toFixed(2)])).toEqual([["prj-x-t4", "2006-08-29", "800.00"]]);
    const project = records.project![0]!;
    expect([project.plannedStart, project.plannedFinish, project.budget.currency]).toEqual(["2006-08-25", "2006-09-08", "GBP"]);
  });

  it("freezes baselines 0–10 with their costs in currency units (task-baselines-project2019)", () => {
    const { records, report } = mspdiToPmokit(doc("mpxj_task-baselines-project2019-mspdi.xml"), OPTIONS);
    // Task "BaselineN Cost - Task" carries Baseline N Cost (N+1)×100 and no dates; no other task has a cost in it.
    const bac = records.baseline!.map((b) => [b.number, b.budgetAtCompletion.amount.toFixed(2)]);
    expect(bac).toEqual([[0, "1.00"], [1, "2.00"], [2, "3.00"], [3, "4.00"], [4, "5.00"], [5, "6.00"], [6, "7.00"], [7, "8.00"], [8, "9.00"], [9, "10.00"], [10, "11.00"]]);
    // Baselines without dates take the task's dates — said in the report, never silently.
    expect(report.warnings.filter((w) => w.code === "baseline-dates-from-plan").length).toBeGreaterThan(0);
  });

  it("reports what has no place in pmokit", () => {
    const { report } = mspdiToPmokit(doc("mpxj_mspdiresource.xml"), OPTIONS);
    const elements = report.unmapped.map((u) => u.element);
    expect(elements).toEqual(expect.arrayContaining(["TimephasedData", "Work", "EarlyStart, EarlyFinish, LateStart, LateFinish, TotalSlack, FreeSlack, Critical"]));
    expect(elements).not.toContain("resources");
  });

  it("reports the inverted baseline 1 of baselines.xml (Start 2001-01-01 after Finish 2000-01-01)", () => {
    const { report } = mspdiToPmokit(doc("mpxj_baselines.xml"), OPTIONS);
    expect(report.warnings.find((w) => w.path === "Task[UID=1]/Baseline[Number=1]")?.message).toMatch(/finishes before it starts/);
  });

  it.each(FILES)("%s: pmokit → MSPDI → pmokit is lossless for every mapped field", (file) => {
    const first = mspdiToPmokit(doc(file), OPTIONS).records;
    const { document } = pmokitToMspdi({
      project: first.project![0]!, workPackages: first["work-package"]!, milestones: first.milestone!, baselines: first.baseline!,
      costEntries: first["cost-entry"]!, resources: first.resource!, assignments: first.assignment!,
    });
    const second = mspdiToPmokit(readMspdi(writeMspdi(document)).document, OPTIONS).records;
    expect(exportDataset(second)).toBe(exportDataset(first));
  });
});

describe("pmokitToMspdi: a sample office project", () => {
  it("exports PRJ-CRM so that packages, budgets, baselines and holidays come back", () => {
    const office = loadSampleOffice();
    const of = <K extends "work-package" | "baseline" | "cost-entry" | "milestone">(kind: K) =>
      office[kind].map((w) => decodeEntity(kind, w)).filter((e) => (e as { projectId: string }).projectId === "PRJ-CRM");
    const project = decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"));
    const plan = { project, workPackages: of("work-package"), baselines: of("baseline"), costEntries: of("cost-entry"), milestones: of("milestone") };
    const { document, report } = pmokitToMspdi(plan);
    // Monthly budget slices become one task cost each: said in the export report.
    expect(report.unmapped.some((u) => u.element === "timePhasedBudget")).toBe(true);
    const back = mspdiToPmokit(readMspdi(writeMspdi(document)).document, { ...OPTIONS, projectId: "PRJ-CRM" }).records;
    const pkg = (w: { code: string; name: string; plannedStart: string; plannedFinish: string; timePhasedBudget: readonly { amount: Money }[] }) =>
      [w.code, w.name, w.plannedStart, w.plannedFinish, sumMoney(w.timePhasedBudget.map((s) => s.amount), "EUR").amount.toFixed(2)];
    const leaves = plan.workPackages.filter((w) => !plan.workPackages.some((c) => c.parentId === w.id));
    expect(back["work-package"]!.filter((w) => w.timePhasedBudget.length > 0).map(pkg).sort()).toEqual(leaves.filter((w) => w.timePhasedBudget.length > 0).map(pkg).sort());
    // Baseline BACs: the exact sums survive the ×100 currency scale of MSPDI.
    expect(back.baseline!.map((b) => [b.number, b.budgetAtCompletion.amount.toFixed(2)])).toEqual(plan.baselines.map((b) => [b.number, b.budgetAtCompletion.amount.toFixed(2)]));
    expect(back.project![0]!.calendar?.holidays?.map((h) => h.date)).toEqual(project.calendar?.holidays?.map((h) => h.date) ?? []);
    expect(back.milestone!.length).toBe(plan.milestones.length);
  });
});

describe("MSPDI calendars", () => {
  const recurring = doc("mpxj_calendar-recurring-exceptions-project2016-mspdi.xml").project.lists["calendars"]!;

  it("expands the 27 recurring exceptions exactly as MS Project did in its legacy DayType=0 entries", () => {
    // MS Project writes each exception twice: as a rule (<Exceptions>) and expanded (WeekDay DayType=0 periods).
    // Two rules hit one date once; a calendar has each exception day once, so compare the sets of days.
    const fromRules = [...new Set(recurring[0]!.lists["exceptions"]!.flatMap((e) => expandMspdiException(e).map((d) => `${d}/${String(e.fields["DayWorking"])}`)))].sort();
    const legacy = recurring[0]!.lists["weekDays"]!
      .filter((w) => w.fields["DayType"] === "0")
      .flatMap((w) => {
        const p = w.lists["timePeriod"]![0]!;
        const out: string[] = [];
        for (let d = String(p.fields["FromDate"]).slice(0, 10); d <= String(p.fields["ToDate"]).slice(0, 10); ) {
          out.push(`${d}/${String(w.fields["DayWorking"])}`);
          const n = new Date(`${d}T00:00:00Z`);
          n.setUTCDate(n.getUTCDate() + 1);
          d = n.toISOString().slice(0, 10);
        }
        return out;
      })
      .sort();
    expect(recurring[0]!.lists["exceptions"]!.length).toBe(27);
    expect(fromRules).toEqual(legacy);
  });

  it("counts working days in a month with exceptions", () => {
    const c = resolveMspdiCalendar(recurring, "1")!;
    const cal = createWorkingCalendar({ workingWeekdays: c.workingWeekdays, holidays: c.holidays });
    // January 2000 has 21 weekdays; "Daily 1" (Jan 1–3) takes Monday Jan 3 → 20.
    expect(workingDaysBetween(cal, isoDate("1999-12-31"), isoDate("2000-01-31"))).toBe(20);
    // February 2000 has 21 weekdays; "Daily 2" (every 3 days ×4: Feb 1, 4, 7, 10 — all weekdays) → 17.
    expect(workingDaysBetween(cal, isoDate("2000-01-31"), isoDate("2000-02-29"))).toBe(17);
    // "Recurring Working": first Saturday of Jan–Mar 2010 is working — a pmokit calendar cannot add it: reported.
    expect(c.workingExceptions.map((w) => w.date)).toEqual(["2010-01-02", "2010-02-06", "2010-03-06"]);
  });

  it("reads legacy exceptions and inherits weekdays from the base calendar (legacy_caltest.xml)", () => {
    const cals = doc("mpxj_legacy_caltest.xml").project.lists["calendars"]!;
    // "Resource Three" (UID 6) derives from "Base Calendar" (UID 3, Mon–Fri) with non-working 2005-11-01..04 and 21..25.
    const c = resolveMspdiCalendar(cals, "6")!;
    expect(c.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    const cal = createWorkingCalendar({ workingWeekdays: c.workingWeekdays, holidays: c.holidays });
    // November 2005: 22 weekdays − 4 − 5 = 13.
    expect(workingDaysBetween(cal, isoDate("2005-10-31"), isoDate("2005-11-30"))).toBe(13);
  });
});

describe("pmokitToMspdi: progress above 100 % (issue 12: an overrun is a valid progress record)", () => {
  it("exports percent complete as MS Project's maximum 100 and says so in the report", () => {
    const office = loadSampleOffice();
    const of = <K extends "work-package">(kind: K) => office[kind].map((w) => decodeEntity(kind, w)).filter((e) => e.projectId === "PRJ-CRM");
    const project = decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"));
    const [first, ...rest] = of("work-package");
    const over = { ...first!, progress: [{ date: isoDate("2026-11-20"), percentComplete: decimal("120") }] };
    const { document, report } = pmokitToMspdi({ project, workPackages: [over, ...rest] });
    const task = document.project.lists["tasks"]!.find((t) => t.fields["WBS"] === over.code)!;
    expect(String(task.fields["PercentComplete"])).toBe("100");
    expect(report.warnings.map((w) => w.code)).toContain("percent-complete-above-100");
  });
});
