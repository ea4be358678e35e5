import { describe, expect, it } from "vitest";
import { ValidationError, scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { OUT_OF_SEQUENCE, act, row } from "./helpers.js";

describe("status-date rescheduling", () => {
  // Status Fri 2027-01-08. A (3 d) done Mon 4 – Wed 6. B (4 d) started Thu 7, 2 days left → Mon 11 – Tue 12.
  // C (2 d) follows B → Wed 13 – Thu 14. D (1 d) has no predecessor and has not started → Mon 11 (after the status date).
  const input: ScheduleInput = {
    projectStart: "2027-01-04",
    statusDate: "2027-01-08",
    activities: [
      { id: "A", duration: 3, progress: { actualStart: "2027-01-04", actualFinish: "2027-01-06" } },
      { id: "B", duration: 4, progress: { actualStart: "2027-01-07", remainingDuration: 2 } },
      { id: "C", duration: 2 },
      { id: "D", duration: 1 },
    ],
    links: [{ from: "A", to: "B" }, { from: "B", to: "C" }],
  };
  const r = scheduleNetwork(input);
  it("keeps actuals, schedules remaining work after the status date", () => {
    expect(row(r, "A").slice(0, 2)).toEqual(["2027-01-04", "2027-01-06"]);
    expect(act(r, "A")).toMatchObject({ status: "complete", critical: false });
    expect(row(r, "B").slice(0, 2)).toEqual(["2027-01-07", "2027-01-12"]);
    expect(act(r, "B")).toMatchObject({ status: "in-progress", earlyStartDriver: { kind: "actual", date: "2027-01-07" } });
    expect(act(r, "B").earlyFinishDriver).toEqual({ kind: "status-date", date: "2027-01-08" });
    expect(act(r, "B").remainingDuration.toFixed()).toBe("2");
    expect(row(r, "C").slice(0, 2)).toEqual(["2027-01-13", "2027-01-14"]);
    expect(act(r, "D")).toMatchObject({ earlyStart: "2027-01-11", earlyStartDriver: { kind: "status-date", date: "2027-01-08" } });
    expect(r.finish).toBe("2027-01-14");
  });
  it("derives remaining work from percent complete", () => {
    const p = scheduleNetwork({ ...input, activities: input.activities.map((a) => (a.id === "B" ? { ...a, progress: { actualStart: "2027-01-07", percentComplete: 25 } } : a)) });
    // 4 d × 75% = 3 d left: Mon 11 – Wed 13.
    expect(row(p, "B")[1]).toBe("2027-01-13");
  });
  // Out of sequence: X (3 d) → Y (3 d) FS. Status Wed 6. X started Mon 4, 1 day left (Thu 7). Y started Tue 5
  // (before X finished) with 1 day left.
  const oos = OUT_OF_SEQUENCE;
  it("retained logic: Y's remaining work waits for X (Fri 8)", () => {
    const q = scheduleNetwork(oos);
    expect(row(q, "Y")[1]).toBe("2027-01-08");
    expect(act(q, "Y").earlyFinishDriver).toMatchObject({ kind: "link", from: "X" });
    expect(q.violations.map((v) => v.kind)).toEqual(["out-of-sequence"]);
  });
  it("progress override: Y continues on Thu 7 regardless of X", () => {
    const q = scheduleNetwork(oos, { outOfSequence: "progress-override" });
    expect(row(q, "Y")[1]).toBe("2027-01-07");
    expect(q.conventions.outOfSequence).toBe("progress-override");
  });
  it("refuses progress without a status date, and a finish before the start", () => {
    const bad = () =>
      scheduleNetwork({
        projectStart: "2027-01-04",
        activities: [
          { id: "X", duration: 3, progress: { actualStart: "2027-01-04" } },
          { id: "Y", duration: 3, progress: { actualStart: "2027-01-05", actualFinish: "2027-01-04" } },
        ],
      });
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path.join("."))).toEqual(["statusDate", "activities.1.progress.actualFinish"]);
    }
  });

  it("a milestone reached the day its FS predecessor finished is in sequence; a task started that day is not", () => {
    // A (3 d) done Mon 4 – Wed 6. M (milestone, FS after A) reached Wed 6: a milestone sits at the evening of its day,
    // so it follows A's finish. T (1 d, FS after A) started Wed 6 began before A finished that evening.
    const r = scheduleNetwork({
      projectStart: "2027-01-04",
      statusDate: "2027-01-08",
      activities: [
        { id: "A", duration: 3, progress: { actualStart: "2027-01-04", actualFinish: "2027-01-06" } },
        { id: "M", duration: 0, progress: { actualStart: "2027-01-06", actualFinish: "2027-01-06" } },
        { id: "T", duration: 1, progress: { actualStart: "2027-01-06", actualFinish: "2027-01-06" } },
      ],
      links: [{ from: "A", to: "M" }, { from: "A", to: "T" }],
    });
    expect(r.violations.filter((v) => v.kind === "out-of-sequence").map((v) => v.activityId)).toEqual(["T"]);
  });
});
