import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { unzipReqifz } from "../../src/io/index.js";
import { firstIssuePath } from "../support/errors.js";

// The ReqIF Implementation Guide lets a .reqifz exchange container hold several .reqif files (reqifsharp keeps a
// `test-multiple-reqif.reqifz` for it, fixtures/reqif/NOTES.md). unzipReqifz returned the first one it met and listed
// the others among the attachments, so the other documents' requirements were dropped without a word, and which one
// was read depended on the order of the zip's entries.

const A = `<?xml version="1.0" encoding="UTF-8"?><REQ-IF>a</REQ-IF>`;
const B = `<?xml version="1.0" encoding="UTF-8"?><REQ-IF>b</REQ-IF>`;
const archive = (entries: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(entries).map(([n, t]) => [n, strToU8(t)])));

describe("a .reqifz archive with more than one .reqif file", () => {
  it("is refused, naming every .reqif entry, whatever their order in the archive", () => {
    for (const bytes of [archive({ "a.reqif": A, "b.reqif": B, "pic.png": "x" }), archive({ "b.reqif": B, "pic.png": "x", "a.reqif": A })]) {
      let message = "";
      try {
        unzipReqifz(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        message = (e as ValidationError).issues[0]!.message;
      }
      expect(message).toBe("the archive holds 2 .reqif files (a.reqif, b.reqif): choose one with the entry option");
    }
  });

  it("the entry option reads the one chosen; the others are listed as attachments", () => {
    const r = unzipReqifz(archive({ "a.reqif": A, "b.reqif": B, "pic.png": "x" }), { entry: "b.reqif" });
    expect([r.name, r.text, r.attachments]).toEqual(["b.reqif", B, ["a.reqif", "pic.png"]]);
  });

  it("an entry that is not in the archive is refused at ['entry']", () => {
    expect(firstIssuePath(() => unzipReqifz(archive({ "a.reqif": A }), { entry: "c.reqif" }))).toEqual(["entry"]);
  });

  it("the refusals list the archive's .reqif files; chooseWith names the caller's own option", () => {
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ValidationError).issues[0]!.message;
      }
      return "";
    };
    const bytes = archive({ "b.reqif": B, "pic.png": "x", "a.reqif": A });
    expect(message(() => unzipReqifz(bytes, { entry: "pic.png.reqif" }))).toBe("the archive has no .reqif entry pic.png.reqif (its .reqif files: a.reqif, b.reqif)");
    expect(message(() => unzipReqifz(bytes, { chooseWith: "--entry NAME" }))).toBe("the archive holds 2 .reqif files (a.reqif, b.reqif): choose one with --entry NAME");
  });

  it("an entry naming an attachment is refused, not read as ReqIF (before: pic.png's bytes came back as the text)", () => {
    const bytes = archive({ "b.reqif": B, "pic.png": "x", "a.reqif": A });
    expect(firstIssuePath(() => unzipReqifz(bytes, { entry: "pic.png" }))).toEqual(["entry"]);
    try {
      unzipReqifz(bytes, { entry: "pic.png" });
    } catch (e) {
      expect((e as ValidationError).issues[0]!.message).toBe("the archive has no .reqif entry pic.png (its .reqif files: a.reqif, b.reqif)");
    }
  });

  it("one .reqif file: read as before, with or without naming it", () => {
    const bytes = archive({ "a.reqif": A, "pic.png": "x" });
    expect([unzipReqifz(bytes).name, unzipReqifz(bytes, { entry: "a.reqif" }).text]).toEqual(["a.reqif", A]);
  });
});
