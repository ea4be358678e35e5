import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allBlocks } from "./extract.js";
import { workFiles } from "./inputs.js";
import { installPackedPackage } from "./package.js";
import { compileUnit, unitsOf, type DocUnit } from "./program.js";

// Issue 17 "Docs that run": every ```ts block of README.md and docs/*.md runs as written against the packed package
// — `import … from "pmokit"` (and its subpaths) resolves to what `npm pack` ships, built by the project's tsup
// configuration, in a plain Node process — or is marked a fragment with its reason. Stated results (`expr; // 42`)
// must hold. The markers are described in ./extract.ts, the stated-result rule in ./program.ts.

const ROOT = resolve(__dirname, "../..");
const blocks = allBlocks(ROOT);
const units = unitsOf(blocks);
const dir = mkdtempSync(join(tmpdir(), "pmokit-docs-"));

interface UnitResult {
  readonly errors: readonly string[];
  readonly checks: readonly { readonly index: number; readonly actual: unknown; readonly expected: unknown }[];
}
const results = new Map<string, UnitResult>();
let cjs: Record<string, unknown> = {};
let packageDir = "";

/** Runs the units in one Node process with the package installed beside them; collects what each reported. */
function runUnits(list: readonly { id: string; module: string }[], cwd: string): Promise<void> {
  const listFile = join(dir, "units.json");
  writeFileSync(listFile, JSON.stringify(list));
  return new Promise((done, fail) => {
    const child = fork(join(__dirname, "run-units.mjs"), [listFile], { cwd, serialization: "advanced", stdio: ["ignore", "pipe", "pipe", "ipc"] });
    let stderr = "";
    child.stdout!.resume(); // the blocks' console output is not part of the check
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("message", (m: { kind: string; id?: string } & UnitResult & Record<string, unknown>) => {
      if (m.kind === "unit") results.set(m.id!, { errors: m.errors, checks: m.checks });
      else cjs = m;
    });
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`the docs runner exited with ${code}: ${stderr.slice(-2000)}`))));
  });
}

