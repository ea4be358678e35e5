import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exportDataset, mspdiToPmokit, pmokitToMspdi, readMspdi, writeMspdi, type ImportedRecords } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * Property: a plan imported from MSPDI, exported and imported again comes back record for record (the dataset JSON
 * is the same text): calendars with working weekdays and non-working exceptions, constraints, links of every type
 * with lags in each format (working days, hours, elapsed days, percent, negative leads), durations, progress
 * (percent, physical percent, remaining duration, actual dates), baselines, costs, resources and assignments.
 * The plans are generated as MSPDI files, so each one is a file MS Project could have written.
 */
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const day = (n: number): string => new Date(Date.UTC(2027, 0, 4 + n)).toISOString().slice(0, 10); // 2027-01-04 is a Monday

const linkArb = fc.record({
  type: fc.integer({ min: 0, max: 3 }),
  // [LinkLag in tenths of a minute, LagFormat]: days (7), hours (5), elapsed days (8), percent (19), leads included.
  lag: fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: -3, max: 5 }).map((d) => [d * 4800, 7] as const),
    fc.integer({ min: -8, max: 16 }).map((h) => [h * 600, 5] as const),
    fc.integer({ min: -2, max: 4 }).map((d) => [d * 14400, 8] as const),
    fc.integer({ min: 0, max: 100 }).map((p) => [p * 10, 19] as const),
  ),
});
const taskArb = fc.record({
  start: fc.integer({ min: 0, max: 20 }),
  days: fc.integer({ min: 0, max: 10 }),
  cost: fc.integer({ min: 0, max: 500_000 }),
  milestone: fc.boolean(),
  progress: fc.constantFrom("none", "half", "done"),
  physical: fc.integer({ min: 0, max: 100 }),
  evMethod: fc.constantFrom("0", "1"),
  constraint: fc.record({ type: fc.integer({ min: 0, max: 7 }), at: fc.integer({ min: 0, max: 25 }) }),
  links: fc.array(linkArb, { maxLength: 2 }),
  baseline: fc.option(fc.record({ shift: fc.integer({ min: -3, max: 3 }), cost: fc.integer({ min: 0, max: 500_000 }) }), { nil: undefined }),
  units: fc.constantFrom(0.5, 1, 1.5),
  deadline: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  ownCalendar: fc.boolean(),
});
const planArb = fc.record({
  weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
  tasks: fc.array(taskArb, { minLength: 1, maxLength: 6 }),
  resources: fc.integer({ min: 0, max: 2 }),
  nested: fc.boolean(),
});

type Plan = typeof planArb extends fc.Arbitrary<infer U> ? U : never;

