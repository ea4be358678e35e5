import { figuresOf, q, rhe, mul, type Exp, type oracle } from "./ev22-oracle.js";

/*
 * Audit ev23: the exact oracle of ev22 extended (written from evm.md §2 and docs/earned-value.md "Roll-ups", "Time
 * series" and "Ranges", not from pmokit's code) to
 * - roll-ups holding projects without a baseline, under both `withoutBaseline` treatments;
 * - the deterministic parts of `forecastRange` (the EAC family's range, the typed reasons, the complete basis, the
 *   periods observed, and each EAC draw's bounds: a ratio of sums lies between the smallest and largest ratio);
 * - the S-curve series: cumulative PV, EV and AC at each period end up to the status date (and at the status date).
 */

type O = ReturnType<typeof oracle>;
const c = (e: Exp | undefined) => (e && "c" in e ? e.c : 0n);

/** A roll-up of children with (`bl`) or without a baseline, under a `withoutBaseline` treatment (docs: Roll-ups). */
export function rollUpOracleWithout(children: readonly { o: O; bl: boolean; id: string }[], order: readonly string[], treatment: "exclude" | "include-ac") {
  const withBl = children.filter((k) => k.bl), without = children.filter((k) => !k.bl);
  const sum = (k: string) => withBl.reduce((s, x) => s + c(x.o.figures[k]), 0n);
  const acWithout = without.reduce((s, x) => s + x.o.ac, 0n);
  const hasBaseline = withBl.length > 0;
  const bu = withBl.find((x) => !("c" in x.o.figures["etc.bottomUp"]!));
  const es = withBl.find((x) => !("c" in x.o.figures["eac.earnedSchedule"]!));
  const eac5: Exp = es ? es.o.figures["eac.earnedSchedule"]! : hasBaseline ? { c: sum("eac.earnedSchedule") } : { r: "no-baseline" };
  const ac = sum("ac") + (treatment === "include-ac" ? acWithout : 0n);
  const figures = figuresOf({ bac: sum("bac"), pv: sum("pv"), ev: sum("ev"), ac, etc: bu ? -1n : sum("etc.bottomUp"),
    beforeStart: hasBaseline && withBl.every((x) => (x.o.figures.spi as { r?: string }).r === "before-start"), hasBaseline }, order, undefined, eac5);
  // Excluded, and nothing with a baseline: nothing measured, AC too.
  if (!hasBaseline && treatment === "exclude") figures.ac = { r: "no-baseline" };
  // A child with a baseline, actual cost and nothing earned lowers CPI: named.
  const noEv = withBl.filter((x) => x.o.ev === 0n && x.o.ac !== 0n);
  return { figures, without: without.map((x) => x.id), withoutAc: acWithout, acWithoutEv: noEv.map((x) => x.id), acWithoutEvAc: noEv.reduce((s, x) => s + x.o.ac, 0n) };
}

/** forecastRange's deterministic figures: the EAC family's range, and the bands' reasons or bounds. */
export function rangeOracle(now: O, atEnds: readonly O[], hasBaseline: boolean) {
  const fam = ["cpi", "budgetRate", "cpiSpi", "bottomUp", "earnedSchedule"].map((k) => [k, now.figures[`eac.${k}`]!] as const).filter(([, e]) => "c" in e) as [string, { c: bigint }][];
  const vals = fam.map(([, e]) => e.c);
  const eacRange = vals.length ? { low: vals.reduce((a, b) => (b < a ? b : a)), high: vals.reduce((a, b) => (b > a ? b : a)) } : { r: "no-eac" };
  const n = atEnds.length;
  const early = !hasBaseline ? "no-baseline" : (now.figures.spi as { r?: string }).r === "before-start" ? "before-start" : undefined;
  const done = !early && now.complete;
  const enough = early ?? (done || n >= 2 ? undefined : "no-data");
  const eacReason = enough ?? (done ? undefined : now.ac < 0n ? "ac-is-negative" : now.ac === 0n ? "ac-is-zero" : undefined);
  const pd = now.schedule.pd!, bac = c(now.figures.bac);
  const finReason = enough ?? (done ? undefined : "v" in pd && pd.v[0] === 0n ? "no-working-days" : bac === 0n ? "bac-is-zero" : undefined);
  // Each draw's EAC = AC + (BAC − EV)·ΣΔAC/ΣΔEV: when every period has ΔEV > 0 and ΔAC ≥ 0, the ratio of the sums lies
  // between the smallest and the largest ΔAC/ΔEV (the mediant inequality), so the rounded EAC within a cent of those.
  let bounds: { lo: bigint; hi: bigint } | undefined;
  const dEv: bigint[] = [], dAc: bigint[] = [];
  atEnds.forEach((o, k) => { dEv.push(o.ev - (k ? atEnds[k - 1]!.ev : 0n)); dAc.push(o.ac - (k ? atEnds[k - 1]!.ac : 0n)); });
  if (!eacReason && !done && dEv.every((x) => x > 0n) && dAc.every((x) => x >= 0n)) {
    const rest = bac - now.ev;
    const at = (k: number) => now.ac + rhe(mul(q(rest), q(dAc[k]!, dEv[k]!)));
    const all = dEv.map((_, k) => at(k));
    bounds = { lo: all.reduce((a, b) => (b < a ? b : a)) - 1n, hi: all.reduce((a, b) => (b > a ? b : a)) + 1n };
  }
  return { eacRange, n, done, eacReason, finReason, bounds, ac: now.ac, finishDay: now.finishDay, forecastFinish: now.schedule["forecastFinish.spiT"] };
}
