import { describe, expect, it } from "vitest";
import { scheduleNetwork } from "../../src/index.js";

/*
 * Findings count days in words that agree with the figure: "1 day", "-1 day", "2 days", "0.5 days" (they read
 * "1 days" and "-1 days of total float"; levelling's link-violated findings already said "1 day").
 *
 * Hand derivation (Mon–Fri, 2027-01-04 a Monday):
 * - A 3 d (Mon 4 – Wed 6), deadline Tue 5: 1 day late, total float −1.
 * - B 1 d FS after A starts Thu 7; SNLT Wed 6: 1 day late to start.
 * - C 4 d (Mon 4 – Thu 7), FNLT Tue 5: finishes 2 days late; D below pins its late finish further back, to Fri 1
 *   (the evening before D's Mon 4), so its total float is −4 (Mon 4 – Thu 7).
 * - D 1 d MSO Mon 4, FS after C (finishes Thu 7): logic would put D on Fri 8, 4 days after its date.
 */
describe("finding messages say day or days as the figure needs", () => {
  const r = scheduleNetwork({
    projectStart: "2027-01-04",
    activities: [
      { id: "A", duration: 3, deadline: "2027-01-05" },
      { id: "B", duration: 1, constraint: { kind: "snlt", date: "2027-01-06" } },
      { id: "C", duration: 4, constraint: { kind: "fnlt", date: "2027-01-05" } },
      { id: "D", duration: 1, constraint: { kind: "mso", date: "2027-01-04" } },
    ],
    links: [{ from: "A", to: "B" }, { from: "C", to: "D" }],
  });
  it("1 day, -1 day, 2 days, 4 days", () => {
    expect(r.violations.map((v) => v.message)).toEqual([
      "A finishes 1 day after its deadline 2027-01-05",
      "A has -1 day of total float",
      "B starts 1 day after its start-no-later-than date",
      "B has -1 day of total float",
      "C finishes 2 days after its finish-no-later-than date",
      "C has -4 days of total float",
      "logic would put D 4 days after its MSO date 2027-01-04; the constraint wins",
    ]);
  });
});
