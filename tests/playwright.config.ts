import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const PORT = 4173;
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
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: 'rm -rf .e2e-data && node build/main.js',
		cwd: ROOT,
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 30_000,
		env: { PORT: String(PORT), DATABASE_URL: 'file:.e2e-data/doetank.db', DEMO: '1', LOG_LEVEL: 'warn' }
	}
});
