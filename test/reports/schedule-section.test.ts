import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, compareFinishForecasts, createWorkingCalendar, decimal, decodeEntity, levelResources, resourceLoad, scheduleNetwork, type EntityOf, type ResourceLoadRow } from "../../src/index.js";
import { scheduleInputFromPlan, scheduleRiskModelFromPlan } from "../../src/io/index.js";
import { renderHtmlReport, renderMarkdownReport, scheduleSection, type ReportBlock, type ReportSection } from "../../src/reports/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { STARTED_BEHIND_LEVELLED } from "../schedule/helpers.js";

const office = loadSampleOffice();
const all = <K extends "project" | "work-package" | "milestone" | "risk" | "resource" | "assignment">(kind: K): EntityOf<K>[] => office[kind].map((r) => decodeEntity(kind, r));
const crm = all("project").filter((p) => p.id === "PRJ-CRM");
// The derivations below take wp-crm-4.1's progress as 50 % of its duration. The sample data records it as 50 %
// physical and 53 % duration complete; the schedule takes the duration percent (MS Project's Physical % Complete is an
// earned-value measure only), so the fixture sets the duration percent to the physical one here, keeping the dates below.
const wps = all("work-package").filter((w) => w.projectId === "PRJ-CRM").map((w) =>
  w.earningRule.type === "physical-percent-complete" ? { ...w, progress: w.progress.map((p) => (p.physicalPercentComplete ? { ...p, percentComplete: p.physicalPercentComplete } : p)) } : w);
const plan = scheduleInputFromPlan({ projects: crm, workPackages: wps, milestones: all("milestone").filter((m) => m.projectId === "PRJ-CRM"), resources: all("resource"), assignments: all("assignment") }, { statusDate: "2026-11-20" });
const schedule = scheduleNetwork(plan.input);
// As `pmokit schedule` names them (ProjectSchedule.labels): a work package by WBS code and name, a milestone by name.
const labels = Object.fromEntries([...wps.map((w) => [w.id, `${w.code} ${w.name}`]), ...all("milestone").filter((m) => m.projectId === "PRJ-CRM").map((m) => [m.id, `${m.name} (milestone)`])]);
const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];

