/**
 * `npm run demo` — runs the whole Northwind sample office (examples/data) on an embedded SQLite file: loads it
 * through the SQL adapter in one transaction, scores and ranks the intake, selects the FY2027 portfolio under budget
 * and capacity, computes earned value and earned schedule for the four running projects at 2026-11-20, analyses
 * traceability, judges the CRM go/no-go gate, computes the KPIs, prints a summary and writes
 * `pmo-report/index.html`, `pmo-report/report.md` and `pmo-report/report.xlsx`. The same as `pmokit demo`; options pass through
 * (`npm run demo -- --out elsewhere --db /tmp/demo.sqlite`, `--help`).
 */
import { main } from "../src/cli/main.js";

const started = performance.now();
const code = await main(["demo", ...process.argv.slice(2)], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
// Timing goes to stderr so the summary on stdout stays the same from run to run.
if (code === 0 && !process.argv.includes("--json")) process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
process.exitCode = code;
