import { runCoreBenchmarks } from "./core.bench.js";

/*
 * `npm run bench`: every benchmark group, each printing a Markdown table with medians and ratios against the
 * baseline measured in the same process. Pass group names to run only some: `npm run bench -- core`.
 */
const groups: Record<string, () => Promise<void>> = {
  core: runCoreBenchmarks,
};

const wanted = process.argv.slice(2);
console.log(`# pmokit benchmarks — node ${process.version}, ${process.arch}, ${new Date().toISOString().slice(0, 10)}`);
for (const [name, run] of Object.entries(groups)) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
