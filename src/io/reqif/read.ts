import { ValidationError, checkArguments, checkOptionKeys } from "../../core/index.js";
import { createReportBuilder, type ImportReport, type ReportBuilder } from "../report.js";
import type { SafeXmlOptions } from "../xml/parse-xml.js";
import { parseXmlStream } from "../xml/stream-xml.js";
import { XhtmlCollector } from "./xhtml-walk.js";
import {
  REQIF_KINDS, type ReqifAttributeDefinition, type ReqifDatatype, type ReqifDocument, type ReqifHierarchy,
  type ReqifIdentifiable, type ReqifKind, type ReqifSpecType, type ReqifValue,
} from "./model.js";

type Obj = Record<string, unknown>;
const ARRAY_NAMES = /^(DATATYPE-DEFINITION-[A-Z]+|ENUM-VALUE|EMBEDDED-VALUE|SPEC-OBJECT-TYPE|SPEC-RELATION-TYPE|SPECIFICATION-TYPE|RELATION-GROUP-TYPE|ATTRIBUTE-DEFINITION-[A-Z]+|SPEC-OBJECT|SPEC-RELATION|SPECIFICATION|SPEC-HIERARCHY|ATTRIBUTE-VALUE-[A-Z]+|ENUM-VALUE-REF|RELATION-GROUP)$/;
const HEADER_FIELDS = new Set(["COMMENT", "CREATION-TIME", "REPOSITORY-ID", "REQ-IF-TOOL-ID", "REQ-IF-VERSION", "SOURCE-TOOL-ID", "TITLE"]);
const FACETS = [["maxLength", "@_MAX-LENGTH"], ["min", "@_MIN"], ["max", "@_MAX"], ["accuracy", "@_ACCURACY"]] as const;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(obj);
const txt = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "object" && v !== null && "#text" in v ? String((v as Obj)["#text"]) : undefined);
/**
 * A token value (an IDENTIFIER, a reference, a date, a number, a flag): without surrounding white space, as the
 * ReqIF schema's `xsd:ID`, `xsd:IDREF`, `xsd:dateTime` and number types read it. Names and STRING values (`xsd:string`)
 * are read with {@link txt}, exactly as written: `LONG-NAME=" Task"` is " Task".
 */
const token = (v: unknown): string | undefined => txt(v)?.trim();

function ident(o: Obj): ReqifIdentifiable {
  const id = token(o["@_IDENTIFIER"]) ?? "";
  const longName = txt(o["@_LONG-NAME"]);
  const lastChange = token(o["@_LAST-CHANGE"]);
  // Built by assignment, not spreads (this runs for every object of a 100k-object file); same key order.
  const out: { identifier: string; longName?: string; lastChange?: string } = { identifier: id };
  if (longName !== undefined) out.longName = longName;
  if (lastChange !== undefined) out.lastChange = lastChange;
  return out;
}

/** The text of the single `*-REF` child of a wrapper element (`<TYPE><SPEC-OBJECT-TYPE-REF>x</…></TYPE>`). */
function ref(wrapper: unknown): string {
  const o = obj(wrapper);
  for (const k of Object.keys(o)) if (k.endsWith("-REF")) return token(o[k]) ?? "";
  return "";
}

function values(o: Obj, path: string, report: ReportBuilder): ReqifValue[] {
  const out: ReqifValue[] = [];
  const box = obj(o["VALUES"]);
  for (const name of Object.keys(box)) {
    const items = box[name];
    const kind = name.replace("ATTRIBUTE-VALUE-", "") as ReqifKind;
    if (!name.startsWith("ATTRIBUTE-VALUE-") || !REQIF_KINDS.includes(kind)) {
      report.unmapped(`${path}/VALUES`, name, "not a ReqIF attribute value");
      continue;
    }
    for (const v of list(items)) {
      const definitionRef = ref(v["DEFINITION"]);
      if (kind === "ENUMERATION") {
        const refs = obj(v["VALUES"])["ENUM-VALUE-REF"];
        out.push({ kind, definitionRef, value: (Array.isArray(refs) ? refs : refs === undefined ? [] : [refs]).map((x) => token(x) ?? "") });
      } else if (kind === "XHTML") {
        out.push({ kind, definitionRef, value: (txt(v["THE-VALUE"]) ?? "").trim() });
      } else {
        out.push({ kind, definitionRef, value: (kind === "STRING" ? txt(v["@_THE-VALUE"]) : token(v["@_THE-VALUE"])) ?? "" });
      }
    }
  }
  // Grouped by kind in one fixed order (what writeReqif writes), stable within a kind: the model does not depend
  // on how a tool interleaved its value elements.
  let sorted = true;
  for (let i = 1; i < out.length && sorted; i++) sorted = REQIF_KINDS.indexOf(out[i - 1]!.kind) <= REQIF_KINDS.indexOf(out[i]!.kind);
  return sorted ? out : out.sort((a, b) => REQIF_KINDS.indexOf(a.kind) - REQIF_KINDS.indexOf(b.kind));
}

