import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { amountString, intBetween, seededRandom } from "./lib/random.js";

/*
 * Peak memory of a large CSV import (issue 18 #2). A seeded cost-entry CSV of ROWS rows is written to a temporary
 * file; each case then runs in its own child process (so one case's peak does not hide another's) and reports its
 * time and its peak resident set size (maxRSS):
 * - the floor: a bare csv-parse stream pass over the file (no validation, nothing kept);
 * - `pmokit validate` (every row typed and validated through the entity codec, batch by batch, nothing stored);
 * - `pmokit import` into a fresh SQLite file (the same, stored in one transaction).
 * Goal: peak RSS ≤ 2 × file size + 200 MB.
 */

const CATEGORIES = ["labour", "software", "hardware", "services", "travel"];

/** Writes a seeded cost-entry CSV of `rows` rows and returns its path. */
export function writeCostCsv(dir: string, rows: number, seed = 20261204): string {
  const rnd = seededRandom(seed);
  const file = join(dir, `costs-${rows}.csv`);
  const fd = openSync(file, "w");
  try {
    writeSync(fd, "id,projectId,workPackageId,date,amount.amount,amount.currency,category,expenditure,description,sourceRef\n");
    let buf = "";
    for (let i = 1; i <= rows; i++) {
      const month = String(intBetween(rnd, 1, 12)).padStart(2, "0");
      const day = String(intBetween(rnd, 1, 28)).padStart(2, "0");
      buf += `ce-${i},PRJ-${intBetween(rnd, 1, 40)},wp-${intBetween(rnd, 1, 400)},2026-${month}-${day},${amountString(rnd, 50_000)},EUR,${CATEGORIES[intBetween(rnd, 0, 4)]},opex,"Invoice ${i}, services",INV-${i}\n`;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = "";
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return file;
}

interface ChildResult {
  readonly ms: number;
  readonly maxRssMiB: number;
  readonly output: string;
}

function child(mode: string, file: string, dir: string): ChildResult {
  const entry = fileURLToPath(new URL("./io-csv-child.ts", import.meta.url));
  // Run from the repository (where tsx resolves); the database goes beside the CSV.
  const out = execFileSync(process.execPath, ["--import", "tsx", entry, mode, file, join(dir, `${mode}.sqlite`)], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").at(-1)!) as ChildResult;
}

/** Runs the large-CSV memory benchmark and prints its table. */
export function runCsvMemoryBenchmark(rows = 1_000_000): void {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-bench-csv-"));
  try {
    const file = writeCostCsv(dir, rows);
    const mb = statSync(file).size / 1e6;
    const goal = 2 * mb + 200;
    const cases = [
      ["bare csv-parse stream pass (floor)", child("parse", file, dir)],
      ["pmokit validate (stream, batches)", child("validate", file, dir)],
      ["pmokit import into SQLite (one transaction)", child("import", file, dir)],
    ] as const;
    console.log(`\n## Large CSV import: ${rows.toLocaleString("en")} cost entries, ${mb.toFixed(0)} MB file (each case in its own process)\n`);
    console.log("| case | time | peak RSS | ratio to the floor | goal ≤ 2 × file + 200 MB |");
    console.log("|---|---:|---:|---:|---|");
    const floor = cases[0][1].ms;
    for (const [name, r] of cases) {
      const rssMb = (r.maxRssMiB * 1024 * 1024) / 1e6;
      console.log(`| ${name} | ${(r.ms / 1000).toFixed(1)} s | ${rssMb.toFixed(0)} MB | ${(r.ms / floor).toFixed(1)}× | ${rssMb <= goal ? "met" : "NOT met"} (${goal.toFixed(0)} MB) |`);
    }
    console.log(`\n${cases[2][1].output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
