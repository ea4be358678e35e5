import { formatMoney, roundMoney, type Decimal, type Metric } from "../core/index.js";
import type { ProjectRequest } from "../entities/index.js";
import type { Scoreboard } from "../prioritization/index.js";
import { fixed, gateOutcomeText, missingText, overallRule, percent, type PeopleNames } from "../reports/index.js";
import { AVAILABILITY_PLACES, type IntakeSelection, type OfficeAnalysis, type ProjectAnalysis, type RolloutAnalysis } from "./office.js";

/**
 * A percentage for the terminal: `n` places (more where rounding would read 100 % short of it, or 0 % above it, as
 * the report rounds), or `n/a (reason)`.
 *
 * @example
 * ```ts
 * percentText(metric(decimal("99.96")), 1); // "99.96%"
 * percentText(missing("no-applicable-items")); // "n/a (no-applicable-items)"
 * ```
 */
export function percentText(m: Metric<Decimal>, n = 1): string {
  const c = percent(m, n);
  return "kind" in c ? `${c.value.toFixed(Math.max(n, c.value.decimalPlaces()))}%` : missingText(c as { reason: string; detail?: string });
}
// Rounded as the report rounds indices (half-even, a tiny negative is plain 0, never "-0.00"), with n places.
const dec = (m: Metric<Decimal>, n = 2) => {
  const c = fixed(m, n);
  return c.value === undefined ? missingText(c) : (c.value as Decimal).toFixed(n);
};

/**
 * The terminal summary of an office run: a few lines per capability, the status date only (no clock).
 *
 * @example
 * ```ts
 * process.stdout.write(officeSummary(office).join("\n"));
 * ```
 */
export function officeSummary(o: OfficeAnalysis): string[] {
  const lines = [`${o.organisation} — status date ${o.statusDate}`, ""];
  const key = keyOf(o.requests);
  lines.push(`INTAKE     ${o.scoreboard.entries.length} open requests ranked by "${o.scoreboard.model}"; top: ${o.scoreboard.entries.slice(0, 3).map((e) => key(e.requestId)).join(", ")}`);
  lines.push(...selectionLines(o.selection, o.requests), ...projectLines(o.projects, o.people));
  const t = o.trace.result;
  const fr = t.levels.find((l) => l.type === "functional");
  // Links pinning another revision and structural findings are named only when there are some, as `pmokit trace`
  // prints them (its exit code counts them): the sample office has none.
  const errors = t.findings.filter((f) => f.severity === "error").length;
  const stale = t.linkRevisions.filter((r) => r.status !== "covers").length; // "covers": the pinned revision is current
  const revisions = stale > 0 ? `; outdated or predated links ${stale}` : "";
  const findings = t.findings.length > 0 ? `; structural findings ${t.findings.length} (${errors} ${errors === 1 ? "error" : "errors"})` : "";
  lines.push(`TRACE      ${o.trace.matrix.rows.length} requirements; functional coverage ${fr ? percentText(fr.shallowPercent) : "n/a (no functional requirements)"}; suspect links ${t.suspects.length}; acknowledgement gaps ${t.acknowledgements.filter((a) => a.pending.length > 0).length}${revisions}${findings}`);
  for (const r of o.rollouts) {
    lines.push(`ROLLOUT    ${r.name}: ready ${percentText(r.progress.overall.percent)}; ${r.gate ? `${r.gate.gateName}: ${gateOutcomeText(r.gate.outcome)} (${r.gate.blockers.length} blocking items open)` : "no gate"}`);
  }
  if (o.rollouts.length === 0) lines.push(`ROLLOUT    ${NO_ROLLOUTS}`);
  // The availability figures are of the days measured, not of a whole year: the line names them as the report does.
  const p = o.availabilityPeriod;
  const services = o.availability.map((a) => `${a.service} ${percentText(a.availabilityPercent, AVAILABILITY_PLACES)}`).join(", ") || "no service outages recorded";
  lines.push(`KPIS       availability ${p.period.from} – ${p.period.to} (${p.partial ? "to status date" : "calendar year"}${p.timeZone ? `, ${p.timeZone} days` : ""}): ${services}; on-time ${percentText(o.kpis.onTime.percent)}; on-budget ${percentText(o.kpis.onBudget.percent)}; healthy projects ${percentText(o.kpis.health.percent)}`);
  return lines;
}

