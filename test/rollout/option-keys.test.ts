import { describe, expect, it } from "vitest";
import { createWorkingCalendar, instant, isoDate } from "../../src/index.js";
import {
  DEFAULT_IT_ROLLOUT_TEMPLATE,
  assessItem,
  checkEvidenceRule,
  dueDateFor,
  evaluateGate,
  instantiateChecklist,
  overdueItems,
  readinessFigures,
  readinessProgress,
  scheduleChecklist,
  scheduleRollout,
  waveProgress,
} from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";
import { issuesOf } from "../support/errors.js";

// Seventh audit pass: a misspelt option key is refused, not ignored while the default runs (`{ asof: … }` failed only
// because asOf was then missing; `{ blackout: [...] }` scheduled through the freeze; `{ cutoverStep: true }` misspelt
// gave the nominal day). The path follows each function's own option errors: readiness and gates at ["asOf"] → [key];
// scheduleRollout and dueDateFor at ["options", key]; waveProgress at "options.asOf" → ["options", key].

const { plan, items, gates } = sampleRollout();
const gate = gates[0]!;
const asOf = isoDate("2026-11-20");
const cal = createWorkingCalendar({});
const READINESS = "asOf, facts";

describe("rollout options: unknown keys", () => {
  it("the readiness functions and evaluateGate refuse an unknown key at [key]", () => {
    const bogus = { asOf, fact: {} } as never;
    expect(issuesOf(() => readinessProgress(items, bogus))).toEqual([["fact", `unknown option (readinessProgress takes ${READINESS})`]]);
    expect(issuesOf(() => overdueItems(items, bogus))).toEqual([["fact", `unknown option (overdueItems takes ${READINESS})`]]);
    expect(issuesOf(() => readinessFigures({ items, gates }, bogus))).toEqual([["fact", `unknown option (readinessFigures takes ${READINESS})`]]);
    expect(issuesOf(() => evaluateGate({ items, gates }, gate.id, bogus))).toEqual([["fact", `unknown option (evaluateGate takes ${READINESS})`]]);
    // Correct calls still work: every sample item is counted once.
    expect(readinessProgress(items, { asOf, facts: {} }).overall.total).toBe(items.length);
    expect(evaluateGate({ items, gates }, gate.id, { asOf }).gateId).toBe(gate.id);
  });
  it("assessItem and checkEvidenceRule", () => {
    expect(issuesOf(() => assessItem(items[0]!, { asOf, facts: new Map(), at: 1 } as never))).toEqual([["at", "unknown option (assessItem takes asOf, facts)"]]);
    expect(issuesOf(() => checkEvidenceRule(items[0]!, new Map(), { asof: asOf } as never))).toEqual([["asof", "unknown option (checkEvidenceRule takes asOf)"]]);
    expect(assessItem(items[0]!, { asOf, facts: new Map() }).id).toBe(items[0]!.id);
  });
  it("scheduleRollout and dueDateFor at [\"options\", key]", () => {
    const base = { goLive: isoDate("2027-03-01"), calendar: cal, cutoverStart: isoDate("2027-02-26"), hypercareEnd: isoDate("2027-03-26") };
    expect(issuesOf(() => scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { ...base, blackout: [] } as never))).toEqual([
      ["options.blackout", "unknown option (scheduleRollout takes goLive, calendar, blackouts, cutoverStart, hypercareEnd, planStart)"],
    ]);
    expect(scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, base).goLive).toBe("2027-03-01");
    expect(issuesOf(() => dueDateFor(cal, isoDate("2027-03-06"), 1, { cutover: true } as never))).toEqual([
      ["options.cutover", "unknown option (dueDateFor takes goLive, cutoverStep, cutoverStart, freezeExempt)"],
    ]);
    // Sat 2027-03-06, T-1 on a Mon–Fri calendar: Thu 03-04 (the anchor's own day is not a working day: Fri 03-05 is T-0).
    expect(dueDateFor(cal, isoDate("2027-03-06"), 1, { freezeExempt: false }).due).toBe("2027-03-04");
  });
  it("instantiateChecklist, scheduleChecklist and waveProgress", () => {
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-03-01"), calendar: cal, cutoverStart: isoDate("2027-02-26"), hypercareEnd: isoDate("2027-03-26") });
    const at = instant("2026-09-18T14:00:00Z");
    expect(issuesOf(() => instantiateChecklist(s, { rolloutPlanId: "rp-crm", at, prefix: "x" } as never))).toEqual([
      ["prefix", "unknown option (instantiateChecklist takes rolloutPlanId, at, idPrefix, assignees)"],
    ]);
    expect(instantiateChecklist(s, { rolloutPlanId: "rp-crm", at }).length).toBe(s.items.length);
    expect(issuesOf(() => scheduleChecklist(plan, items, { blackout: [] } as never))).toEqual([["blackout", "unknown option (scheduleChecklist takes planStart, blackouts)"]]);
    expect(scheduleChecklist(plan, items, { blackouts: [] }).items.length).toBe(items.length);
    expect(issuesOf(() => waveProgress(plan, { asOf, by: "audience" } as never))).toEqual([["options.by", "unknown option (waveProgress takes asOf)"]]);
    expect(waveProgress(plan, { asOf }).waves.length).toBe(plan.waves?.length ?? 0);
  });
});
