import { describe, expect, it } from "vitest";
import { escapeMarkdown, htmlTable, ragCell, renderHtmlReport, renderMarkdownReport } from "../../src/reports/index.js";

describe("Markdown: user text never starts a block", () => {
  // Checked with markdown-it 14 (CommonMark + GFM tables), rendering the report and comparing each paragraph, list
  // item and table cell's text with the input: before this fix the four inputs below became code blocks (<pre>) in
  // the paragraph and the list item; after it, every one of 32 nasty strings (these and #, >, -, *, +, 1., 2026),
  // |, backticks, fences, [links](x), ![images](x), <b>, &entities;, emphasis, ---, ===, ***, [ref]: /url, ~~, <url>)
  // rendered as its literal text in a paragraph, a list item, a table cell and a heading.
  it("leading spaces and tabs are character references, not indentation", () => {
    expect(escapeMarkdown("    four spaces")).toBe("&#32;&#32;&#32;&#32;four spaces");
    expect(escapeMarkdown("\ttab")).toBe("&#9;tab");
    expect(escapeMarkdown("    - nested")).toBe("&#32;&#32;&#32;&#32;\\- nested");
    expect(escapeMarkdown("  \t mixed")).toBe("&#32;&#32;&#9;&#32;mixed");
    // Only the start of the text: later lines follow a <br> on the same line, and inner spaces stay spaces.
    expect(escapeMarkdown("a\n    b  c")).toBe("a<br>    b  c");
  });

  it("in a paragraph and a list item", () => {
    const md = renderMarkdownReport({ title: "T", sections: [{ heading: "H", blocks: [{ kind: "paragraph", text: "    not code" }, { kind: "list", items: ["\tnot code either", "> not a quote", "1. not a list"] }] }] });
    expect(md).toBe("# T\n\n## H\n\n&#32;&#32;&#32;&#32;not code\n\n- &#9;not code either\n- &gt; not a quote\n- 1\\. not a list\n");
  });
});

describe("HTML: user text keeps its line breaks", () => {
  // Before: a list item printed the raw newline, so a multi-line note ran together on one line.
  it("in list items, figure labels and RAG notes, after escaping", () => {
    const html = renderHtmlReport({
      title: "T",
      sections: [{ heading: "H", blocks: [
        { kind: "list", items: ["Supplier <late>\nInvoice re-sent\r\nPaid"] },
        { kind: "figures", items: [{ label: "EAC\n(bottom-up)", value: "1" }] },
      ] }],
    });
    expect(html).toContain("<ul><li>Supplier &lt;late&gt;<br>Invoice re-sent<br>Paid</li></ul>");
    expect(html).toContain("<dt>EAC<br>(bottom-up)</dt>");
    expect(htmlTable({ columns: ["RAG"], rows: [[ragCell("red", "CPI 0.80 < 0.90\nSPI 0.70")]] })).toContain('<span class="rag-note">CPI 0.80 &lt; 0.90<br>SPI 0.70</span>');
  });
});
