import { describe, expect, it } from "vitest";
import { expandMspdiException, mspdiExceptionProblem, mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import type { MspdiElement } from "../../src/io/mspdi/element.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";

/*
 * MSPDI calendar exception Type (Project XML schema, Calendars element, Exception/Type): 1 Daily, 2 Yearly by day of
 * the month, 3 Yearly by position, 4 Monthly by day of the month, 5 Monthly by position, 6 Weekly, 7 By day count,
 * 8 By weekday count, 9 No exception type; Period is "the period of recurrence". Type 7 repeats every Period days
 * (MS Project 2016 writes "every 3 days" that way: mpxj_calendar-recurring-exceptions-project2016-mspdi.xml, "Daily 2").
 * Type 8 is its weekday twin: every Period-th weekday, counting Monday–Friday only ("Weekday" as the same schema's
 * MonthItem 1 means it). Before, Type 8 was reported (unexpanded-exception) and its days left out of the calendar.
 */
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const exception = (fields: Record<string, string>, from: string, to: string): MspdiElement => ({
  fields: { Name: "x", DayWorking: "0", ...fields },
  lists: { timePeriod: [{ fields: { FromDate: `${from}T00:00:00`, ToDate: `${to}T23:59:00` }, lists: {} }] },
});

describe("MSPDI exception Type 8: by weekday count", () => {
  it("every second weekday from Friday 2027-01-01 to Friday 2027-01-15", () => {
    // Weekdays in the period, counted from 0: Fri 1 (0), Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4), Fri 8 (5),
    // Mon 11 (6), Tue 12 (7), Wed 13 (8), Thu 14 (9), Fri 15 (10): the even counts are the exception's days.
    const ex = exception({ Type: "8", Period: "2" }, "2027-01-01", "2027-01-15");
    expect(mspdiExceptionProblem(ex)).toBeUndefined();
    expect(expandMspdiException(ex)).toEqual(["2027-01-01", "2027-01-05", "2027-01-07", "2027-01-11", "2027-01-13", "2027-01-15"]);
  });

  it("a period starting on Saturday begins on Monday; Occurrences stops it; no Period is every weekday", () => {
    // Sat 2027-01-02, every weekday, 3 occurrences: Mon 4, Tue 5, Wed 6 (the period runs to the 31st).
    expect(expandMspdiException(exception({ Type: "8", Occurrences: "3" }, "2027-01-02", "2027-01-31"))).toEqual(["2027-01-04", "2027-01-05", "2027-01-06"]);
    // Every 3rd weekday over two weeks from Mon 2027-01-04: Mon 4, Thu 7, Tue 12, Fri 15.
    expect(expandMspdiException(exception({ Type: "8", Period: "3" }, "2027-01-04", "2027-01-17"))).toEqual(["2027-01-04", "2027-01-07", "2027-01-12", "2027-01-15"]);
  });

  it("counts weekdays where Type 7 counts days: MS Project 2016's 'Daily 2' (every 3 days from Tue 2000-02-01) as Type 8", () => {
    // The fixture's Type 7 rule gives Feb 1, 4, 7, 10 (every third day). Counted in weekdays instead — Tue 1 (0),
    // Wed 2, Thu 3, Fri 4 (3), Mon 7, Tue 8, Wed 9 (6), Thu 10 — the same rule is Feb 1, 4, 9.
    const doc = readMspdi(fixtureText("mspdi/mpxj_calendar-recurring-exceptions-project2016-mspdi.xml")).document;
    const daily2 = doc.project.lists["calendars"]![0]!.lists["exceptions"]!.find((e) => e.fields["Name"] === "Daily 2")!;
    expect(expandMspdiException(daily2)).toEqual(["2000-02-01", "2000-02-04", "2000-02-07", "2000-02-10"]);
    expect(expandMspdiException({ ...daily2, fields: { ...daily2.fields, Type: "8" } })).toEqual(["2000-02-01", "2000-02-04", "2000-02-09"]);
  });

  it("the import puts a Type 8 exception's days in the calendar, reporting nothing", () => {
    const xml = `<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><CurrencyCode>EUR</CurrencyCode><CalendarUID>1</CalendarUID>` +
      `<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays></WeekDays>` +
      `<Exceptions><Exception><TimePeriod><FromDate>2027-01-04T00:00:00</FromDate><ToDate>2027-01-17T23:59:00</ToDate></TimePeriod><Name>Stocktake</Name><Type>8</Type><Period>3</Period><DayWorking>0</DayWorking></Exception></Exceptions></Calendar></Calendars>` +
      `<Tasks><Task><UID>1</UID><ID>1</ID><Name>T</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2027-01-04T08:00:00</Start>` +
      `<Finish>2027-01-08T17:00:00</Finish><Milestone>0</Milestone><Summary>0</Summary></Task></Tasks></Project>`;
    const { records, report } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    expect(records.project![0]!.calendar?.holidays).toEqual([
      { date: "2027-01-04", name: "Stocktake" }, { date: "2027-01-07", name: "Stocktake" }, { date: "2027-01-12", name: "Stocktake" }, { date: "2027-01-15", name: "Stocktake" },
    ]);
    expect(report.warnings.filter((w) => w.code === "unexpanded-exception")).toEqual([]);
  });

  it("Type 1 (daily) repeats every Period days as Type 7 does; Type 9 and unknown types are still reported", () => {
    // Daily from Mon 2027-01-04 to Sun 2027-01-10, Period 2: 4, 6, 8, 10 (MPXJ reads Period for both daily types).
    expect(expandMspdiException(exception({ Type: "1", Period: "2" }, "2027-01-04", "2027-01-10"))).toEqual(["2027-01-04", "2027-01-06", "2027-01-08", "2027-01-10"]);
    expect(mspdiExceptionProblem(exception({ Type: "9" }, "2027-01-04", "2027-01-10"))).toBe("recurrence Type 9 (no exception type) gives no recurrence pattern to expand");
    expect(mspdiExceptionProblem(exception({ Type: "12" }, "2027-01-04", "2027-01-10"))).toBe("recurrence Type 12 is not one pmokit expands (1–8)");
  });
});
