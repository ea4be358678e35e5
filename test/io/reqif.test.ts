import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import {
  readReqif, reqifToPmokit, requirementsToReqif, unzipReqifz, writeReqif, xhtmlToPlainText, zipReqifz,
} from "../../src/io/index.js";
import { IMPORTED_AT, fixtureBytes, fixtureText } from "./fixtures.js";

// Expected counts: fixtures/reqif/NOTES.md table (objects / relations / specifications), cross-checked in the files.
const FILES: readonly [string, number, number, number][] = [
  ["doors9_ibm-rational-doors_example-from-a-user.reqif", 3, 0, 1],
  ["polarion_reqif-roundtrip_anonymized-srs.reqif", 101, 0, 1],
  ["pror_fmstudio_traceability-template-v1.0.reqif", 21, 9, 2],
  ["eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif", 44, 0, 1],
  ["strictdoc_export_sample2.reqif", 18, 0, 1],
  ["reqif-studio_anonymized-example.reqif", 137, 14, 1],
  ["enterprise-architect-8_microtool-in-step_example.reqif", 3, 1, 1],
];
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
const spielwiese = () => unzipReqifz(fixtureBytes("reqif/doors_ibm-rational-doors_spielwiese.reqifz"));
const loaded = new Map<string, ReturnType<typeof readReqif>>();
const load = (file: string) => {
  if (!loaded.has(file)) loaded.set(file, readReqif(fixtureText(`reqif/${file}`)));
  return loaded.get(file)!;
};

describe("readReqif: every flavour", () => {
  it.each(FILES)("%s: %i objects, %i relations, %i specifications", (file, objects, relations, specs) => {
    const { report } = load(file);
    expect([report.counts["spec-objects"], report.counts["spec-relations"], report.counts["specifications"]]).toEqual([objects, relations, specs]);
  });

  it.each(FILES)("%s: the model round-trips through writeReqif", (file) => {
    const { document } = load(file);
    expect(JSON.stringify(readReqif(writeReqif(document)).document)).toBe(JSON.stringify(document));
  });

  it("reads the DOORS 9 type system: 111 datatypes, 28 spec types without LONG-NAME", () => {
    const { document } = load("doors9_ibm-rational-doors_example-from-a-user.reqif");
    expect(document.datatypes.length).toBe(111);
    expect(document.specTypes.length).toBe(28);
    expect(document.specTypes.every((t) => t.longName === undefined)).toBe(true);
    expect(document.header.reqifToolId).toBe("IBM Rational DOORS");
  });

  it("unzips the DOORS .reqifz with its OLE attachment and German text", () => {
    const z = spielwiese();
    expect(z.name).toBe("_Spielwiese.reqif");
    expect(z.attachments.map((a) => a.slice(-4))).toEqual([".ole", ".png"]);
    const { document } = readReqif(z.text);
    // Ids _1_, _2_, _3_, _5_ (there is no _4_).
    expect(document.specObjects.map((o) => o.identifier.slice(0, 3))).toEqual(["_1_", "_2_", "_3_", "_5_"]);
  });
});

