import { checkArguments, checkOptionKeys, compareCodePoints } from "../../core/index.js";
import { ownEntry } from "../../core/own.js";
import type { EntityOf } from "../../entities/index.js";
import type { ReqifAttributeDefinition, ReqifDocument, ReqifHierarchy, ReqifSpecType, ReqifValue } from "./model.js";
import { LINK_FIELDS } from "./link-fields.js";
import type { OutlineDocument, OutlineNode } from "./map.js";

/** Options of {@link requirementsToReqif}. */
export interface RequirementsToReqifOptions {
  /** Document title (header TITLE and specification LONG-NAME). */
  readonly title: string;
  /** Header identifier and creation time (the export reads no clock). */
  readonly exportedAt: string;
  /** The outline to write; default: every requirement at top level, in the order given. */
  readonly outline?: readonly OutlineDocument[];
  /** Rich text (XHTML) by requirement id, written instead of the plain statement where given. */
  readonly richText?: Readonly<Record<string, string>>;
}

const escapeText = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/**
 * Wraps plain text in an XHTML div, escaped, each line break written as `<xhtml:br/>`: XHTML renders a bare line
 * break as a space (and so does the import, as a browser's innerText), so the lines would run together. A text with
 * white space XHTML would collapse — a tab, two spaces in a row, a space at a line's start or end, a carriage return
 * — is written in `<xhtml:pre>` instead (line breaks as written, a carriage return as `&#13;`, which an XML reader
 * would otherwise turn into a line feed), so the import reads back the very same text.
 */
const xhtml = (text: string) => /[\t\f\r]| {2}|^ | $/m.test(text)
  ? `<xhtml:div><xhtml:pre>${escapeText(text).replace(/\r/g, "&#13;")}</xhtml:pre></xhtml:div>`
  : `<xhtml:div>${text.split("\n").map(escapeText).join("<xhtml:br/>")}</xhtml:div>`;
/**
 * The acceptance criteria as one STRING value: one per line, or — when a criterion has a line break of its own (a
 * Gherkin Given/When/Then) — a JSON array of strings, as the CSV export writes such a list, so each stays one criterion.
 */
const criteriaText = (criteria: readonly string[]) => (criteria.some((c) => /[\r\n]/.test(c)) ? JSON.stringify(criteria) : criteria.join("\n"));
/** ReqIF identifiers are NCNames: an id that starts with a digit gets a leading underscore. */
const ncname = (id: string) => (/^[A-Za-z_]/.test(id) ? id : `_${id}`).replace(/:/g, "_");

const STRING_T = "pmokit-dt-string";
const XHTML_T = "pmokit-dt-xhtml";
const DATE_T = "pmokit-dt-date";
const attr = (name: string, kind: "STRING" | "XHTML" | "DATE"): ReqifAttributeDefinition => ({
  identifier: `pmokit-ad-${name.replace(/\./g, "-")}`, longName: name, kind, datatypeRef: kind === "STRING" ? STRING_T : kind === "XHTML" ? XHTML_T : DATE_T,
});
const ATTRS = {
  foreign: attr("ReqIF.ForeignID", "STRING"), name: attr("ReqIF.Name", "STRING"), text: attr("ReqIF.Text", "XHTML"),
  chapter: attr("ReqIF.ChapterName", "XHTML"), type: attr("pmokit.type", "STRING"), priority: attr("pmokit.priority", "STRING"),
  verification: attr("pmokit.verificationMethod", "STRING"), status: attr("pmokit.status", "STRING"),
  rationale: attr("pmokit.rationale", "STRING"), criteria: attr("pmokit.acceptanceCriteria", "STRING"),
  level: attr("pmokit.level", "STRING"), revision: attr("pmokit.revision", "STRING"), owner: attr("pmokit.ownerId", "STRING"),
  parent: attr("pmokit.parentId", "STRING"), stakeholder: attr("pmokit.sourceStakeholderId", "STRING"),
  audiences: attr("pmokit.audiences", "STRING"), tags: attr("pmokit.tags", "STRING"),
  // createdAt, as DOORS writes its authoring time (the import reads it back); LAST-CHANGE carries updatedAt. No
  // ReqIF.ForeignModifiedOn: the import prefers it over LAST-CHANGE, so a tool that edits the object and moves its
  // LAST-CHANGE, but not this pmokit-written attribute, would have its change read as older than it is.
  createdOn: attr("ReqIF.ForeignCreatedOn", "DATE"),
};

