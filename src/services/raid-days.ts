import { decimal } from "../core/decimal.js";
import type { ValidationIssue } from "../core/errors.js";
import { latestLocalDay, utcInstantAt } from "../entities/closing-day.js";
import type { EntityKind } from "../entities/registry.js";

/**
 * The RAID statuses that carry the day they took effect, by kind, the field holding it and the statuses that keep it
 * (a risk closed after occurring keeps its `occurredOn`).
 */
const CLOSING_DAYS: Partial<Record<EntityKind, readonly [status: string, field: string, keptIn: readonly string[], also?: readonly string[]]>> = {
  action: ["cancelled", "cancelledOn", ["cancelled"]],
  // A request that is no longer withdrawn was not withdrawn from anything either (its closing entry keeps it).
  "change-request": ["withdrawn", "withdrawnOn", ["withdrawn"], ["withdrawnFrom"]],
  // A decision that is no longer superseded has no successor either (its closing entry keeps it).
  decision: ["superseded", "supersededOn", ["superseded"], ["supersededBy"]],
  risk: ["occurred", "occurredOn", ["occurred", "closed"]],
};

/**
 * @internal Keeps the closing day of a changed action, change request, decision or risk (wire form, edited in place)
 * with its status, the rule the checklist-item update follows for `skippedOn`: a record that becomes cancelled,
 * withdrawn, superseded or occurred without its day given takes the UTC day of `at`, or its `decidedOn`, `raisedOn` or
 * `requestedOn` when that is later, or the reopening of the closing {@link keepReopening} just ended when that is later (so the as-of views know
 * when it stopped being open); one that stays so keeps its day (a risk closed after occurring keeps its `occurredOn`); one
 * that leaves the status loses it, unless `given` names it (the schema then refuses it); a decision that leaves
 * superseded loses its `supersededBy` alike, and a change request that leaves withdrawn its `withdrawnFrom` (the
 * closing {@link keepReopening} writes keeps them). A change request made withdrawn takes the status it had as its
 * `withdrawnFrom` unless `given` names one. Other kinds are left alone.
 *
 * @example
 * ```ts
 * const next = { status: "cancelled" };
 * keepClosingDay("action", next, { status: "open" }, {}, "2026-11-20T09:00:00.000Z"); // next.cancelledOn === "2026-11-20"
 * ```
 */
export function keepClosingDay(kind: EntityKind, next: Record<string, unknown>, before: { readonly status?: unknown }, given: Readonly<Record<string, unknown>>, at: string): void {
  // Own entries only: a kind such as "constructor" must not reach Object.prototype.
  const rule = Object.hasOwn(CLOSING_DAYS, kind) ? CLOSING_DAYS[kind] : undefined;
  if (rule === undefined) return;
  const [status, field, keptIn, also = []] = rule;
  if (!keptIn.includes(next["status"] as string)) {
    for (const f of [field, ...also]) if (given[f] === undefined) delete next[f];
  } else if (next["status"] === status && before.status !== status && next[field] === undefined) {
    // Never before the decision it follows, the reopening of an earlier closing, nor the day it was raised or
    // requested: at 20:00Z any may carry the next day (see latestLocalDay).
    const closings = next["closings"];
    const last = Array.isArray(closings) ? (closings.at(-1) as { reopenedOn?: unknown } | undefined)?.reopenedOn : undefined;
    next[field] = [next["decidedOn"], last, next["raisedOn"], next["requestedOn"]].reduce<string>((d, x) => (typeof x === "string" && x > d ? x : d), at.slice(0, 10));
  }
  // A change request withdrawn now keeps the status it is withdrawn from, which as-of views count before the withdrawal.
  if (kind === "change-request" && next["status"] === status && before.status !== status && given["withdrawnFrom"] === undefined && typeof before.status === "string") next["withdrawnFrom"] = before.status;
}

