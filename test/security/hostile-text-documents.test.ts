import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { mspdiToPmokit, pmokitToMspdi, readMspdi, readReqif, readXlsx, reqifToPmokit, requirementsToReqif, writeMspdi, writeReqif } from "../../src/io/index.js";
import { renderHtmlReport, renderJsonReport, renderMarkdownReport, renderXlsxReport, type Report } from "../../src/reports/index.js";
import { validationErrorOf } from "../support/errors.js";
import { HOSTILE_TEXTS, NOT_XML } from "./hostile-text.js";

/*
 * Every hostile text through the XML writers (MSPDI, ReqIF) and the report renderers (HTML, Markdown, JSON, XLSX).
 * An XML file pmokit writes is always one an XML reader accepts: a text it cannot carry is refused with its element
 * path, anything else reads back as written.
 */
const AT = "2026-11-25T12:00:00.000Z";
const office = loadSampleOffice() as unknown as Record<string, Record<string, unknown>[]>;
const accepted = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch {
    return undefined; // refused by the entity codec: never reaches a writer
  }
};
const isNotXml = (h: string) => (NOT_XML as readonly string[]).includes(h);

describe("MSPDI export of hostile text", () => {
  const project = office["project"]![0]!;
  const wps = office["work-package"]!.filter((w) => w["projectId"] === project["id"]);
  const MAP = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: AT };

  it.each(["name", "description"] as const)("a work package's %s: read back as written, or refused at its element when XML cannot carry it", (field) => {
    let refused = 0;
    for (const h of HOSTILE_TEXTS) {
      const first = accepted(() => decodeEntity("work-package", { ...wps[0], [field]: h }));
      if (first === undefined) continue;
      const plan = { project: decodeEntity("project", project), workPackages: [first, ...wps.slice(1).map((w) => decodeEntity("work-package", w))] };
      const { document } = pmokitToMspdi(plan);
      if (isNotXml(h)) {
        // Before: the file was written with the raw character, and readMspdi (like MS Project) refused all of it.
        const e = validationErrorOf(() => writeMspdi(document));
        // The task named by its UID, as readMspdi names it (it was `"Task", 1`, a position).
        const uid = String(document.project.lists["tasks"]![1]!.fields["UID"]);
        expect(e.issues.map((i) => i.path)).toEqual([["Project", "Tasks", `Task[UID=${uid}]`, field === "name" ? "Name" : "Notes"]]);
        expect(e.issues[0]!.message).toMatch(/^text holds U\+(000B|FFFE|FFFF) at index 1, which XML 1\.0 cannot carry/);
        refused++;
        continue;
      }
      const back = mspdiToPmokit(readMspdi(writeMspdi(document)).document, MAP).records["work-package"]!.find((w) => w.code === first.code);
      expect(back, first.code).toBeDefined();
      // Read back exactly, surrounding white space included ("\t=1+1" stays "\t=1+1"; names are trimmed by their
      // entity schema already). Before, the importer trimmed every text, so a description lost its edges.
      expect(back![field], JSON.stringify(h.slice(0, 20))).toBe(first[field]);
    }
    expect(refused).toBe(NOT_XML.length);
  });
});

