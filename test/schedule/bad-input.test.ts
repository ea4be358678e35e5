import { describe, expect, it } from "vitest";
import { validationIssues } from "./helpers.js";
import { scheduleNetwork, type ScheduleInput } from "../../src/index.js";

function issues(input: ScheduleInput, options = {}): string[] {
  return validationIssues(() => scheduleNetwork(input, options));
}
const base = { projectStart: "2027-01-04" };

describe("bad network input is a ValidationError with paths", () => {
  it("unknown ids, self-links, duplicates, negative durations", () => {
    expect(
      issues({
        ...base,
        activities: [{ id: "A", duration: -1 }, { id: "A", duration: 1 }, { id: "B", duration: "1e3" }],
        links: [{ from: "A", to: "Z" }, { from: "B", to: "B" }, { from: "A", to: "B", type: "XX" as "FS" }, { from: "A", to: "B" }],
      }),
    ).toEqual([
      "activities.0.duration: duration must not be negative, got -1",
      "activities.1.id: duplicate activity id A",
      'activities.2.duration: expected an exact decimal string or a finite number, got "1e3"',
      'links.0.to: unknown activity "Z"',
      "links.1: self-link on B",
      'links.2.type: link type must be FS, SS, FF or SF, got "XX"',
      "links.3: duplicate link A → B (one link per pair)",
    ]);
  });
  it("names the cycle and its strongly connected component", () => {
    expect(
      issues({
        ...base,
        activities: ["S", "A", "B", "C", "D"].map((id) => ({ id, duration: 1 })),
        links: [{ from: "S", to: "A" }, { from: "A", to: "B" }, { from: "B", to: "C" }, { from: "C", to: "A" }, { from: "C", to: "D" }],
      }),
    ).toEqual(["links: dependency cycle A → B → C → A (strongly connected: A, B, C)"]);
  });
  it("bad dates, calendars, constraints, lags and options", () => {
    expect(
      issues({
        projectStart: "2027-13-01",
        activities: [
          { id: "A", duration: 1, calendarId: "nope", constraint: { kind: "snet", date: "soon" } },
          { id: "B", duration: 1, constraint: { kind: "never" } as never },
          { id: "__proto__", duration: 1 },
        ],
        links: [{ from: "A", to: "B", lag: { weeks: 1 } as never }],
      }),
    ).toEqual([
      'projectStart: expected a date YYYY-MM-DD, got "2027-13-01"',
      'activities.0.calendarId: unknown calendar "nope"',
      'activities.0.constraint.date: expected a date YYYY-MM-DD, got "soon"',
      "activities.1.constraint.kind: expected asap, alap, snet, snlt, fnet, fnlt, mso or mfo",
      'activities.2.id: "__proto__" is not an id',
      "links.0.lag: expected { days }, { elapsedDays } or { percent }",
    ]);
    expect(issues({ ...base, activities: [] }, { totalFloat: "longest", criticalDays: "x" })).toEqual([
      "totalFloat: expected start, finish or smallest",
      'criticalDays: expected an exact decimal string or a finite number, got "x"',
    ]);
  });
  it("an empty network finishes on its start", () => {
    const r = scheduleNetwork({ ...base, activities: [] });
    expect([r.finish, r.durationDays.toFixed(), r.activities.length]).toEqual(["2027-01-04", "0", 0]);
  });
});
