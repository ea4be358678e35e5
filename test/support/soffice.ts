import { execFileSync } from "node:child_process";

/** True when LibreOffice's `soffice` runs here; the tests that recalculate with Calc skip, saying so, where it does not. */
export function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
