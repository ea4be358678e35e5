import { describe, expect, it } from "vitest";
import { importMspdiBatches, mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * Malformed but real-world MSPDI shapes: each gives correct data, a warning, or a ValidationError with a path — never
 * a TypeError, never a record with a made-up id. (Missing optional elements, empty Calendars, PT0H0M0S durations,
 * elapsed durations and Unicode names are covered here too, as regressions.)
 */
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const project = (inner: string, head = "") => `<Project xmlns="http://schemas.microsoft.com/project"><Name>f.xml</Name><CurrencyCode>EUR</CurrencyCode>${head}${inner}</Project>`;
const task = (uid: string, extra = "", start = "2027-01-04T08:00:00", finish = "2027-01-08T17:00:00") =>
  `<Task>${uid === "" ? "" : `<UID>${uid}</UID>`}<Name>T${uid}</Name><OutlineNumber>${uid || "9"}</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>${start}</Start><Finish>${finish}</Finish>${extra}</Task>`;

async function streamIssues(xml: string): Promise<unknown[][]> {
  try {
    for await (const _ of importMspdiBatches(() => [xml], OPTIONS)) { /* drain */ }
  } catch (e) {
    return (e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path);
  }
  throw new Error("expected a refusal");
}

describe("MSPDI task without a UID (the schema requires one)", () => {
  it("is refused at its position, not imported as prj-x-tundefined", async () => {
    // Before: one work package with id "prj-x-tundefined"; with two such tasks, "task UID undefined is used by more
    // than one task" at Task[UID=undefined].
    const xml = project(`<Tasks>${task("1")}${task("")}</Tasks>`);
    const e = validationErrorOf(() => mspdiToPmokit(readMspdi(xml).document, OPTIONS));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["Task[2]", "UID"], "the 2nd task has no UID (the schema requires one)"]]);
    expect(await streamIssues(xml)).toEqual([["Task[2]", "UID"]]);
    const two = project(`<Tasks>${task("")}${task("").replace("<OutlineNumber>9", "<OutlineNumber>8")}</Tasks>`);
    expect(validationErrorOf(() => mspdiToPmokit(readMspdi(two).document, OPTIONS)).issues.map((i) => i.path)).toEqual([["Task[1]", "UID"], ["Task[2]", "UID"]]);
  });
});

describe("MSPDI negative durations", () => {
  it("reports a negative Duration (-PT8H0M0S) as unread, as it does PT-8H0M0S", () => {
    // xsd:duration allows a leading minus; no task lasts minus one day. Before: durationDays left out silently.
    const { records, report } = mspdiToPmokit(readMspdi(project(`<Tasks>${task("1", "<Duration>-PT8H0M0S</Duration>")}</Tasks>`)).document, OPTIONS);
    expect(records["work-package"]![0]!.durationDays).toBeUndefined();
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([["Task[UID=1]/Duration", "unread-duration"]]);
  });

  it("keeps negative lags (lead time) in every format", () => {
    // -4800 tenths of a minute at format 7 (days) and 480 minutes a day: -1 working day; -14400 at format 8: -1 elapsed day.
    const link = (lag: string, fmt: string) => `<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>${lag}</LinkLag><LagFormat>${fmt}</LagFormat></PredecessorLink>`;
    const { records } = mspdiToPmokit(readMspdi(project(`<Tasks>${task("1")}${task("2", link("-4800", "7"))}${task("3", link("-14400", "8"))}</Tasks>`)).document, OPTIONS);
    const lags = records["work-package"]!.map((w) => w.predecessors?.[0]?.lag);
    expect(lags.map((l) => (l && "days" in l ? `${l.kind} ${String(l.days)}` : l))).toEqual([undefined, "working-days -1", "elapsed-days -1"]);
  });
});

describe("MSPDI optional elements missing", () => {
  it("imports with empty Calendars, a calendar without WeekDays, an exception without TimePeriod, and Unicode names", () => {
    const head = "<CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><Exceptions><Exception><Name>x</Name></Exception></Exceptions></Calendar></Calendars>";
    const { records, report } = mspdiToPmokit(readMspdi(project(`<Tasks>${task("1", "<Notes>Tâche ✓ 日本 😀</Notes><Duration>PT0H0M0S</Duration>")}</Tasks>`, head)).document, OPTIONS);
    // No WeekDays: MS Project's default Monday–Friday. The exception has no dates: reported, not guessed.
    expect(records.project![0]!.calendar?.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(report.warnings.map((w) => w.code)).toEqual(["unexpanded-exception"]);
    expect(records["work-package"]![0]!.description).toBe("Tâche ✓ 日本 😀");
    expect(String(records["work-package"]![0]!.durationDays)).toBe("0");
    const empty = mspdiToPmokit(readMspdi(project(`<Calendars></Calendars><Tasks>${task("1")}</Tasks>`)).document, OPTIONS);
    expect(empty.records["work-package"]!.map((w) => w.id)).toEqual(["prj-x-t1"]);
  });
});
