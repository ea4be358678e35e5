import { XMLParser } from "fast-xml-parser";
import { decodeXmlText } from "../xml/parse-xml.js";

/** XHTML elements that end a line of plain text. */
const BLOCKS = new Set([
  "p", "div", "br", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "blockquote", "address", "hr",
  "table", "caption", "ul", "ol", "dl",
]);

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

function walk(nodes: readonly Ordered[], out: string[]): void {
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ":@") continue;
      if (key === "#text") {
        out.push(String(value));
        continue;
      }
      if (key === "object") {
        // An embedded object (OLE, image): its fallback children are alternatives, not text; keep one marker.
        out.push("[object]");
        continue;
      }
      const block = BLOCKS.has(key);
      if (block) out.push("\n");
      if (Array.isArray(value)) walk(value as Ordered[], out);
      if (block) out.push("\n");
    }
  }
}

/**
 * Flattens a ReqIF XHTML value to plain text: text nodes in document order, a line break around block elements
 * (`p`, `div`, `br`, `li`, headings, table rows …), runs of spaces collapsed, blank lines dropped, and an embedded
 * `object` (OLE, image) shown as `[object]`. The XHTML itself is kept as rich text by the importer.
 *
 * @example
 * ```ts
 * xhtmlToPlainText('<xhtml:div><xhtml:p>The system <xhtml:b>shall</xhtml:b> log in.</xhtml:p></xhtml:div>');
 * // "The system shall log in."
 * ```
 */
export function xhtmlToPlainText(xhtml: string): string {
  if (!xhtml.includes("<")) return decodeXmlText(xhtml).replace(/\s+/g, " ").trim();
  const tree = fragmentParser().parse(`<root>${xhtml}</root>`) as Ordered[];
  const out: string[] = [];
  walk(tree, out);
  return out
    .join("")
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l.length > 0)
    .join("\n");
}
