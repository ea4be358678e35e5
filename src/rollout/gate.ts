import { NotFoundError, ValidationError, type IsoDate, type ValidationIssue, checkArguments } from "../core/index.js";
import type { ChecklistItem, Gate, RolloutPlan } from "../entities/index.js";
import { decodeFacts, type RolloutFacts } from "./evidence-check.js";
import { afterAsOf, utcInstant } from "./as-of.js";
import { assessItem, type ItemAssessment } from "./item-life.js";
import { checkItemFields, checkPlanItems } from "./item-fields.js";
import { READINESS_OPTION_KEYS, checkReadinessKeys, closedByWaiver, readinessCount, type ReadinessCount } from "./readiness-count.js";
import { requireUniqueIds } from "./unique.js";

/** A plan's checklist and gates, as evaluated by {@link evaluateGate} and the readiness functions. */
export interface RolloutData {
  /** The plan (optional: only used to check that items and gates belong to it). */
  readonly plan?: RolloutPlan;
  /** Its checklist items. */
  readonly items: readonly ChecklistItem[];
  /** Its gates. */
  readonly gates: readonly Gate[];
}

/** Options of the readiness functions: the day judged and the facts automatic evidence checks read. */
export interface ReadinessOptions {
  /** The day judged (waivers expire, items fall overdue). */
  readonly asOf: IsoDate;
  /** Facts for automatic evidence checks. */
  readonly facts?: RolloutFacts;
}
// The compiler keeps readiness-count's list of the keys complete.
READINESS_OPTION_KEYS satisfies Record<keyof ReadinessOptions, 1>;

/** A typed cause of a NO-GO (see {@link GateEvaluation.noGoCauses}). */
export type GateNoGoCause = "vetoed" | "no-scope" | "no-applicable-items" | "blocking-items" | "approvals-missing";

/** The computed outcome of a gate, with what holds it. */
export interface GateEvaluation {
  /** The gate. */
  readonly gateId: string;
  /** Its name. */
  readonly gateName: string;
  /** The day judged. */
  readonly asOf: IsoDate;
  /** `go`, `conditional-go` or `no-go`. */
  readonly outcome: "go" | "conditional-go" | "no-go";
  /** Why, one sentence per reason. */
  readonly reasons: readonly string[];
  /**
   * The typed causes of a NO-GO, in the order of `reasons` (empty for a go or a conditional go): `vetoed` (an
   * approver with a veto voted reject), `no-scope` (no item in scope), `no-applicable-items` (every item in scope
   * skipped or not applicable), `blocking-items` (blocking items hold it), `approvals-missing` (fewer approving votes
   * than `minApprovals`). A gate whose causes are only `vetoed` and `approvals-missing` is ready by its items and held
   * by its decision.
   */
  readonly noGoCauses: readonly GateNoGoCause[];
  /** Blocking items that hold the gate (open, skipped, or waived with an expired waiver): see {@link holdsGate}. */
  readonly blockers: readonly ItemAssessment[];
  /** Advisory items still open: the conditions of a conditional go. */
  readonly openAdvisory: readonly ItemAssessment[];
  /** Votes cast by `asOf` against the minimum; a vote cast after `asOf` is not counted (its voter is in `notVoted`). */
  readonly approvals: {
    readonly approving: number;
    readonly rejecting: number;
    readonly required: number;
    readonly notVoted: readonly string[];
    /** Approvers whose vote was cast after `asOf` (listed, not counted). */
    readonly castAfterAsOf: readonly string[];
    /** Approvers with a `veto` who voted reject by `asOf`, in approver order: any one makes the gate NO-GO. */
    readonly vetoedBy: readonly string[];
  };
  /** Every item in the gate's scope, judged. */
  readonly scope: readonly ItemAssessment[];
  /**
   * The scope's readiness, counted as `readinessProgress` counts a group: done ÷ (total − skipped − not applicable).
   * `percent` is `{ reason: "no-applicable-items" }` when nothing in scope applies (an empty scope, or only items
   * skipped or not applicable by `asOf`) — and then the gate is NO-GO: it does not pass from nothing.
   */
  readonly readiness: ReadinessCount;
  /** The decision recorded on the gate by `asOf`, if any, judged against the evidence on `asOf` and on its own day. */
  readonly recorded?: GateRecordedDecision;
}