describe("reqifToPmokit", () => {
  it.each(FILES)("%s: every object becomes a requirement", (file, objects) => {
    const r = reqifToPmokit(load(file).document, OPTIONS);
    expect(r.records.requirement.length).toBe(objects);
  });

  it("maps the 9 ProR 'realizes' relations to trace links and both specifications to outlines", () => {
    const r = reqifToPmokit(load("pror_fmstudio_traceability-template-v1.0.reqif").document, OPTIONS);
    expect(r.records["trace-link"].map((l) => l.linkType)).toEqual(Array(9).fill("custom:realizes"));
    // The second SPECIFICATION has no LONG-NAME: its name falls back to ReqIF.Name or the identifier.
    expect(r.outline.map((o) => o.title)).toEqual(["Requirements Document", "System Requirements"]);
    const first = r.records.requirement[0]!;
    expect([first.title, first.tags]).toEqual(["Stakeholder Requirements", ["heading"]]);
  });

  it("reports the ReqIF Studio hierarchy node that points at a missing object", () => {
    const r = reqifToPmokit(load("reqif-studio_anonymized-example.reqif").document, OPTIONS);
    // 138 SPEC-HIERARCHY nodes for 137 objects; one points at _B9RbAGunEeuNUYnTveUm8Q.
    expect(r.report.counts["hierarchy-nodes"]).toBe(138);
    const dangling = r.report.warnings.filter((w) => w.code === "dangling-reference");
    // Its 14 relations also name a SPEC-RELATION-TYPE the file does not define (reported once since trace12).
    expect(dangling.map((w) => w.message)).toEqual([
      "14 spec relations refer to missing SPEC-RELATION-TYPE _gFhrYGojEeuExICsU7Acmg; imported as custom:relation",
      "refers to missing spec object _B9RbAGunEeuNUYnTveUm8Q; its children move up",
    ]);
    expect(r.records["trace-link"].length).toBe(14);
  });

  it("reports every dangling reference of the Enterprise Architect sample and imports its STRING text", () => {
    const r = reqifToPmokit(load("enterprise-architect-8_microtool-in-step_example.reqif").document, OPTIONS);
    // The relation and both hierarchy nodes refer to FUNC-REQ-1/2; the objects are R001–R003.
    expect(r.report.warnings.map((w) => w.code)).toEqual(["dangling-reference", "dangling-reference", "dangling-reference"]);
    expect(r.records["trace-link"]).toEqual([]);
    expect(r.records.requirement[0]!.statement).toBe("The system shall observe the earths surface.");
  });

  it("flattens XHTML to plain text and keeps the markup as rich text (DOORS .reqifz)", () => {
    const r = reqifToPmokit(readReqif(spielwiese().text).document, OPTIONS);
    const withText = r.records.requirement.find((q) => q.statement === "Hier könnte ein Text stehen");
    expect(withText).toBeDefined();
    expect(r.richText[withText!.id]).toBe("<reqif-xhtml:div>Hier könnte ein Text stehen</reqif-xhtml:div>");
  });

  it("StrictDoc: 10 sections become headings, 8 requirements keep their text", () => {
    const r = reqifToPmokit(load("strictdoc_export_sample2.reqif").document, OPTIONS);
    expect(r.records.requirement.filter((q) => q.tags?.includes("heading")).length).toBe(10);
    expect(r.records.requirement[0]!.title).toBe("Section 1");
  });

  it("flattens the TC1200 XHTML cases in document order", () => {
    const { document } = load("eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif");
    const br = document.specObjects.find((o) => o.identifier === "ID_TC1200_SpecObject_xhtml.br.type")!;
    const xhtml = br.values.find((v) => v.kind === "XHTML")!.value as string;
    // <xhtml:p>XhtmlPType<xhtml:br title="text"/></xhtml:p>
    expect(xhtmlToPlainText(xhtml)).toBe("XhtmlPType");
    expect(xhtmlToPlainText("<xhtml:div><xhtml:p>a <xhtml:b>b</xhtml:b> &amp; c</xhtml:p><xhtml:p>d</xhtml:p></xhtml:div>")).toBe("a b & c\nd");
  });

  it.each(FILES)("%s: export re-imports to the same requirements, links and outline", (file) => {
    const first = reqifToPmokit(load(file).document, OPTIONS);
    const doc = requirementsToReqif(first.records.requirement, first.records["trace-link"], {
      title: "export", exportedAt: IMPORTED_AT, outline: first.outline, richText: first.richText,
    });
    const second = reqifToPmokit(readReqif(writeReqif(doc)).document, OPTIONS);
    expect(second.records).toEqual(first.records);
    expect(second.outline.map((o) => o.nodes)).toEqual(first.outline.map((o) => o.nodes));
    // Kept rich text is written back verbatim (plain STRING texts come back as pmokit's own XHTML, so compare the
    // ones the source tool wrote).
    for (const [id, xhtml] of Object.entries(first.richText)) expect(second.richText[id]).toBe(xhtml);
  });

  it("zips and unzips a .reqifz", () => {
    const text = writeReqif(load("strictdoc_export_sample2.reqif").document);
    expect(unzipReqifz(zipReqifz(text, "s.reqif")).text).toBe(text);
  });
});

