import { transform } from "esbuild";
import ts from "typescript";
import type { DocBlock } from "./extract.js";

/**
 * A unit of runnable documentation: one plain block and the `continued` blocks after it, run as one module. A line
 * `expression; // <literal>` states a result: the expression must give that value (compared like
 * `toEqual`). A comment that is not a plain literal — prose, `…`, a value such as `Decimal(5)` — is not a check.
 */
export interface DocUnit {
  /** `docs/scheduling.md #0–#4`. */
  readonly id: string;
  readonly file: string;
  readonly blocks: readonly DocBlock[];
  /** The module: imports merged at the top, blocks in order, stated results turned into `__check(...)` calls. */
  readonly source: string;
  /** Module specifiers the unit imports. */
  readonly imports: readonly string[];
  /** The stated results, in order: where and what. */
  readonly checks: readonly { readonly block: number; readonly line: number; readonly expr: string }[];
}

/** Groups the runnable blocks into units (a plain block starts one, `continued` blocks join it). */
export function unitsOf(blocks: readonly DocBlock[]): DocUnit[] {
  const groups: DocBlock[][] = [];
  for (const b of blocks) {
    if (b.kind === "fragment") continue;
    const last = groups.at(-1);
    if (b.kind === "continued" && last && last[0]!.file === b.file) last.push(b);
    else groups.push([b]);
  }
  return groups.map(unitOf);
}

/** Is `text` a JavaScript literal: strings, numbers, booleans, null, undefined, and arrays or objects of them? */
export function isLiteral(text: string): boolean {
  if (text.includes("…")) return false;
  const sf = ts.createSourceFile("literal.ts", `(${text});`, ts.ScriptTarget.ES2022, true);
  const [stmt] = sf.statements;
  if (sf.statements.length !== 1 || !stmt || !ts.isExpressionStatement(stmt) || (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) return false;
  const ok = (n: ts.Node): boolean => {
    if (ts.isParenthesizedExpression(n)) return ok(n.expression);
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isNumericLiteral(n)) return true;
    if (n.kind === ts.SyntaxKind.TrueKeyword || n.kind === ts.SyntaxKind.FalseKeyword || n.kind === ts.SyntaxKind.NullKeyword) return true;
    if (ts.isIdentifier(n)) return n.text === "undefined";
    if (ts.isPrefixUnaryExpression(n)) return n.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(n.operand);
    if (ts.isArrayLiteralExpression(n)) return n.elements.every(ok);
    if (ts.isObjectLiteralExpression(n)) {
      return n.properties.every((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && ok(p.initializer));
    }
    return false;
  };
  return ok(stmt.expression);
}

interface ImportSpec {
  default?: string;
  namespace?: string;
  named: Map<string, string>; // local → "imported as local" text
  sideEffect: boolean;
}

function unitOf(blocks: readonly DocBlock[]): DocUnit {
  const first = blocks[0]!;
  const last = blocks.at(-1)!;
  const id = blocks.length === 1 ? `${first.file} #${first.index}` : `${first.file} #${first.index}–#${last.index}`;
  const imports = new Map<string, ImportSpec>();
  const checks: { block: number; line: number; expr: string }[] = [];
  const bodies: string[] = [];
  for (const block of blocks) {
    const sf = ts.createSourceFile(`${block.file}-${block.index}.ts`, block.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const edits: { start: number; end: number; text: string }[] = [];
    for (const stmt of sf.statements) {
      if (!ts.isImportDeclaration(stmt)) continue;
      edits.push({ start: stmt.getFullStart(), end: stmt.getEnd(), text: "" });
      mergeImport(imports, stmt);
    }
    // Stated results may sit in nested blocks too (a `catch`): a check that never runs fails the unit (see the test).
    const visit = (node: ts.Node): void => {
      if (ts.isExpressionStatement(node)) {
        const lineEnd = block.code.indexOf("\n", node.getEnd());
        const rest = block.code.slice(node.getEnd(), lineEnd === -1 ? undefined : lineEnd);
        const comment = /^\s*\/\/ (.+?)\s*$/.exec(rest);
        if (comment && isLiteral(comment[1]!)) {
          const expr = node.expression.getText(sf);
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          edits.push({ start: node.getStart(sf), end: node.getEnd(), text: `__check(${checks.length}, (${expr}), (${comment[1]}));` });
          checks.push({ block: block.index, line, expr });
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const stmt of sf.statements) if (!ts.isImportDeclaration(stmt)) visit(stmt);
    let code = block.code;
    for (const e of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, e.start) + e.text + code.slice(e.end);
    bodies.push(`// ── ${block.file} block #${block.index} (line ${block.line})\n${code}`);
  }
  const header = [...imports].map(([from, spec]) => importText(from, spec)).join("\n");
  return { id, file: first.file, blocks, source: `${header}\nconst __check = globalThis.__pmokitDocCheck;\n${bodies.join("\n")}\n`, imports: [...imports.keys()], checks };
}

function mergeImport(imports: Map<string, ImportSpec>, decl: ts.ImportDeclaration): void {
  const from = (decl.moduleSpecifier as ts.StringLiteral).text;
  const spec: ImportSpec = imports.get(from) ?? { named: new Map(), sideEffect: false };
  imports.set(from, spec);
  const clause = decl.importClause;
  if (!clause) {
    spec.sideEffect = true;
    return;
  }
  if (clause.isTypeOnly) return; // types only: nothing at run time
  if (clause.name) spec.default = clause.name.text;
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) spec.namespace = bindings.name.text;
  if (bindings && ts.isNamedImports(bindings)) {
    for (const el of bindings.elements) {
      if (el.isTypeOnly) continue;
      const local = el.name.text;
      const text = el.propertyName ? `${el.propertyName.text} as ${local}` : local;
      const seen = spec.named.get(local);
      if (seen !== undefined && seen !== text) throw new Error(`${from}: ${local} is imported twice, differently`);
      spec.named.set(local, text);
    }
  }
}

function importText(from: string, spec: ImportSpec): string {
  const lines: string[] = [];
  const q = JSON.stringify(from);
  if (spec.namespace) lines.push(`import * as ${spec.namespace} from ${q};`);
  const named = [...spec.named.values()];
  if (spec.default || named.length > 0) {
    lines.push(`import ${[spec.default, named.length > 0 ? `{ ${named.join(", ")} }` : undefined].filter(Boolean).join(", ")} from ${q};`);
  }
  if (lines.length === 0 && spec.sideEffect) lines.push(`import ${q};`);
  return lines.join("\n");
}

/**
 * The unit as JavaScript: type syntax stripped, every value import kept even when unused (as under
 * `verbatimModuleSyntax`), so an import of a name the package does not export fails as it would for a reader.
 */
export async function compileUnit(unit: DocUnit): Promise<string> {
  const tsconfigRaw = { compilerOptions: { verbatimModuleSyntax: true } };
  return (await transform(unit.source, { loader: "ts", format: "esm", target: "es2022", sourcefile: unit.id, tsconfigRaw })).code;
}
