import { describe, expect, it } from "vitest";
import { scheduleNetwork, type ScheduleInput } from "../../src/index.js";

/*
 * Out-of-sequence progress is progress the logic did not allow: for FS, the successor started before the predecessor
 * finished; SS, before it started; FF, the successor finished before the predecessor finished; SF, the successor
 * finished before the predecessor started (each link type read on the dates it ties, as P6's and MS Project's
 * logic checks read them). Before, only FS and SS links were checked: a finish that broke an FF or SF link said nothing.
 */
const base = (type: "FF" | "SF", a: ScheduleInput["activities"][number]["progress"]): ScheduleInput => ({
  projectStart: "2027-01-04",
  statusDate: "2027-01-08",
  activities: [
    { id: "A", duration: 3, ...(a ? { progress: a } : {}) },
    { id: "B", duration: 2, progress: { actualStart: "2027-01-04", actualFinish: "2027-01-05" } },
  ],
  links: [{ from: "A", to: "B", type }],
});
const oos = (input: ScheduleInput) => scheduleNetwork(input).violations.filter((v) => v.kind === "out-of-sequence").map((v) => v.message);

describe("out-of-sequence progress on FF and SF links", () => {
  it("FF: B finished Tue 5 while A (started Mon 4) has not finished", () => {
    expect(oos(base("FF", { actualStart: "2027-01-04", remainingDuration: 1 }))).toEqual([
      "B finished 2027-01-05 before its FF predecessor A finished; it is complete, so the link no longer binds",
    ]);
  });
  it("FF: B finished Tue 5, A finished Wed 6 — out of sequence; A finished Tue 5 — in sequence", () => {
    expect(oos(base("FF", { actualStart: "2027-01-04", actualFinish: "2027-01-06" }))).toHaveLength(1);
    expect(oos(base("FF", { actualStart: "2027-01-04", actualFinish: "2027-01-05" }))).toEqual([]);
  });
  it("SF: B finished Tue 5 while A has not started; A started Mon 4 — in sequence", () => {
    expect(oos(base("SF", undefined))).toEqual(["B finished 2027-01-05 before its SF predecessor A started; it is complete, so the link no longer binds"]);
    expect(oos(base("SF", { actualStart: "2027-01-04", remainingDuration: 1 }))).toEqual([]);
  });
});
