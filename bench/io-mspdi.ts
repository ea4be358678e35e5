import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeMspdiPlan } from "./lib/mspdi.js";

/*
 * Peak memory of a large MS Project XML import (issue 18 #2). A seeded plan of TASKS tasks (bench/lib/mspdi.ts) is
 * written to a temporary file; each case then runs in its own child process (so one case's peak does not hide
 * another's) and reports its time and its peak resident set size (maxRSS):
 * - the floor: a bare saxes pass over the file, read in 1 MiB chunks (tokenising and well-formedness checks only);
 * - `pmokit validate` (two streaming passes, every record validated batch by batch, nothing stored);
 * - `pmokit import` into a fresh SQLite file (the same, stored in one transaction).
 * Goal: peak RSS ≤ 2 × file size + 200 MB.
 */

interface ChildResult {
  readonly ms: number;
  readonly maxRssMiB: number;
  readonly output: string;
}

function child(mode: string, file: string, dir: string): ChildResult {
  const entry = fileURLToPath(new URL("./io-mspdi-child.ts", import.meta.url));
  const out = execFileSync(process.execPath, ["--import", "tsx", entry, mode, file, join(dir, `${mode}.sqlite`)], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").at(-1)!) as ChildResult;
}

/** Runs the large-MSPDI memory benchmark and prints its table. */
export function runMspdiMemoryBenchmark(tasks = 200_000): void {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-bench-mspdi-"));
  try {
    const file = join(dir, `plan-${tasks}.xml`);
    const assignments = writeMspdiPlan(file, tasks);
    const mb = statSync(file).size / 1e6;
    const goal = 2 * mb + 200;
    const cases = [
      ["bare saxes pass, 1 MiB chunks (floor)", child("saxes", file, dir)],
      ["pmokit validate (two streaming passes, batches)", child("validate", file, dir)],
      ["pmokit import into SQLite (one transaction)", child("import", file, dir)],
    ] as const;
    console.log(`\n## Large MS Project XML import: ${tasks.toLocaleString("en")} tasks, ${assignments.toLocaleString("en")} assignments, ${mb.toFixed(0)} MB file (each case in its own process)\n`);
    console.log("| case | time | peak RSS | time to the floor | goal ≤ 2 × file + 200 MB |");
    console.log("|---|---:|---:|---:|---|");
    const floor = cases[0][1].ms;
    for (const [name, r] of cases) {
      const rssMb = (r.maxRssMiB * 1024 * 1024) / 1e6;
      console.log(`| ${name} | ${(r.ms / 1000).toFixed(1)} s | ${rssMb.toFixed(0)} MB | ${(r.ms / floor).toFixed(1)}× | ${rssMb <= goal ? "met" : "NOT met"} (${goal.toFixed(0)} MB) |`);
    }
    console.log(`\n${cases[1][1].output}\n${cases[2][1].output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
