import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { MAX_SECTION_DEPTH, readinessBurnDownChart, renderHtmlReport, renderJsonReport, renderMarkdownReport, validateReport, type Report, type ReportSection } from "../../src/reports/index.js";
import { burnDownInput } from "./fixtures.js";

const RENDERERS = [["html", renderHtmlReport], ["md", renderMarkdownReport], ["json", (r: Report) => renderJsonReport(r)]] as const;

/** A report whose sections nest `depth` levels deep (built without recursion). */
function nested(depth: number): Report {
  let s: ReportSection = { heading: `level ${depth}`, blocks: [{ kind: "paragraph", text: "deepest" }] };
  for (let d = depth - 1; d >= 1; d--) s = { heading: `level ${d}`, blocks: [], sections: [s] };
  return { title: "Deep", sections: [s] };
}

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => [i.path.join("."), i.message]);
  }
  throw new Error("expected a ValidationError");
};

describe("issue 18 #7: the report model is validated at the renderer boundary", () => {
  it.each(RENDERERS)("%s: a malformed Report value is one ValidationError with paths, not a TypeError", (_name, render) => {
    const bad = { title: "Portfolio", sections: [{ heading: "Health" }, { heading: 7, blocks: [{ kind: "table", table: { columns: ["A"], rows: [[Infinity]] } }] }] };
    expect(issuesOf(() => render(bad as never))).toEqual([
      ["sections.0.blocks", "expected a list of blocks"],
      ["sections.1.heading", "expected a text"],
      ["sections.1.blocks.0.table.rows.0.0", "Infinity is not a finite number"],
    ]);
    expect(issuesOf(() => render(null as never))).toEqual([["", "a report is an object with a title and sections"]]);
  });

  it.each(RENDERERS)("%s: 5,000 nested sections are refused, not a RangeError", (_name, render) => {
    const issues = issuesOf(() => render(nested(5000)));
    expect(issues).toHaveLength(1);
    expect(issues[0]![1]).toBe(`sections are nested deeper than ${MAX_SECTION_DEPTH} levels`);
  });

  it.each(RENDERERS)("%s: a report at the depth limit renders", (_name, render) => {
    expect(render(nested(MAX_SECTION_DEPTH))).toContain("deepest");
  });

  it("a chart file outside the report folder is refused (the CLI writes chart files beside the report)", () => {
    const chart = (file: string) => ({ title: "t", sections: [{ heading: "h", blocks: [{ kind: "chart", svg: readinessBurnDownChart(burnDownInput()), caption: "c", file }] }] });
    for (const file of ["../escape.svg", "/etc/x.svg", "charts/../../x.svg", "C:\\x.svg"]) {
      expect(issuesOf(() => validateReport(chart(file)))).toEqual([["sections.0.blocks.0.file", "a chart file is a relative path inside the report folder"]]);
    }
    expect(validateReport(chart("charts/s-curve.svg"))).toBeTruthy();
  });

  it("a section's layout is summary, open or collapsed", () => {
    const withLayout = (layout: unknown) => ({ title: "t", sections: [{ heading: "h", layout, blocks: [] }] });
    expect(issuesOf(() => validateReport(withLayout("folded")))).toEqual([["sections.0.layout", "a section's layout is summary, open or collapsed"]]);
    for (const layout of ["summary", "open", "collapsed", undefined]) expect(validateReport(withLayout(layout))).toBeTruthy();
  });
});

describe("a chart file the Markdown renderer cannot link", () => {
  it("is refused with the block's whole path, as every other report problem is", () => {
    const report: Report = { title: "t", sections: [{ heading: "h", blocks: [], sections: [{ heading: "s", blocks: [{ kind: "paragraph", text: "p" }, { kind: "chart", svg: readinessBurnDownChart(burnDownInput()), caption: "c", file: "charts/burn down.svg" }] }] }] };
    // validateReport accepts it (a relative path inside the folder); Markdown links only [A-Za-z0-9_./-] .svg names.
    expect(validateReport(report)).toBeTruthy();
    try {
      renderMarkdownReport(report);
      expect.unreachable();
    } catch (e) {
      // before: path ["file"], which names no section or block.
      expect(e instanceof ValidationError && e.issues.map((i) => i.path.join("."))).toEqual(["sections.0.sections.0.blocks.1.file"]);
    }
  });
});
