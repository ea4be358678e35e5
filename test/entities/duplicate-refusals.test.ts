import { describe, expect, it } from "vitest";
import { decodeEntity, ValidationError, type EntityKind } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";

// Size pass 24 moved every entity's "listed twice" loop into one refuseRepeats helper. Each kind still refuses the
// later copy only, at the copy's own path, with its own words: a sample record with its first list entry appended
// again (so the copy sits at the list's old length) gives exactly that one issue on the list.

const office = loadSampleOffice() as unknown as Record<EntityKind, Record<string, unknown>[]>;

function issuesOf(kind: EntityKind, wire: unknown): { path: string; message: string }[] {
  try {
    decodeEntity(kind, wire);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  }
  throw new Error(`${kind}: expected a ValidationError`);
}

/** The first sample of `kind` whose list at `at` (a dot path) has an entry, with that entry appended again. */
function withRepeat(kind: EntityKind, at: string): { wire: unknown; index: number } {
  const keys = at.split(".");
  const listOf = (r: unknown) => keys.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], r) as unknown[] | undefined;
  const sample = office[kind].find((r) => (listOf(r)?.length ?? 0) > 0)!;
  const wire = structuredClone(sample);
  const list = listOf(wire)!;
  list.push(structuredClone(list[0]));
  return { wire, index: list.length - 1 };
}

describe("a repeated entry is refused at its own path, in its kind's words", () => {
  it.each([
    ["baseline", "workPackages", ".workPackageId", "work package listed twice"],
    ["baseline", "milestones", ".milestoneId", "milestone listed twice"],
    ["defect", "requirementIds", "", "requirement listed twice"],
    ["portfolio", "strategicObjectives", ".id", "duplicate objective id so-customer"],
    ["project", "stakeholders", ".personId", "person listed twice"],
    ["requirement", "audiences", "", "audience listed twice"],
    ["rollout-plan", "waves", ".id", "duplicate wave id w1-pilot"],
    ["test-run", "defectIds", "", "defect listed twice"],
    ["work-package", "earningRule.milestones", ".id", "milestone ids must be unique"],
    ["request", "benefits", ".id", "duplicate"],
    ["request", "ratings", ".criterionId", "duplicate"],
    ["request", "strategicObjectiveIds", "", "duplicate"],
  ] as const)("%s %s", (kind, list, field, message) => {
    const { wire, index } = withRepeat(kind, list);
    // Only the list's own issues: the baseline's repeated package also breaks its BAC sum, a separate rule.
    expect(issuesOf(kind, wire).filter((i) => i.path.startsWith(`${list}.`))).toEqual([{ path: `${list}.${index}${field}`, message }]);
  });

  it("a request depending twice on one request: the copy is refused, the first is not", () => {
    const sample = office.request[0]!;
    expect(issuesOf("request", { ...sample, dependsOn: ["req-a", "req-b", "req-a"] })).toEqual([{ path: "dependsOn.2", message: "duplicate" }]);
  });
});
