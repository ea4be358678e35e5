import { describe, expect, it } from "vitest";
import { levelResources, resourceLoad, type LevellingInput } from "../../src/index.js";
import { validationIssues } from "./helpers.js";

describe("skills are validated", () => {
  const base: LevellingInput = { network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 1 }] }, resources: [], assignments: [{ activityId: "A", resourceId: "R", units: 1 }] };
  it("a skill named twice on one resource was counted twice (demand 2 and capacity 2 for one 1-unit resource): refused", () => {
    expect(validationIssues(() => resourceLoad({ ...base, resources: [{ id: "R", maxUnits: 1, skills: ["dba", "dba"] }] }))).toEqual(["resources.0.skills.1: duplicate skill dba"]);
  });
  it("skills that are not a list of strings are a ValidationError, not a TypeError", () => {
    expect(validationIssues(() => resourceLoad({ ...base, resources: [{ id: "R", maxUnits: 1, skills: "dba" as never }] }))).toEqual(["resources.0.skills: expected an array of skill names"]);
    expect(validationIssues(() => levelResources({ ...base, resources: [{ id: "R", maxUnits: 1, skills: [3 as never] }] }))).toEqual(["resources.0.skills.0: 3 is not a skill name"]);
  });
});

describe("levelling options are validated", () => {
  it("an unknown mode was levelled as delay-finish and echoed back as the mode applied: refused with its path", () => {
    const input: LevellingInput = { network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 1 }] }, resources: [{ id: "R", maxUnits: 1 }], assignments: [] };
    expect(validationIssues(() => levelResources(input, { mode: "within-float" as never }))).toEqual(["mode: expected within-slack or delay-finish"]);
    expect(levelResources(input, { mode: "within-slack" }).mode).toBe("within-slack");
  });
});
