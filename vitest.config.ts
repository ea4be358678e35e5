import { defineConfig } from "vitest/config";

// In CI (.ci/run sets PMOKIT_TEST_REPORT) a JSON report is written too, for the closing "N passed, N failed" line.
const report = process.env["PMOKIT_TEST_REPORT"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Timeouts are not assertions here: property tests, PGlite start-up and the guides' runnable examples take
    // seconds on a busy 2-core machine. Speed is measured in `npm run bench`, never by a test's clock.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: report ? ["default", "json"] : ["default"],
    ...(report ? { outputFile: { json: report } } : {}),
  },
});
