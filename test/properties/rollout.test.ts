import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError, decimal, decodeEntity, isoDate, type ChecklistItem, type Decimal, type Gate, type Metric } from "../../src/index.js";
import { evaluateGate, readinessProgress, waveProgress, type ReadinessCount } from "../../src/rollout/index.js";
import { permuted } from "./trace-model.js";
import { expectClean } from "./walk.js";

/* Wave progress, readiness progress and go/no-go over random valid entities (decoded, so they keep the entity
   invariants), against counts made in the test from the documented rules (docs/rollout.md). */

const RUNS = { seed: 31, numRuns: 150 };
const AS_OF = "2026-11-20";
const BEFORE = ["2026-11-01", "2026-11-19", "2026-11-20"];
const AFTER = ["2026-11-21", "2026-12-15"];
const day = fc.constantFrom(...BEFORE, ...AFTER);
const keys = fc.array(fc.nat(), { minLength: 10, maxLength: 10 });

/** `n × 100 ÷ d` in 0–100 and equal to the exact quotient, or the reason when `d` is 0. */
function expectPercent(p: Metric<Decimal>, n: number, d: number, reason: string): void {
  if (d === 0) return void expect(p).toEqual({ reason });
  expect(p.reason).toBeUndefined();
  expect(p.value!.gte(0) && p.value!.lte(100)).toBe(true);
  expect(p.value!.eq(decimal(n * 100).div(d))).toBe(true);
}

// ─── waves ──────────────────────────────────────────────────────────────────────────────────────────────────────────

const wave = fc
  .record({
    start: day,
    days: fc.nat(20),
    audience: fc.constantFrom("Sales", "Finance", "constructor"),
    target: fc.oneof(fc.constant(0), fc.nat(60), fc.constant(100_000_000)),
    installed: fc.double({ min: 0, max: 1, noNaN: true }),
    trained: fc.double({ min: 0, max: 1, noNaN: true }),
    failed: fc.oneof(fc.constant(0), fc.nat(80)),
  })
  .map((w) => ({ ...w, installed: Math.floor(w.installed * w.target), trained: Math.floor(w.trained * w.target) }));

const waves = fc.array(wave, { maxLength: 6 }).map((ws) =>
  ws.map((w, i) => decodeEntity("rollout-plan", {
    id: "rp", version: 1, createdAt: "2026-09-01T08:00:00Z", updatedAt: "2026-09-01T08:00:00Z", projectId: "p", name: "CRM", goLive: "2027-01-18",
    calendar: { name: "Office" }, status: "planning",
    waves: [{ id: `W${i}`, name: `Wave ${i}`, start: w.start, finish: new Date(Date.parse(`${w.start}T00:00:00Z`) + w.days * 86_400_000).toISOString().slice(0, 10), audience: w.audience, targetCount: w.target, installedCount: w.installed, trainedCount: w.trained, failedCount: w.failed }],
  }).waves[0]!),
);

