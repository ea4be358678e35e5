import { describe, expect, it } from "vitest";
import { importMspdiBatches, mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi } from "../../src/io/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

/*
 * A task's own calendar (MS Project: Task Information → Advanced → Calendar; MSPDI `Task/CalendarUID`) is the
 * package's calendar: pmokit schedules a package on it (durationDays are its working days) instead of the project's.
 */
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const SEGMENTS = "mspdi/mpxj_mspditimephasedsegments.xml";
const CALTEST = "mspdi/mpxj_legacy_caltest.xml";

describe("MSPDI import: a task's own calendar", () => {
  it("Task Eight of the MPXJ segments file keeps its calendar 'Task Eight' (holidays 8 and 10 Feb 2011)", () => {
    // The file (MS Project 2003): Task UID 9 has <CalendarUID>6</CalendarUID>, calendar 6 "Task Eight" works
    // Monday–Friday (DayType 2–6 working, 1 and 7 not) with legacy exceptions: 2011-02-08 and 2011-02-10 not working,
    // 2011-02-12..13 working (a pmokit calendar cannot add working days: reported). The project calendar is UID 1
    // "Standard" without exceptions. Before: the task calendar was read and dropped without a word; the package was
    // scheduled on the project calendar.
    const { records, report } = mspdiToPmokit(readMspdi(fixtureText(SEGMENTS), { currency: "GBP" }).document, OPTIONS);
    const eight = records["work-package"]!.find((w) => w.id === "prj-x-t9")!;
    expect(eight.calendar).toEqual({
      name: "Task Eight", workingWeekdays: [1, 2, 3, 4, 5],
      holidays: [{ date: "2011-02-08", name: "exception" }, { date: "2011-02-10", name: "exception" }],
    });
    expect(report.warnings.filter((w) => w.code === "working-exception" && w.path.startsWith("Task[UID=9]")).map((w) => w.message))
      .toEqual(["working exception on 2011-02-12 (exception) cannot be held by a pmokit calendar", "working exception on 2011-02-13 (exception) cannot be held by a pmokit calendar"]);
    // Tasks on the project calendar (CalendarUID -1) get none of their own.
    expect(records["work-package"]!.filter((w) => w.calendar !== undefined).map((w) => w.id)).toEqual(["prj-x-t9"]);
  });

  it("a task naming the project calendar gets no calendar of its own; one naming another base calendar gets that", () => {
    // caltest: project calendar UID 1 "Standard"; Task Two names UID 1 (the project's), Task Three UID 3 "Base Calendar".
    const { records } = mspdiToPmokit(readMspdi(fixtureText(CALTEST), { currency: "EUR" }).document, OPTIONS);
    const byName = new Map(records["work-package"]!.map((w) => [w.name, w.calendar]));
    expect(byName.get("Task Two")).toBeUndefined();
    expect(byName.get("Task Three")).toEqual({ name: "Base Calendar", workingWeekdays: [1, 2, 3, 4, 5], holidays: [] });
  });

  it("the streamed import gives the same calendar", async () => {
    const text = fixtureText(SEGMENTS);
    const eight: unknown[] = [];
    for await (const batch of importMspdiBatches(() => [text], { ...OPTIONS, currency: "GBP" })) {
      for (const w of batch["work-package"] ?? []) if (w.id === "prj-x-t9") eight.push(w.calendar);
    }
    expect(eight).toEqual([mspdiToPmokit(readMspdi(text, { currency: "GBP" }).document, OPTIONS).records["work-package"]!.find((w) => w.id === "prj-x-t9")!.calendar]);
  });

  it("the export writes a package's calendar as its task calendar, so a re-import keeps it", () => {
    // Before: pmokitToMspdi wrote the project and resource calendars only; the package calendar was lost silently.
    const { records } = mspdiToPmokit(readMspdi(fixtureText(SEGMENTS), { currency: "GBP" }).document, OPTIONS);
    const plan = { project: records.project![0]!, workPackages: records["work-package"]!, milestones: records.milestone! };
    const xml = writeMspdi(pmokitToMspdi(plan).document);
    expect(/<Task>(?:(?!<\/Task>).)*<UID>9<\/UID>(?:(?!<\/Task>).)*<CalendarUID>(\d+)<\/CalendarUID>/s.exec(xml)?.[1]).toBe("2");
    const back = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records["work-package"]!.find((w) => w.id === "prj-x-t9")!;
    expect(back.calendar).toEqual(records["work-package"]!.find((w) => w.id === "prj-x-t9")!.calendar);
  });
});
