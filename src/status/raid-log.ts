import { decimal, differenceInDays, metric, missing, sumMoney, type CurrencyCode, type Decimal, type IsoDate, type Metric, type Money, checkArguments, checkOptionKeys, compareCodePoints } from "../core/index.js";
import type { Action, ChangeRequest, Decision, Issue } from "../entities/index.js";
import { closedSince } from "../entities/closing-day.js";
import { closedThen, closingAfter, recordedOn } from "./as-of.js";
import { requireUniqueIds } from "./unique.js";

/** An issue's age as of a day. */
export interface IssueAge {
  /** Issue id. */
  readonly issueId: string;
  /** Severity. */
  readonly severity: Issue["severity"];
  /** True when open or in progress. */
  readonly open: boolean;
  /** Days from raising to `asOf` (open) or to resolution (resolved or closed). */
  readonly ageDays: number;
  /** True when open and past its due day. */
  readonly overdue: boolean;
  /** Days past the due day (0 when not overdue). */
  readonly daysOverdue: number;
}

/**
 * Issue ageing: each issue's age and whether it is overdue as of a day, plus the average age of the open ones.
 * Issues raised after `asOf` did not exist yet and are left out (listed in `notYetRaised`).
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or a record id is
 *   listed twice (path `[list, i, "id"]`).
 * @example
 * ```ts
 * const ageing = issueAgeing(issues, { asOf: isoDate("2026-11-20") });
 * ageing.overdue.map((i) => i.issueId);
 * ```
 */
export function issueAgeing(
  issues: readonly Issue[],
  options: { readonly asOf: IsoDate },
): {
  readonly issues: readonly IssueAge[];
  readonly overdue: readonly IssueAge[];
  readonly averageOpenAgeDays: Metric<Decimal>;
  readonly notYetRaised: readonly string[];
} {
  checkArguments("issueAgeing", { issues: [issues, "object[]"], options: [options, "object"] });
  checkOptionKeys("issueAgeing", options, { asOf: 1 } satisfies Record<keyof NonNullable<Parameters<typeof issueAgeing>[1]>, 1>);
  checkArguments("issueAgeing", { asOf: [options.asOf, "date"] });
  requireUniqueIds(issues, ["issues"], "issue ageing"); // twice would weigh twice in the average age
  const { asOf } = options;
  const known = issues.filter((i) => i.raisedOn <= asOf);
  const ages = known.map((i): IssueAge => {
    // An issue resolved after asOf was still open on asOf; one reopened since was resolved in its earlier resolution.
    const earlier = closedThen(i, asOf);
    const open = earlier === undefined && (i.resolvedOn === undefined || i.resolvedOn > asOf);
    const end = open ? asOf : (earlier?.resolvedOn ?? i.resolvedOn!);
    const overdue = open && i.dueDate !== undefined && i.dueDate < asOf;
    return {
      issueId: i.id,
      severity: i.severity,
      open,
      ageDays: differenceInDays(end, i.raisedOn),
      overdue,
      daysOverdue: overdue ? differenceInDays(asOf, i.dueDate!) : 0,
    };
  });
  const open = ages.filter((a) => a.open);
  return {
    issues: ages,
    overdue: ages.filter((a) => a.overdue),
    averageOpenAgeDays: open.length === 0 ? missing("no-data") : metric(decimal(open.reduce((s, a) => s + a.ageDays, 0)).div(open.length)),
    notYetRaised: issues.filter((i) => i.raisedOn > asOf).map((i) => i.id),
  };
}

/**
 * A record counted as open (or pending) on the day judged although the record cannot tell whether it already was
 * closed then: it is cancelled, withdrawn, superseded or (a risk) occurred without the day of that change, and the
 * day judged is before its `updatedAt` day. Also a change request without `withdrawnFrom` counted as approved between
 * its decision and its later withdrawal (such a record does not keep the outcome of the decision once withdrawn).
 */
export interface StatusUnknown {
  /** Record id. */
  readonly id: string;
  /** Why, in plain words ("withdrawn with no day recorded, known only from 2026-11-20: unknown on …, counted as pending"). */
  readonly why: string;
}

/** An action open past its due day as of a day. */
export interface OverdueAction {
  /** Action id. */
  readonly actionId: string;
  /** Who owns it. */
  readonly ownerId: string;
  /** Its due day. */
  readonly dueDate: IsoDate;
  /** Days from the due day to `asOf`. */
  readonly daysOverdue: number;
  /**
   * True when the action is cancelled without its day (`cancelledOn`, absent on records made before it existed) and
   * `asOf` is before the day of its last change: whether it was already cancelled then is unknown, so it is counted
   * as open.
   */
  readonly statusUnknown: boolean;
  /** Why it counts as open on `asOf`: "open", "in progress", "done only on …", "cancelled only on …" or the unknown. */
  readonly why: string;
}