describe("waveProgress", () => {
  it("clean; per wave, per audience and in total the sums of the counts, percentages in 0–100 or a reason", () => {
    fc.assert(fc.property(waves, (ws) => {
      const p = waveProgress({ waves: ws }, { asOf: isoDate(AS_OF) });
      expectClean(p);
      const check = (c: { targeted: number; installed: number; trained: number; failed: number; installedPercent: Metric<Decimal>; trainedPercent: Metric<Decimal>; installSuccessPercent: Metric<Decimal> }, of: typeof ws) => {
        const sum = (f: (w: (typeof ws)[number]) => number) => of.reduce((s, w) => s + f(w), 0);
        const [t, i, tr, f] = [sum((w) => w.targetCount), sum((w) => w.installedCount), sum((w) => w.trainedCount), sum((w) => w.failedCount)];
        expect([c.targeted, c.installed, c.trained, c.failed]).toEqual([t, i, tr, f]);
        expectPercent(c.installedPercent, i, t, "no-target");
        expectPercent(c.trainedPercent, tr, t, "no-target");
        expectPercent(c.installSuccessPercent, i, i + f, "no-attempts");
      };
      expect(p.waves.map((w) => w.id).sort()).toEqual(ws.map((w) => w.id).sort());
      for (const w of p.waves) {
        const given = ws.find((x) => x.id === w.id)!;
        check(w, [given]);
        expect(w.timing).toBe(AS_OF < given.start ? "planned" : AS_OF > given.finish ? "ended" : "running");
      }
      expect(Object.keys(p.byAudience).sort()).toEqual([...new Set(ws.map((w) => w.audience))].sort());
      for (const [a, c] of Object.entries(p.byAudience)) check(c, ws.filter((w) => w.audience === a));
      check(p.total, ws);
      // Waves come sorted by start day, then id.
      expect(p.waves.map((w) => ws.find((x) => x.id === w.id)!.start)).toEqual(p.waves.map((w) => ws.find((x) => x.id === w.id)!.start).sort());
    }), RUNS);
  });

  it("the same under any order of the waves", () => {
    fc.assert(fc.property(waves, keys, (ws, k) => {
      expect(waveProgress({ waves: permuted(ws, k) }, { asOf: isoDate(AS_OF) })).toEqual(waveProgress({ waves: ws }, { asOf: isoDate(AS_OF) }));
    }), RUNS);
  });

  it("any wave rows — counts as text, NaN, negative, fractional or above the target: a ValidationError with the wave's path, or clean percentages in 0–100", () => {
    const count = fc.oneof(fc.nat(50), fc.constantFrom<unknown>(Number.NaN, -1, 0.5, "3", 100_000_001, Number.POSITIVE_INFINITY, undefined));
    const row = fc.record({ start: day, finish: day, targetCount: count, installedCount: count, trainedCount: count, failedCount: count });
    fc.assert(fc.property(fc.array(row, { maxLength: 4 }), (rows) => {
      const ws = rows.map((r, i) => ({ id: `W${i}`, name: `Wave ${i}`, audience: "All", ...r })) as unknown as Parameters<typeof waveProgress>[0]["waves"];
      let p: ReturnType<typeof waveProgress>;
      try {
        p = waveProgress({ waves: ws }, { asOf: isoDate(AS_OF) });
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        const path = (e as ValidationError).issues[0]!.path;
        expect(path.slice(0, 2)).toEqual(["plan", "waves"]);
        return;
      }
      expectClean(p);
      for (const c of [p.total, ...p.waves]) for (const m of [c.installedPercent, c.trainedPercent, c.installSuccessPercent]) if (m.value) expect(m.value.gte(0) && m.value.lte(100)).toBe(true);
    }), RUNS);
  });

  it("no waves: zero counts and reasons, never 0 % or NaN", () => {
    const p = waveProgress({ waves: [] }, { asOf: isoDate(AS_OF) });
    expectClean(p);
    expect(p.total).toEqual({
      targeted: 0, installed: 0, trained: 0, failed: 0,
      installedPercent: { reason: "no-target" }, trainedPercent: { reason: "no-target" }, installSuccessPercent: { reason: "no-attempts" },
    });
    expect(p.waves).toEqual([]);
    expect(p.byAudience).toEqual({});
  });
});

// ─── readiness and gates ────────────────────────────────────────────────────────────────────────────────────────────

const STATUSES = ["todo", "in-progress", "blocked", "done", "skipped", "waived", "not-applicable"] as const;
const FACT = "training.keyUsers.completionPercent";

const itemSpec = fc.record({
  phase: fc.constantFrom("prepare", "test", "deploy"),
  category: fc.constantFrom("training", "help-desk", "governance"),
  status: fc.constantFrom(...STATUSES),
  blocking: fc.boolean(),
  completedOn: day,
  granted: day,
  expiresIn: fc.nat(30),
  rule: fc.boolean(),
  metric: fc.option(fc.tuple(fc.constantFrom("85", "90", "95"), day), { nil: undefined }),
  gate: fc.boolean(),
  // The day a skipped or not-applicable item took that status (absent: a record made before the field existed), and
  // the day of its last change.
  excludedOn: fc.option(day, { nil: undefined }),
  updated: fc.option(day, { nil: undefined }),
});

