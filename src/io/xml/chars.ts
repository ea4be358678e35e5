import { ValidationError } from "../../core/index.js";
import { NOT_XML_CHAR } from "../../core/xml-char.js";
import { xmlFragmentProblem } from "./fragment.js";

/**
 * Whether a code point is a `Char` of XML 1.0 (§2.2): tab, line feed, carriage return, U+0020–U+D7FF,
 * U+E000–U+FFFD and U+10000–U+10FFFF. NUL, other C0 controls, lone surrogates and U+FFFE/U+FFFF are not — written
 * raw or as a character reference (`&#0;`, `&#xD800;`).
 *
 * @example
 * ```ts
 * isXmlChar(0x9);    // true
 * isXmlChar(0);      // false
 * isXmlChar(0xd800); // false
 * ```
 */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

// A raw character outside Char (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, a lone surrogate), or any numeric reference.
const SUSPECT = new RegExp(`${NOT_XML_CHAR.source}|&#(x[0-9a-fA-F]+|[0-9]+);`, "g");

/**
 * Refuses a document that holds a character XML forbids, raw or as a character reference — what a conforming
 * parser (saxes, used for ReqIF) refuses, so every pmokit XML reader agrees. Without it `&#0;` would become a NUL
 * in a task name.
 *
 * @throws {ValidationError} naming the character and its line.
 * @example
 * ```ts
 * assertXmlChars("<Name>a&#0;b</Name>", "MSPDI file"); // throws: character reference &#0; at line 1 is not an XML character
 * ```
 */
export function assertXmlChars(text: string, subject: string): void {
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(text); m !== null; m = SUSPECT.exec(text)) {
    const ref = m[1];
    if (ref === undefined) {
      const cp = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      throw ValidationError.single([], `character U+${cp} at line ${lineAt(text, m.index)} is not allowed in XML; refused`, subject);
    }
    const cp = ref.startsWith("x") ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10);
    if (!isXmlChar(cp)) throw ValidationError.single([], `character reference ${m[0]} at line ${lineAt(text, m.index)} is not an XML character; refused`, subject);
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}


/**
 * Refuses a tree about to be written as XML (an XMLBuilder input: objects, arrays, strings) when a string in it holds
 * a character XML 1.0 cannot carry — a vertical tab pasted from Word, U+FFFE, a lone surrogate. Written, it would
 * make the whole file unreadable (every conforming reader, pmokit's included, refuses it); refused here, the issue
 * names the element path of each such text. An element in a list is named by `key` when it gives a name for it (its
 * IDENTIFIER, its UID, as the readers name it: `SPEC-OBJECT[REQ-1]`, `Task[UID=3]`), else by its position. @internal
 *
 * With `markup`, a string at a path it accepts is markup written as-is (ReqIF's XHTML values): it must be a
 * well-formed XML fragment too, or it would change the file around it (`</THE-VALUE>` ending the value early, a
 * bare `<`), and is refused at its path naming saxes' complaint.
 *
 * @throws {ValidationError} one issue per such text, at its element path (`["Tasks", "Task", 3, "Name"]`).
 * @example
 * ```ts
 * refuseNonXmlText({ Project: { Name: "a\u000bb" } }, "MSPDI export"); // throws at ["Project", "Name"]: U+000B
 * refuseNonXmlText({ Tasks: { Task: [{ UID: "3", Name: "a\u000bb" }] } }, "MSPDI export", (el, t) => `${el}[UID=${t["UID"]}]`);
 * // throws at ["Tasks", "Task[UID=3]", "Name"]
 * ```
 */
export function refuseNonXmlText(tree: unknown, subject: string, key?: (element: string, item: Record<string, unknown>) => string | undefined, markup?: (path: readonly (string | number)[]) => boolean): void {
  const issues: { path: (string | number)[]; message: string; code: "custom" }[] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (typeof v === "string") {
      const at = v.search(NOT_XML_CHAR); // a character XML 1.0 cannot carry (core/xml-char.ts)
      if (at >= 0) issues.push({ path, message: `text holds U+${v.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0")} at index ${at}, which XML 1.0 cannot carry (the file would be unreadable); refused`, code: "custom" });
      const problem = at < 0 && markup?.(path) === true ? xmlFragmentProblem(v) : undefined;
      if (problem !== undefined) issues.push({ path, message: `XHTML value is not well-formed XML (${problem}): written as markup it would change the file around it; refused`, code: "custom" });
    } else if (Array.isArray(v)) {
      const element = path[path.length - 1];
      v.forEach((x, i) => {
        const name = key && typeof element === "string" && x !== null && typeof x === "object" ? key(element, x as Record<string, unknown>) : undefined;
        // A name that itself holds such a character (a hostile IDENTIFIER) is no name: the position stands.
        walk(x, name !== undefined && name.search(NOT_XML_CHAR) < 0 ? [...path.slice(0, -1), name] : [...path, i]);
      });
    } else if (v !== null && typeof v === "object") for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k.startsWith("@_") ? `@${k.slice(2)}` : k]);
  };
  walk(tree, []);
  if (issues.length > 0) throw new ValidationError(issues, subject);
}
