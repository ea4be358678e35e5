import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

// Issue 17: after `npm install pmokit zod`, `npx pmokit --help` crashed (ERR_MODULE_NOT_FOUND kysely). This lays the
// CLI out as an install would — node_modules/pmokit/{package.json,dist/cli} next to pmokit's dependencies and zod,
// without kysely and better-sqlite3 — and runs it. The CLI is bundled with code splitting, as tsup keeps
// pmokit/sql a separate file, so only a static import of kysely can break startup.
const ROOT = resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };
let folder = "";
let bin = "";

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "pmokit-install-"));
  const own = join(folder, "node_modules", "pmokit");
  mkdirSync(join(own, "dist"), { recursive: true });
  copyFileSync(join(ROOT, "package.json"), join(own, "package.json"));
  for (const dep of [...Object.keys(pkg.dependencies), "zod"]) {
    const target = realpathSync(join(ROOT, "node_modules", dep));
    mkdirSync(join(folder, "node_modules", dep, ".."), { recursive: true });
    symlinkSync(target, join(folder, "node_modules", dep), "dir");
  }
  await build({
    entryPoints: { bin: join(ROOT, "src/cli/bin.ts") },
    outdir: join(own, "dist", "cli"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    packages: "external",
    logLevel: "silent",
  });
  bin = join(own, "dist", "cli", "bin.js");
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const pmokit = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: "utf8", timeout: 60_000 });

describe("issue 17: the CLI without kysely and better-sqlite3", () => {
  it("issue 17: pmokit --help runs after installing only pmokit and zod", () => {
    const r = pmokit("--help");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: pmokit /);
    expect(r.stdout).toContain("-V, --version");
  }, 60_000);

  it("issue 17: pmokit --version prints the package version", () => {
    const r = pmokit("--version");
    expect([r.status, r.stdout]).toEqual([0, `${pkg.version}\n`]);
  }, 60_000);

  it("issue 17: validate needs no database either", () => {
    const person = { id: "p-ana", version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z", name: "Ana", roles: ["qa"] };
    writeFileSync(join(folder, "office.json"), JSON.stringify({ format: "pmokit-dataset", formatVersion: 1, records: { person: [person] } }));
    const r = pmokit("validate", "office.json");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("1 person");
  }, 60_000);

  it("issue 17: a command that needs the database says in one line what to install, exit 2", () => {
    const r = pmokit("init", "pmo.sqlite");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("pmokit: kysely is not installed: npm install kysely better-sqlite3 (the embedded SQLite database needs them)\n");
  }, 60_000);
});

describe("issue 17: --solver highs without the optional highs package", () => {
  it("says in one line what to install, exit 2 — before opening any database", () => {
    const r = pmokit("select", "--solver", "highs");
    expect([r.status, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toBe("pmokit: highs is not installed: npm install highs (the HiGHS solver of --solver highs is an optional peer; --solver built-in needs nothing)\n");
    const j = pmokit("select", "--solver", "highs", "--json");
    expect([j.status, JSON.parse(j.stdout).error.code]).toEqual([2, "missing-dependency"]);
  }, 60_000);
});

describe("pmokit --version in-process", () => {
  it("prints the version from package.json and exits 0", async () => {
    let out = "";
    const code = await main(["-V"], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => {} }, cwd: ROOT });
    expect([code, out]).toEqual([0, `${pkg.version}\n`]);
  });
});