/**
 * Builds a ReqIF document from pmokit requirements and the trace links between them: one spec object type with
 * `ReqIF.ForeignID` (the key), `ReqIF.Name` (title), `ReqIF.Text` (statement as XHTML, or the kept rich text),
 * `ReqIF.ChapterName` for headings, and `pmokit.*` attributes for type, priority, verification method, status,
 * rationale, acceptance criteria, level, revision, owner, parent, source stakeholder, audiences and tags — so that `reqifToPmokit(readReqif(writeReqif(d)))` gives the same
 * requirements back. One spec relation type per link type; links to non-requirements are left out. Times: each spec
 * object's and relation's `LAST-CHANGE` is its `updatedAt`, and `ReqIF.ForeignCreatedOn` (a DATE attribute, as DOORS
 * writes it) its `createdAt`, so a re-import keeps both.
 *
 * @example
 * ```ts
 * const doc = requirementsToReqif(requirements, links, { title: "CRM requirements", exportedAt: "2026-11-25T12:00:00.000Z" });
 * writeFileSync("crm.reqifz", zipReqifz(writeReqif(doc), "crm.reqif"));
 * ```
 */
export function requirementsToReqif(
  requirements: readonly EntityOf<"requirement">[],
  links: readonly EntityOf<"trace-link">[],
  options: RequirementsToReqifOptions,
): ReqifDocument {
  checkArguments("requirementsToReqif", { requirements: [requirements, "object[]"], links: [links, "object[]"], options: [options, "object"] });
  checkOptionKeys("requirementsToReqif", options, { title: 1, exportedAt: 1, outline: 1, richText: 1 } satisfies Record<keyof RequirementsToReqifOptions, 1>);
  const at = options.exportedAt;
  const objectType: ReqifSpecType = { identifier: "pmokit-sot-requirement", longName: "Requirement", lastChange: at, kind: "SPEC-OBJECT-TYPE", attributes: Object.values(ATTRS).map((a) => ({ ...a, lastChange: at })) };
  const val = (a: ReqifAttributeDefinition, value: string): ReqifValue => ({ kind: a.kind, definitionRef: a.identifier, value });
  // Ids that came from a ReqIF import (`<projectId>:<IDENTIFIER>`) get their IDENTIFIER back, so a re-import
  // gives the same ids.
  const local = (id: string, projectId: string | undefined) => ncname(projectId && id.startsWith(`${projectId}:`) ? id.slice(projectId.length + 1) : id);
  const objId = new Map(requirements.map((r) => [r.id, local(r.id, r.projectId)]));
  const projectOf = new Map(requirements.map((r) => [r.id, r.projectId]));
  const specObjects = requirements.map((r) => {
    const heading = r.tags?.includes("heading") === true;
    const values: ReqifValue[] = [
      val(ATTRS.foreign, r.key), val(ATTRS.name, r.title),
      heading ? val(ATTRS.chapter, xhtml(r.title)) : val(ATTRS.text, ownEntry(options.richText, r.id) ?? xhtml(r.statement)),
      val(ATTRS.type, r.type), val(ATTRS.priority, r.priority), val(ATTRS.verification, r.verificationMethod), val(ATTRS.status, r.status),
      ...(r.rationale ? [val(ATTRS.rationale, r.rationale)] : []),
      ...(r.acceptanceCriteria.length > 0 ? [val(ATTRS.criteria, criteriaText(r.acceptanceCriteria))] : []),
      // The rest of the requirement, so that a re-import gives it back whole (a lost level, revision or audience list
      // would change its coverage rule, its links' revision status and who must acknowledge it).
      ...(r.level !== undefined ? [val(ATTRS.level, r.level)] : []),
      ...(r.revision !== undefined ? [val(ATTRS.revision, String(r.revision))] : []),
      ...(r.ownerId !== undefined ? [val(ATTRS.owner, r.ownerId)] : []),
      ...(r.parentId !== undefined ? [val(ATTRS.parent, r.parentId)] : []),
      ...(r.sourceStakeholderId !== undefined ? [val(ATTRS.stakeholder, r.sourceStakeholderId)] : []),
      ...(r.audiences !== undefined ? [val(ATTRS.audiences, r.audiences.join("\n"))] : []),
      ...(r.tags !== undefined ? [val(ATTRS.tags, r.tags.join("\n"))] : []),
      val(ATTRS.createdOn, r.createdAt),
    ];
    return { identifier: objId.get(r.id)!, lastChange: r.updatedAt, typeRef: objectType.identifier, values: values.sort((a, b) => compareCodePoints(a.kind, b.kind)) };
  });
  // MAX-LENGTH is required on a STRING datatype: room for every STRING value written (at least 255).
  let maxLength = 255;
  for (const o of specObjects) for (const v of o.values) if (v.kind === "STRING") maxLength = Math.max(maxLength, (v.value as string).length);
  const linkTypes = [...new Set(links.map((l) => l.linkType))].sort();
  const relTypeId = (t: string) => `pmokit-srt-${t.replace(/[^A-Za-z0-9]+/g, "-")}`;
  // A link's review (the fingerprint and revision it recorded, who reviewed it and when) is written as relation
  // attributes, so a re-import keeps a suspect link suspect instead of turning it into one never reviewed.
  const relAttrs = (t: string) => ({
    ...(Object.fromEntries(LINK_FIELDS.map((f) => [f, { ...attr(`pmokit.${f}`, "STRING"), identifier: `${relTypeId(t)}-${f}`, lastChange: at }])) as Record<(typeof LINK_FIELDS)[number], ReqifAttributeDefinition>),
    createdOn: { ...ATTRS.createdOn, identifier: `${relTypeId(t)}-createdOn`, lastChange: at },
  });
  const relTypes: ReqifSpecType[] = linkTypes.map((t) => ({
    identifier: relTypeId(t), longName: t.startsWith("custom:") ? t.slice(7) : t, lastChange: at, kind: "SPEC-RELATION-TYPE", attributes: Object.values(relAttrs(t)),
  }));
  const specRelations = links
    .filter((l) => l.from.kind === "requirement" && l.to.kind === "requirement" && objId.has(l.from.id) && objId.has(l.to.id))
    .map((l) => {
      const defs = relAttrs(l.linkType);
      const values = [...LINK_FIELDS.flatMap((f) => (l[f] !== undefined ? [val(defs[f], String(l[f]))] : [])), val(defs.createdOn, l.createdAt)];
      return {
        identifier: local(l.id, projectOf.get(l.from.id)), lastChange: l.updatedAt, typeRef: relTypeId(l.linkType),
        source: objId.get(l.from.id)!, target: objId.get(l.to.id)!, values,
      };
    });
  for (const r of specRelations) for (const v of r.values) if (v.kind === "STRING") maxLength = Math.max(maxLength, (v.value as string).length);
  let n = 0;
  const nodes = (list: readonly OutlineNode[]): ReqifHierarchy[] =>
    list.filter((x) => objId.has(x.requirementId)).map((x) => ({ identifier: `pmokit-sh-${++n}`, lastChange: at, objectRef: objId.get(x.requirementId)!, children: nodes(x.children) }));
  const outline = options.outline ?? [{ identifier: "pmokit-spec-1", title: options.title, nodes: requirements.map((r) => ({ requirementId: r.id, title: r.title, children: [] })) }];
  return {
    header: { identifier: "pmokit-header", creationTime: at, reqifToolId: "pmokit", reqifVersion: "1.0", sourceToolId: "pmokit", title: options.title },
    datatypes: [
      { identifier: STRING_T, longName: "T_String", lastChange: at, kind: "STRING", maxLength: String(maxLength) },
      { identifier: XHTML_T, longName: "T_Xhtml", lastChange: at, kind: "XHTML" },
      { identifier: DATE_T, longName: "T_Date", lastChange: at, kind: "DATE" },
    ],
    specTypes: [objectType, ...relTypes, { identifier: "pmokit-spt", longName: "Specification", lastChange: at, kind: "SPECIFICATION-TYPE", attributes: [] }],
    specObjects,
    specRelations,
    specifications: outline.map((o) => ({ identifier: ncname(o.identifier), longName: o.title, lastChange: at, typeRef: "pmokit-spt", values: [], children: nodes(o.nodes) })),
  };
}
