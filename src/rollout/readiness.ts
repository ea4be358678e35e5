import { decimal, differenceInDays, isIsoDate, metric, missing, ValidationError, type Decimal, type IsoDate, type Metric, checkArguments, compareCodePoints } from "../core/index.js";
import { gateTypeSchema, type ChecklistItem } from "../entities/index.js";
import { decodeFacts } from "./evidence-check.js";
import { evaluateGate, itemsInGateScope, type GateEvaluation, type GateNoGoCause, type ReadinessOptions, type RolloutData } from "./gate.js";
import { assessItem, type ItemAssessment } from "./item-life.js";
import { checkItemFields, checkPlanItems } from "./item-fields.js";
import { checkReadinessKeys, readinessCount as count, type ReadinessCount } from "./readiness-count.js";
import { requireUniqueIds } from "./unique.js";

export type { ReadinessCount } from "./readiness-count.js";

/** Readiness progress overall, per phase and per category. */
export interface ReadinessProgress {
  /** Every item. */
  readonly overall: ReadinessCount;
  /** Per rollout phase (only phases that have items). */
  readonly byPhase: Readonly<Record<string, ReadinessCount>>;
  /** Per readiness category (only categories that have items). */
  readonly byCategory: Readonly<Record<string, ReadinessCount>>;
}

/**
 * Readiness progress: done ÷ (total − skipped − not applicable), as a percentage, overall and per phase and
 * category. Waived items stay in the denominator (a waiver lets a gate pass; it does not make the work done). An item
 * skipped or found not applicable only after `asOf` was still applicable then (see `assessItem`).
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or an item id is listed
 *   twice (path `["items", i, "id"]`; it would count twice).
 * @throws {ValidationError} for bad facts.
 * @example
 * ```ts
 * readinessProgress(items, { asOf: isoDate("2026-11-20") }).overall.percent; // { value: Decimal(…) }
 * ```
 */
export function readinessProgress(items: readonly ChecklistItem[], options: ReadinessOptions): ReadinessProgress {
  checkArguments("readinessProgress", { items: [items, "object[]"], options: [options, "object"] });
  checkReadinessKeys("readinessProgress", options);
  checkArguments("readinessProgress", { asOf: [options.asOf, "date"] });
  checkItemFields(items, ["items"], "readiness");
  const facts = decodeFacts(options.facts);
  const assessed = items.map((i) => ({ item: i, a: assessItem(i, { asOf: options.asOf, facts }) }));
  const group = (key: (i: ChecklistItem) => string) => {
    const groups = new Map<string, ItemAssessment[]>();
    for (const { item, a } of assessed) groups.set(key(item), [...(groups.get(key(item)) ?? []), a]);
    return Object.fromEntries([...groups].map(([k, v]) => [k, count(v)]));
  };
  return { overall: count(assessed.map((x) => x.a)), byPhase: group((i) => i.phase), byCategory: group((i) => i.category) };
}

/** An open item past its due day. */
export interface OverdueItem extends ItemAssessment {
  /** The due day. */
  readonly dueDate: IsoDate;
  /** Calendar days from the due day to `asOf`. */
  readonly daysOverdue: number;
}

/**
 * Open items whose due day is before `asOf`, most overdue first (then by code, then by id). Closed, not applicable and
 * skipped items are never overdue; items without a due day (not scheduled yet) are counted in `unscheduled`.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or an item id is listed
 *   twice (path `["items", i, "id"]`; it would count twice).
 * @example
 * ```ts
 * overdueItems(scheduled, { asOf: isoDate("2026-11-20") }).items.map((i) => i.code);
 * ```
 */
export function overdueItems(
  items: readonly ChecklistItem[],
  options: ReadinessOptions,
): { readonly items: readonly OverdueItem[]; readonly unscheduled: number } {
  checkArguments("overdueItems", { items: [items, "object[]"], options: [options, "object"] });
  checkReadinessKeys("overdueItems", options);
  checkArguments("overdueItems", { asOf: [options.asOf, "date"] });
  checkItemFields(items, ["items"], "readiness");
  const facts = decodeFacts(options.facts);
  const out: OverdueItem[] = [];
  let unscheduled = 0;
  for (const item of items) {
    const a = assessItem(item, { asOf: options.asOf, facts });
    if (a.state !== "open") continue;
    if (item.dueDate === undefined) unscheduled++;
    else if (item.dueDate < options.asOf) out.push({ ...a, dueDate: item.dueDate, daysOverdue: differenceInDays(options.asOf, item.dueDate) });
  }
  out.sort((x, y) => y.daysOverdue - x.daysOverdue || compareCodePoints(x.code ?? x.id, y.code ?? y.id) || compareCodePoints(x.id, y.id));
  return { items: out, unscheduled };
}

