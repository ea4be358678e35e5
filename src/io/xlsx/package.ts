// The Open Packaging Conventions (ECMA-376 Part 2) as far as reading a workbook needs them: a package's parts are
// found through relationship parts (`_rels/.rels` names the office document; `<folder>/_rels/<part>.rels` holds the
// relationships of that part), a relative target is resolved against its source part's folder (§9.3, RFC 3986 §5.2),
// and part names compare case-insensitively (§9.1.1.1).
import { ValidationError } from "../../core/index.js";
import { scanXml } from "./xml-scan.js";

/** One relationship of a part: its id, type (URI), and the zip entry name of its target. @internal */
export interface PackageRelationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** The relationship part of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package: `_rels/.rels`). @internal */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A relationship target as a zip entry name: `/x/y.xml` from the package root, anything else against the folder of
 * `source` (`""` for the package), `.` and `..` segments resolved. @internal
 */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.replace(/^\/+/, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** The internal relationships of `source` read from its relationship part (external targets are skipped). @internal */
export function readRelationships(bytes: Uint8Array | undefined, source: string): PackageRelationship[] {
  if (bytes === undefined) return [];
  const out: PackageRelationship[] = [];
  scanXml(bytes, `relationships of ${source === "" ? "the package" : source}`, {
    open(name, a) {
      if (name !== "Relationship" || !a["Id"] || !a["Target"] || a["TargetMode"] === "External") return;
      out.push({ id: a["Id"], type: a["Type"] ?? "", target: resolveTarget(source, a["Target"]) });
    },
  });
  return out;
}

/** The last segment of a relationship type, which transitional and strict OOXML share (`…/worksheet`). @internal */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** The part of the package's office document (the workbook), from `_rels/.rels`. @internal */
export function officeDocumentPart(rootRels: Uint8Array | undefined, fallback: string): string {
  if (rootRels === undefined) return fallback; // no package relationships: the conventional name
  const doc = readRelationships(rootRels, "").find((r) => relationshipKind(r.type) === "officeDocument");
  if (doc === undefined) throw ValidationError.single([], "not an xlsx workbook: _rels/.rels names no office document", "XLSX workbook");
  return doc.target;
}

/**
 * Refuses an archive holding a part twice — the same zip entry name, or two names equal but for case: part names
 * compare case-insensitively, and a package with equivalent part names is no package ([M1.12], §9.1.1.1). Which copy a
 * reader takes is its own choice, so the sheet a user checked in Excel need not be the one read. @internal
 */
export function checkUniquePartNames(names: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) {
      const what = other === name ? `${name} twice` : `${other} and ${name}`;
      throw ValidationError.single([], `the archive holds ${what}: a package's part names are unique, ignoring case (ECMA-376 Part 2, §9.1.1.1)`, "XLSX workbook");
    }
    seen.set(name.toLowerCase(), name);
  }
}