/**
 * @internal A RAID record in a closing status without its day (records made before `cancelledOn`, `withdrawnOn`,
 * `supersededOn`, `occurredOn` existed), with the day its data proves (a copy; others are returned as they are): the
 * as-of views count it closed from the UTC day of its `updatedAt`, so any change — which moves `updatedAt` — would
 * move that day with it (an action cancelled by 11-20 and edited on 12-01 became open as of 11-25), and a risk closed
 * after occurring, or reopened, would lose its occurrence. That UTC day is written before the change, never before the
 * days the record holds that must precede it (raised, requested, decided, recorded, an earlier reopening).
 *
 * @example
 * ```ts
 * withProvedClosingDay("action", { status: "cancelled", createdAt: "2026-05-01T09:00:00.000Z", updatedAt: "2026-11-20T17:30:00.000Z" });
 * // { …, cancelledOn: "2026-11-20" }
 * ```
 */
export function withProvedClosingDay<T extends Readonly<Record<string, unknown>>>(kind: EntityKind, record: T): T {
  const rule = Object.hasOwn(CLOSING_DAYS, kind) ? CLOSING_DAYS[kind] : undefined;
  if (rule === undefined || record["status"] !== rule[0] || record[rule[1]] !== undefined || typeof record["updatedAt"] !== "string") return record;
  const closings = record["closings"];
  const last = Array.isArray(closings) ? (closings.at(-1) as { reopenedOn?: unknown } | undefined)?.reopenedOn : undefined;
  const created = typeof record["createdAt"] === "string" ? record["createdAt"].slice(0, 10) : undefined;
  const floor = [created, record["raisedOn"], record["requestedOn"], record["decidedOn"], last];
  const day = floor.reduce<string>((d, x) => (typeof x === "string" && x > d ? x : d), utcInstantAt(record["updatedAt"], ["updatedAt"], kind).slice(0, 10));
  return { ...record, [rule[1]]: day };
}

/**
 * The RAID kinds a change can reopen: their closed statuses, the days those carry (kept in `closings`), and the moves
 * between closed statuses that end a closing too (the status they leave cannot keep its day: a risk closed and then
 * occurred, an action done and then cancelled or the reverse). A change request's closing keeps its status too (its
 * outcome, which as-of views count).
 */
const REOPENABLE: Partial<Record<EntityKind, readonly [closed: readonly string[], days: readonly string[], moves?: readonly string[]]>> = {
  action: [["done", "cancelled"], ["completedOn", "cancelledOn"], ["done>cancelled", "cancelled>done"]],
  // A new decision (the outcome changed, or taken after a withdrawal) ends the earlier one: it needs its own day.
  "change-request": [
    ["approved", "rejected", "implemented", "withdrawn"],
    ["decidedOn", "withdrawnOn"],
    ["approved>rejected", "rejected>approved", "implemented>rejected", "rejected>implemented", "withdrawn>approved", "withdrawn>rejected", "withdrawn>implemented"],
  ],
  // A superseded decision approved or rejected again is decided anew: its supersession (and earlier decision) ends.
  decision: [["approved", "rejected", "superseded"], ["decidedOn", "supersededOn"], ["approved>rejected", "rejected>approved", "superseded>approved", "superseded>rejected"]],
  issue: [["resolved", "closed"], ["resolvedOn"]],
  risk: [["closed", "occurred"], ["occurredOn", "closedOn"], ["closed>occurred"]],
};

/** What a decision or a change request carries about the decision taken on it, besides its day. */
const DECIDED_BY = ["decidedBy", "outcome", "rationale", "decisionReason"];

/**
 * @internal Keeps the earlier closing of a reopened risk, issue, action, decision or change request (wire form, edited
 * in place): a record that leaves its closed statuses (a risk closed or occurred, an issue resolved or closed, an
 * action done or cancelled, a decision taken or superseded, a change request decided or withdrawn) for an open one —
 * or moves between closed statuses where the one it leaves cannot keep its day (a risk closed then occurred, an action
 * done then cancelled or the reverse, a decision or change request decided anew: approved then rejected or the reverse,
 * a decision superseded then approved or rejected, a change request withdrawn then decided) — moves its closing days (and a change request's status) to a new entry of
 * `closings`, so views as of a day in that period still count it closed. It is reopened on the closing day the change
 * gives (a risk occurred on `occurredOn`), else on the UTC day of `at`, never before the days it keeps. The days leave
 * the record unless `given` names them (the schema then judges them against the reopening); a decision or change
 * request whose closing is kept also drops who decided and the outcome and reasons of that decision
 * (`decidedBy`, `outcome`, `rationale`, `decisionReason`) unless `given` names them; an entry with a `decidedOn`
 * keeps the `decidedBy`, `outcome`, `rationale` and `decisionReason` the record had, a superseded decision's entry
 * its `supersededBy`, and a withdrawn change request's entry its `withdrawnFrom`. `closings` given in the
 * change is taken as is. A closing without any day (records made before the day was kept) adds nothing. Other kinds
 * are left alone.
 *
 * @example
 * ```ts
 * const next = { status: "open", closedOn: "2026-10-02" };
 * keepReopening("risk", next, { status: "closed", closedOn: "2026-10-02" }, { status: "open" }, "2026-11-20T09:00:00.000Z");
 * // next: { status: "open", closings: [{ closedOn: "2026-10-02", reopenedOn: "2026-11-20" }] }
 * ```
 */
