import { ValidationError, checkArguments, checkOptionKeys } from "../../core/index.js";
import { TRACE_LINK_TYPES, decodeEntity, itemKeySchema, type EntityOf } from "../../entities/index.js";
import { DEFAULT_FINGERPRINT_FIELDS, fingerprintOf, requirementFingerprint } from "../../traceability/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import type { ReqifDocument, ReqifHierarchy, ReqifSpecObject, ReqifValue } from "./model.js";
import { reqifIds } from "./ids.js";
import { LINK_FIELDS } from "./link-fields.js";
import { xhtmlToPlainText } from "./xhtml.js";
import { flattenedXhtml } from "./xhtml-walk.js";
import { isUtcOffset, reqifInstant } from "./time.js";

/** How ReqIF content becomes pmokit requirements (ReqIF has no PMO fields: these fill the gaps). */
export interface ReqifMappingOptions {
  /** The project the requirements belong to; ids are `<projectId>:<IDENTIFIER>`. */
  readonly projectId: string;
  /**
   * The import instant (UTC). Records take their source's own time — `ReqIF.ForeignCreatedOn` as `createdAt` and
   * `ReqIF.ForeignModifiedOn` as `updatedAt` (DOORS' authoring times), else the spec object's or relation's
   * `LAST-CHANGE`, converted to UTC — and this only where the file has none usable (absent, or without a time zone and
   * no `localTimeOffset`; the report's `import-time` warning counts them). No clock is read.
   */
  readonly importedAt: string;
  /**
   * The UTC offset (`"+02:00"`, `"Z"`) of `LAST-CHANGE` stamps written without a time zone (DOORS 9 writes
   * `2018-10-12T16:43:58`). Default none: such a stamp names a local time in an unknown zone, so it is not guessed and
   * the record keeps the import time.
   */
  readonly localTimeOffset?: string;
  /** Prefix of generated keys when `ReqIF.ForeignID` is not a key like `FR-104` (default `REQ`). */
  readonly keyPrefix?: string;
  /** Type when the file does not say (`pmokit.type`); default `functional`. */
  readonly type?: EntityOf<"requirement">["type"];
  /** Priority when the file does not say (`pmokit.priority`); default `should`. */
  readonly priority?: EntityOf<"requirement">["priority"];
  /** Verification method when the file does not say; default `test`. */
  readonly verificationMethod?: EntityOf<"requirement">["verificationMethod"];
  /** Status when the file does not say; default `proposed`. */
  readonly status?: EntityOf<"requirement">["status"];
}

/** One node of the imported document outline. */
export interface OutlineNode {
  /** The requirement shown here. */
  readonly requirementId: string;
  /** Its title. */
  readonly title: string;
  /** Children, in document order. */
  readonly children: readonly OutlineNode[];
}

/** A specification (document) and its outline. */
export interface OutlineDocument {
  /** The specification's IDENTIFIER. */
  readonly identifier: string;
  /** Its name (LONG-NAME, `ReqIF.Name`, or the identifier). */
  readonly title: string;
  /** Top-level nodes. */
  readonly nodes: readonly OutlineNode[];
}

/** What {@link reqifToPmokit} returns: validated records, the outline, rich text, and the report. */
export interface ReqifImport {
  /** Requirements and trace links (validated, not stored). */
  readonly records: { readonly requirement: readonly EntityOf<"requirement">[]; readonly "trace-link": readonly EntityOf<"trace-link">[] };
  /** The document outline of every specification. */
  readonly outline: readonly OutlineDocument[];
  /** The main text of each requirement as the tool wrote it (XHTML markup), by requirement id. */
  readonly richText: Readonly<Record<string, string>>;
  /** Counts, unmapped attributes, dangling references. */
  readonly report: ImportReport;
}