/**
 * Actions open or in progress past their due day as of a day, most overdue first. Judged as of `asOf`: an action done
 * after `asOf` (`completedOn` later) or cancelled after it (`cancelledOn` later) was still open then, and an action
 * recorded after `asOf` (its `createdAt` day is later) is left out. A cancelled action without `cancelledOn` counts as
 * cancelled from the UTC day of its `updatedAt`; before that day it is counted as open with `statusUnknown: true` and
 * a `why` that says so.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or a record id is
 *   listed twice (path `[list, i, "id"]`).
 * @example
 * ```ts
 * overdueActions(actions, { asOf: isoDate("2026-11-20") }); // [{ actionId: "ACT-WMS-002", daysOverdue: 7, statusUnknown: false, why: "open", … }]
 * ```
 */
export function overdueActions(actions: readonly Action[], options: { readonly asOf: IsoDate }): OverdueAction[] {
  checkArguments("overdueActions", { actions: [actions, "object[]"], options: [options, "object"] });
  checkOptionKeys("overdueActions", options, { asOf: 1 } satisfies Record<keyof NonNullable<Parameters<typeof overdueActions>[1]>, 1>);
  checkArguments("overdueActions", { asOf: [options.asOf, "date"] });
  requireUniqueIds(actions, ["actions"], "overdue actions");
  const { asOf } = options;
  const judge = (a: Action, i: number): { readonly open: boolean; readonly statusUnknown: boolean; readonly why: string } => {
    // Done or cancelled then, reopened only after asOf.
    if (closedThen(a, asOf)) return { open: false, statusUnknown: false, why: "closed then" };
    // Before an earlier closing (reopened since): open then, whatever its status now.
    const later = closingAfter(a, asOf);
    if (later) return { open: true, statusUnknown: false, why: later.completedOn ? `done only on ${later.completedOn}, after ${asOf}` : `cancelled only on ${later.cancelledOn}, after ${asOf}` };
    if (a.status === "open" || a.status === "in-progress") return { open: true, statusUnknown: false, why: a.status === "open" ? "open" : "in progress" };
    if (a.status === "done") {
      const later = a.completedOn !== undefined && a.completedOn > asOf;
      return { open: later, statusUnknown: false, why: later ? `done only on ${a.completedOn}, after ${asOf}` : "done" };
    }
    const c = closedSince(a, { label: "cancelled", day: a.cancelledOn, countedAs: "open" }, asOf, ["actions", i], "overdue actions");
    return { open: !c.closed, statusUnknown: c.statusUnknown, why: c.why };
  };
  return actions
    .flatMap((a, i) => {
      if (recordedOn(a, ["actions", i], "overdue actions") > asOf || a.dueDate >= asOf) return [];
      const j = judge(a, i);
      return j.open ? [{ actionId: a.id, ownerId: a.ownerId, dueDate: a.dueDate, daysOverdue: differenceInDays(asOf, a.dueDate), statusUnknown: j.statusUnknown, why: j.why }] : [];
    })
    .sort((x, y) => y.daysOverdue - x.daysOverdue || compareCodePoints(x.actionId, y.actionId));
}

/**
 * A decision pending as of a day: the decision itself (its fields unchanged), with why it counts, as an
 * {@link OverdueAction} row says why an action counts as open.
 */
export type PendingDecision = Decision & {
  /**
   * True when the decision is superseded without its day (`supersededOn`, absent on records made before it existed)
   * and the day judged is before the day of its last change: whether it was already superseded then is unknown, so it
   * is counted as pending.
   */
  readonly statusUnknown: boolean;
  /** Why it counts as pending: "proposed", "decided only on …, after …", "superseded only on …, after …" or the unknown. */
  readonly why: string;
};

/**
 * What {@link pendingDecisions} returns: its rows, oldest record first.
 */
export type PendingDecisions = PendingDecision[] & {
  /**
   * The rows whose `statusUnknown` is true, as `{ id, why }`.
   *
   * @deprecated Read each row's `statusUnknown` and `why` (the shape of {@link overdueActions}' rows): this property
   * lives on the array only, so a copy made with `map`, `filter` or a spread loses it. Kept for existing callers.
   */
  readonly statusUnknown: readonly StatusUnknown[];
};

