import { checkArguments, checkOptionKeys, decimal, metric, missing, ValidationError, type Decimal, type DecimalInput, type Metric, type ValidationIssue } from "../core/index.js";
import { WideDecimal } from "../core/decimal.js";
import { countOf, sloOf } from "./slo-input.js";

/** A window length: a whole number of minutes, hours or days (`"5m"`, `"1h"`, `"3d"`). */
export type BurnRateWindow = `${number}${"m" | "h" | "d"}`;

/** One multi-window burn-rate alert: it fires when the burn rate over both windows is above its threshold. */
export interface BurnRateAlertRule {
  /** Name of the alert (`"page-1h"`). */
  readonly id: string;
  /** What it raises: a page (wake someone) or a ticket. */
  readonly severity: "page" | "ticket";
  /** The long window, which says the burn matters (`"1h"`). */
  readonly long: BurnRateWindow;
  /** The short window, shorter than the long one, which says it is still going on (`"5m"`). */
  readonly short: BurnRateWindow;
  /**
   * Share of the SLO window's error budget, in percent, that burning at the threshold for the long window spends; the
   * threshold is `budgetPercent ÷ 100 × SLO window ÷ long window` (2 % in 1 h of 30 days: 14.4).
   */
  readonly budgetPercent: DecimalInput;
}

/**
 * The Google SRE Workbook's recommended multi-window, multi-burn-rate alerts for a 30-day SLO ("Alerting on SLOs"):
 * page when 2 % of the budget burns in 1 h (checked over 5 m too), page when 5 % burns in 6 h (30 m), open a ticket
 * when 10 % burns in 3 days (6 h). Thresholds 14.4, 6 and 1 over a 30-day window.
 *
 * @example
 * ```ts
 * SRE_WORKBOOK_BURN_RATE_ALERTS[0]; // { id: "page-1h", severity: "page", long: "1h", short: "5m", budgetPercent: "2" }
 * ```
 */
export const SRE_WORKBOOK_BURN_RATE_ALERTS: readonly BurnRateAlertRule[] = [
  { id: "page-1h", severity: "page", long: "1h", short: "5m", budgetPercent: "2" },
  { id: "page-6h", severity: "page", long: "6h", short: "30m", budgetPercent: "5" },
  { id: "ticket-3d", severity: "ticket", long: "3d", short: "6h", budgetPercent: "10" },
];

/** Events counted over one window ending now. */
export interface WindowCounts {
  /** Events (requests) in the window. */
  readonly total: DecimalInput;
  /** Bad events (failed or too slow) in the window. */
  readonly bad: DecimalInput;
}

/** One alert rule, judged. */
export interface BurnRateAlert {
  /** The rule's id. */
  readonly id: string;
  /** The rule's severity. */
  readonly severity: "page" | "ticket";
  /** The long window. */
  readonly long: BurnRateWindow;
  /** The short window. */
  readonly short: BurnRateWindow;
  /** The budget share of the rule, percent. */
  readonly budgetPercent: Decimal;
  /** Burn rate both windows must be above: budget share × SLO window ÷ long window. */
  readonly threshold: Decimal;
  /** Burn rate over the long window (`no-events`, `not-supplied` when it has no counts). */
  readonly longBurnRate: Metric<Decimal>;
  /** Burn rate over the short window. */
  readonly shortBurnRate: Metric<Decimal>;
  /** True when both are above the threshold; false when either is measured and not above; else missing. */
  readonly firing: Metric<boolean>;
  /** The rule with its figures, in words. */
  readonly rule: string;
}

/** Result of {@link burnRateAlerts}. */
export interface BurnRateAlerts {
  /** Each rule, judged, in the order given. */
  readonly alerts: readonly BurnRateAlert[];
  /** Ids of the rules that fire. */
  readonly firing: readonly string[];
  /** Ids of the rules that could not be judged (a window without counts or events). */
  readonly notMeasured: readonly string[];
  /**
   * `page` when a page rule fires; else `ticket` when a ticket rule fires and no page rule is unjudged; else `none`
   * when every rule was judged — missing (with the unjudged rule) when one that could raise it was not.
   */
  readonly severity: Metric<"page" | "ticket" | "none">;
}

const WINDOW = /^([1-9]\d{0,5})(m|h|d)$/;
const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;

function windowMinutes(w: unknown): number | undefined {
  const m = typeof w === "string" ? WINDOW.exec(w) : null;
  return m ? Number(m[1]) * UNIT_MINUTES[m[2] as "m" | "h" | "d"] : undefined;
}

