import { describe, expect, it } from "vitest";
import { decimal, money, ValidationError } from "../../src/core/index.js";
import { markdownTable, ragCell, renderMarkdownReport, sCurveChart } from "../../src/reports/index.js";
import { H, hostileReport, sCurveInput } from "./fixtures.js";

describe("markdownTable", () => {
  it("builds a GFM table, right-aligning number-like columns and escaping pipes and newlines", () => {
    const md = markdownTable({
      columns: ["Project", "CPI", "EAC"],
      rows: [
        ["CRM | North\nphase 2", decimal("0.91"), money("486000", "EUR")],
        ["WMS", { reason: "ac-is-zero" }, money("-1250.5", "EUR")],
      ],
    });
    expect(md).toBe(
      [
        "| Project | CPI | EAC |",
        "| :-- | --: | --: |",
        "| CRM \\| North<br>phase 2 | 0.91 | EUR 486,000.00 |",
        "| WMS | n/a (ac-is-zero) | -EUR 1,250.50 |",
        "",
      ].join("\n"),
    );
  });

  it("shows RAG cells with letter, word and rule, and a caption", () => {
    const md = markdownTable({ caption: "Health", columns: ["Cost"], rows: [[ragCell("red", "CPI < 0.90")]] });
    expect(md).toBe("**Health**\n\n| Cost |\n| :-- |\n| **R** Red — CPI &lt; 0.90 |\n");
  });

  it("rejects a row of the wrong width with its path", () => {
    expect(() => markdownTable({ columns: ["a", "b"], rows: [["x"]] })).toThrow(ValidationError);
  });
});

describe("renderMarkdownReport", () => {
  it("renders headings, paragraphs, lists, figures and chart stand-ins", () => {
    const md = renderMarkdownReport({
      title: "Portfolio",
      asOf: "2026-11-20",
      sections: [
        {
          heading: "Health",
          blocks: [
            { kind: "paragraph", text: "Two projects are amber." },
            { kind: "figures", items: [{ label: "CPI", value: decimal("0.91") }] },
            { kind: "list", items: ["Not selected: Data lake (budget)"] },
            { kind: "chart", svg: sCurveChart(sCurveInput()), caption: "S-curve" },
            { kind: "chart", svg: sCurveChart(sCurveInput()), caption: "S-curve", file: "charts/s-curve.svg" },
          ],
          sections: [{ heading: "Detail", blocks: [] }],
        },
      ],
    });
    expect(md).toBe(
      [
        "# Portfolio\n",
        "As of 2026-11-20.\n",
        "## Health\n",
        "Two projects are amber.\n",
        "- **CPI:** 0.91\n",
        "- Not selected: Data lake (budget)\n",
        "*Chart: S-curve (shown in the HTML report).*\n",
        "![S-curve](charts/s-curve.svg)\n",
        "### Detail\n",
      ].join("\n"),
    );
  });

  it("refuses chart file paths that could escape the report folder or be a URL", () => {
    for (const file of ["../x.svg", "javascript:alert(1)//.svg", "/etc/x.svg", "x.svg) ![y](z"]) {
      expect(() =>
        renderMarkdownReport({ title: "t", sections: [{ heading: "h", blocks: [{ kind: "chart", svg: sCurveChart(sCurveInput()), caption: "c", file }] }] }),
      ).toThrow(ValidationError);
    }
  });

  it("keeps a trailing ' #' of a heading, which Markdown would read as the heading's closing sequence and drop", () => {
    // "## Release #" is the heading "Release" in CommonMark; "## Release \#" is "Release #".
    const md = renderMarkdownReport({ title: "Ticket #", sections: [{ heading: "Plan B ##  ", blocks: [{ kind: "paragraph", text: "C# and F# stay" }] }] });
    expect(md).toBe("# Ticket \\#\n\n## Plan B \\##  \n\nC# and F# stay\n");
  });

  it("leaves no raw HTML from hostile text (only our <br>)", () => {
    const md = renderMarkdownReport(hostileReport());
    expect(md.replace(/<br>/g, "")).not.toMatch(/[<>]/);
    expect(md).not.toContain(H);
  });
});
