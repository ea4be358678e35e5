import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createPmo, createRepositories, decodeEntity, isoDate, type ChecklistItem, type Gate } from "../../src/index.js";
import { evaluateGate } from "../../src/rollout/index.js";

// The office overview (`pmo.rollouts()`, and the overview part of `pmo.rolloutReadiness`) counted as "open blocking"
// every blocking item whose recorded status was not done, skipped, waived or not applicable — a rule of its own, taken
// from the records as stored now. The gate (`evaluateGate`) judges each item as of a day. On the same data they
// disagreed: a skipped blocking item, an expired waiver, a done item whose evidence rule fails and work done after the
// day judged held the gate but not the overview; a to-do item proven by its evidence rule was "open" in the overview
// only. Both now read the gate's rule (`holdsGate`).

const CREATED = "2026-09-01T08:00:00.000Z";
const stored = { version: 1, createdAt: CREATED, updatedAt: CREATED };
const plan = (id: string) => ({
  id, ...stored, projectId: "PRJ-X", name: `Plan ${id}`, goLive: "2027-03-01", calendar: { name: "Office" }, status: "in-progress",
});
const RULE = { all: [{ fact: "training.keyUsers.completionPercent", op: ">=", threshold: "90" }] };
const metric = (value: string, day: string) => [{ type: "metric", reference: "training.keyUsers.completionPercent", value, recordedBy: "p", recordedAt: `${day}T12:00:00Z` }];
const item = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  id, ...stored, rolloutPlanId: "rp-p", code: id.toUpperCase(), title: id, phase: "prepare", category: "training", tMinusDays: 5, blocking: true,
  status, ...(["skipped", "not-applicable", "blocked"].includes(status) ? { statusReason: "because" } : {}), ...extra,
});
const gate = (id: string, rolloutPlanId: string, phases: readonly string[]) => ({
  id, ...stored, rolloutPlanId, name: id, type: "go-no-go", scope: { phases }, approvers: [{ personId: "p" }], minApprovals: 1,
});
const ALL_PHASES = ["initiate", "prepare", "test", "deploy", "cutover", "hypercare", "close"];

async function office(records: { plans: unknown[]; items: unknown[]; gates: unknown[] }) {
  const adapter = createMemoryAdapter();
  const repos = createRepositories(adapter);
  for (const p of records.plans) await repos["rollout-plan"].importRecord(p as never);
  for (const i of records.items) await repos["checklist-item"].importRecord(i as never);
  for (const g of records.gates) await repos.gate.importRecord(g as never);
  return createPmo(adapter, { clock: () => "2026-11-20T09:00:00.000Z" });
}

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();

describe("the overview and the gate read one rule", () => {
  // Plan rp-p, every item blocking unless said, judged as of 2026-11-18:
  //   K skipped on 11-10                      → holds the gate (a skipped item is not closed)
  //   W waived 11-01, waiver expired 11-15    → open
  //   D done 11-05, rule fails (58 < 90)      → open
  //   L done 11-19, after the day judged      → open on 11-18
  //   M not applicable only from 11-19        → open on 11-18
  //   P to do, rule proven (95 ≥ 90 on 11-10) → closed
  //   T to do                                 → open
  //   N not applicable since 11-01            → out
  //   A advisory, to do                       → not blocking
  //   Q to do, of another plan (rp-q)         → never in rp-p
  // Gate over every phase of rp-p: blockers K, W, D, L, M, T (6). The overview said P, T (2) before.
  const records = {
    plans: [plan("rp-p"), plan("rp-q")],
    items: [
      item("k", "skipped", { skippedOn: "2026-11-10" }),
      item("w", "waived", { waiver: { approvedBy: "p", reason: "accepted", grantedAt: "2026-11-01T09:00:00Z", expiresOn: "2026-11-15" } }),
      item("d", "done", { completedOn: "2026-11-05", evidenceRule: RULE, evidence: metric("58", "2026-11-04") }),
      item("l", "done", { completedOn: "2026-11-19" }),
      item("m", "not-applicable", { notApplicableOn: "2026-11-19" }),
      item("p", "todo", { evidenceRule: RULE, evidence: metric("95", "2026-11-10") }),
      item("t", "todo"),
      item("n", "not-applicable", { notApplicableOn: "2026-11-01" }),
      item("a", "todo", { blocking: false }),
      item("q", "todo", { rolloutPlanId: "rp-q" }),
    ],
    gates: [gate("g-all", "rp-p", ALL_PHASES)],
  };

  it("as of 2026-11-18: the overview's open blocking items are the gate's blockers (6: K, W, D, L, M, T)", async () => {
    const pmo = await office(records);
    const [p] = (await pmo.rolloutReadiness({ asOf: isoDate("2026-11-18") })).filter((x) => x.plan.id === "rp-p");
    expect(ids(p!.openBlockingItems)).toEqual(["d", "k", "l", "m", "t", "w"]);
    expect(ids(p!.gateEvaluations[0]!.blockers)).toEqual(["d", "k", "l", "m", "t", "w"]);
    expect(p!.asOf).toBe("2026-11-18");
    const [o] = (await pmo.rollouts({ asOf: isoDate("2026-11-18") })).filter((x) => x.plan.id === "rp-p");
    expect(ids(o!.openBlockingItems)).toEqual(["d", "k", "l", "m", "t", "w"]);
  });

  it("rollouts() without a day judges today by the service clock (2026-11-20): L done and M not applicable by then", async () => {
    const pmo = await office(records);
    const [o] = (await pmo.rollouts()).filter((x) => x.plan.id === "rp-p");
    expect(o!.asOf).toBe("2026-11-20");
    expect(ids(o!.openBlockingItems)).toEqual(["d", "k", "t", "w"]);
    // Facts given to the overview reach the evidence rules as they reach the gate: 92 ≥ 90 closes D (and keeps P closed).
    const [f] = (await pmo.rollouts({ facts: { "training.keyUsers.completionPercent": "92" } })).filter((x) => x.plan.id === "rp-p");
    expect(ids(f!.openBlockingItems)).toEqual(["k", "t", "w"]);
  });
});