/**
 * Multi-window, multi-burn-rate SLO alerts as the Google SRE Workbook defines them: the burn rate over a window is
 * its error rate ÷ (1 − SLO); a rule fires when the burn rate over its long window **and** over its short window are
 * both above (`>`) its threshold = budget share × SLO window ÷ long window. The default rules are
 * {@link SRE_WORKBOOK_BURN_RATE_ALERTS} (1 h / 5 m at 14.4, 6 h / 30 m at 6 — pages; 3 d / 6 h at 1 — a ticket,
 * for a 30-day window). `observed` gives the events over each window ending now, keyed by window (`"5m"`, `"1h"`).
 * A window with no events or no counts leaves its rules unjudged with a reason, never "not firing"; every figure is
 * exact (14 400 bad of 1 000 000 at 99.9 % is a burn rate of 14.4, not 14.399999999999999).
 *
 * @throws {ValidationError} for an SLO not strictly between 0 and 1, a `windowDays` that is not a whole number from
 *   1, a window key that is not `<n>m`, `<n>h` or `<n>d` (`["observed", "1 hour"]`), counts that are not whole
 *   numbers from 0 or more bad than total (`["observed", "1h", "bad"]`), or a rule with an unknown severity, a window
 *   that is malformed, a short window not shorter than its long one (`["rules", 0, "short"]`), a budget share not above
 *   0 and at most 100, or an id given twice — each at its path; an empty `rules` list (`["rules"]`).
 * @example
 * ```ts
 * const r = burnRateAlerts({ slo: "0.999", observed: { "5m": { total: 10_000, bad: 150 }, "1h": { total: 100_000, bad: 2_000 } } });
 * r.alerts[0]?.rule; // "page-1h: burn rate 20 over 1h > 14.4 and 15 over 5m > 14.4: fires (2% of the 30-day budget in 1h)"
 * r.firing;          // ["page-1h"]
 * ```
 */
