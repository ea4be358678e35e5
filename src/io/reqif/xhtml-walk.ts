import { SaxesParser } from "saxes";
import type { RawContentListener } from "../xml/stream-xml.js";
import { decodeXmlText } from "../xml/parse-xml.js";

/** XHTML elements that end a line of plain text (`br` is not one: it is a line break of its own, see {@link BR}). */
export const BLOCKS: ReadonlySet<string> = new Set([
  "p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "blockquote", "address", "hr",
  "table", "caption", "ul", "ol", "dl",
]);

/**
 * The walk's marks, characters XML text cannot hold: a block edge (a line break that merges with the next block edge
 * and disappears at the start or end, as innerText's "required line break") and collapsible white space (a space
 * that merges with its neighbours and disappears beside a line break). A `br` is a real "\n", as is a line break in `pre`.
 */
export const EDGE = "\u0000";
export const SPACE = "\u0001";
/** Right after a `pre` start tag: a line feed that follows it is dropped, as HTML drops it (authors write one there). */
export const PRE_START = "\u0002";
/** What a `br` adds: a line break that is kept, so `<br/><br/>` is a blank line. */
export const BR = "\n";

/** XHTML table cells: separated from their neighbours by a space (a browser's innerText puts a tab between cells). */
export const CELLS: ReadonlySet<string> = new Set(["td", "th"]);

/**
 * Deepest element nesting the streaming walk flattens; deeper fragments go to the fast-xml-parser walk, which keeps
 * its own limit (256) and so decides exactly as before.
 */
const MAX_DEPTH = 128;

/**
 * One flattening walk over XHTML events: text in document order, a line break around block elements, `[object]`
 * for an embedded object (OLE, image) and nothing of its fallback children, which are alternatives, not text.
 */
class PlainTextWalk {
  readonly out: string[] = [];
  private readonly names: string[] = [];
  private skip = 0;
  /** Open `pre` elements: inside one, line breaks in the text are kept. */
  private pre = 0;
  failed = false;

  open(name: string): void {
    if (this.failed) return;
    this.names.push(name);
    if (this.names.length > MAX_DEPTH) this.failed = true;
    if (this.skip > 0) this.skip++;
    else if (name === "object") {
      this.out.push("[object]");
      this.skip = 1;
    } else if (name === "br") this.out.push(BR);
    else if (BLOCKS.has(name)) {
      this.out.push(EDGE);
      if (name === "pre") {
        this.pre++;
        this.out.push(PRE_START);
      }
    } else if (CELLS.has(name)) this.out.push(SPACE);
  }

  close(): void {
    if (this.failed) return;
    const name = this.names.pop()!;
    if (this.skip > 0) this.skip--;
    else if (BLOCKS.has(name)) {
      this.out.push(EDGE);
      if (name === "pre") this.pre--;
    } else if (CELLS.has(name)) this.out.push(SPACE);
  }

  text(t: string): void {
    if (!this.failed && this.skip === 0) this.out.push(collapse(t, this.pre > 0));
  }

  /** CDATA is decoded, as fast-xml-parser's text processor decodes it on the reference path. */
  cdata(t: string): void {
    if (!this.failed && this.skip === 0) this.out.push(collapse(decodeXmlText(t), this.pre > 0));
  }
}

/**
 * Whitespace of a text node as a browser renders it: outside `pre`, the white space HTML collapses (space, tab, line
 * feed, carriage return, form feed) is one collapsible space — a line break in the markup is a space like any other,
 * so a paragraph wrapped in the source stays one line. A no-break or other Unicode space is text, kept as written;
 * inside `pre` everything is kept.
 */
export function collapse(text: string, inPre: boolean): string {
  return inPre ? text : text.replace(/[ \t\n\r\f]+/g, SPACE);
}

