import { describe, expect, it } from "vitest";
import { mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * MS Project's duration/lag format codes (the `DurationFormat` / `LagFormat` enumeration of the MSPDI schema, and
 * MPXJ's `DatatypeConverter.parseDurationTimeUnits`): 3 m, 4 em, 5 h, 6 eh, 7 d, 8 ed, 9 w, 10 ew, 11 mo, 12 emo,
 * 19 %, 20 e%; the estimated ("?") forms add 32: 35 m?, 36 em?, 37 h?, 38 eh?, 39 d?, 40 ed?, 41 w?, 42 ew?, 43 mo?,
 * 44 emo?, 51 %?, 52 e%?. Elapsed ("e") formats count calendar time, the others working time.
 */

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, extra: string, duration = "<Duration>PT40H0M0S</Duration><DurationFormat>7</DurationFormat>") =>
  `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>` +
  `<Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish>${duration}<Milestone>0</Milestone><Summary>0</Summary>${extra}</Task>`;
const link = (pred: number, lag: number, format: number) =>
  `<PredecessorLink><PredecessorUID>${pred}</PredecessorUID><Type>1</Type><LinkLag>${lag}</LinkLag><LagFormat>${format}</LagFormat></PredecessorLink>`;
const project = (tasks: string) =>
  `<Project xmlns="http://schemas.microsoft.com/project"><Name>f.xml</Name><CurrencyCode>EUR</CurrencyCode><MinutesPerDay>480</MinutesPerDay><Tasks>${tasks}</Tasks></Project>`;

/** A tiny independent reader: the LinkLag and LagFormat of every PredecessorLink of task `uid`, by regex. */
function rawLinks(xml: string, uid: number): { lag: number; format: number }[] {
  const t = new RegExp(`<Task><UID>${uid}</UID>(.*?)</Task>`).exec(xml)![1]!;
  return [...t.matchAll(/<LinkLag>(-?\d+)<\/LinkLag><LagFormat>(\d+)<\/LagFormat>/g)].map((m) => ({ lag: Number(m[1]), format: Number(m[2]) }));
}

describe("MSPDI estimated and elapsed formats", () => {
  it("an estimated lag keeps its kind: 39 (d?) is working days, 40 (ed?) elapsed days", () => {
    // 2d? = 2 × 480 min = 9600 tenths → 2 working days (before: read as elapsed, 9600 / 10 / 1440 = 0.666667 days).
    // 2ed? = 2 × 1440 min = 28800 tenths → 2 elapsed days (before: read as working, 28800 / 10 / 480 = 6 days).
    // 1w? (41) = 5 × 480 × 10 = 24000 tenths → 5 working days; 1ew? (42) = 7 × 1440 × 10 = 100800 → 7 elapsed days.
    const xml = project([task(1, ""), task(2, link(1, 9600, 39)), task(3, link(1, 28800, 40)), task(4, link(1, 24000, 41)), task(5, link(1, 100800, 42))].join(""));
    const { records } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    const lagOf = (name: string) => {
      const l = records["work-package"]!.find((w) => w.name === name)!.predecessors![0]!.lag!;
      return [l.kind, "days" in l ? l.days.toFixed() : ""];
    };
    // The oracle: tenths of minutes → days by the format's own clock (working 480 min/day, elapsed 1440).
    const expected = (uid: number) => rawLinks(xml, uid).map(({ lag, format }) => ([36, 38, 40, 42, 44].includes(format)
      ? ["elapsed-days", String(lag / 10 / 1440)] : ["working-days", String(lag / 10 / 480)]))[0];
    expect([lagOf("T2"), lagOf("T3"), lagOf("T4"), lagOf("T5")]).toEqual([expected(2), expected(3), expected(4), expected(5)]);
    expect([lagOf("T2"), lagOf("T3"), lagOf("T4"), lagOf("T5")]).toEqual([["working-days", "2"], ["elapsed-days", "2"], ["working-days", "5"], ["elapsed-days", "7"]]);
  });

  it("an elapsed task duration is not read as working time", () => {
    // 3ed (DurationFormat 8) is written PT72H0M0S: 72 elapsed hours, three calendar days. Before: 72 h × 60 / 480 =
    // 9 working days, a task three times its length in the schedule. pmokit has no elapsed duration field: the
    // duration is left out (the schedule falls back to the task's dates) and the report says so.
    const xml = project([
      task(1, "", "<Duration>PT72H0M0S</Duration><DurationFormat>8</DurationFormat>"),
      task(2, "", "<Duration>PT72H0M0S</Duration><DurationFormat>40</DurationFormat>"),
      task(3, "", "<Duration>PT24H0M0S</Duration><DurationFormat>39</DurationFormat>"),
    ].join(""));
    const { records, report } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    expect(records["work-package"]!.map((w) => [w.name, w.durationDays?.toFixed()])).toEqual([["T1", undefined], ["T2", undefined], ["T3", "3"]]);
    expect(report.warnings.filter((w) => w.code === "elapsed-duration").map((w) => w.path)).toEqual(["Task[UID=1]", "Task[UID=2]"]);
  });
});

describe("MSPDI durations in another form", () => {
  it("a Duration that is not PTnHnMnS is reported, not dropped without a word", () => {
    // xsd:duration also allows `P2D` or `PT16H` (other tools write them); MS Project writes PT16H0M0S. pmokit reads
    // only MS Project's form, so before, `P2D` left the package without a duration and the report said nothing.
    const xml = project([task(1, "", "<Duration>P2D</Duration>"), task(2, "", "<Duration>PT16H0M0S</Duration>")].join(""));
    const { records, report } = mspdiToPmokit(readMspdi(xml).document, OPTIONS);
    expect(records["work-package"]!.map((w) => w.durationDays?.toFixed())).toEqual([undefined, "2"]);
    expect(report.warnings.filter((w) => w.code === "unread-duration").map((w) => [w.path, w.message])).toEqual([
      ["Task[UID=1]/Duration", 'duration "P2D" is not in MS Project\'s PTnHnMnS form; left out (the task\'s dates give its length)'],
    ]);
  });
});
