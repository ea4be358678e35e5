import { parse } from "csv-parse/stream";
import { ValidationError } from "../../core/index.js";
import type { EntityOf } from "../../entities/index.js";
import type { CsvKind } from "./profiles.js";
import { checkRowOptionKeys, CSV_ROW_OPTION_KEYS, CsvRowDecoder, type CsvRowOptions } from "./rows.js";
import { fieldCountFits, isEmptyRow } from "./csv.js";
import { endsWithDelimiter, RecordLines, separatorLine, trailingDelimiterNotice, trailingFieldIssue } from "./lines.js";
import type { ImportWarning } from "../report.js";
import { csvDelimiter, type CsvDelimiter } from "./neutralise.js";
import { csvDecimalMark, type CsvDecimalMark } from "./decimal-mark.js";

/** Options of {@link importCsvBatches}. */
export interface ImportCsvBatchOptions extends CsvRowOptions {
  /** Records per batch (default 1,000). */
  readonly batchSize?: number;
  /** Stop reading once this many problems were found (default 1,000): the error lists the first ones; memory stays bounded. */
  readonly maxProblems?: number;
  /** The field separator: `","` (default), `";"` or `"\t"` (as `importCsv`'s). */
  readonly delimiter?: CsvDelimiter;
  /** The decimal mark of decimal fields: `"."` or `","` (as `importCsv`'s). */
  readonly decimalMark?: CsvDecimalMark;
  /**
   * Called with each problem that does not stop the import — what `importCsv` lists in its report's `warnings`
   * (`trailing-delimiter`: every line ends with the delimiter, so the empty last column was dropped).
   */
  readonly onWarning?: (warning: ImportWarning) => void;
}

const IMPORT_CSV_BATCH_KEYS = { ...CSV_ROW_OPTION_KEYS, batchSize: 1, maxProblems: 1, onWarning: 1 } satisfies Record<keyof ImportCsvBatchOptions, 1>;

const malformed = (kind: string, e: unknown) => {
  const err = e as { lines?: number; message: string };
  return new ValidationError([{ path: [err.lines ?? 0, ""], message: `malformed CSV: ${err.message}`, code: "custom" }], `${kind} CSV`);
};

/**
 * Reads a CSV as a stream of text chunks and yields its validated records in batches, holding one batch at a time —
 * the way to import a file of a million rows without holding it (`importCsv` holds the whole text and every record).
 * Rows are typed and validated exactly as {@link importCsv} does (same header checks, same `[line, column]` paths,
 * repeated ids refused). All-or-nothing for the consumer: batches are yielded only while every row so far was valid;
 * after the first problem the rest of the file is still checked (up to `maxProblems`) and then one
 * {@link ValidationError} lists every problem — so a consumer that stores batches inside one transaction rolls back.
 *
 * @throws {ValidationError} on malformed CSV, a bad header or any invalid row (after the last batch).
 * @example
 * ```ts
 * await runInTransaction(adapter, async (tx) => {
 *   for await (const batch of importCsvBatches("cost-entry", readImportChunks("costs.csv"), { importedAt })) {
 *     for (const e of batch) await tx.store("cost-entry").insert(encodeEntity("cost-entry", e));
 *   }
 * });
 * ```
 */
export async function* importCsvBatches<K extends CsvKind>(
  kind: K,
  chunks: AsyncIterable<string> | Iterable<string>,
  options: ImportCsvBatchOptions,
): AsyncGenerator<EntityOf<K>[], void, undefined> {
  // A misspelt `batchsize` or `delimeter` would run the default.
  checkRowOptionKeys("importCsvBatches", options, IMPORT_CSV_BATCH_KEYS);
  const size = options.batchSize ?? 1000;
  const maxProblems = options.maxProblems ?? 1000;
  const delimiter = csvDelimiter(options.delimiter, `${kind} CSV`);
  const decimalMark = csvDecimalMark(options.decimalMark, delimiter, `${kind} CSV`);
  const parser = parse({ bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true });
  const writer = parser.writable.getWriter();
  const reader = parser.readable.getReader() as ReadableStreamDefaultReader<{ record: string[]; info: { bytes: number } }>;
  const encoder = new TextEncoder(); // the parser takes bytes
  const lines = new RecordLines(); // the file line each record starts on
  let stopped = false;
  // Feeds the parser as it asks for more (the writer waits while the parser's queue is full).
  const feeding = (async () => {
    try {
      for await (const chunk of chunks) {
        if (stopped) break;
        lines.push(chunk); // before the parser sees it: a record's end never lies beyond the text pushed here
        await writer.write(encoder.encode(chunk));
      }
      if (!stopped) await writer.close();
    } catch (e) {
      await writer.abort(e).catch(() => {});
      throw e;
    }
  })();
  feeding.catch(() => {}); // surfaced through the reader below
  let decoder: CsvRowDecoder<K> | undefined;
  let batch: EntityOf<K>[] = [];
  let columns = 0;
  let sawFirst = false;
  let trailing = false; // every line ends with the delimiter: the empty last column is dropped
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (e) {
        await feeding.catch((f: unknown) => {
          if (f instanceof ValidationError) throw f; // a refusal from the file reader (size, UTF-8)
        });
        throw malformed(kind, e);
      }
      if (next.done) break;
      const line = lines.next(next.value.info.bytes);
      const cells = next.value.record;
      if (decoder === undefined) {
        if (!sawFirst && separatorLine(cells, delimiter, line, `${kind} CSV`)) {
          sawFirst = true; // Excel's separator hint (`sep=;`) before the header
          continue;
        }
        sawFirst = true;
        trailing = endsWithDelimiter(cells);
        const header = trailing ? cells.slice(0, -1) : cells;
        decoder = new CsvRowDecoder(kind, header, { ...options, delimiter, ...(decimalMark === undefined ? {} : { decimalMark }) }, line);
        columns = header.length;
        if (trailing) options.onWarning?.(trailingDelimiterNotice(delimiter, line));
        continue;
      }
      if (isEmptyRow(cells)) continue; // `;;;;;;`: a formatted empty row, skipped like a blank line
      const cut = trailing ? trailingFieldIssue(cells, columns, line, delimiter) : undefined;
      if (cut !== undefined) decoder.issues.push(cut);
      const fields = trailing ? cells.slice(0, -1) : cells;
      const record = cut === undefined && fieldCountFits(decoder, fields, columns, line) ? decoder.decode(fields, line) : undefined;
      if (decoder.issues.length >= maxProblems) {
        // Enough problems: stop reading (the feeder, maybe waiting on a full queue, is released by the cancel).
        stopped = true;
        await reader.cancel().catch(() => {});
        await feeding.catch(() => {});
        break;
      }
      if (record !== undefined && decoder.issues.length === 0) {
        batch.push(record);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
    }
    if (!stopped) await feeding;
    decoder?.issues.splice(maxProblems);
    decoder?.throwIfInvalid();
    if (batch.length > 0) yield batch;
  } finally {
    stopped = true;
    await reader.cancel().catch(() => {});
  }
}
