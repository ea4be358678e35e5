import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createWorkingCalendar, isoDate, isWorkingDay, ValidationError, workingDaysBetween } from "../../src/index.js";
import {
  DEFAULT_IT_ROLLOUT_TEMPLATE,
  decodeRolloutTemplate,
  orderByDependencies,
  scheduleChecklist,
  scheduleRollout,
  type RolloutTemplate,
} from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

const { plan, items } = sampleRollout();
const office = createWorkingCalendar(plan.calendar); // German holidays 2026–2027, freeze 2026-12-21…2027-01-04
const byCode = (s: { items: readonly { code: string; dueDate: string }[] }, code: string) => s.items.find((i) => i.code === code)!;

describe("default IT rollout template", () => {
  it("covers every area the issue names, each with owner, offset, blocking flag and evidence", () => {
    const t = DEFAULT_IT_ROLLOUT_TEMPLATE;
    expect(t.entries).toHaveLength(31);
    const categories = new Set(t.entries.map((e) => e.category));
    for (const c of ["governance", "communications", "training", "testing", "distribution-installation", "help-desk", "access", "rollback", "cutover", "hypercare", "operations"]) {
      expect(categories.has(c as never)).toBe(true);
    }
    const titles = t.entries.map((e) => e.title.toLowerCase()).join("\n");
    for (const w of ["scope", "communications plan", "change request", "cab", "key users", "test exit", "package", "pilot ring", "waves", "knowledge articles", "triage", "ticket categories", "staffing", "support plan", "licences", "rollback", "runbook rehearsed", "go/no-go", "cutover", "early-life support", "hand-over", "post-implementation review"]) {
      expect(titles).toContain(w);
    }
    for (const e of t.entries) {
      expect(e.evidenceRequired.length).toBeGreaterThan(0);
      expect(e.raci.filter((r) => r.raci === "accountable")).toHaveLength(1);
    }
    expect(Object.isFrozen(t.entries[0])).toBe(true);
  });

  it("schedules against the Hamburg calendar for go-live 2027-03-01 (hand-derived T-minus days)", () => {
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, {
      goLive: plan.goLive, calendar: office, cutoverStart: plan.cutoverStart!, hypercareEnd: plan.hypercareEnd!,
    });
    // 2027-03-01 is a Monday; no holiday between 2027-01-04 and 2027-03-01.
    expect(byCode(s, "COM-05").dueDate).toBe("2027-02-26"); // T-1 Friday
    expect(byCode(s, "GNG-01").dueDate).toBe("2027-02-25"); // T-2 Thursday
    expect(byCode(s, "ACC-01").dueDate).toBe("2027-02-22"); // T-5 Monday
    expect(byCode(s, "HLP-01").dueDate).toBe("2027-02-15"); // T-10
    expect(byCode(s, "TST-01").dueDate).toBe("2027-02-08"); // T-15
    expect(byCode(s, "GOV-01").dueDate).toBe("2027-01-18"); // T-30
    expect(byCode(s, "CUT-02").dueDate).toBe("2027-02-26"); // cutover start, T0
    // Hypercare ends on Good Friday 2027-03-26 (a holiday): T0 steps back to Thursday 03-25.
    expect(byCode(s, "HYP-02").dueDate).toBe("2027-03-25");
    // T+1 after hypercare end: Sat, Sun and Easter Monday 03-29 do not count → Tuesday 03-30.
    expect(byCode(s, "OPS-01").dueDate).toBe("2027-03-30");
    expect(s.moves).toEqual([]);
    expect(s.findings).toEqual([]);
    for (const i of s.items) expect(isWorkingDay(office, i.dueDate)).toBe(true);
  });

  it("moves items out of the year-end freeze to the last working day before it, and says so", () => {
    // Go-live 2027-01-18 (Monday). T-10: back over 01-15…01-05 → 2027-01-04, inside the freeze.
    // T-12: 01-01 is a holiday → 2026-12-30. T-15: 12-25/26 are holidays → 2026-12-24.
    // Every one moves to Friday 2026-12-18, the last working day before 2026-12-21.
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, {
      goLive: isoDate("2027-01-18"), calendar: office, cutoverStart: isoDate("2027-01-15"), hypercareEnd: isoDate("2027-02-12"),
    });
    const hlp = byCode(s, "HLP-01") as ReturnType<typeof byCode> & { nominalDueDate: string; blackoutMove?: { note: string } };
    expect(hlp.nominalDueDate).toBe("2027-01-04");
    expect(hlp.dueDate).toBe("2026-12-18");
    expect(hlp.blackoutMove?.note).toBe("moved from 2027-01-04 to 2026-12-18: 2027-01-04 is inside the blackout 2026-12-21…2027-01-04 (Year-end change freeze)");
    expect(byCode(s, "DST-01").dueDate).toBe("2026-12-18");
    expect(byCode(s, "TST-01").dueDate).toBe("2026-12-18");
    expect(byCode(s, "HLP-05").dueDate).toBe("2027-01-06"); // T-8, outside the freeze
    expect(byCode(s, "GOV-01").dueDate).toBe("2026-12-03"); // T-30
    expect(s.moves.map((m) => m.itemId).sort()).toEqual(
      ["dst-package", "dst-pilot", "hlp-categories", "hlp-kb", "hlp-staffing", "hlp-triage", "trn-announce", "trn-key-users", "trn-materials", "tst-exit"].sort(),
    );
  });

  it("applies extra blackouts given as options", () => {
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, {
      goLive: plan.goLive, calendar: office, cutoverStart: plan.cutoverStart!, hypercareEnd: plan.hypercareEnd!,
      blackouts: [{ start: "2027-02-15", end: "2027-02-17", reason: "Sales kick-off" }],
    });
    expect(byCode(s, "HLP-05").dueDate).toBe("2027-02-12"); // T-8 = 02-17 → Friday before the window
    expect(s.moves).toHaveLength(8);
  });

  it("returns items in dependency order", () => {
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: plan.goLive, calendar: office, cutoverStart: plan.cutoverStart!, hypercareEnd: plan.hypercareEnd! });
    const pos = new Map(s.items.map((i, k) => [i.id, k]));
    for (const i of s.items) for (const d of i.dependsOn) expect(pos.get(d)!).toBeLessThan(pos.get(i.id)!);
  });

  it("keeps workingDaysBetween(due, anchor) = offset for due days outside blackouts (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), (n) => {
        const goLive = isoDate(new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
        if (!isWorkingDay(office, goLive)) return;
        const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive, calendar: office, cutoverStart: goLive, hypercareEnd: goLive });
        for (const i of s.items) {
          if (i.blackoutMove && i.tMinusDays < 0) expect(i.dueDate > i.blackoutMove.window.end).toBe(true);
          else if (i.blackoutMove) expect(i.dueDate < i.blackoutMove.window.start).toBe(true);
          else expect(workingDaysBetween(office, i.dueDate, i.anchorDate)).toBe(i.tMinusDays);
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe("scheduling errors", () => {
  const mini = (entries: unknown[]): RolloutTemplate => decodeRolloutTemplate({ id: "t", name: "t", version: "1", entries });
  const e = (id: string, dependsOn: string[] = [], extra: object = {}) => ({
    id, code: id.toUpperCase(), title: id, phase: "prepare", category: "governance", ownerRole: "project-manager",
    raci: [{ role: "sponsor", raci: "accountable" }], tMinusDays: 5, blocking: true, evidenceRequired: "x", dependsOn, ...extra,
  });

  it("names a dependency cycle", () => {
    const t = mini([e("a", ["c"]), e("b", ["a"]), e("c", ["b"]), e("d")]);
    expect(() => scheduleRollout(t, { goLive: isoDate("2027-03-01"), calendar: office })).toThrow(/dependency cycle: a → c → b → a/);
  });

  it("rejects unknown dependencies and RACI without exactly one accountable", () => {
    try {
      mini([e("a", ["zz"]), e("b", [], { raci: [{ role: "sponsor", raci: "responsible" }] })]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.map((i) => i.path)).toEqual([["entries", 0, "dependsOn", 0], ["entries", 1, "raci"]]);
    }
  });

  it("rejects offsets before the plan start and missing anchors", () => {
    const t = mini([e("a", [], { tMinusDays: 300 }), e("b", [], { anchor: "hypercare-end", tMinusDays: 0 })]);
    try {
      scheduleRollout(t, { goLive: isoDate("2027-03-01"), calendar: office, planStart: isoDate("2026-09-01") });
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).issues.map((i) => i.path)).toEqual([["entries", 0, "tMinusDays"], ["entries", 1, "anchor"]]);
    }
  });

  it("rejects a blackout that ends before it starts and cutover after go-live", () => {
    expect(() =>
      scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-03-01"), calendar: office, blackouts: [{ start: "2027-02-10", end: "2027-02-01", reason: "x" }] }),
    ).toThrow(ValidationError);
    expect(() => scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-03-01"), calendar: office, cutoverStart: isoDate("2027-03-02") })).toThrow(/cutover cannot start after go-live/);
  });

  it("orderByDependencies keeps input order among free nodes", () => {
    expect(orderByDependencies([{ id: "b", dependsOn: ["a"] }, { id: "a", dependsOn: [] }, { id: "c", dependsOn: [] }]).map((n) => n.id)).toEqual(["a", "b", "c"]);
  });
});