/**
 * A decision recorded on a gate, judged against the evidence (see {@link GateEvaluation.recorded}).
 *
 * @example
 * ```ts
 * const r = evaluateGate({ items, gates }, "g-go", { asOf: isoDate("2025-03-15") }).recorded;
 * r?.contradictedThen; // true: a GO taken on 03-10 while a blocking item was done only on 03-12
 * ```
 */
export interface GateRecordedDecision {
  /** The outcome recorded. */
  readonly outcome: "go" | "conditional-go" | "no-go";
  /** True when it differs from the outcome computed on `asOf` (is it still right?). */
  readonly contradicts: boolean;
  /** The UTC day of `decidedAt`. */
  readonly decidedOn: IsoDate;
  /**
   * The outcome computed on `decidedOn`: evidence, waivers, votes and statuses dated after that day do not count, and
   * neither do the supplied `facts` (they describe `asOf`) — an evidence rule reads the metric evidence recorded by then.
   */
  readonly outcomeThen: "go" | "conditional-go" | "no-go";
  /** True when the decision differs from `outcomeThen`: it was taken against (or ahead of) the evidence of its day. */
  readonly contradictedThen: boolean;
}

/**
 * The items in a gate's scope: the items of the gate's plan that are in its phases, categories or item ids, or that
 * list the gate in their `gateIds`. Items of another plan are never in scope.
 *
 * @throws {ValidationError} when the scope names an item id that does not exist or belongs to another plan.
 * @example
 * ```ts
 * itemsInGateScope(gate, items).length;
 * ```
 */
export function itemsInGateScope(gate: Gate, items: readonly ChecklistItem[]): ChecklistItem[] {
  checkArguments("itemsInGateScope", { gate: [gate, "object"], items: [items, "object[]"] });
  checkArguments("itemsInGateScope", { "gate.scope": [gate.scope, "object"] });
  const byId = new Map(items.map((i) => [i.id, i]));
  const unknown = (gate.scope.itemIds ?? []).flatMap((id, j) => {
    const named = byId.get(id);
    if (named === undefined) return [{ path: ["scope", "itemIds", j], message: `unknown checklist item ${id}`, code: "custom" }];
    if (named.rolloutPlanId !== gate.rolloutPlanId) {
      return [{ path: ["scope", "itemIds", j], message: `checklist item ${id} belongs to ${named.rolloutPlanId}, not ${gate.rolloutPlanId}`, code: "custom" }];
    }
    return [];
  });
  if (unknown.length > 0) throw new ValidationError(unknown, `gate ${gate.id}`);
  const phases = new Set<string>(gate.scope.phases ?? []);
  const categories = new Set<string>(gate.scope.categories ?? []);
  const named = new Set(gate.scope.itemIds ?? []);
  return items.filter(
    (i) => i.rolloutPlanId === gate.rolloutPlanId && (phases.has(i.phase) || categories.has(i.category) || named.has(i.id) || i.gateIds.includes(gate.id)),
  );
}

/**
 * The gate rule for one item judged as of a day: a blocking item holds a gate when it is open, or skipped by then (a
 * skipped item is not a closed one). Done, proven, waived with an unexpired waiver and not applicable are what lets
 * it pass. {@link evaluateGate} lists the items of its scope that hold it; the service's rollout overview counts the
 * plan's items by the same rule.
 *
 * @example
 * ```ts
 * items.map((i) => assessItem(i, { asOf: isoDate("2026-11-20"), facts: decodeFacts({}) })).filter(holdsGate);
 * ```
 */
