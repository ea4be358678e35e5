import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ValidationError, isoDate } from "../../src/core/index.js";
import { entityKindNames, encodeEntity } from "../../src/entities/index.js";
import {
  analyzeOffice, analyzeOfficeRisk, analyzeOfficeSchedule, earnedScheduleFinishes, intakeProblem, loadSampleOffice, officeReport,
  sampleOfficeRecords, SAMPLE_KINDS, SAMPLE_STATUS_DATE, upstreamOf, DEMO_ENVELOPE,
} from "../../src/office/index.js";

// pmokit/office: the bundled sample office and the whole-office builders behind one entry.

const file = (kind: string): unknown[] => JSON.parse(readFileSync(new URL(`../../examples/data/${kind}.json`, import.meta.url), "utf8")) as unknown[];

describe("the bundled sample office", () => {
  it("is the examples/data files, every kind, in SAMPLE_KINDS order", () => {
    const office = loadSampleOffice();
    expect([...SAMPLE_KINDS].sort()).toEqual(entityKindNames().sort());
    expect(Object.keys(office)).toEqual([...SAMPLE_KINDS]);
    for (const kind of SAMPLE_KINDS) expect(office[kind], kind).toEqual(file(kind));
    expect(SAMPLE_STATUS_DATE).toBe("2026-11-20");
  });

  it("hands out fresh copies: changing one load changes neither the next load nor the decoded records", () => {
    const first = loadSampleOffice();
    (first.project[0] as { name: string }).name = "changed";
    first.risk.length = 0;
    expect((loadSampleOffice().project[0] as { name: string }).name).toBe("CRM replacement");
    expect(loadSampleOffice().risk.length).toBe(file("risk").length);
    expect(sampleOfficeRecords().project[0]!.name).toBe("CRM replacement");
  });

  it("decodes to entities that encode back to the same wire records", () => {
    const records = sampleOfficeRecords();
    for (const kind of SAMPLE_KINDS) {
      expect(records[kind].map((e) => encodeEntity(kind, e as never)), kind).toEqual(file(kind));
    }
    // 4 projects, 42 requirements, 13 requests (examples/data/README.md).
    expect([records.project.length, records.requirement.length, records.request.length]).toEqual([4, 42, 13]);
  });
});

describe("the whole-office builders", () => {
  it("run on the sample: the selection and the report the demo prints", async () => {
    const records = sampleOfficeRecords();
    const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
    // docs/cli.md: "optimal: REQ-2027-002, REQ-2027-003, REQ-2027-007 within EUR 1,000,000.00 (FY2027)".
    expect(office.selection.result.selected).toEqual(["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"]);
    const schedule = analyzeOfficeSchedule(records, office.statusDate, "PRJ-CRM", earnedScheduleFinishes(office));
    expect(schedule.projects.map((p) => p.code)).toEqual(["PRJ-CRM"]);
    const report = officeReport(office, schedule);
    expect(report.asOf).toBe("2026-11-20");
    expect(report.sections.length).toBeGreaterThan(4);
  });

  it("the schedule's forecast counts each project's slips on that project's own calendar", () => {
    // The office network takes the first project's calendar (PRJ-CRM, Monday–Friday). PRJ-EINV is put on a 6-day week
    // with Christmas (Fri 2026-12-25) off; it finishes on its baseline finish, Fri 2026-12-18. An earned schedule
    // forecast of Fri 2027-01-15 is 4 weeks later: Sat 12-19 … Fri 01-15 is 4 × 6 = 24 working days less Christmas =
    // 23 on its calendar (Monday–Friday would say 20, and 19 with the holiday).
    const records = sampleOfficeRecords();
    const calendar = { name: "Mon–Sat", workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: [{ date: isoDate("2026-12-25"), name: "Christmas Day" }] };
    const office = { ...records, project: records.project.map((p) => (p.id === "PRJ-EINV" ? { ...p, calendar } : p)) };
    const schedule = analyzeOfficeSchedule(office, SAMPLE_STATUS_DATE, undefined, { "PRJ-EINV": "2027-01-15" });
    const einv = schedule.projects.find((p) => p.code === "PRJ-EINV")!;
    expect([schedule.result?.calendar.name, einv.result.calendar.name]).toEqual(["default", "Mon–Sat"]);
    expect([einv.result.finish, einv.forecast?.baselineFinish.value, einv.forecast?.scheduleSlipDays.value?.toFixed(), einv.forecast?.earnedScheduleSlipDays.value?.toFixed()]).toEqual([
      "2026-12-18", "2026-12-18", "0", "23",
    ]);
  });

  it("refuse wrong-typed arguments with a ValidationError naming the argument", async () => {
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0]?.path;
      }
      return expect.unreachable() as never;
    };
    await expect(analyzeOffice(null as never, { statusDate: SAMPLE_STATUS_DATE })).rejects.toBeInstanceOf(ValidationError);
    expect(path(() => officeReport(undefined as never))).toEqual(["office"]);
    expect(path(() => analyzeOfficeSchedule({}, "20-11-2026"))).toEqual(["statusDate"]);
    expect(path(() => analyzeOfficeRisk({}, undefined as never))).toEqual(["options"]);
    expect(path(() => earnedScheduleFinishes("office" as never))).toEqual(["office"]);
    expect(path(() => upstreamOf({ activities: [] } as never, 7 as never))).toEqual(["projectId"]);
    expect(path(() => intakeProblem([], {} as never, null as never))).toEqual(["envelope"]);
    expect(DEMO_ENVELOPE.period).toBe("FY2027");
  });
});
