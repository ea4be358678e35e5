import { describe, expect, it } from "vitest";
import { instant, isoDate, NotFoundError, ValidationError, type ChecklistItem, type Gate } from "../../src/index.js";
import {
  assessItem,
  changeItemStatus,
  checkEvidenceRule,
  decodeFacts,
  evaluateGate,
  overdueItems,
  readinessFigures,
  readinessProgress,
  recordEvidence,
  scheduleChecklist,
  waveProgress,
} from "../../src/rollout/index.js";
import { firstIssuePath } from "../support/errors.js";
import { sampleRollout } from "./helpers.js";

const { plan, items: raw, gates } = sampleRollout();
const items = scheduleChecklist(plan, raw).items;
const asOf = isoDate("2026-11-20");
const at = instant("2026-11-20T12:00:00Z");
const codes = (xs: readonly { code?: string }[]) => xs.map((x) => x.code).sort();

describe("the sample CRM gates at 2026-11-20", () => {
  it("readiness exit gate is NO-GO with every open blocking prepare/test item listed", () => {
    const r = evaluateGate({ plan, items, gates }, "g-crm-readiness", { asOf });
    expect(r.outcome).toBe("no-go");
    // Scope: phases prepare (13 items) + test (3) = 16. Closed: TRN-01 (done), TST-03 (waived until 2027-03-31);
    // excluded: OPS-03 (not applicable, advisory). TRN-02 is in progress and its rule fails on the recorded 58%.
    expect(r.scope).toHaveLength(16);
    expect(codes(r.blockers)).toEqual(["ACC-01", "ACC-02", "ACC-03", "DST-01", "HLP-01", "HLP-02", "OPS-01", "OPS-02", "RBK-01", "TRN-02", "TRN-03", "TST-01", "TST-02"]);
    expect(r.approvals).toEqual({ approving: 0, rejecting: 0, required: 3, notVoted: ["p-rui-almeida", "p-aylin-yilmaz", "p-stefan-krause", "p-joana-silva"], castAfterAsOf: [], vetoedBy: [] });
    expect(r.reasons[1]).toBe("0 of 3 required approvals given");
    const trn02 = r.scope.find((a) => a.code === "TRN-02")!;
    expect(trn02.why).toBe("evidence rule fails: training.keyUsers.completionPercent = 58 fails >= 90");
    expect(trn02.evidenceCheck?.conditions[0]?.source).toBe("evidence");
  });

  it("go/no-go gate is NO-GO; its open advisory items are DST-02 and COM-02", () => {
    const r = evaluateGate({ plan, items, gates }, "g-crm-go-no-go", { asOf });
    expect(r.outcome).toBe("no-go");
    expect(r.blockers).toHaveLength(17);
    expect(codes(r.openAdvisory)).toEqual(["COM-02", "DST-02"]);
  });

  it("throws NotFoundError for an unknown gate", () => {
    expect(() => evaluateGate({ items, gates }, "g-nope", { asOf })).toThrow(NotFoundError);
  });
});

/** A small plan built by hand for each outcome. */
function item(id: string, blocking: boolean, status: ChecklistItem["status"], extra: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    id, version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", code: id.toUpperCase(), title: id, phase: "prepare",
    category: "help-desk", raci: [], anchor: "go-live", tMinusDays: 5, dependsOn: [], blocking, gateIds: [], status, evidence: [], ...extra,
  } as ChecklistItem;
}
const gate = (approvals: number): Gate => ({
  id: "g", version: 1, createdAt: at, updatedAt: at, rolloutPlanId: "rp-x", name: "Go/No-Go", type: "go-no-go",
  scope: { phases: ["prepare"] }, approvers: [{ personId: "p1" }, { personId: "p2" }], minApprovals: 2,
  approvals: Array.from({ length: approvals }, (_, i) => ({ personId: `p${i + 1}`, vote: "approve" as const, at })),
});
const done = (id: string, blocking = true) => item(id, blocking, "done", { completedOn: asOf });

