import { describe, expect, it } from "vitest";
import { createWorkingCalendar, instant, isoDate } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, instantiateChecklist, scheduleRollout } from "../../src/rollout/index.js";
import { firstIssuePath } from "../support/errors.js";

// `assignees` maps roles to people. A role misspelt ("sponser") was ignored: every item the sponsor is accountable for
// came out with nobody accountable and no error.
const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-03-01"), calendar: createWorkingCalendar({}), cutoverStart: isoDate("2027-02-26"), hypercareEnd: isoDate("2027-03-26") });
const at = instant("2026-09-18T14:00:00Z");
const make = (assignees: object) => () => instantiateChecklist(s, { rolloutPlanId: "rp-crm", at, assignees: assignees as never });

describe("instantiateChecklist checks the assignees", () => {
  it("the sponsor, spelt right, is accountable for GNG-01", () => {
    const gng = make({ sponsor: "p-ana-costa" })().find((i) => i.code === "GNG-01")!;
    expect(gng.raci).toEqual([{ personId: "p-ana-costa", raci: "accountable" }]);
  });

  it("an unknown role is a ValidationError at assignees.<role>, not a silently unassigned plan", () => {
    expect(firstIssuePath(make({ sponser: "p-ana-costa" }))).toEqual(["assignees", "sponser"]);
    expect(firstIssuePath(make(JSON.parse('{"__proto__": "p-ana-costa"}')))).toEqual(["assignees", "__proto__"]);
  });

  it("a person id that is not text is refused at its role", () => {
    expect(firstIssuePath(make({ sponsor: 42 }))).toEqual(["assignees", "sponsor"]);
  });
});
