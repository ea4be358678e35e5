import { describe, expect, it } from "vitest";
import { createWorkingCalendar, decodeEntity, isoDate, type Baseline, type Milestone, type Project } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { DEFAULT_RAG_RULES, ragStatus } from "../../src/status/index.js";
import { milestoneSlips } from "../../src/variance/index.js";
import { firstIssuePath } from "../support/errors.js";

// ragStatus counted missed key milestones against each milestone's own baselineDate, while earnedValue and
// milestoneSlips measure against the baseline in force: a re-baselined project could be amber in RAG and on time in
// the slip table, or the reverse. Now the count reads the milestone dates of the baseline earnedValue picks.

const at = "2027-01-05T09:00:00.000Z";
const only = (...ids: string[]) => DEFAULT_RAG_RULES.filter((r) => ids.includes(r.id));
const rules = only("schedule-key-milestones");

function milestone(id: string, over: Partial<Record<string, unknown>> = {}): Milestone {
  return decodeEntity("milestone", { id, version: 1, createdAt: at, updatedAt: at, projectId: "P", name: id, key: true, ...over }) as Milestone;
}

function baseline(number: number, capturedOn: string, milestones: { id: string; date: string; key?: boolean }[]): Baseline {
  return decodeEntity("baseline", {
    id: `bl-${number}`, version: 1, createdAt: at, updatedAt: at, projectId: "P", number, capturedAt: `${capturedOn}T09:00:00.000Z`,
    capturedBy: "p-ana", reason: number === 0 ? "Initial baseline" : "Approved change request CR-7", workPackages: [],
    milestones: milestones.map((m) => ({ milestoneId: m.id, name: m.id, date: m.date, key: m.key ?? true })),
    budgetAtCompletion: { amount: "0.00", currency: "EUR" }, ...(number > 0 ? { supersedes: number - 1 } : {}),
  }) as Baseline;
}

// Baseline 0 (captured 2027-01-10) has the go-live on 2027-03-01; baseline 1 (captured 2027-02-15) moves it to
// 2027-05-01. The live milestone still carries the stale 2027-03-01 as its own baselineDate.
const b0 = baseline(0, "2027-01-10", [{ id: "ms-go", date: "2027-03-01" }]);
const b1 = baseline(1, "2027-02-15", [{ id: "ms-go", date: "2027-05-01" }]);
const stale = milestone("ms-go", { baselineDate: "2027-03-01" });