describe("scheduleChecklist on the sample CRM plan", () => {
  it("fills due days from the plan's anchors and calendar and checks order and RACI", () => {
    const s = scheduleChecklist(plan, items);
    const due = (code: string) => s.items.find((i) => i.code === code)!.dueDate;
    expect(due("GOV-01")).toBe("2026-09-24"); // T-110 over German Unity Day (Sat) and Reformation Day (Sat) 2026
    expect(due("TRN-02")).toBe("2026-12-17"); // T-50: just before the freeze
    expect(due("CUT-02")).toBe("2027-02-26"); // cutover start
    expect(due("CLS-01")).toBe("2027-05-26"); // 40 working days after hypercare end (Good Friday): Easter Monday, 1 May (Sat), Ascension 05-06, Whit Monday 05-17 skipped
    expect(s.findings.filter((f) => f.code === "dependency-due-later").map((f) => f.itemId)).toEqual(["ci-crm-acc-02"]);
    expect(s.findings.filter((f) => f.code === "raci-missing")).toHaveLength(27); // only GOV-01 and ACC-01 carry a RACI
  });
});

describe("instantiateChecklist", () => {
  it("turns the scheduled default template into plan items that a gate can judge", async () => {
    const { instantiateChecklist, evaluateGate } = await import("../../src/rollout/index.js");
    const { instant } = await import("../../src/index.js");
    const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: plan.goLive, calendar: office, cutoverStart: plan.cutoverStart!, hypercareEnd: plan.hypercareEnd! });
    const at = instant("2026-09-18T14:00:00Z");
    const planItems = instantiateChecklist(s, { rolloutPlanId: "rp-crm", at, assignees: { sponsor: "p-ana-costa", "project-manager": "p-rui-almeida" } });
    expect(planItems).toHaveLength(31);
    const gng = planItems.find((i) => i.code === "GNG-01")!;
    expect(gng).toMatchObject({ id: "ci-gng-meeting", status: "todo", dueDate: "2027-02-25", ownerId: "p-rui-almeida" });
    expect(gng.raci).toEqual([{ personId: "p-rui-almeida", raci: "responsible" }, { personId: "p-ana-costa", raci: "accountable" }]);
    expect(gng.dependsOn).toContain("ci-chg-cab");
    const gate = {
      id: "g", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-crm", name: "Go/No-Go", type: "go-no-go" as const,
      scope: { phases: ["prepare" as const] }, approvers: [{ personId: "p-ana-costa" }], minApprovals: 1,
      approvals: [{ personId: "p-ana-costa", vote: "approve" as const, at }],
    };
    const r = evaluateGate({ items: planItems, gates: [gate] }, "g", {
      asOf: isoDate("2027-02-24"),
      facts: { "training.keyUsers.completionPercent": 95, "training.endUsers.completionPercent": 80, "helpDesk.knowledgeArticles.published": 24 },
    });
    // Facts prove TRN-03 and HLP-01; the other blocking prepare items are still todo; TRN-04 (advisory) fails at 80%.
    expect(r.outcome).toBe("no-go");
    expect(r.blockers.map((b) => b.code)).not.toContain("TRN-03");
    expect(r.blockers.map((b) => b.code)).not.toContain("HLP-01");
    expect(r.openAdvisory.map((b) => b.code)).toEqual(["TRN-01", "TRN-04", "COM-02"]);
  });
});

describe("schedule findings", () => {
  it("flags an item due before one of its dependencies", () => {
    const t = decodeRolloutTemplate({
      id: "t", name: "t", version: "1",
      entries: [
        { id: "early", code: "E-1", title: "early", phase: "prepare", category: "training", ownerRole: "trainer", raci: [{ role: "trainer", raci: "accountable" }], tMinusDays: 10, blocking: true, evidenceRequired: "x", dependsOn: ["late"] },
        { id: "late", code: "L-1", title: "late", phase: "prepare", category: "training", ownerRole: "trainer", raci: [{ role: "trainer", raci: "accountable" }], tMinusDays: 5, blocking: true, evidenceRequired: "x" },
      ],
    });
    const s = scheduleRollout(t, { goLive: isoDate("2027-03-01"), calendar: office });
    expect(s.items.map((i) => i.id)).toEqual(["late", "early"]);
    expect(s.findings).toEqual([{ code: "dependency-due-later", itemId: "early", dependsOnId: "late", message: "E-1 is due 2027-02-15, before its dependency L-1 (due 2027-02-22)" }]);
  });
});