function hierarchy(nodes: unknown, path: string, report: ReportBuilder): ReqifHierarchy[] {
  return list(nodes).map((h) => ({
    ...ident(h),
    objectRef: ref(h["OBJECT"]),
    children: hierarchy(obj(h["CHILDREN"])["SPEC-HIERARCHY"], path, report),
  }));
}

/**
 * Parses a ReqIF XML text safely into a {@link ReqifDocument}: header, datatypes (enumerations with their values),
 * spec types with attribute definitions, spec objects and relations with their values (XHTML kept as raw markup),
 * and specifications with their hierarchy. Tool extensions and relation groups are listed in the report. The text is
 * read in one streaming pass (saxes), with the same refusals as {@link parseXmlSafely}.
 *
 * @throws {ValidationError} on hostile or malformed XML, a root that is not `<REQ-IF>`, or a `maxDepth` that is not a
 *   whole number ≥ 1 (path `["maxDepth"]`).
 * @example
 * ```ts
 * const { document, report } = readReqif(readFileSync("spec.reqif", "utf8"));
 * document.specObjects.length;
 * ```
 */
export function readReqif(text: string, options: { readonly maxDepth?: number } = {}): { document: ReqifDocument; report: ImportReport } {
  checkArguments("readReqif", { options: [options, "object"] });
  checkOptionKeys("readReqif", options, { maxDepth: 1 });
  const md = options.maxDepth;
  // A depth that is not a whole number ≥ 1 was silently the default (NaN, "abc") or blamed on the file (-1, 2.5).
  if (md !== undefined && (typeof md !== "number" || !Number.isInteger(md) || md < 1)) {
    throw ValidationError.single(["maxDepth"], `a nesting depth is a whole number ≥ 1, not ${String(md)}`, "ReqIF options");
  }
  // XHTML values are flattened to plain text in the same pass; reqifToPmokit picks the results up.
  const xhtml = new XhtmlCollector();
  const read = reqifFromTree(parseXmlStream(text, "ReqIF file", reqifXmlOptions(options.maxDepth), xhtml));
  xhtml.attach(read.document);
  return read;
}

/**
 * How a ReqIF text is parsed into plain objects: the repeating elements as arrays, XHTML values as raw markup.
 * Internal (shared with the test that pins the streaming parser against fast-xml-parser).
 *
 * @example
 * ```ts
 * reqifFromTree(parseXmlStream(text, "ReqIF file", reqifXmlOptions()));
 * ```
 */
export function reqifXmlOptions(maxDepth?: number): SafeXmlOptions {
  return {
    rawNodes: ["ATTRIBUTE-VALUE-XHTML.THE-VALUE"],
    arrays: { has: (n: string) => ARRAY_NAMES.test(n) } as ReadonlySet<string>,
    ...(maxDepth ? { maxDepth } : {}),
  };
}

/**
 * Reads the {@link ReqifDocument} and its report out of a parsed ReqIF tree (see {@link reqifXmlOptions}).
 *
 * @throws {ValidationError} when the root is not `<REQ-IF>`.
 * @example
 * ```ts
 * const { document } = reqifFromTree(parseXmlStream(text, "ReqIF file", reqifXmlOptions()));
 * ```
 */
