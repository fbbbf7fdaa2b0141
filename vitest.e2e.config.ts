import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium with the built extension; they run one file at a time
// (each launches its own browser) and build the extension once before the first file.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