function file(p: Plan): string {
  const weekDays = [1, 2, 3, 4, 5, 6, 7].map((iso) => {
    const working = p.weekdays.includes(iso);
    const times = working ? "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>" : "";
    return `<WeekDay><DayType>${(iso % 7) + 1}</DayType><DayWorking>${working ? 1 : 0}</DayWorking>${times}</WeekDay>`;
  }).join("");
  const exceptions = [...p.holidays].sort((a, b) => a - b).map((h, i) =>
    `<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>${day(h)}T00:00:00</FromDate><ToDate>${day(h)}T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Holiday ${i + 1} ✓</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>`).join("");
  const tasks = p.tasks.map((t, i) => {
    const uid = i + 1;
    const days = t.milestone ? 0 : t.days;
    const finish = t.milestone ? `${day(t.start)}T08:00:00` : `${day(t.start + Math.max(days - 1, 0))}T17:00:00`;
    const pc = t.progress === "done" ? 100 : t.progress === "half" ? 50 : 0;
    const actual = pc > 0 ? `<ActualStart>${day(t.start)}T08:00:00</ActualStart>` + (pc === 100 ? `<ActualFinish>${finish}</ActualFinish>` : "") + `<ActualCost>${Math.round(t.cost / 2)}</ActualCost>` : "";
    const remaining = pc === 50 && days > 0 ? `<RemainingDuration>PT${days * 4}H0M0S</RemainingDuration>` : "";
    const links = t.links.filter(() => uid > 2 || (uid === 2 && !p.nested)).map((l, j) => {
      const lo = p.nested ? 2 : 1; // a nested plan links its leaves (a link to the summary binds its leaves)
      const pred = ((j * 7 + uid) % (uid - lo)) + lo;
      return `<PredecessorLink><PredecessorUID>${pred}</PredecessorUID><Type>${l.type}</Type>${l.lag ? `<LinkLag>${l.lag[0]}</LinkLag><LagFormat>${l.lag[1]}</LagFormat>` : ""}</PredecessorLink>`;
    });
    const constraint = t.constraint.type === 0 ? "" : `<ConstraintType>${t.constraint.type}</ConstraintType>` + (t.constraint.type === 1 ? "" : `<ConstraintDate>${day(t.constraint.at)}T08:00:00</ConstraintDate>`);
    const baseline = t.baseline ? `<Baseline><Number>0</Number><Start>${day(t.start + t.baseline.shift)}T08:00:00</Start><Finish>${day(t.start + t.baseline.shift + Math.max(days - 1, 0))}T17:00:00</Finish><Cost>${t.baseline.cost}</Cost></Baseline>` : "";
    const deadline = t.deadline === undefined ? "" : `<Deadline>${day(t.deadline)}T17:00:00</Deadline>`;
    const cal = t.ownCalendar && !t.milestone ? "<CalendarUID>2</CalendarUID>" : "";
    // Nested: task 1 is a summary (no duration, no cost of its own) spanning the others, numbered 1.1, 1.2 …
    if (p.nested && p.tasks.length > 1 && uid === 1) {
      const last = Math.max(...p.tasks.slice(1).map((u) => u.start + Math.max((u.milestone ? 0 : u.days) - 1, 0)));
      const first = Math.min(...p.tasks.slice(1).map((u) => u.start));
      return `<Task><UID>1</UID><ID>1</ID><Name>Fase 1</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>${day(first)}T08:00:00</Start>` +
        `<Finish>${day(last)}T17:00:00</Finish><Milestone>0</Milestone><Summary>1</Summary><Cost>0</Cost><FixedCost>${t.cost}</FixedCost></Task>`;
    }
    const outline = p.nested && p.tasks.length > 1 ? `1.${uid - 1}` : String(uid);
    return `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>Tâche ${uid} 日本</Name><OutlineNumber>${outline}</OutlineNumber><OutlineLevel>${outline.split(".").length}</OutlineLevel>${deadline}${cal}` +
      `<Start>${day(t.start)}T08:00:00</Start><Finish>${finish}</Finish><Duration>PT${days * 8}H0M0S</Duration><DurationFormat>7</DurationFormat>` +
      `<Milestone>${t.milestone ? 1 : 0}</Milestone><Summary>0</Summary><Cost>${t.milestone ? 0 : t.cost}</Cost><PercentComplete>${pc}</PercentComplete>` +
      `<PhysicalPercentComplete>${t.physical}</PhysicalPercentComplete><EarnedValueMethod>${t.evMethod}</EarnedValueMethod>${remaining}${actual}${constraint}${baseline}${links.join("")}</Task>`;
  }).join("");
  const resources = Array.from({ length: p.resources }, (_, i) =>
    `<Resource><UID>${i + 1}</UID><ID>${i + 1}</ID><Name>Pessoa ${i + 1}</Name><Type>1</Type><MaxUnits>${i === 0 ? 1 : 0.5}</MaxUnits><StandardRate>${40 + i}</StandardRate><OvertimeRate>0</OvertimeRate><CostPerUse>0</CostPerUse></Resource>`).join("");
  const assignments = p.resources === 0 ? "" : p.tasks.flatMap((t, i) => (t.milestone ? [] : [
    `<Assignment><UID>${i + 1}</UID><TaskUID>${i + 1}</TaskUID><ResourceUID>${(i % p.resources) + 1}</ResourceUID><Units>${t.units}</Units><Work>PT${t.days * 8}H0M0S</Work><ActualWork>PT0H0M0S</ActualWork></Assignment>`,
  ])).join("");
  return `<Project xmlns="http://schemas.microsoft.com/project"><Name>plan.xml</Name><CurrencyCode>EUR</CurrencyCode><StartDate>${day(0)}T08:00:00</StartDate>` +
    `<CurrentDate>${day(10)}T08:00:00</CurrentDate><MinutesPerDay>480</MinutesPerDay><CalendarUID>1</CalendarUID>` +
    `<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>${weekDays}</WeekDays><Exceptions>${exceptions}</Exceptions></Calendar>` +
    `<Calendar><UID>2</UID><Name>Quatro dias</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>${[1, 2, 3, 4, 5, 6, 7].map((iso) => `<WeekDay><DayType>${(iso % 7) + 1}</DayType><DayWorking>${iso <= 4 ? 1 : 0}</DayWorking></WeekDay>`).join("")}</WeekDays>` +
    `<Exceptions><Exception><TimePeriod><FromDate>${day(15)}T00:00:00</FromDate><ToDate>${day(16)}T23:59:00</ToDate></TimePeriod><Name>Inventário</Name><Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions></Calendar></Calendars>` +
    `<Tasks>${tasks}</Tasks><Resources>${resources}</Resources><Assignments>${assignments}</Assignments></Project>`;
}

