import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decimal, money, ValidationError } from "../../src/core/index.js";
import {
  REPORT_CSP, REPORT_CSS, REPORT_CSS_SHA256, htmlTable, ragCell, ragChip, renderHtmlReport, type SvgMarkup,
} from "../../src/reports/index.js";
import { H, HOSTILE, hostileReport } from "./fixtures.js";

describe("report stylesheet and Content-Security-Policy", () => {
  it("allows exactly the report's stylesheet by its hash", () => {
    const actual = createHash("sha256").update(REPORT_CSS).digest("base64");
    expect(REPORT_CSS_SHA256, "REPORT_CSS changed: put this hash into REPORT_CSS_SHA256").toBe(actual);
    expect(REPORT_CSP).toBe(`default-src 'none'; style-src 'sha256-${actual}'; img-src data:; base-uri 'none'; form-action 'none'`);
  });

  it("loads nothing from outside: no url(), no @import, no remote fonts", () => {
    expect(REPORT_CSS).not.toMatch(/url\(|@import|@font-face|https?:/);
  });
});

describe("renderHtmlReport", () => {
  const html = renderHtmlReport(hostileReport());

  it("is one self-contained document with the CSP meta first in <head>", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\"")).toBe(true);
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<base|<img|<foreignObject/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|style|xlink:href)=/i);
    expect(html).not.toMatch(/<[a-z][^>]*\shref="(?!#section-)/i);
  });

  it("escapes every hostile string wherever it appears", () => {
    for (const h of HOSTILE) expect(html).not.toContain(h);
    // No attribute an attacker could have opened: every on…= sits inside escaped text.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
  });

  it("renders sections, a table of contents, tables, figures and five charts", () => {
    expect(html.match(/<section /g)).toHaveLength(3);
    expect(html).toContain('<nav class="toc" aria-label="Contents">');
    expect(html.match(/<figure class="chart"><svg /g)).toHaveLength(5);
    expect(html).toContain('<td class="num">EUR 1,234,567.89</td>');
    expect(html).toContain('<td class="num">n/a (ac-is-zero)</td>');
    expect(html).toContain("<h3 ");
  });

  it("is deterministic", () => {
    expect(renderHtmlReport(hostileReport())).toBe(html);
  });

  it("refuses a chart block that is not a pmokit chart", () => {
    const fake = "<svg onload=alert(1)></svg>" as SvgMarkup;
    expect(() => renderHtmlReport({ title: "t", sections: [{ heading: "h", blocks: [{ kind: "chart", svg: fake, caption: "c" }] }] })).toThrow(ValidationError);
  });
});

describe("ragChip and htmlTable", () => {
  it("carries the letter and the word, not colour alone, and escapes the rule", () => {
    expect(ragChip(ragCell("red", `CPI < 0.90 ${H}`))).toBe(
      `<span class="rag rag-red"><span class="rag-letter" aria-hidden="true">R</span>Red</span><span class="rag-note">CPI &lt; 0.90 ${H.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")}</span>`,
    );
    expect(ragChip(ragCell("green"))).toBe('<span class="rag rag-green"><span class="rag-letter" aria-hidden="true">G</span>Green</span>');
    expect(() => ragCell("blue" as "red")).toThrow(ValidationError);
  });

  it("right-aligns number-like columns and escapes cells", () => {
    expect(htmlTable({ columns: ["Project", "CPI", "EAC"], rows: [["<b>CRM</b>", decimal("0.91"), money("-1250.5", "EUR")]] })).toBe(
      '<table><thead><tr><th scope="col">Project</th><th scope="col" class="num">CPI</th><th scope="col" class="num">EAC</th></tr></thead>' +
        '<tbody><tr><td>&lt;b&gt;CRM&lt;/b&gt;</td><td class="num">0.91</td><td class="num">-EUR 1,250.50</td></tr></tbody></table>',
    );
  });
});
