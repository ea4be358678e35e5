import { ValidationError, isMoney, metric, money, missing, sumMoney, type IsoDate, type Metric, type MetricMissing, type Money, checkArguments, checkOptionKeys } from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";
import type { EarnedValueResult } from "./earned-value.js";
import { fromMinor, magnitudeCounter, toMinor } from "./exact.js";
import { PROJECT_LEVEL_ONLY, figuresFrom, type EacFamily, type EvmFigures } from "./figures.js";
import type { EacMethod } from "./types.js";

/** A rolled-up node (programme, portfolio or any group): figures recomputed from summed BAC, PV, EV, AC — never averaged indices. */
export interface EarnedValueRollUp {
  /** Node level. */
  readonly level: "programme" | "portfolio" | "group";
  /** Node id. */
  readonly id: string;
  /** Currency of every child. */
  readonly currency: string;
  /** Figures of the merged children. SPI(t) is per project (own calendars and plans), so EAC₅ is the sum of the children's EAC₅. */
  readonly figures: EvmFigures;
  /**
   * The status date of the children (all that have one share it); `undefined` when none carries one (children built
   * by hand).
   */
  readonly statusDate?: IsoDate | undefined;
  /** The children, by level and id. */
  readonly children: readonly { readonly level: string; readonly id: string }[];
  /**
   * The projects without a baseline (no BAC, PV or EV), nested roll-ups' included, and how the figures treat them
   * (option `withoutBaseline`, default `"exclude"`): `children` lists them, `ac` is their actual cost summed.
   */
  readonly withoutBaseline: { readonly treatment: WithoutBaseline; readonly children: readonly { readonly level: string; readonly id: string }[]; readonly ac: Money };
  /**
   * The children in the figures with actual cost but no earned value (EV 0: before their baseline start with costs
   * booked early, whose own CPI is `before-start`, or started with nothing earned yet), nested roll-ups' included:
   * their AC is in the figures' AC with nothing earned against it, so it lowers CPI = Σ EV / Σ AC and raises EAC₁.
   * `ac` is their AC summed.
   */
  readonly acWithoutEv: { readonly children: readonly { readonly level: string; readonly id: string }[]; readonly ac: Money };
}

/**
 * How a roll-up treats children without a baseline. They have actual cost but no BAC, PV or EV, so adding their AC to
 * the sums lowers CPI and raises every EAC for costs no earned value stands against.
 * - `"exclude"` (default): the figures (BAC, PV, EV, AC and every index and forecast) are those of the children with
 *   a baseline; the others are listed in `withoutBaseline` with their AC.
 * - `"include-ac"`: their AC joins the sums (the portfolio's spend is complete, CPI and the EACs carry it); still listed.
 */
export type WithoutBaseline = "exclude" | "include-ac";

/** Options of a roll-up. */
export interface RollUpOptions {
  /** Which EAC is "the" EAC: the first method with a figure (default cpi, then bottom-up, then budget-rate). */
  readonly eacOrder?: readonly EacMethod[];
  /** Children without a baseline: left out of the figures (`"exclude"`, default) or their AC summed (`"include-ac"`). */
  readonly withoutBaseline?: WithoutBaseline;
}
const ROLL_UP_OPTION_KEYS = { eacOrder: 1, withoutBaseline: 1 } satisfies Record<keyof RollUpOptions, 1>;

/** Anything with figures that can be rolled up (a roll-up's own `withoutBaseline` list is carried up). */
export type RollUpChild = Pick<EarnedValueResult, "id" | "figures" | "currency"> & { readonly level: string; readonly statusDate?: IsoDate | undefined; readonly withoutBaseline?: EarnedValueRollUp["withoutBaseline"]; readonly acWithoutEv?: EarnedValueRollUp["acWithoutEv"] };

const DEFAULT_ORDER: readonly EacMethod[] = ["cpi", "bottom-up", "budget-rate"];
const METHODS: readonly string[] = ["cpi", "budget-rate", "cpi-spi", "bottom-up", "earned-schedule"];

/**
 * The EAC order is a list of known methods (as earnedValue's `policy.eacOrder`): else a TypeError deep in the figures.
 * `withoutBaseline` is one of its two values.
 */
