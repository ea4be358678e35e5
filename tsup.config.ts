import { defineConfig } from "tsup";

// `npm run build` empties dist/ first (the two configs below build side by side and must not clean each other).
const dts = {
  // tsup 8.5 injects `baseUrl: "."` into the dts build; TypeScript 6 flags it as deprecated (TS5101).
  compilerOptions: { ignoreDeprecations: "6.0" },
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
    },
    format: ["esm", "cjs"],
    dts,
    sourcemap: true,
    clean: false,
    target: "es2022",
    platform: "neutral",
    outDir: "dist",
    splitting: true,
    treeshake: true,
  },
  {
    // The `pmokit` command: ESM only (top-level await), for Node.
    entry: { "cli/bin": "src/cli/bin.ts" },
    format: ["esm"],
    sourcemap: true,
    clean: false,
    target: "es2022",
    platform: "node",
    outDir: "dist",
    external: ["better-sqlite3"],
  },
]);
