import { checkArguments, checkOptionKeys, decimal, isInstantInput, metric, missing, ValidationError, type Decimal, type Instant, type IsoDate, type Metric, type ValidationIssue } from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";
import { checkPeriod, type KpiPeriod } from "./period.js";
import { isTimeZone, offsetAt } from "./time-zone.js";

/** An incident as the response-time KPIs read it (times are UTC instants). */
export interface IncidentTimes {
  /** Incident id. */
  readonly id: string;
  /** When it was opened (reported). */
  readonly openedAt: Instant;
  /** When someone first acknowledged it, if yet. */
  readonly acknowledgedAt?: Instant;
  /** When service was restored and the incident resolved, if yet. */
  readonly resolvedAt?: Instant;
}

/** Mean times of incidents, each with the incidents it is the mean over. */
export interface IncidentResponseTimes {
  /** Mean time to acknowledge: mean of (acknowledged − opened), minutes, over `acknowledged`. */
  readonly mttaMinutes: Metric<Decimal>;
  /** Mean time to resolve: mean of (resolved − opened), minutes, over `resolved`. */
  readonly mttrMinutes: Metric<Decimal>;
  /** Incidents the MTTA is the mean over. */
  readonly acknowledged: readonly string[];
  /** Incidents the MTTR is the mean over. */
  readonly resolved: readonly string[];
  /**
   * Incidents of the period not resolved by `asOf`: left out of the MTTR — a long-open incident would pull it up once
   * resolved. With `basis: "resolved"` the open backlog (opened in the period, or before it and still open); with
   * `"opened"` the cohort's own (opened in the period), as `unacknowledged` is.
   */
  readonly unresolved: readonly string[];
  /**
   * Incidents of the period not acknowledged by `asOf` (opened in it; with `basis: "resolved"` also those opened
   * before it and still open, or resolved in it): they have no time to acknowledge and are outside the MTTA.
   */
  readonly unacknowledged: readonly string[];
}

/**
 * Mean time to acknowledge (MTTA) and to resolve (MTTR) of incidents, in minutes, exact. What the mean is over is
 * the `basis`: `"resolved"` (default, as service desks report it) — the MTTR over incidents *resolved* in the period
 * and the MTTA over incidents *acknowledged* in it; `"opened"` — both over incidents *opened* in the period that were
 * acknowledged / resolved by `asOf` (a cohort view: recent periods look faster until their slow incidents close).
 * The period filter reads the day of the instant in `timeZone` (default UTC): pass the service's zone so that a month
 * holds the incidents of the month `serviceAvailability` measures over `periodInstants(month, { timeZone })`. What happened after `asOf` has not happened: an incident
 * resolved later is unresolved, one opened later is left out. Incidents not resolved by `asOf` are listed in
 * `unresolved`, never counted as 0 minutes; incidents never acknowledged are listed in `unacknowledged`. With
 * nothing to average the figure is missing with `no-incidents` and a detail saying how many are still open (MTTR) or
 * not acknowledged (MTTA). For the outage-based MTRS (downtime ÷ failures) see `serviceAvailability`.
 *
 * @throws {ValidationError} for a bad period, an `asOf` or incident time that is not a UTC instant, an incident
 *   acknowledged or resolved before it was opened, `basis` not "resolved" or "opened", an unknown `timeZone`, or an id
 *   given twice or not a string — each at its path (`[2, "resolvedAt"]`).
 * @example
 * ```ts
 * const t = incidentResponseTimes(incidents, { asOf: instant("2026-11-30T23:59:59Z"), period: { from: isoDate("2026-11-01"), to: isoDate("2026-11-30") } });
 * t.mttrMinutes; t.unresolved;
 * // March as the Berlin service desk counts it (1 March 00:00 CET to 31 March 24:00 CEST):
 * incidentResponseTimes(incidents, { asOf, period: monthPeriod(2026, 3), timeZone: "Europe/Berlin" }).mttrMinutes;
 * ```
 */