describe("scheduleSection", () => {
  const levelling = levelResources({ network: plan.input, resources: plan.resources, assignments: plan.assignments });
  const risk = analyseScheduleRisk(scheduleRiskModelFromPlan(plan.input, { workPackages: wps, risks: all("risk"), currency: "EUR" }).model, { iterations: 200, seed: 3, targetFinish: "2027-04-30" });
  const section = scheduleSection({
    code: "PRJ-CRM", name: "CRM replacement", schedule, links: plan.input.links!, labels,
    load: resourceLoad({ network: plan.input, resources: plan.resources, assignments: plan.assignments }, { period: "month" }).resources,
    forecast: compareFinishForecasts(schedule, [{ projectId: "PRJ-CRM", baselineFinish: "2027-04-30", earnedScheduleFinish: "2027-05-20" }])[0]!,
    levelling, risk, target: { label: "Planned finish 2027-04-30", date: "2027-04-30" },
    resourceNames: Object.fromEntries(all("resource").map((r) => [r.id, r.name])),
  });
  const all_ = blocks(section);

  it("says how many activities the criticality table leaves out (never on the critical path), rather than dropping them unseen", () => {
    const never = risk.activities.filter((a) => a.criticalityIndex.isZero()).length;
    const shown = risk.activities.length - never;
    const t = all_.find((b) => b.kind === "table" && (b.table.caption ?? "").startsWith("Criticality index"));
    expect(t?.kind === "table" && t.table.rows.length).toBe(shown);
    // before: "Criticality index (share of iterations on the critical path)" whatever was left out.
    expect(never).toBeGreaterThan(0);
    expect(t?.kind === "table" && t.table.caption).toBe(`Criticality index (share of iterations on the critical path; ${shown} of ${risk.activities.length} activities, the ${never} never on it left out)`);
  });

  it("states the finish, critical path and conventions, and draws the Gantt with the network's links", () => {
    // The CPM date: the project section and health table show earned schedule's forecast (2027-05-04), each named.
    const first = section.blocks[0]!;
    expect(first.kind === "paragraph" && first.text).toMatch(/^CPM forecast finish 2027-05-06 at status date 2026-11-20: .* Conventions: total float = smallest/);
    const charts = all_.flatMap((b) => (b.kind === "chart" ? [b.file] : []));
    expect(charts).toEqual(expect.arrayContaining(["charts/gantt-PRJ-CRM.svg", "charts/finish-distribution-PRJ-CRM.svg", "charts/tornado-PRJ-CRM.svg"]));
    const gantt = all_.find((b) => b.kind === "chart" && b.file === "charts/gantt-PRJ-CRM.svg");
    expect(gantt?.kind === "chart" && (gantt.svg.match(/<g class="link /g) ?? []).length).toBe(plan.input.links!.length);
  });

  it("lists violations, the forecast row side by side and the levelling delay with its cause", () => {
    expect(all_.some((b) => b.kind === "list" && b.items.some((i) => i.startsWith("deadline-missed: Go-live (milestone) finishes")))).toBe(true);
    const forecast = all_.find((b) => b.kind === "table" && b.table.caption?.startsWith("Finish forecasts"));
    expect(forecast?.kind === "table" && forecast.table.rows[0]!.slice(0, 1)).toEqual(["2027-05-06"]);
    // The resource by its name from resource.json (res-aylin-yilmaz is "Aylin Yilmaz (QA)"), not its id.
    const delays = all_.flatMap((b) => (b.kind === "list" ? b.items : [])).filter((i) => i.includes(" waits "));
    // With the day the resource was short (levelResources' `day`; the section dropped it and said no more).
    // Activities by their labels, as `pmokit schedule` prints them (wp-crm-4.2 and wp-crm-4.1 before).
    expect(delays).toEqual(["4.2 User acceptance testing waits 15.5 days for Aylin Yilmaz (QA), held by 4.1 System and integration testing on 2027-01-15"]);
    // What moved only behind it (levelResources' pushedBy and delayDays) was not in the section at all.
    // Behind wp-crm-4.2's wait: the UAT milestone (Fri 02-26 → Fri 03-19, the 15.5 working days), then wp-crm-6 after
    // it, the go-live on wp-crm-6's SS + 5 days lag (shown Wed 03-17 → Fri 03-26: 7 working days apart; delayDays
    // 7.429167, see the next test), hypercare exit and close.
    // Each line is levelResources' pushedBy with the levelled against the unlevelled start; the order is the input's.
    expect(all_.flatMap((b) => (b.kind === "list" ? b.items : [])).filter((i) => i.includes("pushed by"))).toEqual([
      "6 Deployment and hypercare starts 2027-03-22 instead of 2027-02-26, pushed by UAT exit (milestone)",
      "Project closed (milestone) starts 2027-05-27 instead of 2027-05-06, pushed by Hypercare exit (milestone)",
      "Go-live (milestone) starts 2027-03-26 instead of 2027-03-17, pushed by 6 Deployment and hypercare",
      "Hypercare exit (milestone) starts 2027-04-23 instead of 2027-04-02, pushed by 6 Deployment and hypercare",
      "UAT exit (milestone) starts 2027-03-19 instead of 2027-02-26, pushed by 4.2 User acceptance testing",
    ]);
  });

  it("counts the go-live's move in working time: 7.429167 days between positions, 7 between the shown dates", () => {
    // Calendar project:PRJ-CRM: Mon–Fri, no holidays, 8 h = 480 min a day; unstarted and remaining work from Mon
    // 2026-11-23 morning (status date Fri 11-20).
    // CPM go-live = max(FF from wp-crm-5, SS + 5 d from wp-crm-6). wp-crm-5 (85 d, 2.8571 % complete) has
    // 85 × (1 − 0.028571) = 82.571465 d = 39,634.30 min left → 39,634 min (whole minutes, half up) = 82 d + 274 min:
    // Mon 11-23 + 80 d = Mon 2027-03-15, + 2 d = Wed 03-17 morning, + 274 min → it finishes Wed 03-17 at minute 274.
    // wp-crm-6 starts at ms-crm-uat = wp-crm-4.2's finish, Fri 02-26 at minute 240 (wp-crm-4.1's 54.5 d left end
    // Fri 02-05 at minute 240; FF + 15 d puts 4.2's 30 d at Fri 01-15 + 240 min), so SS + 5 d = Fri 03-05 + 240 min.
    // Go-live = Wed 03-17 + 274 min (shown 03-17; total float to its deadline Mon 03-01 evening −11.570833).
    // Levelled: 4.2 waits for Aylin until the next morning after 4.1, Mon 02-08 (15 d + 240 min = 15.5 d); its 30 d
    // end Fri 03-19 evening = Mon 03-22 morning, so UAT exit Fri 03-19 and wp-crm-6 Mon 03-22 (both 15.5 d, right).
    // Go-live = max(SS: Mon 03-22 + 5 d = Mon 03-29 morning, FF: Wed 03-17 + 274 min) = Mon 03-29 morning, shown on
    // the evening before, Fri 03-26. Move = rest of Wed 03-17 (480 − 274 = 206 min) + Thu 18 … Fri 26 (7 d)
    // = 7 + 206/480 = 7.4291666… → 7.429167 d (6 places).
    const cpm = (id: string) => schedule.activities.find((a) => a.id === id)!;
    const lv = (id: string) => levelling.activities.find((a) => a.id === id)!;
    expect([cpm("wp-crm-5").remainingDuration.toFixed(), cpm("wp-crm-5").earlyFinish]).toEqual(["82.570833", "2027-03-17"]);
    expect([cpm("ms-crm-go-live").earlyStart, cpm("ms-crm-go-live").totalFloat.toFixed()]).toEqual(["2027-03-17", "-11.570833"]);
    expect(["ms-crm-uat", "wp-crm-6", "ms-crm-go-live"].map((id) => [id, lv(id).start, lv(id).delayDays.toFixed(), lv(id).pushedBy])).toEqual([
      ["ms-crm-uat", "2027-03-19", "15.5", "wp-crm-4.2"],
      ["wp-crm-6", "2027-03-22", "15.5", "ms-crm-uat"],
      ["ms-crm-go-live", "2027-03-26", "7.429167", "wp-crm-6"],
    ]);
  });

  it("says when the resource itself was not working, and lists what levelling could not resolve and the dates it breaks", () => {
    // Shaped as levelResources reports them: a delay nobody held (the resource's calendar), an activity asking more
    // units than the resource has, and a deadline the levelled dates miss. Before, only held delays were shown.
    const lv = {
      ...levelling,
      delays: [{ ...levelling.delays[0]!, heldBy: [], day: "2027-01-06" as typeof levelling.delays[0]["day"] }],
      unresolved: [{ activityId: "A", resourceId: "R", reason: "exceeds-max-units" as const, day: "2027-01-04" as typeof levelling.delays[0]["day"], causes: [{ resourceId: "R", reason: "exceeds-max-units" as const, day: "2027-01-04" as typeof levelling.delays[0]["day"] }], message: "A needs 2 units of R, which has at most 1: it cannot be levelled and stays over-allocated" }],
      violations: [{ ...schedule.violations[0]!, message: "B finishes 2 days after its deadline 2027-01-06 when levelled" }],
    };
    const items = blocks(scheduleSection({ code: "PRJ-CRM", name: "CRM replacement", schedule, levelling: lv, resourceNames: { "res-aylin-yilmaz": "Aylin Yilmaz (QA)" } }))
      .flatMap((b) => (b.kind === "list" ? b.items : []));
    // Without labels, each activity by its name (wp-crm-4.2 is "User acceptance testing"); ids not in the schedule as they are.
    expect(items).toContain("User acceptance testing waits 15.5 days for Aylin Yilmaz (QA), not working on 2027-01-06");
    expect(items).toContain("not levelled (exceeds-max-units): A asks more units than ever available of R; it stays over-allocated from 2027-01-04");
    expect(items).toContain(`levelled ${schedule.violations[0]!.kind}: B finishes 2 days after its deadline 2027-01-06 when levelled`);
  });

  it("names chart files a Markdown report can link whatever the ids: a resource id with ':' or '..' no longer throws", () => {
    // Ids may hold ':' and '.', which the Markdown renderer refuses in a file name ("res:dba..x" made it throw).
    const load = [{ resourceId: "res:dba..x", periodStart: "2027-01-01", periodEnd: "2027-01-31", demand: decimal("25"), capacity: decimal("20"), overload: decimal("5") }] as unknown as ResourceLoadRow[];
    const odd = scheduleSection({ code: "PRJ CRM/2", name: "CRM", schedule, load });
    const files = blocks(odd).flatMap((b) => (b.kind === "chart" ? [b.file] : []));
    expect(files).toEqual(["charts/gantt-PRJ-CRM-2.svg", "charts/resource-PRJ-CRM-2-res-dba-x.svg"]);
    expect(renderMarkdownReport({ title: "t", sections: [odd] })).toContain("](charts/resource-PRJ-CRM-2-res-dba-x.svg)");
  });

  it("labels activities in the table, the critical path, the Gantt and the findings, escaped in HTML; finished work without float", () => {
    // A label is user text (a WBS code and name from the plan): escaped everywhere in the HTML report, the Gantt's SVG too.
    const evil = '4.1 <script>alert("x")</script> & <b>testing</b>';
    const html = renderHtmlReport({ title: "t", sections: [scheduleSection({ code: "PRJ-CRM", name: "CRM", schedule, labels: { ...labels, "wp-crm-4.1": evil } })] });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>testing</b>");
    expect(html).toContain("<td>4.1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;testing&lt;/b&gt;</td>");
    // The critical path starts with it (4.1 → 4.2 → 6 → UAT exit …, as pmokit schedule prints it).
    expect(html).toContain("Critical path: 4.1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;testing&lt;/b&gt; → 4.2 User acceptance testing → 6 Deployment and hypercare → UAT exit (milestone)");
    expect(html).toContain("<title>4.1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;testing&lt;/b&gt;</title>");
    // examples/data at 2026-11-20: 2.1 Solution design is complete, so its floats are empty cells, never 0.
    const t = section.blocks.find((x) => x.kind === "table")!;
    const row = t.kind === "table" ? t.table.rows.find((r) => r[0] === "2.1 Solution design") : undefined;
    expect(row?.slice(1, 2)).toEqual(["complete"]);
    expect(row?.slice(6, 9)).toEqual([null, null, false]);
    expect(section.blocks.some((x) => x.kind === "list" && x.items.includes("finished 4 activities: done work has no float and is never critical"))).toBe(true);
  });

  it("renders in Markdown with the risk table's percentiles", () => {
    const md = renderMarkdownReport({ title: "t", asOf: "2026-11-20", sections: [section] });
    expect(md).toContain("PRJ-CRM — schedule");
    for (const p of ["P10", "P50", "P80", "P90"]) expect(md).toContain(`| ${p} |`);
  });
});

describe("scheduleSection: every levelling blocker and broken link", () => {
  it("a delay by two resources names both; a must-on date held against a levelled predecessor is listed", () => {
    // Mon 2027-01-04. A (2 d, R1) and B (2 d, R2) hold both resources Mon 4–Tue 5, so C (1 d, R1 and R2) waits 2 days.
    // A also precedes M (1 d, MSO Tue 5): A finishes Tue 5 in CPM too, so M starts 1 day before A allows (CPM says so
    // as well: the MSO date wins). Before, the section named only R1 ("for Rita, held by A on 2027-01-04").
    const lv = levelResources({
      network: {
        projectStart: "2027-01-04",
        activities: [{ id: "A", duration: 2 }, { id: "B", duration: 2 }, { id: "C", duration: 1 }, { id: "M", duration: 1, constraint: { kind: "mso", date: "2027-01-05" } }],
        links: [{ from: "A", to: "M" }],
      },
      resources: [{ id: "R1", maxUnits: 1 }, { id: "R2", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R1", units: 1 }, { activityId: "B", resourceId: "R2", units: 1 }, { activityId: "C", resourceId: "R1", units: 1 }, { activityId: "C", resourceId: "R2", units: 1 }],
    });
    const items = blocks(scheduleSection({ code: "P", name: "P", schedule: lv.schedule, levelling: lv, resourceNames: { R1: "Rita", R2: "Raj" } })).flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(items).toContain("C waits 2 days for Rita (held by A) and Raj (held by B) on 2027-01-04");
    expect(items).toContain("levelled link-violated: M starts 1 day before its FS predecessor A allows when levelled (A finishes 2027-01-05); its MSO date 2027-01-05 wins");
  });

  it("started work behind a levelled predecessor: the levelled finish is its remaining day after X, no broken link", () => {
    // Status Wed 2027-01-06; A (1 day left) waits for P and X, both on R. X waits 3 days for P (Tue 12–Thu 14) and A's
    // remaining day follows on Fri 15 (test/schedule/levelling-started.test.ts). Before, A stayed on Tue 12 and the
    // section said "finish 2027-01-14" (X's), a date before which A's link from X was already broken.
    const lv = levelResources(STARTED_BEHIND_LEVELLED);
    const out = blocks(scheduleSection({ code: "P", name: "P", schedule: lv.schedule, levelling: lv, resourceNames: { R: "Rita" } }));
    const text = out.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.kind === "list" ? b.items : []));
    expect(text).toContain("Levelled (delay-finish, least total float, then earliest early start, then id): finish 2027-01-15 against 2027-01-12 unlevelled.");
    expect(text).toContain("X waits 3 days for Rita, held by P on 2027-01-07");
    expect(text.filter((t) => t.startsWith("levelled "))).toEqual([]);
    // A has no delay of its own (it waits for no resource): the section said nothing of its move. Tue 12 → Fri 15 is
    // 3 working days, set by X (levelResources' delayDays 3, pushedBy "X"); the section gives the dates.
    expect(text.filter((t) => t.includes("pushed by"))).toEqual(["A finishes its remaining work 2027-01-15 instead of 2027-01-12, pushed by X"]);
  });
});

describe("scheduleSection: every cause of an unresolved activity", () => {
  it("started work over-allocating R (more units than R has) and S (fixed work overlaps) names both", () => {
    // The network of test/schedule/levelling-unresolved.test.ts: A's unresolved entry has two causes — R
    // exceeds-max-units from Mon 4 and S fixed-dates from Mon 4. Before, the section named only the first (R).
    const lv = levelResources({
      network: {
        projectStart: "2027-01-04",
        statusDate: "2027-01-05",
        activities: [
          { id: "A", duration: 4, progress: { actualStart: "2027-01-04", remainingDuration: 2 } },
          { id: "B", duration: 6, progress: { actualStart: "2027-01-04", remainingDuration: 5 } },
          { id: "P", duration: 2 },
        ],
        links: [{ from: "P", to: "A" }],
      },
      resources: [{ id: "R", maxUnits: 1 }, { id: "S", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 2 }, { activityId: "A", resourceId: "S", units: 1 }, { activityId: "B", resourceId: "S", units: 1 }],
    });
    expect(lv.unresolved.map((u) => u.causes.length)).toEqual([2]);
    const items = blocks(scheduleSection({ code: "P", name: "P", schedule: lv.schedule, levelling: lv, resourceNames: { R: "Rita", S: "Sam" } })).flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(items.filter((t) => t.startsWith("not levelled"))).toEqual([
      "not levelled (exceeds-max-units): A asks more units than ever available of Rita; it stays over-allocated from 2027-01-04",
      "not levelled (fixed-dates): A has fixed dates (started, complete or must-start/finish-on) overlapping other fixed work of Sam; it stays over-allocated from 2027-01-04",
    ]);
  });
});

describe("scheduleSection: the milestone dating convention", () => {
  it("says when a milestone in non-working time is dated at the next working time; the default reads as before", () => {
    // A (6 d on 7 days) finishes Sat 2027-01-09; M (Mon–Fri) is on Mon 11 under next-working-time.
    const input = {
      projectStart: "2027-01-04",
      calendars: { seven: createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] }) },
      activities: [{ id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0 }],
      links: [{ from: "A", to: "M" }],
    };
    const text = (schedule: ReturnType<typeof scheduleNetwork>) => {
      const b = scheduleSection({ code: "P", name: "P", schedule }).blocks[0]!;
      return b.kind === "paragraph" ? b.text : "";
    };
    const msp = text(scheduleNetwork(input, { milestoneDating: "next-working-time" }));
    expect(msp).toMatch(/^CPM forecast finish 2027-01-11: /);
    expect(msp).toMatch(/8 hours per day, a milestone reached in non-working time dated at its next working time \(MS Project\)\.$/);
    expect(text(scheduleNetwork(input))).toMatch(/^CPM forecast finish 2027-01-09: .*8 hours per day\.$/);
  });
});

