import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every public export is documented, and every exported function and value shows an @example (date-fns style).
// Read from the compiler's view of the entry points, so re-exports are followed to their declarations.

const SUBPATHS = ["testing", "highs", "sql", "io", "reports", "office"];
const ENTRIES = ["src/index.ts", ...SUBPATHS.map((s) => `src/${s}/index.ts`)].map((p) => resolve(__dirname, "../..", p));
const entryName = (file: string) => {
  const sub = SUBPATHS.find((s) => file.endsWith(`src/${s}/index.ts`));
  return sub ? `pmokit/${sub}` : "pmokit";
};

function exportedSymbols() {
  const program = ts.createProgram(ENTRIES, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out: { name: string; entry: string; isValue: boolean; docs: string; tags: string[] }[] = [];
  for (const entry of ENTRIES) {
    const sf = program.getSourceFile(entry);
    if (!sf) throw new Error(`missing ${entry}`);
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) throw new Error(`no module symbol for ${entry}`);
    for (const exp of checker.getExportsOfModule(moduleSymbol)) {
      const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
      const isValue = (sym.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable | ts.SymbolFlags.Class)) !== 0;
      const docs = ts.displayPartsToString(sym.getDocumentationComment(checker)).trim();
      const tags = sym.getJsDocTags(checker).map((t) => t.name);
      out.push({ name: exp.getName(), entry: entryName(entry), isValue, docs, tags });
    }
  }
  return out;
}

describe("public API documentation", () => {
  const symbols = exportedSymbols();

  it("exports a substantial API from both entry points", () => {
    expect(symbols.filter((s) => s.entry === "pmokit").length).toBeGreaterThan(150);
    expect(symbols.some((s) => s.entry === "pmokit/testing" && s.name === "runAdapterConformance")).toBe(true);
  });

  it("documents every export", () => {
    const undocumented = symbols.filter((s) => s.docs.length === 0 && !s.tags.includes("internal")).map((s) => `${s.entry}: ${s.name}`);
    expect(undocumented).toEqual([]);
  });

  it("gives every exported function, class and constant an @example", () => {
    const missing = symbols.filter((s) => s.isValue && !s.tags.includes("example")).map((s) => `${s.entry}: ${s.name}`);
    expect(missing).toEqual([]);
  });

  it("does not export internals", () => {
    expect(symbols.filter((s) => s.tags.includes("internal")).map((s) => s.name)).toEqual([]);
  });
});