/** A go/no-go gate that has come but cannot be judged by its blocking items: nothing in its scope applies. */
export interface UnratedGoNoGoGate {
  /** The gate. */
  readonly gateId: string;
  /** `no-applicable-items`: no item in the gate's scope, or every one skipped or not applicable by `asOf`. */
  readonly reason: "no-applicable-items";
  /** Plain words naming the gate and its planned day. */
  readonly note: string;
}

/**
 * A go/no-go gate that has come and is NO-GO by its decision: fewer approving votes than it needs, or a reject from an
 * approver with a veto — whatever its items say.
 */
export interface BlockedGoNoGoGate {
  /** The gate. */
  readonly gateId: string;
  /** Every typed cause of its NO-GO (see `GateEvaluation.noGoCauses`), `approvals-missing` or `vetoed` among them. */
  readonly causes: readonly GateNoGoCause[];
  /** The readiness of its items (as `evaluateGate` counts its scope): ready items do not make a blocked decision go. */
  readonly readiness: ReadinessCount;
  /** The gate rule that produced the NO-GO by decision. */
  readonly rule: string;
  /** Plain words naming the gate, its day, its items' readiness and the votes. */
  readonly note: string;
}

/** A go/no-go gate with no `plannedDate` whose day cannot be told from its items either. */
export interface UndatedGoNoGoGate {
  /** The gate. */
  readonly gateId: string;
  /** `no-planned-date`: no planned day, and an item of its scope has no due day (or nothing is in its scope). */
  readonly reason: "no-planned-date";
  /** Plain words naming the gate and the unscheduled items. */
  readonly note: string;
}

const APPROVAL_RULE = "a gate is GO only with its minimum of approving votes by asOf";
const VETO_RULE = "a reject from an approver with a veto makes the gate NO-GO";

/** The readiness figures the status RAG rules read (see `ragStatus`). */
export interface ReadinessFigures {
  /**
   * Blocking items open past their due day.
   *
   * @deprecated As a RAG figure use `rag.overdueBlockingItems`: this count reads 0 also when there is no item to
   *   count, which a RAG rule would read as green. Kept for 0.1 callers; one representation (`rag`) in 0.2.
   */
  readonly overdueBlockingItems: number;
  /**
   * Blocking items still open at a go/no-go gate whose planned day has come (`plannedDate ≤ asOf`).
   *
   * @deprecated As a RAG figure use `rag.openBlockingAtGoNoGo`: this count reads 0 also when no gate has come or a
   *   gate that has come has nothing applicable (NO-GO), which a RAG rule would read as green. Kept for 0.1 callers.
   */
  readonly openBlockingAtGoNoGo: number;
  /**
   * The go/no-go gates that have come: `plannedDate ≤ asOf`, or, for a gate without a planned date, every item of its
   * scope is due (the latest `dueDate` of its scope ≤ asOf).
   */
  readonly goNoGoGatesDue: readonly string[];
  /** The go/no-go gates without a planned date whose scope has an unscheduled item (or no item): see `rag`. */
  readonly goNoGoGatesUndated: readonly UndatedGoNoGoGate[];
  /**
   * The go/no-go gates that have come NO-GO by their decision (approvals missing, or a veto), with their items'
   * readiness, the rule and the causes — listed whether or not blocking items hold them too.
   */
  readonly goNoGoGatesBlocked: readonly BlockedGoNoGoGate[];
  /**
   * The go/no-go gates that have come with nothing applicable in their scope (NO-GO, `readiness.percent` is
   * `no-applicable-items`): no blocking item is open at them, yet nothing shows they are ready.
   */
  readonly goNoGoGatesUnrated: readonly UnratedGoNoGoGate[];
  /**
   * The two figures as the RAG rules read them (`ragStatus(project, { asOf, figures: { ...f.rag } })`). A figure with
   * nothing to count is missing with its reason, so its rule does not rate rather than read green from nothing:
   * `overdueBlockingItems` is `no-data` when there is no checklist item, and `no-planned-date` when none is overdue but
   * an open blocking item has no due day (whether it is on time cannot be told; a known overdue item still counts). `openBlockingAtGoNoGo` counts the blocking
   * items open at the go/no-go gates that have come plus one for each such gate held only by its decision (in
   * `goNoGoGatesBlocked` without `blocking-items`: its items are ready but it is NO-GO, so it never reads green); when
   * that is 0 it is `no-data` when no go/no-go gate has come by `asOf` (`no-planned-date` when a gate cannot be dated),
   * `no-applicable-items` (naming the gates) when a gate that has come has nothing applicable in its scope, and
   * `no-planned-date` when a gate cannot be dated. When the count is not 0 it rates (red by default) and
   * `goNoGoGatesUnrated` / `goNoGoGatesUndated` list the gates it leaves out — as `ragStatus` counts the baselined key
   * milestones and leaves the others out; a known red is never hidden behind an unknown.
   */
  readonly rag: { readonly overdueBlockingItems: Metric<Decimal>; readonly openBlockingAtGoNoGo: Metric<Decimal> };
}

