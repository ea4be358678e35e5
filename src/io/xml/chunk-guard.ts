import { ValidationError } from "../../core/index.js";
import { assertXmlChars } from "./chars.js";

/** The guard of one streamed XML text: feed it each chunk, parse what it returns, then parse what `end()` returns. */
export interface XmlChunkGuard {
  /** Checks a chunk; returns the text that may be parsed now (a few characters may be held back for the next one). */
  accept(chunk: string): string;
  /** The held-back rest, checked. */
  end(): string;
  /** Characters seen so far (after a leading byte-order mark). */
  readonly chars: number;
}

const DTD = /<!DOCTYPE|<!ENTITY/i;
/** Longest tail held back so that a pattern cut between two chunks is still seen whole. */
const HOLD = 64;

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * The checks `guardXmlText` and `assertXmlChars` make on a whole text, made on a stream of chunks with the
 * same messages and line numbers: a size limit (counted as the chunks come), a leading byte-order mark dropped, no
 * document type or entity declaration, and no character XML forbids, raw or as a reference (`&#0;`, `&#xD800;`).
 * A short tail of each chunk (a reference, a surrogate pair or a `<!DOCTYPE` cut in two) is held back and checked
 * with the next one.
 *
 * @throws {ValidationError} from `accept`/`end` on a too-large text, a DOCTYPE/ENTITY declaration or a forbidden character.
 * @example
 * ```ts
 * const guard = createXmlChunkGuard("MSPDI file", 512 * 1024 * 1024);
 * for await (const chunk of chunks) parser.write(guard.accept(chunk));
 * parser.write(guard.end()).close();
 * ```
 */
export function createXmlChunkGuard(subject: string, maxChars: number): XmlChunkGuard {
  let carry = "";
  let chars = 0;
  let line = 1; // line of the first character of `carry`
  let first = true;
  const refuseDtd = (text: string, index: number): never => {
    throw ValidationError.single([], `document type declaration at line ${line + countLines(text, index)} refused: DTDs carry entity-expansion and external-entity attacks`, subject);
  };
  const checkChars = (text: string): void => {
    try {
      assertXmlChars(text, subject);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      // assertXmlChars counts lines from the start of `text`; shift them to the document's.
      throw new ValidationError(e.issues.map((i) => ({ ...i, message: i.message.replace(/ at line (\d+)/, (_m, n: string) => ` at line ${line + Number(n) - 1}`) })), subject);
    }
  };
  return {
    get chars() {
      return chars;
    },
    accept(chunk) {
      let text = chunk;
      if (first && text !== "") {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      chars += text.length;
      if (chars > maxChars) throw ValidationError.single([], `document is larger than ${maxChars} characters`, subject);
      const all = carry + text;
      let cut = Math.max(0, all.length - HOLD);
      // Never cut a character reference or a surrogate pair in two.
      const amp = all.lastIndexOf("&", cut - 1);
      if (amp >= 0 && cut - amp <= HOLD && !all.slice(amp, cut).includes(";")) cut = amp;
      const code = all.charCodeAt(cut - 1);
      if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
      const ready = all.slice(0, cut);
      carry = all.slice(cut);
      // A `<!DOCTYPE` straddling the cut is seen with the start of the held tail joined.
      const dtd = DTD.exec(ready + carry.slice(0, 8));
      if (dtd) refuseDtd(ready, dtd.index);
      checkChars(ready);
      line += countLines(ready, ready.length);
      return ready;
    },
    end() {
      const rest = carry;
      carry = "";
      const dtd = DTD.exec(rest);
      if (dtd) refuseDtd(rest, dtd.index);
      checkChars(rest);
      return rest;
    },
  };
}
