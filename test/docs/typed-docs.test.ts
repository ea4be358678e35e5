import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allBlocks, extractBlocks } from "./extract.js";
import { docCompilerOptions, typeCheckBlocks } from "./typecheck.js";

// Issue 17 "Docs that run", typed: runnable-docs.test.ts runs the guides' blocks after stripping their types, so a
// block can run and still not compile for a TypeScript user (a misspelt property, a missing `!`, a wrong argument
// type). Here every runnable block is type-checked as such a user compiles it — the project's tsconfig.json options,
// `pmokit` and its subpaths mapped to the source entries — in one program (./typecheck.ts). Fragments are not
// checked: each uses names the reader supplies (their adapter, their database) or elides types on purpose.

const ROOT = resolve(__dirname, "../..");

// Planted mistakes, checked in the same program as the guides: the check must find each, at its Markdown line.
const PLANTED_FILE = "docs/__planted__.md";
const PLANTED = [
  "# Planted", //                                                                 1
  "", //                                                                          2
  "```ts", //                                                                     3
  'import { money, formatMoney } from "pmokit";', //                              4
  'const price = money("12.50", "EUR");', //                                      5
  "price.amout;                           // a misspelt property", //             6
  "```", //                                                                       7
  "", //                                                                          8
  "```ts continued", //                                                           9
  'import { money } from "pmokit";        // made above: no duplicate', //        10
  "const prices = [price, money(1, \"EUR\")];", //                                11
  "formatMoney(prices[0]);                // no `!`", //                          12
  "formatMoney(price, { locale: undefined }); // exactOptionalPropertyTypes", //  13
  "```", //                                                                       14
  "", //                                                                          15
  "  ```ts", //                                                                   16
  '  import { writeMspdi } from "pmokit/io";', //                                 17
  '  import { nothingSuch } from "pmokit";', //                                   18
  '  writeMspdi("not a document");', //                                           19
  "  ```", //                                                                     20
  "", //                                                                          21
  "<!-- fragment: a sketch with a type error that is not checked -->", //         22
  "```ts", //                                                                     23
  "const n: number = 'text';", //                                                 24
  "```", //                                                                       25
].join("\n");

const planted = extractBlocks(PLANTED_FILE, PLANTED);
const blocks = allBlocks(ROOT);
const started = performance.now();
const { errors, units } = typeCheckBlocks(ROOT, [...blocks, ...planted]);
const elapsed = performance.now() - started;

describe("docs that compile (README.md and docs/*.md, type-checked)", () => {
  it("compiles every runnable block under the project's compiler options, pmokit resolved to its sources", () => {
    const options = docCompilerOptions(ROOT);
    expect(options).toMatchObject({ strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, verbatimModuleSyntax: true });
    expect(options.paths?.["pmokit"]).toEqual([resolve(ROOT, "src/index.ts")]);
    expect(options.paths?.["pmokit/office"]).toEqual([resolve(ROOT, "src/office/index.ts")]);
    console.log(`typed docs: ${units} units type-checked in one program in ${Math.round(elapsed)} ms`);

    const found = errors.filter((e) => e.file !== PLANTED_FILE).map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`);
    expect(found).toEqual([]);
  });

  it("reports a planted mistake at its Markdown line, with the compiler's message", () => {
    const at = errors.filter((e) => e.file === PLANTED_FILE).map((e) => [e.line, e.message.slice(0, e.message.indexOf(":"))]);
    expect(at).toEqual([
      [6, "TS2551"], // Property 'amout' does not exist on type 'Money'. Did you mean 'amount'?
      [12, "TS2345"], // Money | undefined is not assignable to Money
      [13, "TS2379"], // undefined is not a string under exactOptionalPropertyTypes
      [18, "TS2305"], // Module "pmokit" has no exported member 'nothingSuch'
      [19, "TS2345"], // a string is not an MspdiDocument
    ]);
    expect(errors.find((e) => e.line === 6 && e.file === PLANTED_FILE)?.message).toContain("'amout' does not exist on type");
  });
});
