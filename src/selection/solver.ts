import type { SelectionModel } from "./model.js";

/** Limits and hints for one solver run. */
export interface SolverRunOptions {
  /** Relative gap at which the solver may stop: `(bound − objective) / |objective|`. */
  readonly gap: number;
  /** Wall-clock limit in milliseconds; a solver must return its best plan and bound when it is reached. */
  readonly timeLimitMs: number;
  /** A feasible plan to start from (one 0/1 byte per candidate), when the caller has one. */
  readonly warmStart?: Uint8Array | undefined;
}

/** What a solver returns: its best plan (if any), the best proven upper bound, and why it stopped. */
export interface SolverRun {
  /** Best plan found (0/1 per candidate), or undefined when it found none. */
  readonly plan: Uint8Array | undefined;
  /** Proven upper bound on the objective (in the model's float units). */
  readonly bound: number;
  /**
   * Why the solver stopped: `optimal` (proven), `gap` (proven within the requested gap), `time-limit` (the clock cut
   * the work short), `node-limit` (its work limit was reached first), `infeasible`.
   */
  readonly stoppedBy: "optimal" | "gap" | "time-limit" | "node-limit" | "infeasible";
  /** Free-form detail for logs (solver status text, node count). */
  readonly detail?: string | undefined;
}

/**
 * The solver port. pmokit ships a dependency-free built-in solver ({@link builtInSolver}) and a HiGHS adapter in
 * `pmokit/highs`; any 0/1 solver can be plugged in by implementing this interface. A solver never needs to be
 * trusted: {@link selectPortfolio} re-verifies every plan it returns against the exact problem.
 *
 * @example
 * ```ts
 * const mySolver: SelectionSolver = {
 *   name: "my-mip",
 *   solve(model, { gap, timeLimitMs }) { return { plan: new Uint8Array(model.ids.length), bound: 0, stoppedBy: "optimal" }; },
 * };
 * ```
 */
export interface SelectionSolver {
  /** Name shown in results (`"built-in"`, `"highs"`). */
  readonly name: string;
  /** Solves the model within the limits. */
  solve(model: SelectionModel, options: SolverRunOptions): SolverRun | Promise<SolverRun>;
}