export function burnRateAlerts(options: {
  readonly slo: DecimalInput;
  readonly windowDays?: number;
  readonly observed: Readonly<Record<string, WindowCounts>>;
  readonly rules?: readonly BurnRateAlertRule[];
}): BurnRateAlerts {
  checkArguments("burnRateAlerts", { options: [options, "object"] });
  checkOptionKeys("burnRateAlerts", options, { slo: 1, windowDays: 1, observed: 1, rules: 1 } satisfies Record<keyof NonNullable<Parameters<typeof burnRateAlerts>[0]>, 1>);
  const subject = "burn-rate alerts";
  const slo = sloOf(options.slo, subject);
  const windowDays = options.windowDays ?? 30;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw ValidationError.single(["windowDays"], "the SLO window is a whole number of days from 1", subject);
  const rules = options.rules ?? SRE_WORKBOOK_BURN_RATE_ALERTS;
  checkArguments("burnRateAlerts", { observed: [options.observed, "object"], rules: [rules, "object[]"] });
  const issues: ValidationIssue[] = [];
  const counts = new Map<number, { label: string; total: Decimal; bad: Decimal }>();
  for (const [key, c] of Object.entries(options.observed)) {
    const minutes = windowMinutes(key);
    if (minutes === undefined) {
      issues.push({ path: ["observed", key], message: 'a window is a whole number of minutes, hours or days: "5m", "1h", "3d"', code: "custom" });
      continue;
    }
    if (c === undefined) continue;
    const total = countOf(c.total, ["observed", key, "total"], subject, true);
    const bad = countOf(c.bad, ["observed", key, "bad"], subject, true);
    if (bad.gt(total)) issues.push({ path: ["observed", key, "bad"], message: `more bad events (${bad.toFixed()}) than total (${total.toFixed()})`, code: "custom" });
    // "60m" and "1h" are one window: two counts for it would be ambiguous.
    if (counts.has(minutes)) issues.push({ path: ["observed", key], message: `the same window as ${counts.get(minutes)!.label}`, code: "custom" });
    counts.set(minutes, { label: key, total, bad });
  }
  // No rule judged would read severity "none": an alert policy left out shown as a quiet SLO.
  if (rules.length === 0) issues.push({ path: ["rules"], message: "at least one alert rule (leave it out for the SRE Workbook's)", code: "custom" });
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    if (typeof r.id !== "string" || ids.has(r.id)) issues.push({ path: ["rules", i, "id"], message: "an id is a string, given once", code: "custom" });
    ids.add(r.id);
    if (r.severity !== "page" && r.severity !== "ticket") issues.push({ path: ["rules", i, "severity"], message: 'expected "page" or "ticket"', code: "custom" });
    const long = windowMinutes(r.long);
    const short = windowMinutes(r.short);
    if (long === undefined) issues.push({ path: ["rules", i, "long"], message: 'expected a window such as "1h"', code: "custom" });
    if (short === undefined) issues.push({ path: ["rules", i, "short"], message: 'expected a window such as "5m"', code: "custom" });
    else if (long !== undefined && short >= long) issues.push({ path: ["rules", i, "short"], message: `the short window (${r.short}) is shorter than the long one (${r.long})`, code: "custom" });
    let share: Decimal | undefined;
    try {
      share = decimal(r.budgetPercent);
    } catch {
      share = undefined;
    }
    if (share === undefined || !share.gt(0) || share.gt(100)) issues.push({ path: ["rules", i, "budgetPercent"], message: "a share of the budget above 0 and at most 100 (percent)", code: "custom" });
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);

  const allowed = decimal(1).minus(slo);
  // One division (bad ÷ (total × (1 − SLO))): dividing twice rounded twice, off in the 34th digit.
  const burn = (w: BurnRateWindow): Metric<Decimal> => {
    const c = counts.get(windowMinutes(w)!);
    if (c === undefined) return missing("not-supplied", `no counts over ${w}`);
    return c.total.isZero() ? missing("no-events", `no events over ${w}`) : metric(c.bad.div(c.total.times(allowed)));
  };
  const alerts = rules.map((r): BurnRateAlert => {
    const share = decimal(r.budgetPercent);
    const threshold = share.times(windowDays * 1440).div(decimal(windowMinutes(r.long)!).times(100));
    const longBurn = burn(r.long);
    const shortBurn = burn(r.short);
    const t = threshold.toFixed();
    // Exact: bad ÷ total ÷ (1 − SLO) > share × window ÷ (long × 100) ⇔ bad × long × 100 > share × window × total ×
    // (1 − SLO), in integers and finite decimals — the rounded quotients could tie or cross when the two are equal.
    const above = (m: Metric<Decimal>, w: BurnRateWindow) => {
      const c = counts.get(windowMinutes(w)!)!;
      return m.value === undefined ? undefined : new WideDecimal(c.bad).times(windowMinutes(r.long)! * 100).gt(new WideDecimal(share).times(windowDays * 1440).times(c.total).times(allowed));
    };
    const [l, s] = [above(longBurn, r.long), above(shortBurn, r.short)];
    const why = ` (${share.toFixed()}% of the ${windowDays}-day budget in ${r.long})`;
    const fig = (m: Metric<Decimal>, w: string, up: boolean) => `${m.value!.toFixed()} over ${w} ${up ? ">" : "≤"} ${t}`;
    let firing: Metric<boolean>;
    let rule: string;
    if (l === false) [firing, rule] = [metric(false), `${r.id}: burn rate ${fig(longBurn, r.long, false)}: does not fire${why}`];
    else if (s === false && l === true) [firing, rule] = [metric(false), `${r.id}: burn rate ${fig(longBurn, r.long, true)} but ${fig(shortBurn, r.short, false)}: does not fire${why}`];
    else if (s === false) [firing, rule] = [metric(false), `${r.id}: burn rate ${fig(shortBurn, r.short, false)}: does not fire${why}`];
    else if (l === true && s === true) [firing, rule] = [metric(true), `${r.id}: burn rate ${fig(longBurn, r.long, true)} and ${fig(shortBurn, r.short, true)}: fires${why}`];
    else {
      const gap = (l === undefined ? longBurn : shortBurn) as { readonly reason: string; readonly detail?: string };
      [firing, rule] = [missing(gap.reason, gap.detail), `${r.id}: not measured (${gap.detail ?? gap.reason})${why}`];
    }
    return { id: r.id, severity: r.severity, long: r.long, short: r.short, budgetPercent: share, threshold, longBurnRate: longBurn, shortBurnRate: shortBurn, firing, rule };
  });
  return { alerts, firing: alerts.filter((a) => a.firing.value === true).map((a) => a.id), notMeasured: alerts.filter((a) => a.firing.value === undefined).map((a) => a.id), severity: severityOf(alerts) };
}

function severityOf(alerts: readonly BurnRateAlert[]): Metric<"page" | "ticket" | "none"> {
  for (const level of ["page", "ticket"] as const) {
    const mine = alerts.filter((a) => a.severity === level);
    if (mine.some((a) => a.firing.value === true)) return metric(level);
    const unjudged = mine.find((a) => a.firing.value === undefined) as { readonly id: string; readonly firing: { readonly reason: string; readonly detail?: string } } | undefined;
    if (unjudged) return missing(unjudged.firing.reason, `${unjudged.id} not measured: ${unjudged.firing.detail ?? unjudged.firing.reason}`);
  }
  return metric("none");
}
