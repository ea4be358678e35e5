import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown, safeId } from "../../src/reports/index.js";
import { HOSTILE } from "./fixtures.js";

describe("escapeHtml", () => {
  it("escapes the hostile strings for text and attribute contexts", () => {
    expect(escapeHtml("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeHtml('" onload="x')).toBe("&quot; onload=&quot;x");
    expect(escapeHtml("</svg><script>")).toBe("&lt;/svg&gt;&lt;script&gt;");
    expect(escapeHtml("' onmouseover='x")).toBe("&#39; onmouseover=&#39;x");
    expect(escapeHtml("Tom & Jerry &amp;")).toBe("Tom &amp; Jerry &amp;amp;");
  });

  it("replaces characters XML forbids (so a standalone SVG stays well-formed) and keeps the rest", () => {
    expect(escapeHtml("a\u0000b\u0008c\u000bd\u001fe")).toBe("a\ufffdb\ufffdc\ufffdd\ufffde");
    expect(escapeHtml("tab\tlf\ncr\r")).toBe("tab\tlf\ncr\r");
    expect(escapeHtml("lone \ud800 high, lone \udc00 low")).toBe("lone \ufffd high, lone \ufffd low");
    expect(escapeHtml("Poznań 😀 €")).toBe("Poznań 😀 €");
  });

  it("never lets a markup character through (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const e = escapeHtml(s);
        // No markup character, and every & starts one of our entities.
        return !/[<>"']/.test(e) && !e.replace(/&(amp|lt|gt|quot|#39);/g, "").includes("&");
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("escapes every hostile fixture so no tag or attribute survives", () => {
    for (const h of HOSTILE) expect(escapeHtml(h)).not.toMatch(/<|"/);
  });
});

describe("safeId", () => {
  it("keeps only identifier characters and starts with a letter", () => {
    expect(safeId('a b"<c')).toBe("a-b--c");
    expect(safeId("1st")).toBe("x1st");
    expect(safeId("")).toBe("x");
  });
});

describe("escapeMarkdown", () => {
  it("escapes pipes, newlines, inline syntax and raw HTML", () => {
    expect(escapeMarkdown("a | b")).toBe("a \\| b");
    expect(escapeMarkdown("line 1\nline 2\r\nline 3")).toBe("line 1<br>line 2<br>line 3");
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeMarkdown("[x](javascript:y) *b* _i_ `c` ~s~")).toBe("\\[x\\](javascript\\:y) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~");
    expect(escapeMarkdown("back\\slash")).toBe("back\\\\slash");
  });

  it("escapes a leading block marker only", () => {
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("- not a bullet - really")).toBe("\\- not a bullet - really");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("EAC 1.5 - 2")).toBe("EAC 1.5 - 2");
  });
});
