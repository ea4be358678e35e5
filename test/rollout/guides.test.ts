import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The guides' "```ts runnable" blocks run against the real API, and every line `call(...); // "result"` must give
// exactly that result (the same convention as docs/reports.md).
const ROOT = resolve(__dirname, "../..");
const GUIDES = ["docs/rollout.md", "docs/status-and-kpis.md", "docs/core-values.md"];
const CHECK = /^([A-Za-z_][\w.]*\(.*\));\s+\/\/ ("(?:[^"\\]|\\.)*")$/;
const dir = mkdtempSync(join(tmpdir(), "pmokit-guides-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Check = { expr: string; actual: unknown; expected: string };

function runnable(code: string): { src: string; checks: number } {
  let checks = 0;
  const src = code
    .replace(/from "pmokit"/g, `from ${JSON.stringify(pathToFileURL(join(ROOT, "src/index.ts")).href)}`)
    .split("\n")
    .map((line) => {
      const m = CHECK.exec(line);
      if (!m) return line;
      checks++;
      return `__checks.push({ expr: ${JSON.stringify(m[1])}, actual: ${m[1]}, expected: ${m[2]} });`;
    })
    .join("\n");
  return { src: `const __checks = (globalThis as any).__pmokitGuideChecks;\n${src}`, checks };
}

const blocks = GUIDES.flatMap((g) =>
  [...readFileSync(join(ROOT, g), "utf8").matchAll(/```ts runnable\n([\s\S]*?)```/g)].map((m, i) => [`${g} #${i}`, m[1] ?? ""] as const),
);

describe("runnable guide examples (rollout, status and KPIs, calendars)", () => {
  it("every guide has runnable examples", () => {
    for (const g of GUIDES) expect(blocks.some(([name]) => name.startsWith(g)), g).toBe(true);
  });

  it.each(blocks)("%s runs and its stated results hold", async (name, code) => {
    const checks: Check[] = [];
    (globalThis as Record<string, unknown>)["__pmokitGuideChecks"] = checks;
    const { src, checks: expected } = runnable(code);
    const file = join(dir, `${name.replace(/[^\w]+/g, "-")}.ts`);
    writeFileSync(file, src);
    await import(pathToFileURL(file).href);
    expect(checks).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
    for (const c of checks) expect(c.actual, c.expr).toBe(c.expected);
  });
});
