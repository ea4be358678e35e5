import { build } from "esbuild";
const out = await build({ stdin: { contents: `export { ${process.argv[2]} } from "./src/index.ts";`, resolveDir: process.cwd(), loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "neutral", mainFields: ["module","main"], write: false, external: ["zod","decimal.js"], logLevel: "silent" });
process.stdout.write(out.outputFiles[0].text);