/**
 * The plain text of a walk, as innerText: runs of collapsible spaces are one space, and none is kept at the start or
 * end of a line; block edges in a row are one line break, none at the start or end, and none right after a kept line
 * break (a `br` or `pre` line break that already ended the line, as a trailing `<br/>` in a paragraph shows no empty
 * line); a line feed right after a `pre` start tag is dropped, as HTML drops it; kept line breaks (`br`, `pre`) and every other character stay as written, so `<br/><br/>` is a blank line
 * and the indentation of `pre` stays.
 */
export function joinLines(out: readonly string[]): string {
  return out
    .join("")
    .replace(/\u0002\n?/g, "")
    .replace(/\u0001+/g, SPACE)
    .replace(/\u0001(?=[\u0000\n]|$)|(?<=[\u0000\n]|^)\u0001/g, "")
    .replace(/(?<=\n)\u0000+|^\u0000+|\u0000+$/g, "")
    .replace(/\u0000+/g, "\n")
    .replace(/\u0001/g, " ")
    .trim();
}

/** Local name of a qualified element name (`xhtml:p` → `p`), as fast-xml-parser's `removeNSPrefix`. */
function localName(name: string): string {
  const parts = name.split(":");
  return parts.length === 2 ? parts[1]! : name;
}

let current = new PlainTextWalk();
let saxes: SaxesParser | undefined;

/** One saxes parser for all fragments, made once (it resets itself on close); its handlers feed `current`. */
function fragmentParser(): SaxesParser {
  if (saxes) return saxes;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("error", (err) => {
    if (!err.message.endsWith("undefined entity.")) current.failed = true; // an unknown entity stays as written
  });
  parser.on("opentag", (tag) => current.open(localName(tag.name)));
  parser.on("closetag", () => current.close());
  parser.on("text", (t) => current.text(t));
  parser.on("cdata", (t) => current.cdata(t));
  saxes = parser;
  return parser;
}

/**
 * Flattens one XHTML fragment with saxes in a streaming pass; `undefined` when saxes finds it malformed or nested
 * deeper than 256 levels (the caller then falls back to the lenient fast-xml-parser walk).
 */
export function streamedPlainText(xhtml: string): string | undefined {
  const walk = new PlainTextWalk();
  current = walk;
  try {
    fragmentParser().write(`<root>${xhtml}</root>`).close();
  } catch {
    saxes = undefined; // a parser left mid-document is not reused
    return undefined;
  }
  return walk.failed ? undefined : joinLines(walk.out);
}

/** Plain text of the XHTML values flattened while a document was read, by the raw (trimmed) markup. */
const flattenedByDocument = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * A {@link RawContentListener} that flattens every XHTML value as the document streams by (the same walk as
 * `xhtmlToPlainText`), keyed by its trimmed markup. Values without markup are left to `xhtmlToPlainText`.
 */
export class XhtmlCollector implements RawContentListener {
  readonly flattened = new Map<string, string>();
  private walk = new PlainTextWalk();

  start(): void {
    this.walk = new PlainTextWalk();
    this.walk.open("root");
  }
  open(name: string): void {
    this.walk.open(name);
  }
  close(): void {
    this.walk.close();
  }
  text(t: string): void {
    this.walk.text(t);
  }
  cdata(t: string): void {
    this.walk.cdata(t);
  }
  end(raw: string): void {
    const key = raw.trim();
    if (!this.walk.failed && key.includes("<")) this.flattened.set(key, joinLines(this.walk.out));
  }

  /** Remembers the flattened values for `document` (the model object readReqif returns). */
  attach(document: object): void {
    flattenedByDocument.set(document, this.flattened);
  }
}

/**
 * The XHTML values flattened while `document` was read, by trimmed markup (empty for a document built otherwise).
 *
 * @example
 * ```ts
 * flattenedXhtml(readReqif(text).document).get(markup);
 * ```
 */
export function flattenedXhtml(document: object): ReadonlyMap<string, string> {
  return flattenedByDocument.get(document) ?? new Map();
}
