import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Build and browser tests start real Eleventy builds and Chromium: give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