const items = fc.array(itemSpec, { maxLength: 10 }).map((specs) =>
  specs.map((s, i): ChecklistItem => decodeEntity("checklist-item", {
    id: `i${i}`, version: 1, createdAt: "2026-09-01T08:00:00Z", updatedAt: `${s.updated ?? "2026-09-01"}T08:00:00Z`, rolloutPlanId: "rp", code: `IT-${i}`, title: `Item ${i}`,
    phase: s.phase, category: s.category, tMinusDays: 5, blocking: s.blocking, status: s.status, gateIds: s.gate ? ["g"] : [],
    ...(["skipped", "not-applicable", "blocked"].includes(s.status) ? { statusReason: "because" } : {}),
    ...(s.status === "done" ? { completedOn: s.completedOn } : {}),
    ...(s.status === "skipped" && s.excludedOn ? { skippedOn: s.excludedOn } : {}),
    ...(s.status === "not-applicable" && s.excludedOn ? { notApplicableOn: s.excludedOn } : {}),
    ...(s.status === "waived" ? { waiver: { approvedBy: "p", reason: "accepted", grantedAt: `${s.granted}T09:00:00Z`, expiresOn: new Date(Date.parse(`${s.granted}T00:00:00Z`) + s.expiresIn * 86_400_000).toISOString().slice(0, 10) } } : {}),
    ...(s.rule ? { evidenceRule: { all: [{ fact: FACT, op: ">=", threshold: "90" }] } } : {}),
    ...(s.metric ? { evidence: [{ type: "metric", reference: FACT, value: s.metric[0], recordedBy: "p", recordedAt: `${s.metric[1]}T12:00:00Z` }] } : {}),
  })),
);
const facts = fc.option(fc.constantFrom("80", "90", "99.5"), { nil: undefined }).map((v) => (v === undefined ? {} : { [FACT]: v }));

/** The documented state of an item on AS_OF (docs/rollout.md, assessItem). */
function stateOf(item: ChecklistItem, supplied: Readonly<Record<string, string>>): { state: "closed" | "excluded" | "open"; done: boolean } {
  if (item.status === "not-applicable" || item.status === "skipped") {
    // Excluded from its day on (without one, from the day of its last change); before it, judged like a todo item.
    const since = (item.status === "skipped" ? item.skippedOn : item.notApplicableOn) ?? item.updatedAt.slice(0, 10);
    return since <= AS_OF ? { state: "excluded", done: false } : stateOf({ ...item, status: "todo" }, supplied);
  }
  if (item.status === "waived") {
    const w = item.waiver!;
    // The evidence rule is decisive: facts that prove the work close the item (done), whatever the waiver's dates.
    // Otherwise the waiver decides: not granted yet or expired, open.
    if (item.evidenceRule && stateOf({ ...item, status: "todo" }, supplied).done) return { state: "closed", done: true };
    return { state: w.grantedAt.slice(0, 10) <= AS_OF && AS_OF <= w.expiresOn ? "closed" : "open", done: false };
  }
  if (item.evidenceRule) {
    const recorded = item.evidence.filter((e) => e.type === "metric" && e.recordedAt.slice(0, 10) <= AS_OF).map((e) => e.value!);
    const value = supplied[FACT] !== undefined ? decimal(supplied[FACT]) : recorded.at(-1);
    const ok = value !== undefined && value.gte(90);
    return { state: ok ? "closed" : "open", done: ok };
  }
  const done = item.status === "done" && item.completedOn! <= AS_OF;
  return { state: done ? "closed" : "open", done };
}

function expectCount(c: ReadinessCount, of: readonly ChecklistItem[], supplied: Readonly<Record<string, string>>): void {
  const st = of.map((i) => ({ i, ...stateOf(i, supplied) }));
  const done = st.filter((x) => x.done).length;
  const skipped = st.filter((x) => x.state === "excluded" && x.i.status === "skipped").length;
  const na = st.filter((x) => x.state === "excluded" && x.i.status === "not-applicable").length;
  const waived = st.filter((x) => x.i.status === "waived" && x.state === "closed" && !x.done).length;
  const applicable = of.length - skipped - na;
  expect({ total: c.total, done: c.done, skipped: c.skipped, notApplicable: c.notApplicable, waived: c.waived, applicable: c.applicable })
    .toEqual({ total: of.length, done, skipped, notApplicable: na, waived, applicable });
  expectPercent(c.percent, done, applicable, "no-applicable-items");
}