export function reqifFromTree(doc: Record<string, unknown>): { document: ReqifDocument; report: ImportReport } {
  const root = doc["REQ-IF"];
  if (root === undefined || typeof root !== "object") {
    throw ValidationError.single([], "not a ReqIF file: the root element is not <REQ-IF>", "ReqIF file");
  }
  const report = createReportBuilder("reqif");
  const r = obj(root);
  const h = obj(obj(r["THE-HEADER"])["REQ-IF-HEADER"]);
  const opt = (k: string, v: unknown, read = txt) => (read(v) !== undefined ? { [k]: read(v) } : {});
  const header = {
    ...ident(h), ...opt("comment", h["COMMENT"]), ...opt("creationTime", h["CREATION-TIME"], token),
    ...opt("repositoryId", h["REPOSITORY-ID"]), ...opt("reqifToolId", h["REQ-IF-TOOL-ID"]),
    ...opt("reqifVersion", h["REQ-IF-VERSION"], token), ...opt("sourceToolId", h["SOURCE-TOOL-ID"]), ...opt("title", h["TITLE"]),
  };
  for (const k of Object.keys(h)) {
    if (!k.startsWith("@_") && !HEADER_FIELDS.has(k)) report.unmapped("REQ-IF-HEADER", k, "not a ReqIF header field pmokit reads");
  }
  if (r["TOOL-EXTENSIONS"] !== undefined) report.unmapped("REQ-IF", "TOOL-EXTENSIONS", "tool-specific extensions are not read");
  const c = obj(obj(r["CORE-CONTENT"])["REQ-IF-CONTENT"]);
  for (const k of Object.keys(c)) {
    if (!["DATATYPES", "SPEC-TYPES", "SPEC-OBJECTS", "SPEC-RELATIONS", "SPECIFICATIONS"].includes(k)) report.unmapped("REQ-IF-CONTENT", k, "not mapped by pmokit");
  }

  const datatypes: ReqifDatatype[] = [];
  const dt = obj(c["DATATYPES"]);
  for (const kind of REQIF_KINDS) {
    for (const d of list(dt[`DATATYPE-DEFINITION-${kind}`])) {
      if (kind !== "ENUMERATION") {
        // The facets the schema requires (MAX-LENGTH of a STRING, MIN/MAX of an INTEGER, ACCURACY/MIN/MAX of a REAL).
        const facets: { maxLength?: string; min?: string; max?: string; accuracy?: string } = {};
        for (const [k, a] of FACETS) {
          const x = token(d[a]);
          if (x !== undefined) facets[k] = x;
        }
        datatypes.push({ ...ident(d), kind, ...facets });
        continue;
      }
      const vals = list(obj(d["SPECIFIED-VALUES"])["ENUM-VALUE"]).map((e) => {
        const emb = list(obj(e["PROPERTIES"])["EMBEDDED-VALUE"])[0] ?? {};
        const key = token(emb["@_KEY"]);
        const other = txt(emb["@_OTHER-CONTENT"]);
        return { ...ident(e), ...(key !== undefined ? { key } : {}), ...(other !== undefined ? { otherContent: other } : {}) };
      });
      datatypes.push({ ...ident(d), kind, values: vals });
    }
  }

  const specTypes: ReqifSpecType[] = [];
  const st = obj(c["SPEC-TYPES"]);
  for (const kind of ["SPEC-OBJECT-TYPE", "SPEC-RELATION-TYPE", "SPECIFICATION-TYPE"] as const) {
    for (const t of list(st[kind])) {
      const attributes: ReqifAttributeDefinition[] = [];
      const attrs = obj(t["SPEC-ATTRIBUTES"]);
      for (const ak of REQIF_KINDS) {
        for (const a of list(attrs[`ATTRIBUTE-DEFINITION-${ak}`])) {
          const multi = txt(a["@_MULTI-VALUED"]);
          // DEFAULT-VALUE holds one ATTRIBUTE-VALUE-<kind>, read like an object's VALUES.
          const dv = a["DEFAULT-VALUE"] === undefined ? undefined : values({ VALUES: a["DEFAULT-VALUE"] }, "DEFAULT-VALUE", report)[0];
          attributes.push({
            ...ident(a), kind: ak, datatypeRef: ref(a["TYPE"]),
            ...(multi !== undefined ? { multiValued: multi.trim() === "true" || multi.trim() === "1" } : {}),
            ...(dv !== undefined ? { defaultValue: dv } : {}),
          });
        }
      }
      specTypes.push({ ...ident(t), kind, attributes });
    }
  }
  if (st["RELATION-GROUP-TYPE"] !== undefined) report.unmapped("SPEC-TYPES", "RELATION-GROUP-TYPE", "relation groups are not mapped");

  const specObjects = list(obj(c["SPEC-OBJECTS"])["SPEC-OBJECT"]).map((o) => ({
    ...ident(o), typeRef: ref(o["TYPE"]), values: values(o, "SPEC-OBJECT", report),
  }));
  const specRelations = list(obj(c["SPEC-RELATIONS"])["SPEC-RELATION"]).map((o) => ({
    ...ident(o), typeRef: ref(o["TYPE"]), source: ref(o["SOURCE"]), target: ref(o["TARGET"]), values: values(o, "SPEC-RELATION", report),
  }));
  const specifications = list(obj(c["SPECIFICATIONS"])["SPECIFICATION"]).map((s) => ({
    ...ident(s), typeRef: ref(s["TYPE"]), values: values(s, "SPECIFICATION", report),
    children: hierarchy(obj(s["CHILDREN"])["SPEC-HIERARCHY"], "SPECIFICATION", report),
  }));
  report.count("datatypes", datatypes.length);
  report.count("spec-types", specTypes.length);
  report.count("spec-objects", specObjects.length);
  report.count("spec-relations", specRelations.length);
  report.count("specifications", specifications.length);
  return { document: { header, datatypes, specTypes, specObjects, specRelations, specifications }, report: report.finish() };
}
