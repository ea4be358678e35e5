// opts20: the report section builders ignored an input key they do not know, so the section ran without it:
// `projectSection({ …, earnedValueOption: opts })` labelled SPI(t) without its grid and SV(t) in working days,
// `rolloutSection({ …, golive })` drew no go-live line, `openItemsSeries(items, { …, step: 14 })` sampled weekly.
// Each now refuses an unknown key at ["input", key] (its argument errors read "input.series" …), and the nested
// option bags (earnedValueOptions, raid, burnUp, target) at ["input", bag, key]; openItemsSeries' options, whose
// errors are at ["stepDays"], at [key].
import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import {
  decisionsNeeded, executiveSummarySection, intakeSection, openItemsSeries, portfolioSection, projectSection, releaseSection, requirementsSection,
  rolloutSection, scheduleSection,
} from "../../src/reports/index.js";
import { issuesOf } from "../support/errors.js";

const takes = (fn: string, keys: string) => `unknown option (${fn} takes ${keys})`;

describe("report sections refuse unknown input keys", () => {
  it.each([
    ["intakeSection", "scoreboard, requests, selection, criterionNames, places", () => intakeSection({ scoreboard: {}, requests: [], typo: 1 } as never)],
    ["portfolioSection", "asOf, projects, kpis, people", () => portfolioSection({ asOf: "2026-11-20", projects: [], typo: 1 } as never)],
    ["projectSection", "code, name, series, earnedValueOptions, slips, raid, people", () => projectSection({ code: "P", name: "P", series: {}, typo: 1 } as never)],
    ["releaseSection", "name, evm, burnUp", () => releaseSection({ name: "R", evm: {}, typo: 1 } as never)],
    ["requirementsSection", "result, matrix, people, keys, unlinkedParents", () => requirementsSection({ result: {}, matrix: {}, typo: 1 } as never)],
    ["rolloutSection", "name, asOf, goLive, progress, gate, gates, waves, burnDown, items, people", () => rolloutSection({ name: "R", asOf: "2026-11-20", progress: {}, typo: 1 } as never)],
    [
      "scheduleSection", "code, name, schedule, links, baseline, load, resourceNames, risk, target, forecast, levelling, tornadoBars, labels",
      () => scheduleSection({ code: "P", name: "P", schedule: {}, typo: 1 } as never),
    ],
    ["executiveSummarySection", "asOf, projects, gates, selection, kpis, people", () => executiveSummarySection({ asOf: "2026-11-20", projects: [], typo: 1 } as never)],
    ["decisionsNeeded", "asOf, projects, gates, selection, people", () => decisionsNeeded({ asOf: "2026-11-20", projects: [], typo: 1 } as never)],
  ])("%s", (fn, keys, call) => {
    expect(issuesOf(call)).toEqual([["input.typo", takes(fn, keys)]]);
  });

  it("the nested option bags", () => {
    const project = { code: "P", name: "P", series: {} };
    expect(issuesOf(() => projectSection({ ...project, earnedValueOptions: { statusdate: "2026-11-20" } } as never))).toEqual([
      ["input.earnedValueOptions.statusdate", takes("projectSection", "statusDate, baseline, calendar, grid, policy, fxRates")],
    ]);
    expect(issuesOf(() => projectSection({ ...project, raid: { risk: [] } } as never))).toEqual([["input.raid.risk", takes("projectSection", "risks, issues, actions, decisions")]]);
    expect(issuesOf(() => releaseSection({ name: "R", evm: {}, burnUp: { scope: [], completed: [], statusdate: "x" } } as never))).toEqual([
      ["input.burnUp.statusdate", takes("releaseSection", "title, description, scope, completed, forecast, statusDate, width, height")],
    ]);
    expect(issuesOf(() => scheduleSection({ code: "P", name: "P", schedule: {}, target: { label: "go-live", day: "2027-03-01" } } as never))).toEqual([
      ["input.target.day", takes("scheduleSection", "label, date")],
    ]);
  });

  it("openItemsSeries: { step: 14 } sampled every 7 days", () => {
    const from = isoDate("2026-11-01");
    const to = isoDate("2026-11-20");
    expect(issuesOf(() => openItemsSeries([], { from, to, step: 14 } as never))).toEqual([["step", takes("openItemsSeries", "from, to, stepDays, facts")]]);
    // From 1 Nov every 14 days up to 20 Nov, then 20 Nov itself: 1 Nov, 15 Nov, 20 Nov (weekly would give four points).
    expect(openItemsSeries([], { from, to, stepDays: 14 }).map((p) => p.date)).toEqual(["2026-11-01", "2026-11-15", "2026-11-20"]);
  });
});
