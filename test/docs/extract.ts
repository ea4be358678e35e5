import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The TypeScript blocks of the guides, and how each is meant to be read:
 *
 * - ```` ```ts ```` runs on its own, as written;
 * - ```` ```ts continued ```` runs after the runnable blocks above it in the same file (the story goes on: it uses
 *   their names), back to the nearest plain ```` ```ts ````;
 * - a line `<!-- fragment: why -->` right before the fence marks a fragment (an interface sketch, a test file, a
 *   server-only setup): shown, not run. The reason is required.
 */
export interface DocBlock {
  /** Path from the repository root (`docs/rollout.md`). */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** Index among the file's TypeScript blocks. */
  readonly index: number;
  readonly kind: "run" | "continued" | "fragment";
  /** A fragment's reason. */
  readonly reason?: string;
  /** Problems with the markers (unknown info words, a fragment without a reason, a continuation with nothing above). */
  readonly problems: readonly string[];
  /** The code, de-indented to the fence's indentation. */
  readonly code: string;
}

const TS_LANGS = new Set(["ts", "typescript"]);
const OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
const FRAGMENT = /^\s*<!--\s*fragment:\s*(.*?)\s*-->\s*$/;

/** The Markdown files whose blocks are documentation: the README and every guide (not the generated API site). */
export function docFiles(root: string): string[] {
  return ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];
}

/** Every fenced TypeScript block of one Markdown text, with its marker. Other languages are skipped. */
export function extractBlocks(file: string, text: string): DocBlock[] {
  const lines = text.split("\n");
  const out: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    const [, indent = "", fence = "", infoRaw = ""] = open;
    const close = new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    const [lang = "", ...words] = infoRaw.trim().split(/\s+/);
    if (TS_LANGS.has(lang.toLowerCase())) {
      const problems: string[] = [];
      const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
      if (end >= lines.length) problems.push("the block is never closed");
      const fragment = i > 0 ? FRAGMENT.exec(lines[i - 1]!) : null;
      const unknown = words.filter((w) => w !== "continued");
      if (unknown.length > 0) problems.push(`unknown marker ${unknown.map((w) => JSON.stringify(w)).join(", ")} (use "continued" or a <!-- fragment: why --> line)`);
      let kind: DocBlock["kind"] = words.includes("continued") ? "continued" : "run";
      let reason: string | undefined;
      if (fragment) {
        kind = "fragment";
        reason = fragment[1] ?? "";
        if (reason.length < 10) problems.push("a fragment needs its reason: <!-- fragment: why it does not run -->");
        if (words.includes("continued")) problems.push("a fragment cannot be continued");
      }
      if (kind === "continued" && !out.some((b) => b.kind !== "fragment")) problems.push("continued, but no runnable block above it");
      out.push({ file, line: i + 1, index: out.length, kind, ...(reason !== undefined ? { reason } : {}), problems, code: body.join("\n") });
    }
    i = end;
  }
  return out;
}

/** The blocks of every documentation file. */
export function allBlocks(root: string): DocBlock[] {
  return docFiles(root).flatMap((f) => extractBlocks(f, readFileSync(join(root, f), "utf8")));
}
