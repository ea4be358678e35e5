import type { SelectionSolver } from "../selection/index.js";
import { CliError } from "./errors.js";

/** The solvers `--solver` names. */
export const SOLVERS = ["built-in", "highs"] as const;

/** A solver name `--solver` accepts. */
export type SolverName = (typeof SOLVERS)[number];

type HighsModule = { createHighsSolver(): Promise<SelectionSolver> };

/**
 * The selection solver for `--solver`: `built-in` is pmokit's own (undefined: `selectPortfolio`'s default); `highs`
 * loads pmokit/highs, whose `highs` package is an optional peer — when it is not installed that is one line, exit 2.
 * `load` is the import (a parameter so a test can stand in for a missing package).
 *
 * @throws {CliError} `missing-dependency` when `highs` is not installed.
 * @example
 * ```ts
 * const solver = await loadSolver("highs"); // the HiGHS solver, or CliError "highs is not installed: npm install highs …"
 * ```
 */
export async function loadSolver(name: SolverName, load: () => Promise<HighsModule> = () => import("../highs/index.js")): Promise<SelectionSolver | undefined> {
  if (name === "built-in") return undefined;
  let highs: HighsModule;
  try {
    highs = await load();
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && /['"]highs['"]/.test((e as Error).message);
    if (!missing) throw e;
    throw new CliError("highs is not installed: npm install highs (the HiGHS solver of --solver highs is an optional peer; --solver built-in needs nothing)", { code: "missing-dependency" });
  }
  return highs.createHighsSolver();
}
