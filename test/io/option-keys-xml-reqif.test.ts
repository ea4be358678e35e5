// opts20: parseXmlSafely and requirementsToReqif ignored a misspelt option, so the default ran: `{ maxdepth: 3 }`
// parsed a 5-deep document under the 256 default, `{ richtext: {…} }` exported the plain statement instead of the
// rich text. Both now refuse an unknown key at [key]; requirementsToReqif also refuses a wrong-typed argument
// (a non-list of requirements threw a TypeError from inside).
import { describe, expect, it } from "vitest";
import { parseXmlSafely, requirementsToReqif } from "../../src/io/index.js";
import { issuesOf } from "../support/errors.js";

describe("io options: unknown keys", () => {
  it("parseXmlSafely: { maxdepth: 3 } parsed under the default depth", () => {
    const deep = "<a><b><c><d><e>x</e></d></c></b></a>"; // 5 elements deep
    expect(issuesOf(() => parseXmlSafely(deep, "doc", { maxdepth: 3 } as never))).toEqual([
      ["maxdepth", "unknown option (parseXmlSafely takes maxDepth, arrays, rawNodes, maxChars)"],
    ]);
    expect(issuesOf(() => parseXmlSafely(deep, "doc", null as never))).toEqual([["options", "expected an object, got null"]]);
    // The right key limits it: four elements nest below <a>, more than 3; the default (256) parses it.
    expect(issuesOf(() => parseXmlSafely(deep, "doc", { maxDepth: 3 }))).toEqual([["", "elements are nested deeper than 3 levels; refused"]]);
    expect(parseXmlSafely(deep, "doc")).toEqual({ a: { b: { c: { d: { e: "x" } } } } });
  });
  it("requirementsToReqif: { richtext } exported the plain statements", () => {
    const at = "2026-11-20T09:00:00.000Z";
    expect(issuesOf(() => requirementsToReqif([], [], { title: "t", exportedAt: at, richtext: {} } as never))).toEqual([
      ["richtext", "unknown option (requirementsToReqif takes title, exportedAt, outline, richText)"],
    ]);
    expect(issuesOf(() => requirementsToReqif("x" as never, [], { title: "t", exportedAt: at }))).toEqual([["requirements", "expected an array, got \"x\""]]);
    expect(issuesOf(() => requirementsToReqif([], [], undefined as never))).toEqual([["options", "expected an object, got undefined"]]);
    expect(requirementsToReqif([], [], { title: "t", exportedAt: at }).header.title).toBe("t");
  });
});
