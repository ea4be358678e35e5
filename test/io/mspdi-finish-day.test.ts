import { describe, expect, it } from "vitest";
import { importMspdiBatches, mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const hours = (from: string, to: string) => `<WorkingTimes><WorkingTime><FromTime>${from}</FromTime><ToTime>${to}</ToTime></WorkingTime></WorkingTimes>`;
/** A Mon–Fri calendar whose days run `from`–`to`, with holidays. */
const calendar = (from: string, to: string, holidays: string[] = []) =>
  `<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>` +
  [1, 2, 3, 4, 5, 6, 7].map((d) => `<WeekDay><DayType>${d}</DayType>${d === 1 || d === 7 ? "<DayWorking>0</DayWorking>" : `<DayWorking>1</DayWorking>${hours(from, to)}`}</WeekDay>`).join("") +
  `</WeekDays><Exceptions>${holidays.map((h) => `<Exception><TimePeriod><FromDate>${h}T00:00:00</FromDate><ToDate>${h}T23:59:00</ToDate></TimePeriod><Name>Holiday</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>`).join("")}</Exceptions></Calendar></Calendars>`;
const task = (uid: number, start: string, finish: string, extra = "") =>
  `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>${start}</Start><Finish>${finish}</Finish><Milestone>0</Milestone><Summary>0</Summary>${extra}</Task>`;
const file = (cal: string, tasks: string) =>
  `<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><CurrencyCode>EUR</CurrencyCode><CalendarUID>1</CalendarUID><CurrentDate>2026-03-10T08:00:00</CurrentDate>${cal}<Tasks>${tasks}</Tasks></Project>`;
const finishes = (xml: string) => mspdiToPmokit(readMspdi(xml).document, OPTIONS).records["work-package"]!.map((w) => [w.id, w.plannedFinish, w.actualFinish]);

describe("MSPDI task finish at the start of a working day", () => {
  it("dates Task A of mspdiresource.xml on Tuesday: its Finish Wed 2006-08-30T08:00:00 is where Wednesday's work begins", () => {
    // The Standard calendar (UID 1) works 08:00–12:00 and 13:00–17:00 Monday–Friday: at 08:00 on the 30th no work of
    // that day is done, so the task's last working day is Tuesday 2006-08-29. Before: 2006-08-30.
    const { records } = mspdiToPmokit(readMspdi(fixtureText("mspdi/mpxj_mspdiresource.xml")).document, OPTIONS);
    expect(records["work-package"]!.find((w) => w.id === "prj-x-t2")!.plannedFinish).toBe("2006-08-29");
  });

  it("goes back to the previous working day: a weekend and a holiday are skipped, the calendar's day start counts", () => {
    const xml = file(calendar("09:00:00", "17:00:00", ["2026-03-02"]), [
      // Mon 2026-03-02 is a holiday: finishing Tue 09:00 (where Tuesday's work begins) ends Friday 2026-02-27.
      task(1, "2026-02-23T09:00:00", "2026-03-03T09:00:00"),
      // 08:00 is before this calendar's 09:00 day start: work was done on Tuesday (on a resource's hours); kept.
      task(2, "2026-02-23T09:00:00", "2026-03-03T08:00:00"),
      // Midnight ends the day before.
      task(3, "2026-02-23T09:00:00", "2026-02-26T00:00:00"),
      // Actual finish Wed 09:00 ends Tuesday's work.
      task(4, "2026-02-23T09:00:00", "2026-02-25T09:00:00", "<PercentComplete>100</PercentComplete><ActualStart>2026-02-23T09:00:00</ActualStart><ActualFinish>2026-02-25T09:00:00</ActualFinish>"),
      // A finish at its start (no length) keeps its day.
      task(5, "2026-02-24T09:00:00", "2026-02-24T09:00:00"),
    ].join(""));
    expect(finishes(xml)).toEqual([
      ["prj-x-t1", "2026-02-27", undefined],
      ["prj-x-t2", "2026-03-03", undefined],
      ["prj-x-t3", "2026-02-25", undefined],
      ["prj-x-t4", "2026-02-24", "2026-02-24"],
      ["prj-x-t5", "2026-02-24", undefined],
    ]);
  });

  it("a milestone at 08:00 stays on its day, and the streamed import dates packages the same way", async () => {
    const xml = file(calendar("08:00:00", "17:00:00"), task(1, "2026-02-25T08:00:00", "2026-03-02T08:00:00") +
      "<Task><UID>2</UID><ID>2</ID><Name>M</Name><OutlineNumber>2</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-03-02T08:00:00</Start><Finish>2026-03-02T08:00:00</Finish><Milestone>1</Milestone><Summary>0</Summary></Task>");
    const { records } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    // Finish Mon 2026-03-02 08:00 is the end of Friday 2026-02-27's work.
    expect(records["work-package"]!.map((w) => w.plannedFinish)).toEqual(["2026-02-27"]);
    expect(records.milestone!.map((m) => m.forecastDate)).toEqual(["2026-03-02"]);
    const streamed: string[] = [];
    for await (const batch of importMspdiBatches(() => [xml], OPTIONS)) {
      for (const w of batch["work-package"] ?? []) streamed.push(w.plannedFinish);
    }
    expect(streamed).toEqual(["2026-02-27"]);
  });
});

describe("mspdiFinishDay (property)", () => {
  it("never dates a finish after its own day, nor before its start's day", async () => {
    const fc = (await import("fast-check")).default;
    const { mspdiFinishDay, resolveMspdiCalendar } = await import("../../src/io/mspdi/calendar.js");
    const cal = resolveMspdiCalendar(readMspdi(file(calendar("08:00:00", "17:00:00", ["2026-03-02"]), "")).document.project.lists["calendars"]!, "1");
    const instant = fc.record({ day: fc.integer({ min: 0, max: 40 }), hour: fc.constantFrom("00:00:00", "08:00:00", "09:30:00", "17:00:00") })
      .map(({ day, hour }) => `${new Date(Date.UTC(2026, 1, 20 + day)).toISOString().slice(0, 10)}T${hour}`);
    fc.assert(fc.property(instant, instant, (a, b) => {
      const [start, finish] = a <= b ? [a, b] : [b, a];
      const day = mspdiFinishDay(finish, start, cal)!;
      expect(day <= finish.slice(0, 10) && day >= start.slice(0, 10)).toBe(true);
    }), { numRuns: 300, seed: 16 });
  });
});

describe("MSPDI finish at a working day's start: working exceptions count as working days", () => {
  it("Finish Mon 2027-01-11T08:00:00 after a working Saturday ends on that Saturday, not on Friday", () => {
    // Standard Mon–Fri 08:00–17:00 calendar with Saturday 2027-01-09 made a working day (Exception DayWorking 1,
    // 08:00–12:00). MS Project schedules work that Saturday, so a task whose Finish is where Monday's work begins last
    // worked on Saturday 2027-01-09. Before: Friday 2027-01-08 (the working exception was skipped as a weekend day).
    // The Saturday is reported (working-exception): a pmokit calendar cannot add a working day.
    const cal = calendar("08:00:00", "17:00:00").replace("<Exceptions></Exceptions>",
      "<Exceptions><Exception><TimePeriod><FromDate>2027-01-09T00:00:00</FromDate><ToDate>2027-01-09T23:59:00</ToDate></TimePeriod><Name>Catch-up Saturday</Name><Type>1</Type><DayWorking>1</DayWorking>" +
      "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime></WorkingTimes></Exception></Exceptions>");
    const xml = file(cal, task(1, "2027-01-04T08:00:00", "2027-01-11T08:00:00") + task(2, "2027-01-04T08:00:00", "2027-01-18T08:00:00"));
    // Task 2: Finish Mon 2027-01-18 08:00 — Saturday 2027-01-16 is an ordinary weekend day: Friday 2027-01-15.
    expect(finishes(xml)).toEqual([["prj-x-t1", "2027-01-09", undefined], ["prj-x-t2", "2027-01-15", undefined]]);
  });
});

describe("MSPDI project dates: the project ends where its last package's work ends", () => {
  it("a last task finishing Mon 2027-01-11T08:00:00 (FinishDate the same) ends the project on Friday 2027-01-08, streamed alike", async () => {
    // MS Project's FinishDate is its latest task Finish, here where Monday's work begins: the work ends on Friday, as the
    // package's plannedFinish says. Before: the project's plannedFinish was Monday 2027-01-11, after every package.
    const xml = file(calendar("08:00:00", "17:00:00"), task(1, "2027-01-04T08:00:00", "2027-01-11T08:00:00") + task(2, "2027-01-04T08:00:00", "2027-01-06T17:00:00"))
      .replace("<CalendarUID>1</CalendarUID>", "<StartDate>2027-01-04T08:00:00</StartDate><FinishDate>2027-01-11T08:00:00</FinishDate><CalendarUID>1</CalendarUID>");
    const { records } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    expect([records.project![0]!.plannedStart, records.project![0]!.plannedFinish]).toEqual(["2027-01-04", "2027-01-08"]);
    const streamed: string[] = [];
    for await (const batch of importMspdiBatches(() => [xml], OPTIONS)) for (const p of batch.project ?? []) streamed.push(p.plannedFinish);
    expect(streamed).toEqual(["2027-01-08"]);
  });
});

describe("MSPDI finish at a working day's start: an exception day's own working times", () => {
  it("a shortened day (exception working 10:00–14:00) begins at 10:00: Finish Mon 2027-01-11T10:00:00 ends Friday's work", () => {
    // The exception makes Monday 2027-01-11 a working day from 10:00 to 14:00: at 10:00 none of Monday's work is done,
    // so the task last worked Friday 2027-01-08. Before: Monday (only the weekday's 08:00 start was compared).
    // A working Saturday 2027-01-16 from 09:00: Finish Sat 09:00 ends Friday 2027-01-15's work (before: Saturday).
    const worked = (date: string, from: string, to: string) =>
      `<Exception><TimePeriod><FromDate>${date}T00:00:00</FromDate><ToDate>${date}T23:59:00</ToDate></TimePeriod><Name>Changed hours</Name><Type>1</Type><DayWorking>1</DayWorking>` +
      `<WorkingTimes><WorkingTime><FromTime>${from}</FromTime><ToTime>${to}</ToTime></WorkingTime></WorkingTimes></Exception>`;
    const cal = calendar("08:00:00", "17:00:00").replace("<Exceptions></Exceptions>", `<Exceptions>${worked("2027-01-11", "10:00:00", "14:00:00")}${worked("2027-01-16", "09:00:00", "13:00:00")}</Exceptions>`);
    const xml = file(cal, task(1, "2027-01-04T08:00:00", "2027-01-11T10:00:00") + task(2, "2027-01-04T08:00:00", "2027-01-16T09:00:00") +
      // 08:00, where a Monday's work normally begins, still ends Friday's work on the shortened Monday (as before).
      task(3, "2027-01-04T08:00:00", "2027-01-11T08:00:00"));
    expect(finishes(xml)).toEqual([["prj-x-t1", "2027-01-08", undefined], ["prj-x-t2", "2027-01-15", undefined], ["prj-x-t3", "2027-01-08", undefined]]);
  });
});
