import { Command, Option } from "commander";
import type { ImportedRecords } from "../io/index.js";
import { metric } from "../core/index.js";
import { earnedValueWarningText, missingText, overallRule } from "../reports/index.js";
import { json, EXIT, type AnalysisOpts, type CommandContext } from "./command-context.js";
import { CliError } from "./errors.js";
import { evmWarningLines } from "./ev-baseline.js";
import { namingFlags } from "./flag-paths.js";
import { jsonDecimal, jsonMissing, jsonMoney } from "./json-figures.js";
import type { DeliveryAnalysis } from "./office.js";
import { asOfOption, dbOption, jsonOption, parseDate, planConventionOptions, DATA_STATUS_DATE, PLAN_STATUS_DATE, RISK_FLAGS, type PlanConventionFlags } from "./options.js";
import { progress } from "./progress.js";
import { olderStatusDateWarning, readRecords, withDelivery, withSchedule } from "./records.js";
import { analyzeOfficeRisk, OFFICE_RISK_RUN, startedImpactText } from "./risk.js";
import { planConventionsOf } from "./schedule.js";
import { scheduleSummary } from "./schedule-summary.js";
import { projectLines, rolloutLines } from "./summary.js";
import { printable } from "./terminal.js";
import { traceSummary } from "./trace.js";