describe("gate outcomes", () => {
  it("GO: blocking done, N/A with reason, waived unexpired; approvals met", () => {
    const xs = [
      done("a"),
      item("b", true, "not-applicable", { statusReason: "no database" }),
      item("c", true, "waived", { waiver: { approvedBy: "p-cio", reason: "re-test in hypercare", grantedAt: at, expiresOn: isoDate("2026-11-20") } }),
      done("d", false),
    ];
    const r = evaluateGate({ items: xs, gates: [gate(2)] }, "g", { asOf });
    expect(r.outcome).toBe("go");
    expect(r.blockers).toEqual([]);
  });

  it("CONDITIONAL GO: only advisory items open", () => {
    const r = evaluateGate({ items: [done("a"), item("z", false, "todo")], gates: [gate(2)] }, "g", { asOf });
    expect(r.outcome).toBe("conditional-go");
    expect(codes(r.openAdvisory)).toEqual(["Z"]);
  });

  it("NO-GO: missing approvals alone", () => {
    const r = evaluateGate({ items: [done("a")], gates: [gate(1)] }, "g", { asOf });
    expect(r.outcome).toBe("no-go");
    expect(r.reasons).toEqual(["1 of 2 required approvals given"]);
  });

  it("NO-GO: a waiver that expired the day before, and a skipped blocking item", () => {
    const waived = item("c", true, "waived", { waiver: { approvedBy: "p-cio", reason: "r", grantedAt: at, expiresOn: isoDate("2026-11-19") } });
    const skipped = item("s", true, "skipped", { statusReason: "no time" });
    const r = evaluateGate({ items: [waived, skipped], gates: [gate(2)] }, "g", { asOf });
    expect(r.outcome).toBe("no-go");
    expect(codes(r.blockers)).toEqual(["C", "S"]);
    expect(r.blockers.find((b) => b.code === "C")!.waiverExpired).toBe(true);
  });

  it("an evidence rule decides: facts prove a todo item and refute a done one", () => {
    const rule = { all: [{ fact: "helpDesk.knowledgeArticles.published", op: ">=" as const, threshold: decodeFacts({ x: "20" }).get("x")! }] };
    const todo = item("kb", true, "todo", { evidenceRule: rule });
    const doneButShort = item("kb2", true, "done", { completedOn: asOf, evidenceRule: rule });
    const facts = { "helpDesk.knowledgeArticles.published": 20 };
    expect(evaluateGate({ items: [todo], gates: [gate(2)] }, "g", { asOf, facts }).outcome).toBe("go");
    const r = evaluateGate({ items: [doneButShort], gates: [gate(2)] }, "g", { asOf, facts: { "helpDesk.knowledgeArticles.published": 19 } });
    expect(r.outcome).toBe("no-go");
    expect(r.blockers[0]!.why).toBe("evidence rule fails: helpDesk.knowledgeArticles.published = 19 fails >= 20 (recorded as done)");
    expect(checkEvidenceRule(todo, decodeFacts({}))!.explanation).toBe("helpDesk.knowledgeArticles.published not supplied (needs >= 20)");
  });

  it("judging an earlier day: work done or waived later is still open then", () => {
    const late = item("l", true, "done", { completedOn: isoDate("2026-11-25") });
    const w = item("w", true, "waived", { waiver: { approvedBy: "p-cio", reason: "r", grantedAt: instant("2026-11-23T09:00:00Z"), expiresOn: isoDate("2026-12-31") } });
    const r = evaluateGate({ items: [late, w], gates: [gate(2)] }, "g", { asOf });
    expect(r.blockers.map((b) => b.why)).toEqual(["done only on 2026-11-25, after 2026-11-20", "waiver granted only on 2026-11-23"]);
    expect(evaluateGate({ items: [late, w], gates: [gate(2)] }, "g", { asOf: isoDate("2026-11-25") }).outcome).toBe("go");
  });

  it("records a contradicting decision (a 'watermelon' go)", () => {
    const g = { ...gate(2), decision: { outcome: "go" as const, decidedAt: at, decidedBy: "p1", conditions: [] } };
    const r = evaluateGate({ items: [item("a", true, "todo")], gates: [g] }, "g", { asOf });
    // Decided on asOf itself (2026-11-20): the outcome then is today's NO-GO.
    expect(r.recorded).toEqual({ outcome: "go", contradicts: true, decidedOn: "2026-11-20", outcomeThen: "no-go", contradictedThen: true });
  });

  it("rejects facts that are not decimals and scopes naming unknown items", () => {
    expect(() => evaluateGate({ items: [done("a")], gates: [gate(2)] }, "g", { asOf, facts: { "a.b": "lots" } })).toThrow(ValidationError);
    const g = { ...gate(2), scope: { itemIds: ["nope"] } };
    expect(() => evaluateGate({ items: [done("a")], gates: [g] }, "g", { asOf })).toThrow(/unknown checklist item nope/);
  });
});