const MAPPED = new Set([
  "ReqIF.Text", "ReqIF.ChapterName", "ReqIF.ForeignID", "ReqIF.Name", "pmokit.type", "pmokit.priority", "pmokit.verificationMethod", "pmokit.status",
  "pmokit.rationale", "pmokit.acceptanceCriteria", "pmokit.level", "pmokit.revision", "pmokit.ownerId", "pmokit.parentId",
  "pmokit.sourceStakeholderId", "pmokit.audiences", "pmokit.tags", "ReqIF.ForeignDeleted", "ReqIF.ForeignCreatedOn", "ReqIF.ForeignModifiedOn",
]);
const LINK_MAPPED = new Set(LINK_FIELDS.map((f) => `pmokit.${f}`));
/** An xsd:boolean that is true: `true` or `1` (XML Schema Part 2 §3.2.2.1; any case, as before). */
const isTrue = (t: string | undefined) => t !== undefined && (t.toLowerCase() === "true" || t === "1");
/** One entry per non-blank line (audiences, tags). */
const lines = (t: string | undefined) => t?.split("\n").map((l) => l.trim()).filter((l) => l !== "");
// Standard attributes of the ReqIF Implementation Guide that are never the main text (author, dates, prefixes…).
const NOT_TEXT = /^ReqIF\.(Foreign(CreatedBy|CreatedOn|CreatedThru|ModifiedBy|ModifiedOn|ModifiedThru|Deleted|ID)|Prefix|ChapterName|Name)$/;
/**
 * pmokit's acceptance criteria: a JSON array of strings (what the export writes when a criterion spans lines), else one
 * criterion per non-blank line.
 */
function criteriaOf(t: string | undefined): string[] {
  const s = t?.trim() ?? "";
  if (s.startsWith("[") && s.endsWith("]")) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed) && parsed.every((c) => typeof c === "string")) return parsed as string[];
    } catch {
      // not JSON: a criterion written by hand that starts with "["
    }
  }
  return s.split("\n").filter((l) => l.trim() !== "");
}
const MAX_TITLE = 300;
const MAX_STATEMENT = 20_000;
const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").replace(/^[^a-z]+/, "");

/**
 * Maps a ReqIF document to pmokit requirements and trace links. Per spec object: text from `ReqIF.Text` (XHTML
 * flattened to plain text; the markup is kept in `richText`), or — for tools without it — the first text
 * attribute whose name mentions "text", else the first XHTML, else the first STRING attribute; the title from `ReqIF.ChapterName` (headings, tagged `heading`), `ReqIF.Name`,
 * the LONG-NAME or the first line of text; the key from `ReqIF.ForeignID` when it is a key such as `FR-104`,
 * `<prefix>-<ForeignID>` when it is a number, else `<prefix>-<n>`. Spec relations become trace links typed by
 * their relation type's name (`satisfies`, …; others as `custom:<name>`). Specifications give the outline. An
 * attribute an object gives no value for takes its definition's `DEFAULT-VALUE`, as ReqIF defines.
 * References to missing objects are reported as `dangling-reference` warnings and left out, never guessed. An object
 * with `ReqIF.ForeignDeleted` true (deleted in the exporting tool: DOORS' soft-deleted objects) imports as `obsolete`
 * with a `foreign-deleted` warning, so traceability leaves it out instead of counting it as a live gap.
 *
 * @throws {ValidationError} when a mapped record is invalid (nothing is returned half-mapped).
 * @example
 * ```ts
 * const { document } = readReqif(text);
 * const { records, outline, report } = reqifToPmokit(document, { projectId: "prj-crm", importedAt: "2026-11-25T12:00:00.000Z" });
 * report.warnings.filter((w) => w.code === "dangling-reference");
 * ```
 */