export function holdsGate(a: ItemAssessment): boolean {
  checkArguments("holdsGate", { assessment: [a, "object"] });
  return a.blocking && (a.state === "open" || (a.state === "excluded" && a.status === "skipped"));
}

/**
 * Decides a gate from evidence (over the items of the gate's plan): **GO** when every blocking item in scope is done, not applicable (with its reason) or
 * waived with an unexpired waiver, and the minimum number of approvers voted to approve; **CONDITIONAL GO** when that
 * holds but advisory items are still open (they become the conditions); **NO-GO** otherwise, with the blocking items
 * and missing approvals listed. A skipped blocking item holds the gate. Items with an automatic evidence rule count
 * as closed exactly when the facts satisfy it. A gate with no item in its scope, or whose items are all skipped or not
 * applicable by `asOf`, is **NO-GO**: nothing shows it ready (`readiness.percent` then has the reason
 * `no-applicable-items`, as `readinessProgress` gives for such a group).
 *
 * The approval half is a quorum: rejections do not stop a go by themselves, but `reasons` names every approver who
 * voted reject by `asOf` — except a reject from an approver marked `veto: true` (a security officer, a service owner),
 * which makes the gate NO-GO whatever the other votes; `reasons` then starts with "vetoed by p-sec (security): an
 * approver with a veto voted reject" and `approvals.vetoedBy` lists them. An abstention or a missing vote is no veto.
 *
 * Judged as of a day: a vote, a recorded decision, evidence or a waiver stamped after `asOf` (its UTC day is later)
 * is ignored, and an item completed, skipped or found not applicable after `asOf` is still open (see
 * {@link assessItem}; an item whose status on `asOf` the record cannot tell is counted as open, and `reasons` names
 * it).
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or an item or gate id
 *   is listed twice (path `["items", i, "id"]` / `["gates", i, "id"]`).
 * @throws {NotFoundError} when there is no gate `gateId`; {@link ValidationError} for bad facts, a scope naming an
 *   unknown item or another plan's item, an approval rule that cannot be read (`minApprovals` not a whole number from
 *   1 to the number of approvers, an approver listed twice, an approver voting twice, a vote from someone who is not
 *   an approver or that is not approve/reject/abstain, a `veto` that is not true or false; path `["gates", i, …]`), or,
 *   with `plan` given, an item of another plan (path `["items", i, "rolloutPlanId"]`).
 * @example
 * ```ts
 * const r = evaluateGate({ items, gates }, "g-crm-go-no-go", { asOf: isoDate("2026-11-20"), facts: { "defects.openCritical": 0 } });
 * r.outcome;                      // "no-go"
 * r.blockers.map((b) => b.code);  // what holds it
 * ```
 */