// A request's key (its id when it has none or is not given), as `pmokit score` names requests.
const keyOf = (requests: readonly ProjectRequest[]) => {
  const keys = new Map(requests.map((r) => [r.id, r.key ?? r.id] as const));
  return (id: string): string => keys.get(id) ?? id;
};

/**
 * The selection's lines of the summary: what was selected within which budget and period, and why not the others.
 * Given the requests, each is named by its key, as `pmokit score` names it; a "why not" line whose key is not the
 * id adds the id (`why not ACME-2 (id r2): forcing r2 in …`), since the solver's explanation names ids.
 *
 * @example
 * ```ts
 * selectionLines(office.selection)[0]; // "SELECTION  optimal: REQ-2027-002, … within EUR 1,000,000.00 (FY2027); left out: …"
 * ```
 */
export function selectionLines(selection: IntakeSelection, requests: readonly ProjectRequest[] = []): string[] {
  const sel = selection.result;
  const key = keyOf(requests);
  const within = `${formatMoney(selection.envelope.budget)} (${selection.envelope.period})`;
  // No plan at all: say which constraints clash (the reason for exit 1), not an empty selection that "leaves out" all.
  if (sel.status === "infeasible") {
    return [
      `SELECTION  infeasible: no plan meets every constraint within ${within}`,
      ...(sel.conflicts.length > 0 ? sel.conflicts.map((c) => `           why: ${c.explanation}`) : ["           why: no conflicting set of constraints was isolated"]),
    ];
  }
  // No candidate at all: say so, not "optimal: " followed by nothing.
  if (selection.problem.candidates.length === 0) return [`SELECTION  nothing to select within ${within}: no open request is scored or mandatory`];
  return [
    `SELECTION  ${sel.status}: ${sel.selected.map(key).join(", ") || "none"} within ${within}; left out: ${sel.excluded.map(key).join(", ") || "none"}`,
    ...sel.whyNot.map((w) => `           why not ${key(w.candidate)}${key(w.candidate) === w.candidate ? "" : ` (id ${w.candidate})`}: ${w.explanation}`),
  ];
}

/**
 * The lines of `pmokit score`: rank, the request's key (its id when it has none), status, score or the reason there is
 * none, and the request's title — an imported request's id alone (a tool's number or UUID) names nothing to a reader.
 *
 * @example
 * ```ts
 * scoreLines(scoreIntake(records, isoDate("2026-11-20")).scoreboard, records.request ?? [])[1];
 * // "  2  REQ-2027-002   scored     0.682  Route optimisation for last-mile delivery"
 * ```
 */
export function scoreLines(board: Scoreboard, requests: readonly ProjectRequest[]): string[] {
  const byId = new Map(requests.map((r) => [r.id, r] as const));
  return board.entries.map((e) => {
    const r = byId.get(e.requestId);
    const score = e.score.value === undefined ? missingText(e.score) : e.score.value.toFixed(3);
    return `${String(e.rank).padStart(3)}  ${(r?.key ?? e.requestId).padEnd(14)} ${e.status.padEnd(10)} ${score}${r ? `  ${r.title}` : ""}`;
  });
}

const RANK = ["green", "amber", "red"];
// The projects' columns: header and the least width (what the sample office's figures need).
const PROJECT_COLUMNS: readonly (readonly [string, number])[] = [["code", 10], ["RAG", 6], ["CPI", 5], ["SPI", 5], ["SPI(t)", 7], ["EAC", 20], ["forecast finish", 0]];

/**
 * The projects' lines of the summary: a header and one line of earned-value figures per running project, each red,
 * amber or unrated one followed by the rule behind its colour.
 *
 * @example
 * ```ts
 * projectLines(office.projects)[1]; // "           PRJ-CRM    amber  0.97  0.99  1.00    EUR 1,201,841.04     2027-05-04"
 * projectLines(office.projects)[2]; // "           why PRJ-CRM amber: Cost: EAC EUR 1,201,841.04 > BAC and ≤ EUR 1,225,350.00 → amber"
 * ```
 */
