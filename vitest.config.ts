import { defineConfig } from 'vitest/config';

// Two projects: `unit` (fast; unit, renderer and headless-browser tests, run in parallel) and
// `e2e` (one code-server for the whole suite, files one at a time, long waits).
// `npm test` runs both; `npx vitest run --project unit` skips the slow one while you work.
export default defineConfig({
    test: {
        setupFiles: ['./scripts/polyfill.mjs'],
        pool: 'forks',
        projects: [
            {
                extends: true,
                test: {
                    name: 'unit',
                    include: ['tests/**/*.test.ts'],
                    exclude: ['tests/e2e/**', '**/node_modules/**'],
                    globalSetup: ['./tests/browser/ensure-chromium.ts'],
                    testTimeout: 30_000,
                },
            },
            {
                extends: true,
                test: {
                    name: 'e2e',
                    include: ['tests/e2e/**/*.test.ts'],
                    globalSetup: ['./tests/browser/ensure-chromium.ts', './tests/e2e/global-setup.ts'],
                    fileParallelism: false,
                    testTimeout: 180_000,
                    // Opening the workbench on two busy cores can take a minute or more.
                    hookTimeout: 300_000,
                },
            },
        ],
    },
});
