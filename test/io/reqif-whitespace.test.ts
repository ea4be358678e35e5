import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit, requirementsToReqif, unzipReqifz, writeReqif, xhtmlToPlainText } from "../../src/io/index.js";
import { plainTextWithFastXmlParser } from "../../src/io/reqif/xhtml.js";
import { decodeEntity } from "../../src/entities/index.js";
import { requirementFingerprint } from "../../src/traceability/index.js";
import { IMPORTED_AT, fixtureBytes, fixtureText } from "./fixtures.js";

/*
 * White space of ReqIF XHTML text, against the WHATWG HTML rendering rules (innerText; CSS Text 3 "white-space:
 * normal"): only space, tab, line feed, carriage return and form feed are collapsible; a no-break space (U+00A0) or
 * any other Unicode space is a character; <br> is a line break of its own (two are a blank line); block edges merge;
 * <pre> keeps every space and line break, except a line feed right after its start tag (HTML's parsing rule).
 * And the export writes a statement so that the import reads back the very same text.
 */

const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
const FIXTURES = [
  "reqif/doors9_ibm-rational-doors_example-from-a-user.reqif", "reqif/doors_ibm-rational-doors_spielwiese.reqifz",
  "reqif/eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif", "reqif/enterprise-architect-8_microtool-in-step_example.reqif",
  "reqif/polarion_reqif-roundtrip_anonymized-srs.reqif", "reqif/pror_fmstudio_traceability-template-v1.0.reqif",
  "reqif/reqif-studio_anonymized-example.reqif", "reqif/strictdoc_export_sample2.reqif",
];
const textOf = (f: string) => (f.endsWith(".reqifz") ? unzipReqifz(fixtureBytes(f)).text : fixtureText(f));
const both = (xhtml: string) => [xhtmlToPlainText(xhtml), plainTextWithFastXmlParser(xhtml)];

describe("XHTML text keeps the white space HTML keeps", () => {
  it.each([
    // [case, XHTML, innerText as a browser gives it]
    ["two <br/> are a blank line", "<xhtml:div>Para one.<xhtml:br/><xhtml:br/>Para two.</xhtml:div>", "Para one.\n\nPara two."],
    ["a no-break space is a character", "<xhtml:p>10&#160;kg</xhtml:p>", "10\u00a0kg"],
    ["a narrow no-break space and an ideographic space too", "<xhtml:p>1\u202f234\u3000x</xhtml:p>", "1\u202f234\u3000x"],
    ["pre keeps indentation and runs of spaces", "<xhtml:pre>if x:\n    y  = 1</xhtml:pre>", "if x:\n    y  = 1"],
    ["pre drops the line feed after its start tag", "<xhtml:div>a<xhtml:pre>\n  b</xhtml:pre></xhtml:div>", "a\n  b"],
    ["a <br/> ending a paragraph adds no empty line", "<xhtml:p>a<xhtml:br/></xhtml:p><xhtml:p>b</xhtml:p>", "a\nb"],
    ["empty paragraphs add none either", "<xhtml:p>a</xhtml:p><xhtml:p> </xhtml:p><xhtml:p/><xhtml:p>b</xhtml:p>", "a\nb"],
    ["spaces beside a <br/> are dropped", "<xhtml:p>a <xhtml:br/> b</xhtml:p>", "a\nb"],
    ["list items are lines", "<xhtml:ul>\n  <xhtml:li>one</xhtml:li>\n  <xhtml:li>two</xhtml:li>\n</xhtml:ul>", "one\ntwo"],
  ])("%s", (_case, xhtml, expected) => {
    expect(both(xhtml)).toEqual([expected, expected]);
  });

  it("a fixture's no-break spaces stay (ProR template, 'warning sign' object)", () => {
    // pror_fmstudio_traceability-template-v1.0.reqif line 276: "…on the warning sign\u00a0⚠\u00a0</xhtml:p>" (bytes
    // C2 A0 before and after the sign). Before: "…warning sign ⚠" with an ordinary space.
    const { records } = reqifToPmokit(readReqif(fixtureText("reqif/pror_fmstudio_traceability-template-v1.0.reqif")).document, OPTIONS);
    const r = records.requirement.find((x) => x.statement.startsWith("You can reset the flag"));
    expect(r?.statement).toBe("You can reset the flag by double-clicking on the warning sign\u00a0⚠");
  });
});

describe("ReqIF → pmokit → ReqIF → pmokit keeps every statement and fingerprint", () => {
  it.each(FIXTURES)("%s, with and without the kept rich text", (file) => {
    const first = reqifToPmokit(readReqif(textOf(file)).document, OPTIONS);
    for (const richText of [first.richText, {}]) {
      const doc = requirementsToReqif(first.records.requirement, first.records["trace-link"], { title: "T", exportedAt: IMPORTED_AT, outline: first.outline, richText });
      const again = reqifToPmokit(readReqif(writeReqif(doc)).document, OPTIONS).records.requirement;
      expect(again.map((r) => [r.id, r.statement, requirementFingerprint(r)]))
        .toEqual(first.records.requirement.map((r) => [r.id, r.statement, requirementFingerprint(r)]));
    }
  });
});

const requirement = (statement: string) => decodeEntity("requirement", {
  id: "prj-x:R1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", key: "FR-1", type: "functional",
  title: "Export", statement, priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "approved",
});
const roundTrip = (statement: string) =>
  reqifToPmokit(readReqif(writeReqif(requirementsToReqif([requirement(statement)], [], { title: "T", exportedAt: IMPORTED_AT }))).document, OPTIONS)
    .records.requirement[0]!;

describe("pmokit → ReqIF → pmokit keeps the statement as written", () => {
  it.each([
    // Before (each): the import collapsed it — "a b", "Para one.\nPara two.", "List:\n- first", "Qty here",
    // "x\ny", "10 kg" with an ordinary space.
    ["two spaces", "a  b"],
    ["a blank line", "Para one.\n\nPara two."],
    ["an indented line", "List:\n  - first"],
    ["a tab", "Qty\there"],
    ["a Windows line end", "x\r\ny"],
    ["a no-break space", "10\u00a0kg"],
  ])("%s", (_case, statement) => {
    const r = requirement(statement);
    const back = roundTrip(statement);
    expect(back.statement).toBe(statement);
    expect(requirementFingerprint(back)).toBe(requirementFingerprint(r));
  });

  it("a plain statement is still written with <br/>, a spaced one in <pre>", () => {
    const xml = (s: string) => writeReqif(requirementsToReqif([requirement(s)], [], { title: "T", exportedAt: IMPORTED_AT }));
    expect(xml("one\ntwo")).toContain("<xhtml:div>one<xhtml:br/>two</xhtml:div>");
    expect(xml("x\r\n  y")).toContain("<xhtml:div><xhtml:pre>x&#13;\n  y</xhtml:pre></xhtml:div>");
  });

  it("property: any valid statement comes back identical (seeded)", () => {
    const text = fc.stringMatching(/^[a-z<>&"' \t\r\n\u00a0\u2009é]{1,40}$/);
    fc.assert(
      fc.property(text, (s) => {
        const r = decodeEntity("requirement", { ...requirement("x"), statement: s.trim() === "" ? "x" : s });
        expect(roundTrip(r.statement).statement).toBe(r.statement);
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
