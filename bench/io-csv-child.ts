import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { main } from "../src/cli/main.js";

/*
 * One case of the large-CSV benchmark, run in a fresh process by bench/io-csv.ts: `parse <file>` (a bare csv-parse
 * pass), `validate <file>` or `import <file> <db>` (the pmokit command, in-process). Prints one JSON line: time in ms,
 * peak RSS in MiB and the command's output.
 */
const [mode, file, db] = process.argv.slice(2) as [string, string, string];
let output = "";
const io = { stdout: { write: (s: string) => (output += s) }, stderr: { write: (s: string) => (output += s) }, cwd: process.cwd() };
const t0 = performance.now();
if (mode === "parse") {
  let rows = 0;
  for await (const _row of createReadStream(file).pipe(parse({ bom: true, skip_empty_lines: true }))) rows++;
  output = `${rows} rows`;
} else if (mode === "validate") {
  await main(["validate", file, "--kind", "cost-entry", "--imported-at", "2026-12-04T12:00:00.000Z"], io);
} else {
  await main(["init", db], io);
  await main(["import", file, "--kind", "cost-entry", "--db", db, "--imported-at", "2026-12-04T12:00:00.000Z"], io);
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, output: output.trim() }));
