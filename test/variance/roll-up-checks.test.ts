import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { decodeEntity, type EntityKind } from "../../src/index.js";
import { earnedValue, rollUpEarnedValue, rollUpPortfolio, type EarnedValueInput } from "../../src/variance/index.js";
import { firstIssuePath, validationErrorOf } from "../support/errors.js";
import { show } from "./fixtures.js";

// Roll-ups sum BAC, PV, EV and AC of their children. Three inputs made those sums wrong without a word: the same
// child twice, children measured at different status dates, and a programme whose projects sit in two portfolios.
const office = loadSampleOffice();
const decoded = <K extends EntityKind>(kind: K) => office[kind].map((r) => decodeEntity(kind, r));
const projects = decoded("project");
const input = (id: string): EarnedValueInput => ({
  project: projects.find((p) => p.id === id)!, workPackages: decoded("work-package"), baselines: decoded("baseline"), costEntries: decoded("cost-entry"),
});
const at = (id: string, statusDate: string = SAMPLE_STATUS_DATE) => earnedValue(input(id), { statusDate, grid: { kind: "monthly" } });
const crm = at("PRJ-CRM");
const einv = at("PRJ-EINV");

describe("rollUpEarnedValue", () => {
  it("refuses a child given twice (CRM twice doubled its BAC: 2,334,000.00 instead of 1,167,000.00)", () => {
    const e = validationErrorOf(() => rollUpEarnedValue([crm, einv, crm], { id: "pg", level: "programme" }));
    expect(e.issues.map((i) => i.path)).toEqual([["children", 2, "id"]]);
    // CRM BAC 1,167,000.00 + e-invoicing 568,000.00 (sample README).
    expect(show(rollUpEarnedValue([crm, einv], { id: "pg", level: "programme" }).figures.bac)).toBe("1735000.00");
  });

  it("refuses children measured at different status dates (their PVs do not add up to one day's plan)", () => {
    const earlier = at("PRJ-EINV", "2026-10-30");
    const e = validationErrorOf(() => rollUpEarnedValue([crm, earlier], { id: "pg", level: "programme" }));
    expect(e.issues.map((i) => i.path)).toEqual([["children", 1, "statusDate"]]);
    expect(e.issues[0]!.message).toMatch(/2026-10-30.*2026-11-20/);
  });

  it("carries the children's status date, so a programme rolled into a portfolio is checked too", () => {
    const pg = rollUpEarnedValue([crm, einv], { id: "pg", level: "programme" });
    expect(pg.statusDate).toBe(SAMPLE_STATUS_DATE);
    const wmsEarlier = at("PRJ-WMS", "2026-10-30");
    expect(firstIssuePath(() => rollUpEarnedValue([pg, wmsEarlier], { id: "pf", level: "portfolio" }))).toEqual(["children", 1, "statusDate"]);
  });

  it("children built by hand without a status date still roll up (the date is then unknown)", () => {
    const { statusDate: _, ...bare } = crm;
    const r = rollUpEarnedValue([bare, { ...einv, statusDate: undefined }], { id: "pg", level: "group" });
    expect(r.statusDate).toBeUndefined();
    expect(show(r.figures.bac)).toBe("1735000.00");
  });
});

describe("rollUpPortfolio", () => {
  it("refuses a project given twice at its own path", () => {
    expect(firstIssuePath(() => rollUpPortfolio([crm, einv, crm]))).toEqual(["projects", 2, "id"]);
  });

  it("refuses a programme whose projects sit in two portfolios (it went to the first project's portfolio, whole)", () => {
    const elsewhere = { ...einv, portfolioId: "pf-other" };
    expect(crm.programmeId).toBe(einv.programmeId); // both in pg-order-to-cash
    const e = validationErrorOf(() => rollUpPortfolio([crm, elsewhere]));
    expect(e.issues.map((i) => i.path)).toEqual([["projects", 1, "portfolioId"]]);
    expect(e.issues[0]!.message).toMatch(/pg-order-to-cash/);
  });
});