// ─── property: over generated checklists, the overview's blocker count is evaluateGate's ─────────────────────────────

const AS_OF = "2026-11-20";
const day = fc.constantFrom("2026-11-01", "2026-11-19", "2026-11-20", "2026-11-21", "2026-12-15");
const spec = fc.record({
  plan: fc.constantFrom("rp-p", "rp-p", "rp-p", "rp-q"),
  phase: fc.constantFrom("prepare", "test", "deploy"),
  status: fc.constantFrom("todo", "in-progress", "blocked", "done", "skipped", "waived", "not-applicable"),
  blocking: fc.boolean(),
  completedOn: day,
  granted: day,
  expiresIn: fc.nat(30),
  excludedOn: fc.option(day, { nil: undefined }),
  updated: fc.option(day, { nil: undefined }),
  rule: fc.boolean(),
  metric: fc.option(fc.tuple(fc.constantFrom("85", "90", "95"), day), { nil: undefined }),
});
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function wire(x: Spec, i: number): Record<string, unknown> {
  return item(`i${i}`, x.status, {
    rolloutPlanId: x.plan, phase: x.phase, blocking: x.blocking, updatedAt: `${x.updated ?? "2026-09-01"}T08:00:00.000Z`,
    ...(x.status === "done" ? { completedOn: x.completedOn } : {}),
    ...(x.status === "waived" ? { waiver: { approvedBy: "p", reason: "accepted", grantedAt: `${x.granted}T09:00:00Z`, expiresOn: plusDays(x.granted, x.expiresIn) } } : {}),
    ...(x.status === "skipped" && x.excludedOn ? { skippedOn: x.excludedOn } : {}),
    ...(x.status === "not-applicable" && x.excludedOn ? { notApplicableOn: x.excludedOn } : {}),
    ...(x.rule ? { evidenceRule: RULE } : {}),
    ...(x.metric ? { evidence: metric(x.metric[0], x.metric[1]) } : {}),
  });
}

describe("overview vs evaluateGate (property)", () => {
  it("the overview's open blocking items are evaluateGate's blockers for a gate over the whole plan; any gate's blockers are those in its scope", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(spec, { maxLength: 12 }),
        fc.subarray(["prepare", "test", "deploy"], { minLength: 1 }),
        fc.option(fc.constantFrom("80", "90", "99.5"), { nil: undefined }),
        async (specs, phases, fact) => {
          const items = specs.map((s, i) => wire(s, i));
          const gates = [gate("g-all", "rp-p", ALL_PHASES), gate("g-some", "rp-p", phases)];
          const facts = fact === undefined ? {} : { "training.keyUsers.completionPercent": fact };
          const pmo = await office({ plans: [plan("rp-p"), plan("rp-q")], items, gates });
          const options = { asOf: isoDate(AS_OF), facts };
          const [overview] = (await pmo.rollouts(options)).filter((x) => x.plan.id === "rp-p");
          const [judged] = (await pmo.rolloutReadiness(options)).filter((x) => x.plan.id === "rp-p");
          // The gate as a pure function over the plan's own items, decoded.
          const mine: ChecklistItem[] = items.filter((x) => x["rolloutPlanId"] === "rp-p").map((x) => decodeEntity("checklist-item", x));
          const decoded: Gate[] = gates.map((g) => decodeEntity("gate", g));
          const all = evaluateGate({ items: mine, gates: decoded }, "g-all", options);
          expect(overview!.openBlockingItems.length).toBe(all.blockers.length);
          expect(ids(overview!.openBlockingItems)).toEqual(ids(all.blockers));
          expect(ids(judged!.openBlockingItems)).toEqual(ids(all.blockers));
          // Any gate of the plan: its blockers are the overview's open blocking items within its scope.
          const some = judged!.gateEvaluations.find((g) => g.gateId === "g-some")!;
          const inScope = new Set(some.scope.map((a) => a.id));
          expect(ids(some.blockers)).toEqual(ids(overview!.openBlockingItems.filter((i) => inScope.has(i.id))));
          // The overview's per-gate lists are each gate's blockers, gate by gate.
          expect(overview!.gateBlockers.map((g) => [g.gateId, ids(g.items)])).toEqual(judged!.gateEvaluations.map((e) => [e.gateId, ids(e.blockers)]));
        },
      ),
      { seed: 20261206, numRuns: 60 },
    );
  });
});
