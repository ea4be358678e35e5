import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Report, ReportSection } from "../reports/index.js";
import { CliError } from "./errors.js";
import { checkWritableDir, entryAt, makeFolder, removeFolders } from "./folders.js";

export { checkWritableDir } from "./folders.js";

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Refuses, before anything is written, a target that is a folder or lies under a file. */
function checkTarget(dir: string, name: string): string {
  const target = resolve(dir, name);
  const rel = relative(dir, target);
  if (rel === "" || rel.startsWith("..") || rel.split(sep).includes("..")) throw new CliError(`${name}: a report file must lie inside ${dir}`);
  let kind: ReturnType<typeof entryAt>;
  try {
    kind = entryAt(target);
    for (let up = dirname(target); up !== dir && up.startsWith(dir); up = dirname(up)) {
      const k = entryAt(up);
      if (k !== "folder" && k !== "none") throw new CliError(`${up}: is a file, so ${target} cannot be written; nothing was changed`);
    }
  } catch (e) {
    throw e instanceof CliError ? e : new CliError(`${target}: cannot write the report (${code(e)}); nothing was changed`);
  }
  if (kind === "folder") throw new CliError(`${target}: is a folder, so the report file cannot be written there; nothing was changed`);
  if (kind === "other") throw new CliError(`${target}: is not a regular file; nothing was changed`);
  return target;
}

/**
 * Writes a set of files under a folder, all or nothing: every file is first written into one temporary folder
 * inside `dir` (`.pmokit-report-…`); only when all were written are they moved into place, each replaced file kept
 * aside until the end. On any failure the files already moved are put back, folders made for them removed, and the
 * temporary folder deleted — the target looks exactly as before, and the error is one {@link CliError} line.
 * Targets that are folders, or lie under a file, are refused before anything is written.
 *
 * @throws {CliError} when the folder cannot be written or a file cannot be written or moved (nothing changed).
 * @example
 * ```ts
 * writeFilesAtomically("pmo-report", { "index.html": html, "report.md": md, "charts/s-curve.svg": svg });
 * ```
 */
export function writeFilesAtomically(dir: string, files: Readonly<Record<string, string | Uint8Array>>): readonly string[] {
  checkWritableDir(dir);
  const targets = Object.keys(files).map((name) => [name, checkTarget(dir, name)] as const);
  const madeDir = makeFolder(dir);
  let stage: string;
  try {
    stage = mkdtempSync(join(dir, ".pmokit-report-"));
  } catch (e) {
    removeFolders(madeDir);
    throw new CliError(`${dir}: cannot write the report (${code(e)})`);
  }
  const moved: { target: string; previous?: string }[] = [];
  const madeFolders: string[] = [];
  try {
    targets.forEach(([name], i) => {
      const staged = join(stage, "new", String(i));
      makeFolder(dirname(staged));
      writeFileSync(staged, files[name]!);
    });
    targets.forEach(([, target], i) => {
      madeFolders.push(...makeFolder(dirname(target)));
      const step: { target: string; previous?: string } = { target };
      if (entryAt(target) === "file") {
        const previous = join(stage, "old", String(i));
        makeFolder(dirname(previous));
        renameSync(target, previous);
        step.previous = previous;
      }
      moved.push(step);
      renameSync(join(stage, "new", String(i)), target);
    });
  } catch (e) {
    // Undo in reverse: remove what was moved in, put back what it replaced, drop folders made for it.
    for (const step of moved.reverse()) {
      rmSync(step.target, { force: true });
      if (step.previous !== undefined) renameSync(step.previous, step.target);
    }
    rmSync(stage, { recursive: true, force: true });
    removeFolders([...madeDir, ...madeFolders]);
    throw e instanceof CliError ? e : new CliError(`${dir}: cannot write the report (${code(e)}); nothing was changed`);
  }
  rmSync(stage, { recursive: true, force: true });
  return targets.map(([, t]) => t);
}

/**
 * The chart files a Markdown report refers to: `file` → SVG, from every chart block that names one.
 *
 * @example
 * ```ts
 * writeFilesAtomically("out", { "report.md": renderMarkdownReport(report), ...chartFiles(report) });
 * ```
 */
export function chartFiles(report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (s: ReportSection) => {
    for (const b of s.blocks) if (b.kind === "chart" && b.file !== undefined) out[b.file] = b.svg;
    for (const sub of s.sections ?? []) walk(sub);
  };
  report.sections.forEach(walk);
  return out;
}
