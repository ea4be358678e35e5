import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { readReqif, reqifToPmokit, requirementsToReqif, writeReqif } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

/*
 * An XHTML value is written as the markup it is (ReqIF 1.2 §10.8.x: ATTRIBUTE-VALUE-XHTML's THE-VALUE holds
 * XHTML-CONTENT, XML elements of the XHTML namespace). Markup that is not a well-formed XML fragment therefore changes
 * the file around it: `</THE-VALUE>` closes the value early and what follows becomes ReqIF elements of the file, a
 * bare `<` or `&` makes the whole file unreadable, a DOCTYPE brings a DTD in. The text of such a value comes from the
 * caller (the `richText` option, a ReqifDocument built by hand), so it is checked before anything is written.
 */
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
const requirement = decodeEntity("requirement", {
  id: "prj-x:R1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", key: "FR-1", type: "functional",
  title: "Export", statement: "The system shall export.", priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "approved",
});
const withRichText = (markup: string) => requirementsToReqif([requirement], [], { title: "T", exportedAt: IMPORTED_AT, richText: { "prj-x:R1": markup } });

describe("writeReqif writes only well-formed XHTML values", () => {
  it("refuses a value that would close THE-VALUE and write its own elements into the file", () => {
    // Before: written as-is; the file held <INJECTED/> as an element of SPEC-OBJECT's VALUES, and the re-import lost
    // the statement without a word (it read back as "R1", the object's identifier).
    const breakOut = "<xhtml:div>a</xhtml:div></THE-VALUE></ATTRIBUTE-VALUE-XHTML></VALUES><INJECTED/><VALUES><ATTRIBUTE-VALUE-XHTML><THE-VALUE><xhtml:div>b</xhtml:div>";
    const e = validationErrorOf(() => writeReqif(withRichText(breakOut)));
    expect(e.issues).toHaveLength(1);
    const issue = e.issues[0]!;
    expect(issue.path.at(-1)).toBe("THE-VALUE");
    expect(issue.path).toContain("ATTRIBUTE-VALUE-XHTML");
    expect(issue.message).toMatch(/^XHTML value is not well-formed XML \(.+\): written as markup it would change the file around it; refused$/);
  });

  it("refuses a bare < or & (before: written, and the file could not be read back — 'unclosed tag: THE-VALUE')", () => {
    expect(validationErrorOf(() => writeReqif(withRichText("a & b <"))).issues[0]!.message).toMatch(/^XHTML value is not well-formed XML/);
  });

  it("refuses a document type declaration inside a value (before: written; the reader then refused the file)", () => {
    expect(validationErrorOf(() => writeReqif(withRichText('<!DOCTYPE x [<!ENTITY e "x">]><xhtml:div>&e;</xhtml:div>'))).issues[0]!.message).toMatch(/^XHTML value is not well-formed XML/);
  });

  it("writes well-formed markup as before: CDATA, an entity the reader keeps as written (&nbsp;), other prefixes", () => {
    for (const markup of ["<xhtml:div>x<![CDATA[</THE-VALUE>]]></xhtml:div>", "<xhtml:div>a&nbsp;b</xhtml:div>", "<reqif-xhtml:div>d</reqif-xhtml:div>"]) {
      const back = reqifToPmokit(readReqif(writeReqif(withRichText(markup))).document, OPTIONS);
      expect(back.richText["prj-x:R1"]).toBe(markup);
    }
  });

  it("every fixture's document is still written (their XHTML values are well-formed)", () => {
    for (const name of ["doors9_ibm-rational-doors_example-from-a-user.reqif", "eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif", "polarion_reqif-roundtrip_anonymized-srs.reqif"]) {
      const { document } = readReqif(fixtureText(`reqif/${name}`));
      expect(readReqif(writeReqif(document)).document).toEqual(document);
    }
  });
});
