import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { readReqif } from "../../src/io/index.js";
import { createXmlElementStream } from "../../src/io/xml/stream-elements.js";

/** The one issue of a refusal: its path and message. */
function issue(run: () => unknown): { path: readonly (string | number)[]; message: string } {
  try {
    run();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    expect(e.issues).toHaveLength(1);
    return e.issues[0]!;
  }
  throw new Error("not refused");
}

// A ReqIF file whose header holds an element named `__proto__`. Hand-counted: line 4 is
// `    <__proto__ x="1"/>`, so the `<` is in column 5 (four spaces before it).
const REQIF = ['<?xml version="1.0"?>', "<REQ-IF>", "  <THE-HEADER>", '    <__proto__ x="1"/>', "  </THE-HEADER>", "</REQ-IF>"].join("\n");

describe("an element name that could reach a prototype is refused where it is", () => {
  it("readReqif names the element, its parent, its line and column, as a malformed-XML refusal does", () => {
    const { path, message } = issue(() => readReqif(REQIF));
    expect(path).toEqual([]);
    expect(message).toBe('element <__proto__> in <THE-HEADER> at line 4, column 5 refused: "__proto__" is a reserved JavaScript keyword that could cause prototype pollution');
  });

  it("keeps the prefix as written and finds a tag after a multi-line text", () => {
    // line 1 `<REQ-IF>`, line 2 `text`, line 3 `more <x:constructor/>`: `<` after "more " is column 6.
    const { message } = issue(() => readReqif("<REQ-IF>\ntext\nmore <x:constructor/></REQ-IF>"));
    expect(message).toMatch(/^element <x:constructor> in <REQ-IF> at line 3, column 6 refused: "constructor" is a reserved/);
  });

  it("a root element named prototype has no parent to name", () => {
    expect(issue(() => readReqif("\n\n<prototype/>")).message).toMatch(/^element <prototype> at line 3, column 1 refused/);
  });

  it("a name ended by a line break gives its line only (saxes has moved to the next line)", () => {
    expect(issue(() => readReqif("<REQ-IF>\n  <__proto__\n    x='1'/></REQ-IF>")).message).toMatch(/^element <__proto__> in <REQ-IF> at line 2 refused/);
  });

  it("the chunked element stream (MSPDI) says the same, across chunk borders", () => {
    const stream = createXmlElementStream("MSPDI file", { emit: new Set(["Project/Tasks/Task"]) }, () => undefined);
    const { message } = issue(() => {
      // Line 3 is `  <Tasks><__proto__/>`: `<` of `<__proto__` is column 10; the name is split over two chunks.
      for (const chunk of ["<Project>\n<Name>P</Name>\n  <Tasks><__pr", "oto__/></Tasks></Project>"]) stream.write(chunk);
      stream.close();
    });
    expect(message).toBe('element <__proto__> in <Tasks> at line 3, column 10 refused: "__proto__" is a reserved JavaScript keyword that could cause prototype pollution');
  });
});