export function evaluateGate(data: RolloutData, gateId: string, options: ReadinessOptions): GateEvaluation {
  checkArguments("evaluateGate", { data: [data, "object"], gateId: [gateId, "string"], options: [options, "object"] });
  checkReadinessKeys("evaluateGate", options);
  checkArguments("evaluateGate", { asOf: [options.asOf, "date"], items: [data.items, "object[]"], gates: [data.gates, "object[]"] });
  checkItemFields(data.items, ["items"], "rollout data");
  requireUniqueIds(data.gates, ["gates"], "rollout data");
  const gate = data.gates.find((g) => g.id === gateId);
  if (!gate) throw new NotFoundError("gate", gateId);
  if (data.plan && gate.rolloutPlanId !== data.plan.id) {
    throw ValidationError.single(["rolloutPlanId"], `gate ${gate.id} belongs to ${gate.rolloutPlanId}, not ${data.plan.id}`, "gate");
  }
  checkPlanItems(data.items, data.plan);
  checkApprovalRule(gate, data.gates.indexOf(gate));
  const facts = decodeFacts(options.facts);
  const scope = itemsInGateScope(gate, data.items).map((i) => assessItem(i, { asOf: options.asOf, facts }));
  const blockers = scope.filter(holdsGate);
  const openAdvisory = scope.filter((a) => !a.blocking && a.state === "open");

  const approvers = new Set(gate.approvers.map((a) => a.personId));
  const cast = gate.approvals.filter((v) => approvers.has(v.personId));
  const votes = cast.filter((v) => !afterAsOf(v.at, options.asOf));
  const castAfterAsOf = cast.filter((v) => afterAsOf(v.at, options.asOf)).map((v) => v.personId);
  const approving = votes.filter((v) => v.vote === "approve").length;
  const rejecting = votes.filter((v) => v.vote === "reject").length;
  const voted = new Set(votes.map((v) => v.personId));
  const notVoted = gate.approvers.map((a) => a.personId).filter((p) => !voted.has(p));

  // A reject from an approver with a veto is NO-GO whatever the quorum says.
  const rejected = new Set(votes.filter((v) => v.vote === "reject").map((v) => v.personId));
  const vetoes = gate.approvers.filter((a) => a.veto === true && rejected.has(a.personId));
  const vetoedBy = vetoes.map((a) => a.personId);

  const reasons: string[] = [];
  const noGoCauses: GateNoGoCause[] = [];
  if (vetoes.length > 0) {
    noGoCauses.push("vetoed");
    reasons.push(`vetoed by ${vetoes.map((a) => (a.role ? `${a.personId} (${a.role})` : a.personId)).join(", ")}: ${vetoes.length === 1 ? "an approver with a veto" : "approvers with a veto"} voted reject`);
  }
  // Nothing in scope is no evidence of readiness, not evidence of it — nor is a scope of items that do not apply
  // (readiness has no percentage for it: no-applicable-items).
  const readiness = readinessCount(scope);
  if (scope.length === 0) {
    noGoCauses.push("no-scope");
    reasons.push("no checklist item in the gate's scope: nothing shows the gate is ready");
  } else if (readiness.applicable === 0) {
    noGoCauses.push("no-applicable-items");
    reasons.push(`no applicable checklist item in the gate's scope (${readiness.notApplicable} not applicable, ${readiness.skipped} skipped): nothing shows the gate is ready`);
  }
  if (blockers.length > 0) {
    noGoCauses.push("blocking-items");
    reasons.push(`${blockers.length} blocking item(s) not closed: ${blockers.map((b) => b.code ?? b.id).join(", ")}`);
  }
  if (approving < gate.minApprovals) {
    noGoCauses.push("approvals-missing");
    reasons.push(`${approving} of ${gate.minApprovals} required approvals given`);
  }
  let outcome: GateEvaluation["outcome"];
  if (reasons.length > 0) outcome = "no-go";
  else if (openAdvisory.length > 0) {
    outcome = "conditional-go";
    reasons.push(`${openAdvisory.length} advisory item(s) open: ${openAdvisory.map((a) => a.code ?? a.id).join(", ")}`);
  } else {
    outcome = "go";
    reasons.push(`every blocking item closed and ${approving} of ${gate.minApprovals} approvals given`);
  }
  // A waiver lets a blocking item pass the gate without the work: named, so a GO does not read as all done (a NO-GO's
  // reasons stay those that decide it).
  const waivedBlocking = scope.filter((a) => a.blocking && closedByWaiver(a));
  if (outcome !== "no-go" && waivedBlocking.length > 0) reasons.push(`${waivedBlocking.length} blocking item(s) closed by a waiver, not done: ${waivedBlocking.map((a) => a.code ?? a.id).join(", ")}`);
  // The rule is a quorum of approvals, so a rejection does not stop a go by itself; it is named, never hidden.
  if (rejecting > 0) {
    reasons.push(`${rejecting} approver(s) voted reject: ${gate.approvers.map((a) => a.personId).filter((p) => rejected.has(p)).join(", ")}`);
  }
  // An item whose status on asOf the record cannot tell is counted as open; the reasons say which.
  const unknown = scope.filter((a) => a.statusUnknown && a.state === "open");
  if (unknown.length > 0) {
    reasons.push(`${unknown.length} item(s) counted as open because the record cannot tell whether they were already skipped or not applicable on ${options.asOf} (no day recorded): ${unknown.map((a) => a.code ?? a.id).join(", ")}`);
  }
  const decision = gate.decision && !afterAsOf(gate.decision.decidedAt, options.asOf) ? gate.decision : undefined;
  let recorded: GateRecordedDecision | undefined;
  if (decision) {
    // Judged on its own day too: a GO taken before its evidence must not read as supported once the evidence came in.
    const decidedOn = utcInstant(decision.decidedAt).slice(0, 10) as IsoDate;
    const outcomeThen = decidedOn === options.asOf ? outcome : evaluateGate(data, gateId, { asOf: decidedOn }).outcome;
    recorded = { outcome: decision.outcome, contradicts: decision.outcome !== outcome, decidedOn, outcomeThen, contradictedThen: decision.outcome !== outcomeThen };
  }
  return {
    gateId: gate.id,
    gateName: gate.name,
    asOf: options.asOf,
    outcome,
    reasons,
    noGoCauses,
    blockers,
    openAdvisory,
    approvals: { approving, rejecting, required: gate.minApprovals, notVoted, castAfterAsOf, vetoedBy },
    scope,
    readiness,
    ...(recorded ? { recorded } : {}),
  };
}

