import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// docs/reports.md shows runnable code: every ```ts block runs against the real API, and every line of the form
// `call(...); // "result"` must give exactly that result.
const ROOT = resolve(__dirname, "../..");
const doc = readFileSync(join(ROOT, "docs/reports.md"), "utf8");
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const dir = mkdtempSync(join(tmpdir(), "pmokit-docs-"));
const CHECK = /^([A-Za-z_][\w.]*\(.*\));\s+\/\/ ("(?:[^"\\]|\\.)*")$/;

type Check = { expr: string; actual: unknown; expected: string };
const allChecks: Check[] = [];

function runnable(code: string): string {
  const src = code
    .replace(/from "pmokit\/reports"/g, `from ${JSON.stringify(pathToFileURL(join(ROOT, "src/reports/index.ts")).href)}`)
    .replace(/from "pmokit"/g, `from ${JSON.stringify(pathToFileURL(join(ROOT, "src/index.ts")).href)}`)
    .split("\n")
    .map((line) => {
      const m = CHECK.exec(line);
      return m ? `__checks.push({ expr: ${JSON.stringify(m[1])}, actual: ${m[1]}, expected: ${m[2]} });` : line;
    })
    .join("\n");
  return `const __checks = (globalThis as any).__pmokitDocChecks;\n${src}`;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs/reports.md", () => {
  it("has code to run", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((b, i) => [i, b] as const))("block %i runs and its stated results hold", async (i, code) => {
    const checks: Check[] = [];
    (globalThis as Record<string, unknown>)["__pmokitDocChecks"] = checks;
    const file = join(dir, `block-${i}.ts`);
    writeFileSync(file, runnable(code));
    await import(pathToFileURL(file).href);
    for (const c of checks) expect(c.actual, c.expr).toBe(c.expected);
    allChecks.push(...checks);
  });

  it("states results that were checked", () => {
    expect(allChecks.map((c) => c.expr)).toContain('csvCell(money("-1250.5", "EUR"))');
    expect(allChecks.length).toBeGreaterThanOrEqual(6);
  });
});