/**
 * The figures the readiness RAG dimension reads: overdue blocking items (amber by default) and blocking items open
 * at a go/no-go gate that has come (red by default). `rag` gives them as Metrics for `ragStatus`, missing with a
 * reason where there is nothing to count: no item (`no-data`), open blocking items without a due day and none overdue
 * (`no-planned-date`), no go/no-go gate come yet (`no-data`), or a gate that
 * has come with nothing applicable in its scope (`no-applicable-items`: it is NO-GO with no open blocking item).
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), an item id is listed
 *   twice (path `["items", i, "id"]`; it would count twice), or a gate's `type` is not a gate type or its `plannedDate`
 *   not `YYYY-MM-DD` (path `["gates", i, "type"]` / `["gates", i, "plannedDate"]`), or, with `plan` given, an item
 *   belongs to another plan (path `["items", i, "rolloutPlanId"]`), whether or not a gate has come.
 * @example
 * ```ts
 * const f = readinessFigures({ items, gates }, { asOf: isoDate("2026-11-20") });
 * ragStatus(project, { asOf, figures: { ...f.rag } });
 * f.goNoGoGatesUnrated; // [] — or the gates that have come with nothing applicable in their scope
 * ```
 */
export function readinessFigures(data: RolloutData, options: ReadinessOptions): ReadinessFigures {
  checkArguments("readinessFigures", { data: [data, "object"], options: [options, "object"] });
  checkReadinessKeys("readinessFigures", options);
  checkArguments("readinessFigures", { asOf: [options.asOf, "date"], items: [data.items, "object[]"], gates: [data.gates, "object[]"] });
  requireUniqueIds(data.gates, ["gates"], "rollout data");
  // Read here on the memory form: a type "go/no-go" left the gate out, a day "2025-3-10" compared as text never came.
  const gateIssues = data.gates.flatMap((g, i) => [
    ...(gateTypeSchema.safeParse(g.type).success ? [] : [{ path: ["gates", i, "type"], message: `unknown gate type ${JSON.stringify(g.type)}`, code: "custom" }]),
    ...(g.plannedDate === undefined || isIsoDate(g.plannedDate) ? [] : [{ path: ["gates", i, "plannedDate"], message: `${JSON.stringify(g.plannedDate)} is not a calendar date YYYY-MM-DD`, code: "custom" }]),
  ]);
  if (gateIssues.length > 0) throw new ValidationError(gateIssues, "rollout data");
  checkItemFields(data.items, ["items"], "readiness");
  checkPlanItems(data.items, data.plan);
  const overdue = overdueItems(data.items, options).items.filter((i) => i.blocking).length;
  // An open blocking item with no due day is neither late nor on time: it cannot be told (checked after the ids).
  const facts = decodeFacts(options.facts);
  const undated = data.items.filter((i) => i.blocking && i.dueDate === undefined && assessItem(i, { asOf: options.asOf, facts }).state === "open");
  // A gate without a planned day has come once every item of its scope is due; unscheduled items leave it undated.
  const undatedGates: UndatedGoNoGoGate[] = [];
  // Each datable go/no-go gate's day and how it was told (for the notes).
  const dayOf = new Map<string, { readonly day: IsoDate; readonly label: string }>();
  for (const g of data.gates) {
    if (g.type !== "go-no-go") continue;
    if (g.plannedDate !== undefined) {
      dayOf.set(g.id, { day: g.plannedDate, label: `planned ${g.plannedDate}` });
      continue;
    }
    const scope = itemsInGateScope(g, data.items);
    const unscheduled = scope.filter((i) => i.dueDate === undefined);
    if (scope.length > 0 && unscheduled.length === 0) {
      const last = scope.reduce((m, i) => (i.dueDate! > m ? i.dueDate! : m), scope[0]!.dueDate!);
      dayOf.set(g.id, { day: last, label: `no planned date; its items due by ${last}` });
    } else {
      const what = scope.length === 0 ? "no item in its scope" : `${unscheduled.length} item${unscheduled.length === 1 ? " of its scope has" : "s of its scope have"} no due day (${unscheduled.map((i) => i.code ?? i.id).join(", ")})`;
      undatedGates.push({ gateId: g.id, reason: "no-planned-date", note: `go/no-go gate ${g.id} has no planned date and ${what}: it cannot be told whether it has come` });
    }
  }
  const due = data.gates.filter((g) => { const d = dayOf.get(g.id); return d !== undefined && d.day <= options.asOf; });
  const open = new Set<string>();
  const unrated: UnratedGoNoGoGate[] = [];
  const blocked: BlockedGoNoGoGate[] = [];
  for (const g of due) {
    const e = evaluateGate(data, g.id, options);
    for (const b of e.blockers) open.add(b.id);
    // A gate held by a skipped blocking item counts it; one with nothing applicable and nothing holding it is unrated.
    if (e.readiness.percent.reason === "no-applicable-items" && e.blockers.length === 0) {
      unrated.push({
        gateId: g.id,
        reason: "no-applicable-items",
        note: `go/no-go gate ${g.id} (${dayOf.get(g.id)!.label}) has no applicable checklist item in its scope: nothing shows it is ready`,
      });
    }
    const b = blockedByDecision(e, dayOf.get(g.id)!.label);
    if (b) blocked.push(b);
  }
  const held = open.size + blocked.filter((b) => !b.causes.includes("blocking-items")).length;
  const rag = {
    // A known late item first; then why there is no count: nothing recorded, or open blocking items not scheduled.
    overdueBlockingItems:
      data.items.length === 0 ? missing("no-data", "no checklist item recorded")
      : overdue === 0 && undated.length > 0 ? missing("no-planned-date", `${undated.length} open blocking item(s) have no due day (${undated.map((i) => i.code ?? i.id).join(", ")}): whether they are on time cannot be told`)
      : metric(decimal(overdue)),
    // A known count first (a red is never hidden behind an unknown), then why there is none.
    openBlockingAtGoNoGo:
      held > 0 ? metric(decimal(held))
      : unrated.length > 0 ? missing("no-applicable-items", unrated.map((u) => u.note).join("; "))
      : undatedGates.length > 0 ? missing("no-planned-date", undatedGates.map((u) => u.note).join("; "))
      : due.length === 0 ? missing("no-data", `no go/no-go gate has come by ${options.asOf}`)
      : metric(decimal(0)),
  } satisfies ReadinessFigures["rag"];
  return {
    overdueBlockingItems: overdue,
    openBlockingAtGoNoGo: open.size,
    goNoGoGatesDue: due.map((g) => g.id),
    goNoGoGatesUnrated: unrated,
    goNoGoGatesUndated: undatedGates,
    goNoGoGatesBlocked: blocked,
    rag,
  };
}

