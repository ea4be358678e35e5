// The characters XML 1.0 cannot carry, not even as a character reference (§2.2 Char): C0 controls but tab, LF and CR,
// U+FFFE/U+FFFF, and a lone surrogate (a high one not followed by a low one, a low one not preceded by a high one).
// One definition for the XML writers and readers (io) and the report renderers (reports, which may not import io);
// it lives in core (imports nothing) and is not exported from core's index, so the root entry does not carry it.
// Global: `replace` and `search` ignore and reset lastIndex; a caller that uses `exec` sets lastIndex to 0 first.

/** A character XML 1.0 cannot carry (global). @internal */
export const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