describe("ReqIF export of hostile text", () => {
  const projectId = office["requirement"]![0]!["projectId"];
  const reqs = office["requirement"]!.filter((r) => r["projectId"] === projectId);

  it.each(["title", "statement", "rationale"] as const)("a requirement's %s: read back as written, or refused at its value when XML cannot carry it", (field) => {
    let refused = 0;
    for (const h of HOSTILE_TEXTS) {
      const first = accepted(() => decodeEntity("requirement", { ...reqs[0], [field]: h }));
      if (first === undefined) continue;
      const all: EntityOf<"requirement">[] = [first, ...reqs.slice(1).map((r) => decodeEntity("requirement", r))];
      const document = requirementsToReqif(all, [], { title: "t", exportedAt: AT });
      if (isNotXml(h)) {
        // Before: written raw, and readReqif (like DOORS or ReqIF Studio) refused the file: "disallowed character".
        const e = validationErrorOf(() => writeReqif(document));
        expect(e.issues).toHaveLength(1);
        // The spec object named by its IDENTIFIER, as readReqif names it (it was `"SPEC-OBJECT", 0`, a position).
        expect(e.issues[0]!.path.slice(0, 5)).toEqual(["REQ-IF", "CORE-CONTENT", "REQ-IF-CONTENT", "SPEC-OBJECTS", `SPEC-OBJECT[${document.specObjects[0]!.identifier}]`]);
        refused++;
        continue;
      }
      const back = reqifToPmokit(readReqif(writeReqif(document)).document, { projectId: first.projectId, importedAt: AT }).records.requirement.find((r) => r.key === first.key)!;
      expect(back![field], JSON.stringify(h.slice(0, 20))).toBe(first[field]); // exactly, as for MSPDI above
    }
    expect(refused).toBe(NOT_XML.length);
  });
});

/** A report with the text in every user-text slot. */
const reportOf = (h: string): Report => ({
  title: h, subtitle: h,
  sections: [{
    heading: h,
    blocks: [
      { kind: "paragraph", text: h }, { kind: "list", items: [h] },
      { kind: "table", table: { caption: h, columns: [h, "Value"], rows: [[h, "1000"]] } },
      { kind: "figures", items: [{ label: h, value: "1000" }] },
    ],
  }],
});

describe("report renderers with hostile text", () => {
  it("HTML and Markdown carry no markup of the user's, no control character, and no bidi override left open", () => {
    for (const h of HOSTILE_TEXTS) {
      const tag = JSON.stringify(h.slice(0, 20));
      const html = renderHtmlReport(reportOf(h));
      const md = renderMarkdownReport(reportOf(h));
      // Markdown: no link either (`[x](javascript:…)` is written `\[x\](javascript\:…)`).
      expect(md, tag).not.toMatch(/\]\(javascript:/i);
      for (const out of [html, md]) {
        expect(out, tag).not.toMatch(/<script|<img|<!DOCTYPE x|<!ENTITY|href="javascript/i);
        // Before: Markdown kept NUL, U+000B, U+FFFE and U+FFFF as they were (the HTML report already wrote U+FFFD).
        expect(out, tag).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
      expect(JSON.parse(renderJsonReport(reportOf(h))).title, tag).toBe(h);
    }
  });

  it("a RIGHT-TO-LEFT OVERRIDE in a label is closed before the figure beside it", () => {
    // "Budget\u202E" as a figure's label: in a Markdown list item the label and the value share one line, and an
    // open override would show the value 1000 as 0001. Before: no closing U+202C; after: one, right after the text.
    const md = renderMarkdownReport(reportOf("Budget\u202E"));
    expect(md).toContain("- **Budget\u202E\u202C:** 1000");
    expect(md).not.toMatch(/\u202E(?!\u202C)/);
    const html = renderHtmlReport(reportOf("Budget\u202E"));
    expect(html).not.toMatch(/\u202E(?!\u202C)/);
  });

  it.each(NOT_XML)("the XLSX report with %j in the title and headings is a workbook Excel can open", async (h) => {
    // Before: U+FFFE and U+FFFF went raw into docProps/core.xml (the title), docProps/app.xml and xl/workbook.xml
    // (sheet names), and the workbook was malformed XML ("disallowed character").
    const bytes = await renderXlsxReport(reportOf(h));
    for (const [part, data] of Object.entries(unzipSync(bytes))) expect(strFromU8(data), part).not.toMatch(/[\u000b\ufffe\uffff]/);
    const { sheets } = readXlsx(bytes);
    const names = sheets.map((s) => s.name);
    expect(names[0]).toBe("Cover");
    expect(names.slice(1).every((n) => !/[\u000b\ufffe\uffff]/.test(n))).toBe(true);
    // The cover keeps the exact title (a cell escapes any character as _xHHHH_).
    expect(sheets[0]!.rows.flatMap((r) => r.cells)).toContain(h);
  });
});
