import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// docs/earned-value.md: every ```ts runnable block runs against the real API, and every line of the form
// `expression; // "result"` must give exactly that result.
const ROOT = resolve(__dirname, "../..");
const doc = readFileSync(join(ROOT, "docs/earned-value.md"), "utf8");
const blocks = [...doc.matchAll(/```ts runnable\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const dir = mkdtempSync(join(tmpdir(), "pmokit-evm-docs-"));
const CHECK = /^(String\(.*\));\s+\/\/ ("(?:[^"\\]|\\.)*")$/;

type Check = { expr: string; actual: unknown; expected: string };

function runnable(code: string): string {
  const src = code
    .replace(/from "pmokit"/g, `from ${JSON.stringify(pathToFileURL(join(ROOT, "src/index.ts")).href)}`)
    .split("\n")
    .map((line) => {
      const m = CHECK.exec(line);
      return m ? `__checks.push({ expr: ${JSON.stringify(m[1])}, actual: ${m[1]}, expected: ${m[2]} });` : line;
    })
    .join("\n");
  return `const __checks = (globalThis as any).__pmokitEvmDocChecks;\n${src}`;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs/earned-value.md", () => {
  it("has runnable code for the builder and the options", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const name of ["earnedValueInputFromRows", "levelOfEffort", "timeUnit", "finished", "ev-clamped-to-bac", "before-start"]) expect(blocks.join("\n")).toContain(name);
  });

  it.each(blocks.map((b, i) => [i, b] as const))("block %i runs and its stated results hold", async (i, code) => {
    const checks: Check[] = [];
    (globalThis as Record<string, unknown>)["__pmokitEvmDocChecks"] = checks;
    const file = join(dir, `block-${i}.ts`);
    writeFileSync(file, runnable(code));
    await import(pathToFileURL(file).href);
    expect(checks.length).toBeGreaterThanOrEqual(5);
    for (const c of checks) expect(c.actual, c.expr).toBe(c.expected);
  });
});
