import { createReadStream } from "node:fs";
import { SaxesParser } from "saxes";
import { main } from "../src/cli/main.js";

/*
 * One case of the large-MSPDI benchmark, run in a fresh process by bench/io-mspdi.ts: `saxes <file>` (a bare saxes
 * pass over the file read in chunks, no handlers), `validate <file>` or `import <file> <db>` (the pmokit command,
 * in-process). Prints one JSON line: time in ms, peak RSS in MiB and the command's output.
 */
const [mode, file, db] = process.argv.slice(2) as [string, string, string];
const flags = ["--project", "prj-big", "--code", "PRJ-BIG", "--manager", "p-pm", "--sponsor", "p-sp", "--actor", "p-pm", "--imported-at", "2026-12-05T12:00:00.000Z"];
let output = "";
const io = { stdout: { write: (s: string) => (output += s) }, stderr: { write: (s: string) => (output += s) }, cwd: process.cwd() };
const t0 = performance.now();
if (mode === "saxes") {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let elements = 0;
  parser.on("opentag", () => elements++);
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) parser.write(chunk as string);
  parser.close();
  output = `${elements} elements`;
} else if (mode === "validate") {
  await main(["validate", file, ...flags], io);
} else {
  await main(["init", db], io);
  await main(["import", file, ...flags, "--db", db], io);
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, output: output.trim() }));
