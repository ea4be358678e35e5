import { accessSync, constants, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Report, ReportSection } from "../reports/index.js";
import { CliError } from "./errors.js";

/**
 * Checks up front that a folder exists or can be created and is writable, so a long run does not fail at the end.
 *
 * @example
 * ```ts
 * ensureWritableDir("pmo-report"); // throws CliError "pmo-report: cannot write here (EACCES)"
 * ```
 */
export function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new CliError(`${dir}: cannot write the output folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Writes a set of files under a folder all or nothing: each file goes to a temporary name first and the files are
 * renamed into place only once every one was written; on any failure the temporary files are removed.
 *
 * @example
 * ```ts
 * writeFilesAtomically("pmo-report", { "index.html": html, "report.md": md });
 * ```
 */
export function writeFilesAtomically(dir: string, files: Readonly<Record<string, string | Uint8Array>>): readonly string[] {
  ensureWritableDir(dir);
  const staged: [string, string][] = [];
  try {
    for (const [name, text] of Object.entries(files)) {
      const target = resolve(dir, name);
      mkdirSync(dirname(target), { recursive: true });
      const tmp = `${target}.pmokit-tmp`;
      writeFileSync(tmp, text);
      staged.push([tmp, target]);
    }
  } catch (e) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw new CliError(`${dir}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  for (const [tmp, target] of staged) renameSync(tmp, target);
  return staged.map(([, t]) => t);
}

/** The chart files a Markdown report refers to: `file` → SVG, from every chart block that names one. */
export function chartFiles(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (s: ReportSection) => {
    for (const b of s.blocks) if (b.kind === "chart" && b.file !== undefined) out[b.file] = b.svg;
    for (const sub of s.sections ?? []) walk(sub);
  };
  report.sections.forEach(walk);
  return out;
}
