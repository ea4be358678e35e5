import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit, requirementsToReqif, unzipReqifz, writeReqif, xhtmlToPlainText, zipReqifz } from "../../src/io/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { analyzeTraceability, requirementFingerprint } from "../../src/traceability/index.js";
import { firstIssuePath } from "../support/errors.js";
import { IMPORTED_AT, fixtureBytes, fixtureText } from "./fixtures.js";

/*
 * Audit of the ReqIF reader and mapping against references written outside pmokit: the WHATWG HTML "innerText"
 * rendering rules for XHTML text (white-space: normal collapses every run of spaces, tabs and line breaks in a text
 * node to one space; only block boxes and <br> break lines; <pre> keeps its line breaks), and the fixtures' contents
 * read with a tiny regex reader.
 */

const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };

/** A minimal ReqIF file: one spec object type with an XHTML `ReqIF.Text`, the given objects (identifier → XHTML body). */
function reqif(objects: Record<string, string>): string {
  const objs = Object.entries(objects).map(([id, body]) => `
        <SPEC-OBJECT IDENTIFIER="${id}" LAST-CHANGE="2026-01-01T00:00:00Z">
          <TYPE><SPEC-OBJECT-TYPE-REF>T-REQ</SPEC-OBJECT-TYPE-REF></TYPE>
          <VALUES>
            <ATTRIBUTE-VALUE-XHTML>
              <DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>AD-TEXT</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION>
              <THE-VALUE><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml">${body}</xhtml:div></THE-VALUE>
            </ATTRIBUTE-VALUE-XHTML>
          </VALUES>
        </SPEC-OBJECT>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd">
  <THE-HEADER><REQ-IF-HEADER IDENTIFIER="H"><CREATION-TIME>2026-01-01T00:00:00+01:00</CREATION-TIME><REQ-IF-VERSION>1.0</REQ-IF-VERSION></REQ-IF-HEADER></THE-HEADER>
  <CORE-CONTENT><REQ-IF-CONTENT>
    <DATATYPES><DATATYPE-DEFINITION-XHTML IDENTIFIER="DT-X" LAST-CHANGE="2026-01-01T00:00:00Z"/></DATATYPES>
    <SPEC-TYPES>
      <SPEC-OBJECT-TYPE IDENTIFIER="T-REQ" LAST-CHANGE="2026-01-01T00:00:00Z" LONG-NAME="Requirement">
        <SPEC-ATTRIBUTES>
          <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="AD-TEXT" LAST-CHANGE="2026-01-01T00:00:00Z" LONG-NAME="ReqIF.Text">
            <TYPE><DATATYPE-DEFINITION-XHTML-REF>DT-X</DATATYPE-DEFINITION-XHTML-REF></TYPE>
          </ATTRIBUTE-DEFINITION-XHTML>
        </SPEC-ATTRIBUTES>
      </SPEC-OBJECT-TYPE>
    </SPEC-TYPES>
    <SPEC-OBJECTS>${objs}
    </SPEC-OBJECTS>
  </REQ-IF-CONTENT></CORE-CONTENT>
</REQ-IF>`;
}

describe("XHTML text: whitespace as a browser renders it", () => {
  it("a paragraph wrapped in the markup stays one line; its title is the whole sentence", () => {
    // innerText of <p>The operator shall confirm⏎      the shutdown within 5 s.</p> is one line: the line break in
    // the text node is collapsible white space. Before: two lines, and the title (first line) was cut mid-sentence
    // to "The operator shall confirm".
    const wrapped = "<xhtml:p>The operator shall confirm\n      the shutdown within 5 s.</xhtml:p>";
    expect(xhtmlToPlainText(`<xhtml:div>${wrapped}</xhtml:div>`)).toBe("The operator shall confirm the shutdown within 5 s.");
    const r = reqifToPmokit(readReqif(reqif({ "R-1": wrapped })).document, OPTIONS);
    expect(r.records.requirement.map((x) => [x.title, x.statement])).toEqual([
      ["The operator shall confirm the shutdown within 5 s.", "The operator shall confirm the shutdown within 5 s."],
    ]);
  });

  it("pre keeps its line breaks; br and blocks still break lines; CDATA follows the same rule", () => {
    expect(xhtmlToPlainText("<xhtml:div><xhtml:pre>line 1\nline 2</xhtml:pre>after</xhtml:div>")).toBe("line 1\nline 2\nafter");
    expect(xhtmlToPlainText("<xhtml:div>a\nb<xhtml:br/>c\r\n\td<xhtml:p>e</xhtml:p></xhtml:div>")).toBe("a b\nc d\ne");
    expect(xhtmlToPlainText("<xhtml:div>x <![CDATA[1 <\n 2]]> y</xhtml:div>")).toBe("x 1 < 2 y");
  });

  it("the TC1200 reference case: text around inline elements and source line breaks joins, blocks break", () => {
    // ID_TC1200_SpecObject_xhtml.ul.type (fixture lines 98–101): "text after h6⏎ text before ul<ul><li>…" — the
    // source line break between "text after h6" and "text before ul" is white space, the <ul>/<li> are blocks.
    const { document } = readReqif(fixtureText("reqif/eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif"));
    const r = reqifToPmokit(document, OPTIONS);
    const all = r.records.requirement.map((x) => x.statement).join("\n");
    expect(all).toContain("text after h6 text before ul\nXhtmlLiType\ntext after ul text before ol");
    // Inline elements add no space: the tool wrote none ("text before span<span>XhtmlSpanType</span>text after span").
    expect(all).toContain("text before spanXhtmlSpanTypetext after span");
  });
});

describe("XHTML text: table cells", () => {
  it("cells of a row stay apart: 'Speed 100 km/h', never 'Speed100 km/h'", () => {
    // innerText puts a tab between the cells of a row and a line break after each row; flattened, the tab is one
    // space. Before: cells were glued ("Max. speed100 km/h").
    const table = "<xhtml:table><xhtml:tr><xhtml:th>Quantity</xhtml:th><xhtml:th>Limit</xhtml:th></xhtml:tr>" +
      "<xhtml:tr><xhtml:td>Max. speed</xhtml:td><xhtml:td>100 km/h</xhtml:td></xhtml:tr></xhtml:table>";
    expect(xhtmlToPlainText(`<xhtml:div>${table}</xhtml:div>`)).toBe("Quantity Limit\nMax. speed 100 km/h");
    const r = reqifToPmokit(readReqif(reqif({ "R-1": table })).document, OPTIONS);
    expect(r.records.requirement[0]?.statement).toBe("Quantity Limit\nMax. speed 100 km/h");
  });
});

describe("DEFAULT-VALUE and MULTI-VALUED of attribute definitions", () => {
  // The fixture's own text, read with a regex: every non-empty DEFAULT-VALUE and every MULTI-VALUED flag.
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

  it("DOORS 9: the 37 default values and the MULTI-VALUED flags are read and written back", () => {
    const text = fixtureText("reqif/doors9_ibm-rational-doors_example-from-a-user.reqif");
    const defaults = count(text, /<DEFAULT-VALUE>/g);
    const multi = count(text, /MULTI-VALUED="(true|false)"/g);
    expect([defaults, multi]).toEqual([37, count(text, /<ATTRIBUTE-DEFINITION-ENUMERATION[\s>]/g)]);
    const { document } = readReqif(text);
    const attrs = document.specTypes.flatMap((t) => t.attributes);
    expect(attrs.filter((a) => a.defaultValue !== undefined).length).toBe(defaults);
    expect(attrs.filter((a) => a.multiValued !== undefined).length).toBe(multi);
    // Picture (BOOLEAN) defaults to false (fixture line 1594).
    const picture = attrs.find((a) => a.identifier === "_d1cbf7fe-5d6f-4d0a-b14a-c83e3b64477e_PICTURE");
    expect(picture?.defaultValue).toEqual({ kind: "BOOLEAN", definitionRef: "_d1cbf7fe-5d6f-4d0a-b14a-c83e3b64477e_PICTURE", value: "false" });
    // Before: writeReqif dropped all of them, so the written file meant something else for objects without a value.
    const written = writeReqif(document);
    expect([count(written, /<DEFAULT-VALUE>/g), count(written, /MULTI-VALUED="(true|false)"/g)]).toEqual([defaults, multi]);
    expect(JSON.stringify(readReqif(written).document)).toBe(JSON.stringify(document));
  });

  it("an object that gives no value takes the attribute's default (here pmokit.status, an enumeration)", () => {
    // pmokit.status defaults to the enum value "approved"; R-1 gives none, R-2 says "rejected".
    // Before: R-1 got the mapping's fallback "proposed", as if the file said nothing.
    const enumValue = (id: string, name: string) => `<ENUM-VALUE IDENTIFIER="${id}" LONG-NAME="${name}"><PROPERTIES><EMBEDDED-VALUE KEY="0" OTHER-CONTENT=""/></PROPERTIES></ENUM-VALUE>`;
    const statusValue = (ref: string) => `<ATTRIBUTE-VALUE-ENUMERATION><DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>AD-STATUS</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION><VALUES><ENUM-VALUE-REF>${ref}</ENUM-VALUE-REF></VALUES></ATTRIBUTE-VALUE-ENUMERATION>`;
    const text = reqif({ "R-1": "<xhtml:p>First</xhtml:p>", "R-2": "<xhtml:p>Second</xhtml:p>" })
      .replace("<DATATYPES>", `<DATATYPES><DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="DT-STATUS" LAST-CHANGE="2026-01-01T00:00:00Z"><SPECIFIED-VALUES>${enumValue("EV-A", "approved")}${enumValue("EV-R", "rejected")}</SPECIFIED-VALUES></DATATYPE-DEFINITION-ENUMERATION>`)
      .replace("</SPEC-ATTRIBUTES>", `<ATTRIBUTE-DEFINITION-ENUMERATION IDENTIFIER="AD-STATUS" LAST-CHANGE="2026-01-01T00:00:00Z" LONG-NAME="pmokit.status" MULTI-VALUED="false"><DEFAULT-VALUE>${statusValue("EV-A")}</DEFAULT-VALUE><TYPE><DATATYPE-DEFINITION-ENUMERATION-REF>DT-STATUS</DATATYPE-DEFINITION-ENUMERATION-REF></TYPE></ATTRIBUTE-DEFINITION-ENUMERATION></SPEC-ATTRIBUTES>`)
      .replace(/(<SPEC-OBJECT IDENTIFIER="R-2"[\s\S]*?<VALUES>)/, `$1${statusValue("EV-R")}`);
    const r = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect(r.records.requirement.map((x) => [x.statement, x.status])).toEqual([["First", "approved"], ["Second", "rejected"]]);
    // And the default survives an export of the document itself.
    const again = reqifToPmokit(readReqif(writeReqif(readReqif(text).document)).document, OPTIONS);
    expect(again.records.requirement.map((x) => x.status)).toEqual(["approved", "rejected"]);
  });
});

describe("datatype facets the ReqIF schema requires", () => {
  const FIXTURES = [
    "doors9_ibm-rational-doors_example-from-a-user.reqif", "polarion_reqif-roundtrip_anonymized-srs.reqif", "pror_fmstudio_traceability-template-v1.0.reqif",
    "eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif", "strictdoc_export_sample2.reqif", "reqif-studio_anonymized-example.reqif",
    "enterprise-architect-8_microtool-in-step_example.reqif",
  ];
  // Every facet attribute on a datatype definition, read from the text with a regex (sorted, as `NAME=value`).
  const facets = (text: string) =>
    [...text.matchAll(/<DATATYPE-DEFINITION-[A-Z]+\s[^>]*>/g)]
      .flatMap((m) => [...m[0].matchAll(/\s(MAX-LENGTH|MIN|MAX|ACCURACY)="([^"]*)"/g)].map((a) => `${a[1]}=${a[2]}`))
      .sort();

  it.each(FIXTURES)("%s: MAX-LENGTH, MIN, MAX and ACCURACY are written back as the tool wrote them", (file) => {
    // Before: writeReqif wrote none of them, so a STRING datatype lacked its required MAX-LENGTH.
    const text = fixtureText(`reqif/${file}`);
    expect(facets(writeReqif(readReqif(text).document))).toEqual(facets(text));
  });

  it("pmokit's own export declares MAX-LENGTH on its STRING datatype, large enough for every value", () => {
    const text = fixtureText("reqif/strictdoc_export_sample2.reqif");
    const first = reqifToPmokit(readReqif(text).document, OPTIONS);
    const long = { ...first.records.requirement[0]!, rationale: "r".repeat(400) };
    const written = writeReqif(requirementsToReqif([long, ...first.records.requirement.slice(1)], [], { title: "export", exportedAt: IMPORTED_AT }));
    const strings = [...written.matchAll(/<DATATYPE-DEFINITION-STRING\s[^>]*>/g)].map((m) => m[0]);
    expect(strings).toHaveLength(1);
    expect(strings[0]).toMatch(/MAX-LENGTH="400"/);
    expect(reqifToPmokit(readReqif(written).document, OPTIONS).records.requirement[0]?.rationale).toBe("r".repeat(400));
  });
});

describe("fixtures read independently with a regex reader", () => {
  const FILES = [
    "doors9_ibm-rational-doors_example-from-a-user.reqif", "polarion_reqif-roundtrip_anonymized-srs.reqif", "pror_fmstudio_traceability-template-v1.0.reqif",
    "eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif", "strictdoc_export_sample2.reqif", "reqif-studio_anonymized-example.reqif",
    "enterprise-architect-8_microtool-in-step_example.reqif",
  ];
  const decode = (s: string) =>
    s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

  it.each(FILES)("%s: every object, relation, scalar value and enum reference, as the file has them", (file) => {
    const text = fixtureText(`reqif/${file}`);
    const { document } = readReqif(text);
    // Values outside DEFAULT-VALUE (those belong to attribute definitions, checked above).
    const body = text.replace(/<DEFAULT-VALUE>[\s\S]*?<\/DEFAULT-VALUE>/g, "");
    expect(document.specObjects.length).toBe(count(body, /<SPEC-OBJECT[\s>]/g));
    expect(document.specRelations.length).toBe(count(body, /<SPEC-RELATION[\s>]/g));
    const scalars = [...body.matchAll(/<ATTRIBUTE-VALUE-(STRING|INTEGER|DATE|REAL|BOOLEAN)\b[^>]*?\bTHE-VALUE="([^"]*)"/g)].map((m) => `${m[1]}=${decode(m[2]!)}`).sort();
    const owners = [...document.specObjects, ...document.specRelations, ...document.specifications];
    const read = owners.flatMap((o) => o.values.filter((v) => typeof v.value === "string" && v.kind !== "XHTML").map((v) => `${v.kind}=${v.value as string}`)).sort();
    expect(read).toEqual(scalars);
    const enumRefs = owners.flatMap((o) => o.values.flatMap((v) => (Array.isArray(v.value) ? v.value : [])));
    expect(enumRefs.length).toBe(count(body, /<ENUM-VALUE-REF>/g));
  });

  function count(text: string, re: RegExp): number {
    return (text.match(re) ?? []).length;
  }
});

describe("requirement keys from ReqIF.ForeignID", () => {
  it("a ForeignID given twice keeps the first object's key and reports the renamed second one", () => {
    // both say ReqIF.ForeignID "FR-104". Keys are unique per requirement, so R-2 gets REQ-X-2 (its
    // position). Before: the same happened with no warning — the key the file gave vanished silently.
    const foreign = (v: string) => `<ATTRIBUTE-VALUE-STRING THE-VALUE="${v}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD-FID</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>`;
    const text = reqif({ "R-1": "<xhtml:p>First</xhtml:p>", "R-2": "<xhtml:p>Second</xhtml:p>" })
      .replace("<DATATYPES>", `<DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER="DT-S" LAST-CHANGE="2026-01-01T00:00:00Z" MAX-LENGTH="100"/>`)
      .replace("</SPEC-ATTRIBUTES>", `<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="AD-FID" LAST-CHANGE="2026-01-01T00:00:00Z" LONG-NAME="ReqIF.ForeignID"><TYPE><DATATYPE-DEFINITION-STRING-REF>DT-S</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING></SPEC-ATTRIBUTES>`)
      .replace(/<VALUES>/g, `<VALUES>${foreign("FR-104")}`);
    const r = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect(r.records.requirement.map((x) => x.key)).toEqual(["FR-104", "REQ-X-2"]);
    expect(r.report.warnings.filter((w) => w.code === "duplicate-key").map((w) => [w.path, w.message])).toEqual([
      ["SPEC-OBJECT[R-2]", "key FR-104 (ReqIF.ForeignID FR-104) is already another object's key; imported with key REQ-X-2"],
    ]);
  });
});

describe("bad limits are refused with their path", () => {
  const text = () => fixtureText("reqif/strictdoc_export_sample2.reqif");

  it("maxInflatedBytes NaN or a string no longer switches the zip-bomb guard off", () => {
    // Before: `total > NaN` is false for every size, so unzipReqifz(bytes, { maxInflatedBytes: NaN }) had no limit.
    const z = zipReqifz(text());
    expect(unzipReqifz(z, { maxInflatedBytes: 1_000_000 }).text).toBe(text());
    for (const bad of [Number.NaN, "abc", 0, -1]) {
      expect(firstIssuePath(() => unzipReqifz(z, { maxInflatedBytes: bad as number }))).toEqual(["maxInflatedBytes"]);
    }
  });

  it("maxDepth that is not a whole number ≥ 1 is an option error, not silently the default or the file's fault", () => {
    for (const bad of [Number.NaN, "abc", -1, 2.5, 0]) {
      expect(firstIssuePath(() => readReqif(text(), { maxDepth: bad as number }))).toEqual(["maxDepth"]);
    }
    expect(readReqif(text(), { maxDepth: 64 }).document.specObjects).toHaveLength(18);
  });
});

describe("XHTML namespaces written back", () => {
  /*
   * The ReqIF schema types THE-VALUE of an XHTML attribute value as XHTML-CONTENT: a group from the XHTML namespace
   * (http://www.w3.org/1999/xhtml, imported through driver.xsd), and Namespaces in XML 1.0 requires every prefix to be
   * declared. DOORS writes its XHTML with the prefix `reqif-xhtml`, declared on its root next to `xhtml` (the DOORS 9
   * fixture's REQ-IF element, and the Spielwiese archive's). Before the fix writeReqif declared only `xhtml`, so the
   * DOORS 9 file read and written back had "unbound namespace prefix: reqif-xhtml" at every one of its XHTML values
   * (and so did a DOORS import exported with its rich text): a namespace-aware reader refuses the file.
   */
  const XHTML_NS = "http://www.w3.org/1999/xhtml";
  /** Namespace errors, and the namespace URI of every element inside a THE-VALUE of an XHTML value, read with saxes. */
  const namespaces = (xml: string) => {
    const errors: string[] = [];
    const inValue = new Set<string>();
    const parser = new SaxesParser({ xmlns: true });
    let depth = 0;
    const stack: string[] = [];
    parser.on("error", (e) => errors.push(e.message.replace(/^.*?: /, "")));
    parser.on("opentag", (t) => {
      if (depth > 0) inValue.add(t.uri);
      const valueStart = t.local === "THE-VALUE" && stack[stack.length - 1] === "ATTRIBUTE-VALUE-XHTML";
      stack.push(t.local);
      if (depth > 0 || valueStart) depth++;
    });
    parser.on("closetag", () => {
      stack.pop();
      if (depth > 0) depth--;
    });
    parser.write(xml).close();
    return { errors: [...new Set(errors)], inValue: [...inValue] };
  };
  const FILES = [
    "doors9_ibm-rational-doors_example-from-a-user.reqif", "polarion_reqif-roundtrip_anonymized-srs.reqif", "pror_fmstudio_traceability-template-v1.0.reqif",
    "eclipse-rmf_implementor-forum_TC1200-formatted-content.reqif", "reqif-studio_anonymized-example.reqif",
  ];

  it.each(FILES)("%s: its XHTML values stay in the XHTML namespace when written back", (file) => {
    const text = fixtureText(`reqif/${file}`);
    // The original file itself is namespace-well-formed, with its XHTML in the XHTML namespace (the reference).
    expect(namespaces(text)).toEqual({ errors: [], inValue: [XHTML_NS] });
    expect(namespaces(writeReqif(readReqif(text).document))).toEqual({ errors: [], inValue: [XHTML_NS] });
  });

  it("the DOORS Spielwiese archive imported and exported with its rich text keeps reqif-xhtml bound", () => {
    const { text } = unzipReqifz(fixtureBytes("reqif/doors_ibm-rational-doors_spielwiese.reqifz"));
    expect(namespaces(text)).toEqual({ errors: [], inValue: [XHTML_NS] });
    const imported = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect(Object.values(imported.richText).some((x) => x.startsWith("<reqif-xhtml:div"))).toBe(true);
    const written = writeReqif(requirementsToReqif(imported.records.requirement, imported.records["trace-link"], { title: "export", exportedAt: IMPORTED_AT, richText: imported.richText }));
    expect(namespaces(written)).toEqual({ errors: [], inValue: [XHTML_NS] });
  });
});

describe("pmokit's own fields survive an export and re-import", () => {
  it("level, revision, owner, parent, source stakeholder, audiences and tags come back as they were", () => {
    // Before: requirementsToReqif wrote none of them, so the re-import had no level (a rule set typing requirements by
    // `level` put FR-1 back on its built-in type), no revision (links pinning one were no longer judged), no audiences
    // (nobody left to acknowledge it), and no owner, parent, stakeholder or tags — while the docs said the export
    // "re-imports to the same requirements". The reference is the requirement itself: the round trip is the identity.
    const fr1 = decodeEntity("requirement", {
      id: "prj-x:FR-1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", key: "FR-1", type: "functional",
      level: "software", revision: 3, title: "Quote", statement: "Sales can send a quote.", priority: "must", acceptanceCriteria: ["PDF attached"],
      verificationMethod: "test", status: "approved", ownerId: "p-ana", parentId: "prj-x:BR-1", sourceStakeholderId: "p-sales",
      audiences: ["developer", "help-desk"], tags: ["gdpr", "release-2"],
    });
    const br1 = decodeEntity("requirement", {
      id: "prj-x:BR-1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", key: "BR-1", type: "business",
      title: "Quoting", statement: "Sales quote online.", priority: "must", acceptanceCriteria: [], verificationMethod: "inspection", status: "approved",
    });
    const text = writeReqif(requirementsToReqif([br1, fr1], [], { title: "export", exportedAt: IMPORTED_AT }));
    const back = reqifToPmokit(readReqif(text).document, OPTIONS);
    expect(back.records.requirement).toEqual([br1, fr1]);
    expect(back.report.unmapped).toEqual([]);
  });

  it("a revision that is not a whole number is refused at its object, not read as another number", () => {
    const fr1 = decodeEntity("requirement", {
      id: "prj-x:FR-1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", key: "FR-1", type: "functional",
      revision: 2, title: "Quote", statement: "Sales can send a quote.", priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "approved",
    });
    const text = writeReqif(requirementsToReqif([fr1], [], { title: "export", exportedAt: IMPORTED_AT })).replace('THE-VALUE="2"', 'THE-VALUE="2.5"');
    expect(firstIssuePath(() => reqifToPmokit(readReqif(text).document, OPTIONS))).toEqual(["SPEC-OBJECT[FR-1]", "revision"]);
  });
});

describe("a trace link's review survives an export and re-import", () => {
  it("recorded fingerprint, pinned revision, review and note come back, so a suspect link stays suspect", () => {
    // FR-1 refines BR-1. The link recorded BR-1's fingerprint when BR-1 read "Sales quote by phone."; BR-1 now reads
    // "Sales quote online.", so the link is suspect (fingerprints differ) and outdated (pins revision 1 of 2). Before the
    // fix the export wrote no relation attributes: the re-imported link had no fingerprint, so it moved from `suspects`
    // to `unreviewedLinks` ("needs initial review") and its revision pin was gone — the suspicion was lost unseen.
    const stamp = { version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, projectId: "prj-x", priority: "must", acceptanceCriteria: [], verificationMethod: "test", status: "approved" } as const;
    const br1 = decodeEntity("requirement", { ...stamp, id: "prj-x:BR-1", key: "BR-1", type: "business", title: "Quoting", statement: "Sales quote online.", revision: 2 });
    const fr1 = decodeEntity("requirement", { ...stamp, id: "prj-x:FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Sales can send a quote." });
    const oldFingerprint = requirementFingerprint({ ...br1, statement: "Sales quote by phone." });
    const tl1 = decodeEntity("trace-link", {
      id: "prj-x:tl-1", version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, from: { kind: "requirement", id: "prj-x:FR-1" }, to: { kind: "requirement", id: "prj-x:BR-1" },
      linkType: "refines", targetFingerprint: oldFingerprint, targetRevision: 1, reviewedAt: "2026-11-01T09:00:00.000Z", reviewedBy: "p-ana", note: "checked in workshop",
    });
    const before = analyzeTraceability({ requirements: [br1, fr1], links: [tl1] });
    expect([before.suspects.map((x) => x.link), before.unreviewedLinks, before.linkRevisions.map((x) => x.status)]).toEqual([["prj-x:tl-1"], [], ["outdated"]]);

    const back = reqifToPmokit(readReqif(writeReqif(requirementsToReqif([br1, fr1], [tl1], { title: "export", exportedAt: IMPORTED_AT }))).document, OPTIONS);
    expect(back.records["trace-link"]).toEqual([tl1]);
    expect(back.report.unmapped).toEqual([]);
    const after = analyzeTraceability({ requirements: back.records.requirement, links: back.records["trace-link"] });
    expect([after.suspects.map((x) => x.link), after.unreviewedLinks, after.linkRevisions.map((x) => x.status)]).toEqual([["prj-x:tl-1"], [], ["outdated"]]);
  });
});