/**
 * Decisions still waiting to be taken (status `proposed`), oldest record first (then by id), each row with
 * `statusUnknown` and a `why`, as {@link overdueActions}' rows. With `asOf`, judged as of that day: a decision taken
 * after `asOf` (`decidedOn` later) or superseded while still proposed after it (`supersededOn` later) was still
 * pending then, and one recorded after `asOf` (its `createdAt` day is later) is left out; one decided or superseded on
 * `asOf` itself is no longer pending (a day is judged at its end). A decision superseded while proposed (no
 * `decidedOn`) without `supersededOn` counts as superseded from the UTC day of its `updatedAt`; before that day it is
 * counted as pending with `statusUnknown: true` and a `why` that says so.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or a record id is
 *   listed twice (path `[list, i, "id"]`).
 * @example
 * ```ts
 * pendingDecisions(decisions).map((d) => d.id); // ["DEC-DCX-001"]
 * pendingDecisions(decisions, { asOf: isoDate("2026-03-10") }).map((d) => d.id); // also those decided after 03-10
 * pendingDecisions(decisions, { asOf: isoDate("2026-03-10") }).filter((d) => d.statusUnknown); // counted pending, unsure
 * ```
 */
export function pendingDecisions(decisions: readonly Decision[], options: { readonly asOf?: IsoDate } = {}): PendingDecisions {
  checkArguments("pendingDecisions", { decisions: [decisions, "object[]"], options: [options, "object"] });
  checkOptionKeys("pendingDecisions", options, { asOf: 1 } satisfies Record<keyof NonNullable<Parameters<typeof pendingDecisions>[1]>, 1>);
  checkArguments("pendingDecisions", { asOf: [options.asOf, "date?"] });
  requireUniqueIds(decisions, ["decisions"], "pending decisions");
  const { asOf } = options;
  const judged = new Map<Decision, { readonly statusUnknown: boolean; readonly why: string }>();
  const pending = (d: Decision, i: number): boolean => {
    const is = (why: string, statusUnknown = false) => (judged.set(d, { statusUnknown, why }), true);
    if (asOf === undefined) return d.status === "proposed" && is("proposed");
    if (recordedOn(d, ["decisions", i], "pending decisions") > asOf) return false;
    // Taken (or superseded) then, re-proposed only after asOf.
    if (closedThen(d, asOf)) return false;
    // Before an earlier decision or supersession (re-proposed since): proposed then, whatever its status now.
    const later = closingAfter(d, asOf);
    if (later) return is(later.decidedOn ? `decided only on ${later.decidedOn}, after ${asOf}` : `superseded only on ${later.supersededOn}, after ${asOf}`);
    if (d.status === "proposed") return is("proposed");
    // Taken (approved or rejected, perhaps superseded since): pending exactly before its decidedOn.
    if (d.decidedOn !== undefined) return d.decidedOn > asOf && is(`decided only on ${d.decidedOn}, after ${asOf}`);
    if (d.status !== "superseded") return false;
    const c = closedSince(d, { label: "superseded", day: d.supersededOn, countedAs: "pending" }, asOf, ["decisions", i], "pending decisions");
    return !c.closed && is(c.why, c.statusUnknown);
  };
  // Ties on createdAt go by id, so the result does not depend on the input order.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const rows = decisions
    .filter(pending)
    .sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id))
    .map((d): PendingDecision => ({ ...d, ...judged.get(d)! }));
  return Object.assign(rows, { statusUnknown: rows.filter((r) => r.statusUnknown).map((r) => ({ id: r.id, why: r.why })) });
}

/** Cost and schedule impact of a group of change requests. */
export interface ChangeImpact {
  /** Change requests counted. */
  readonly changeRequestIds: readonly string[];
  /** Σ cost impact. */
  readonly cost: Money;
  /** Σ schedule impact in days. */
  readonly scheduleDays: number;
  /**
   * Those of them counted here only because the record cannot tell their status on `asOf` (empty without `asOf`):
   * withdrawn without `withdrawnOn` and judged before their `updatedAt` day; in `approved`, also those withdrawn after a
   * decision without `withdrawnFrom` and judged between the decision and the withdrawal (the outcome is not recorded).
   */
  readonly statusUnknown: readonly StatusUnknown[];
}

/**
 * The budget and schedule impact of change requests: approved (approved or implemented — already in, or due in, the
 * baseline), pending (submitted, awaiting a decision) and rejected, each summed apart. Drafts and withdrawn requests
 * are ignored. With `asOf`, judged as of that day: a request made after `asOf` is left out, one decided after `asOf`
 * (`decidedOn` later) was still pending then, and one withdrawn after it (`withdrawnOn` later) counts with the status
 * it was withdrawn from (`withdrawnFrom`; a decided one as pending before its `decidedOn`, a draft in no group). A
 * record without `withdrawnFrom` (made before it existed) is counted as pending rather than hidden — unless it had been
 * decided by `asOf`: then as approved (a rejected request is final, so a decided one is taken as withdrawn from
 * approved), listed with a `why` in `approved.statusUnknown`. A withdrawn request without `withdrawnOn` counts as
 * withdrawn from the UTC day of its `updatedAt`; before that day it is counted as above and listed, with a `why`, in
 * that group's `statusUnknown`. A day is judged at its end: a request decided or withdrawn on `asOf` is decided or
 * withdrawn on it.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or a record id is
 *   listed twice (path `[list, i, "id"]`).
 * @throws {CurrencyMismatchError} when a cost impact is not in `currency`.
 * @example
 * ```ts
 * changeRequestImpact(crs, { currency: "EUR" }).approved.cost; // 84,000.00 EUR for CR-CRM-001
 * changeRequestImpact(crs, { currency: "EUR", asOf: isoDate("2026-09-01") }).pending.changeRequestIds;
 * ```
 */
