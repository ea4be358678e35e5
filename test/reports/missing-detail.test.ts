import { describe, expect, it } from "vitest";
import { missing } from "../../src/core/index.js";
import { htmlTable, markdownTable, missingText, renderHtmlReport, renderMarkdownReport, tableToCsv, type ReportTable } from "../../src/reports/index.js";

// A reason's detail with characters that mean something in HTML, Markdown and CSV.
const detail = 'WP-3 <b>"ETL"</b> | has no ETC, *yet*';
const table: ReportTable = { columns: ["Package", "EAC"], rows: [["WP-3", missing("no-estimate", detail)], ["WP-4", missing("ac-is-zero")]] };

describe("a missing figure's detail is shown where its reason is", () => {
  // Before: every table printed "n/a (no-estimate)" and dropped the detail (only XLSX kept it, as a note).
  it("as text: n/a (reason: detail)", () => {
    expect(missingText({ reason: "no-estimate", detail: "WP-3 has no ETC" })).toBe("n/a (no-estimate: WP-3 has no ETC)");
    expect(missingText({ reason: "ac-is-zero" })).toBe("n/a (ac-is-zero)");
  });

  it("HTML escapes it", () => {
    expect(htmlTable(table)).toContain("<td class=\"num\">n/a (no-estimate: WP-3 &lt;b&gt;&quot;ETL&quot;&lt;/b&gt; | has no ETC, *yet*)</td>");
    const html = renderHtmlReport({ title: "T", sections: [{ heading: "H", blocks: [{ kind: "figures", items: [{ label: "EAC", value: missing("no-estimate", detail) }] }] }] });
    expect(html).toContain("<dd>n/a (no-estimate: WP-3 &lt;b&gt;&quot;ETL&quot;&lt;/b&gt; | has no ETC, *yet*)</dd>");
  });

  it("Markdown escapes it", () => {
    expect(markdownTable(table).split("\n")[2]).toBe("| WP-3 | n/a (no-estimate: WP-3 &lt;b&gt;\"ETL\"&lt;/b&gt; \\| has no ETC, \\*yet\\*) |");
    const md = renderMarkdownReport({ title: "T", sections: [{ heading: "H", blocks: [{ kind: "figures", items: [{ label: "EAC", value: missing("no-estimate", "WP-3") }] }] }] });
    expect(md).toContain("- **EAC:** n/a (no-estimate: WP-3)\n");
  });

  it("CSV quotes it", () => {
    expect(tableToCsv(table)).toBe('Package,EAC\r\nWP-3,"n/a (no-estimate: WP-3 <b>""ETL""</b> | has no ETC, *yet*)"\r\nWP-4,n/a (ac-is-zero)\r\n');
  });
});
