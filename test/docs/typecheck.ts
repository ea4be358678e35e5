import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import type { DocBlock } from "./extract.js";
import { unitsOf } from "./program.js";

/**
 * Type-checks the guides' runnable code as a TypeScript user compiles it: the project's own compiler options
 * (tsconfig.json: strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess …), `import … from "pmokit"` and its
 * subpaths mapped by `paths` to the source entries (`src/index.ts`, `src/<subpath>/index.ts`), one module per unit (a
 * plain block and its `continued` blocks, as ./program.ts groups them), all units in one program.
 *
 * Unlike the runnable module, a unit keeps its code exactly as written — type-only imports and stated-result lines
 * included — so an error points at the reader's line: each block's lines stay where they are in the module, and an
 * import an earlier block of the unit already made is dropped (its lines left blank), not moved.
 */
export interface DocTypeError {
  /** `docs/scheduling.md`. */
  readonly file: string;
  /** 1-based line in the Markdown file. */
  readonly line: number;
  /** 1-based column in the block's code (as de-indented). */
  readonly column: number;
  readonly message: string;
}

/** Where one block sits in its unit's module. */
interface Segment {
  readonly block: DocBlock;
  /** 0-based line of the block's first code line in the module. */
  readonly start: number;
  readonly lines: number;
}

interface TypedUnit {
  readonly path: string;
  readonly source: string;
  readonly segments: readonly Segment[];
}

/** The compiler options of tsconfig.json, with the package's entries mapped to the sources. */
export function docCompilerOptions(root: string): ts.CompilerOptions {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; exports: Record<string, unknown> };
  const paths: Record<string, string[]> = {};
  for (const entry of Object.keys(pkg.exports)) {
    if (entry === "./package.json") continue;
    const sub = entry === "." ? "" : entry.slice(2);
    paths[sub ? `${pkg.name}/${sub}` : pkg.name] = [join(root, "src", sub, "index.ts")];
  }
  return { ...parsed.options, paths, noEmit: true };
}

const lineCount = (text: string) => text.split("\n").length;

/** One unit's module: the blocks in order, imports already made by an earlier block dropped. */
function typedUnit(dir: string, index: number, blocks: readonly DocBlock[]): TypedUnit {
  const seen = new Set<string>(); // `module\0local`
  const segments: Segment[] = [];
  const parts: string[] = [];
  let line = 0;
  for (const block of blocks) {
    const sf = ts.createSourceFile("block.ts", block.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const edits: { start: number; end: number; text: string }[] = [];
    for (const stmt of sf.statements) {
      if (!ts.isImportDeclaration(stmt) || !stmt.importClause) continue;
      const rewritten = dedupeImport(stmt, sf, seen);
      if (rewritten === null) continue;
      const original = block.code.slice(stmt.getStart(sf), stmt.getEnd());
      edits.push({ start: stmt.getStart(sf), end: stmt.getEnd(), text: rewritten + "\n".repeat(lineCount(original) - 1) });
    }
    let code = block.code;
    for (const e of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, e.start) + e.text + code.slice(e.end);
    parts.push(`// ${block.file} block #${block.index} (line ${block.line})`, code);
    segments.push({ block, start: line + 1, lines: lineCount(code) });
    line += 1 + lineCount(code);
  }
  return { path: join(dir, `unit-${index}.mts`), source: `${parts.join("\n")}\nexport {};\n`, segments };
}

/**
 * The import without the bindings an earlier block of the unit made (`null`: keep it as it is; `""`: drop it). Records
 * the bindings it makes.
 */
function dedupeImport(decl: ts.ImportDeclaration, sf: ts.SourceFile, seen: Set<string>): string | null {
  const from = (decl.moduleSpecifier as ts.StringLiteral).text;
  const clause = decl.importClause!;
  const fresh = (local: string) => {
    const key = `${from}\0${local}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const bindings = clause.namedBindings;
  const keepDefault = clause.name ? fresh(clause.name.text) : false;
  if (bindings && ts.isNamespaceImport(bindings)) {
    const keepNs = fresh(bindings.name.text);
    if (keepNs && (keepDefault || !clause.name)) return null;
    const kept = [keepDefault ? clause.name!.text : undefined, keepNs ? `* as ${bindings.name.text}` : undefined].filter(Boolean);
    return kept.length === 0 ? "" : `import ${clause.isTypeOnly ? "type " : ""}${kept.join(", ")} from ${JSON.stringify(from)};`;
  }
  const elements = bindings && ts.isNamedImports(bindings) ? [...bindings.elements] : [];
  const keptElements = elements.filter((el) => fresh(el.name.text));
  if (keptElements.length === elements.length && (keepDefault || !clause.name)) return null;
  const named = keptElements.length > 0 ? `{ ${keptElements.map((el) => el.getText(sf)).join(", ")} }` : undefined;
  const kept = [keepDefault ? clause.name!.text : undefined, named].filter(Boolean);
  return kept.length === 0 ? "" : `import ${clause.isTypeOnly ? "type " : ""}${kept.join(", ")} from ${JSON.stringify(from)};`;
}

/**
 * Type-checks every runnable block in one program and returns the errors, each at its Markdown file and line (in
 * the order of the files and lines). Only the blocks' own diagnostics are reported, not the sources'.
 */
export function typeCheckBlocks(root: string, blocks: readonly DocBlock[]): { errors: DocTypeError[]; units: number } {
  const options = docCompilerOptions(root);
  // Virtual modules beside the tests, so that node_modules (decimal.js, @types/node, drivers) resolves as usual.
  const dir = join(root, "test", "docs", "__typed__");
  const units = unitsOf(blocks).map((u, i) => typedUnit(dir, i, u.blocks));
  const byPath = new Map(units.map((u) => [u.path, u]));
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, create) => {
    const unit = byPath.get(fileName);
    return unit ? ts.createSourceFile(fileName, unit.source, language, true, ts.ScriptKind.TS) : getSourceFile(fileName, language, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => byPath.has(fileName) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => byPath.get(fileName)?.source ?? readFile(fileName);
  const program = ts.createProgram({ rootNames: units.map((u) => u.path), options, host });

  const errors: DocTypeError[] = [];
  const global = program.getOptionsDiagnostics().concat(program.getGlobalDiagnostics());
  for (const d of global) errors.push({ file: "tsconfig.json", line: 0, column: 0, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") });
  for (const unit of units) {
    const sf = program.getSourceFile(unit.path)!;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      const { line: at, character } = d.start === undefined ? { line: 0, character: 0 } : sf.getLineAndCharacterOfPosition(d.start);
      const seg = unit.segments.find((s) => at >= s.start && at < s.start + s.lines) ?? unit.segments[0]!;
      // The block's code starts on the line after its fence.
      errors.push({ file: seg.block.file, line: seg.block.line + 1 + Math.max(0, at - seg.start), column: character + 1, message });
    }
  }
  return { errors, units: units.length };
}
