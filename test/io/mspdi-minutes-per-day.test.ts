import { describe, expect, it } from "vitest";
import { importMspdiBatches, mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const task = (uid: number, extra = "") => `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>` +
  `<Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish><Duration>PT40H0M0S</Duration><Milestone>0</Milestone><Summary>0</Summary>${extra}</Task>`;
const file = (minutes: string) => `<Project xmlns="http://schemas.microsoft.com/project"><Name>f</Name><CurrencyCode>EUR</CurrencyCode><MinutesPerDay>${minutes}</MinutesPerDay><Tasks>${task(1)}` +
  `${task(2, "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>")}</Tasks></Project>`;

describe("MSPDI MinutesPerDay", () => {
  it.each(["abc", "0", "-480", ""])("refuses MinutesPerDay %j at its own path (durations and lags are divided by it)", async (minutes) => {
    // Before: "abc" threw decimal.js's untyped "[DecimalError] Invalid argument: abc"; "0" gave "Infinity" days,
    // refused at every task's durationDays instead of the one field at fault; "-480" negative durations.
    // An empty element is no value: the default 480 stands (as MS Project's).
    if (minutes === "") {
      expect(mspdiToPmokit(readMspdi(file(minutes)).document, OPTIONS).records["work-package"]!.map((w) => w.durationDays?.toFixed())).toEqual(["5", "5"]);
      return;
    }
    const e = validationErrorOf(() => mspdiToPmokit(readMspdi(file(minutes)).document, OPTIONS));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["Project", "MinutesPerDay"], `expected a positive number of minutes, not "${minutes}"`]]);
    let streamed: unknown;
    try {
      for await (const _ of importMspdiBatches(() => [file(minutes)], OPTIONS)) { /* drain */ }
    } catch (err) {
      streamed = err;
    }
    expect((streamed as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([["Project", "MinutesPerDay"]]);
  });

  it("a fractional day length still divides exactly (450 minutes: PT40H0M0S is 5.333333 days)", () => {
    const { records } = mspdiToPmokit(readMspdi(file("450")).document, OPTIONS);
    // 40 h × 60 / 450 = 5.3333…; lag 4800 tenths = 480 min / 450 = 1.066667 days.
    expect(records["work-package"]!.map((w) => [w.durationDays?.toFixed(), w.predecessors?.[0]?.lag && "days" in w.predecessors[0].lag ? w.predecessors[0].lag.days.toFixed() : undefined]))
      .toEqual([["5.333333", undefined], ["5.333333", "1.066667"]]);
  });
});
