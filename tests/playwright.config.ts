import { defineConfig } from '@playwright/test';

// Each worker starts its own server and database on a free port (tests/e2e/fixtures.ts), so spec
// files run in parallel and several runs can share a machine. E2E_WORKERS overrides the count.
export default defineConfig({
	testDir: 'e2e',
	outputDir: '../test-results',
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	reporter: [['list']],
	// Twice Playwright's default: the browser tests share two cores with Vitest (tests/setup/run.js).
	timeout: 60_000,
	use: {
		locale: 'nl-NL',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	}
});
