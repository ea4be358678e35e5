import { runCoreBenchmarks } from "./core.bench.js";
import { runIoBenchmarks } from "./io.bench.js";
import { runPrioritizationBenchmarks } from "./prioritization.bench.js";
import { runScheduleBenchmarks } from "./schedule.bench.js";
import { runSelectionBenchmarks } from "./selection.bench.js";
import { runSqlBenchmarks } from "./sql.bench.js";
import { runTraceabilityBenchmarks } from "./traceability.bench.js";
import { runVarianceBenchmarks } from "./variance.bench.js";

/*
 * `npm run bench`: every benchmark group, each printing a Markdown table with medians and ratios against the
 * baseline measured in the same process. Pass group names to run only some: `npm run bench -- core selection`.
 */
const groups: Record<string, () => Promise<void>> = {
  core: runCoreBenchmarks,
  prioritization: runPrioritizationBenchmarks,
  selection: runSelectionBenchmarks,
  variance: runVarianceBenchmarks,
  traceability: runTraceabilityBenchmarks,
  sql: runSqlBenchmarks,
  io: runIoBenchmarks,
  schedule: runScheduleBenchmarks,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in groups));
if (unknown.length > 0) {
  console.error(`unknown benchmark group(s): ${unknown.join(", ")}; known: ${Object.keys(groups).join(", ")}`);
  process.exit(2);
}
console.log(`# pmokit benchmarks — node ${process.version}, ${process.arch}, ${new Date().toISOString().slice(0, 10)}`);
for (const [name, run] of Object.entries(groups)) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
