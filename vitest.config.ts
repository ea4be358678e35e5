import { defineConfig } from "vitest/config";

// In CI (.ci/run sets PMOKIT_TEST_REPORT) a JSON report is written too, for the closing "N passed, N failed" line.
const report = process.env["PMOKIT_TEST_REPORT"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    reporters: report ? ["default", "json"] : ["default"],
    ...(report ? { outputFile: { json: report } } : {}),
  },
});
