import { XMLBuilder } from "fast-xml-parser";
import type { MspdiDocument } from "./read.js";
import { writeElement } from "./element.js";
import { PROJECT_SPEC } from "./spec.js";
import { refuseNonXmlText } from "../xml/chars.js";

/**
 * Writes an MSPDI document as MS Project XML: the project namespace, elements in schema order, money ×100 and
 * durations as `PTnHnMnS`. `readMspdi(writeMspdi(d))` gives back `d` (the round trip of every mapped field).
 *
 * @throws {ValidationError} when a text holds a character XML 1.0 cannot carry (a vertical tab, U+FFFE, a lone
 *   surrogate): one issue per such text at its element path, a task, resource, assignment or calendar named by its UID as
 *   readMspdi names it (`["Project", "Tasks", "Task[UID=3]", "Notes"]`); nothing is
 *   written, where the file would otherwise be one that MS Project and every XML reader refuse.
 * @example
 * ```ts
 * const xml = writeMspdi(projectToMspdi(plan)); // open it in MS Project
 * ```
 */
export function writeMspdi(document: MspdiDocument): string {
  const body = writeElement(document.project, PROJECT_SPEC);
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: false, processEntities: true });
  const tree = { Project: { "@_xmlns": "http://schemas.microsoft.com/project", ...body } };
  // A task, resource, assignment or calendar is named by its UID, as readMspdi names it (`Task[UID=3]`).
  refuseNonXmlText(tree, "MSPDI export", (element, o) => (typeof o["UID"] === "string" ? `${element}[UID=${o["UID"]}]` : undefined));
  // A carriage return in a text is written as a reference: XML reads a literal one as a line feed, so a note's "\r"
  // would come back changed. (The builder's own line breaks are "\n"; MSPDI has no attribute values to mind.)
  const xml = (builder.build(tree) as string).replace(/\r/g, "&#13;");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`;
}