describe("item life", () => {
  const base = raw.find((i) => i.code === "OPS-02")!;
  it("not applicable and skipped need a reason; done needs its day", () => {
    expect(() => changeItemStatus(base, { status: "not-applicable" }, at)).toThrow(/status not-applicable needs a reason/);
    expect(() => changeItemStatus(base, { status: "done" }, at)).toThrow(/completion day/);
    const na = changeItemStatus(base, { status: "not-applicable", reason: "No on-premise server" }, at);
    expect(na.version).toBe(base.version + 1);
    expect(assessItem(na, { asOf, facts: new Map() }).state).toBe("excluded");
  });

  it("a waiver needs an approver and cannot expire before it was granted", () => {
    expect(() => changeItemStatus(base, { status: "waived" }, at)).toThrow(/needs a waiver/);
    try {
      changeItemStatus(base, { status: "waived", waiver: { approvedBy: "p-cio", reason: "r", grantedAt: "2026-11-20T10:00:00Z", expiresOn: "2026-11-19" } }, at);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toEqual(["waiver", "expiresOn"]);
    }
    expect(() => changeItemStatus(base, { status: "waived", waiver: { approvedBy: "", reason: "r", grantedAt: "2026-11-20T10:00:00Z", expiresOn: "2026-12-01" } }, at)).toThrow(ValidationError);
  });

  it("evidence records carry who and when; a metric needs a value", () => {
    const next = recordEvidence(base, { type: "sign-off", reference: "Ops acceptance 2026-11-20", recordedBy: "p-stefan-krause", recordedAt: "2026-11-20T15:00:00Z" });
    expect(next.evidence.at(-1)).toMatchObject({ type: "sign-off", recordedBy: "p-stefan-krause", recordedAt: "2026-11-20T15:00:00.000Z" });
    expect(() => recordEvidence(base, { type: "metric", reference: "x.y", recordedBy: "p", recordedAt: "2026-11-20T15:00:00Z" })).toThrow(ValidationError);
  });
});

