import { build } from "esbuild";
const r = await build({ stdin: { contents: `export { earnedValue } from "./src/index.ts";`, resolveDir: process.cwd(), loader: "ts" }, bundle: true, write: false, minify: true, format: "esm", platform: "neutral", mainFields: ["module", "main"], external: ["zod", "decimal.js"], logLevel: "error" });
process.stdout.write(r.outputFiles[0].text);
