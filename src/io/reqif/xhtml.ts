import { XMLParser } from "fast-xml-parser";
import { decodeXmlText } from "../xml/parse-xml.js";
import { BLOCKS, BR, CELLS, EDGE, PRE_START, SPACE, collapse, joinLines, streamedPlainText } from "./xhtml-walk.js";

let parser: XMLParser | undefined;
function fragmentParser(): XMLParser {
  parser ??= new XMLParser({
    preserveOrder: true,
    ignoreAttributes: true,
    removeNSPrefix: true,
    processEntities: false,
    parseTagValue: false,
    trimValues: false,
    maxNestedTags: 256,
    tagValueProcessor: (_n, v) => decodeXmlText(v),
  });
  return parser;
}

type Ordered = Record<string, unknown>;

function walk(nodes: readonly Ordered[], out: string[], inPre = false): void {
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ":@") continue;
      if (key === "#text") {
        out.push(collapse(String(value), inPre));
        continue;
      }
      if (key === "object") {
        // An embedded object (OLE, image): its fallback children are alternatives, not text; keep one marker.
        out.push("[object]");
        continue;
      }
      if (key === "br") {
        out.push(BR);
        continue;
      }
      const sep = BLOCKS.has(key) ? EDGE : CELLS.has(key) ? SPACE : "";
      out.push(sep);
      if (key === "pre") out.push(PRE_START);
      if (Array.isArray(value)) walk(value as Ordered[], out, inPre || key === "pre");
      out.push(sep);
    }
  }
}

/**
 * Flattens a ReqIF XHTML value to plain text as a browser's innerText shows it: text nodes in document order, a line
 * break around block elements (`p`, `div`, `li`, headings, table rows …; merged, so an empty paragraph adds no line)
 * and one per `br` (`<br/><br/>` is a blank line); only the white space HTML collapses (space, tab, line feed, carriage
 * return, form feed) becomes one space, none at a line's start or end — a no-break space is kept; `pre` keeps all its
 * spaces and line breaks; table cells apart by a space; an embedded `object` (OLE, image) shown as `[object]`. The
 * XHTML itself is kept as rich text by the importer.
 *
 * @example
 * ```ts
 * xhtmlToPlainText('<xhtml:div><xhtml:p>The system <xhtml:b>shall</xhtml:b> log in.</xhtml:p></xhtml:div>');
 * // "The system shall log in."
 * xhtmlToPlainText("<xhtml:p>Step 1<xhtml:br/><xhtml:br/>Step&#160;2</xhtml:p>"); // "Step 1\n\nStep\u00a02"
 * ```
 */
export function xhtmlToPlainText(xhtml: string): string {
  if (!xhtml.includes("<")) return joinLines([collapse(decodeXmlText(xhtml), false)]);
  // A fragment saxes refuses (not well-formed, too deep): the lenient fast-xml-parser walk decides, as before.
  return streamedPlainText(xhtml) ?? joinLines(walkedWithFastXmlParser(xhtml));
}

/**
 * The flattening through fast-xml-parser's ordered tree: the fallback for fragments saxes refuses, and the
 * reference the streaming walk is tested against. Internal.
 *
 * @example
 * ```ts
 * plainTextWithFastXmlParser("<xhtml:p>a</xhtml:p>"); // "a"
 * ```
 */
export function plainTextWithFastXmlParser(xhtml: string): string {
  if (!xhtml.includes("<")) return joinLines([collapse(decodeXmlText(xhtml), false)]);
  return joinLines(walkedWithFastXmlParser(xhtml));
}

function walkedWithFastXmlParser(xhtml: string): string[] {
  const tree = fragmentParser().parse(`<root>${xhtml}</root>`) as Ordered[];
  const parts: string[] = [];
  walk(tree, parts);
  return parts;
}
