import { expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { decodeEntity, type EntityKind } from "../../src/index.js";
import { earnedValue, rollUpEarnedValue, type EarnedValueInput } from "../../src/variance/index.js";
import { validationErrorOf } from "../support/errors.js";
import { show } from "./fixtures.js";

// A portfolio built from a programme and stand-alone projects: passing a project that the programme already holds
// counted it twice. Sample office: CRM BAC 1,167,000.00 + e-invoicing 568,000.00 = programme 1,735,000.00; rolled
// up with CRM again it read 2,902,000.00 without a word (the duplicate-id check compares the children's own ids:
// "pg-order-to-cash" and "PRJ-CRM" differ). The programme lists its children, so the roll-up can see it.
const office = loadSampleOffice();
const decoded = <K extends EntityKind>(kind: K) => office[kind].map((r) => decodeEntity(kind, r));
const input = (id: string): EarnedValueInput => ({
  project: decoded("project").find((p) => p.id === id)!, workPackages: decoded("work-package"), baselines: decoded("baseline"), costEntries: decoded("cost-entry"),
});
const at = (id: string) => earnedValue(input(id), { statusDate: SAMPLE_STATUS_DATE, grid: { kind: "monthly" } });
const crm = at("PRJ-CRM"), einv = at("PRJ-EINV"), wms = at("PRJ-WMS");
const pg = rollUpEarnedValue([crm, einv], { id: "pg-order-to-cash", level: "programme" });

it("refuses a child that another child (a roll-up) already holds", () => {
  expect(show(pg.figures.bac)).toBe("1735000.00");
  const e = validationErrorOf(() => rollUpEarnedValue([pg, crm, wms], { id: "pf", level: "portfolio" }));
  expect(e.issues.map((i) => i.path)).toEqual([["children", 1, "id"]]);
  expect(e.issues[0]!.message).toMatch(/PRJ-CRM.*pg-order-to-cash/);
});

it("a roll-up next to projects it does not hold still rolls up (1,735,000.00 + WMS 1,787,400.00)", () => {
  expect(show(rollUpEarnedValue([pg, wms], { id: "pf", level: "portfolio" }).figures.bac)).toBe("3522400.00");
});
