import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "testing/index": "src/testing/index.ts",
    "highs/index": "src/highs/index.ts",
    "sql/index": "src/sql/index.ts",
    "io/index": "src/io/index.ts",
    "reports/index": "src/reports/index.ts",
  },
  format: ["esm", "cjs"],
  dts: {
    // tsup 8.5 injects `baseUrl: "."` into the dts build; TypeScript 6 flags it as deprecated (TS5101).
    compilerOptions: { ignoreDeprecations: "6.0" },
  },
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  outDir: "dist",
  splitting: true,
  treeshake: true,
});