export function projectLines(projects: readonly ProjectAnalysis[], people?: PeopleNames): string[] {
  // A header over no rows read as if the figures were lost: say there is no project and why.
  if (projects.length === 0) return ["PROJECTS   none: earned value is measured on executing projects, and no project is executing"];
  const rows: string[][] = [];
  const why: (string | undefined)[] = [];
  for (const p of projects) {
    const r = p.series.atStatusDate;
    const eac = r.figures.selectedEac.value;
    const finish = r.schedule.forecastFinish.spiT;
    const colour = p.rag.overall.colour;
    // A figure that could not be computed says why, as in the report (`n/a (ac-is-zero)`).
    const eacText = eac.value === undefined ? missingText(eac) : formatMoney(roundMoney(eac.value, { rounding: "half-even" }));
    rows.push([p.code, colour ?? "n/a", dec(r.figures.cpi), dec(r.figures.spi), dec(r.schedule.spiT), eacText, finish.value === undefined ? missingText(finish) : finish.value]);
    // A colour is never shown without its rule (green needs none: every rated dimension met its rules — unless a human
    // overrode the computed colour, which the PMO confirms: "(overridden from amber, needs a decision)").
    const o = p.rag.overall;
    const from = o.override && o.computed !== undefined && o.computed !== colour ? o.computed : undefined;
    const over = from === undefined ? "" : ` (overridden from ${from}${RANK.indexOf(from) > RANK.indexOf(colour!) ? ", needs a decision" : ""})`;
    why.push(colour === "green" && !from ? undefined : `           why ${p.code}${colour === undefined ? "" : ` ${colour}`}${over}: ${overallRule(p.rag, people)}`);
  }
  // Columns are at least as wide as the sample's figures need and grow to fit a longer cell (a reason such as
  // `n/a (ac-is-zero)`), so every figure stays under its header.
  const widths = PROJECT_COLUMNS.map(([head, min], c) => Math.max(min, head.length, ...rows.map((row) => (row[c] as string).length)));
  const line = (cells: readonly string[]) => `           ${cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c] as number))).join(" ")}`;
  const lines = [`PROJECTS${line(PROJECT_COLUMNS.map(([head]) => head)).slice(8)}`];
  rows.forEach((row, k) => lines.push(line(row), ...(why[k] === undefined ? [] : [why[k] as string])));
  // SPI(t) depends on the period grid earned schedule samples PV on (weekly unless set): name it, as the report does.
  const grids = [...new Set(projects.map((p) => p.earnedValueOptions.grid?.kind ?? "weekly"))].sort();
  lines.push(`           SPI(t) read on the ${grids.join(" and ")} grid`);
  return lines;
}

/** What `rollout` and the summary say when there is no rollout plan. @internal */
export const NO_ROLLOUTS = "no rollout plans: the database has none, so there is no readiness or gate to judge";

/**
 * The `rollout` command's lines: per plan its readiness and its last gate's outcome (`GO`, `CONDITIONAL GO`,
 * `NO-GO`, as the reports spell them) with the reasons that decided it, then each other gate of the plan with its
 * outcome and reasons (`  gate Readiness exit: NO-GO — …`), as the report's gates table; one line when there is no plan.
 *
 * @example
 * ```ts
 * rolloutLines(delivery.rollouts)[0]; // "CRM go-live (Dynamics 365 Sales): ready 14.3%; Go/No-Go for the CRM cutover: NO-GO"
 * rolloutLines([]);                   // ["no rollout plans: the database has none, so there is no readiness or gate to judge"]
 * ```
 */
export function rolloutLines(rollouts: readonly RolloutAnalysis[]): string[] {
  if (rollouts.length === 0) return [NO_ROLLOUTS];
  return rollouts.flatMap((r) => [
    `${r.name}: ready ${percentText(r.progress.overall.percent)}${r.gate ? `; ${r.gate.gateName}: ${gateOutcomeText(r.gate.outcome)}` : ""}`,
    ...(r.gate ? r.gate.reasons.map((reason) => `  ${reason}`) : []),
    // The plan's other gates, as the report's gates table lists them (the exit code counts each NO-GO).
    ...r.gates.filter((g) => g.gateId !== r.gate?.gateId).map((g) => `  gate ${g.gateName}: ${gateOutcomeText(g.outcome)}${g.reasons.length > 0 ? ` — ${g.reasons.join("; ")}` : ""}`),
  ]);
}
