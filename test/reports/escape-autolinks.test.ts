import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, renderMarkdownReport } from "../../src/reports/index.js";

// GFM's autolink extension (github.github.com/gfm, "Autolinks (extension)") turns text into links without any `<…>`
// or `[…](…)` markup: an extended www autolink starts at the literal text `www.`, an extended URL autolink at a scheme
// followed by `:` (`http://`, `https://`; other linkifiers also take `ftp:`, `mailto:`), an extended email autolink
// at an `@` between a local part and a domain. escapeMarkdown left all three as they were, so "anna@example.com" or
// "https://evil.example" in a risk title became a link in a GFM viewer. A backslash escape is matched as its own
// character, not as the literal text the extension looks for: `www\.`, `https\://` and `anna\@example.com` are not
// autolinks, and CommonMark renders each escape as the character itself.
// Checked by hand with markdown-it 14 (linkify on): each URL, www. and e-mail input below rendered as a link before
// and renders as exactly its input text after. remark-gfm and markdown-it's fuzzy links need more (a WORD JOINER,
// escaped `.` and `//`): see escape-renderers.test.ts, which checks by rendering.

describe("escapeMarkdown: no GFM autolink from user text", () => {
  it("escapes the `:` of a scheme: [x](javascript:y) stays literal text", () => {
    expect(escapeMarkdown("[x](javascript:y)")).toBe("\\[x\\](javascript\\:y)");
    expect(escapeMarkdown("see https://evil.example/x now")).toBe("see https&#8288;\\:/\\/evil\\.example/x now");
    expect(escapeMarkdown("FTP://files.example")).toBe("FTP\\:/\\/files\\.example");
    expect(escapeMarkdown("mailto:anna@example.com")).toBe("mailto&#8288;\\:anna&#8288;\\@example\\.com");
  });

  it("escapes the `.` of `www.`, in any case", () => {
    expect(escapeMarkdown("www.evil.com")).toBe("www&#8288;\\.evil\\.com");
    expect(escapeMarkdown("(WWW.EVIL.COM/p)")).toBe("(WWW&#8288;\\.EVIL\\.COM/p)");
  });

  it("escapes every `@` (e-mail addresses, and @mentions on GitHub)", () => {
    expect(escapeMarkdown("mail anna@example.com")).toBe("mail anna&#8288;\\@example\\.com");
    expect(escapeMarkdown("@team")).toBe("\\@team");
  });

  it("leaves a `:` that cannot end a scheme as it is: after a digit or before a space", () => {
    expect(escapeMarkdown("12:30 Note: x")).toBe("12:30 Note: x");
    expect(escapeMarkdown("Red — 75% < 80%: below target")).toBe("Red — 75% &lt; 80%: below target");
    expect(escapeMarkdown("ratio a:b")).toBe("ratio a\\:b");
  });

  it("in a report table cell", () => {
    const md = renderMarkdownReport({ title: "T", sections: [{ heading: "H", blocks: [{ kind: "table", table: { columns: ["Risk"], rows: [["see https://evil.example or www.evil.com, mail a@b.co"]] } }] }] });
    expect(md).toContain("| see https&#8288;\\:/\\/evil\\.example or www&#8288;\\.evil\\.com, mail a&#8288;\\@b\\.co |");
  });

  it("leaves none of the literal texts GFM autolinks start from (property)", () => {
    const piece = fc.constantFrom("www.", "WwW.", "http://", "https:", "mailto:", "javascript:", "a@b.co", "@", ":", ".", " ", "x", "1", "\\", "*");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join("")), (s) => {
        const e = escapeMarkdown(s);
        // No `www.`, no letter then `:` then a non-space, no `@` without its backslash (an escaped backslash `\\`
        // before it does not count: strip escaped pairs first).
        const bare = e.replace(/\\\\/g, "");
        return !/www\./i.test(e) && !/[A-Za-z]:\S/.test(e) && !/(^|[^\\])@/.test(bare);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
