import { readFile } from "node:fs/promises";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

// `npm run build` empties dist/ first (the two configs below build side by side and must not clean each other).
const dts = {
  // tsup 8.5 injects `baseUrl: "."` into the dts build; TypeScript 6 flags it as deprecated (TS5101).
  compilerOptions: { ignoreDeprecations: "6.0" },
};

// Ship lean: source maps give stack traces their source lines, but without embedding the sources (they were 5.6 MB
// of the tarball).
const leanMaps: Options["esbuildOptions"] = (options) => {
  options.sourcesContent = false;
};

// The CLI imports the library through its public entries; the CLI build points those imports at the library's own
// dist files instead of bundling the library a second time.
const ROOT_MODULES = ["core", "entities", "storage", "prioritization", "selection", "rollout", "status", "kpi", "traceability", "variance", "services", "schedule"];
const SUBPATHS = ["io", "reports", "office", "sql", "highs", "testing"];
const ownDist: Plugin = {
  name: "pmokit-own-dist",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/[a-z]+\/index\.js$/ }, (args) => {
      if (!/[\\/]src[\\/]cli[\\/]/.test(args.importer)) return undefined;
      const module = args.path.split("/")[1]!;
      if (ROOT_MODULES.includes(module)) return { path: "../index.js", external: true };
      if (SUBPATHS.includes(module)) return { path: `../${module}/index.js`, external: true };
      return undefined;
    });
  },
};

// The sample office (`pmokit/office` bundles examples/data/*.json) goes in as one minified string for JSON.parse: a
// third smaller than the object literal esbuild would print, faster to parse, and a one-line source map.
const compactJson: Plugin = {
  name: "pmokit-compact-json",
  setup(build) {
    build.onLoad({ filter: /[\\/]examples[\\/]data[\\/][a-z-]+\.json$/ }, async (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, "utf8"))))});`,
      loader: "js",
    }));
  },
};

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "testing/index": "src/testing/index.ts",
      "highs/index": "src/highs/index.ts",
      "sql/index": "src/sql/index.ts",
      "io/index": "src/io/index.ts",
      "reports/index": "src/reports/index.ts",
      "office/index": "src/office/index.ts",
    },
    format: ["esm", "cjs"],
    dts,
    sourcemap: true,
    esbuildOptions: leanMaps,
    esbuildPlugins: [compactJson],
    clean: false,
    target: "es2022",
    platform: "neutral",
    outDir: "dist",
    splitting: true,
    treeshake: true,
  },
  {
    // The `pmokit` command: ESM only (top-level await), for Node; the library comes from dist/ (see ownDist).
    entry: { "cli/bin": "src/cli/bin.ts" },
    format: ["esm"],
    sourcemap: true,
    esbuildOptions: leanMaps,
    esbuildPlugins: [ownDist],
    clean: false,
    target: "es2022",
    platform: "node",
    outDir: "dist",
    external: ["better-sqlite3"],
  },
]);
