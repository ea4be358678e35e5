import { decimal, differenceInDays, metric, missing, sumMoney, type CurrencyCode, type Decimal, type IsoDate, type Metric, type Money, checkArguments, compareCodePoints } from "../core/index.js";
import type { Action, ChangeRequest, Decision, Issue } from "../entities/index.js";
import { recordedOn } from "./as-of.js";
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
  checkArguments("issueAgeing", { asOf: [options.asOf, "date"] });
  requireUniqueIds(issues, ["issues"], "issue ageing"); // twice would weigh twice in the average age
  const { asOf } = options;
  const known = issues.filter((i) => i.raisedOn <= asOf);
  const ages = known.map((i): IssueAge => {
    // An issue resolved after asOf was still open on asOf.
    const open = i.resolvedOn === undefined || i.resolvedOn > asOf;
    const end = open ? asOf : i.resolvedOn!;
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
 * Actions open or in progress past their due day as of a day, most overdue first. Judged as of `asOf`: an action done
 * after `asOf` was still open then, and an action recorded after `asOf` (its `createdAt` day is later) is left out.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or a record id is
 *   listed twice (path `[list, i, "id"]`).
 * @example
 * ```ts
 * overdueActions(actions, { asOf: isoDate("2026-11-20") }); // [{ actionId: "ACT-WMS-002", daysOverdue: 7, … }]
 * ```
 */
export function overdueActions(
  actions: readonly Action[],
  options: { readonly asOf: IsoDate },
): { readonly actionId: string; readonly ownerId: string; readonly dueDate: IsoDate; readonly daysOverdue: number }[] {
  checkArguments("overdueActions", { actions: [actions, "object[]"], options: [options, "object"] });
  checkArguments("overdueActions", { asOf: [options.asOf, "date"] });
  requireUniqueIds(actions, ["actions"], "overdue actions");
  const { asOf } = options;
  const openOn = (a: Action) =>
    a.status === "open" || a.status === "in-progress" || (a.status === "done" && a.completedOn !== undefined && a.completedOn > asOf);
  return actions
    .filter((a, i) => recordedOn(a, ["actions", i], "overdue actions") <= asOf && openOn(a) && a.dueDate < asOf)
    .map((a) => ({ actionId: a.id, ownerId: a.ownerId, dueDate: a.dueDate, daysOverdue: differenceInDays(options.asOf, a.dueDate) }))
    .sort((x, y) => y.daysOverdue - x.daysOverdue || compareCodePoints(x.actionId, y.actionId));
}

/**
 * Decisions still waiting to be taken (status `proposed`), oldest record first (then by id). With `asOf`, judged as of that day:
 * a decision taken after `asOf` (`decidedOn` later) was still pending then, and one recorded after `asOf` (its
 * `createdAt` day is later) is left out.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`), or a record id is
 *   listed twice (path `[list, i, "id"]`).
 * @example
 * ```ts
 * pendingDecisions(decisions).map((d) => d.id); // ["DEC-DCX-001"]
 * pendingDecisions(decisions, { asOf: isoDate("2026-03-10") }).map((d) => d.id); // also those decided after 03-10
 * ```
 */
export function pendingDecisions(decisions: readonly Decision[], options: { readonly asOf?: IsoDate } = {}): Decision[] {
  checkArguments("pendingDecisions", { decisions: [decisions, "object[]"], options: [options, "object"] });
  checkArguments("pendingDecisions", { asOf: [options.asOf, "date?"] });
  requireUniqueIds(decisions, ["decisions"], "pending decisions");
  const { asOf } = options;
  const pending = (d: Decision, i: number) =>
    asOf === undefined
      ? d.status === "proposed"
      : recordedOn(d, ["decisions", i], "pending decisions") <= asOf && (d.status === "proposed" || (d.decidedOn !== undefined && d.decidedOn > asOf));
  // Ties on createdAt go by id, so the result does not depend on the input order.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return decisions.filter(pending).sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id));
}

/** Cost and schedule impact of a group of change requests. */
export interface ChangeImpact {
  /** Change requests counted. */
  readonly changeRequestIds: readonly string[];
  /** Σ cost impact. */
  readonly cost: Money;
  /** Σ schedule impact in days. */
  readonly scheduleDays: number;
}

/**
 * The budget and schedule impact of change requests: approved (approved or implemented — already in, or due in, the
 * baseline), pending (submitted, awaiting a decision) and rejected, each summed apart. Drafts and withdrawn requests
 * are ignored. With `asOf`, judged as of that day: a request made after `asOf` is left out, and one decided after
 * `asOf` (`decidedOn` later) was still pending then.
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
  checkArguments("changeRequestImpact", { asOf: [options.asOf, "date?"] });
  requireUniqueIds(changeRequests, ["changeRequests"], "change request impact"); // twice would sum its cost twice
  const { asOf } = options;
  const statusOn = (c: ChangeRequest): ChangeRequest["status"] | undefined => {
    if (asOf === undefined) return c.status;
    if (c.requestedOn > asOf) return undefined;
    const decided = c.status === "approved" || c.status === "rejected" || c.status === "implemented";
    return decided && c.decidedOn !== undefined && c.decidedOn > asOf ? "submitted" : c.status;
  };
  const group = (statuses: readonly ChangeRequest["status"][]): ChangeImpact => {
    const crs = changeRequests.filter((c) => {
      const st = statusOn(c);
      return st !== undefined && statuses.includes(st);
    });
    return {
      changeRequestIds: crs.map((c) => c.id),
      cost: sumMoney(crs.map((c) => c.costImpact), options.currency),
      scheduleDays: crs.reduce((s, c) => s + c.scheduleImpactDays, 0),
    };
  };
  return { approved: group(["approved", "implemented"]), pending: group(["submitted"]), rejected: group(["rejected"]) };
}
