import { Command, CommanderError } from "commander";
import type { ImportedRecords } from "../io/index.js";
import { todayUtc } from "./clock.js";
import { EXIT, type CommandContext } from "./command-context.js";
import { registerDeliveryCommands } from "./command-delivery.js";
import { registerFileCommands, registerTemplateCommand } from "./command-files.js";
import { registerIntakeCommands, registerModelCommand } from "./command-intake.js";
import { registerDemoCommand, registerReportCommand } from "./command-report.js";
import { CliError, toCliError } from "./errors.js";
import { renamePaths } from "./flag-paths.js";
import { AS_OF_FLAG } from "./options.js";
import { printError } from "./error-output.js";
import type { CliIo } from "./progress.js";
import { ownStatusDateNote, planStatusDate } from "./records.js";
import { guardedIo, printable } from "./terminal.js";
import { pmokitVersion } from "./version.js";

export { EXIT } from "./command-context.js";

/**
 * The `pmokit` command, runnable in-process: parses `argv` (without the node and script entries), writes to the
 * injected streams and resolves to the exit code instead of exiting.
 *
 * @example
 * ```ts
 * const code = await main(["evm", "--db", "pmo.sqlite", "--json"], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
 * process.exitCode = code;
 * ```
 */
export async function main(argv: readonly string[], raw: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  // Everything printed goes through the guard; names from files and databases are also made one line (printable).
  const io = guardedIo(raw);
  // Errors follow the output: JSON on stdout with --json (even a usage error commander finds), a line on stderr without.
  const end = argv.indexOf("--");
  const asJson = (end < 0 ? argv : argv.slice(0, end)).includes("--json");
  const errorOutput: { listAll: boolean; subject?: string } = { listAll: false };
  // When the clock's date stands in for --as-of, a finished command says so on stderr: figures are never silently of today.
  let clockDate: string | undefined;
  const today = () => (clockDate = todayUtc(raw));
  // Analyses default to the data's status date (the latest project statusDate; an MS Project file's StatusDate, else
  // CurrentDate), as the demo does, else today: also stated.
  let dataDate: string | undefined, asOfGiven = false; // with --as-of, an error at `statusDate` (400 years …) names it
  let ownDate = ""; // schedule|risk --project: the project's own other status date (ownStatusDateNote)
  const dataAsOf = (o: { asOf?: string; project?: string }) => (records: ImportedRecords) => {
    if (o.asOf !== undefined) {
      asOfGiven = true;
      return o.asOf;
    }
    [dataDate, ownDate] = [planStatusDate(records), ownStatusDateNote(records, o.project)];
    return dataDate ?? today();
  };
  const program = new Command("pmokit")
    .description("pmokit — the Project Management Office toolkit on an embedded SQLite database")
    .version(pmokitVersion(), "-V, --version", "print the pmokit version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .showHelpAfterError(false);

  // The commands, by concern, in the order --help lists them.
  const ctx: CommandContext = { io, raw, today, dataAsOf, setExit: (c) => (code = c), errorOutput };
  registerFileCommands(program, ctx); // init, import, validate
  registerIntakeCommands(program, ctx); // score, select
  registerDeliveryCommands(program, ctx); // evm, trace, rollout, schedule, risk
  registerReportCommand(program, ctx);
  registerTemplateCommand(program, ctx);
  registerModelCommand(program, ctx);
  registerDemoCommand(program, ctx);

  try {
    await program.parseAsync([...argv], { from: "user" });
    if (clockDate !== undefined) io.stderr.write(`pmokit: as of ${clockDate}, today in UTC (no --as-of given)\n`);
    if (dataDate !== undefined) io.stderr.write(`pmokit: as of ${dataDate}, the data's status date (no --as-of given)${printable(ownDate)}\n`);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `--help` exits 0; help shown because no command was given is a usage error.
      if (e.code === "commander.helpDisplayed" || e.code === "commander.help" || e.code === "commander.version") return e.exitCode === 0 ? EXIT.ok : EXIT.error;
      printError(io, new CliError(e.message.replace(/^error: /, ""), { code: "usage" }), { json: asJson, listAll: false });
      return EXIT.error;
    }
    const error = toCliError(asOfGiven ? renamePaths(e, AS_OF_FLAG) : e);
    printError(io, error, { json: asJson, ...errorOutput });
    return error.exitCode;
  }
}
