import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readImportChunks, readImportFile, unzipReqifz, zipReqifz } from "../../src/io/index.js";
import { issuesOfAsync } from "../support/errors.js";

// Seventh audit pass: a misspelt option key is refused (`{ maxbytes: 1000 }` read a file of any size up to the 512 MiB
// default). These functions report their option errors at the key (["maxInflatedBytes"], ["entry"]): so here.

const FILE_KEYS = "maxInflatedBytes, entry, chooseWith, maxBytes, allowNonRegular, chunkBytes";

describe("file options: unknown keys", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-opts-"));
  const file = join(dir, "a.csv");
  writeFileSync(file, "a,b\n");

  it("readImportFile and readImportChunks", async () => {
    expect(await issuesOfAsync(() => readImportFile(file, { maxbytes: 1000 } as never))).toEqual([["maxbytes", `unknown option (readImportFile takes ${FILE_KEYS})`]]);
    expect(await issuesOfAsync(async () => { for await (const _ of readImportChunks(file, { maxbytes: 1000 } as never)) void _; })).toEqual([
      ["maxbytes", `unknown option (readImportChunks takes ${FILE_KEYS})`],
    ]);
    expect(await readImportFile(file, { maxBytes: 1000 })).toBe("a,b\n");
  });
  it("unzipReqifz; readImportFile passes it only its own options", async () => {
    const zipped = zipReqifz("<REQ-IF/>", "a.reqif");
    expect(await issuesOfAsync(() => unzipReqifz(zipped, { maxBytes: 10 } as never))).toEqual([["maxBytes", "unknown option (unzipReqifz takes maxInflatedBytes, entry, chooseWith)"]]);
    expect(unzipReqifz(zipped, { maxInflatedBytes: 1000 }).text).toBe("<REQ-IF/>");
    const z = join(dir, "a.reqifz");
    writeFileSync(z, zipped);
    expect(await readImportFile(z, { maxBytes: 10_000, maxInflatedBytes: 1000 })).toBe("<REQ-IF/>");
  });
});