beforeAll(async () => {
  packageDir = await installPackedPackage(ROOT, dir);
  const work = join(dir, "work");
  mkdirSync(work);
  for (const [name, content] of Object.entries(await workFiles(ROOT))) writeFileSync(join(work, name), content);
  mkdirSync(join(dir, "units"));
  const list: { id: string; module: string }[] = [];
  for (const [i, u] of units.entries()) {
    try {
      const code = await compileUnit(u);
      const module = join(dir, "units", `unit-${i}.mjs`);
      writeFileSync(module, code);
      list.push({ id: u.id, module });
    } catch (e) {
      results.set(u.id, { errors: [`does not compile: ${(e as Error).message}`], checks: [] });
    }
  }
  await runUnits(list, work);
}, 900_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs that run (README.md and docs/*.md)", () => {
  it("marks every TypeScript block correctly: runnable, continued or a fragment with its reason", () => {
    const problems = blocks.flatMap((b) => b.problems.map((p) => `${b.file}:${b.line}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("runs most blocks: 84 of the 91 blocks when this test was written, the other 7 fragments", () => {
    const runnable = blocks.filter((b) => b.kind !== "fragment").length;
    const fragments = blocks.filter((b) => b.kind === "fragment");
    const stated = units.reduce((n, u) => n + u.checks.length, 0);
    console.log(`docs: ${blocks.length} TypeScript blocks, ${runnable} runnable in ${units.length} units, ${fragments.length} fragments; ${stated} stated results`);
    // New blocks may come; a block that stops running must not quietly become a fragment.
    expect(runnable).toBeGreaterThanOrEqual(84);
    expect(fragments.length).toBeLessThanOrEqual(7);
    expect(stated).toBeGreaterThanOrEqual(200);
  });

  it("keeps the stated results the per-guide tests checked before they were folded in here", () => {
    const checksIn = (file: string) => units.filter((u) => u.file === file).flatMap((u) => u.checks);
    const perBlock = (file: string) => blocks.filter((b) => b.file === file && b.kind !== "fragment").map((b) => checksIn(file).filter((c) => c.block === b.index).length);
    // test/schedule/docs.test.ts: one story in at least five blocks, every block states a result, seven in all.
    expect(perBlock("docs/scheduling.md").length).toBeGreaterThanOrEqual(5);
    expect(perBlock("docs/scheduling.md").every((n) => n > 0)).toBe(true);
    expect(checksIn("docs/scheduling.md").length).toBeGreaterThanOrEqual(7);
    // test/reports/docs.test.ts: negative money stays a plain number in CSV.
    expect(checksIn("docs/reports.md").map((c) => c.expr)).toContain('csvCell(money("-1250.5", "EUR"))');
    expect(checksIn("docs/reports.md").length).toBeGreaterThanOrEqual(6);
    // test/rollout/guides.test.ts: every block of these guides states a result.
    for (const file of ["docs/rollout.md", "docs/status-and-kpis.md", "docs/core-values.md"]) expect(perBlock(file).every((n) => n > 0), file).toBe(true);
    // test/variance/docs.test.ts: the builder from rows and the options at work, five results or more per block.
    const rows = blocks.filter((b) => b.file === "docs/earned-value.md" && b.code.includes("earnedValueInputFromRows"));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const name of ["levelOfEffort", "timeUnit", "finished", "ev-clamped-to-bac", "before-start"]) expect(rows.map((b) => b.code).join("\n")).toContain(name);
    for (const b of rows) expect(checksIn("docs/earned-value.md").filter((c) => c.block === b.index).length).toBeGreaterThanOrEqual(5);
  });

  it("runnable blocks import only what the package ships (its own entries, Node built-ins, its dependencies and drivers)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      exports: Record<string, unknown>; dependencies: Record<string, string>; peerDependencies: Record<string, string>;
    };
    const entries = Object.keys(pkg.exports).filter((e) => e !== "./package.json").map((e) => (e === "." ? "pmokit" : `pmokit/${e.slice(2)}`));
    // Drivers a reader installs beside pmokit for the SQL adapter, and the test runner the conformance kit is given.
    const allowed = new Set([...entries, ...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies), "pg", "mysql2", "@electric-sql/pglite", "vitest"]);
    const foreign = units.flatMap((u) => u.imports.filter((s) => !s.startsWith("node:") && !allowed.has(s)).map((s) => `${u.id}: ${s}`));
    expect(foreign).toEqual([]);
  });

  it("the built pmokit/office entry loads no node: module (it runs where the core runs)", () => {
    const seen = new Set<string>();
    const nodeImports: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        const spec = m[1]!;
        if (spec.startsWith("node:")) nodeImports.push(`${file}: ${spec}`);
        else if (spec.startsWith(".")) visit(resolve(file, "..", spec));
      }
    };
    visit(join(packageDir, "dist/office/index.js"));
    expect(seen.size).toBeGreaterThan(1);
    expect(nodeImports).toEqual([]);
  });

  it("loads the sample office and runs the builders from the CommonJS build too", () => {
    // 4 projects and 42 requirements (examples/data/README.md); the selection the demo prints (docs/cli.md).
    expect(cjs).toEqual({
      kind: "cjs", projects: 4, requirements: 42, selected: ["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"], sections: expect.any(Number), money: "EUR 1,234.50",
    });
  });

  it.each(units.map((u) => [u.id, u] as const))("%s runs and its stated results hold", (_id, unit: DocUnit) => {
    const result = results.get(unit.id);
    expect(result, "the unit did not report").toBeDefined();
    expect(result!.errors).toEqual([]);
    expect(result!.checks.map((c) => c.index)).toEqual(unit.checks.map((_, i) => i));
    for (const c of result!.checks) {
      const stated = unit.checks[c.index]!;
      expect(c.actual, `${unit.file} block #${stated.block}, line ${stated.line}: ${stated.expr}`).toEqual(c.expected);
    }
  });
});