describe("ragStatus: missed key milestones against the baseline in force", () => {
  it("re-baselined: as of 2027-03-10 baseline 1 is in force, so the go-live is not missed (was amber on the stale date)", () => {
    // Baseline 1 is active and captured 2027-02-15 ≤ 2027-03-10 → in force; its date 2027-05-01 ≥ 2027-03-10 → not
    // missed → 0 → green. Before: the own baselineDate 2027-03-01 < 2027-03-10, no actual → 1 → amber.
    const asOf = isoDate("2027-03-10");
    const s = ragStatus({ id: "P", activeBaseline: 1, baselines: [b0, b1], milestones: [stale] }, { asOf, rules });
    expect(s.derived["missedKeyMilestones"]).toEqual({ value: "0", from: [], baseline: 1, note: "milestone dates of baseline 1, captured 2027-02-15" });
    expect(s.dimensions[0]!.colour).toBe("green");
    // The slip table the office shows (baseline: the project's activeBaseline) says the same: on track, not overdue.
    const slip = milestoneSlips([stale], [b0, b1], { statusDate: asOf, baseline: 1 })[0]!;
    expect(slip).toMatchObject({ baselineDate: "2027-05-01", status: "on-track" });
  });

  it("without an active baseline the highest captured by asOf is in force (same result)", () => {
    // No activeBaseline: highest captured by 2027-03-10 is 1 → 2027-05-01 → 0 missed.
    const s = ragStatus({ id: "P", baselines: [b1, b0], milestones: [stale] }, { asOf: isoDate("2027-03-10"), rules });
    expect(s.derived["missedKeyMilestones"]).toMatchObject({ value: "0", baseline: 1 });
  });

  it("as of 2027-02-20 with baseline 1 captured later (2027-03-05), baseline 0 is in force: not due yet", () => {
    // b1 captured 2027-03-05 > 2027-02-20 → ignored (warned); b0 in force: 2027-03-01 ≥ 2027-02-20 → not missed → 0.
    const late1 = baseline(1, "2027-03-05", [{ id: "ms-go", date: "2027-05-01" }]);
    const s = ragStatus({ id: "P", activeBaseline: 1, baselines: [b0, late1], milestones: [stale] }, { asOf: isoDate("2027-02-20"), rules });
    expect(s.derived["missedKeyMilestones"]).toEqual({
      value: "0", from: [], baseline: 0,
      note: "milestone dates of baseline 0, captured 2027-01-10; baseline 1 captured after 2027-02-20 ignored: measured against baseline 0, in force on the status date",
    });
  });

  it("the reverse: a live date already moved to the re-plan, but the re-plan is captured after asOf → missed against baseline 0", () => {
    // Live baselineDate 2027-05-01 (updated ahead of approval); b1 captured 2027-03-20 > asOf 2027-03-10 → b0 in force:
    // 2027-03-01 < 2027-03-10, no actual → 1 missed → amber. Before: 2027-05-01 ≥ 2027-03-10 → 0 → green.
    const moved = milestone("ms-go", { baselineDate: "2027-05-01" });
    const late1 = baseline(1, "2027-03-20", [{ id: "ms-go", date: "2027-05-01" }]);
    const asOf = isoDate("2027-03-10");
    const s = ragStatus({ id: "P", baselines: [b0, late1], milestones: [moved] }, { asOf, rules });
    expect(s.derived["missedKeyMilestones"]).toMatchObject({ value: "1", from: ["ms-go"], baseline: 0 });
    expect(s.dimensions[0]!.colour).toBe("amber");
    // milestoneSlips (no baseline number) leaves the later re-plan out of its ledger too: overdue on 2027-03-01.
    expect(milestoneSlips([moved], [b0, late1], { statusDate: asOf })[0]).toMatchObject({ baselineDate: "2027-03-01", status: "overdue" });
  });

  it("a baseline asked for reads that baseline's dates", () => {
    // baseline: 0 → 2027-03-01 < 2027-03-10 → missed; the original commitment, on request.
    const s = ragStatus({ id: "P", activeBaseline: 1, baselines: [b0, b1], milestones: [stale] }, { asOf: isoDate("2027-03-10"), rules, baseline: 0 });
    expect(s.derived["missedKeyMilestones"]).toMatchObject({ value: "1", from: ["ms-go"], baseline: 0 });
  });

  it("a baseline asked for that does not exist is no-baseline (unrated), not 0 missed and green", () => {
    // Before: the request had nowhere to go; the own date gave a count. Now: missing, the schedule dimension unrated.
    const s = ragStatus({ id: "P", baselines: [b0, b1], milestones: [stale] }, { asOf: isoDate("2027-05-10"), rules, baseline: 3 });
    expect(s.derived["missedKeyMilestones"]).toEqual({ reason: "no-baseline", note: "baseline 3 was asked for but is not among the baselines of P", from: [] });
    expect(s.dimensions[0]!.colour).toBeUndefined();
    // Asked for with no baselines given at all: the same.
    expect(ragStatus({ id: "P", milestones: [stale] }, { asOf: isoDate("2027-05-10"), rules, baseline: 0 }).derived["missedKeyMilestones"]).toMatchObject({ reason: "no-baseline" });
  });

  it("an active baseline the project does not have is no-baseline (as earnedValue says)", () => {
    const s = ragStatus({ id: "P", activeBaseline: 2, baselines: [b0, b1], milestones: [stale] }, { asOf: isoDate("2027-03-10"), rules });
    expect(s.derived["missedKeyMilestones"]).toEqual({ reason: "no-baseline", note: "baseline 2 is active but is not among the baselines of P", from: [] });
  });

  it("a baseline number outside 0–10 is a ValidationError at baseline", () => {
    for (const baseline of [11, -1, 1.5]) expect(firstIssuePath(() => ragStatus({ id: "P" }, { asOf: isoDate("2027-03-10"), baseline }))).toEqual(["baseline"]);
  });

  it("key-ness is the live milestone's; a key milestone the baseline does not hold is not counted", () => {
    // ms-go: key live, not key in b0 → counted (live flag, as milestoneSlips reports it); 2027-03-01 < asOf → missed.
    // ms-new: key, added after b0 → no date in b0 → not counted. So 1.
    const b0NotKey = baseline(0, "2027-01-10", [{ id: "ms-go", date: "2027-03-01", key: false }]);
    const added = milestone("ms-new", { baselineDate: "2027-02-01" });
    const s = ragStatus({ id: "P", baselines: [b0NotKey], milestones: [stale, added] }, { asOf: isoDate("2027-03-10"), rules });
    expect(s.derived["missedKeyMilestones"]).toMatchObject({ value: "1", from: ["ms-go"], baseline: 0 });
    // … and named (kpi5 audit: before, the note was "milestone dates of baseline 0, captured 2027-01-10" alone, so a
    // count of 0 read as every key milestone on time while ms-new was past its own 2027-02-01).
    expect(s.derived["missedKeyMilestones"]?.note).toBe("milestone dates of baseline 0, captured 2027-01-10; not counted, not in it: ms-new");
    // Only ms-new: no key milestone is in baseline 0 → no-baseline.
    expect(ragStatus({ id: "P", baselines: [b0NotKey], milestones: [added] }, { asOf: isoDate("2027-03-10"), rules }).derived["missedKeyMilestones"])
      .toEqual({ reason: "no-baseline", note: "no key milestone is in baseline 0", from: [] });
  });

  it("no baseline of the project given: each milestone's own baselineDate, and the note says so", () => {
    // Own date 2027-03-01 < 2027-03-10 → 1. Another project's baseline is not this project's.
    const other = { ...b1, projectId: "Q" } as Baseline;
    for (const baselines of [undefined, [], [other]]) {
      const s = ragStatus({ id: "P", ...(baselines ? { baselines } : {}), milestones: [stale] }, { asOf: isoDate("2027-03-10"), rules });
      expect(s.derived["missedKeyMilestones"]).toEqual({ value: "1", from: ["ms-go"], note: "each milestone's own baselineDate (no baseline given)" });
    }
  });
});

