import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ValidationError } from "../../core/index.js";
import { CRITICAL_NAMES, guardXmlText, reservedNameError } from "./guard.js";
import { decodeXmlText, type SafeXmlOptions } from "./parse-xml.js";
import { ownText } from "./own-text.js";

type Obj = Record<string, unknown>;

/**
 * One open element: its name, its object (attributes and children, made on first use), its text trimmed piece by
 * piece (kept beside child elements) and as written (kept when it has no child element: see `ownText`).
 */
interface Frame {
  readonly name: string;
  obj: Obj | undefined;
  text: string | undefined;
  exact?: string;
  kids?: boolean;
}


/** `a:b` → `b` (one prefix, as fast-xml-parser's `removeNSPrefix`); `xmlns` declarations give "" (dropped). */
function localName(name: string, attribute: boolean): string {
  const colon = name.indexOf(":");
  if (colon < 0) return attribute && name === "xmlns" ? "" : name;
  if (attribute && name.slice(0, colon) === "xmlns") return "";
  return name.indexOf(":", colon + 1) < 0 ? name.slice(colon + 1) : name;
}

/**
 * Attribute values exactly as written (entities decoded, line ends as `\n`), for the rare tag whose values
 * hold a literal tab or line break: an XML parser normalises those to spaces, and the model keeps what the tool wrote.
 */
function rawAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, decodeXmlText((m[2] ?? m[3] ?? "").replace(/\r\n?/g, "\n")));
  }
  return out;
}

/**
 * Receives the markup inside raw nodes while the document streams by, so a caller can read it in the same pass
 * (ReqIF flattens XHTML values this way). Element names are local (prefix removed); text is decoded.
 */
export interface RawContentListener {
  /** A raw node opens. */
  start(): void;
  /** An element inside it opens. */
  open(name: string): void;
  /** That element closes. */
  close(): void;
  /** Text inside it. */
  text(text: string): void;
  /** A CDATA section inside it (as written). */
  cdata(text: string): void;
  /** The raw node closes; `raw` is its content as kept in the tree. */
  end(raw: string): void;
}

function add(parent: Frame, name: string, value: unknown, arrays: { has(name: string): boolean }): void {
  const obj = (parent.obj ??= {});
  if (Object.hasOwn(obj, name)) {
    const prev = obj[name];
    if (Array.isArray(prev)) prev.push(value);
    else obj[name] = [prev, value];
  } else {
    obj[name] = arrays.has(name) ? [value] : value;
  }
}

/**
 * Parses an untrusted XML text in one streaming pass with the `saxes` SAX parser (a conforming, well-formedness
 * checking parser) into the same plain objects as {@link parseXmlSafely}: attributes as `@_name`, text beside
 * children as `#text`, text-only elements as strings, repeated or listed (`arrays`) elements as arrays, namespace
 * prefixes removed, values kept as strings, and `rawNodes` kept as their raw XML text. The same refusals apply: a
 * DOCTYPE or ENTITY declaration, nesting deeper than `maxDepth` (counted as elements open, no recursion), element
 * names `__proto__`/`constructor`/`prototype`, and malformed XML (one error with saxes' line and column). An
 * undefined entity such as `&nbsp;` is kept as written, as the fast-xml-parser path does.
 *
 * @throws {ValidationError} on a DOCTYPE, too-deep nesting, a reserved name, a too-large document or malformed XML.
 * @example
 * ```ts
 * const doc = parseXmlStream("<a><b x='1'>t</b></a>", "example");
 * // { a: { b: { "#text": "t", "@_x": "1" } } }
 * ```
 */