describe("readiness, overdue and waves", () => {
  it("readiness = done ÷ (total − skipped − N/A), overall, per phase and category", () => {
    const r = readinessProgress(items, { asOf });
    // 29 items, 4 done, 1 N/A → 4 ÷ 28 = 14.2857…%
    expect(r.overall).toMatchObject({ total: 29, done: 4, notApplicable: 1, skipped: 0, waived: 1, applicable: 28 });
    expect(r.overall.percent.value!.toFixed(4)).toBe("14.2857");
    expect(r.byPhase["initiate"]!.percent.value!.toFixed()).toBe("100"); // GOV-01, GOV-02, COM-01 done
    expect(r.byCategory["operations"]).toMatchObject({ total: 4, notApplicable: 1, applicable: 3, done: 0 });
  });

  it("a group of only N/A items has no percentage", () => {
    const na = item("n", true, "not-applicable", { statusReason: "r" });
    expect(readinessProgress([na], { asOf }).overall.percent).toEqual({ reason: "no-applicable-items" });
  });

  it("overdue list as of a date", () => {
    expect(overdueItems(items, { asOf }).items).toEqual([]);
    // On 2026-12-18, TRN-02 (due 12-17) and ACC-01/ACC-03 (due 12-03, 12-10) are open past their day.
    const late = overdueItems(items, { asOf: isoDate("2026-12-18") }).items;
    expect(late.map((i) => [i.code, i.daysOverdue])).toEqual([["ACC-01", 15], ["ACC-03", 8], ["TRN-02", 1]]);
    expect(overdueItems(raw, { asOf }).unscheduled).toBe(23); // unscheduled sample items: 29 − 4 done − N/A − waived
  });

  it("readiness figures feed the RAG rules", () => {
    const before = readinessFigures({ items, gates }, { asOf });
    expect({ ...before, rag: undefined }).toEqual({ overdueBlockingItems: 0, openBlockingAtGoNoGo: 0, goNoGoGatesDue: [], goNoGoGatesUnrated: [], goNoGoGatesUndated: [], goNoGoGatesBlocked: [], rag: undefined });
    // No go/no-go gate has come yet: nothing to count at one (no-data), not a green 0.
    expect(before.rag.openBlockingAtGoNoGo).toEqual({ reason: "no-data", detail: `no go/no-go gate has come by ${asOf}` });
    expect(before.rag.overdueBlockingItems.value?.toFixed()).toBe("0");
    const f = readinessFigures({ items, gates }, { asOf: isoDate("2027-02-24") });
    expect(f.goNoGoGatesDue).toEqual(["g-crm-go-no-go"]);
    expect(f.openBlockingAtGoNoGo).toBe(17);
    expect(f.rag.openBlockingAtGoNoGo.value?.toFixed()).toBe("17");
  });

  it("wave progress per wave, audience and total", () => {
    const w = waveProgress(plan, { asOf });
    expect(w.waves.map((x) => [x.id, x.timing, x.targeted, x.trained])).toEqual([
      ["w1-pilot", "planned", 40, 12], ["w2-field-sales", "planned", 180, 0], ["w3-benelux-pl-service", "planned", 200, 0],
    ]);
    expect(w.waves[0]!.trainedPercent.value!.toFixed()).toBe("30"); // 12 ÷ 40
    expect(w.total.targeted).toBe(420);
    expect(w.total.installSuccessPercent).toEqual({ reason: "no-attempts" });
    const running = waveProgress({ waves: [{ ...plan.waves[0]!, installedCount: 38, failedCount: 2 }] }, { asOf: isoDate("2027-03-03") });
    expect(running.waves[0]!.timing).toBe("running");
    expect(running.total.installSuccessPercent.value!.toFixed()).toBe("95"); // 38 ÷ (38 + 2)
  });

  it("waves that break the wave schema are refused with their path, not turned into 120 %, NaN or \"03\"", () => {
    // Pilot: 40 targeted. 48 installed read 120 % installed; a NaN target a NaN percentage; "3" installed (text) was
    // added up as "03" and gave a 10 % install success.
    const pilot = plan.waves[0]!;
    const bad = (w: object) => firstIssuePath(() => waveProgress({ waves: [pilot, { ...pilot, id: "w-x", ...w } as typeof pilot] }, { asOf }));
    expect(bad({ installedCount: 48 })).toEqual(["plan", "waves", 1, "installedCount"]);
    expect(bad({ targetCount: Number.NaN })).toEqual(["plan", "waves", 1, "targetCount"]);
    expect(bad({ installedCount: "3" })).toEqual(["plan", "waves", 1, "installedCount"]);
    expect(bad({ failedCount: -1 })).toEqual(["plan", "waves", 1, "failedCount"]);
    expect(bad({ finish: "2020-01-01" })).toEqual(["plan", "waves", 1, "finish"]);
  });
});
