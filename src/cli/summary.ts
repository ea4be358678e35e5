import { formatMoney, roundMoney } from "../core/index.js";
import type { OfficeAnalysis } from "./office.js";

const pct = (m: { readonly value?: { toFixed(n: number): string } | undefined; readonly reason?: string | undefined }, n = 1) => (m.value === undefined ? `n/a (${m.reason})` : `${m.value.toFixed(n)}%`);
const dec = (m: { readonly value?: { toFixed(n: number): string } | undefined; readonly reason?: string | undefined }, n = 2) => (m.value === undefined ? `n/a (${m.reason})` : m.value.toFixed(n));

/**
 * The terminal summary of an office run: a few lines per capability, the status date only (no clock).
 *
 * @example
 * ```ts
 * process.stdout.write(officeSummary(office).join("\n"));
 * ```
 */
export function officeSummary(o: OfficeAnalysis): string[] {
  const sel = o.selection.result;
  const lines = [`${o.organisation} — status date ${o.statusDate}`, ""];
  lines.push(`INTAKE     ${o.scoreboard.entries.length} requests ranked by "${o.scoreboard.model}"; top: ${o.scoreboard.entries.slice(0, 3).map((e) => e.requestId).join(", ")}`);
  lines.push(`SELECTION  ${sel.status}: ${sel.selected.join(", ")} within ${formatMoney(o.selection.envelope.budget)} (${o.selection.envelope.period}); left out: ${sel.excluded.join(", ") || "none"}`);
  for (const w of sel.whyNot) lines.push(`           why not ${w.candidate}: ${w.explanation}`);
  lines.push("PROJECTS   code       RAG    CPI   SPI   SPI(t)  EAC                  forecast finish");
  for (const p of o.projects) {
    const r = p.series.atStatusDate;
    const eac = r.figures.selectedEac.value.value;
    lines.push(`           ${p.code.padEnd(10)} ${(p.rag.overall.colour ?? "n/a").padEnd(6)} ${dec(r.figures.cpi).padEnd(5)} ${dec(r.figures.spi).padEnd(5)} ${dec(r.schedule.spiT).padEnd(7)} ${(eac ? formatMoney(roundMoney(eac, { rounding: "half-even" })) : "n/a").padEnd(20)} ${r.schedule.forecastFinish.spiT.value ?? "n/a"}`);
  }
  const t = o.trace.result;
  const fr = t.levels.find((l) => l.type === "functional");
  lines.push(`TRACE      ${o.trace.matrix.rows.length} requirements; functional coverage ${fr ? pct(fr.shallowPercent) : "n/a"}; suspect links ${t.suspects.length}; acknowledgement gaps ${t.acknowledgements.filter((a) => a.pending.length > 0).length}`);
  for (const r of o.rollouts) {
    lines.push(`ROLLOUT    ${r.name}: ready ${pct(r.progress.overall.percent)}; ${r.gate ? `${r.gate.gateName}: ${r.gate.outcome.toUpperCase()} (${r.gate.blockers.length} blocking items open)` : "no gate"}`);
  }
  lines.push(`KPIS       ${o.availability.map((a) => `${a.service} ${pct(a.availabilityPercent, 3)}`).join(", ")}; on-time ${pct(o.kpis.onTime.percent)}; on-budget ${pct(o.kpis.onBudget.percent)}; healthy projects ${pct(o.kpis.health.percent)}`);
  return lines;
}