function checkEacOrder(order: unknown, without?: unknown): void {
  if (without !== undefined && without !== "exclude" && without !== "include-ac") throw ValidationError.single(["withoutBaseline"], "exclude or include-ac", "roll-up");
  if (order === undefined) return;
  if (!Array.isArray(order)) throw ValidationError.single(["eacOrder"], "a list of EAC methods", "roll-up");
  const issues = order.flatMap((m, i) => (METHODS.includes(m as string) ? [] : [{ path: ["eacOrder", i], message: `one of ${METHODS.join(", ")}`, code: "custom" }]));
  if (issues.length) throw new ValidationError(issues, "roll-up");
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isMetricOfMoney = (v: unknown) => isObject(v) && (v.value === undefined || isMoney(v.value));

/** The figures a roll-up reads of one child are there and hold Money (a child is often built by hand or from JSON). */
function checkChildFigures(c: RollUpChild, i: number): void {
  const f: unknown = c.figures;
  const fail = (...field: string[]) => { throw ValidationError.single(["children", i, "figures", ...field], "expected earned-value figures (an earnedValue result)", "roll-up"); };
  if (!isObject(f)) fail();
  const g = f as Record<string, Record<string, unknown>>;
  for (const k of ["bac", "pv", "ev", "ac"] as const) if (!isMetricOfMoney(g[k])) fail(k);
  if (!isObject(g.spi)) fail("spi");
  if (!isObject(g.etc) || !isMetricOfMoney(g.etc.bottomUp)) fail("etc");
  if (!isObject(g.eac) || !isMetricOfMoney(g.eac.earnedSchedule)) fail("eac");
  // Only `currency` was compared: figures in another currency (a child built by hand, its currency defaulted) were
  // summed as the roll-up's (¥1,000 + €1,000 = €2,000).
  const sums = [["bac"], ["pv"], ["ev"], ["ac"], ["etc", "bottomUp"], ["eac", "earnedSchedule"]].map((k) => [k, (k[1] ? g[k[0]!]![k[1]] : g[k[0]!]) as Metric<Money>] as const);
  for (const [k, m] of sums) {
    if (m.value && m.value.currency !== c.currency) throw ValidationError.single(["children", i, "figures", ...k, "currency"], `${c.id}'s figures are in ${m.value.currency}, not its currency ${c.currency}`, "roll-up");
  }
}

/**
 * Rolls children (projects, or programmes) up into one node: BAC, PV, EV, AC and bottom-up ETC are summed exactly,
 * then every index and forecast is recomputed from the sums. All children must share one currency. Children without
 * a baseline are left out of the figures and listed with their AC in `withoutBaseline` (`withoutBaseline:
 * "include-ac"` sums their AC instead: see {@link WithoutBaseline}).
 *
 * @throws {ValidationError} when children are in different currencies (convert first), a child id is given twice
 *   (`["children", 2, "id"]`) or a child is also held by a roll-up among the children (`["children", 1, "id"]`), children carry different status dates (`["children", 1, "statusDate"]`), an `eacOrder` that is not a list
 *   of EAC methods (`["eacOrder", 1]`), a `withoutBaseline` other than its two values (`["withoutBaseline"]`), a roll-up
 *   among the children made with the other treatment (`["children", 1, "withoutBaseline", "treatment"]`), or the list is empty.
 * @example
 * ```ts
 * const programme = rollUpEarnedValue([crm, einv], { id: "pg-order-to-cash", level: "programme" });
 * programme.figures.cpi; // Σ EV / Σ AC of both projects
 * programme.withoutBaseline.children; // [] — or the projects left out of the figures, with their AC in `.ac`
 * programme.acWithoutEv.children; // the children whose AC has no EV against it (it lowers CPI), their AC in `.ac`
 * ```
 */
export function rollUpEarnedValue(
  children: readonly RollUpChild[],
  options: RollUpOptions & { readonly id: string; readonly level: EarnedValueRollUp["level"] },
): EarnedValueRollUp {
  checkArguments("rollUpEarnedValue", { children: [children, "object[]"], options: [options, "object"] });
  checkOptionKeys("rollUpEarnedValue", options, { ...ROLL_UP_OPTION_KEYS, id: 1, level: 1 } satisfies Record<keyof NonNullable<Parameters<typeof rollUpEarnedValue>[1]>, 1>);
  checkEacOrder(options.eacOrder, options.withoutBaseline);
  const treatment = options.withoutBaseline ?? "exclude";
  const first = children[0];
  if (!first) throw ValidationError.single(["children"], "nothing to roll up", "roll-up");
  // A child without any money (no baseline, no actuals: a project just opened, its currency a fallback) has nothing to
  // convert: it does not set the roll-up's currency and is not refused for its own.
  const moneyless = (c: RollUpChild) => c.figures?.bac?.value === undefined && c.figures?.ac?.value?.amount.isZero() === true && !c.withoutBaseline?.children?.length;
  const currency = (children.find((c) => !moneyless(c)) ?? first).currency;
  // Sums are only meaningful over distinct children measured on one day: the same child twice would count twice, and
  // PVs of different status dates are not one day's plan.
  const statusDate = children.find((c) => c.statusDate !== undefined)?.statusDate;
  const issues = [
    ...children.flatMap((c, i) => (c.currency === currency || moneyless(c) ? [] : [{ path: ["children", i, "currency"], message: `${c.id} is in ${c.currency}, not ${currency}: convert before rolling up`, code: "custom" }])),
    ...duplicateIdIssues(children, ["children"]),
    ...heldTwice(children),
    ...children.flatMap((c, i) => (c.statusDate === undefined || c.statusDate === statusDate ? [] : [{ path: ["children", i, "statusDate"], message: `${c.id} is as of ${c.statusDate}, the others as of ${statusDate}: roll up results of one status date`, code: "custom" }])),
  ];
  if (issues.length) throw new ValidationError(issues, "roll-up");
  const counted = magnitudeCounter(issues);
  const units = (m: Metric<Money>, i: number) => (m.value ? counted(toMinor(m.value, ["children", i], "roll-up"), ["children", i]) : 0);
  let bac = 0, pv = 0, ev = 0, ac = 0, etc = 0, hasBaseline = false, beforeStart = true, withoutAc = 0;
  const es: Money[] = [];
  let esMissing: Metric<Money> | undefined, buMissing: Metric<Money> | undefined;
  // The children without an EAC₅ or a bottom-up ETC, named: the roll-up's reason is theirs, not its own (a portfolio
  // with AC 800 said EAC₅ "ac-is-zero" for one project without actuals).
  const esLack: string[] = [], buLack: string[] = [];
  const why = (id: string, m: Metric<Money>) => { const d = (m as MetricMissing).detail; return `${id} (${m.reason}${d ? `: ${d}` : ""})`; };
  const without: { level: string; id: string }[] = [], noEv: { level: string; id: string }[] = [];
  let noEvAc = 0;
  children.forEach((c, i) => {
    checkChildFigures(c, i);
    const f = c.figures;
    const acUnits = units(f.ac, i);
    // A roll-up among the children carries its own list up (its AC holds theirs only under "include-ac", as ours).
    const nested = c.withoutBaseline;
    if (nested !== undefined) {
      if (!isObject(nested) || !Array.isArray(nested.children) || !isMoney(nested.ac)) throw ValidationError.single(["children", i, "withoutBaseline"], "expected a roll-up's withoutBaseline (treatment, children, ac)", "roll-up");
      if (nested.treatment !== treatment) throw ValidationError.single(["children", i, "withoutBaseline", "treatment"], `${c.id} was rolled up with withoutBaseline ${String(nested.treatment)}, this roll-up with ${treatment}: roll up with one treatment`, "roll-up");
      without.push(...nested.children);
      withoutAc += toMinor(nested.ac, ["children", i, "withoutBaseline", "ac"], "roll-up");
    }
    if (f.bac.value === undefined) {
      if (nested === undefined) { without.push({ level: c.level, id: c.id }); withoutAc += acUnits; }
      if (treatment === "include-ac") ac += acUnits;
      return;
    }
    ac += acUnits;
    hasBaseline = true;
    const evUnits = units(f.ev, i);
    bac += units(f.bac, i); pv += units(f.pv, i); ev += evUnits;
    // AC with no EV against it lowers CPI: named (a roll-up among the children carries its own list up).
    const held = c.acWithoutEv;
    if (held !== undefined) {
      if (!isObject(held) || !Array.isArray(held.children) || !isMoney(held.ac)) throw ValidationError.single(["children", i, "acWithoutEv"], "expected a roll-up's acWithoutEv (children, ac)", "roll-up");
      noEv.push(...held.children);
      noEvAc += toMinor(held.ac, ["children", i, "acWithoutEv", "ac"], "roll-up");
    } else if (!evUnits && acUnits) { noEv.push({ level: c.level, id: c.id }); noEvAc += acUnits; }
    if (f.spi.reason !== "before-start") beforeStart = false; // PV is 0 before the start, so SPI carries it
    const bu = f.etc.bottomUp;
    if (!bu.value) { buMissing ??= bu; buLack.push(why(c.id, bu)); }
    etc = etc < 0 || !bu.value ? -1 : etc + units(bu, i);
    if (f.eac.earnedSchedule.value) es.push(f.eac.earnedSchedule.value);
    else { esMissing ??= f.eac.earnedSchedule; esLack.push(why(c.id, f.eac.earnedSchedule)); }
  });
  if (issues.length) throw new ValidationError(issues, "roll-up");
  const summed = figuresFrom({ bac, pv, ev, ac, etc, beforeStart: hasBaseline && beforeStart, hasBaseline, spiT: PROJECT_LEVEL_ONLY }, currency, options.eacOrder ?? DEFAULT_ORDER);
  // Excluded, and no child with a baseline: nothing is measured, AC too (not a 0 that means "none counted").
  const figures: EvmFigures = !hasBaseline && treatment === "exclude" ? { ...summed, ac: missing("no-baseline") } : summed;
  const lacking = (m: Metric<Money>, eac: string, ids: string[]) => missing(m.reason ?? "no-eac", `${eac} is the children's sum: none for ${ids.join(", ")}`);
  const eacEs: Metric<Money> = esMissing ? lacking(esMissing, "EAC₅", esLack) : es.length ? metric(sumMoney(es, currency)) : missing("no-baseline");
  // EAC₄, its ETC and VAC all rest on the summed bottom-up ETCs: the reason names that sum.
  const eacBu = buMissing ? lacking(buMissing, "the bottom-up ETC", buLack) : undefined;
  const bacMoney = figures.bac.value ?? money(0, currency);
  const acMoney = figures.ac.value ?? money(0, currency);
  // The selection and TCPI(EAC) are made again with the summed EAC₅ in the family: figuresFrom had none (SPI(t) is per
  // project), so an order starting with "earned-schedule" selected the next method while EAC₅ had a figure.
  const eac = { ...figures.eac, earnedSchedule: eacEs, ...(eacBu ? { bottomUp: eacBu } : {}) };
  const order = options.eacOrder ?? DEFAULT_ORDER;
  const method = order.find((k) => eac[k.replace(/-(.)/g, (_, c: string) => c.toUpperCase()) as keyof EacFamily<Money>].value !== undefined);
  const reselect = method === "earned-schedule" && eacEs.value && figures.tcpiEac.reason !== "before-start";
  const left = bacMoney.amount.minus(figures.ev.value?.amount ?? 0);
  const rest = eacEs.value ? eacEs.value.amount.minus(acMoney.amount) : left;
  const withEs: EvmFigures = {
    ...figures,
    ...(reselect ? {
      selectedEac: { method, value: eacEs },
      tcpiEac: left.isZero() ? metric(left) : rest.lte(0) ? missing("divisor-is-zero", "EAC does not exceed AC") : metric(left.div(rest)),
    } : {}),
    eac,
    etc: { ...figures.etc, earnedSchedule: eacEs.value ? metric(money(eacEs.value.amount.minus(acMoney.amount), currency)) : eacEs, ...(eacBu ? { bottomUp: eacBu } : {}) },
    vac: { ...figures.vac, earnedSchedule: eacEs.value ? metric(money(bacMoney.amount.minus(eacEs.value.amount), currency)) : eacEs, ...(eacBu ? { bottomUp: eacBu } : {}) },
  };
  return {
    level: options.level, id: options.id, currency, figures: withEs, statusDate, children: children.map((c) => ({ level: c.level, id: c.id })),
    withoutBaseline: { treatment, children: without, ac: fromMinor(withoutAc, currency) },
    acWithoutEv: { children: noEv, ac: fromMinor(noEvAc, currency) },
  };
}

/** A child that a roll-up among the children already holds (its `children` name it) would count twice. */
function heldTwice(children: readonly RollUpChild[]) {
  const holder = new Map<string, string>();
  for (const c of children) {
    const held: unknown = (c as { children?: unknown }).children;
    if (Array.isArray(held)) for (const h of held as { level?: unknown; id?: unknown }[]) holder.set(`${String(h?.level)}\u0000${String(h?.id)}`, c.id);
  }
  return children.flatMap((c, i) => {
    const by = holder.get(`${c.level}\u0000${c.id}`);
    return by === undefined ? [] : [{ path: ["children", i, "id"], message: `${c.id} is already counted in ${by}, also a child here: it would count twice`, code: "custom" }];
  });
}

/**
 * Rolls project results up the hierarchy: projects → programmes (by `programmeId`) → portfolios (by `portfolioId`;
 * a programme joins the portfolio of its projects). Projects without a programme go straight to their portfolio.
 *
 * @throws {ValidationError} for a project given twice (`["projects", 2, "id"]`), a programme whose projects sit in
 *   different portfolios (`["projects", 1, "portfolioId"]`: the programme cannot join both), and as
 *   {@link rollUpEarnedValue} for mixed currencies or status dates and for a bad `eacOrder` or `withoutBaseline`.
 *   Projects without a baseline are treated by `options.withoutBaseline` at every level (default `"exclude"`).
 * @example
 * ```ts
 * const { programmes, portfolios } = rollUpPortfolio([crm, wms, einv, dcx]);
 * portfolios[0]?.figures.spi;
 * ```
 */
export function rollUpPortfolio(projects: readonly (RollUpChild & Pick<EarnedValueResult, "programmeId" | "portfolioId">)[], options: RollUpOptions = {}): {
  readonly programmes: readonly EarnedValueRollUp[];
  readonly portfolios: readonly EarnedValueRollUp[];
} {
  checkArguments("rollUpPortfolio", { projects: [projects, "object[]"], options: [options, "object"] });
  checkOptionKeys("rollUpPortfolio", options, ROLL_UP_OPTION_KEYS);
  checkEacOrder(options.eacOrder, options.withoutBaseline);
  const opt = { ...(options.eacOrder ? { eacOrder: options.eacOrder } : {}), ...(options.withoutBaseline ? { withoutBaseline: options.withoutBaseline } : {}) };
  checkPortfolioInput(projects);
  const byProgramme = new Map<string, (RollUpChild & Pick<EarnedValueResult, "programmeId" | "portfolioId">)[]>();
  for (const p of projects) if (p.programmeId) byProgramme.set(p.programmeId, [...(byProgramme.get(p.programmeId) ?? []), p]);
  const programmes = [...byProgramme].map(([id, list]) => rollUpEarnedValue(list, { id, level: "programme", ...opt }));
  const byPortfolio = new Map<string, RollUpChild[]>();
  const add = (pf: string | undefined, c: RollUpChild) => byPortfolio.set(pf ?? "(none)", [...(byPortfolio.get(pf ?? "(none)") ?? []), c]);
  for (const p of projects) if (!p.programmeId) add(p.portfolioId, p);
  for (const pg of programmes) add(byProgramme.get(pg.id)?.[0]?.portfolioId, pg);
  const portfolios = [...byPortfolio].map(([id, list]) => rollUpEarnedValue(list, { id, level: "portfolio", ...opt }));
  return { programmes, portfolios };
}

/** Each project once, and each programme's projects in one portfolio (the programme joins it whole). */
function checkPortfolioInput(projects: readonly (RollUpChild & Pick<EarnedValueResult, "programmeId" | "portfolioId">)[]): void {
  const issues = duplicateIdIssues(projects, ["projects"]);
  const portfolioOf = new Map<string, string | undefined>();
  projects.forEach((p, i) => {
    if (!p.programmeId) return;
    if (!portfolioOf.has(p.programmeId)) portfolioOf.set(p.programmeId, p.portfolioId);
    else if (portfolioOf.get(p.programmeId) !== p.portfolioId) {
      issues.push({ path: ["projects", i, "portfolioId"], message: `${p.id} is in portfolio ${p.portfolioId ?? "(none)"} but other projects of programme ${p.programmeId} are in ${portfolioOf.get(p.programmeId) ?? "(none)"}`, code: "custom" });
    }
  });
  if (issues.length) throw new ValidationError(issues, "roll-up");
}
