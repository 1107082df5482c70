import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

// E2E_PORT lets several runs share a machine (each gets its own server and database).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DATA = `.e2e-data/${PORT}`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
	testDir: 'e2e',
	outputDir: '../test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
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
	},
	webServer: {
		command: `rm -rf ${DATA} && node build/main.js`,
		cwd: ROOT,
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 30_000,
		env: { PORT: String(PORT), DATABASE_URL: `file:${DATA}/doetank.db`, DEMO: '1', LOG_LEVEL: 'warn' }
	}
});
