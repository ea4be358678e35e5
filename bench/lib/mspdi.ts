import { closeSync, openSync, writeSync } from "node:fs";
import { intBetween, seededRandom } from "./random.js";

/*
 * A seeded MS Project XML (MSPDI) plan of any size, written straight to a file (never one string): one summary task
 * per ten tasks with nine leaf tasks under it, each leaf linked to the one before (finish-to-start, some with a lag),
 * costs, progress on the first third, early/late dates and slack as MS Project writes them, 200 work resources and
 * one assignment per leaf task. No baselines: a pmokit baseline holds at most 5,000 work packages.
 */

const DAY = 86_400_000;
const T0 = Date.UTC(2027, 0, 4);
const iso = (ms: number, h: number) => `${new Date(ms).toISOString().slice(0, 10)}T${String(h).padStart(2, "0")}:00:00`;

/** Writes a seeded MSPDI plan of `tasks` tasks (a multiple of ten) to `file`; returns the number of assignments. */
export function writeMspdiPlan(file: string, tasks: number, seed = 20261205): number {
  const rnd = seededRandom(seed);
  const fd = openSync(file, "w");
  let buf = "";
  const out = (s: string) => {
    buf += s;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = "";
    }
  };
  let assignments = 0;
  try {
    out(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n`);
    out(`<SaveVersion>14</SaveVersion><Name>bench.xml</Name><Title>Generated plan of ${tasks} tasks</Title><ScheduleFromStart>1</ScheduleFromStart>`);
    out(`<StartDate>${iso(T0, 8)}</StartDate><FinishDate>${iso(T0 + 700 * DAY, 17)}</FinishDate><CurrencyDigits>2</CurrencyDigits><CurrencySymbol>€</CurrencySymbol>`);
    out(`<CurrencyCode>EUR</CurrencyCode><CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek>`);
    out(`<StatusDate>${iso(T0 + 120 * DAY, 17)}</StatusDate><DefaultTaskEVMethod>0</DefaultTaskEVMethod>\n`);
    out(`<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>`);
    for (let d = 1; d <= 7; d++) out(`<WeekDay><DayType>${d}</DayType><DayWorking>${d === 1 || d === 7 ? 0 : 1}</DayWorking></WeekDay>`);
    out(`</WeekDays><Exceptions>`);
    for (let y = 2027; y <= 2029; y++) out(`<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>${y}-12-25T00:00:00</FromDate><ToDate>${y}-12-25T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Christmas</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>`);
    out(`</Exceptions></Calendar></Calendars>\n<Tasks>\n`);
    out(`<Task><UID>0</UID><ID>0</ID><Name>Generated plan</Name><OutlineNumber>0</OutlineNumber><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>\n`);
    for (let uid = 1; uid <= tasks; uid++) {
      const group = Math.ceil(uid / 10);
      const summary = uid % 10 === 1;
      const outline = summary ? `${group}` : `${group}.${uid - (group - 1) * 10 - 1}`;
      const startDay = (group % 500) + (summary ? 0 : (uid % 10) * 3);
      const days = summary ? 30 : intBetween(rnd, 1, 10);
      const start = T0 + startDay * DAY;
      const finish = start + (days - 1) * DAY;
      const cost = summary ? 0 : intBetween(rnd, 1000, 5_000_000);
      const done = uid <= tasks / 3 && !summary ? intBetween(rnd, 0, 100) : 0;
      const work = `PT${days * 8}H0M0S`;
      out(`<Task><UID>${uid}</UID><ID>${uid}</ID><Name>${summary ? "Phase" : "Activity"} ${outline} &amp; checks</Name><Type>0</Type><IsNull>0</IsNull>`);
      out(`<CreateDate>2026-11-01T08:00:00</CreateDate><WBS>${outline}</WBS><OutlineNumber>${outline}</OutlineNumber><OutlineLevel>${summary ? 1 : 2}</OutlineLevel><Priority>500</Priority>`);
      out(`<Start>${iso(start, 8)}</Start><Finish>${iso(finish, 17)}</Finish><Duration>${work}</Duration><DurationFormat>7</DurationFormat><Work>${work}</Work>`);
      out(`<ResumeValid>0</ResumeValid><EffortDriven>0</EffortDriven><Recurring>0</Recurring><OverAllocated>0</OverAllocated><Estimated>0</Estimated>`);
      out(`<Milestone>0</Milestone><Summary>${summary ? 1 : 0}</Summary><Critical>${uid % 7 === 0 ? 1 : 0}</Critical><IsSubproject>0</IsSubproject>`);
      out(`<EarlyStart>${iso(start, 8)}</EarlyStart><EarlyFinish>${iso(finish, 17)}</EarlyFinish><LateStart>${iso(start + 5 * DAY, 8)}</LateStart><LateFinish>${iso(finish + 5 * DAY, 17)}</LateFinish>`);
      out(`<StartVariance>0</StartVariance><FinishVariance>0</FinishVariance><WorkVariance>0.00</WorkVariance><FreeSlack>0</FreeSlack><TotalSlack>${uid % 7 === 0 ? 0 : 24000}</TotalSlack>`);
      out(`<FixedCost>0</FixedCost><FixedCostAccrual>3</FixedCostAccrual><PercentComplete>${done}</PercentComplete><PercentWorkComplete>${done}</PercentWorkComplete>`);
      out(`<Cost>${cost}</Cost><OvertimeCost>0</OvertimeCost><OvertimeWork>PT0H0M0S</OvertimeWork>`);
      if (done > 0) out(`<ActualStart>${iso(start, 8)}</ActualStart><ActualCost>${Math.floor((cost * done) / 100)}</ActualCost>`);
      out(`<ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID><LevelAssignments>1</LevelAssignments><IgnoreResourceCalendar>0</IgnoreResourceCalendar>`);
      if (!summary && uid % 10 !== 2) out(`<PredecessorLink><PredecessorUID>${uid - 1}</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject><LinkLag>${uid % 5 === 0 ? 4800 : 0}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`);
      out(`</Task>\n`);
    }
    out(`</Tasks>\n<Resources>\n<Resource><UID>0</UID><ID>0</ID><Type>1</Type><IsNull>0</IsNull><WorkGroup>0</WorkGroup><MaxUnits>1.00</MaxUnits></Resource>\n`);
    for (let r = 1; r <= 200; r++) {
      out(`<Resource><UID>${r}</UID><ID>${r}</ID><Name>Engineer ${r}</Name><Type>1</Type><IsNull>0</IsNull><Initials>E${r}</Initials><Group>Delivery</Group>`);
      out(`<MaxUnits>1.00</MaxUnits><StandardRate>${intBetween(rnd, 40, 140)}</StandardRate><StandardRateFormat>2</StandardRateFormat><OvertimeRate>0</OvertimeRate><OvertimeRateFormat>2</OvertimeRateFormat>`);
      out(`<CostPerUse>0</CostPerUse><CalendarUID>-1</CalendarUID><IsGeneric>0</IsGeneric><IsInactive>0</IsInactive></Resource>\n`);
    }
    out(`</Resources>\n<Assignments>\n`);
    for (let uid = 1; uid <= tasks; uid++) {
      if (uid % 10 === 1) continue;
      assignments++;
      const hours = intBetween(rnd, 8, 80);
      out(`<Assignment><UID>${assignments}</UID><TaskUID>${uid}</TaskUID><ResourceUID>${intBetween(rnd, 1, 200)}</ResourceUID><PercentWorkComplete>0</PercentWorkComplete>`);
      out(`<ActualCost>0</ActualCost><ActualWork>PT0H0M0S</ActualWork><Cost>${hours * 8000}</Cost><CostRateTable>0</CostRateTable><Units>1</Units><Work>PT${hours}H0M0S</Work><WorkContour>0</WorkContour></Assignment>\n`);
    }
    out(`</Assignments>\n</Project>\n`);
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return assignments;
}
