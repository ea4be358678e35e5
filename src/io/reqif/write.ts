import { XMLBuilder } from "fast-xml-parser";
import { refuseNonXmlText } from "../xml/chars.js";
import { REQIF_KINDS, type ReqifDocument, type ReqifHierarchy, type ReqifIdentifiable, type ReqifValue } from "./model.js";

type Obj = Record<string, unknown>;

const idAttrs = (i: ReqifIdentifiable): Obj => ({
  "@_IDENTIFIER": i.identifier,
  ...(i.lastChange !== undefined ? { "@_LAST-CHANGE": i.lastChange } : {}),
  ...(i.longName !== undefined ? { "@_LONG-NAME": i.longName } : {}),
});

function values(vals: readonly ReqifValue[]): Obj | undefined {
  if (vals.length === 0) return undefined;
  const out: Obj = {};
  for (const kind of REQIF_KINDS) {
    const of = vals.filter((v) => v.kind === kind);
    if (of.length === 0) continue;
    out[`ATTRIBUTE-VALUE-${kind}`] = of.map((v) => {
      const definition = { DEFINITION: { [`ATTRIBUTE-DEFINITION-${kind}-REF`]: v.definitionRef } };
      if (kind === "ENUMERATION") return { ...definition, VALUES: { "ENUM-VALUE-REF": [...(v.value as readonly string[])] } };
      if (kind === "XHTML") return { ...definition, "THE-VALUE": v.value };
      return { "@_THE-VALUE": v.value, ...definition };
    });
  }
  return out;
}

function hierarchy(nodes: readonly ReqifHierarchy[]): Obj[] {
  return nodes.map((h) => ({
    ...idAttrs(h),
    OBJECT: { "SPEC-OBJECT-REF": h.objectRef },
    ...(h.children.length > 0 ? { CHILDREN: { "SPEC-HIERARCHY": hierarchy(h.children) } } : {}),
  }));
}

const XHTML_NS = "http://www.w3.org/1999/xhtml";

/**
 * Namespace declarations for the prefixes the XHTML values use (`reqif-xhtml` from DOORS, beside `xhtml`): the values
 * are written as the tool wrote them, but the declarations sat on the tool's root element, which is not kept. The
 * schema's XHTML-CONTENT holds XHTML-namespace elements only, so each element prefix is bound to that namespace.
 */
function xhtmlPrefixes(document: ReqifDocument): Obj {
  const prefixes = new Set<string>();
  const scan = (vals: readonly ReqifValue[]) => {
    for (const v of vals) {
      if (v.kind !== "XHTML" || typeof v.value !== "string") continue;
      for (const m of v.value.matchAll(/<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g)) prefixes.add(m[1] as string);
    }
  };
  for (const o of document.specObjects) scan(o.values);
  for (const r of document.specRelations) scan(r.values);
  for (const sp of document.specifications) scan(sp.values);
  for (const t of document.specTypes) for (const a of t.attributes) if (a.defaultValue) scan([a.defaultValue]);
  const out: Obj = {};
  for (const p of [...prefixes].sort()) if (p !== "xhtml" && !/^xml/i.test(p)) out[`@_xmlns:${p}`] = XHTML_NS;
  return out;
}

/**
 * Writes a {@link ReqifDocument} as ReqIF 1.0 XML (namespace `http://www.omg.org/spec/ReqIF/20110401/reqif.xsd`,
 * XHTML values with the `xhtml:` namespace declared, and any other prefix they use — DOORS' `reqif-xhtml:` — bound to
 * XHTML too). `readReqif(writeReqif(d))` gives back `d`.
 *
 * @throws {ValidationError} when a text holds a character XML 1.0 cannot carry (a vertical tab, U+FFFE, a lone
 *   surrogate): one issue per such text at its element path, an object named by its IDENTIFIER as readReqif names it
 *   (`["REQ-IF", "CORE-CONTENT", "REQ-IF-CONTENT", "SPEC-OBJECTS", "SPEC-OBJECT[REQ-1]", …, "@THE-VALUE"]`); nothing is
 *   written, where the file would otherwise be one that every ReqIF tool refuses. So is an XHTML value that is not
 *   a well-formed XML fragment (`a</THE-VALUE><X/>`, a bare `<` or `&`, a DOCTYPE), at the path of its `THE-VALUE`:
 *   written as markup, it would end the value early and write elements of its own into the file.
 * @example
 * ```ts
 * writeFileSync("spec.reqif", writeReqif(requirementsToReqif(requirements, links).document));
 * ```
 */