describe("scheduleSection: the start-link float convention", () => {
  it("says when SS and SF links bound a predecessor's late start in working time; the default reads as before", () => {
    // The same network as above; the convention only changes the sentence (no SS or SF link here).
    const input = {
      projectStart: "2027-01-04",
      calendars: { seven: createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] }) },
      activities: [{ id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0 }],
      links: [{ from: "A", to: "M" }],
    };
    const text = (schedule: ReturnType<typeof scheduleNetwork>) => {
      const b = scheduleSection({ code: "P", name: "P", schedule }).blocks[0]!;
      return b.kind === "paragraph" ? b.text : "";
    };
    const wt = ", SS and SF links bound a predecessor's late start in working time (MS Project: Fri 17:00 is Mon 08:00).";
    expect(text(scheduleNetwork(input, { startLinkFloat: "working-time" }))).toMatch(/^CPM forecast finish 2027-01-09: .*8 hours per day, SS and SF links/);
    expect(text(scheduleNetwork(input, { startLinkFloat: "working-time" })).endsWith(`8 hours per day${wt}`)).toBe(true);
    const both = text(scheduleNetwork(input, { startLinkFloat: "working-time", milestoneDating: "next-working-time" }));
    expect(both.endsWith(`dated at its next working time (MS Project)${wt}`)).toBe(true);
    expect(text(scheduleNetwork(input, { startLinkFloat: "exact" }))).toMatch(/8 hours per day\.$/);
  });
});

describe("scheduleSection: the start-no-later-than convention", () => {
  it("says when an SNLT date on a non-working day is read exactly; the default reads as before", () => {
    const input = { projectStart: "2027-01-04", activities: [{ id: "A", duration: 1, constraint: { kind: "snlt" as const, date: "2027-01-09" } }] };
    const text = (schedule: ReturnType<typeof scheduleNetwork>) => {
      const b = scheduleSection({ code: "P", name: "P", schedule }).blocks[0]!;
      return b.kind === "paragraph" ? b.text : "";
    };
    const snlt = ", a start-no-later-than date on a non-working day met only by a start before that day's morning (exact).";
    expect(text(scheduleNetwork(input, { startNoLaterThan: "exact" })).endsWith(`8 hours per day${snlt}`)).toBe(true);
    const all = text(scheduleNetwork(input, { startNoLaterThan: "exact", startLinkFloat: "working-time" }));
    expect(all.endsWith(`(MS Project: Fri 17:00 is Mon 08:00)${snlt}`)).toBe(true);
    expect(text(scheduleNetwork(input))).toMatch(/8 hours per day\.$/);
  });
});
