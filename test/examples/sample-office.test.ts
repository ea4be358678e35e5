import { readFileSync } from "node:fs";
import { requirementFingerprint } from "../../src/traceability/index.js";
import { describe, expect, it } from "vitest";
import {
  PmoDecimal,
  checklistCategorySchema,
  checklistPhaseSchema,
  createWorkingCalendar,
  entityKindNames,
  entityKinds,
  personRoleSchema,
  requestStatusSchema,
  type EntityKind,
  type WireOf,
  type WorkingCalendarSpec,
} from "../../src/index.js";
import { SAMPLE_KINDS, SAMPLE_STATUS_DATE, loadSampleOffice } from "../../examples/office.js";
import {
  SCORING_CRITERIA,
  STATUS_DATE,
  buildOffice,
  officeFileText,
  projectFigures,
} from "../../examples/data/build-office.js";

const office = loadSampleOffice();
const kinds = entityKindNames();

/** The records of a kind, typed as their wire form. */
function all<K extends EntityKind>(kind: K): WireOf<K>[] {
  return office[kind] as WireOf<K>[];
}

function byId<K extends EntityKind>(kind: K): Map<string, WireOf<K>> {
  return new Map(all(kind).map((r) => [r.id, r]));
}

const fileText = (kind: EntityKind) => readFileSync(new URL(`../../examples/data/${kind}.json`, import.meta.url), "utf8");

