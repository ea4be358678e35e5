import { describe, expect, it } from "vitest";
import { expandMspdiException, mspdiExceptionProblem, mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import type { MspdiElement } from "../../src/io/mspdi/element.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";

/*
 * MSPDI calendar exception Type (Project XML schema, Calendars element, Exception/Type): 1 Daily, 2 Yearly by day of
 * the month, 3 Yearly by position, 4 Monthly by day of the month, 5 Monthly by position, 6 Weekly, 7 By day count,
 * 8 By weekday count, 9 No exception type. Types 1–7 are checked against MS Project's own expansion (the 27 exceptions
 * of mpxj_calendar-recurring-exceptions-project2016-mspdi.xml and their 140 legacy DayType=0 days, mspdi-map.test.ts).
 * Type 8 has no documented pattern: the schema names it only, Project's VBA PjExceptionType says "the exception
 * recurrence ends after a specified number of weekday occurrences", MPXJ's MSPDI and MPP readers have no recurrence for
 * it (their RECURRENCE_TYPES table stops at 7, so they read the period as a plain range), and no MS Project file in
 * the fixtures writes it. Before, pmokit expanded it to "every Period-th weekday, Monday–Friday" — an invented rule.
 * Now it is reported (unexpanded-exception) and MS Project's own expanded DayType=0 days stand in when the file has them.
 */
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const exception = (fields: Record<string, string>, from: string, to: string): MspdiElement => ({
  fields: { Name: "x", DayWorking: "0", ...fields },
  lists: { timePeriod: [{ fields: { FromDate: `${from}T00:00:00`, ToDate: `${to}T23:59:00` }, lists: {} }] },
});
const file = (legacy: string) =>
  `<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><CurrencyCode>EUR</CurrencyCode><CalendarUID>1</CalendarUID>` +
  `<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>${legacy}</WeekDays>` +
  `<Exceptions><Exception><TimePeriod><FromDate>2027-01-04T00:00:00</FromDate><ToDate>2027-01-17T23:59:00</ToDate></TimePeriod><Name>Stocktake</Name><Type>8</Type><Period>3</Period><DayWorking>0</DayWorking></Exception></Exceptions></Calendar></Calendars>` +
  `<Tasks><Task><UID>1</UID><ID>1</ID><Name>T</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2027-01-04T08:00:00</Start>` +
  `<Finish>2027-01-08T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary></Task></Tasks></Project>`;

describe("MSPDI exception Type 8 (by weekday count): no documented pattern, reported", () => {
  it("names Type 8 as a problem and expands it to no dates, as Type 9", () => {
    const ex = exception({ Type: "8", Period: "2" }, "2027-01-01", "2027-01-15");
    expect(mspdiExceptionProblem(ex)).toBe("recurrence Type 8 (by weekday count) has no documented pattern to expand");
    // Before: ["2027-01-01", "2027-01-05", "2027-01-07", "2027-01-11", "2027-01-13", "2027-01-15"] (every 2nd weekday).
    expect(expandMspdiException(ex)).toEqual([]);
  });

  it("the import uses MS Project's DayType=0 days for the calendar and reports the exception", () => {
    // MS Project's own expansion says Tue 5 and Wed 6 January: those are the holidays, whatever Period 3 would suggest.
    const legacy = "<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2027-01-05T00:00:00</FromDate><ToDate>2027-01-06T23:59:00</ToDate></TimePeriod></WeekDay>";
    const { records, report } = mspdiToPmokit(readMspdi(file(legacy)).document, OPTIONS);
    // Before: Jan 4, 7, 12 and 15 ("every 3rd weekday"), with no warning.
    expect(records.project![0]!.calendar?.holidays).toEqual([{ date: "2027-01-05", name: "exception" }, { date: "2027-01-06", name: "exception" }]);
    expect(report.warnings.filter((w) => w.code === "unexpanded-exception").map((w) => w.message)).toEqual([
      'exception "Stocktake" cannot be expanded: recurrence Type 8 (by weekday count) has no documented pattern to expand; MS Project\'s expanded exception days (WeekDay DayType=0) are used for this calendar',
    ]);
  });

  it("without DayType=0 days, says they are missing instead of guessing them", () => {
    const { records, report } = mspdiToPmokit(readMspdi(file("")).document, OPTIONS);
    expect(records.project![0]!.calendar?.holidays).toEqual([]);
    expect(report.warnings.filter((w) => w.code === "unexpanded-exception").map((w) => w.message)).toEqual([
      'exception "Stocktake" cannot be expanded: recurrence Type 8 (by weekday count) has no documented pattern to expand; its days are not in the calendar; add them as holidays',
    ]);
  });

  it("Type 7 (by day count) stays every Period days: MS Project 2016's 'Daily 2' (every 3 days from Tue 2000-02-01)", () => {
    const doc = readMspdi(fixtureText("mspdi/mpxj_calendar-recurring-exceptions-project2016-mspdi.xml")).document;
    const daily2 = doc.project.lists["calendars"]![0]!.lists["exceptions"]!.find((e) => e.fields["Name"] === "Daily 2")!;
    // Feb 1, 4, 7, 10: 4 occurrences, 3 days apart — the file's own DayType=0 days for it.
    expect(expandMspdiException(daily2)).toEqual(["2000-02-01", "2000-02-04", "2000-02-07", "2000-02-10"]);
  });

  it("Type 1 (daily) repeats every Period days as Type 7 does; Type 9 and unknown types are still reported", () => {
    // Daily from Mon 2027-01-04 to Sun 2027-01-10, Period 2: 4, 6, 8, 10 (MPXJ reads Period for both daily types).
    expect(expandMspdiException(exception({ Type: "1", Period: "2" }, "2027-01-04", "2027-01-10"))).toEqual(["2027-01-04", "2027-01-06", "2027-01-08", "2027-01-10"]);
    expect(mspdiExceptionProblem(exception({ Type: "9" }, "2027-01-04", "2027-01-10"))).toBe("recurrence Type 9 (no exception type) gives no recurrence pattern to expand");
    expect(mspdiExceptionProblem(exception({ Type: "12" }, "2027-01-04", "2027-01-10"))).toBe("recurrence Type 12 is not one pmokit expands (1–7)");
  });
});
