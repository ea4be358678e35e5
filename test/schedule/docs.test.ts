import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// docs/scheduling.md tells one story: its ```ts blocks build on each other (the network of the first block is
// statused, levelled and risk-analysed later), so block i runs with blocks 0…i before it, imports hoisted. A line
// `expr; // <JavaScript literal>` states a result and must give exactly that value; comments with "…" or that are not plain literals are prose.
const ROOT = resolve(__dirname, "../..");
const doc = readFileSync(join(ROOT, "docs/scheduling.md"), "utf8");
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const dir = mkdtempSync(join(tmpdir(), "pmokit-scheduling-"));
const CHECK = /^([A-Za-z_][\w.[\]]*(?:\(.*\))?(?:\.[\w.]+(?:\(.*\))?)*);\s+\/\/ (.+)$/;
const SRC = JSON.stringify(pathToFileURL(join(ROOT, "src/index.ts")).href);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Check = { expr: string; actual: unknown; expected: unknown };

function literal(text: string): boolean {
  if (text.includes("…")) return false;
  try {
    new Function(`return (${text});`)(); // a literal that names an API value (Decimal(5)) stays prose
    return true;
  } catch {
    return false;
  }
}

/** Blocks 0…last as one module: imports first (merged), stated results turned into checks in the last block only. */
function runnable(last: number): { src: string; checks: number } {
  const names = new Set<string>();
  const body: string[] = [];
  let checks = 0;
  blocks.slice(0, last + 1).forEach((code, b) => {
    for (const line of code.split("\n")) {
      const imp = /^import \{([^}]*)\} from "pmokit";$/.exec(line);
      if (imp) {
        for (const n of (imp[1] as string).split(",")) names.add(n.trim());
        continue;
      }
      const m = CHECK.exec(line);
      if (b === last && m && literal(m[2] as string)) {
        checks++;
        body.push(`__checks.push({ expr: ${JSON.stringify(m[1])}, actual: ${m[1]}, expected: ${m[2]} });`);
      } else body.push(line);
    }
  });
  const src = `import { ${[...names].join(", ")} } from ${SRC};\nconst __checks = (globalThis as any).__pmokitSchedulingChecks;\n${body.join("\n")}`;
  return { src, checks };
}

describe("docs/scheduling.md", () => {
  it("has code to run", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it("states results that are checked", () => {
    const stated = blocks.map((_, i) => runnable(i).checks);
    expect(stated.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7);
    expect(stated.every((n) => n > 0)).toBe(true);
  });

  it.each(blocks.map((_, i) => [i] as const))("block %i runs and its stated results hold", async (i) => {
    const checks: Check[] = [];
    (globalThis as Record<string, unknown>)["__pmokitSchedulingChecks"] = checks;
    const { src, checks: stated } = runnable(i);
    const file = join(dir, `block-${i}.ts`);
    writeFileSync(file, src);
    await import(pathToFileURL(file).href);
    expect(checks).toHaveLength(stated);
    for (const c of checks) expect(c.actual, c.expr).toEqual(c.expected);
  });
});