describe("ragStatus: the unit of finish slip", () => {
  const rules = only("schedule-finish-tolerance");
  // Planned finish Wed 2027-06-30, forecast Fri 2027-07-23.
  const project = { id: "P", plannedFinish: isoDate("2027-06-30"), forecastFinish: isoDate("2027-07-23") };

  it("calendar days by default, and the derivation says so: 23 > 20 → red", () => {
    // 1 day (Jun 30 → Jul 1) + 22 = 23 calendar days.
    const s = ragStatus(project, { asOf: isoDate("2027-03-10"), rules });
    expect(s.derived["finishSlipDays"]).toEqual({ value: "23", from: ["forecast 2027-07-23", "planned 2027-06-30"], note: "calendar days" });
    expect(s.dimensions[0]!.colour).toBe("red");
  });

  it("working days on request: 17 (≥ 16 and ≤ 20) → amber", () => {
    // Working days d with 2027-06-30 < d ≤ 2027-07-23, Monday–Friday: Jul 1–2 (2), 5–9 (5), 12–16 (5), 19–23 (5) = 17.
    const s = ragStatus(project, { asOf: isoDate("2027-03-10"), rules, finishSlipUnit: "working-days" });
    expect(s.derived["finishSlipDays"]).toEqual({ value: "17", from: ["forecast 2027-07-23", "planned 2027-06-30"], note: "working days" });
    expect(s.dimensions[0]!.colour).toBe("amber");
  });

  it("on the project's calendar: a holiday on 2027-07-05 makes it 16 (still amber); an early finish is negative", () => {
    const calendar = createWorkingCalendar({ holidays: [{ date: isoDate("2027-07-05"), name: "Holiday" }] });
    expect(ragStatus(project, { asOf: isoDate("2027-03-10"), rules, finishSlipUnit: "working-days", calendar }).derived["finishSlipDays"]!.value).toBe("16");
    // Forecast Fri 2027-06-25 before planned Wed 2027-06-30: −(Jun 25, 28, 29) = −3 working days; calendar −5.
    const early = { ...project, forecastFinish: isoDate("2027-06-25") };
    expect(ragStatus(early, { asOf: isoDate("2027-03-10"), rules, finishSlipUnit: "working-days" }).derived["finishSlipDays"]!.value).toBe("-3");
    expect(ragStatus(early, { asOf: isoDate("2027-03-10"), rules }).derived["finishSlipDays"]!.value).toBe("-5");
  });

  it("an unknown unit or a calendar that is not one is a ValidationError with its path", () => {
    expect(firstIssuePath(() => ragStatus(project, { asOf: isoDate("2027-03-10"), finishSlipUnit: "weeks" as never }))).toEqual(["finishSlipUnit"]);
    expect(firstIssuePath(() => ragStatus(project, { asOf: isoDate("2027-03-10"), finishSlipUnit: "working-days", calendar: {} as never }))).toEqual(["calendar"]);
  });
});

