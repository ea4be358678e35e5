import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ValidationError, checkOptionKeys } from "../../core/index.js";
import { optionsObject } from "../../core/guard.js";
import { assertXmlChars, isXmlChar } from "./chars.js";
import { guardXmlText } from "./guard.js";

/** Limits and shape options of {@link parseXmlSafely}. */
export interface SafeXmlOptions {
  /** Deepest element nesting accepted (default 256): deeper files are refused before they can exhaust the stack. */
  readonly maxDepth?: number;
  /** Element names that always parse as arrays (repeating children). */
  readonly arrays?: ReadonlySet<string>;
  /** Element paths (`a.b.c`, namespace prefixes removed) whose content is kept as raw XML text, unparsed. */
  readonly rawNodes?: readonly string[];
  /** Largest document accepted, in characters (default 512 MiB). */
  readonly maxChars?: number;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and numeric character references in a text value. The parser runs with
 * entity processing off (no DTD entities can ever expand), so this is the only decoding that happens. A reference
 * to a character XML forbids (`&#0;`, `&#xD800;`) is refused, never decoded.
 *
 * @throws {ValidationError} on a reference to a character that is not an XML character.
 * @example
 * ```ts
 * decodeXmlText("R&amp;D &#x2192; &lt;done&gt;"); // "R&D → <done>"
 * ```
 */
export function decodeXmlText(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, ref: string) => {
    if (!ref.startsWith("#")) return PREDEFINED[ref] ?? `&${ref};`;
    const cp = ref.startsWith("#x") ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    if (!isXmlChar(cp)) throw ValidationError.single([], `character reference ${m} is not an XML character; refused`, "XML text");
    return String.fromCodePoint(cp);
  });
}

/**
 * Checks an untrusted XML text and parses it with fast-xml-parser into plain objects, refusing what could hurt:
 * a document type declaration (the carrier of entity-expansion "billion laughs" and external-entity attacks — MSPDI
 * and ReqIF never need one), nesting deeper than `maxDepth`, and malformed XML (one {@link ValidationError} with the
 * parser's line and column), and characters XML forbids, raw or as references (`&#0;`, `&#xD800;`). Element and attribute names such as `__proto__` or `constructor` are renamed by the
 * parser (prefixed `__`), so they never reach an object prototype. Values stay strings (no number guessing, so
 * decimal text is kept exactly). Attributes appear as `@_name`, text beside children as `#text`. The text of an element
 * without child elements is kept exactly, leading and trailing white space included (XML white space is significant);
 * white space beside child elements (indentation) and blank texts are dropped.
 *
 * @throws {ValidationError} on a DOCTYPE, too-deep nesting, a too-large document, a forbidden character or malformed XML.
 * @example
 * ```ts
 * const doc = parseXmlSafely("<a><b x='1'>t</b></a>", "example");
 * // { a: { b: { "#text": "t", "@_x": "1" } } }
 * ```
 */
export function parseXmlSafely(text: string, subject: string, options: SafeXmlOptions = {}): Record<string, unknown> {
  options = optionsObject<SafeXmlOptions>(options, "parseXmlSafely");
  checkOptionKeys("parseXmlSafely", options, { maxDepth: 1, arrays: 1, rawNodes: 1, maxChars: 1 } satisfies Record<keyof SafeXmlOptions, 1>);
  const maxDepth = options.maxDepth ?? 256;
  const body = guardXmlText(text, subject, options.maxChars ?? 512 * 1024 * 1024);
  assertXmlChars(body, subject);
  // The validator walks the document iteratively (no recursion), so it is safe to run before the depth check.
  const valid = XMLValidator.validate(body, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw ValidationError.single([], `malformed XML at line ${line}, column ${col}: ${msg}`, subject);
  }
  const arrays = options.arrays ?? new Set<string>();
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    // Text is kept as written in an element that holds only text (`<Name> Task</Name>`: the leading space is the
    // name's); white space between child elements is the writer's indentation and is dropped, as is a blank text.
    trimValues: false,
    maxNestedTags: maxDepth,
    stopNodes: (options.rawNodes ?? []).map((p) => `*.${p}`),
    isArray: (name) => arrays.has(name),
    tagValueProcessor: (_name, value, _path, _attributes, leaf) => (leaf && value.trim() !== "" ? decodeXmlText(value) : decodeXmlText(value.trim())),
    attributeValueProcessor: (_name, value) => decodeXmlText(value),
  });
  try {
    return parser.parse(body) as Record<string, unknown>;
  } catch (e) {
    const message = (e as Error).message;
    if (message.includes("[SECURITY]")) {
      throw ValidationError.single([], `refused: ${message.replace("[SECURITY] ", "")}`, subject);
    }
    if (/nest/i.test(message)) {
      throw ValidationError.single([], `elements are nested deeper than ${maxDepth} levels; refused`, subject);
    }
    throw ValidationError.single([], `malformed XML: ${message}`, subject);
  }
}
