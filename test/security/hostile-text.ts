/*
 * The shared list of hostile user texts for the output- and input-surface audit (test/security/hostile-*.test.ts).
 * Each export writer and importer is driven with every one of them through every user-text field it writes.
 */

/** Texts a spreadsheet would run as a formula (OWASP "CSV Injection": `=`, `+`, `-`, `@`, tab, CR; full-width `＝`). */
export const FORMULAS = ["=cmd|'/c calc'!A1", "+1", "-1+2", "@SUM(1)", "\t=1+1", "\r=1+1", "\uFF1D1+1", "\uFF0B1", "x;=1+1", "x,=1+1", "'=1"] as const;

/** Texts that are markup in HTML, XML or Markdown. */
export const MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "]]>", "&xxe;", '<!DOCTYPE x [<!ENTITY a "b">]>', "&amp;", "[x](javascript:alert(1))"] as const;

/** Names Object.prototype answers to. */
export const PROTOTYPE_NAMES = ["__proto__", "constructor", "prototype"] as const;

/**
 * Characters XML 1.0 cannot carry (not even as a reference) that pmokit's entities accept: a vertical tab (Word's
 * manual line break, pasted), U+FFFE, U+FFFF. NUL and lone surrogates are refused by every entity codec already.
 */
export const NOT_XML = ["a\u000bb", "a\ufffeb", "a\uffffb"] as const;

/** Characters entities refuse, but a report (not an entity) may carry. */
export const UNSTORABLE = ["a\u0000b", "a\ud800b", "\udc00x"] as const;

/** A RIGHT-TO-LEFT OVERRIDE left open ("Trojan Source"), and a very long text. */
export const DISPLAY = ["Budget\u202E", "x".repeat(100_000)] as const;

/** Every hostile text. */
export const HOSTILE_TEXTS: readonly string[] = [...FORMULAS, ...MARKUP, ...PROTOTYPE_NAMES, ...NOT_XML, ...UNSTORABLE, ...DISPLAY];

/** What a spreadsheet runs as a formula at the start of a cell (the neutralised form starts with `'`). */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
