import { isCurrencyCode, minorUnits, money } from "../core/index.js";
import type { ProjectRequest } from "../entities/index.js";
import { CliError } from "./errors.js";
import { DEMO_ENVELOPE, isOpenRequest, type IntakeEnvelope } from "./office.js";

/** The envelope options of `select`, `report` and `demo`, as given (each undefined when not given). */
export interface EnvelopeFlags {
  /** `--budget`: an exact decimal amount (already checked by {@link parseAmount}). */
  readonly budget?: string;
  /** `--currency`: the budget's ISO 4217 code. */
  readonly currency?: string;
  /** `--period`: the period label the requests' cost and effort lines are matched on. */
  readonly period?: string;
  /** `--capacity`: hours per skill. */
  readonly capacity?: Readonly<Record<string, string>>;
}

// Digits, optionally a point and more digits: no sign, no exponent, no grouping, no "Infinity" — what decimal.js or
// Number would also accept (1e6, 0x10, " 5") is junk here, not a budget.
const EXACT = /^\d{1,30}(\.\d{1,12})?$/;

/**
 * An option parser for an exact, non-negative decimal (`1000000`, `1000000.50`); anything else — `1e6`, `1,000,000`,
 * `-5`, `0x10`, `NaN` — is a usage error.
 *
 * @example
 * ```ts
 * parseAmount("--budget")("1000000.50"); // "1000000.50"
 * parseAmount("--budget")("1e6");        // throws CliError
 * ```
 */
export function parseAmount(flag: string): (value: string) => string {
  return (value) => {
    // Plain digits but too many of them: say the limit, not "no exponent, sign or separators" (it has none).
    if (!EXACT.test(value) && /^\d+(\.\d+)?$/.test(value)) throw new CliError(`${flag} must have at most 30 digits before the point and 12 after, got ${value}`, { code: "usage" });
    if (!EXACT.test(value)) throw new CliError(`${flag} must be an exact decimal number such as 1000000 or 1000000.50 (no exponent, sign or separators), got ${value}`, { code: "usage" });
    return value;
  };
}

/**
 * An option parser for an ISO 4217 currency code (`EUR`, `USD`, `JPY`).
 *
 * @example
 * ```ts
 * parseCurrency("EUR"); // "EUR"
 * ```
 */
export function parseCurrency(value: string): string {
  if (!isCurrencyCode(value)) throw new CliError(`--currency must be an ISO 4217 currency code such as EUR, got ${value}`, { code: "usage" });
  return value;
}

/**
 * An option parser for `--capacity`, repeatable: `1600` (hours of the `integration` skill, the one the sample
 * constrains) or `skill=hours` (`testing=800`). Given once or more, it replaces the default capacity entirely.
 *
 * @example
 * ```ts
 * parseCapacity("testing=800", parseCapacity("1200", undefined)); // { integration: "1200", testing: "800" }
 * ```
 */
export function parseCapacity(value: string, previous: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const m = /^(?:([^=\s]+)=)?(.*)$/.exec(value)!;
  const skill = m[1] ?? "integration";
  const hours = parseAmount("--capacity")(m[2]!);
  // Own keys only: a first --capacity constructor=… is no repeat of Object.prototype.constructor.
  if (previous !== undefined && Object.hasOwn(previous, skill)) throw new CliError(`--capacity gives ${skill} twice`, { code: "usage" });
  return { ...(previous ?? {}), [skill]: hours };
}

const list = (xs: Iterable<string>) => [...new Set(xs)].sort().join(", ");

/**
 * The envelope the intake is selected under, from the options and the requests: the default (the sample's EUR
 * 1,000,000, FY2027, 1,600 integration hours) where an option is not given, except the currency, which defaults to
 * the one the open requests' costs in the period are in (EUR when they have none), and the capacity, whose default
 * integration hours apply only when an open request has integration effort in the period (else no capacity row).
 *
 * @throws {CliError} when no open request has a cost or effort line in the period (a label the data does not use),
 *   the costs in the period are in several currencies or in another one than `--currency` (pmokit does not
 *   convert), a `--capacity` skill no open request has effort in during the period, or the budget has more decimals
 *   than the currency.
 * @example
 * ```ts
 * resolveEnvelope({ budget: "750000", period: "FY2028" }, requests); // EUR 750,000.00 in FY2028, 1,600 integration hours
 * ```
 */
export function resolveEnvelope(flags: EnvelopeFlags, requests: readonly ProjectRequest[]): IntakeEnvelope {
  const period = flags.period ?? DEMO_ENVELOPE.period;
  const open = requests.filter(isOpenRequest);
  const costs = open.flatMap((r) => r.estimatedCost.filter((c) => c.period === period));
  const inPeriod = costs.length > 0 || open.some((r) => r.effort.some((e) => e.period === period));
  if (open.length > 0 && !inPeriod) {
    const periods = open.flatMap((r) => [...r.estimatedCost.map((c) => c.period), ...r.effort.map((e) => e.period)]);
    throw new CliError(`--period ${period}: no open request has a cost or effort line in ${period} (their periods: ${list(periods) || "none"}); pass --period with one of them`, { code: "usage" });
  }
  // A --capacity skill no open request has effort in during the period constrains nothing: a typo or the bare number
  // (the sample's integration skill) on one's own data. Before, it was silently ignored.
  const skills = open.flatMap((r) => r.effort.filter((e) => e.period === period).map((e) => e.skill));
  for (const skill of Object.keys(flags.capacity ?? {}).filter((k) => open.length > 0 && !skills.includes(k))) {
    throw new CliError(`--capacity ${skill}=…: no open request has ${skill} effort in ${period} (their skills: ${list(skills) || "none"}), so it would constrain nothing; pass --capacity SKILL=HOURS with one of them (a bare number is the integration skill)`, { code: "usage" });
  }
  const currencies = new Set(costs.map((c) => c.amount.currency));
  if (currencies.size > 1) throw new CliError(`the open requests' ${period} costs are in ${list(currencies)}: selection needs one currency (pmokit does not convert): record them in one before importing`, { code: "usage" });
  const dataCurrency = [...currencies][0];
  if (flags.currency !== undefined && dataCurrency !== undefined && flags.currency !== dataCurrency) {
    throw new CliError(`--currency ${flags.currency}: the open requests' ${period} costs are in ${dataCurrency}; the budget must be in the same currency (pmokit does not convert)`, { code: "usage" });
  }
  const currency = flags.currency ?? dataCurrency ?? DEMO_ENVELOPE.budget.currency;
  const amount = flags.budget ?? DEMO_ENVELOPE.budget.amount.toFixed();
  const decimals = amount.split(".")[1]?.length ?? 0;
  if (decimals > minorUnits(currency)) throw new CliError(`--budget ${amount}: ${currency} has ${minorUnits(currency)} decimal places`, { code: "usage" });
  // The default capacity (the sample's integration hours) only where the data has that skill in the period: on one's
  // own data it constrained nothing, yet the envelope and the report's constraints table showed it as the office's.
  const capacity = flags.capacity ?? (open.length === 0 ? DEMO_ENVELOPE.capacity : Object.fromEntries(Object.entries(DEMO_ENVELOPE.capacity).filter(([k]) => skills.includes(k))));
  return { period, budget: money(amount, currency), capacity };
}