/** A gate NO-GO by its decision (approvals missing, a veto), with the rule and its items' readiness; else undefined. */
function blockedByDecision(e: GateEvaluation, day: string): BlockedGoNoGoGate | undefined {
  const vetoed = e.noGoCauses.includes("vetoed");
  const short = e.noGoCauses.includes("approvals-missing");
  if (!vetoed && !short) return undefined;
  const r = e.readiness;
  const pct = r.percent.value === undefined ? "no applicable item" : `${r.percent.value.toDecimalPlaces(1).toFixed()}% ready`;
  const items = e.blockers.length === 0 ? `every blocking item closed (${pct})` : `${e.blockers.length} blocking item(s) open (${pct})`;
  const votes = [
    ...(vetoed ? e.reasons.filter((x) => x.startsWith("vetoed by")) : []),
    ...(short ? [`${e.approvals.approving} of ${e.approvals.required} required approvals given`] : []),
  ];
  return {
    gateId: e.gateId,
    causes: e.noGoCauses,
    readiness: r,
    rule: [...(vetoed ? [VETO_RULE] : []), ...(short ? [APPROVAL_RULE] : [])].join("; "),
    note: `go/no-go gate ${e.gateId} (${day}) is NO-GO with ${items}: ${votes.join("; ")}`,
  };
}
