import { createRequire } from "node:module";

/**
 * The installed pmokit version, read from the package's own package.json (two folders up from both src/cli and
 * dist/cli), for `pmokit --version`.
 *
 * @example
 * ```ts
 * pmokitVersion(); // "0.1.0"
 * ```
 */
export function pmokitVersion(): string {
  return (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
}
