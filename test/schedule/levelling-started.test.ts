import { describe, expect, it } from "vitest";
import { levelResources, type LevellingInput, type LevellingResult } from "../../src/index.js";
import { STARTED_BEHIND_LEVELLED } from "./helpers.js";

const rows = (r: LevellingResult) => r.activities.map((a) => [a.id, a.start, a.finish, a.delayDays.toFixed(), a.pushedBy]);

describe("started work under retained logic follows its predecessors' levelled dates", () => {
  // Status Wed 2027-01-06. A (3 d, no resource) started Mon 4 with 1 day left; its FS predecessors P and X (3 d each,
  // both on the 1-unit R) have not started. CPM: P and X Thu 7–Mon 11, A's remaining day Tue 12 (finish Tue 12).
  // Levelled: P and X tie (float 0, start Thu 7): P first by id, Thu 7–Mon 11; X waits 3 days, Tue 12–Thu 14.
  // A's remaining day follows X: Fri 15, 3 working days later (Tue 12 → Fri 15), pushed by X; its done part
  // (Mon 4–Wed 6) stays. Before: A stayed on Tue 12, two days before X's finish, and violations was [].
  const input: LevellingInput = STARTED_BEHIND_LEVELLED;

  it("the remaining day moves after X; the actual start stays", () => {
    const r = levelResources(input);
    expect(r.schedule.activities.map((a) => [a.id, a.earlyStart, a.earlyFinish])).toEqual([["A", "2027-01-04", "2027-01-12"], ["P", "2027-01-07", "2027-01-11"], ["X", "2027-01-07", "2027-01-11"]]);
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-15", "3", "X"], ["P", "2027-01-07", "2027-01-11", "0", undefined], ["X", "2027-01-12", "2027-01-14", "3", undefined]]);
    expect([r.finish, r.violations, r.unresolved]).toEqual(["2027-01-15", [], []]);
  });

  it("on X's resource too: X takes Tue 12 (not held for A's remaining day), A's remaining day follows on Fri 15", () => {
    // A also needs R. Its done part holds R Mon 4–Wed 6 (first, as fixed work); its remaining day holds nothing until
    // P and X are placed. P Thu 7–Mon 11; X finds R held by P on Thu 7 and waits 3 days, Tue 12–Thu 14; A's remaining
    // day goes to Fri 15, where R is free. Before: A held Tue 12 at its CPM date, X waited 4 days (Wed 13–Fri 15) and
    // A stayed on Tue 12, three days before X's finish.
    const r = levelResources({ ...input, assignments: [...input.assignments, { activityId: "A", resourceId: "R", units: 1 }] });
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-15", "3", "X"], ["P", "2027-01-07", "2027-01-11", "0", undefined], ["X", "2027-01-12", "2027-01-14", "3", undefined]]);
    expect(r.delays.map((d) => d.message)).toEqual(["X waits 3 days for R (held by P)"]);
    expect([r.finish, r.remainingOverAllocations, r.unresolved, r.violations]).toEqual(["2027-01-15", [], [], []]);
  });

  it("a chain: started B behind started A follows A's levelled finish", () => {
    // B (2 d, no resource) started Tue 5 with 1 day left, FS from A. CPM: B's remaining day Wed 13, after A's Tue 12.
    // Levelled: A's remaining day Fri 15 (as above), so B's is Mon 18: 3 working days later (Wed 13 → Mon 18), pushed
    // by A. Before: A Tue 12 and B Wed 13, both kept.
    const r = levelResources({
      ...input,
      network: {
        ...input.network,
        activities: [...input.network.activities, { id: "B", duration: 2, progress: { actualStart: "2027-01-05", remainingDuration: 1 } }],
        links: [...(input.network.links ?? []), { from: "A", to: "B" }],
      },
    });
    expect(r.schedule.activities.find((a) => a.id === "B")?.earlyFinish).toBe("2027-01-13");
    expect(rows(r).filter((x) => x[0] === "A" || x[0] === "B")).toEqual([["A", "2027-01-04", "2027-01-15", "3", "X"], ["B", "2027-01-05", "2027-01-18", "3", "A"]]);
    expect([r.finish, r.violations]).toEqual(["2027-01-18", []]);
  });

  it("an FF link: the remaining part finishes no earlier than X", () => {
    // X —FF→ A instead of FS. CPM: FS from P puts A's remaining day on Tue 12; FF from X (Mon 11) asks no more.
    // Levelled: X Tue 12–Thu 14, so A finishes no earlier than Thu 14: its remaining day is Thu 14, 2 working days
    // later (Tue 12 → Thu 14), pushed by X.
    const r = levelResources({ ...input, network: { ...input.network, links: [{ from: "P", to: "A" }, { from: "X", to: "A", type: "FF" }] } });
    expect(r.schedule.activities.find((a) => a.id === "A")?.earlyFinish).toBe("2027-01-12");
    expect(rows(r)[0]).toEqual(["A", "2027-01-04", "2027-01-14", "2", "X"]);
    expect(r.violations).toEqual([]);
  });

  it("progress override: the links no longer bind, the remaining day stays the morning after the status date", () => {
    // Under progress override A's remaining day is Thu 7 whatever P and X do (out-of-sequence in the CPM result); X
    // still waits for P, and A does not move.
    const r = levelResources(input, { schedule: { outOfSequence: "progress-override" } });
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-07", "0", undefined], ["P", "2027-01-07", "2027-01-11", "0", undefined], ["X", "2027-01-12", "2027-01-14", "3", undefined]]);
    expect(r.schedule.violations.map((v) => v.kind)).toEqual(["out-of-sequence", "out-of-sequence"]);
    expect(r.violations).toEqual([]);
  });
});
