import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

/** Runs the CLI in-process: argv, stdout, stderr and the working folder are injected; nothing is spawned. */
export async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd });
  return { code, out, err };
}

/** A fresh temporary working folder. */
export const temp = (): string => mkdtempSync(join(tmpdir(), "pmokit-cli-"));

/** A pmokit dataset file's text. */
export const dataset = (records: Record<string, unknown[]>): string => JSON.stringify({ format: "pmokit-dataset", formatVersion: 1, records });

/** Timeout of a test that runs the whole sample office (seconds on a busy 2-core machine). */
export const HEAVY = 60_000;
