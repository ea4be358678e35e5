import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeXstring, encodeXstring } from "../../src/io/xlsx/xstring.js";

describe("ST_Xstring escape (ECMA-376 §22.9.2.19)", () => {
  it("escapes every underscore that starts an _xHHHH_ look-alike, also when two share an underscore", () => {
    // "_x005f_x0041_" holds two look-alikes sharing the middle "_". Before: only the first was escaped
    // ("_x005F_x005f_x0041_"), which decodes to "_x005fA". After: both are ("_x005F_x005f_x005F_x0041_").
    expect(encodeXstring("_x005f_x0041_")).toBe("_x005F_x005f_x005F_x0041_");
    expect(decodeXstring(encodeXstring("_x005f_x0041_"))).toBe("_x005f_x0041_");
    expect(encodeXstring("a\r\nb")).toBe("a_x000D_\nb");
    expect(encodeXstring("plain_x00_")).toBe("plain_x00_");
  });

  it("decode(encode(text)) is the text, for texts made of escape pieces", () => {
    const piece = fc.constantFrom("_", "x", "0", "0041", "005F", "005f", "_x", "\r", "\n", "\t", "\u0001", "a", "\uFFFF");
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const text = parts.join("");
      expect(decodeXstring(encodeXstring(text))).toBe(text);
    }), { numRuns: 500 });
  });
});
