import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { readImportChunks, readImportFile, unzipReqifz, zipReqifz } from "../../src/io/index.js";

// Seventh audit pass: a misspelt option key is refused (`{ maxbytes: 1000 }` read a file of any size up to the 512 MiB
// default). These functions report their option errors at the key (["maxInflatedBytes"], ["entry"]): so here.

const issuesOf = async (f: () => Promise<unknown> | unknown) => {
  try {
    await f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => [i.path.join("."), i.message]);
    throw e;
  }
  return [];
};
const FILE_KEYS = "maxInflatedBytes, entry, chooseWith, maxBytes, allowNonRegular, chunkBytes";

describe("file options: unknown keys", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-opts-"));
  const file = join(dir, "a.csv");
  writeFileSync(file, "a,b\n");

  it("readImportFile and readImportChunks", async () => {
    expect(await issuesOf(() => readImportFile(file, { maxbytes: 1000 } as never))).toEqual([["maxbytes", `unknown option (readImportFile takes ${FILE_KEYS})`]]);
    expect(await issuesOf(async () => { for await (const _ of readImportChunks(file, { maxbytes: 1000 } as never)) void _; })).toEqual([
      ["maxbytes", `unknown option (readImportChunks takes ${FILE_KEYS})`],
    ]);
    expect(await readImportFile(file, { maxBytes: 1000 })).toBe("a,b\n");
  });
  it("unzipReqifz; readImportFile passes it only its own options", async () => {
    const zipped = zipReqifz("<REQ-IF/>", "a.reqif");
    expect(await issuesOf(() => unzipReqifz(zipped, { maxBytes: 10 } as never))).toEqual([["maxBytes", "unknown option (unzipReqifz takes maxInflatedBytes, entry, chooseWith)"]]);
    expect(unzipReqifz(zipped, { maxInflatedBytes: 1000 }).text).toBe("<REQ-IF/>");
    const z = join(dir, "a.reqifz");
    writeFileSync(z, zipped);
    expect(await readImportFile(z, { maxBytes: 10_000, maxInflatedBytes: 1000 })).toBe("<REQ-IF/>");
  });
});