describe("ragStatus and milestoneSlips agree on the sample office (the office's inputs)", () => {
  // The office builds milestoneSlips with baseline: project.activeBaseline; RAG built from the same project (its
  // activeBaseline and the baselines) must count exactly the key milestones the slip table shows overdue, whenever
  // the active baseline was captured by the status date (milestoneSlips gives no-baseline before that).
  const o = loadSampleOffice();
  const milestones = o.milestone.map((x) => decodeEntity("milestone", x)) as Milestone[];
  const baselines = o.baseline.map((x) => decodeEntity("baseline", x)) as Baseline[];
  const projects = o.project.map((x) => decodeEntity("project", x)) as Project[];

  it.each(["2026-06-30", "2026-10-01", "2026-11-20", "2027-01-25", "2027-09-30"])("as of %s", (day) => {
    const asOf = isoDate(day);
    let compared = 0;
    for (const p of projects) {
      const ms = milestones.filter((m) => m.projectId === p.id);
      const active = baselines.find((b) => b.projectId === p.id && b.number === p.activeBaseline);
      if (ms.length === 0 || (active !== undefined && active.capturedAt.slice(0, 10) > asOf)) continue;
      const rag = ragStatus({ ...p, baselines, milestones: ms }, { asOf, rules }).derived["missedKeyMilestones"]!;
      const slips = milestoneSlips(ms, baselines, { statusDate: asOf, ...(p.activeBaseline !== undefined ? { baseline: p.activeBaseline } : {}) });
      const overdue = slips.filter((s) => s.key && s.status === "overdue").map((s) => s.id);
      if (rag.value === undefined) expect(slips.filter((s) => s.key).every((s) => s.status === "no-baseline")).toBe(true);
      else expect([...rag.from].sort()).toEqual(overdue.sort());
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe("ragStatus: finish slip against the finish of the baseline in force", () => {
  // Baseline 0 (captured 2027-01-10) plans the work to finish 2027-03-31; baseline 1 (captured 2027-02-15) to
  // 2027-04-30, and the live project's plannedFinish moved with it. Forecast finish 2027-05-10.
  const wp = (finish: string) => ({ workPackageId: "wp-1", code: "1", name: "Work", plannedStart: "2027-01-11", plannedFinish: finish, timePhasedBudget: [] });
  const withWork = (b: Baseline, finish: string) => decodeEntity("baseline", { ...b, capturedAt: b.capturedAt, workPackages: [wp(finish)], budgetAtCompletion: { amount: "0.00", currency: "EUR" } }) as Baseline;
  const f0 = withWork(b0, "2027-03-31");
  const f1 = withWork(b1, "2027-04-30");
  const slipRules = only("schedule-finish-tolerance");
  const project = { id: "P", activeBaseline: 1, plannedFinish: isoDate("2027-04-30"), forecastFinish: isoDate("2027-05-10") };

  it("before the re-baseline is captured, the slip is measured from baseline 0's finish, not the re-planned date", () => {
    // As of 2027-02-01 baseline 1 is not captured yet: baseline 0 is in force, finish 2027-03-31 → 2027-05-10 is
    // 30 + 10 = 40 calendar days. Before: the live plannedFinish 2027-04-30 → 10 days, hiding 30 days of slip.
    const s = ragStatus({ ...project, baselines: [f0, f1] }, { asOf: isoDate("2027-02-01"), rules: slipRules });
    expect(s.derived["finishSlipDays"]).toMatchObject({ value: "40", baseline: 0, from: ["forecast 2027-05-10", "baseline finish 2027-03-31"] });
    expect(s.derived["finishSlipDays"]?.note).toMatch(/^calendar days; finish of baseline 0, captured 2027-01-10/);
    // 40 > 20 (the default tolerance) → red.
    expect(s.overall.colour).toBe("red");
  });

  it("once the re-baseline is in force, and without baselines, the slip is 10 days", () => {
    const inForce = ragStatus({ ...project, baselines: [f0, f1] }, { asOf: isoDate("2027-03-10"), rules: slipRules });
    expect(inForce.derived["finishSlipDays"]).toMatchObject({ value: "10", baseline: 1 });
    const none = ragStatus(project, { asOf: isoDate("2027-03-10"), rules: slipRules });
    expect(none.derived["finishSlipDays"]).toEqual({ value: "10", from: ["forecast 2027-05-10", "planned 2027-04-30"], note: "calendar days" });
  });

  it("a project naming a baseline it does not have gets no finish slip, not one against its live plan", () => {
    const s = ragStatus({ ...project, activeBaseline: 3, baselines: [f0, f1] }, { asOf: isoDate("2027-03-10"), rules: slipRules });
    expect(s.derived["finishSlipDays"]).toMatchObject({ reason: "no-baseline", note: "baseline 3 is active but is not among the baselines of P" });
    expect(s.overall.colour).toBeUndefined();
  });
});
