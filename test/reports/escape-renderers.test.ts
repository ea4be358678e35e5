import fc from "fast-check";
import MarkdownIt from "markdown-it";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, renderMarkdownReport } from "../../src/reports/index.js";

// escapeMarkdown's output is checked by rendering it with two real Markdown renderers, not by the shape of the
// escapes. Both autolink text that has no link markup, and both differ from github.com (cmark-gfm):
// - remark-gfm 4 (mdast-util-gfm-autolink-literal 2.1) finds `www.`, `http(s)://`, `mailto:`, `xmpp:` and e-mail
//   addresses with regular expressions over each text node AFTER escapes and character references are resolved,
//   so `www\.x.com` and `anna\@example.com` were still links (remarkjs/remark-gfm#33). Only a character that is
//   not in the address breaks the match: escapeMarkdown puts a WORD JOINER (U+2060, `&#8288;`, invisible, no
//   width) between `www` and `.`, after `http`/`https`/`mailto`/`xmpp` before `:`, and before an `@` that follows an
//   address character.
// - markdown-it 14 with `linkify: true` (linkify-it 5, fuzzyLink on by default) links a bare domain: "example.com",
//   "README.md" (.md is a country code), "//evil.example/x" (protocol-relative). It linkifies each text token before
//   joining the escaped ones, so an escaped `.` between a name and a letter (`example\.com`), an escaped second `/`
//   (`/\/`) and, with `fuzzyIP`, escaped dots in a dotted quad (`10\.0\.0\.1`) are enough there.
// Before the fix each input in CASES rendered with an <a> in at least one of the two; after it none does, and the
// rendered text is the input (WORD JOINERs removed).

const remark = unified().use(remarkParse).use(remarkGfm);
const mdit = new MarkdownIt({ linkify: true });
mdit.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });

type MdNode = { type: string; value?: string; children?: MdNode[] };
function remarkRender(md: string): { links: number; text: string } {
  let links = 0;
  const walk = (n: MdNode): string => {
    if (n.type === "link") links++;
    return n.type === "text" ? (n.value ?? "") : (n.children ?? []).map(walk).join("");
  };
  return { text: walk(remark.parse(md) as MdNode), links };
}
function mditRender(md: string): { links: number; text: string } {
  let links = 0;
  let text = "";
  for (const t of mdit.parseInline(md, {})[0]?.children ?? []) {
    if (t.type === "link_open") links++;
    if (t.type === "text") text += t.content;
  }
  return { text, links };
}
const WJ = /\u2060/g;

const CASES = [
  "see www.evil.com now",
  "mail anna@example.com",
  "a_@b.co and x+y@z.io",
  "https://evil.example/x",
  "HTTP://EVIL.EXAMPLE",
  "mailto:anna@example.com",
  "xmpp:anna@example.com",
  "example.com",
  "open README.md",
  "see //evil.example/x and //localhost/y",
  "site.рф and é.com",
  "(www.evil.com)",
  "server 10.0.0.1 and 192.168.1.254:8080",
  // linkify-it takes symbols for letters of a name: these were links in markdown-it (a hunt found "рф+.рф").
  "рф+.рф",
  "a+.com",
  "pay$.com and 😀.com",
  "www.1.com",
];

describe("escapeMarkdown: rendered by remark-gfm and markdown-it (linkify, fuzzyLink), user text is plain text", () => {
  it.each(CASES)("%s", (input) => {
    const md = escapeMarkdown(input);
    for (const r of [remarkRender(md), mditRender(md)]) {
      expect(r.links).toBe(0);
      expect(r.text.replace(WJ, "")).toBe(input);
    }
  });

  it("in a report table cell (remark-gfm parses the GFM table)", () => {
    const md = renderMarkdownReport({ title: "T", sections: [{ heading: "H", blocks: [{ kind: "table", table: { columns: ["Risk"], rows: [["see www.evil.com, mail a@b.co"]] } }] }] });
    const r = remarkRender(md);
    expect(r.links).toBe(0);
    expect(r.text.replace(WJ, "")).toContain("see www.evil.com, mail a@b.co");
  });

  it("leaves text without link-like pieces as it was (no joiner, no new escape)", () => {
    for (const s of ["EAC 1.5 - 2", "12:30 Note: x", "Red — 75% < 80%: below target", "@team"]) {
      expect(escapeMarkdown(s)).not.toMatch(/&#8288;/);
    }
    expect(escapeMarkdown("EAC 1.5 - 2")).toBe("EAC 1.5 - 2");
  });

  it("no link and the same text for any mix of link-like pieces (property)", () => {
    const piece = fc.constantFrom(
      "www.", "WwW.", "http://", "https:", "mailto:", "xmpp:", "ftp://", "//", "a@b.co", "@", ":", ".", "/", " ",
      "x", "1", "_", "-", "+", "example.com", "README.md", "evil.example", "localhost", "é", "рф", "\\", "*", "(", ")",
      "1.2.3.4", "&", "<", "#", "'", "com", "$", "^", "=", "😀", "\u200b",
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join("")), (s) => {
        const input = s.trim();
        if (input === "") return true;
        const md = escapeMarkdown(input);
        return [remarkRender(md), mditRender(md)].every((r) => r.links === 0 && r.text.replace(WJ, "") === input);
      }),
      { seed: 11, numRuns: 600 },
    );
  });
});