export function keepReopening(kind: EntityKind, next: Record<string, unknown>, before: Readonly<Record<string, unknown>>, given: Readonly<Record<string, unknown>>, at: string): void {
  const rule = Object.hasOwn(REOPENABLE, kind) ? REOPENABLE[kind] : undefined;
  if (rule === undefined || given["closings"] !== undefined) return;
  const [closed, fields, moves = []] = rule;
  const from = before["status"] as string;
  const to = next["status"] as string;
  if (!closed.includes(from) || (closed.includes(to) && !moves.includes(`${from}>${to}`))) return;
  const entry: Record<string, string> = kind === "change-request" ? { status: from } : {};
  // The new closing day the change gives ends the earlier closing (a risk closed, then occurred on that day).
  const day = fields.map((f) => given[f]).find((x) => typeof x === "string");
  let reopenedOn = typeof day === "string" ? day : at.slice(0, 10);
  for (const f of fields) {
    const day = before[f];
    if (typeof day !== "string") continue;
    entry[f] = day;
    // A day up to the latest local day may be later than the UTC day (see futureRaidDays).
    if (day > reopenedOn) reopenedOn = day;
    if (given[f] === undefined) delete next[f];
  }
  if (!fields.some((f) => f in entry)) return;
  // Who took the decision it ends, its outcome (a change request's is its status) and why, stay with its day; the
  // decision that superseded it stays with the closing.
  if (entry["decidedOn"]) for (const f of DECIDED_BY) if (typeof before[f] === "string") entry[f] = before[f] as string;
  for (const f of ["supersededBy", "withdrawnFrom"]) if (typeof before[f] === "string") entry[f] = before[f] as string;
  const earlier = Array.isArray(before["closings"]) ? (before["closings"] as unknown[]) : [];
  next["closings"] = [...earlier, { ...entry, reopenedOn }];
  // A decision re-proposed or taken anew, or a change request re-submitted or decided anew, awaits (or has) a new
  // decision: who took the last one, and its outcome and reasons, leave the record (the audit trail keeps them), so the
  // next decision cannot inherit them.
  if (kind === "decision" || kind === "change-request") for (const f of DECIDED_BY) if (given[f] === undefined) delete next[f];
}

/** The RAID days that say when something happened (closed, decided, done), by kind: never later than the change recording them. */
const HAPPENED_DAYS: Partial<Record<EntityKind, readonly string[]>> = {
  action: ["completedOn", "cancelledOn"],
  "change-request": ["decidedOn", "withdrawnOn"],
  decision: ["decidedOn", "supersededOn"],
  risk: ["occurredOn", "closedOn"],
  issue: ["resolvedOn"],
};

/**
 * @internal What a RAID change stamped `at` (the service clock's instant) may not record: a closing, decision or
 * completion day in `changes` that no place has reached at `at` — later than {@link latestLocalDay}, the bound
 * checklist items follow. As-of views would count the record open until a day that has not come. The days of a
 * `closings` array the change gives (risks, issues, actions, decisions, change requests) are judged alike, at `["closings", i, field]`. Only the days the
 * change gives are judged: a day already stored is not re-judged by an unrelated edit.
 *
 * @example
 * ```ts
 * futureRaidDays("action", { status: "cancelled", cancelledOn: "2026-11-21" }, "2026-11-20T09:00:00.000Z");
 * // [{ path: ["cancelledOn"], message: "cancelledOn 2026-11-21 is after the change recording it (…)", code: "custom" }]
 * ```
 */
