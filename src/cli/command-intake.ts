import { resolve } from "node:path";
import type { Command } from "commander";
import { isoDate, minorUnits } from "../core/index.js";
import { intakeSetup, json, EXIT, type AnalysisOpts, type CommandContext } from "./command-context.js";
import { resolveEnvelope } from "./envelope.js";
import { CliError } from "./errors.js";
import { INTAKE_MODEL, scoreIntake, selectIntake } from "./intake.js";
import { jsonDecimal } from "./json-figures.js";
import { readModelFile } from "./model-file.js";
import { asOfOption, dbOption, envelopeFlags, jsonOption, modelOption, DATA_STATUS_DATE, selectionOptions, type IntakeFlags } from "./options.js";
import { readRecords } from "./records.js";
import { scoreLines, selectionLines } from "./summary.js";
import { jsonText, printable } from "./terminal.js";

/** The intake commands: `score` and `select`. */
export function registerIntakeCommands(program: Command, ctx: CommandContext): void {
  const { io, raw, dataAsOf } = ctx;
  program.command("score").description("rank the intake with a scoring model (default: the built-in weighted model over the sample's criteria)")
    .addOption(dbOption()).addOption(asOfOption(DATA_STATUS_DATE)).addOption(modelOption()).addOption(jsonOption())
    .action(async (o: AnalysisOpts & { model?: string }) => {
      const model = o.model !== undefined ? await readModelFile(resolve(io.cwd, o.model)) : INTAKE_MODEL;
      const records = await readRecords(raw, o.db);
      const { scoreboard } = scoreIntake(records, isoDate(dataAsOf(o)(records)), model);
      if (o.json) json(io, scoreboard.entries.map((e) => ({ rank: e.rank, request: e.requestId, status: e.status, score: e.score.value?.toFixed() ?? null, reason: e.score.reason ?? null })));
      else if (scoreboard.entries.length === 0) io.stdout.write("no requests to rank: the database has none\n");
      else io.stdout.write(`${scoreLines(scoreboard, records.request ?? []).map(printable).join("\n")}\n`);
    });

  selectionOptions(program.command("select").description("select the portfolio of open requests under the budget and capacity of one period; exit 1 when infeasible")
    .addOption(dbOption()).addOption(asOfOption(DATA_STATUS_DATE))).addOption(jsonOption())
    .action(async (o: IntakeFlags & AnalysisOpts) => {
      const { model, solver } = await intakeSetup(raw, o);
      const records = await readRecords(raw, o.db);
      const envelope = resolveEnvelope(envelopeFlags(o), records.request ?? []);
      const intake = scoreIntake(records, isoDate(dataAsOf(o)(records)), model);
      const selection = await selectIntake(intake, envelope, solver);
      const r = selection.result;
      if (o.json) {
        json(io, {
          status: r.status, selected: r.selected, excluded: r.excluded, objective: jsonDecimal(r.objective),
          whyNot: r.whyNot.map((w) => ({ candidate: w.candidate, explanation: w.explanation })), binding: r.binding.map((b) => `${b.constraint.label}: ${b.description}`),
          conflicts: r.conflicts.map((c) => c.explanation),
          envelope: { period: envelope.period, budget: { amount: envelope.budget.amount.toFixed(minorUnits(envelope.budget.currency)), currency: envelope.budget.currency }, capacity: envelope.capacity }, solver: r.solver,
        });
      } else io.stdout.write(`${selectionLines(selection, [...intake.requests, ...intake.others]).map(printable).join("\n")}\n`);
      ctx.setExit(r.status === "infeasible" ? EXIT.findings : EXIT.ok);
    });
}

/** `model`: the built-in scoring model, or a model file checked. */
export function registerModelCommand(program: Command, ctx: CommandContext): void {
  const { io, errorOutput } = ctx;
  program.command("model").description("print the built-in scoring model as JSON, to copy and adapt for --model (--print, the default), or check a model file (--check <file>)")
    .option("--print", "print the built-in intake model as JSON")
    .option("--check <file>", "validate a scoring model file; exit 2 with every problem when invalid")
    .addOption(jsonOption())
    .action(async (o: { print?: boolean; check?: string; json?: boolean }) => {
      if (o.print && o.check !== undefined) throw new CliError("give --print or --check <file>, not both", { code: "usage" });
      if (o.check === undefined) {
        io.stdout.write(`${jsonText(INTAKE_MODEL)}\n`);
        return;
      }
      errorOutput.listAll = true;
      errorOutput.subject = o.check;
      const model = await readModelFile(resolve(io.cwd, o.check));
      if (o.json) json(io, { file: o.check, valid: true, kind: model.kind, name: model.name ?? model.kind, criteria: model.criteria.map((c) => c.id) });
      else io.stdout.write(`${printable(o.check)}: valid ${model.kind} model "${printable(model.name ?? model.kind)}" over ${model.criteria.length} criteria (${model.criteria.map((c) => printable(c.id)).join(", ")})\n`);
    });
}
