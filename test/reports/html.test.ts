import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decimal, money, ValidationError } from "../../src/core/index.js";
import {
  REPORT_CSP, REPORT_CSS, REPORT_CSS_SHA256, ganttChart, htmlTable, ragCell, ragChip, renderHtmlReport, sCurveChart, type Report, type SvgMarkup,
} from "../../src/reports/index.js";
import { H, HOSTILE, hostileReport, sCurveInput } from "./fixtures.js";

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
    expect(html.match(/<figure class="chart"><div class="chart-frame cw-\d+" role="region" tabindex="0" aria-labelledby="[\w-]+"><svg /g)).toHaveLength(5);
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

describe("layout: summary first, foldable detail, frames that scroll on their own", () => {
  const report = (layouts: (Report["sections"][number]["layout"])[]): Report => ({
    title: "t",
    sections: layouts.map((layout, i) => ({ heading: `S${i + 1}`, ...(layout ? { layout } : {}), blocks: [{ kind: "paragraph", text: `p${i + 1}` }] })),
  });

  it("shows a summary section unfolded and before the table of contents; other sections fold, open unless collapsed", () => {
    const html = renderHtmlReport(report(["summary", undefined, "collapsed", "open"]));
    expect(html).toContain('<section id="section-1" class="summary" aria-labelledby="section-1-h"><h2 id="section-1-h">S1</h2>\n<p>p1</p>\n</section>');
    expect(html).toContain('<section id="section-2" aria-labelledby="section-2-h"><details class="fold fold-2" open><summary><h2 id="section-2-h">S2</h2></summary>\n<p>p2</p>\n</details></section>');
    expect(html).toContain('<details class="fold fold-2"><summary><h2 id="section-3-h">S3</h2></summary>');
    expect(html).toContain('<details class="fold fold-2" open><summary><h2 id="section-4-h">S4</h2></summary>');
    // Order in <main>: the summary, then the contents, then the detail.
    const at = (x: string) => html.indexOf(x);
    expect(at('id="section-1"')).toBeLessThan(at('<nav class="toc"'));
    expect(at('<nav class="toc"')).toBeLessThan(at('id="section-2"'));
    expect(at("<main>")).toBeLessThan(at('id="section-1"'));
  });

  it("writes no separate table of contents when every detail section starts folded (their headings are the contents)", () => {
    expect(renderHtmlReport(report(["summary", "collapsed", "collapsed"]))).not.toContain("<nav");
    expect(renderHtmlReport(report([undefined, "collapsed"]))).toContain('<nav class="toc" aria-label="Contents">');
  });

  it("folds sub-sections one heading level down", () => {
    const html = renderHtmlReport({ title: "t", sections: [{ heading: "A", blocks: [], sections: [{ heading: "B", layout: "collapsed", blocks: [] }] }] });
    expect(html).toContain('<section id="section-1-1" aria-labelledby="section-1-1-h"><details class="fold fold-3"><summary><h3 id="section-1-1-h">B</h3></summary>');
  });

  it("puts each table in a focusable region labelled by its caption, or by the section heading without one", () => {
    const html = renderHtmlReport({
      title: "t",
      sections: [{ heading: "Health", blocks: [{ kind: "table", table: { caption: "Projects", columns: ["P"], rows: [["CRM"]] } }, { kind: "table", table: { columns: ["Q"], rows: [] } }] }],
    });
    expect(html).toContain('<div class="table-frame" role="region" tabindex="0" aria-labelledby="section-1-b1-c"><table><caption id="section-1-b1-c">Projects</caption>');
    expect(html).toContain('<div class="table-frame" role="region" tabindex="0" aria-labelledby="section-1-h"><table><thead>');
  });

  it("lets a chart shrink only as far as its smallest text stays at 9 px: drawn width × 9 ÷ smallest font, up to a 40 px step", () => {
    const chart = (svg: SvgMarkup) => renderHtmlReport({ title: "t", sections: [{ heading: "h", blocks: [{ kind: "chart", svg, caption: "c" }] }] });
    // S-curve: 720 wide, smallest text 11 px → 720 × 9 / 11 = 589.1 → 600.
    expect(chart(sCurveChart(sCurveInput()))).toContain('<div class="chart-frame cw-600"');
    // 1,000 wide: 1000 × 9 / 11 = 818.2 → 840.
    expect(chart(sCurveChart({ ...sCurveInput(), width: 1000, height: 400 }))).toContain('<div class="chart-frame cw-840"');
    // Gantt of two rows, 900 wide: 900 × 9 / 11 = 736.4 → 760.
    const gantt = ganttChart({ title: "g", rows: [{ id: "A", label: "A", start: "2027-01-04", finish: "2027-01-08" }, { id: "B", label: "B", start: "2027-01-11", finish: "2027-01-15" }] });
    expect(gantt).toContain('width="900"');
    expect(chart(gantt)).toContain('<div class="chart-frame cw-760"');
    // 3,000 wide would need 2,455 px: past the widest rule (2,000), the chart keeps its drawn width.
    expect(chart(sCurveChart({ ...sCurveInput(), width: 3000, height: 400 }))).toContain('<div class="chart-frame cw-native"');
    expect(REPORT_CSS).toContain(".cw-600 > svg { min-width: 600px; }");
    expect(REPORT_CSS).toContain(".cw-2000 > svg { min-width: 2000px; }");
    expect(REPORT_CSS).not.toContain(".cw-2040");
  });

  it("unfolds every section in print and lets frames overflow there", () => {
    expect(REPORT_CSS).toMatch(/@media print \{\n {2}details\.fold::details-content \{ content-visibility: visible; display: block; \}\n\}/);
    expect(REPORT_CSS).toContain(".table-frame, .chart-frame { overflow: visible; }");
  });
});
