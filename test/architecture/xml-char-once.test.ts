import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isXmlChar } from "../../src/io/xml/chars.js";
import { refuseNonXmlText } from "../../src/io/xml/chars.js";
import { replaceNonXmlChars } from "../../src/reports/escape.js";

/*
 * The characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) are one definition,
 * shared by the XML writers and readers (io) and the report renderers (reports, which may not import io): two copies
 * could drift apart, and a file one layer writes would be one the other refuses. Before, the pattern was written out in
 * src/io/xml/chars.ts and in src/reports/escape.ts.
 */
const ROOT = resolve(__dirname, "../..");
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
});

describe("one definition of the characters XML 1.0 cannot carry", () => {
  it("the pattern is written once in src (core, so that io and reports both use it)", () => {
    // The run of C0 controls between LF and CR and after CR, as the pattern writes it (either case of hex digits).
    const where = files(resolve(ROOT, "src")).filter((f) => /\\u000b\\u000c\\u000e-\\u001f/i.test(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f));
    expect(where).toEqual(["src/core/xml-char.ts"]);
  });

  it("the report renderers replace exactly what the XML writers refuse, and both exactly what XML 1.0's Char is not", () => {
    const refused = (s: string) => {
      try {
        refuseNonXmlText({ a: s }, "test");
        return false;
      } catch {
        return true;
      }
    };
    const bad: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 0x101) {
      const s = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp); // a lone surrogate
      const notXml = !isXmlChar(cp);
      if (replaceNonXmlChars(`a${s}b`) !== (notXml ? "a\ufffdb" : `a${s}b`) || refused(`a${s}b`) !== notXml) bad.push(cp);
    }
    expect(bad).toEqual([]);
    // A surrogate pair is one character, carried: U+1F600.
    expect(replaceNonXmlChars("\ud83d\ude00")).toBe("\ud83d\ude00");
    expect(refused("\ud83d\ude00")).toBe(false);
  });
});