export function changeRequestImpact(
  changeRequests: readonly ChangeRequest[],
  options: { readonly currency: CurrencyCode; readonly asOf?: IsoDate },
): { readonly approved: ChangeImpact; readonly pending: ChangeImpact; readonly rejected: ChangeImpact } {
  checkArguments("changeRequestImpact", { changeRequests: [changeRequests, "object[]"], options: [options, "object"] });
  checkOptionKeys("changeRequestImpact", options, { currency: 1, asOf: 1 } satisfies Record<keyof NonNullable<Parameters<typeof changeRequestImpact>[1]>, 1>);
  checkArguments("changeRequestImpact", { asOf: [options.asOf, "date?"] });
  requireUniqueIds(changeRequests, ["changeRequests"], "change request impact"); // twice would sum its cost twice
  const { asOf } = options;
  const unknown = new Map<string, string>();
  // A decided status counts from its decidedOn; before it the request was awaiting the decision.
  const statusOf = (c: ChangeRequest): ChangeRequest["status"] => {
    const decided = c.status === "approved" || c.status === "rejected" || c.status === "implemented";
    return decided && c.decidedOn !== undefined && c.decidedOn > asOf! ? "submitted" : c.status;
  };
  const statusOn = (c: ChangeRequest, i: number): ChangeRequest["status"] | undefined => {
    if (asOf === undefined) return c.status;
    if (c.requestedOn > asOf) return undefined;
    // Decided or withdrawn then, reopened only after asOf: judged by the status and days it had then. Before such a
    // closing (its days all after asOf) it was awaiting that decision or withdrawal, whatever its status now (back to
    // draft since): judged as that closing's record, pending on asOf.
    const earlier = closedThen(c, asOf) ?? closingAfter(c, asOf);
    // The entry's withdrawnFrom, not the record's (that belongs to its current withdrawal).
    if (earlier) c = { ...c, withdrawnFrom: undefined, ...earlier };
    if (c.status === "withdrawn") {
      const from = c.withdrawnFrom;
      const w = closedSince(c, { label: "withdrawn", day: c.withdrawnOn, countedAs: "pending" }, asOf, ["changeRequests", i], "change request impact");
      if (w.closed) return "withdrawn";
      const since = w.statusUnknown ? `withdrawn with no day recorded, known only from ${c.updatedAt.slice(0, 10)}` : "";
      // Withdrawn after asOf from the status it keeps: judged as that status (a decided one pending before its decidedOn).
      if (from !== undefined) {
        c = { ...c, status: from };
        const st = statusOf(c);
        if (since) unknown.set(c.id, `${since}: unknown on ${asOf}, counted as ${st === "implemented" ? "approved" : st === "submitted" ? "pending" : st}`);
        return st;
      }
      // A record from before withdrawnFrom existed. Decided before it was withdrawn: no longer awaiting a decision on
      // asOf. A rejected request is final (nothing is left to pull back), so a decided request is taken as withdrawn
      // from approved; the record keeps no outcome, hence the flag.
      if (c.decidedOn !== undefined && c.decidedOn <= asOf) {
        unknown.set(c.id, `${since || `withdrawn only on ${c.withdrawnOn}, after ${asOf}`}; decided on ${c.decidedOn}, its outcome not recorded once withdrawn: counted as approved`);
        return "approved";
      }
      if (w.statusUnknown) unknown.set(c.id, w.why);
      return "submitted";
    }
    return statusOf(c);
  };
  const statuses = changeRequests.map(statusOn);
  const group = (wanted: readonly ChangeRequest["status"][]): ChangeImpact => {
    const crs = changeRequests.filter((_, i) => {
      const st = statuses[i];
      return st !== undefined && wanted.includes(st);
    });
    return {
      changeRequestIds: crs.map((c) => c.id),
      cost: sumMoney(crs.map((c) => c.costImpact), options.currency),
      scheduleDays: crs.reduce((s, c) => s + c.scheduleImpactDays, 0),
      statusUnknown: crs.filter((c) => unknown.has(c.id)).map((c) => ({ id: c.id, why: unknown.get(c.id)! })),
    };
  };
  return { approved: group(["approved", "implemented"]), pending: group(["submitted"]), rejected: group(["rejected"]) };
}
