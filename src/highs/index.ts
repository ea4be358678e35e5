/**
 * pmokit/highs: the HiGHS MIP solver (WebAssembly, via the optional `highs` peer dependency) behind pmokit's
 * selection solver port.
 *
 * @module
 */
export { createHighsSolver, type HighsSolverOptions, type HighsSelectionSolver } from "./highs-solver.js";
