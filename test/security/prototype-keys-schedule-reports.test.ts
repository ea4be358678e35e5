import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { levelResources, resourceLoad, scheduleNetwork, type LevellingInput } from "../../src/index.js";
import { intakeSection, renderMarkdownReport, scheduleSection } from "../../src/reports/index.js";
import { scoreRows } from "../../src/prioritization/index.js";
import { HOSTILE_IDS, ORDINARY, expectSameModuloRenaming, prototypeSnapshot, renaming } from "./hostile-keys.js";
import { ValidationError } from "../../src/core/index.js";

let before: unknown;
beforeEach(() => { before = prototypeSnapshot(); });
afterEach(() => { expect(prototypeSnapshot()).toEqual(before); });

const [k0, k1, k2, k3, k4, k5] = ORDINARY as [string, string, string, string, string, string];

/*
 * The levelling example of test/schedule/resources.test.ts with every id a token: activities k0 (3 d) and k1 (2 d)
 * both need resource k3 full time, k2 (2 d) follows k0 and needs half of k4; skills k5 and k0. Unlevelled, k3 is
 * double-booked on Mon 4 and Tue 5.
 */
const input = (): LevellingInput => ({
  network: {
    projectStart: "2027-01-04",
    activities: [{ id: k0, duration: 3 }, { id: k1, duration: 2 }, { id: k2, duration: 2 }],
    links: [{ from: k0, to: k2 }],
  },
  resources: [{ id: k3, maxUnits: 1, skills: [k5] }, { id: k4, maxUnits: 2, skills: [k0, k5] }],
  assignments: [
    { activityId: k0, resourceId: k3, units: 1 },
    { activityId: k1, resourceId: k3, units: 1 },
    { activityId: k2, resourceId: k4, units: "0.5" },
  ],
});

describe("schedule: activity, resource and skill ids named like Object.prototype members", () => {
  it("the ordinary ids give the hand-derived over-allocation", () => {
    const load = resourceLoad(input(), { period: "week" });
    expect(load.overAllocations.map((o) => [o.resourceId, o.from, o.to, o.activityIds])).toEqual([[k3, "2027-01-04", "2027-01-05", [k0, k1]]]);
  });

  it("scheduleNetwork, resourceLoad and levelResources give the same answers", async () => {
    // Activity ids are ids: "__proto__" is refused (next test), the other five names are ordinary ids.
    const ids = renaming(HOSTILE_IDS);
    await expectSameModuloRenaming(input(), (i) => scheduleNetwork(i.network), ids);
    await expectSameModuloRenaming(input(), (i) => resourceLoad(i, { period: "week" }), ids);
    await expectSameModuloRenaming(input(), (i) => levelResources(i), ids);
  });

  it("an activity id __proto__ is refused with its path", () => {
    expect(() => scheduleNetwork({ projectStart: "2027-01-04", activities: [{ id: "__proto__", duration: 1 }] })).toThrow(ValidationError);
    expect(() => scheduleNetwork({ projectStart: "2027-01-04", activities: [{ id: "__proto__", duration: 1 }] })).toThrow(/activities\[0\]\.id: "__proto__" is not an id/);
  });
});

describe("reports: scheduleSection's baseline and resource names by id", () => {
  // Only k1 has a baseline and only k4 a name: the others must show no baseline and their id, whatever the id.
  const section = (i: { input: LevellingInput; baseline: Record<string, { start: string; finish: string }>; names: Record<string, string> }) => {
    const schedule = scheduleNetwork(i.input.network);
    const load = resourceLoad(i.input, { period: "day" }).resources;
    const s = scheduleSection({ code: "P", name: "P", schedule, links: i.input.network.links!, load, baseline: i.baseline, resourceNames: i.names, levelling: levelResources(i.input) });
    // Chart geometry depends on label widths, so the charts are compared by what they draw, not byte for byte.
    const svgs = JSON.stringify(s).match(/<svg.*?<\/svg>/g) ?? [];
    const titles = svgs.flatMap((svg) => [...svg.matchAll(/<g class=\\"row[^"]*\\"><title>([^<]*)<\/title>/g)].map((m) => m[1]));
    return { markdown: renderMarkdownReport({ title: "t", sections: [s] }), rows: titles };
  };
  const given = () => ({ input: input(), baseline: { [k1]: { start: "2027-01-04", finish: "2027-01-05" } }, names: { [k4]: "Dev pool" } });

  it("names the resource by id when it has no name, and draws no baseline for an activity without one", async () => {
    const md = section(given()).markdown;
    expect(md).toContain(k3);
    expect(md).not.toContain("function");
    expect(section(given()).rows).toEqual([`${k0}: 2027-01-04 to 2027-01-06 (critical)`, `${k1}: 2027-01-04 to 2027-01-05; baseline 2027-01-04 to 2027-01-05`, `${k2}: 2027-01-07 to 2027-01-08 (critical)`]);
    await expectSameModuloRenaming(given(), section, renaming(HOSTILE_IDS));
  });
});

describe("reports: intakeSection's criterion names by id", () => {
  it("a criterion without a given name is named from its id, even when the id is toString or constructor", () => {
    const model = { kind: "weighted-sum" as const, criteria: [{ id: "constructor", weight: 2 }, { id: "toString" }, { id: "value" }] };
    const rows = [{ id: "A", ratings: { constructor: 8, toString: 1, value: 3 } }, { id: "B", ratings: { constructor: 5, toString: 2, value: 4 } }];
    const scoreboard = scoreRows(rows, model, { asOf: "2026-11-20" });
    const s = intakeSection({ scoreboard, requests: [], criterionNames: { value: "Business value" } });
    const table = s.blocks.find((b) => b.kind === "table");
    const headers = table?.kind === "table" ? table.table.columns.map((c) => (typeof c === "string" ? c : c.header)) : [];
    expect(headers.join("|")).not.toMatch(/function|native code/);
    expect(headers).toContain("Business value");
    expect(headers).toEqual(expect.arrayContaining(["Constructor", "To string"]));
  });
});
