import { resolve } from "node:path";
import { build } from "esbuild";
import type { Options } from "tsup";
import { describe, expect, it } from "vitest";
import config from "../../tsup.config.js";

// Issue 17 "Size": the `pmokit` command imports the library from its own dist files (tsup.config.ts, ownDist) instead
// of bundling it a second time. Built here with the CLI's own plugins, the bundle may hold only src/cli: a module
// missing from ownDist's list (schedule was, 93 kB of the 186 kB bin.js) shows up as a library source in the bundle.
const ROOT = resolve(__dirname, "../..");

describe("issue 17: the CLI bundle", () => {
  it("holds the command's own code, not the library again (≤ 1 kB of library sources)", async () => {
    const cli = (config as Options[])[1]!;
    const out = await build({
      entryPoints: [resolve(ROOT, "src/cli/bin.ts")], bundle: true, format: "esm", platform: "node", write: false, metafile: true,
      plugins: cli.esbuildPlugins ?? [], external: ["better-sqlite3"], packages: "external", logLevel: "silent",
    });
    const inputs = Object.values(out.metafile.outputs)[0]!.inputs;
    const library = Object.entries(inputs).filter(([file]) => !file.startsWith("src/cli/"));
    // Today one helper (src/reports/cells.ts, groupDigits: 194 bytes) comes in by its file.
    expect(library.map(([file]) => file)).toEqual(["src/reports/cells.ts"]);
    expect(library.reduce((sum, [, v]) => sum + v.bytesInOutput, 0)).toBeLessThanOrEqual(1_000);
    expect(Object.keys(inputs).filter((f) => f.startsWith("src/cli/")).length).toBeGreaterThan(20);
  }, 120_000);
});