export function writeReqif(document: ReqifDocument): string {
  const h = document.header;
  const opt = (k: string, v: string | undefined) => (v !== undefined ? { [k]: v } : {});
  const datatypes: Obj = {};
  for (const kind of REQIF_KINDS) {
    const of = document.datatypes.filter((d) => d.kind === kind);
    if (of.length === 0) continue;
    datatypes[`DATATYPE-DEFINITION-${kind}`] = of.map((d) => ({
      ...idAttrs(d),
      ...opt("@_ACCURACY", d.accuracy), ...opt("@_MAX", d.max), ...opt("@_MAX-LENGTH", d.maxLength), ...opt("@_MIN", d.min),
      ...(kind === "ENUMERATION"
        ? {
            "SPECIFIED-VALUES": {
              "ENUM-VALUE": (d.values ?? []).map((e) => ({
                ...idAttrs(e),
                ...(e.key !== undefined || e.otherContent !== undefined
                  ? { PROPERTIES: { "EMBEDDED-VALUE": { ...opt("@_KEY", e.key), ...opt("@_OTHER-CONTENT", e.otherContent) } } }
                  : {}),
              })),
            },
          }
        : {}),
    }));
  }
  const specTypes: Obj = {};
  for (const kind of ["SPEC-OBJECT-TYPE", "SPEC-RELATION-TYPE", "SPECIFICATION-TYPE"] as const) {
    const of = document.specTypes.filter((t) => t.kind === kind);
    if (of.length === 0) continue;
    specTypes[kind] = of.map((t) => {
      const attrs: Obj = {};
      for (const ak of REQIF_KINDS) {
        const a = t.attributes.filter((x) => x.kind === ak);
        if (a.length > 0) {
          attrs[`ATTRIBUTE-DEFINITION-${ak}`] = a.map((x) => ({
            ...idAttrs(x),
            ...(x.multiValued !== undefined ? { "@_MULTI-VALUED": String(x.multiValued) } : {}),
            ...(x.defaultValue !== undefined ? { "DEFAULT-VALUE": values([x.defaultValue]) } : {}),
            TYPE: { [`DATATYPE-DEFINITION-${ak}-REF`]: x.datatypeRef },
          }));
        }
      }
      return { ...idAttrs(t), ...(t.attributes.length > 0 ? { "SPEC-ATTRIBUTES": attrs } : {}) };
    });
  }
  const withValues = (vals: readonly ReqifValue[]) => (vals.length > 0 ? { VALUES: values(vals) } : {});
  const content: Obj = {
    DATATYPES: datatypes,
    "SPEC-TYPES": specTypes,
    "SPEC-OBJECTS": { "SPEC-OBJECT": document.specObjects.map((o) => ({ ...idAttrs(o), ...withValues(o.values), TYPE: { "SPEC-OBJECT-TYPE-REF": o.typeRef } })) },
    "SPEC-RELATIONS": {
      "SPEC-RELATION": document.specRelations.map((r) => ({
        ...idAttrs(r), ...withValues(r.values), SOURCE: { "SPEC-OBJECT-REF": r.source }, TARGET: { "SPEC-OBJECT-REF": r.target },
        TYPE: { "SPEC-RELATION-TYPE-REF": r.typeRef },
      })),
    },
    SPECIFICATIONS: {
      SPECIFICATION: document.specifications.map((s) => ({
        ...idAttrs(s), ...withValues(s.values), TYPE: { "SPECIFICATION-TYPE-REF": s.typeRef },
        ...(s.children.length > 0 ? { CHILDREN: { "SPEC-HIERARCHY": hierarchy(s.children) } } : {}),
      })),
    },
  };
  const root = {
    "REQ-IF": {
      "@_xmlns": "http://www.omg.org/spec/ReqIF/20110401/reqif.xsd",
      "@_xmlns:xhtml": XHTML_NS,
      ...xhtmlPrefixes(document),
      "THE-HEADER": {
        "REQ-IF-HEADER": {
          ...idAttrs(h), ...opt("COMMENT", h.comment), ...opt("CREATION-TIME", h.creationTime), ...opt("REPOSITORY-ID", h.repositoryId),
          ...opt("REQ-IF-TOOL-ID", h.reqifToolId),
          "REQ-IF-VERSION": h.reqifVersion ?? "1.0", ...opt("SOURCE-TOOL-ID", h.sourceToolId), ...opt("TITLE", h.title),
        },
      },
      "CORE-CONTENT": { "REQ-IF-CONTENT": content },
    },
  };
  // An identifiable in a list is named by its IDENTIFIER, as readReqif names it (`SPEC-OBJECT[REQ-1]`).
  // An XHTML value is written as markup: it must be well-formed, or `</THE-VALUE>` in it would write elements of its own.
  const isMarkup = (path: readonly (string | number)[]) => path.at(-1) === "THE-VALUE" && path.at(-3) === "ATTRIBUTE-VALUE-XHTML";
  refuseNonXmlText(root, "ReqIF export", (element, o) => (typeof o["@_IDENTIFIER"] === "string" ? `${element}[${o["@_IDENTIFIER"]}]` : undefined), isMarkup);
  // THE-VALUE of XHTML values is markup already: a stop node is written as-is, everything else is escaped.
  const builder = new XMLBuilder({
    ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: true,
    suppressBooleanAttributes: false, processEntities: true, stopNodes: ["*.ATTRIBUTE-VALUE-XHTML.THE-VALUE"],
  });
  // A line break or tab in an attribute value is written as a character reference: XML's attribute-value
  // normalisation turns a literal one into a space in every conforming reader (DOORS, ReqIF Studio, Capra), so a
  // two-line STRING value (acceptance criteria, a rationale) would come back on one line.
  // A carriage return left in element text (a header's TITLE or COMMENT) is a reference too: XML reads a literal one
  // as a line feed. The XHTML values (<THE-VALUE> elements, markup kept as the tool wrote it) are left as they are.
  const xml = (builder.build(root) as string)
    .split(/(<THE-VALUE>[\s\S]*?<\/THE-VALUE>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/="([^"]*)"/g, (m, v: string) => (/[\t\n\r]/.test(v) ? `="${v.replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;")}"` : m)).replace(/\r/g, "&#13;")))
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}
