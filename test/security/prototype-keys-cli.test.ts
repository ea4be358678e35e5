import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeEntity, money } from "../../src/index.js";
import { parseCapacity } from "../../src/cli/envelope.js";
import { scoreIntake, selectIntake } from "../../src/cli/intake.js";
import { loadSampleOffice } from "../../examples/office.js";
import { analyzeOfficeSchedule, SAMPLE_KINDS, SAMPLE_STATUS_DATE } from "../../src/office/index.js";
import { HOSTILE, ORDINARY, expectSameModuloRenaming, prototypeSnapshot } from "./hostile-keys.js";

let before: unknown;
beforeEach(() => { before = prototypeSnapshot(); });
afterEach(() => { expect(prototypeSnapshot()).toEqual(before); });

const [k0, k1] = ORDINARY as [string, string];

describe("CLI: --capacity skills named like Object.prototype members", () => {
  it("parseCapacity accepts each skill once, whatever its name, and still refuses a repeat", async () => {
    await expectSameModuloRenaming({ a: `${k0}=10`, b: `${k1}=20` }, ({ a, b }) => parseCapacity(b, parseCapacity(a, parseCapacity("5", undefined))));
    for (const skill of HOSTILE) {
      expect(parseCapacity(`${skill}=10`, { integration: "5" })).toEqual(Object.fromEntries([["integration", "5"], [skill, "10"]]));
      expect(() => parseCapacity(`${skill}=10`, Object.fromEntries([[skill, "5"]]))).toThrow(/gives .* twice/);
    }
  });
});

describe("CLI: the intake problem with effort skills named like Object.prototype members", () => {
  // The sample office's requests, their "integration" effort renamed to the skill; the envelope's capacity names it.
  const run = async (skill: { name: string }) => {
    const office = loadSampleOffice();
    const requests = office.request.map((w) => {
      const r = w as { effort?: { skill: string }[] };
      return decodeEntity("request", { ...r, effort: (r.effort ?? []).map((e) => ({ ...e, skill: e.skill === "integration" ? skill.name : e.skill })) });
    });
    const intake = scoreIntake({ request: requests }, "2026-11-20" as never);
    const s = await selectIntake(intake, { period: "FY2027", budget: money("1000000.00", "EUR"), capacity: Object.fromEntries([[skill.name, "1600"]]) });
    return { selected: s.result.selected, excluded: s.result.excluded, usage: s.result.usage };
  };

  it("selects the same requests under the same capacity", async () => {
    const r = await run({ name: k1 });
    expect(r.selected.length).toBeGreaterThan(0);
    // A request's effort skill is lower-case letters, digits and hyphens: of the six names only these two are skills.
    for (const name of ["constructor", "prototype"]) await expectSameModuloRenaming({ name: ORDINARY[HOSTILE.indexOf(name as never)]! }, run);
    await expect(run({ name: "__proto__" })).rejects.toThrow(/effort\[\d+\]\.skill/);
  });
});

describe("office: a project whose id is constructor", () => {
  // The sample office with PRJ-CRM's id (not its code, which must look like PRJ-CRM) renamed in every reference.
  const records = (id: string) => {
    const wire = loadSampleOffice() as unknown as Record<string, Record<string, unknown>[]>;
    const swap = (v: unknown, key: string): unknown =>
      v === "PRJ-CRM" && key !== "code" ? id
      : Array.isArray(v) ? v.map((x) => swap(x, key))
      : typeof v === "object" && v !== null ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x, k)]))
      : v;
    return Object.fromEntries(SAMPLE_KINDS.map((kind) => [kind, (wire[kind] ?? []).map((r) => decodeEntity(kind, swap(r, "")))]));
  };

  it("analyzeOfficeSchedule gives it no earned-schedule forecast it was not given", async () => {
    const run = (n: { id: string }) => {
      const s = analyzeOfficeSchedule(records(n.id), SAMPLE_STATUS_DATE, "PRJ-CRM");
      return s.projects.map((p) => [p.projectId, p.forecast]);
    };
    const [[, forecast]] = run({ id: k1 }) as [[string, { earnedScheduleFinish?: unknown }]];
    expect(forecast.earnedScheduleFinish).toEqual({ reason: "no-earned-schedule" });
    await expectSameModuloRenaming({ id: k1 }, run);
  });
});
