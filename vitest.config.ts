import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const fakeElectron = fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url));
const sourceRoots = '{src,devices,main,renderer,platform}';

export default defineConfig({
  test: {
    projects: [
      {
        // Electron's npm package downloads its binary on first import, so unit tests see a fake.
        resolve: { alias: { electron: fakeElectron } },
        test: {
          name: 'unit',
          include: [`${sourceRoots}/**/*.test.{ts,tsx}`, 'tests/lint/**/*.test.ts'],
          // The layer fixtures are a miniature repository for the cruiser, not tests.
          exclude: [...configDefaults.exclude, 'tests/lint/fixtures/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias: { electron: fakeElectron } },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