/**
 * The approval half of the gate rule must be readable: a `minApprovals` that is not a whole number from 1 to the
 * number of approvers compared as "met" (`0 < NaN` is false), and a vote or approver listed twice counted twice.
 */
function checkApprovalRule(gate: Gate, index: number): void {
  const path = (...p: (string | number)[]) => ["gates", index, ...p];
  const issues: ValidationIssue[] = [];
  checkArguments(`gate ${gate.id}`, { [`gates[${index}].approvers`]: [gate.approvers, "object[]"], [`gates[${index}].approvals`]: [gate.approvals, "object[]"] });
  const approvers = new Set<string>();
  gate.approvers.forEach((a, i) => {
    if (approvers.has(a.personId)) issues.push({ path: path("approvers", i, "personId"), message: `${a.personId} is listed twice`, code: "custom" });
    approvers.add(a.personId);
  });
  gate.approvers.forEach((a, i) => {
    // A veto given as text ("no") would read as set.
    const v = (a as { veto?: unknown }).veto;
    if (v !== undefined && typeof v !== "boolean") issues.push({ path: path("approvers", i, "veto"), message: `veto is true or false, got ${JSON.stringify(v)}`, code: "custom" });
  });
  const m = gate.minApprovals as unknown;
  if (typeof m !== "number" || !Number.isInteger(m) || m < 1 || m > approvers.size) {
    issues.push({ path: path("minApprovals"), message: `minApprovals must be a whole number from 1 to ${approvers.size} (the approvers), got ${String(m)}`, code: "custom" });
  }
  const voted = new Set<string>();
  gate.approvals.forEach((v, i) => {
    // A vote from outside the approvers, or one that is not approve/reject/abstain, would be dropped from every
    // count — a mistyped "Reject" from an approver with a veto read GO.
    if (!approvers.has(v.personId)) issues.push({ path: path("approvals", i, "personId"), message: `${v.personId} is not an approver`, code: "custom" });
    else if (voted.has(v.personId)) issues.push({ path: path("approvals", i, "personId"), message: `${v.personId} voted twice`, code: "custom" });
    if (v.vote !== "approve" && v.vote !== "reject" && v.vote !== "abstain") {
      issues.push({ path: path("approvals", i, "vote"), message: `a vote is approve, reject or abstain, got ${JSON.stringify(v.vote)}`, code: "custom" });
    }
    voted.add(v.personId);
  });
  if (issues.length > 0) throw new ValidationError(issues, `gate ${gate.id}`);
}