describe("readinessProgress", () => {
  it("clean; overall, per phase and per category the counts of the documented rules, done ÷ applicable in 0–100 or a reason", () => {
    fc.assert(fc.property(items, facts, (its, f) => {
      const r = readinessProgress(its, { asOf: isoDate(AS_OF), facts: f });
      expectClean(r);
      expectCount(r.overall, its, f);
      expect(Object.keys(r.byPhase).sort()).toEqual([...new Set(its.map((i) => i.phase))].sort());
      expect(Object.keys(r.byCategory).sort()).toEqual([...new Set(its.map((i) => i.category))].sort());
      for (const [ph, c] of Object.entries(r.byPhase)) expectCount(c, its.filter((i) => i.phase === ph), f);
      for (const [ca, c] of Object.entries(r.byCategory)) expectCount(c, its.filter((i) => i.category === ca), f);
    }), RUNS);
  });

  it("the same under any order of the items", () => {
    fc.assert(fc.property(items, facts, keys, (its, f, k) => {
      const o = { asOf: isoDate(AS_OF), facts: f };
      expect(readinessProgress(permuted(its, k), o)).toEqual(readinessProgress(its, o));
    }), RUNS);
  });

  it("no items: no-applicable-items, not 0 % or NaN", () => {
    const r = readinessProgress([], { asOf: isoDate(AS_OF) });
    expect(r).toEqual({ overall: { total: 0, done: 0, skipped: 0, notApplicable: 0, waived: 0, applicable: 0, percent: { reason: "no-applicable-items" } }, byPhase: {}, byCategory: {} });
  });
});

const gate = fc.record({
  approvers: fc.integer({ min: 1, max: 4 }),
  min: fc.nat(),
  votes: fc.array(fc.option(fc.tuple(fc.constantFrom("approve", "reject", "abstain"), day), { nil: undefined }), { minLength: 4, maxLength: 4 }),
}).map(({ approvers, min, votes }): Gate => decodeEntity("gate", {
  id: "g", version: 1, createdAt: "2026-09-01T08:00:00Z", updatedAt: "2026-09-01T08:00:00Z", rolloutPlanId: "rp", name: "Go/No-Go", type: "go-no-go",
  scope: { phases: ["prepare"] }, approvers: Array.from({ length: approvers }, (_, i) => ({ personId: `p${i}` })), minApprovals: 1 + (min % approvers),
  approvals: votes.slice(0, approvers).flatMap((v, i) => (v ? [{ personId: `p${i}`, vote: v[0], at: `${v[1]}T10:00:00Z` }] : [])),
}));

describe("evaluateGate", () => {
  it("clean; scope, blockers, advisory items, votes and outcome as documented", () => {
    fc.assert(fc.property(items, facts, gate, (its, f, g) => {
      const r = evaluateGate({ items: its, gates: [g] }, "g", { asOf: isoDate(AS_OF), facts: f });
      expectClean(r);
      const scope = its.filter((i) => i.phase === "prepare" || i.gateIds.includes("g"));
      expect(r.scope.map((a) => a.id)).toEqual(scope.map((i) => i.id));
      const open = (i: ChecklistItem) => stateOf(i, f).state === "open";
      const skipped = (i: ChecklistItem) => i.status === "skipped" && stateOf(i, f).state === "excluded";
      expect(r.blockers.map((a) => a.id)).toEqual(scope.filter((i) => i.blocking && (open(i) || skipped(i))).map((i) => i.id));
      expect(r.openAdvisory.map((a) => a.id)).toEqual(scope.filter((i) => !i.blocking && open(i)).map((i) => i.id));
      const counted = g.approvals.filter((v) => v.at.slice(0, 10) <= AS_OF);
      const approving = counted.filter((v) => v.vote === "approve").length;
      expect(r.approvals.approving).toBe(approving);
      expect(r.approvals.rejecting).toBe(counted.filter((v) => v.vote === "reject").length);
      expect(r.approvals.notVoted).toEqual(g.approvers.map((a) => a.personId).filter((p) => !counted.some((v) => v.personId === p)));
      // A gate with nothing in scope, or nothing applicable in it (every item skipped or not applicable by asOf), is
      // NO-GO: nothing shows it ready (docs/rollout.md, "Gates"). The oracle missed the second (15× runs, seed 31).
      const applicable = scope.filter((i) => !(stateOf(i, f).state === "excluded" && (i.status === "skipped" || i.status === "not-applicable")));
      const outcome = applicable.length === 0 || r.blockers.length > 0 || approving < g.minApprovals ? "no-go" : r.openAdvisory.length > 0 ? "conditional-go" : "go";
      expect(r.outcome).toBe(outcome);
    }), RUNS);
  });
});
