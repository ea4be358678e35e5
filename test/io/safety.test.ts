import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { expandMspdiException, importCsv, importDataset, readMspdi, readReqif, unzipReqifz } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

// Hostile files are generated here, never stored. Each must give one ValidationError and leave prototypes alone.
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).message;
  }
  throw new Error("expected a refusal");
};

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<REQ-IF><THE-HEADER>&lol9;</THE-HEADER></REQ-IF>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&xxe;</Name><CurrencyCode>EUR</CurrencyCode></Project>`;

describe("hostile files", () => {
  it("refuses entity expansion (billion laughs) before expanding anything", () => {
    expect(refusal(() => readReqif(BILLION_LAUGHS))).toMatch(/document type declaration at line 2 refused/);
  });

  it("refuses external entities", () => {
    expect(refusal(() => readMspdi(EXTERNAL_ENTITY))).toMatch(/document type declaration/);
  });

  it.each([
    ["&#0;", /character reference &#0; at line 1 is not an XML character/],
    ["&#xD800;", /character reference &#xD800; at line 1 is not an XML character/],
    ["&#x1F;", /character reference &#x1F; at line 1 is not an XML character/],
    ["\u0001", /character U\+0001 at line 1 is not allowed in XML/],
  ])("issue 18 #5: an MSPDI file with %s is refused like a ReqIF file", (bad, message) => {
    const mspdi = `<Project xmlns="http://schemas.microsoft.com/project"><Name>a${bad}b</Name><CurrencyCode>EUR</CurrencyCode></Project>`;
    expect(refusal(() => readMspdi(mspdi))).toMatch(message);
    // The same character in ReqIF was already refused (saxes): both readers now agree.
    expect(refusal(() => readReqif(`<REQ-IF><THE-HEADER>a${bad}b</THE-HEADER></REQ-IF>`))).toBeTruthy();
    // Allowed references still decode.
    expect(readMspdi(mspdi.replace(bad, "&#x9;&#xE000;&#x10FFFF;")).document.project.fields["Name"]).toBe("a\t\uE000\u{10FFFF}b");
  });

  it("refuses a .reqifz that inflates beyond the limit (zip bomb)", () => {
    // 8 MiB of zeros deflates to a few KiB.
    const bomb = zipSync({ "bomb.reqif": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(refusal(() => unzipReqifz(bomb, { maxInflatedBytes: 1024 * 1024 }))).toMatch(/inflates beyond the limit of 1048576 bytes/);
  });

  it("issue 18 #5: a .reqifz whose .reqif is not UTF-8 is refused with the offset, not read as U+FFFD", () => {
    const bytes = zipSync({ "spec.reqif": new Uint8Array([...new TextEncoder().encode("<REQ-IF>Caf"), 0xe9, ...new TextEncoder().encode("</REQ-IF>")]) });
    expect(refusal(() => unzipReqifz(bytes))).toMatch(/spec\.reqif in the archive: not valid UTF-8 at byte offset 11/);
  });

  it("refuses a corrupt archive with one clear error", () => {
    expect(refusal(() => unzipReqifz(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])))).toMatch(/ReqIF archive/);
  });

  it("refuses deep nesting before it exhausts the stack", () => {
    const depth = 100_000;
    const xml = `<REQ-IF>${"<a>".repeat(depth)}${"</a>".repeat(depth)}</REQ-IF>`;
    expect(refusal(() => readReqif(xml))).toMatch(/nested deeper than 256 levels/);
  });

  it("never lets __proto__ or constructor names reach a prototype", () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    expect(refusal(() => readReqif('<REQ-IF><__proto__><polluted>1</polluted></__proto__></REQ-IF>'))).toMatch(/__proto__/);
    expect(refusal(() => readMspdi("<Project><CurrencyCode>EUR</CurrencyCode><constructor><prototype>1</prototype></constructor></Project>"))).toMatch(/constructor/);
    // As attributes they are plain data (prefixed `@_` by the parser), reported as unmapped.
    const { report } = readMspdi('<Project __proto__="x" constructor="y"><CurrencyCode>EUR</CurrencyCode></Project>');
    expect(report.unmapped.map((u) => u.element)).toEqual(["@__proto__", "@constructor"]);
    expect(refusal(() => importCsv("cost-entry", "id,__proto__.polluted\nx,1\n", { importedAt: IMPORTED_AT }))).toMatch(/not a usable field name/);
    expect(refusal(() => importDataset('{"format":"pmokit-dataset","formatVersion":1,"records":{"__proto__":[{"polluted":1}]}}'))).toMatch(/unknown entity kind/);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it("gives one clear error with line and column for malformed XML", () => {
    const msg = refusal(() => readMspdi('<Project>\n  <Name>x</Nme>\n</Project>'));
    expect(msg).toMatch(/malformed XML at line 2, column \d+/);
    expect(refusal(() => readReqif("<Project/>"))).toMatch(/not a ReqIF file/);
    expect(refusal(() => readMspdi("<REQ-IF/>"))).toMatch(/not an MS Project XML file/);
  });
});

describe("hostile calendars", () => {
  it("expands an exception spanning millennia only over its first ~100 years", () => {
    const xml = `<Project><CurrencyCode>EUR</CurrencyCode><Calendars><Calendar><UID>1</UID><Exceptions><Exception>
      <TimePeriod><FromDate>0001-01-01T00:00:00</FromDate><ToDate>9999-12-31T23:59:00</ToDate></TimePeriod>
      <Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions></Calendar></Calendars></Project>`;
    const ex = readMspdi(xml).document.project.lists["calendars"]![0]!.lists["exceptions"]![0]!;
    // 36,600 days after 0001-01-01, both ends included.
    expect(expandMspdiException(ex).length).toBe(36_601);
  });
});