export function reqifToPmokit(document: ReqifDocument, options: ReqifMappingOptions): ReqifImport {
  checkArguments("reqifToPmokit", { options: [options, "object"] });
  checkOptionKeys("reqifToPmokit", options, {
    projectId: 1, importedAt: 1, localTimeOffset: 1, keyPrefix: 1, type: 1, priority: 1, verificationMethod: 1, status: 1,
  } satisfies Record<keyof ReqifMappingOptions, 1>);
  const report = createReportBuilder("reqif");
  const prefix = options.keyPrefix ?? "REQ";
  if (options.localTimeOffset !== undefined && !isUtcOffset(options.localTimeOffset)) {
    throw ValidationError.single(["localTimeOffset"], `expected a UTC offset such as "+02:00" or "Z", not ${JSON.stringify(options.localTimeOffset)}`, "ReqIF import");
  }
  // The source's own time where it has one: traceability reads updatedAt as the last content change, so the import
  // time would make every earlier test run look older than the requirement (STALE).
  const untimed = { objects: 0, relations: 0 };
  const badForeign = { objects: 0, relations: 0 };
  // DOORS (and other tools following the Implementation Guide) write the true authoring times as the standard
  // attributes ReqIF.ForeignCreatedOn / ReqIF.ForeignModifiedOn; their LAST-CHANGE is often the export time. Each
  // attribute, when usable, wins over LAST-CHANGE; creation never comes after the last modification.
  const stampOf = (lastChange: string | undefined, kind: keyof typeof untimed, values: ReadonlyMap<string, ReqifValue>) => {
    const at = reqifInstant(lastChange, options.localTimeOffset);
    let bad = false;
    const foreign = (name: string) => {
      const text = plain(values.get(name));
      const t = reqifInstant(text, options.localTimeOffset);
      if (text !== undefined && t === undefined) bad = true;
      return t;
    };
    const createdOn = foreign("ReqIF.ForeignCreatedOn");
    const modifiedOn = foreign("ReqIF.ForeignModifiedOn");
    if (bad) badForeign[kind]++;
    // updatedAt falls back to the import time whenever neither LAST-CHANGE nor ForeignModifiedOn is usable (a usable
    // ForeignCreatedOn alone sets only createdAt): counted, so the warning says so.
    if (at === undefined && modifiedOn === undefined) untimed[kind]++;
    let createdAt = createdOn ?? at ?? options.importedAt;
    let updatedAt = modifiedOn ?? at ?? options.importedAt;
    if (createdAt > updatedAt) {
      if (createdOn !== undefined) updatedAt = createdAt;
      else createdAt = updatedAt;
    }
    return { version: 1, createdAt, updatedAt };
  };
  const attrName = new Map<string, string>();
  for (const t of document.specTypes) for (const a of t.attributes) attrName.set(a.identifier, a.longName ?? a.identifier);
  const typeName = new Map(document.specTypes.map((t) => [t.identifier, t.longName ?? t.identifier]));
  const enumName = new Map(document.datatypes.flatMap((d) => (d.values ?? []).map((v) => [v.identifier, v.longName ?? v.identifier] as const)));
  // DEFAULT-VALUE of each type's attributes: the value of an object (relation, specification) that gives none.
  const defaults = new Map(document.specTypes.map((t) => [t.identifier, t.attributes.flatMap((a) => (a.defaultValue ? [[a.identifier, a.defaultValue] as const] : []))]));
  const named = (vals: readonly ReqifValue[], typeRef: string) => {
    const m = new Map<string, ReqifValue>();
    const given = new Set<string>();
    for (const v of vals) {
      m.set(attrName.get(v.definitionRef) ?? v.definitionRef, v);
      given.add(v.definitionRef);
    }
    for (const [def, v] of defaults.get(typeRef) ?? []) {
      const name = attrName.get(def) ?? def;
      if (!given.has(def) && !m.has(name)) m.set(name, { ...v, definitionRef: def });
    }
    return m;
  };
  // XHTML flattened while readReqif streamed the file (the same walk), else flattened here.
  const flattened = flattenedXhtml(document);
  const plain = (v: ReqifValue | undefined): string | undefined => {
    if (!v) return undefined;
    const t = Array.isArray(v.value) ? v.value.map((r) => enumName.get(r) ?? r).join(", ")
      : v.kind === "XHTML" ? flattened.get(v.value as string) ?? xhtmlToPlainText(v.value as string) : (v.value as string).trim();
    return t === "" ? undefined : t;
  };

  const issues: ValidationError[] = [];
  if (document.header.repositoryId !== undefined) report.unmapped("REQ-IF-HEADER", "REPOSITORY-ID", `pmokit keeps no repository id (${document.header.repositoryId})`);
  const ids = new Map<string, string>();
  const objectIds = reqifIds(document.specObjects.map((o) => o.identifier), { projectId: options.projectId, fallback: "obj", element: "SPEC-OBJECT", report });
  const titles = new Map<string, string>();
  const keys = new Set<string>();
  const requirements: EntityOf<"requirement">[] = [];
  const richText: Record<string, string> = {};
  const shortened = (where: string, what: string, text: string, max: number, note = "") => {
    if (text.length > max) report.warn(where, `${what} of ${text.length} characters shortened to ${max}${note}`, "text-shortened");
    return text.slice(0, max);
  };
  document.specObjects.forEach((o: ReqifSpecObject, i) => {
    report.count("spec-objects");
    const where = `SPEC-OBJECT[${o.identifier}]`;
    const v = named(o.values, o.typeRef);
    const free = [...v.entries()].filter(([n]) => !MAPPED.has(n) && !NOT_TEXT.test(n));
    const chapter = plain(v.get("ReqIF.ChapterName"));
    // A heading (ChapterName, no ReqIF.Text) takes a text only from an attribute named as one — never the first
    // STRING, which is often the author (DOORS' ReqIF.ForeignCreatedBy); its statement is then the heading itself.
    const namedText = free.find(([n, x]) => (x.kind === "STRING" || x.kind === "XHTML") && /te?xt/i.test(n));
    const textEntry: readonly [string, ReqifValue] | undefined = v.has("ReqIF.Text") ? ["ReqIF.Text", v.get("ReqIF.Text")!] :
      namedText ?? (chapter !== undefined ? undefined : free.find(([, x]) => x.kind === "XHTML") ?? free.find(([, x]) => x.kind === "STRING"));
    const textValue = textEntry?.[1];
    for (const [name] of v) if (!MAPPED.has(name) && name !== textEntry?.[0]) report.unmapped(`SPEC-OBJECT/${typeName.get(o.typeRef) ?? o.typeRef}`, name, "attribute has no pmokit requirement field");
    const text = plain(textValue);
    const givenTitle = chapter ?? plain(v.get("ReqIF.Name")) ?? o.longName;
    // A title taken from the first line of the text is a derived label (the statement keeps it all): not reported.
    const title = givenTitle !== undefined ? shortened(where, "title", givenTitle, MAX_TITLE) : (text?.split("\n")[0] ?? o.identifier).slice(0, MAX_TITLE);
    const foreign = plain(v.get("ReqIF.ForeignID"));
    let key = foreign && itemKeySchema.safeParse(foreign).success ? foreign : foreign && /^\d{1,12}$/.test(foreign) ? `${prefix}-${foreign}` : `${prefix}-${i + 1}`;
    if (keys.has(key)) {
      // Two objects cannot share a key: the later one gets a generated key, and the report says so.
      const taken = key;
      key = `${prefix}-X-${i + 1}`;
      for (let n = 2; keys.has(key); n++) key = `${prefix}-X-${i + 1}-${n}`;
      report.warn(where, `key ${taken}${foreign !== undefined ? ` (ReqIF.ForeignID ${foreign})` : ""} is already another object's key; imported with key ${key}`, "duplicate-key");
    }
    keys.add(key);
    const id = objectIds[i]!;
    ids.set(o.identifier, id);
    titles.set(o.identifier, title);
    if (textValue?.kind === "XHTML") richText[id] = textValue.value as string;
    const statement = shortened(where, "statement", text ?? givenTitle ?? title, MAX_STATEMENT, textValue?.kind === "XHTML" ? " (the full text stays in richText)" : "");
    const criteria = criteriaOf(plain(v.get("pmokit.acceptanceCriteria")));
    // A rationale is free text (not trimmed by the requirement codec): a STRING one is kept exactly as written.
    const rationaleValue = v.get("pmokit.rationale");
    const rationale = rationaleValue?.kind === "STRING" && (rationaleValue.value as string).trim() !== "" ? (rationaleValue.value as string) : plain(rationaleValue);
    // pmokit's own export writes these; a revision that is not a whole number goes to the codec as text, so it is refused.
    const revisionText = plain(v.get("pmokit.revision"));
    const own: Record<string, unknown> = {};
    const level = plain(v.get("pmokit.level"));
    if (level !== undefined) own["level"] = level;
    if (revisionText !== undefined) own["revision"] = /^\d{1,7}$/.test(revisionText) ? Number(revisionText) : revisionText;
    for (const [field, name] of [["ownerId", "pmokit.ownerId"], ["parentId", "pmokit.parentId"], ["sourceStakeholderId", "pmokit.sourceStakeholderId"]] as const) {
      const x = plain(v.get(name));
      if (x !== undefined) own[field] = x;
    }
    const audiences = lines(plain(v.get("pmokit.audiences")));
    if (audiences !== undefined) own["audiences"] = audiences;
    const tags = lines(plain(v.get("pmokit.tags")));
    const heading = chapter !== undefined && text === undefined;
    if (tags !== undefined) own["tags"] = heading && !tags.includes("heading") ? ["heading", ...tags] : tags;
    else if (heading) own["tags"] = ["heading"];
    // ReqIF.ForeignDeleted (Implementation Guide standard attribute): deleted in the exporting tool — DOORS exports its
    // soft-deleted objects with it. Such an object is no live requirement: obsolete, so traceability leaves it out.
    let status = plain(v.get("pmokit.status")) ?? options.status ?? "proposed";
    if (isTrue(plain(v.get("ReqIF.ForeignDeleted"))) && status !== "obsolete" && status !== "rejected") {
      report.warn(where, `ReqIF.ForeignDeleted is true (deleted in the exporting tool, e.g. a DOORS soft-deleted object): imported as obsolete instead of ${status}`, "foreign-deleted");
      status = "obsolete";
    }
    try {
      requirements.push(decodeEntity("requirement", {
        id, ...stampOf(o.lastChange, "objects", v), projectId: options.projectId, key, type: plain(v.get("pmokit.type")) ?? options.type ?? "functional",
        title, statement, priority: plain(v.get("pmokit.priority")) ?? options.priority ?? "should",
        acceptanceCriteria: criteria, verificationMethod: plain(v.get("pmokit.verificationMethod")) ?? options.verificationMethod ?? "test",
        status,
        ...(rationale ? { rationale } : {}), ...own,
      }));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      issues.push(new ValidationError(e.issues.map((x) => ({ ...x, path: [where, ...x.path] })), "requirement"));
    }
  });

  const links: EntityOf<"trace-link">[] = [];
  const relationIds = reqifIds(document.specRelations.map((r) => r.identifier), { projectId: options.projectId, fallback: "rel", element: "SPEC-RELATION", report });
  const untyped = new Map<string, number>();
  const byId = new Map(requirements.map((q) => [q.id, q]));
  for (const [k, r] of document.specRelations.entries()) {
    report.count("spec-relations");
    const from = ids.get(r.source);
    const to = ids.get(r.target);
    const where = `SPEC-RELATION[${r.identifier}]`;
    if (!from || !to) {
      report.warn(where, `${danglingEnds(r.source, from, r.target, to)}; link left out`, "dangling-reference");
      continue;
    }
    if (from === to) {
      report.warn(where, "links an object to itself; left out", "self-link");
      continue;
    }
    const name = kebab(typeName.get(r.typeRef) ?? "");
    const linkType = (TRACE_LINK_TYPES as readonly string[]).includes(name) ? name : `custom:${name || "relation"}`;
    // The type gives the link its meaning: one that names nothing in the file is reported (once per type), not quietly generic.
    if (!typeName.has(r.typeRef)) untyped.set(r.typeRef, (untyped.get(r.typeRef) ?? 0) + 1);
    const rv = named(r.values, r.typeRef);
    // ProR's suspect flags (BOOLEANs S and T: "source / target changed since the link was last cleared").
    const flag = (n: string) => (rv.get(n)?.kind === "BOOLEAN" ? isTrue(plain(rv.get(n))) : undefined);
    const [sourceChanged, targetChanged] = [flag("S"), flag("T")];
    if (sourceChanged) report.warn(where, "ProR flags its source as changed (S): pmokit's suspect links follow the target only, so the flag is not kept", "source-changed");
    for (const [n] of rv) if (!MAPPED.has(n) && !LINK_MAPPED.has(n) && !((n === "S" || n === "T") && flag(n) !== undefined)) report.unmapped(`SPEC-RELATION/${typeName.get(r.typeRef) ?? r.typeRef}`, n, "relation attribute has no trace-link field");
    // The review pmokit's export wrote (recorded fingerprint and revision, reviewer, time, note); a revision that is not
    // a whole number goes to the codec as text, so it is refused.
    const review: Record<string, unknown> = {};
    for (const f of LINK_FIELDS) {
      const x = plain(rv.get(`pmokit.${f}`));
      if (x !== undefined) review[f] = f === "targetRevision" && /^\d{1,7}$/.test(x) ? Number(x) : x;
    }
    // T false: reviewed against the target as it is (its fingerprint now); T true: against other content, recorded as
    // the fingerprint of no content, which no requirement has — a direct suspect. pmokit's own fingerprint wins.
    const target = targetChanged === undefined || review["targetFingerprint"] !== undefined ? undefined : byId.get(to);
    if (target) review["targetFingerprint"] = targetChanged ? fingerprintOf({}, DEFAULT_FINGERPRINT_FIELDS.requirement) : requirementFingerprint(target);
    try {
      links.push(decodeEntity("trace-link", {
        id: relationIds[k]!, ...stampOf(r.lastChange, "relations", rv),
        from: { kind: "requirement", id: from }, to: { kind: "requirement", id: to }, linkType: linkType.slice(0, 64), ...review,
      }));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      issues.push(new ValidationError(e.issues.map((x) => ({ ...x, path: [where, ...x.path] })), "trace-link"));
    }
  }
  for (const [ref, n] of untyped) {
    const what = ref === "" ? "have no TYPE" : `refer to missing SPEC-RELATION-TYPE ${ref}`;
    report.warn(ref === "" ? "SPEC-RELATION/TYPE" : `SPEC-RELATION-TYPE[${ref}]`, `${n} spec relation${n === 1 ? "" : "s"} ${n === 1 ? what.replace(/^have/, "has").replace(/^refer /, "refers ") : what}; imported as custom:relation`, "dangling-reference");
  }

  const outlineOf = (nodes: readonly ReqifHierarchy[], where: string): OutlineNode[] =>
    nodes.flatMap((h) => {
      report.count("hierarchy-nodes");
      const id = ids.get(h.objectRef);
      const children = outlineOf(h.children, where);
      if (!id) {
        report.warn(`${where}/SPEC-HIERARCHY[${h.identifier}]`, `refers to missing spec object ${h.objectRef}; its children move up`, "dangling-reference");
        return children;
      }
      return [{ requirementId: id, title: titles.get(h.objectRef) ?? id, children }];
    });
  const outline = document.specifications.map((s) => ({
    identifier: s.identifier,
    title: s.longName ?? plain(named(s.values, s.typeRef).get("ReqIF.Name")) ?? s.identifier,
    nodes: outlineOf(s.children, `SPECIFICATION[${s.identifier}]`),
  }));
  if (untimed.objects + untimed.relations > 0) {
    report.warn("LAST-CHANGE", `${untimed.objects} spec objects and ${untimed.relations} spec relations have no usable LAST-CHANGE (absent, not a date-time, or without a time zone and no localTimeOffset): stamped with the import time`, "import-time");
  }
  if (badForeign.objects + badForeign.relations > 0) {
    report.warn("ReqIF.ForeignCreatedOn", `${badForeign.objects} spec objects and ${badForeign.relations} spec relations have a ReqIF.ForeignCreatedOn or ReqIF.ForeignModifiedOn that is not a usable date-time (not one, or without a time zone and no localTimeOffset): LAST-CHANGE used instead`, "foreign-time");
  }
  if (issues.length > 0) throw new ValidationError(issues.flatMap((e) => e.issues), "ReqIF import");
  return { records: { requirement: requirements, "trace-link": links }, outline, richText, report: report.finish() };
}

/** What is wrong with a relation's ends: each absent or missing one, named with its role (both when both are). */
function danglingEnds(source: string, from: string | undefined, target: string, to: string | undefined): string {
  const absent = [...(source === "" ? ["SOURCE"] : []), ...(target === "" ? ["TARGET"] : [])];
  const missing = [...(!from && source !== "" ? [`${source} (source)`] : []), ...(!to && target !== "" ? [`${target} (target)`] : [])];
  return [
    ...(absent.length > 0 ? [`has no ${absent.join(" or ")} spec object`] : []),
    ...(missing.length > 0 ? [`refers to missing spec object${missing.length > 1 ? "s" : ""} ${missing.join(" and ")}`] : []),
  ].join("; ");
}