const exportOf = (r: ImportedRecords) => pmokitToMspdi({
  project: r.project![0]!, workPackages: r["work-package"] ?? [], milestones: r.milestone ?? [], baselines: r.baseline ?? [],
  costEntries: r["cost-entry"] ?? [], resources: r.resource ?? [], assignments: r.assignment ?? [],
}).document;

describe("MSPDI round trip (property): import → export → import keeps every modelled field", () => {
  it("gives the same records for generated plans", () => {
    fc.assert(fc.property(planArb, (plan) => {
      const first = mspdiToPmokit(readMspdi(file(plan)).document, OPTIONS).records;
      const second = mspdiToPmokit(readMspdi(writeMspdi(exportOf(first))).document, OPTIONS).records;
      expect(exportDataset(second)).toBe(exportDataset(first));
    }), { numRuns: 40, seed: 19 });
  });
});

describe("MSPDI round trip of a plan without a status date", () => {
  it("keeps the progress records' date: the export's CurrentDate is the end of that day", () => {
    // A 50 % task reported on Wed 2027-01-06 in a project with no status date: the export writes the latest progress
    // date as CurrentDate, which the import dates as a finish. At 08:00 (where Wednesday's work begins) it read back as
    // Tue 2027-01-05, moving the progress a day; at 17:00 it stays Wednesday.
    const xml = `<Project xmlns="http://schemas.microsoft.com/project"><Name>p</Name><CurrencyCode>EUR</CurrencyCode><CurrentDate>2027-01-06T17:00:00</CurrentDate>` +
      `<Tasks><Task><UID>1</UID><Name>A</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish>` +
      `<Duration>PT40H0M0S</Duration><PercentComplete>50</PercentComplete><ActualStart>2027-01-04T08:00:00</ActualStart></Task></Tasks></Project>`;
    const first = mspdiToPmokit(readMspdi(xml).document, OPTIONS).records;
    const { statusDate, ...project } = first.project![0]!;
    expect(statusDate).toBe("2027-01-06");
    const document = pmokitToMspdi({ project: project as NonNullable<ImportedRecords["project"]>[number], workPackages: first["work-package"]! }).document;
    expect(document.project.fields["StatusDate"]).toBeUndefined();
    const back = mspdiToPmokit(readMspdi(writeMspdi(document)).document, OPTIONS).records;
    expect(back["work-package"]![0]!.progress.map((p) => p.date)).toEqual(["2027-01-06"]);
  });
});