describe("sample office files", () => {
  it("has one file per entity kind, loaded in an order that covers every kind once", () => {
    expect([...SAMPLE_KINDS].sort()).toEqual([...kinds].sort());
    expect(Object.keys(office).sort()).toEqual([...kinds].sort());
    expect(SAMPLE_STATUS_DATE).toBe(STATUS_DATE);
  });

  it.each(kinds)("%s: every record decodes and re-encodes to exactly itself", (kind) => {
    const schema = entityKinds[kind].schema;
    for (const record of office[kind]) {
      const r = schema.safeDecode(record as never);
      if (!r.success) throw new Error(`${kind} ${(record as { id: string }).id}: ${r.error.message}`);
      const back = schema.encode(r.data as never);
      expect(back).toEqual(record);
      expect(JSON.stringify(back)).toBe(JSON.stringify(record));
    }
  });

  it.each(kinds)("%s: version 1, unique ids sorted by id, pretty-printed with a trailing newline", (kind) => {
    const ids = office[kind].map((r) => (r as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const r of office[kind] as { version: number; createdAt: string; updatedAt: string }[]) {
      expect(r.version).toBe(1);
      expect(r.updatedAt >= r.createdAt).toBe(true);
    }
    expect(fileText(kind)).toBe(officeFileText(office[kind]));
  });

  it("is exactly what buildOffice() builds", () => {
    const built = buildOffice();
    for (const kind of kinds) expect(officeFileText(built[kind]), kind).toBe(fileText(kind));
  });

  it("has no audit events (services write those)", () => {
    expect(office["audit-event"]).toEqual([]);
  });
});

describe("referential integrity", () => {
  const ids = Object.fromEntries(kinds.map((k) => [k, new Set(office[k].map((r) => (r as { id: string }).id))])) as Record<EntityKind, Set<string>>;
  const objectives = new Set(all("portfolio").flatMap((p) => (p.strategicObjectives ?? []).map((o) => o.id)));
  const criteria = new Set<string>(SCORING_CRITERIA);

  /** Fields ending in Id/Ids, and the kind they point at ("self": the record's own kind). */
  const ID_FIELDS: Record<string, EntityKind | "self" | "objective" | "criterion"> = {
    personId: "person", ownerId: "person", sponsorId: "person", managerId: "person", projectManagerId: "person",
    requesterId: "person", authorId: "person", sourceStakeholderId: "person",
    portfolioId: "portfolio", programmeId: "programme", projectId: "project", requestId: "request", convertedProjectId: "project",
    workPackageId: "work-package", basePackageId: "work-package", parentId: "self", milestoneId: "milestone",
    testCaseId: "test-case", defectIds: "defect", foundInRunId: "test-run", requirementId: "requirement", requirementIds: "requirement",
    rolloutPlanId: "rollout-plan", gateIds: "gate", itemIds: "checklist-item",
    strategicObjectiveIds: "objective", criterionId: "criterion", resourceId: "resource",
  };
  /** Other fields that name a person. */
  const PERSON_FIELDS = new Set(["by", "capturedBy", "requestedBy", "decidedBy", "publishedBy", "executedBy", "reviewedBy", "approvedBy", "recordedBy"]);

  function check(kind: EntityKind, root: { id: string }, value: unknown, path: string, problems: string[]): void {
    const expect1 = (target: EntityKind | "self" | "objective" | "criterion", id: unknown, where: string) => {
      const ok =
        typeof id === "string" &&
        (target === "objective" ? objectives.has(id) : target === "criterion" ? criteria.has(id) : ids[target === "self" ? kind : target].has(id));
      if (!ok) problems.push(`${kind} ${root.id} ${where} → ${String(id)} (${target === "self" ? kind : target})`);
    };
    const ref = (r: unknown, where: string) => {
      const { kind: k, id } = r as { kind: string; id: string };
      if (!(kinds as string[]).includes(k)) problems.push(`${kind} ${root.id} ${where}: unknown kind ${k}`);
      else expect1(k as EntityKind, id, where);
    };
    if (Array.isArray(value)) {
      value.forEach((v, i) => check(kind, root, v, `${path}[${i}]`, problems));
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      const where = path ? `${path}.${key}` : key;
      if (key === "predecessorId") {
        // A dependency link's predecessor is a work package or a milestone, of any project (cross-project links).
        if (!ids["work-package"].has(v as string) && !ids.milestone.has(v as string)) problems.push(`${kind} ${root.id} ${where} → ${String(v)} (work-package or milestone)`);
      } else if (/Ids?$/.test(key)) {
        const target = ID_FIELDS[key];
        if (target === undefined) problems.push(`${kind} ${root.id} ${where}: no rule for this reference field`);
        else for (const id of Array.isArray(v) ? v : [v]) expect1(target, id, where);
      } else if (PERSON_FIELDS.has(key)) {
        expect1("person", v, where);
      } else if (key === "supersededBy" && kind === "decision") {
        expect1("decision", v, where);
      } else if (key === "dependsOn") {
        for (const id of v as string[]) expect1("self", id, where);
      } else if (path === "" && ((kind === "action" && key === "source") || (kind === "trace-link" && (key === "from" || key === "to")))) {
        ref(v, where);
      } else if (key === "raidRefs") {
        (v as unknown[]).forEach((r, i) => ref(r, `${where}[${i}]`));
      } else {
        check(kind, root, v, where, problems);
      }
    }
  }

  it("every reference points at an existing record of the right kind", () => {
    const problems: string[] = [];
    for (const kind of kinds) for (const r of office[kind] as { id: string }[]) check(kind, r, r, "", problems);
    expect(problems).toEqual([]);
  });

  it("references stay within one project", () => {
    const projectOf = (kind: "work-package" | "milestone" | "requirement" | "test-case" | "artifact" | "defect", id: string) =>
      (byId(kind).get(id) as { projectId: string } | undefined)?.projectId;
    const problems: string[] = [];
    const same = (what: string, a: string | undefined, b: string | undefined) => {
      if (a !== b) problems.push(`${what}: ${a} vs ${b}`);
    };
    for (const w of all("work-package")) {
      if (w.parentId) same(`${w.id} parent`, projectOf("work-package", w.parentId), w.projectId);
      if (w.earningRule.type === "apportioned") same(`${w.id} base`, projectOf("work-package", w.earningRule.basePackageId), w.projectId);
    }
    for (const m of all("milestone")) if (m.workPackageId) same(`${m.id} package`, projectOf("work-package", m.workPackageId), m.projectId);
    for (const c of all("cost-entry")) if (c.workPackageId) same(`${c.id} package`, projectOf("work-package", c.workPackageId), c.projectId);
    for (const b of all("baseline")) {
      for (const w of b.workPackages) same(`${b.id} ${w.workPackageId}`, projectOf("work-package", w.workPackageId), b.projectId);
      for (const m of b.milestones) same(`${b.id} ${m.milestoneId}`, projectOf("milestone", m.milestoneId), b.projectId);
    }
    for (const r of all("requirement")) if (r.parentId) same(`${r.id} parent`, projectOf("requirement", r.parentId), r.projectId);
    for (const d of all("defect")) for (const q of d.requirementIds) same(`${d.id} ${q}`, projectOf("requirement", q), d.projectId);
    const projectOfEnd = (end: { kind: string; id: string }) =>
      end.kind === "test-run"
        ? projectOf("test-case", byId("test-run").get(end.id)!.testCaseId)
        : projectOf(end.kind as "requirement" | "artifact" | "test-case" | "defect", end.id);
    for (const l of all("trace-link")) same(l.id, projectOfEnd(l.from), projectOfEnd(l.to));
    const raidProject = (kind: string, id: string) =>
      (office[kind as EntityKind].find((x) => (x as { id: string }).id === id) as { projectId?: string } | undefined)?.projectId;
    for (const s of all("status-report")) for (const ref of s.raidRefs ?? []) same(`${s.id} ${ref.id}`, raidProject(ref.kind, ref.id), s.projectId);
    for (const a of all("action")) if (a.source) same(`${a.id} source`, raidProject(a.source.kind, a.source.id), a.projectId);
    expect(problems).toEqual([]);
  });

  it("back-references agree: conversions, defects found in runs, gate scopes, acknowledgement audiences", () => {
    for (const q of all("request")) {
      if (q.convertedProjectId) expect(byId("project").get(q.convertedProjectId)!.requestId).toBe(q.id);
    }
    for (const p of all("project")) expect(byId("request").get(p.requestId!)!.convertedProjectId).toBe(p.id);
    for (const d of all("defect")) if (d.foundInRunId) expect(byId("test-run").get(d.foundInRunId)!.defectIds).toContain(d.id);
    for (const r of all("test-run")) for (const d of r.defectIds) expect(byId("defect").get(d)!.foundInRunId).toBe(r.id);
    const gates = all("gate");
    for (const c of all("checklist-item")) {
      const inScope = gates
        .filter((g) => g.rolloutPlanId === c.rolloutPlanId)
        .filter((g) => g.scope.phases?.includes(c.phase) || g.scope.categories?.includes(c.category) || g.scope.itemIds?.includes(c.id))
        .map((g) => g.id)
        .sort();
      expect([...(c.gateIds ?? [])].sort(), c.id).toEqual(inScope);
    }
    const people = byId("person");
    const reqs = byId("requirement");
    for (const a of all("acknowledgement")) {
      expect(people.get(a.personId)!.roles, a.id).toContain(a.audienceRole);
      expect(reqs.get(a.requirementId)!.audiences ?? [], a.id).toContain(a.audienceRole);
    }
  });
});

describe("contents", () => {
  it("covers every person role, with stakeholders rated on power, interest and engagement", () => {
    const roles = new Set(all("person").flatMap((p) => p.roles));
    expect([...personRoleSchema.options].filter((r) => !roles.has(r))).toEqual([]);
    expect(all("person").length).toBeGreaterThanOrEqual(20);
    expect(all("person").filter((p) => p.power !== undefined && p.interest !== undefined && p.engagement).length).toBeGreaterThanOrEqual(10);
  });

  it("has at least 12 requests across all benefit categories and statuses", () => {
    const requests = all("request");
    expect(requests.length).toBeGreaterThanOrEqual(12);
    const categories = new Set(requests.flatMap((r) => (r.benefits ?? []).map((b) => b.category)));
    expect([...categories].sort()).toEqual(["competitive", "cost-reduction", "other", "regulatory", "revenue", "risk-reduction"]);
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(requestStatusSchema.options));
    expect(requests.filter((r) => r.mandatory).length).toBeGreaterThanOrEqual(1);
    expect(requests.filter((r) => (r.dependsOn ?? []).length > 0).length).toBeGreaterThanOrEqual(2);
    for (const r of requests) for (const rating of r.ratings ?? []) {
      const value = Number((rating as { value: string }).value);
      expect(value >= 1 && value <= 5 && Number.isInteger(value), `${r.id} ${rating.criterionId}`).toBe(true);
    }
  });

  it("runs four executing projects, each with 6–12 work packages and a baseline 0", () => {
    const projects = all("project");
    expect(projects.map((p) => p.lifecycle)).toEqual(["executing", "executing", "executing", "executing"]);
    for (const p of projects) {
      expect(p.statusDate).toBe(SAMPLE_STATUS_DATE);
      const n = all("work-package").filter((w) => w.projectId === p.id).length;
      expect(n, p.id).toBeGreaterThanOrEqual(6);
      expect(n, p.id).toBeLessThanOrEqual(12);
      expect(all("baseline").some((b) => b.projectId === p.id && b.number === 0), p.id).toBe(true);
      expect(all("baseline").some((b) => b.projectId === p.id && b.number === (p.activeBaseline ?? 0)), p.id).toBe(true);
    }
    expect(all("baseline").filter((b) => b.number === 1).map((b) => b.projectId)).toEqual(["PRJ-CRM"]);
  });

  it("uses every earning rule type", () => {
    const types = new Set(all("work-package").map((w) => w.earningRule.type));
    const every = ["0/100", "50/50", "fixed-split", "percent-complete", "physical-percent-complete", "weighted-milestones", "units", "level-of-effort", "apportioned"];
    expect([...types].sort()).toEqual([...every].sort());
  });

  it("has at least 40 requirements of every type, traced, tested and acknowledged", () => {
    const reqs = all("requirement");
    expect(reqs.length).toBeGreaterThanOrEqual(40);
    expect(new Set(reqs.map((r) => r.type)).size).toBe(5);
    expect(new Set(all("trace-link").map((l) => l.linkType))).toEqual(new Set(["derives", "refines", "satisfies", "implements", "verifies", "depends-on"]));
    expect(all("test-case").length).toBeGreaterThanOrEqual(30);
    expect(new Set(all("test-run").map((r) => r.result))).toEqual(new Set(["passed", "failed", "blocked", "skipped"]));
    const run = new Set(all("test-run").map((r) => r.testCaseId));
    expect(all("test-case").filter((t) => !run.has(t.id)).length).toBeGreaterThan(0);
    expect(all("defect").length).toBeGreaterThanOrEqual(5);
    expect(all("acknowledgement").length).toBeGreaterThan(0);
    for (const x of [...all("acknowledgement").map((a) => a.fingerprint), ...all("trace-link").map((l) => l.targetFingerprint!)]) {
      expect(x).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("has at least 25 checklist items covering every category and phase, and both gates", () => {
    const items = all("checklist-item");
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((i) => i.category))).toEqual(new Set(checklistCategorySchema.options));
    expect(new Set(items.map((i) => i.phase))).toEqual(new Set(checklistPhaseSchema.options));
    for (const s of ["todo", "in-progress", "done", "waived", "not-applicable"]) expect(items.some((i) => i.status === s), s).toBe(true);
    for (const i of items.filter((x) => x.status === "done")) {
      expect(i.completedOn! <= SAMPLE_STATUS_DATE).toBe(true);
      expect((i.evidence ?? []).length, i.id).toBeGreaterThan(0);
    }
    for (const i of items.filter((x) => x.status === "waived")) expect(i.waiver!.expiresOn > SAMPLE_STATUS_DATE).toBe(true);
    expect(all("gate").map((g) => g.type).sort()).toEqual(["exit", "go-no-go"]);
  });

  it("has a rollout calendar that pmokit accepts, with the year-end freeze", () => {
    const [plan] = all("rollout-plan");
    expect(plan!.goLive).toBe("2027-03-01");
    const calendar = createWorkingCalendar(plan!.calendar as WorkingCalendarSpec);
    expect(calendar.blackouts.map((b) => [b.start, b.end])).toEqual([["2026-12-21", "2027-01-04"]]);
    expect(calendar.holidays.length).toBe(20);
    expect((plan!.waves ?? []).reduce((s, w) => s + w.targetCount, 0)).toBe(420);
  });
});

describe("numbers", () => {
  it("every baseline's BAC is the exact sum of its packages' time-phased amounts", () => {
    for (const b of all("baseline")) {
      const total = b.workPackages.flatMap((w) => w.timePhasedBudget).reduce((s, x) => s.plus(x.amount.amount), new PmoDecimal(0));
      expect(total.eq(b.budgetAtCompletion.amount), b.id).toBe(true);
    }
  });

  it("the active baseline, the live packages and the project budget lines agree to the cent", () => {
    for (const p of all("project")) {
      const active = all("baseline").find((b) => b.projectId === p.id && b.number === p.activeBaseline)!;
      const live = all("work-package").filter((w) => w.projectId === p.id).flatMap((w) => w.timePhasedBudget)
        .reduce((s, x) => s.plus(x.amount.amount), new PmoDecimal(0));
      const lines = (p.budget.lines ?? []).reduce((s, l) => s.plus(l.amount.amount), new PmoDecimal(0));
      expect(live.eq(active.budgetAtCompletion.amount), p.id).toBe(true);
      expect(lines.eq(live), p.id).toBe(true);
    }
  });

  it("records nothing after the status date", () => {
    for (const c of all("cost-entry")) expect(c.date <= SAMPLE_STATUS_DATE, c.id).toBe(true);
    for (const w of all("work-package")) for (const p of w.progress) expect(p.date <= SAMPLE_STATUS_DATE, w.id).toBe(true);
    for (const m of all("milestone")) if (m.actualDate) expect(m.actualDate <= SAMPLE_STATUS_DATE, m.id).toBe(true);
    for (const r of all("test-run")) expect(r.executedAt.slice(0, 10) <= SAMPLE_STATUS_DATE, r.id).toBe(true);
  });

  it("tells the story of the README: WMS late and over budget, CRM on plan, e-invoicing ahead, DCX early", () => {
    const f = (id: string) => projectFigures(office["work-package"], office["cost-entry"], id, SAMPLE_STATUS_DATE);
    const wms = f("PRJ-WMS");
    expect(wms.spi).toBeLessThan(0.8);
    expect(wms.cpi).toBeLessThan(0.9);
    const crm = f("PRJ-CRM");
    expect(Math.abs(crm.spi - 1)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(crm.cpi - 1)).toBeLessThanOrEqual(0.05);
    const einv = f("PRJ-EINV");
    expect(einv.spi).toBeGreaterThan(1.02);
    expect(einv.cpi).toBeGreaterThan(1);
    const dcx = f("PRJ-DCX");
    expect(dcx.pv / dcx.bac).toBeLessThan(0.1);
    expect(Math.abs(dcx.spi - 1)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(dcx.cpi - 1)).toBeLessThanOrEqual(0.05);
    expect(all("project").find((p) => p.id === "PRJ-CRM")!.activeBaseline).toBe(1);
    const pilot = byId("milestone").get("ms-wms-pilot")!;
    const slip = (Date.parse(pilot.forecastDate!) - Date.parse(pilot.baselineDate!)) / 86_400_000;
    expect(slip).toBe(77);
  });
});

describe("facts the README promises", () => {
  it("two acknowledgements and one trace link carry the fingerprint of an earlier statement (stale)", () => {
    const reqs = byId("requirement");
    const current = (id: string) => requirementFingerprint(reqs.get(id)!);
    const staleAcks = all("acknowledgement").filter((a) => a.fingerprint !== current(a.requirementId)).map((a) => a.id);
    expect(staleAcks.sort()).toEqual(["ack-FR-102-key-user-greta-lindqvist", "ack-TR-001-key-user-ingrid-berg"]);
    const suspect = all("trace-link").filter((l) => l.to.kind === "requirement" && l.targetFingerprint !== current(l.to.id)).map((l) => l.id);
    expect(suspect).toEqual(["tl-TC-014-verifies-TR-001"]);
  });

  it("every parent requirement link is mirrored by a derives or refines link", () => {
    const links = new Set(all("trace-link").map((l) => `${l.from.id}>${l.to.id}>${l.linkType}`));
    for (const r of all("requirement").filter((x) => x.parentId)) {
      expect(links.has(`${r.id}>${r.parentId}>derives`) || links.has(`${r.id}>${r.parentId}>refines`), r.id).toBe(true);
    }
  });

  it("has one overridden status report, one overdue action and two unresolved high/critical defects on must-haves", () => {
    expect(all("status-report").filter((s) => s.overall.override).map((s) => s.projectId)).toEqual(["PRJ-DCX"]);
    const overdue = all("action").filter((a) => (a.status === "open" || a.status === "in-progress") && a.dueDate < SAMPLE_STATUS_DATE);
    expect(overdue.map((a) => a.id)).toEqual(["ACT-WMS-002"]);
    const reqs = byId("requirement");
    const blocking = all("defect").filter((d) => (d.status === "open" || d.status === "in-progress") && (d.severity === "high" || d.severity === "critical"))
      .filter((d) => d.requirementIds.some((r) => reqs.get(r)!.priority === "must"));
    expect(blocking.map((d) => d.id)).toEqual(["DEF-101", "DEF-104"]);
    expect(all("change-request").map((c) => c.status).sort()).toEqual(["implemented", "rejected", "submitted"]);
  });
});
