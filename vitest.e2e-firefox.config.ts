import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox build;
// one file at a time, each launching its own browser, after one build of the add-on.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
