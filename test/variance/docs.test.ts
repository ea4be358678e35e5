import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as pmokit from "../../src/index.js";

// docs/earned-value.md: every ```ts runnable block runs against the real API (its `import … from "pmokit"` bound to
// the source), and every line `String(expression); // "result"` must give exactly that result.
const doc = readFileSync(join(resolve(__dirname, "../.."), "docs/earned-value.md"), "utf8");
const blocks = [...doc.matchAll(/```ts runnable\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const STATED = /^(String\(.*\));\s+\/\/ ("(?:[^"\\]|\\.)*")$/;
const IMPORT = /^import \{([^}]*)\} from "pmokit";$/;

/** Runs a block (plain JavaScript: the blocks use no type syntax) and returns what it stated and what it gave. */
function run(block: string): { stated: string; expected: string; actual: unknown }[] {
  const body = block.split("\n").map((line) => {
    const imp = IMPORT.exec(line);
    if (imp) return `const {${imp[1]}} = api;`;
    const s = STATED.exec(line);
    return s ? `out.push({ stated: ${JSON.stringify(s[1])}, expected: ${s[2]}, actual: ${s[1]} });` : line;
  });
  const out: { stated: string; expected: string; actual: unknown }[] = [];
  new Function("api", "out", body.join("\n"))(pmokit, out);
  return out;
}

describe("docs/earned-value.md", () => {
  it("has runnable code for the builder and the options", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const name of ["earnedValueInputFromRows", "levelOfEffort", "timeUnit", "finished", "ev-clamped-to-bac", "before-start"]) expect(blocks.join("\n")).toContain(name);
  });

  it.each(blocks.map((b, i) => [i, b] as const))("block %i runs and its stated results hold", (_i, block) => {
    const results = run(block);
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const r of results) expect(r.actual, r.stated).toBe(r.expected);
  });
});