/** The delivery commands: `evm`, `trace`, `rollout`, `schedule` and `risk`. */
export function registerDeliveryCommands(program: Command, ctx: CommandContext): void {
  const { io, raw, dataAsOf } = ctx;
  type AnalysisOpts = { db: string; asOf?: string; json?: boolean };
  const analysis = (name: string, description: string, show: (delivery: DeliveryAnalysis, asJson: boolean, records: ImportedRecords, asOfGiven: boolean) => number) =>
    program.command(name).description(description).addOption(dbOption()).addOption(asOfOption(DATA_STATUS_DATE)).addOption(jsonOption())
      .action(async (o: AnalysisOpts) => {
        let records: ImportedRecords = {};
        const delivery = await withDelivery(raw, { db: o.db, asOf: (r) => dataAsOf(o)((records = r)) });
        ctx.setExit(show(delivery, o.json === true, records, o.asOf !== undefined));
      });

  analysis("evm", "earned value and earned schedule of the running projects; exit 1 when a project is red", (d, asJson, records, asOfGiven) => {
    // Measured as of the data's status date (no --as-of): a project whose own date is older is said to be.
    const older = (code: string) => (asOfGiven ? [] : olderStatusDateWarning(records, code, d.statusDate));
    if (asJson) {
      json(io, d.projects.map((p) => {
        const f = p.series.atStatusDate.figures;
        const s = p.series.atStatusDate.schedule;
        return {
          project: p.code, statusDate: p.series.atStatusDate.statusDate, rag: p.rag.overall.colour ?? null, rule: overallRule(p.rag, d.people),
          bac: jsonMoney(f.bac), pv: jsonMoney(f.pv), ev: jsonMoney(f.ev), ac: jsonMoney(f.ac),
          cpi: jsonDecimal(f.cpi), spi: jsonDecimal(f.spi), spiT: jsonDecimal(s.spiT), eac: jsonMoney(f.selectedEac.value),
          forecastFinish: s.forecastFinish.spiT.value === undefined ? jsonMissing(s.forecastFinish.spiT) : s.forecastFinish.spiT.value,
          warnings: [...older(p.code), ...p.series.atStatusDate.warnings.map((w) => earnedValueWarningText(w, p.series.atStatusDate.packages))],
        };
      }));
    }
    else io.stdout.write(`${projectLines(d.projects, d.people).map(printable).join("\n")}\n`);
    // The calculator's warnings (a fallback to another baseline than the one asked for …) are printed, never dropped.
    if (!asJson) for (const p of d.projects) for (const line of [...older(p.code).map((w) => `warning: ${w}`), ...evmWarningLines(p.code, p.series.atStatusDate.warnings, p.series.atStatusDate.packages)]) io.stderr.write(`${printable(line)}\n`);
    return d.projects.some((p) => p.rag.overall.colour === "red") ? EXIT.findings : EXIT.ok;
  });
  analysis("trace", "traceability: coverage per level, structural findings, suspects, outdated/predated links, acknowledgement gaps; exit 1 on uncovered requirements (rejected and obsolete ones need no coverage), a structural finding of severity error (a dangling link, a duplicate item, a cycle), suspect, outdated or predated links, or acknowledgement gaps", (d, asJson) => {
    const t = traceSummary(d);
    if (asJson) json(io, t.json);
    else io.stdout.write(`${t.text.join("\n")}\n`);
    return t.findings ? EXIT.findings : EXIT.ok;
  });
  analysis("rollout", "rollout readiness and the go/no-go gate; exit 1 when a gate is NO-GO", (d, asJson) => {
    const gateJson = (g: NonNullable<(typeof d.rollouts)[number]["gate"]>) => ({ name: g.gateName, outcome: g.outcome, blockers: g.blockers.map((b) => b.code ?? b.id), reasons: g.reasons });
    if (asJson) json(io, d.rollouts.map((r) => ({ plan: r.name, statusDate: d.statusDate, readyPercent: jsonDecimal(r.progress.overall.percent), gate: r.gate ? gateJson(r.gate) : null, gates: r.gates.map(gateJson) })));
    else io.stdout.write(`${rolloutLines(d.rollouts).map(printable).join("\n")}\n`);
    return d.rollouts.some((r) => r.gates.some((g) => g.outcome === "no-go")) ? EXIT.findings : EXIT.ok;
  });

  planConventionOptions(program.command("schedule").description("CPM schedule of the projects at the status date (one network: cross-project links bind); exit 1 on a missed deadline or negative float")
    .option("--project <id>", "only this project (id or code)"))
    .addOption(dbOption()).addOption(asOfOption(PLAN_STATUS_DATE)).addOption(jsonOption())
    .action(async (o: AnalysisOpts & PlanConventionFlags & { project?: string }) => {
      const schedule = await withSchedule(io, { db: o.db, asOf: dataAsOf(o), ...(o.project !== undefined ? { project: o.project } : {}), ...planConventionsOf(o) });
      if (o.project !== undefined && schedule.projects.length === 0) throw new CliError(`no project ${o.project}`, { code: "usage" });
      const lines = scheduleSummary(schedule);
      if (o.json) json(io, lines.json);
      else io.stdout.write(`${lines.text.join("\n")}\n`);
      ctx.setExit(schedule.projects.some((p) => p.result.violations.some((v) => v.kind === "deadline-missed" || v.kind === "negative-float")) ? EXIT.findings : EXIT.ok);
    });

  const positiveInt = (name: string, max: number) => (v: string) => {
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new CliError(`${name} must be a whole number from 1 to ${max}, got ${v}`, { code: "usage" });
    return Number(v);
  };
  planConventionOptions(program.command("risk").description("Monte Carlo schedule risk per project (duration estimates, open risks); exit 1 when P80 finishes after the target (default: the planned finish)")
    .option("--project <id>", "only this project (id or code)"))
    .option("--iterations <n>", "iterations per project", positiveInt("--iterations", 1_000_000), OFFICE_RISK_RUN.iterations)
    .option("--seed <n>", "random seed (same seed, same answer)", (v: string) => {
      // Past 2^53 − 1 the number would no longer be the seed written (and the analysis refuses it as a validation error).
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new CliError(`--seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${v}`, { code: "usage" });
      return Number(v);
    }, OFFICE_RISK_RUN.seed)
    .addOption(new Option("--target <date>", "finish date to measure against (default: each project's planned finish)").argParser(parseDate("--target")))
    .addOption(dbOption()).addOption(asOfOption(PLAN_STATUS_DATE)).addOption(jsonOption())
    .action(async (o: AnalysisOpts & PlanConventionFlags & { project?: string; iterations: number; seed: number; target?: string }) => {
      const records = await readRecords(raw, o.db);
      if (o.project !== undefined && !(records.project ?? []).some((p) => p.id === o.project || p.code === o.project)) throw new CliError(`no project ${o.project}`, { code: "usage" });
      const projects = o.project !== undefined ? 1 : (records.project ?? []).length;
      const bar = progress(raw, 100 * projects, "risk");
      // A library error names the flag typed (`--target: 2020-01-01 is before the plan's start`), not the option.
      const results = namingFlags(RISK_FLAGS, () => analyzeOfficeRisk(records, {
        statusDate: dataAsOf(o)(records), iterations: o.iterations, seed: o.seed, ...(o.project !== undefined ? { project: o.project } : {}), ...(o.target !== undefined ? { target: o.target } : {}), ...planConventionsOf(o),
        onProgress: (_p, done, total) => { if (done < total) bar.tick(`${done}/${total}`); },
      }));
      bar.stop();
      const pct = (r: (typeof results)[number], n: number) => r.result.percentiles.find((p) => p.percent === n);
      if (o.json) {
        json(io, results.map((r) => ({
          project: r.code, iterations: r.result.iterations, seed: r.result.seed, method: r.result.method, conventions: r.result.conventions, deterministicFinish: r.result.deterministicFinish,
          percentiles: r.result.percentiles.map((p) => ({ percent: p.percent, finish: p.finish, cost: jsonMoney(metric(p.cost)) })),
          target: r.target ?? null, probabilityOfTarget: jsonDecimal(r.result.probabilityOfFinish),
          tornado: r.result.tornado.slice(0, 10).map((t) => ({ activity: t.id, sensitivity: t.sensitivity.toFixed() })),
          criticality: r.result.activities.filter((a) => a.criticalityIndex.gt(0)).map((a) => ({ activity: a.id, index: a.criticalityIndex.toFixed() })),
          leftOut: r.leftOut.map((l) => ({ risk: l.riskId, reason: l.reason })),
          startedWork: r.startedImpacts.map((i) => ({ risk: i.riskId, days: i.days, activities: i.activities })),
        })));
      } else if (results.length === 0) {
        io.stdout.write(projects === 0 ? "no projects to simulate: the database has none\n" : "no projects to simulate: none has duration estimates or risk events (give work packages a durationEstimate, or open risks a scheduleImpactOn and scheduleImpactDays; an MS Project file carries neither)\n");
      } else {
        for (const r of results) {
          io.stdout.write(`${r.code.padEnd(9)} ${r.result.percentiles.map((p) => `P${p.percent} ${p.finish}`).join("  ")}  (deterministic ${r.result.deterministicFinish})\n`);
          if (r.target) io.stdout.write(`          P(finish ≤ ${r.target}) = ${r.result.probabilityOfFinish.value === undefined ? missingText(r.result.probabilityOfFinish) : r.result.probabilityOfFinish.value.toFixed(3)}\n`);
          // Activities by label, as `schedule` and the report's tornado name them (an id where the project has none: another project's).
          io.stdout.write(`          drivers: ${r.result.tornado.slice(0, 3).map((t) => `${Object.hasOwn(r.labels, t.id) ? r.labels[t.id] : t.id} ${t.sensitivity.toFixed(2)}`).join(", ") || "none"}\n`);
          for (const i of r.startedImpacts) io.stdout.write(`          not simulated: ${startedImpactText(i, r.labels)}\n`);
          if (r.leftOut.length > 0) io.stdout.write(`          left out: ${r.leftOut.map((l) => `${l.riskId} (${l.reason === "no-impact" ? "no scheduleImpactDays or costImpact" : "no activity in the plan"})`).join(", ")}\n`);
        }
      }
      ctx.setExit(results.some((r) => r.target !== undefined && (pct(r, 80)?.finish ?? "") > r.target) ? EXIT.findings : EXIT.ok);
    });
}