export function parseXmlStream(text: string, subject: string, options: SafeXmlOptions = {}, listener?: RawContentListener): Obj {
  const maxDepth = options.maxDepth ?? 256;
  const body = guardXmlText(text, subject, options.maxChars ?? 512 * 1024 * 1024);
  const listed = options.arrays ?? new Set<string>();
  const memo = new Map<string, boolean>(); // `arrays` may be a costly test (a regex); names repeat
  const arrays = { has: (name: string): boolean => memo.get(name) ?? (memo.set(name, listed.has(name)), listed.has(name)) };
  const raw = (options.rawNodes ?? []).map((p) => p.split("."));
  const rawLast = new Set(raw.map((p) => p[p.length - 1]!));
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Frame[] = [{ name: "", obj: undefined, text: undefined }];
  let rawDepth = 0; // > 0 while inside a raw node: its content is sliced from the text, not built
  let rawStart = 0;

  // Whether the element just pushed ends one of the raw paths (`a.b` = a `b` whose parent is an `a`).
  const isRaw = (): boolean => raw.some((p) => p.every((seg, i) => stack[stack.length - p.length + i]?.name === seg));

  parser.on("error", (err) => {
    if (err.message.endsWith("undefined entity.")) return;
    const message = err.message.replace(/^\d+:\d+: /, "");
    throw ValidationError.single([], `malformed XML at line ${parser.line}, column ${parser.column}: ${message}`, subject);
  });
  // Checked as soon as the name is read, while saxes' line and column still point at it.
  parser.on("opentagstart", (tag) => {
    const name = rawDepth > 0 ? "" : localName(tag.name, false);
    if (CRITICAL_NAMES.has(name)) throw reservedNameError(name, subject, { written: tag.name, parent: stack[stack.length - 1]!.name, line: parser.line, column: parser.column });
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (rawDepth > 0) {
      rawDepth++; // saxes reports a close tag for every element, self-closing ones included
      if (stack.length + rawDepth - 2 > maxDepth) throw ValidationError.single([], `elements are nested deeper than ${maxDepth} levels; refused`, subject);
      listener?.open(localName(tag.name, false));
      return;
    }
    const name = localName(tag.name, false);
    if (stack.length > maxDepth) throw ValidationError.single([], `elements are nested deeper than ${maxDepth} levels; refused`, subject);
    stack[stack.length - 1]!.kids = true;
    const frame: Frame = { name, obj: undefined, text: undefined };
    let exact: Map<string, string> | undefined;
    for (const key in tag.attributes) {
      const attr = localName(key, true);
      if (attr === "") continue;
      let value = tag.attributes[key]!;
      if (value.includes(" ")) {
        exact ??= rawAttributes(body.slice(body.lastIndexOf("<", parser.position - 1), parser.position));
        value = exact.get(key) ?? value;
      }
      (frame.obj ??= {})[`@_${attr}`] = value;
    }
    stack.push(frame);
    if (!tag.isSelfClosing && rawLast.has(name) && isRaw()) {
      rawDepth = 1;
      rawStart = parser.position;
      listener?.start();
    }
  });
  parser.on("text", (t) => {
    if (rawDepth > 0) {
      listener?.text(t);
      return;
    }
    if (stack.length === 1) return;
    const frame = stack[stack.length - 1]!;
    frame.exact = frame.exact === undefined ? t : frame.exact + t;
    const trimmed = t.trim();
    if (trimmed === "") return;
    frame.text = frame.text === undefined ? trimmed : frame.text + trimmed;
  });
  parser.on("cdata", (t) => {
    if (rawDepth > 0) listener?.cdata(t);
    if (rawDepth > 0 || stack.length === 1 || t === "") return;
    const frame = stack[stack.length - 1]!;
    frame.exact = frame.exact === undefined ? t : frame.exact + t;
    frame.text = frame.text === undefined ? t : frame.text + t;
  });
  parser.on("closetag", () => {
    if (rawDepth > 1) {
      rawDepth--;
      listener?.close();
      return;
    }
    const frame = stack.pop()!;
    if (rawDepth === 1) {
      rawDepth = 0;
      const content = body.slice(rawStart, body.lastIndexOf("</", parser.position - 1)).replace(/\r\n?/g, "\n");
      if (content !== "") frame.text = content;
      listener?.end(content);
    }
    const own = ownText(frame);
    let value: unknown;
    if (frame.obj !== undefined) {
      value = frame.obj;
      if (own !== undefined) frame.obj["#text"] = own;
    } else value = own ?? "";
    add(stack[stack.length - 1]!, frame.name, value, arrays);
  });
  parser.write(body).close();
  return stack[0]!.obj ?? {};
}
