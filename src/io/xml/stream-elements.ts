import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ValidationError } from "../../core/index.js";
import { createXmlChunkGuard } from "./chunk-guard.js";
import { CRITICAL_NAMES, reservedNameError } from "./guard.js";
import type { SafeXmlOptions } from "./parse-xml.js";
import { ownText } from "./own-text.js";

type Obj = Record<string, unknown>;

/** Options of {@link createXmlElementStream}. */
export interface XmlElementStreamOptions extends Pick<SafeXmlOptions, "maxDepth" | "maxChars" | "arrays"> {
  /**
   * Element paths from the root, local names joined by `/` (`Project/Tasks/Task`): each such element is handed to
   * the callback as soon as it closes, as its own small object, and never kept in the tree.
   */
  readonly emit: ReadonlySet<string>;
}

/** A streaming parse of one XML text: write its chunks in order, then close it for the tree of what was not emitted. */
export interface XmlElementStream {
  /** Parses one more chunk; emitted elements reach the callback during the call. */
  write(chunk: string): void;
  /** Ends the text and returns the tree without the emitted elements. */
  close(): Obj;
  /** Characters read so far. */
  readonly chars: number;
}

interface Frame {
  readonly name: string;
  /** Path from the root while it is short enough to be emitted, else undefined. */
  readonly path: string | undefined;
  readonly emit: boolean;
  obj: Obj | undefined;
  text: string | undefined;
  exact?: string;
  kids?: boolean;
}

const local = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 || name.indexOf(":", colon + 1) >= 0 ? name : name.slice(colon + 1);
};

/**
 * Parses an untrusted XML text chunk by chunk with saxes into the plain objects `parseXmlStream` makes
 * (attributes as `@_name`, text beside children as `#text`, text-only elements as strings, repeated or listed
 * elements as arrays, namespace prefixes removed, values kept as strings) — except that each element at an `emit`
 * path is handed to `onElement` when it closes and dropped, so a file of a million tasks is never one tree. The
 * chunks pass the guards of the whole-text readers (`createXmlChunkGuard`: size, DOCTYPE/ENTITY, forbidden
 * characters); nesting deeper than `maxDepth`, element names `__proto__`/`constructor`/`prototype` and malformed
 * XML are refused as `parseXmlStream` refuses them.
 *
 * @throws {ValidationError} from `write`/`close` on any refusal.
 * @example
 * ```ts
 * const xml = createXmlElementStream("MSPDI file", { emit: new Set(["Project/Tasks/Task"]) }, (_path, task) => tasks++);
 * for await (const chunk of readImportChunks("plan.xml")) xml.write(chunk);
 * const rest = xml.close(); // { Project: { Name: "…", Tasks: "" , … } }
 * ```
 */
export function createXmlElementStream(subject: string, options: XmlElementStreamOptions, onElement: (path: string, value: unknown) => void): XmlElementStream {
  const maxDepth = options.maxDepth ?? 256;
  const arrays = options.arrays ?? new Set<string>();
  const emitDepth = Math.max(0, ...[...options.emit].map((p) => p.split("/").length));
  const guard = createXmlChunkGuard(subject, options.maxChars ?? 512 * 1024 * 1024);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Frame[] = [{ name: "", path: "", emit: false, obj: undefined, text: undefined }];

  parser.on("error", (err) => {
    if (err.message.endsWith("undefined entity.")) return; // kept as written, as the whole-text readers do
    throw ValidationError.single([], `malformed XML at line ${parser.line}, column ${parser.column}: ${err.message.replace(/^\d+:\d+: /, "")}`, subject);
  });
  parser.on("doctype", () => {
    throw ValidationError.single([], "document type declaration refused: DTDs carry entity-expansion and external-entity attacks", subject);
  });
  // Checked as soon as the name is read, while saxes' line and column still point at it.
  parser.on("opentagstart", (tag) => {
    const name = local(tag.name);
    if (CRITICAL_NAMES.has(name)) throw reservedNameError(name, subject, { written: tag.name, parent: stack[stack.length - 1]!.name, line: parser.line, column: parser.column });
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (stack.length > maxDepth) throw ValidationError.single([], `elements are nested deeper than ${maxDepth} levels; refused`, subject);
    const parent = stack[stack.length - 1]!;
    parent.kids = true;
    const path = parent.path !== undefined && stack.length <= emitDepth ? (parent.path === "" ? name : `${parent.path}/${name}`) : undefined;
    const frame: Frame = { name, path, emit: path !== undefined && options.emit.has(path), obj: undefined, text: undefined };
    for (const key in tag.attributes) {
      if (key === "xmlns" || key.startsWith("xmlns:")) continue;
      (frame.obj ??= {})[`@_${local(key)}`] = tag.attributes[key]!.trim();
    }
    stack.push(frame);
  });
  const text = (t: string, trim: boolean): void => {
    if (stack.length === 1) return;
    const frame = stack[stack.length - 1]!;
    frame.exact = frame.exact === undefined ? t : frame.exact + t;
    const piece = trim ? t.trim() : t;
    if (piece === "") return;
    frame.text = frame.text === undefined ? piece : frame.text + piece;
  };
  parser.on("text", (t) => text(t, true));
  parser.on("cdata", (t) => text(t, false));
  parser.on("closetag", () => {
    const frame = stack.pop()!;
    const own = ownText(frame);
    let value: unknown;
    if (frame.obj !== undefined) {
      value = frame.obj;
      if (own !== undefined) frame.obj["#text"] = own;
    } else value = own ?? "";
    if (frame.emit) {
      onElement(frame.path!, value);
      return;
    }
    const parent = stack[stack.length - 1]!;
    const obj = (parent.obj ??= {});
    if (Object.hasOwn(obj, frame.name)) {
      const prev = obj[frame.name];
      if (Array.isArray(prev)) prev.push(value);
      else obj[frame.name] = [prev, value];
    } else obj[frame.name] = arrays.has(frame.name) ? [value] : value;
  });
  return {
    get chars() {
      return guard.chars;
    },
    write(chunk) {
      const ready = guard.accept(chunk);
      if (ready !== "") parser.write(ready);
    },
    close() {
      parser.write(guard.end()).close();
      return stack[0]!.obj ?? {};
    },
  };
}