describe("issue 12 #7: ReqIF headings and the import report", () => {
  it("a DOORS 9 heading (ChapterName, no Text) gets its heading as statement and keeps its heading tag, never the author", () => {
    const r = reqifToPmokit(load("doors9_ibm-rational-doors_example-from-a-user.reqif").document, OPTIONS);
    // The 3 objects are headings: ReqIF.ChapterName (XHTML) and ReqIF.ForeignCreatedBy "susan", no ReqIF.Text.
    expect(r.records.requirement.map((q) => [q.title, q.statement, q.tags])).toEqual([
      ["Carbon Trust Standard", "Carbon Trust Standard", ["heading"]],
      ["CRC and CCA", "CRC and CCA", ["heading"]],
      ["Picture or Whitepaper", "Picture or Whitepaper", ["heading"]],
    ]);
  });

  it("the attribute used as the statement is not reported as unmapped (Enterprise Architect FUNC-REQ-TXT)", () => {
    const r = reqifToPmokit(load("enterprise-architect-8_microtool-in-step_example.reqif").document, OPTIONS);
    expect(r.report.unmapped.filter((u) => u.path.startsWith("SPEC-OBJECT")).map((u) => u.element)).toEqual(["FUNC-REQ-STATUS", "PERF-REQ-STATUS"]);
  });

  it("REPOSITORY-ID is kept in the model, written back and listed as unmapped", () => {
    const { document } = load("doors9_ibm-rational-doors_example-from-a-user.reqif");
    expect(document.header.repositoryId).toBe("5b6cc2367b684c19");
    expect(readReqif(writeReqif(document)).document.header.repositoryId).toBe("5b6cc2367b684c19");
    const r = reqifToPmokit(document, OPTIONS);
    expect(r.report.unmapped.filter((u) => u.path === "REQ-IF-HEADER")).toEqual([{ path: "REQ-IF-HEADER", element: "REPOSITORY-ID", reason: "pmokit keeps no repository id (5b6cc2367b684c19)" }]);
  });

  it("a statement over 20,000 characters or a title over 300 is reported, never cut silently", () => {
    const { document } = load("strictdoc_export_sample2.reqif");
    const textDef = document.specTypes.flatMap((t) => t.attributes).find((a) => a.longName === "ReqIF.Text")!.identifier;
    const chapterDef = document.specTypes.flatMap((t) => t.attributes).find((a) => a.longName === "ReqIF.ChapterName")!.identifier;
    const long = "x".repeat(20_500); // StrictDoc writes ReqIF.Text as a STRING
    const edited = {
      ...document,
      specObjects: document.specObjects.map((o) => ({
        ...o,
        values: o.values.map((v) => (v.definitionRef === textDef ? { ...v, value: long } : v.definitionRef === chapterDef ? { ...v, value: "T".repeat(350) } : v)),
      })),
    };
    const r = reqifToPmokit(edited, OPTIONS);
    const cut = r.report.warnings.filter((w) => w.code === "text-shortened");
    // 8 requirements with text (statement 20,500 → 20,000) and 10 headings (title 350 → 300; their statement is the heading).
    expect(cut.length).toBe(18);
    expect(cut.find((w) => w.message.startsWith("statement"))!.message).toBe("statement of 20500 characters shortened to 20000");
    expect(cut.find((w) => w.message.startsWith("title"))!.message).toBe("title of 350 characters shortened to 300");
  });
});

describe("issue 18 #5: ReqIF identifiers that are not valid ids", () => {
  const doc = () => {
    const { document } = load("strictdoc_export_sample2.reqif");
    // Rename three objects: two to identifiers pmokit ids refuse, one to what the old fallback generated ("obj-1").
    const renamed = new Map([[document.specObjects[0]!.identifier, "bad id one"], [document.specObjects[1]!.identifier, "obj-1"], [document.specObjects[2]!.identifier, "bad\tid"]]);
    const fix = (id: string) => renamed.get(id) ?? id;
    return {
      ...document,
      specObjects: document.specObjects.map((o) => ({ ...o, identifier: fix(o.identifier) })),
      specifications: document.specifications.map((s) => ({ ...s, children: s.children.map(function walk(h): typeof h { return { ...h, objectRef: fix(h.objectRef), children: h.children.map(walk) }; }) })),
    };
  };

  it("reports each rename and never collides with another object's id", () => {
    const r = reqifToPmokit(doc(), OPTIONS);
    const ids = r.records.requirement.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 3)).toEqual(["prj-x:obj-1-2", "prj-x:obj-1", "prj-x:obj-3"]);
    expect(r.report.warnings.filter((w) => w.code === "renamed-identifier").map((w) => [w.path, w.message])).toEqual([
      ["SPEC-OBJECT[bad id one]", "IDENTIFIER is not a usable pmokit id; imported as prj-x:obj-1-2"],
      ["SPEC-OBJECT[bad\tid]", "IDENTIFIER is not a usable pmokit id; imported as prj-x:obj-3"],
    ]);
  });

  it("refuses two spec objects with the same IDENTIFIER", () => {
    const d = doc();
    const twice = { ...d, specObjects: [...d.specObjects, d.specObjects[3]!] };
    expect(() => reqifToPmokit(twice, OPTIONS)).toThrow(ValidationError);
    expect(() => reqifToPmokit(twice, OPTIONS)).toThrow(/IDENTIFIER .* is used by 2 spec objects/);
  });
});