export function incidentResponseTimes(
  incidents: readonly IncidentTimes[],
  options: { readonly asOf: Instant; readonly period?: KpiPeriod; readonly basis?: "resolved" | "opened"; readonly timeZone?: string },
): IncidentResponseTimes {
  checkArguments("incidentResponseTimes", { incidents: [incidents, "object[]"], options: [options, "object"] });
  checkOptionKeys("incidentResponseTimes", options, { asOf: 1, period: 1, basis: 1, timeZone: 1 } satisfies Record<keyof NonNullable<Parameters<typeof incidentResponseTimes>[1]>, 1>);
  checkPeriod(options.period, "incident response times");
  const issues: ValidationIssue[] = [];
  if (!isInstantInput(options.asOf)) issues.push({ path: ["asOf"], message: "not a UTC instant", code: "custom" });
  const basis = options.basis ?? "resolved";
  if (basis !== "resolved" && basis !== "opened") issues.push({ path: ["basis"], message: 'expected "resolved" or "opened"', code: "custom" });
  const tz = options.timeZone;
  if (tz !== undefined && !isTimeZone(tz)) issues.push({ path: ["timeZone"], message: 'not an IANA time zone ("Europe/Berlin")', code: "custom" });
  issues.push(...duplicateIdIssues(incidents));
  incidents.forEach((x, i) => {
    if (typeof x.id !== "string") issues.push({ path: [i, "id"], message: "an id is a string", code: "custom" });
    if (!isInstantInput(x.openedAt)) return void issues.push({ path: [i, "openedAt"], message: "not a UTC instant", code: "custom" });
    for (const f of ["acknowledgedAt", "resolvedAt"] as const) {
      const v = x[f];
      if (v === undefined) continue;
      if (!isInstantInput(v)) issues.push({ path: [i, f], message: "not a UTC instant", code: "custom" });
      else if (Date.parse(v) < Date.parse(x.openedAt)) issues.push({ path: [i, f], message: `before the incident was opened (${x.openedAt})`, code: "custom" });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues, "incident response times");

  const asOf = Date.parse(options.asOf);
  // The local day: the UTC day of the instant shifted by the zone's offset then (DST included). A local day after
  // 9999-12-31 (Tokyo's 10000-01-01) reads "9999-12-32", after every period's end; one in the year 0 ("0000-12-31")
  // before every start — compared as strings, never read as dates.
  const day = (t: string) => {
    if (tz === undefined || tz === "UTC") return t.slice(0, 10);
    const local = Date.parse(t) + offsetAt(tz, Date.parse(t));
    return local >= Date.parse("9999-12-31T00:00:00Z") + 86_400_000 ? "9999-12-32" : new Date(local).toISOString().slice(0, 10);
  };
  const { from, to } = options.period ?? {};
  const inPeriod = (d: string) => (from === undefined || d >= from) && (to === undefined || d <= to);
  const by = (t: string | undefined) => (t !== undefined && Date.parse(t) <= asOf ? t : undefined);
  const known = incidents.filter((x) => Date.parse(x.openedAt) <= asOf).map((x) => ({ x, ack: by(x.acknowledgedAt), res: by(x.resolvedAt) }));
  const inP = (t: string) => inPeriod(day(t));
  const mttrSet = basis === "resolved" ? known.filter((k) => k.res !== undefined && inP(k.res)) : known.filter((k) => inP(k.x.openedAt) && k.res !== undefined);
  const mttaSet = basis === "resolved" ? known.filter((k) => k.ack !== undefined && inP(k.ack)) : known.filter((k) => inP(k.x.openedAt) && k.ack !== undefined);
  const byEnd = (k: (typeof known)[number]) => options.period?.to === undefined || day(k.x.openedAt) <= options.period.to;
  // Still open at asOf: opened in the period, or before it and open through it — opened by the period's last day. (Not
  // "any open incident when there is no `from`": one opened after the period's end is not the period's.) The cohort
  // view ("opened") is the incidents opened in the period: one opened before it is not of the cohort.
  const unresolved = known.filter((k) => k.res === undefined && (basis === "opened" ? inP(k.x.openedAt) : byEnd(k)));
  // Not acknowledged by asOf, of the period: opened in it, or (basis "resolved") opened before it and still open or
  // resolved in it. They have no time to acknowledge, so they are outside the MTTA — listed, not dropped unseen.
  const ofPeriod = (k: (typeof known)[number]) => inP(k.x.openedAt) || (basis === "resolved" && byEnd(k) && (k.res === undefined || inP(k.res)));
  const unacknowledged = known.filter((k) => k.ack === undefined && ofPeriod(k));
  const open = unresolved.length;
  const mean = (set: typeof known, at: (k: (typeof known)[number]) => string): Metric<Decimal> =>
    set.length === 0
      ? missing("no-incidents", `no incident ${basis === "resolved" ? "" : "opened in the period and "}${at === ackAt ? "acknowledged" : "resolved"}${basis === "resolved" ? " in the period" : ` by ${options.asOf}`}; ${at === ackAt ? `${unacknowledged.length} not acknowledged` : `${open} still open`}`)
      : metric(decimal(set.reduce((s, k) => s + (Date.parse(at(k)) - Date.parse(k.x.openedAt)), 0)).div(decimal(set.length).times(60_000)));
  const ackAt = (k: (typeof known)[number]) => k.ack!;
  const resAt = (k: (typeof known)[number]) => k.res!;
  return {
    mttaMinutes: mean(mttaSet, ackAt),
    mttrMinutes: mean(mttrSet, resAt),
    acknowledged: mttaSet.map((k) => k.x.id),
    resolved: mttrSet.map((k) => k.x.id),
    unresolved: unresolved.map((k) => k.x.id),
    unacknowledged: unacknowledged.map((k) => k.x.id),
  };
}
