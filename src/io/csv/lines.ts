import { ValidationError } from "../../core/index.js";

/**
 * The physical line a CSV record starts on, as an editor or a spreadsheet's text import shows it: the header is line
 * 1 (unless blank lines come before it), a quoted field holding line breaks makes its record span several lines, and
 * blank lines count. csv-parse's own `info.lines` drifts on a quoted `\r\n` (it counts two lines), so lines are
 * counted here from the byte offset where csv-parse ends each record (`info.bytes`, UTF-8 bytes, the record
 * delimiter included).
 *
 * Text is pushed in the chunks the parser receives (one chunk for a whole text); a line ends at `\n`, `\r\n` or a
 * lone `\r`, as editors count them. Consumed chunks are dropped, so a stream holds only what the parser holds.
 *
 * @internal
 */
export class RecordLines {
  private readonly chunks: string[] = [];
  private at = 0; // index in chunks[0]
  private byte = 0; // byte offset of chunks[0][at]
  private line = 1; // line of chunks[0][at]
  private lastCr = false;

  /**
   * Adds the next piece of text, exactly as given to the parser.
   *
   * @example
   * ```ts
   * const lines = new RecordLines();
   * lines.push('id,title\n"r1","a\nb"\n');
   * ```
   */
  push(chunk: string): void {
    if (chunk.length > 0) this.chunks.push(chunk);
  }

  /**
   * The line where the next record starts, given the byte offset where csv-parse ended it (`info.bytes`): blank
   * lines before the record are skipped, then the count moves past the record.
   *
   * @example
   * ```ts
   * lines.next(9);  // 1 (the header "id,title\n")
   * lines.next(20); // 2 (the record on lines 2–3)
   * ```
   */
  next(end: number): number {
    // Blank lines (skipped by the parser) and the UTF-8 BOM come before the record's first character.
    for (let c = this.peek(); c === "\n" || c === "\r" || (c === "\ufeff" && this.byte === 0); c = this.peek()) this.step();
    const start = this.line;
    while (this.byte < end && this.peek() !== undefined) this.step();
    return start;
  }

  private peek(): string | undefined {
    while (this.chunks.length > 0 && this.at >= this.chunks[0]!.length) {
      this.chunks.shift();
      this.at = 0;
    }
    return this.chunks[0]?.[this.at];
  }

  private step(): void {
    const chunk = this.chunks[0]!;
    const code = chunk.charCodeAt(this.at);
    if (code >= 0xd800 && code <= 0xdbff && this.at + 1 < chunk.length && (chunk.charCodeAt(this.at + 1) & 0xfc00) === 0xdc00) {
      this.at += 2; // a surrogate pair: 4 bytes (a lone surrogate is encoded as U+FFFD, 3 bytes, below)
      this.byte += 4;
      this.lastCr = false;
      return;
    }
    this.at++;
    this.byte += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (code === 0x0d) this.line++;
    else if (code === 0x0a && !this.lastCr) this.line++;
    this.lastCr = code === 0x0d;
  }
}

/**
 * The refusal of a row whose field count is not the header's (an unquoted comma shifts every later value one column
 * to the right; a row cut short leaves the last columns empty).
 *
 * @example
 * ```ts
 * fieldCountMessage(7, 8, 9); // "line 7 has 9 fields where the header has 8 (an unquoted comma?); values would land under the wrong columns"
 * ```
 * @internal
 */
export function fieldCountMessage(line: number, expected: number, found: number): string {
  return `line ${line} has ${found} field${found === 1 ? "" : "s"} where the header has ${expected} (${found > expected ? "an unquoted comma" : "a row cut short"}?); values would land under the wrong columns`;
}

/**
 * Whether a file's first record is Excel's separator hint, a line `sep=X`: true when X is the delimiter in use (the
 * line is then skipped; the header follows it). A hint naming another separator refuses the file at `[line, ""]`:
 * read with the wrong delimiter, every row would be refused for its field count.
 *
 * @throws {ValidationError} when the line names another separator than `delimiter`.
 * @example
 * ```ts
 * separatorLine(["sep=", ""], ";", 1, "cost-entry CSV"); // true (the line "sep=;")
 * ```
 * @internal
 */
export function separatorLine(record: readonly string[], delimiter: string, line: number, subject: string): boolean {
  const m = /^sep=([\s\S])$/i.exec(record.join(delimiter));
  if (m === null) return false;
  if (m[1] === delimiter) return true;
  const name = (d: string) => (d === "\t" ? "a tab" : `"${d}"`);
  throw ValidationError.single([line, ""], `the first line ${JSON.stringify(record.join(delimiter))} says the fields are separated by ${name(m[1]!)}: read the file with delimiter ${name(m[1]!)}`, subject);
}

/**
 * Whether a header ends with the delimiter (`a;b;c;`, as some tools end every line): its last field is empty. The
 * import then drops that empty column from every line — each must end so too (see {@link trailingFieldIssue}).
 *
 * @example
 * ```ts
 * endsWithDelimiter(["id", "title", ""]); // true
 * ```
 * @internal
 */
export function endsWithDelimiter(header: readonly string[]): boolean {
  return header.length > 1 && header[header.length - 1] === "";
}

/** The report's notice of a file whose lines all end with the delimiter. @internal */
export function trailingDelimiterNotice(delimiter: string, headerLine: number): { path: string; message: string; code: string } {
  return { path: `line ${headerLine}`, message: `every line ends with the delimiter ${JSON.stringify(delimiter)} (an empty last field, as some tools export): that empty column was dropped`, code: "trailing-delimiter" };
}

/**
 * A data row of a file whose header ends with the delimiter must end so too, its last field empty: the refusal of
 * one that does not (the columns are then not what the header says), or `undefined` when it does. `named` is the
 * header's field count without the empty last one.
 *
 * @example
 * ```ts
 * trailingFieldIssue(["c1", "x", ""], 2, 2, ";"); // undefined
 * trailingFieldIssue(["c1", "x"], 2, 3, ";");     // { path: [3, ""], message: "line 3 does not end with the delimiter …" }
 * ```
 * @internal
 */
export function trailingFieldIssue(cells: readonly string[], named: number, line: number, delimiter: string): { path: (string | number)[]; message: string; code: "custom" } | undefined {
  if (cells.length === named + 1 && cells[named] === "") return undefined;
  const message = cells.length === named
    ? `line ${line} does not end with the delimiter ${JSON.stringify(delimiter)} as the header does: an empty last column is dropped only when every line has it`
    : cells.length === named + 1
      ? `line ${line} has the value ${JSON.stringify(cells[named]!.length > 40 ? `${cells[named]!.slice(0, 40)}…` : cells[named])} in the last column, which has no header: it would be lost`
      : fieldCountMessage(line, named + 1, cells.length);
  return { path: [line, ""], message, code: "custom" };
}
