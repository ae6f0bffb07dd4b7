import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One browser, one built site: run the files one after another.
    fileParallelism: false,
  },
});
