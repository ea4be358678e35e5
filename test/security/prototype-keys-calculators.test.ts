import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { benefitsRealisation, portfolioHealth, resourceUtilisation } from "../../src/kpi/index.js";
import { normalizeValues, randomIndex, scoreRows, type ScoringModel } from "../../src/prioritization/index.js";
import { waveProgress } from "../../src/rollout/index.js";
import { fieldChanges } from "../../src/services/index.js";
import { HOSTILE, HOSTILE_IDS, ORDINARY, expectSameModuloRenaming, prototypeSnapshot, renaming } from "./hostile-keys.js";
import { earnedValue, earnedValueInputFromRows, type EarnedValueRows } from "../../src/variance/index.js";
import { sampleRollout } from "../rollout/helpers.js";

let before: unknown;
beforeEach(() => { before = prototypeSnapshot(); });
afterEach(() => { expect(prototypeSnapshot()).toEqual(before); });

const [k0, k1, k2, k3, k4, k5] = ORDINARY as [string, string, string, string, string, string];
const asOf = isoDate("2026-11-20");

describe("KPIs: project, resource and unit names like Object.prototype members", () => {
  // k0 red, k1 overdue, k2 healthy, k3 with a critical issue, k4 healthy, k5 inactive → 2 healthy of 5 = 40%.
  const projects = () => [
    { id: k0, active: true, colour: "red" as const, plannedFinish: isoDate("2027-04-30"), openCriticalIssues: 0 },
    { id: k1, active: true, colour: "green" as const, plannedFinish: isoDate("2026-11-13"), openCriticalIssues: 0 },
    { id: k2, active: true, colour: "green" as const, plannedFinish: isoDate("2027-04-30"), openCriticalIssues: 0 },
    { id: k3, active: true, colour: "amber" as const, plannedFinish: isoDate("2027-04-30"), openCriticalIssues: 2 },
    { id: k4, active: true, plannedFinish: isoDate("2027-04-30"), openCriticalIssues: 0 },
    { id: k5, active: false, colour: "red" as const, plannedFinish: isoDate("2025-01-01"), openCriticalIssues: 0 },
  ];

  it("portfolioHealth: the hand-derived figure, and `why` keeps an entry for a project named __proto__", async () => {
    const r = portfolioHealth(projects(), { asOf });
    expect(r.percent.value!.toFixed()).toBe("40");
    expect(r.why).toEqual({ [k0]: ["red"], [k1]: ["overdue"], [k3]: ["critical-issue"] });
    await expectSameModuloRenaming(projects(), (p) => portfolioHealth(p, { asOf }));
    const hostile = portfolioHealth([{ ...projects()[0]!, id: "__proto__" }], { asOf });
    expect(Object.getPrototypeOf(hostile.why)).toBe(Object.prototype);
    expect(Object.keys(hostile.why)).toEqual(["__proto__"]);
  });

  it("resourceUtilisation: byResource per resource, whatever its id", async () => {
    const hours = () => HOSTILE.map((_, i) => ({ resourceId: ORDINARY[i]!, date: isoDate("2026-11-10"), capacityHours: 40, allocatedHours: 10 * (i + 1), actualHours: "8" }));
    await expectSameModuloRenaming(hours(), (h) => resourceUtilisation(h));
  });

  it("benefitsRealisation: nonMonetary per unit, whatever the unit's name", async () => {
    const benefits = () => ({
      nonMonetary: HOSTILE.flatMap((_, i) => [
        { id: `b${i}a`, date: isoDate("2027-02-01"), unit: ORDINARY[i]!, planned: "10", actual: String(i) },
        { id: `b${i}b`, date: isoDate("2027-03-01"), unit: ORDINARY[i]!, planned: "30", actual: "1" },
      ]),
    });
    await expectSameModuloRenaming(benefits(), (b) => benefitsRealisation(b, { currency: "EUR" }));
  });
});

describe("rollout: audiences named like Object.prototype members", () => {
  it("waveProgress adds up waves per audience", async () => {
    const { plan } = sampleRollout();
    const waves = () => plan.waves.map((w, i) => ({ ...w, audience: ORDINARY[i % 2]! }));
    await expectSameModuloRenaming(waves(), (w) => waveProgress({ waves: w }, { asOf }));
  });
});

describe("services: fieldChanges over keys named like Object.prototype members", () => {
  it("a key present on one side only is added or removed, not compared with Object.prototype's member", async () => {
    const input = () => ({ before: { status: "todo", [k1]: "a", nested: { [k2]: 1 } }, after: { status: "done", [k3]: "b", nested: { [k4]: 2 } } });
    // Changes come in key order, which renaming changes: compared as a set.
    await expectSameModuloRenaming(input(), ({ before, after }) => fieldChanges(before, after), undefined, { unordered: true });
    expect(fieldChanges({ a: 1 }, { a: 1, constructor: 2 })).toEqual([{ path: ["constructor"], after: 2 }]);
    expect(fieldChanges({ toString: "x" }, {})).toEqual([{ path: ["toString"], before: "x" }]);
  });
});

