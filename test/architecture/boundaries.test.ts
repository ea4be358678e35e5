import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// DESIGN.md §1 as executable rules: dependencies point down, no cycles, no `node:` imports in the portable layers,
// and the core imports nothing at runtime but decimal.js, date-fns and zod.

const SRC = resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const ALL = files(SRC);
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gms;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] as string);
}

const layerOf = (file: string) => relative(SRC, file).split("/")[0] as string;

const CALCULATORS = ["prioritization", "selection", "variance", "traceability", "rollout", "status", "kpi", "schedule"];

/** Layers each layer may import (besides itself): dependencies point down (DESIGN.md §1). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  entities: ["core"],
  storage: ["core", "entities"],
  testing: ["core", "entities", "storage"],
  prioritization: ["core", "entities"],
  selection: ["core", "entities"],
  variance: ["core", "entities"],
  traceability: ["core", "entities"],
  rollout: ["core", "entities"],
  kpi: ["core", "entities"],
  schedule: ["core", "entities"],
  status: ["core", "entities", "variance", "rollout", "kpi"],
  highs: ["core", "entities", "selection"],
  services: ["core", "entities", "storage", ...CALCULATORS],
  sql: ["core", "entities", "storage"],
  io: ["core", "entities", "storage", ...CALCULATORS],
  reports: ["core", "entities", ...CALCULATORS],
  cli: ["core", "entities", "storage", "services", "sql", "highs", "io", "reports", "office", ...CALCULATORS],
  // `pmokit/office` names the whole-office builders that src/cli keeps for now (see OFFICE_FROM_CLI below).
  office: ["core", "entities", "cli"],
  "index.ts": ["core", "entities", "storage", "services", ...CALCULATORS],
};

/** Layers that must run in browsers and edge runtimes: no `node:` imports. */
const PORTABLE = new Set(["core", "entities", "storage", "testing", "services", "reports", "highs", "office", "index.ts", ...CALCULATORS]);

/** The only src/cli modules `pmokit/office` may reach: the pure whole-office builders, no `node:` import among them. */
const OFFICE_FROM_CLI = ["cli/office.ts", "cli/office-report.ts", "cli/schedule.ts", "cli/risk.ts"];
/** The sample office's data, bundled into `pmokit/office` (JSON imports of examples/data). */
const SAMPLE_DATA = /^\.\.\/\.\.\/examples\/data\/[a-z-]+\.json$/;

/** Runtime packages each layer may import; every layer may import zod, decimal.js and date-fns. */
const BASE_PACKAGES = ["decimal.js", "date-fns", "zod"];
const PACKAGES: Record<string, readonly string[]> = {
  testing: ["fast-check"],
  highs: ["highs"],
  sql: ["kysely"],
  io: ["fast-xml-parser", "fflate", "csv-parse", "csv-stringify", "saxes", "exceljs"],
  reports: ["d3-scale", "d3-shape", "exceljs", "fflate"],
  cli: ["commander", "cli-progress", "kysely", "better-sqlite3"],
};

describe("architecture", () => {
  it("layers import only the layers below them", () => {
    const violations: string[] = [];
    for (const f of ALL) {
      const layer = layerOf(f);
      for (const spec of importsOf(f).filter((s) => s.startsWith("."))) {
        if (layer === "office" && SAMPLE_DATA.test(spec)) continue;
        const resolved = resolve(dirname(f), spec.replace(/\.js$/, ".ts"));
        const target = layerOf(resolved);
        if (target !== layer && !(ALLOWED[layer] ?? []).includes(target)) violations.push(`${relative(SRC, f)} → ${spec}`);
        if (layer === "office" && target === "cli" && !OFFICE_FROM_CLI.includes(relative(SRC, resolved))) violations.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("portable layers import no node: modules, and each layer only its declared packages", () => {
    const violations: string[] = [];
    for (const f of ALL) {
      const layer = layerOf(f);
      for (const spec of importsOf(f).filter((s) => !s.startsWith("."))) {
        if (spec.startsWith("node:")) {
          if (PORTABLE.has(layer)) violations.push(`${relative(SRC, f)} imports ${spec}`);
          continue;
        }
        const allowed = [...BASE_PACKAGES, ...(PACKAGES[layer] ?? [])];
        if (!allowed.some((p) => spec === p || spec.startsWith(`${p}/`))) violations.push(`${relative(SRC, f)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("the src/cli modules pmokit/office names import no node: module (the built entry is checked in test/docs)", () => {
    const nodeImports = OFFICE_FROM_CLI.flatMap((f) => importsOf(join(SRC, f)).filter((s) => s.startsWith("node:")).map((s) => `${f} imports ${s}`));
    expect(nodeImports).toEqual([]);
  });

  it("knows every layer under src/", () => {
    const unknown = [...new Set(ALL.map(layerOf))].filter((l) => !(l in ALLOWED));
    expect(unknown).toEqual([]);
  });

  it("has no import cycles", () => {
    const graph = new Map<string, string[]>();
    for (const f of ALL) {
      graph.set(
        f,
        importsOf(f)
          .filter((s) => s.startsWith("."))
          .map((s) => resolve(dirname(f), s.replace(/\.js$/, ".ts"))),
      );
    }
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "visiting") {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(" → "));
        return;
      }
      state.set(f, "visiting");
      for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, "done");
    };
    for (const f of ALL) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it("keeps source files small (one concern per file)", () => {
    const big = ALL.map((f) => ({ f: relative(SRC, f), lines: readFileSync(f, "utf8").split("\n").length })).filter((x) => x.lines > 400);
    expect(big).toEqual([]);
  });
});
