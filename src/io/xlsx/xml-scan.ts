import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS, type SaxesTagPlain } from "saxes";
import { ValidationError } from "../../core/index.js";
import { utf8ErrorOffset } from "../utf8.js";

/** What a scan of one workbook part listens to; element names are local (prefix removed). @internal */
export interface XmlScanHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * Streams one XML part of a workbook through saxes in slices, so a large sheet is never one string. A document
 * type declaration is refused (the carrier of entity-expansion and external-entity attacks; OOXML never needs
 * one), and so is an undeclared entity.
 * @internal
 */
export function scanXml(bytes: Uint8Array, part: string, handlers: XmlScanHandlers, options: { readonly namespaces?: boolean } = {}): void {
  // With `namespaces`, a namespaced attribute is keyed `{uri}local` (so `r:id` and `rel:id` bound to the same URI are
  // one key, and an `r:id` in another namespace is not it); unprefixed attributes keep their name.
  const parser = options.namespaces === true ? new SaxesParser({ xmlns: true, position: true }) : new SaxesParser({ xmlns: false, position: true });
  let failure: string | undefined;
  parser.on("doctype", () => {
    failure ??= `${part}: document type declaration refused: DTDs carry entity-expansion and external-entity attacks`;
    throw new Error(failure);
  });
  parser.on("error", (e) => {
    failure ??= `${part}: malformed XML: ${e.message}`;
    throw e;
  });
  parser.on("opentag", (tag: SaxesTagPlain | SaxesTagNS) => {
    if (options.namespaces !== true) return handlers.open?.(local(tag.name), tag.attributes as Record<string, string>);
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes as Record<string, SaxesAttributeNS>)) attributes[a.uri === "" ? a.local : `{${a.uri}}${a.local}`] = a.value;
    handlers.open?.(local(tag.name), attributes);
  });
  parser.on("closetag", (tag) => handlers.close?.(local(tag.name)));
  parser.on("text", (t) => handlers.text?.(t));
  parser.on("cdata", (t) => handlers.text?.(t));
  // A part may be UTF-16 (OPC, ECMA-376 Part 2): its byte order mark says so and which byte order; else UTF-8.
  // Fatal: a byte sequence not well-formed in the part's encoding (a Latin-1 "é" in UTF-8) is refused with its offset,
  // never read as U+FFFD (XML 1.0 §4.3.3), as CSV and ReqIF text is.
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  const decoder = new TextDecoder(encoding, { fatal: true });
  const step = 256 * 1024;
  try {
    for (let i = 0; i < bytes.length; i += step) parser.write(decoder.decode(bytes.subarray(i, Math.min(bytes.length, i + step)), { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    if (failure === undefined && e instanceof TypeError && (e as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA") {
      throw ValidationError.single([], encoding === "utf-8" ? `${part}: not valid UTF-8 at byte offset ${utf8ErrorOffset(bytes)}` : `${part}: not valid ${encoding.toUpperCase()}`, "XLSX workbook");
    }
    throw ValidationError.single([], failure ?? `${part}: ${(e as Error).message}`, "XLSX workbook");
  }
}
