import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { parseXmlSafely, readReqif, reqifToPmokit, unzipReqifz, xhtmlToPlainText } from "../../src/io/index.js";
import { MSPDI_ARRAYS } from "../../src/io/mspdi/element.js";
import { reqifFromTree, reqifXmlOptions } from "../../src/io/reqif/read.js";
import { plainTextWithFastXmlParser } from "../../src/io/reqif/xhtml.js";
import { parseXmlStream } from "../../src/io/xml/stream-xml.js";
import { IMPORTED_AT, fixtureBytes, fixtureText } from "./fixtures.js";

// The streaming reader (saxes) replaced fast-xml-parser for ReqIF; the previous reader (fast-xml-parser validate +
// parse, then the same extraction) is the reference it must match on every fixture, value for value.
const dir = (sub: string) => readdirSync(new URL(`../../../shared/fixtures/${sub}/`, import.meta.url));
const REQIF = dir("reqif").filter((f) => /\.reqifz?$/.test(f));
const MSPDI = dir("mspdi").filter((f) => f.endsWith(".xml"));
const textOf = (file: string) => (file.endsWith(".reqifz") ? unzipReqifz(fixtureBytes(`reqif/${file}`)).text : fixtureText(`reqif/${file}`));
const previousReader = (text: string) => reqifFromTree(parseXmlSafely(text, "ReqIF file", reqifXmlOptions()));
/** fast-xml-parser's tree, less the XML declaration it keeps as `?xml` (no reader looks at it). */
const referenceTree = (text: string, options: Parameters<typeof parseXmlSafely>[2]) => {
  const { ["?xml"]: _decl, ...tree } = parseXmlSafely(text, "x", options);
  return tree;
};
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
/** A result or the message of the error it threw (an empty name is refused by the mapping, the same way on both paths). */
const outcome = (fn: () => unknown): unknown => {
  try {
    return fn();
  } catch (e) {
    return (e as Error).message;
  }
};
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).message;
  }
  throw new Error("expected a refusal");
};

