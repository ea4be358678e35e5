import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

/** The instant the tests' clock reads: the sample office's status date, so `--as-of` defaults to 2026-11-20. */
export const TEST_NOW = new Date("2026-11-20T12:00:00.000Z");

/**
 * Runs the CLI in-process: argv, stdout, stderr, the working folder and the clock are injected; nothing is spawned
 * and no test depends on the real date.
 */
export async function run(argv: string[], cwd: string, now: () => Date = () => TEST_NOW): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd, now });
  return { code, out, err };
}

/** A fresh temporary working folder. */
export const temp = (): string => mkdtempSync(join(tmpdir(), "pmokit-cli-"));

/** A pmokit dataset file's text. */
export const dataset = (records: Record<string, unknown[]>): string => JSON.stringify({ format: "pmokit-dataset", formatVersion: 1, records });

/** Writes `records` as `plan.json` in `cwd`, creates `p.sqlite` there and imports them; the exit codes and stderr of both steps. */
export async function importIntoFreshDatabase(cwd: string, records: Record<string, unknown[]>): Promise<{ init: number; imported: { code: number; err: string } }> {
  writeFileSync(join(cwd, "plan.json"), dataset(records));
  const init = (await run(["init", "p.sqlite"], cwd)).code;
  const imported = await run(["import", "plan.json", "--db", "p.sqlite"], cwd);
  return { init, imported: { code: imported.code, err: imported.err } };
}

/** Timeout of a test that runs the whole sample office (seconds on a busy 2-core machine). */
export const HEAVY = 60_000;
