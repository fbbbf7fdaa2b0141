import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox build,
// after one build of the add-on. Each file launches its own browser on its own profile and
// fixture server, so two files run at once: much of a call test is waiting for the detector's
// confirming looks, which a second browser fills.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