describe("prioritization: criterion ids and ordinal labels named like Object.prototype members", () => {
  /*
   * Hand-derived: weighted sum, k1 (weight 2) and k2 (ordinal: k3 = 1, k4 = 5, weight 1), min-max normalised.
   * Row A: k1 8, k2 "k4" → 2·1 + 1·1; row B: k1 5, k2 "k3" → 0 + 0. A ranks first.
   */
  const input = () => ({
    rows: [
      { id: "A", ratings: { [k1]: 8, [k2]: { label: k4 } } },
      { id: "B", ratings: { [k1]: 5, [k2]: { label: k3 } } },
      { id: k5, ratings: { [k1]: 6, [k2]: { label: k0 } } },
    ],
    model: {
      kind: "weighted-sum",
      criteria: [
        { id: k1, weight: 2 },
        { id: k2, scale: { kind: "ordinal", labels: { [k3]: "1", [k4]: "5", [k0]: "3" } } },
      ],
    } as ScoringModel,
  });

  it("scoreRows ranks the same rows in the same order with the same explanations", async () => {
    const board = scoreRows(input().rows, input().model, { asOf: "2026-11-20" });
    expect(board.entries.map((e) => e.requestId)).toEqual(["A", k5, "B"]);
    await expectSameModuloRenaming(input(), ({ rows, model }) => scoreRows(rows, model, { asOf: "2026-11-20" }), new Map([[k1, "constructor"], [k2, "toString"], [k3, "valueOf"], [k4, "hasOwnProperty"], [k5, "prototype"], [k0, "__proto__"]]));
  });
});

describe("prioritization: a normalisation method named like an Object.prototype member", () => {
  it("is an unknown method (ValidationError), as an unknown ordinary name is, not silently `none`", async () => {
    await expectSameModuloRenaming({ method: k1 }, ({ method }) => normalizeValues([1, 3, 5], { method: method as never }), undefined, { mayThrow: true });
    for (const method of HOSTILE) expect(() => normalizeValues([1, 3, 5], { method: method as never })).toThrow(/unknown normalisation/);
  });
});

describe("variance: work-package ids named like Object.prototype members", () => {
  // The rows of test/variance/from-rows.test.ts with package ids as tokens.
  const rows = (): EarnedValueRows => ({
    project: { id: "PRJ-T", name: "Test", currency: "EUR" },
    packages: [
      { id: k1, name: "Design", rule: "percent-complete", budget: [{ start: "2027-01-04", finish: "2027-01-10", amount: "1000.00" }, { start: "2027-01-11", finish: "2027-01-17", amount: 1000 }], estimateToComplete: { amount: 900, asOf: "2027-01-12" } },
      { id: k2, rule: { type: "fixed-split", startPercent: 25 }, budget: [{ start: "2027-01-11", finish: "2027-01-17", amount: "400" }] },
    ],
    progress: [{ package: k1, date: "2027-01-14", percentComplete: "70" }, { package: k1, date: "2027-01-08", percentComplete: 40 }, { package: k2, date: "2027-01-12", started: true }],
    actuals: [{ package: k1, date: "2027-01-07", amount: "700.00" }, { package: k2, date: "2027-01-13", amount: 150.5 }, { date: "2027-01-13", amount: "49.50" }],
  });

  it("earnedValueInputFromRows and earnedValue give the same figures per package", async () => {
    const run = (r: EarnedValueRows) => earnedValue(earnedValueInputFromRows(r), { statusDate: "2027-01-14" });
    expect(run(rows()).figures.ev.value?.amount.toFixed(2)).toBe("1500.00");
    await expectSameModuloRenaming(rows(), run, renaming(HOSTILE_IDS));
    // A package id is an id: "__proto__" is refused at its path.
    const proto = JSON.parse(JSON.stringify(rows()).split(k1).join("__proto__")) as EarnedValueRows;
    expect(() => earnedValueInputFromRows(proto)).toThrow(/packages\[0\]\.id: ids start with a letter or digit/);
  });
});

describe("AHP random index: table names like Object.prototype members", () => {
  it("randomIndex refuses \"__proto__\", \"toString\" … as unknown tables (before: \"it covers undefined…undefined\")", () => {
    for (const name of HOSTILE) expect(() => randomIndex(5, name as never)).toThrow(`unknown RI table "${name}"`);
    // A real name still reads its table: Saaty's 1980 RI for n = 5 is 1.12.
    expect(randomIndex(5, "saaty-classic")).toBe(1.12);
  });
});
