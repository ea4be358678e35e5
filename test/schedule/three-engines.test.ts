import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { networkOf, plans, threeEngines } from "./three-engines.js";

/*
 * One plan, three engines (see three-engines.ts): scheduleNetwork, levelResources with ample resources and the Monte
 * Carlo run without uncertainty give the same dates, finish and critical flags over random plans.
 */
describe("scheduleNetwork = levelResources (ample resources) = Monte Carlo without uncertainty (property)", () => {
  it("random plans: every link type and lag kind (leads, part-day elapsed and percent lags), constraints, deadlines, ALAP, milestones, progress, three calendars", () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const e = threeEngines(networkOf(plan), plan.options);
        expect(e.levelled).toEqual(e.cpm);
        expect(e.levelledFinish).toEqual(e.cpmFinish);
        expect(e.mcFinish).toEqual(e.cpmFinishes);
        expect(e.criticality).toEqual(e.critical);
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});