export function futureRaidDays(kind: EntityKind, changes: Readonly<Record<string, unknown>>, at: string): ValidationIssue[] {
  // Anything but a kind name and an object of changes is refused later, by the operation's own checks (an object
  // as the kind threw a TypeError here, in Object.hasOwn).
  if (typeof kind !== "string" || typeof changes !== "object" || changes === null) return [];
  const today = latestLocalDay(at);
  const fields = (Object.hasOwn(HAPPENED_DAYS, kind) ? HAPPENED_DAYS[kind] : undefined) ?? [];
  const judge = (record: Readonly<Record<string, unknown>>, names: readonly string[], path: readonly (string | number)[]): ValidationIssue[] =>
    names.flatMap((field) => {
      const day = Object.hasOwn(record, field) ? record[field] : undefined;
      return typeof day === "string" && day > today
        ? [{ path: [...path, field], message: `${field} ${day} is after the change recording it (${at}), a day no time zone has reached yet`, code: "custom" as const }]
        : [];
    });
  // The earlier closings of a reopenable kind, when the change gives them: their days and reopenings alike.
  const closings = Object.hasOwn(REOPENABLE, kind) && Array.isArray(changes["closings"]) ? (changes["closings"] as unknown[]) : [];
  return [
    ...judge(changes, fields, []),
    ...closings.flatMap((c, i) => (typeof c === "object" && c !== null ? judge(c as Record<string, unknown>, [...REOPENABLE[kind]![1], "reopenedOn"], ["closings", i]) : [])),
  ];
}

// Two wire values of one assessment field (a probability "0.60", an amount) that mean the same number.
function sameValue(x: unknown, y: unknown): boolean {
  try {
    return decimal(String(x)).eq(decimal(String(y)));
  } catch {
    // Not a number (refused by the schema later): the same only when identical.
    return x === y;
  }
}

/**
 * @internal Keeps the assessment a changed risk replaces (wire form, edited in place): a risk that keeps its assessment
 * history (`assessments` present) whose `probability`, `impact` or `costImpact` the change alters gets a new entry with
 * the values it had, replaced on the UTC day of `at` (never before `raisedOn` or the previous reassessment), so views as
 * of an earlier day read the assessment in force then. `assessments` given in the change is taken as is; a risk
 * without the history (records made before it existed) is left alone, as are other kinds.
 *
 * @example
 * ```ts
 * const next = { probability: "0.6", impact: 4, raisedOn: "2026-11-02", assessments: [] };
 * keepAssessment("risk", next, { probability: "0.2", impact: 4, assessments: [] }, { probability: "0.6" }, "2026-11-20T09:00:00.000Z");
 * // next.assessments: [{ probability: "0.2", impact: 4, reassessedOn: "2026-11-20" }]
 * ```
 */
export function keepAssessment(kind: EntityKind, next: Record<string, unknown>, before: Readonly<Record<string, unknown>>, given: Readonly<Record<string, unknown>>, at: string): void {
  const earlier = before["assessments"];
  if (kind !== "risk" || !Array.isArray(earlier) || given["assessments"] !== undefined) return;
  const money = (m: unknown) => (typeof m === "object" && m !== null ? (m as { amount?: unknown; currency?: unknown }) : undefined);
  const [was, now] = [money(before["costImpact"]), money(next["costImpact"])];
  const costChanged = !was !== !now || (was !== undefined && now !== undefined && (was.currency !== now.currency || !sameValue(was.amount, now.amount)));
  if (sameValue(before["probability"], next["probability"]) && before["impact"] === next["impact"] && !costChanged) return;
  const last = (earlier.at(-1) as { reassessedOn?: unknown } | undefined)?.reassessedOn;
  const reassessedOn = [before["raisedOn"], last].reduce<string>((d, x) => (typeof x === "string" && x > d ? x : d), at.slice(0, 10));
  const entry = { probability: before["probability"], impact: before["impact"], ...(was !== undefined && { costImpact: before["costImpact"] }) };
  next["assessments"] = [...earlier, { ...entry, reassessedOn }];
}
