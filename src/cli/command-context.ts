import { resolve } from "node:path";
import type { IsoDate } from "../core/index.js";
import type { ImportedRecords } from "../io/index.js";
import { INTAKE_MODEL } from "./intake.js";
import { readModelFile } from "./model-file.js";
import type { IntakeFlags } from "./options.js";
import type { CliIo } from "./progress.js";
import { loadSolver } from "./solver.js";
import { jsonText } from "./terminal.js";

/** Exit codes: 0 success, 1 findings (a red project, a NO-GO gate, suspect links…), 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** What every command of one `main` run shares: its streams, its dates, its exit code and how its errors print. */
export interface CommandContext {
  /** The streams, guarded: everything printed goes through it. */
  readonly io: CliIo;
  /** The streams as given (progress bars, the clock and the record readers take them). */
  readonly raw: CliIo;
  /** Today in UTC, noted so that the finished command says it stood in for `--as-of`. */
  readonly today: () => IsoDate;
  /** The status date of a command: `--as-of`, else the data's status date (noted), else today. */
  readonly dataAsOf: (o: { asOf?: string; project?: string }) => (records: ImportedRecords) => string;
  /** Sets the exit code the run resolves to. */
  readonly setExit: (code: number) => void;
  /** How an error prints: every problem (`validate`, `model --check`) and the file they are in. */
  readonly errorOutput: { listAll: boolean; subject?: string };
}

/** The options every analysis command takes. */
export type AnalysisOpts = { db: string; asOf?: string; json?: boolean };

/** Writes one JSON document on stdout. */
export function json(io: CliIo, value: unknown): void {
  io.stdout.write(`${jsonText(value)}\n`);
}

/** The intake options read before any data: the model file and the solver, so a bad one fails before the work. */
export async function intakeSetup(io: CliIo, o: IntakeFlags) {
  const model = o.model !== undefined ? await readModelFile(resolve(io.cwd, o.model)) : INTAKE_MODEL;
  const solver = await loadSolver(o.solver);
  return { model, solver };
}
