import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Build and browser tests start real Eleventy builds and Chromium: give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CI reads the counts from a JSON report; people read the default reporter.
    reporters: process.env.VITEST_JSON_REPORT ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : {},
  },
});