describe("streaming ReqIF reader = previous reader", () => {
  it("covers all eight fixture flavours", () => {
    expect(REQIF.length).toBe(8);
    expect(MSPDI.length).toBeGreaterThan(10);
  });

  it.each(REQIF)("%s: same document, same report, same key order", (file) => {
    const text = textOf(file);
    const now = readReqif(text);
    const before = previousReader(text);
    expect(now).toEqual(before);
    expect(JSON.stringify(now)).toBe(JSON.stringify(before));
  });

  it.each(REQIF)("%s: same requirements, links, outline, rich text and report after mapping", (file) => {
    const text = textOf(file);
    // The new document carries the XHTML flattened during the stream; the previous one is flattened by
    // xhtmlToPlainText inside reqifToPmokit, so this also pins the in-stream flattening.
    expect(reqifToPmokit(readReqif(text).document, OPTIONS)).toEqual(reqifToPmokit(previousReader(text).document, OPTIONS));
  });

  it.each(REQIF)("%s: the parsed tree is the fast-xml-parser tree", (file) => {
    const text = textOf(file);
    expect(parseXmlStream(text, "x", reqifXmlOptions())).toEqual(referenceTree(text, reqifXmlOptions()));
  });

  it.each(MSPDI)("%s (MSPDI): the parsed tree is the fast-xml-parser tree", (file) => {
    const text = fixtureText(`mspdi/${file}`);
    expect(parseXmlStream(text, "x", { arrays: MSPDI_ARRAYS })).toEqual(referenceTree(text, { arrays: MSPDI_ARRAYS }));
  });

  it("keeps attribute values as written (tabs, line breaks, CRLF, edge whitespace from references)", () => {
    // An XML parser normalises literal tabs and line breaks in attribute values to spaces; the previous reader kept
    // them, so the streaming one reads such tags from the text.
    const xml = '<REQ-IF><THE-HEADER><REQ-IF-HEADER IDENTIFIER=" h&#10;" /></THE-HEADER><CORE-CONTENT><REQ-IF-CONTENT><SPEC-OBJECTS>' +
      '<SPEC-OBJECT IDENTIFIER="o1" LONG-NAME="two\r\nlines\tand &amp; tab"><VALUES><ATTRIBUTE-VALUE-STRING THE-VALUE="a\nb &lt; c">' +
      "<DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>d</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING></VALUES>" +
      "</SPEC-OBJECT></SPEC-OBJECTS></REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>";
    const { document } = readReqif(xml);
    expect(document).toEqual(previousReader(xml).document);
    expect(document.specObjects[0]!.longName).toBe("two\nlines\tand & tab");
    expect(document.specObjects[0]!.values[0]!.value).toBe("a\nb < c");
  });

  it("keeps an undefined entity such as &nbsp; as written, as before", () => {
    const xml = '<REQ-IF><THE-HEADER><REQ-IF-HEADER IDENTIFIER="a&nbsp;b"><TITLE>x&nbsp;y</TITLE></REQ-IF-HEADER></THE-HEADER></REQ-IF>';
    expect(readReqif(xml).document.header).toEqual({ identifier: "a&nbsp;b", title: "x&nbsp;y" });
    expect(readReqif(xml)).toEqual(previousReader(xml));
  });

  it("property: random values and names read the same as before (seeded)", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 \t\n.&<>"'é→]{0,12}$/);
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word, word), { minLength: 1, maxLength: 5 }), (objects) => {
        const body = objects.map(([id, name, text], i) =>
          `<SPEC-OBJECT IDENTIFIER="o${i}${esc(id)}" LONG-NAME="${esc(name)}"><VALUES><ATTRIBUTE-VALUE-XHTML><THE-VALUE>` +
          `<xhtml:p>${esc(text)}<xhtml:br/>${esc(name)}</xhtml:p></THE-VALUE></ATTRIBUTE-VALUE-XHTML></VALUES></SPEC-OBJECT>`).join("\n");
        const xml = `<REQ-IF><CORE-CONTENT><REQ-IF-CONTENT><SPEC-OBJECTS>${body}</SPEC-OBJECTS></REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>`;
        expect(readReqif(xml)).toEqual(previousReader(xml));
        expect(outcome(() => reqifToPmokit(readReqif(xml).document, OPTIONS))).toEqual(outcome(() => reqifToPmokit(previousReader(xml).document, OPTIONS)));
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe("streaming XHTML flattening = previous flattening", () => {
  const values = REQIF.flatMap((f) => readReqif(textOf(f)).document.specObjects.flatMap((o) => o.values))
    .filter((v) => v.kind === "XHTML").map((v) => v.value as string);

  it("every XHTML value of every fixture flattens as before", () => {
    expect(values.length).toBeGreaterThan(250);
    const differing = values.filter((x) => xhtmlToPlainText(x) !== plainTextWithFastXmlParser(x));
    expect(differing).toEqual([]);
  });

  it.each([
    ["inline spaces", "a <b>b</b> <i>c</i>", "a b c"],
    ["blocks, entities, unknown entity", "<p>x</p>\n  <p>y &amp; &nbsp; &#x2192;</p>", "x\ny & &nbsp; →"],
    ["embedded object: one marker, no fallback text", '<div><object data="x"><p>alt</p></object> after</div>', "[object] after"],
    ["CDATA decoded as before", "<p><![CDATA[a &amp; <b>]]></p>", "a & <b>"],
    ["comments and processing instructions skipped", "<a><!-- c -->t<?pi x?>u</a>", "tu"],
    ["malformed: the lenient previous walk decides", "<p>unclosed", "unclosed"],
  ])("%s", (_name, xhtml, expected) => {
    expect(xhtmlToPlainText(xhtml)).toBe(expected);
    expect(plainTextWithFastXmlParser(xhtml)).toBe(expected);
  });
});

describe("streaming reader safety", () => {
  it("refuses a DOCTYPE (billion laughs, external entities) with its line", () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<REQ-IF>&x;</REQ-IF>';
    expect(refusal(() => readReqif(xml))).toMatch(/document type declaration at line 2 refused/);
  });

  it("refuses nesting beyond maxDepth, counting raw XHTML content too", () => {
    const deep = (n: number) => `<REQ-IF>${"<a>".repeat(n)}${"</a>".repeat(n)}</REQ-IF>`;
    expect(refusal(() => readReqif(deep(20), { maxDepth: 10 }))).toMatch(/nested deeper than 10 levels/);
    expect(readReqif(deep(8), { maxDepth: 10 }).document.specObjects).toEqual([]);
    const xhtml = `<REQ-IF><ATTRIBUTE-VALUE-XHTML><THE-VALUE>${"<p>".repeat(20)}${"</p>".repeat(20)}</THE-VALUE></ATTRIBUTE-VALUE-XHTML></REQ-IF>`;
    expect(refusal(() => readReqif(xhtml, { maxDepth: 10 }))).toMatch(/nested deeper than 10 levels/);
  });

  it("refuses __proto__, constructor and prototype as element names; as attributes they are data", () => {
    for (const name of ["__proto__", "constructor", "prototype", "x:__proto__"]) {
      expect(refusal(() => readReqif(`<REQ-IF><${name}><polluted>1</polluted></${name}></REQ-IF>`))).toMatch(/reserved JavaScript keyword/);
    }
    const tree = parseXmlStream('<a __proto__="x" constructor="y"><hasOwnProperty>1</hasOwnProperty></a>', "x");
    expect(tree).toEqual({ a: { "@___proto__": "x", "@_constructor": "y", hasOwnProperty: "1" } });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("gives one error with saxes' line and column for malformed XML", () => {
    expect(refusal(() => readReqif("<REQ-IF>\n  <A></B>\n</REQ-IF>"))).toMatch(/malformed XML at line 2, column \d+: unexpected close tag/);
    expect(refusal(() => readReqif("<REQ-IF><A>"))).toMatch(/malformed XML at line 1, column \d+: unclosed tag/);
    expect(refusal(() => readReqif('<REQ-IF A="1" A="2"/>'))).toMatch(/malformed XML .*duplicate attribute/);
    expect(refusal(() => readReqif("<REQ-IF/><REQ-IF/>"))).toMatch(/malformed XML/);
  });
});
