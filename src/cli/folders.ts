import { accessSync, constants, mkdirSync, rmdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { CliError } from "./errors.js";

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * What is at a path: a folder, a file, something else (a device, a socket), or nothing.
 *
 * @example
 * ```ts
 * entryAt("/tmp"); // "folder"
 * ```
 */
export function entryAt(path: string): "folder" | "file" | "other" | "none" {
  try {
    const s = statSync(path);
    return s.isDirectory() ? "folder" : s.isFile() ? "file" : "other";
  } catch (e) {
    if (code(e) === "ENOENT" || code(e) === "ENOTDIR") return "none"; // ENOTDIR: the path runs through a file
    throw e;
  }
}

/**
 * Creates a folder and its missing parents one level at a time — never `mkdir -p` (Node's recursive mkdir spins
 * forever under `/proc`). Returns the folders it created, outermost first, so a failed write can remove them.
 *
 * @throws {CliError} when a parent is a file, or a level cannot be created (ENOTDIR, EACCES, ENOENT under /proc…).
 * @example
 * ```ts
 * makeFolder("pmo-report/charts"); // ["/home/me/pmo-report", "/home/me/pmo-report/charts"] when neither existed
 * ```
 */
export function makeFolder(dir: string): string[] {
  const missing: string[] = [];
  try {
    let at = dir;
    for (let kind = entryAt(at); kind === "none"; kind = entryAt(at)) {
      missing.unshift(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
    const top = missing.length > 0 ? dirname(missing[0]!) : dir;
    if (entryAt(top) !== "folder") throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    const made: string[] = [];
    try {
      for (const d of missing) {
        mkdirSync(d);
        made.push(d);
      }
    } catch (e) {
      removeFolders(made);
      throw e;
    }
    return made;
  } catch (e) {
    throw new CliError(`${dir}: cannot write the output folder (${code(e)})`);
  }
}

/**
 * Removes folders made by {@link makeFolder} (innermost first), when they are still empty.
 *
 * @example
 * ```ts
 * removeFolders(makeFolder("out/charts"));
 * ```
 */
export function removeFolders(made: readonly string[]): void {
  for (const d of [...made].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // Not empty or already gone: leave it.
    }
  }
}

/**
 * Checks up front, creating nothing, that a folder exists or could be created and is writable: its nearest existing
 * ancestor must be a writable folder. A long run then does not fail at the end, and a run that fails for another
 * reason leaves no empty folder behind.
 *
 * @throws {CliError} "pmo-report: cannot write the output folder (ENOTDIR)" and the like.
 * @example
 * ```ts
 * checkWritableDir("pmo-report");
 * ```
 */
export function checkWritableDir(dir: string): void {
  try {
    let at = dir;
    let kind = entryAt(at);
    while (kind === "none" && dirname(at) !== at) {
      at = dirname(at);
      kind = entryAt(at);
    }
    if (kind !== "folder") throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    accessSync(at, constants.W_OK);
  } catch (e) {
    throw new CliError(`${dir}: cannot write the output folder (${code(e)})`);
  }
}
