import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { importMspdiBatches, mspdiToPmokit, pmokitToMspdi, readMspdi, readReqif, reqifToPmokit, requirementsToReqif, writeMspdi, writeReqif, type MspdiDocument, type ReqifDocument } from "../../src/io/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * White space at the edges of a text is part of it (XML keeps element text and attribute values as written; only the
 * indentation a writer puts between child elements is not content). Before, every reader trimmed it: a task named
 * " Task" or a ReqIF statement "Statement\n" came back as "Task" / "Statement" after export → import.
 * Texts: a non-blank core with spaces, tabs, line feeds and carriage returns before and after it (and inside).
 */
const edge = fc.stringMatching(/^[ \t\n\r]{0,3}$/);
const core = fc.stringMatching(/^[A-Za-zé&<>"' ][A-Za-zé&<>"' \t\n\r]{0,10}$/).filter((s) => s.trim() !== "");
const text = fc.tuple(edge, core, edge).map(([a, b, c]) => `${a}${b}${c}`).filter((s) => s.trim() !== "" && s !== s.trim());

describe("MSPDI: names and notes keep their edge white space through write → read", () => {
  it("property: project, calendar, task and resource names, task notes (seeded)", () => {
    fc.assert(fc.property(fc.array(text, { minLength: 6, maxLength: 6 }), ([project, title, calendar, task, notes, resource]) => {
      const document: MspdiDocument = {
        currency: "EUR",
        project: {
          fields: { Name: project!, Title: title!, CurrencyCode: "EUR" },
          lists: {
            calendars: [{ fields: { UID: "1", Name: calendar! }, lists: {} }],
            tasks: [{ fields: { UID: "1", Name: task!, Notes: notes! }, lists: {} }],
            resources: [{ fields: { UID: "1", Name: resource! }, lists: {} }],
          },
        },
      };
      const back = readMspdi(writeMspdi(document)).document.project;
      expect([back.fields["Name"], back.fields["Title"], back.lists["calendars"]![0]!.fields["Name"], back.lists["tasks"]![0]!.fields["Name"],
        back.lists["tasks"]![0]!.fields["Notes"], back.lists["resources"]![0]!.fields["Name"]]).toEqual([project, title, calendar, task, notes, resource]);
    }), { numRuns: 150, seed: 2121 });
  });

  it("a work package's description (task Notes) survives pmokit → MSPDI → pmokit", async () => {
    const xml = (notes: string) => `<Project xmlns="http://schemas.microsoft.com/project"><Name>p</Name><CurrencyCode>EUR</CurrencyCode>` +
      `<Tasks><Task><UID>1</UID><Name>A</Name><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2027-01-04T08:00:00</Start>` +
      `<Finish>2027-01-08T17:00:00</Finish><Duration>PT40H0M0S</Duration><Notes>${notes}</Notes></Task></Tasks></Project>`;
    const options = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
    const first = mspdiToPmokit(readMspdi(xml("  Scope:\n\t- one\n")).document, options).records;
    expect(first["work-package"]![0]!.description).toBe("  Scope:\n\t- one\n");
    const document = pmokitToMspdi({ project: first.project![0]!, workPackages: first["work-package"]! }).document;
    const back = mspdiToPmokit(readMspdi(writeMspdi(document)).document, options).records;
    expect(back["work-package"]![0]!.description).toBe("  Scope:\n\t- one\n");
    // The streaming import (saxes, in chunks that split the text anywhere) reads the same.
    const written = writeMspdi(document);
    const streamed: string[] = [];
    for await (const batch of importMspdiBatches(() => written.match(/[\s\S]{1,7}/g)!, options)) for (const w of batch["work-package"] ?? []) streamed.push(w.description!);
    expect(streamed).toEqual(["  Scope:\n\t- one\n"]);
  });

  it("the indentation between elements is still not content, and numbers and codes are read without it", () => {
    const xml = `<Project xmlns="http://schemas.microsoft.com/project">\n  <Name>p</Name>\n  <CurrencyCode>\n    EUR\n  </CurrencyCode>\n  <Tasks>\n    <Task>\n      <UID> 1 </UID>\n` +
      `      <Cost>\n        12345\n      </Cost>\n      <Duration> PT8H0M0S </Duration>\n    </Task>\n  </Tasks>\n</Project>\n`;
    const { document } = readMspdi(xml);
    expect(document.currency).toBe("EUR");
    const task = document.project.lists["tasks"]![0]!;
    expect(task.fields["UID"]).toBe("1");
    expect(JSON.stringify(task.fields["Cost"])).toBe('{"amount":"123.45","currency":"EUR"}');
    expect(task.fields["Duration"]).toMatchObject({ kind: "duration" });
  });
});

describe("ReqIF: names and STRING values keep their edge white space through write → read", () => {
  it("property: LONG-NAME of objects and specifications, STRING values, header title (seeded)", () => {
    fc.assert(fc.property(fc.array(text, { minLength: 4, maxLength: 4 }), ([objectName, value, specName, title]) => {
      const document: ReqifDocument = {
        header: { identifier: "h", title: title! },
        datatypes: [{ identifier: "t-s", kind: "STRING", maxLength: "1000" }],
        specTypes: [
          { identifier: "sot", kind: "SPEC-OBJECT-TYPE", attributes: [{ identifier: "ad", kind: "STRING", datatypeRef: "t-s" }] },
          { identifier: "spt", kind: "SPECIFICATION-TYPE", attributes: [] },
        ],
        specObjects: [{ identifier: "o1", longName: objectName!, typeRef: "sot", values: [{ kind: "STRING", definitionRef: "ad", value: value! }] }],
        specRelations: [],
        specifications: [{ identifier: "s1", longName: specName!, typeRef: "spt", values: [], children: [{ identifier: "h1", objectRef: "o1", children: [] }] }],
      };
      const back = readReqif(writeReqif(document)).document;
      expect([back.specObjects[0]!.longName, back.specObjects[0]!.values[0]!.value, back.specifications[0]!.longName, back.header.title])
        .toEqual([objectName, value, specName, title]);
      expect(back.specObjects[0]!.identifier).toBe("o1");
    }), { numRuns: 150, seed: 2121 });
  });

  it("a requirement's rationale survives pmokit → ReqIF → pmokit exactly", () => {
    const r = decodeEntity("requirement", {
      id: "prj-x:R1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", key: "FR-1", type: "functional",
      title: "Export", statement: "The system shall export.", rationale: "\tBecause:\n  audits\n", priority: "must", acceptanceCriteria: [],
      verificationMethod: "test", status: "approved",
    });
    const xml = writeReqif(requirementsToReqif([r], [], { title: "T", exportedAt: IMPORTED_AT }));
    const back = reqifToPmokit(readReqif(xml).document, { projectId: "prj-x", importedAt: IMPORTED_AT }).records.requirement[0]!;
    expect(back.rationale).toBe("\tBecause:\n  audits\n");
  });

  it("identifiers and references are read without surrounding white space (xsd:ID / xsd:IDREF)", () => {
    const xml = '<REQ-IF><THE-HEADER><REQ-IF-HEADER IDENTIFIER=" h "/></THE-HEADER><CORE-CONTENT><REQ-IF-CONTENT><SPEC-OBJECTS>' +
      '<SPEC-OBJECT IDENTIFIER=" o1 " LONG-NAME=" Name "><TYPE>\n  <SPEC-OBJECT-TYPE-REF>\n    sot\n  </SPEC-OBJECT-TYPE-REF>\n</TYPE></SPEC-OBJECT>' +
      "</SPEC-OBJECTS></REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>";
    const { document } = readReqif(xml);
    expect(document.header.identifier).toBe("h");
    expect(document.specObjects[0]).toEqual({ identifier: "o1", longName: " Name ", typeRef: "sot", values: [] });
  });
});
