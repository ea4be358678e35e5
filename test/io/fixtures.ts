import { readFileSync } from "node:fs";

/** The shared fixture folder, `../shared/fixtures` beside the repository (never copied into it). */
const ROOT = new URL("../../../shared/fixtures/", import.meta.url);

/** Text of a fixture file, e.g. `mspdi/mpxj_baselines.xml`. */
export function fixtureText(path: string): string {
  return readFileSync(new URL(path, ROOT), "utf8");
}

/** Bytes of a fixture file. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, ROOT)));
}

/** Import options used by the mapping tests (fixed instant: no clock). */
export const IMPORTED_AT = "2026-11-25T12:00:00.000Z";
