import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate } from "../../src/index.js";
import { blackoutWarnings, scheduleChecklist } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// Reference (rollout-status-kpi.md §1, §3): blackout/maintenance schedules with conflict detection (ServiceNow [7]).
// A rollout wave is a deployment: a wave whose days reach into a change freeze was not flagged at all, while a
// go-live or cutover in the same freeze was.
const { plan, items } = sampleRollout(); // freeze 2026-12-21…2027-01-04
const office = createWorkingCalendar(plan.calendar);
const pilot = plan.waves[0]!;

describe("a rollout wave inside a blackout window is flagged", () => {
  it("a wave 2026-12-14…2026-12-22 reaches into the freeze on 12-21", () => {
    const w = blackoutWarnings(office, { goLive: plan.goLive, waves: [{ ...pilot, id: "w-x", name: "Wave X", start: isoDate("2026-12-14"), finish: isoDate("2026-12-22") }] });
    expect(w.map((x) => [x.code, x.date, x.message])).toEqual([
      ["wave-in-blackout", "2026-12-21", "wave Wave X 2026-12-14…2026-12-22 overlaps the blackout 2026-12-21…2027-01-04 (Year-end change freeze)"],
    ]);
  });

  it("a wave ending the day before the freeze, or starting the day after it, is not flagged", () => {
    const wave = (start: string, finish: string) => ({ ...pilot, start: isoDate(start), finish: isoDate(finish) });
    expect(blackoutWarnings(office, { goLive: plan.goLive, waves: [wave("2026-12-14", "2026-12-20"), wave("2027-01-05", "2027-01-08")] })).toEqual([]);
  });

  it("scheduleChecklist reports the plan's waves in a freeze with its other warnings", () => {
    expect(scheduleChecklist(plan, items).warnings).toEqual([]); // the sample waves run from March 2027
    const inFreeze = { ...plan, waves: [{ ...pilot, start: isoDate("2026-12-28"), finish: isoDate("2027-01-08") }] };
    expect(scheduleChecklist(inFreeze, items).warnings.map((x) => [x.code, x.date])).toEqual([["wave-in-blackout", "2026-12-28"]]);
  });
});

describe("waveProgress groups audiences as the wave schema reads them", () => {
  it("'Sales EMEA ' (trailing space, accepted by the schema's trim) made a second 'Sales EMEA' audience", async () => {
    const { waveProgress } = await import("../../src/rollout/index.js");
    const a = { ...pilot, id: "w-a", audience: "Sales EMEA", targetCount: 10, installedCount: 0, trainedCount: 0, failedCount: 0 };
    const b = { ...a, id: "w-b", audience: "Sales EMEA " };
    const p = waveProgress({ waves: [a, b] }, { asOf: isoDate("2026-11-20") });
    expect(Object.keys(p.byAudience)).toEqual(["Sales EMEA"]);
    expect(p.byAudience["Sales EMEA"]!.targeted).toBe(20);
  });
});
