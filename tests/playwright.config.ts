import { defineConfig } from '@playwright/test';

/** What Playwright 1.65.1 (pinned) disables itself, less its Windows and Edge entries; check on upgrade. */
const PLAYWRIGHT_DISABLED_FEATURES = [
	'AimEnabled',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsFirstBalancedModeAutoEnable',
	'HttpsUpgrades',
	'LensOverlay',
	'MediaRouter',
	'NetworkTimeServiceQuerying',
	'OptimizationHints',
	'PaintHolding',
	'PreconnectToSearch',
	'ThirdPartyStoragePartitioning'
];

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
		// No trace: recording one cost more than the test (business-case test alone: 81-85 CPU-s with the
		// screencast and DOM snapshots of retain-on-failure, 37 with them off; session 10). To keep traces
		// of failures, run with --trace retain-on-failure.
		trace: 'off',
		// The service worker caches all the app's files on every context's first page: the whole e2e run
		// took 272 CPU-s and 157 s with it, 216 CPU-s and 132 s without (session 11). The specs that test
		// it (security, workspace-offline) allow it themselves.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				// Chromium keeps only the last --disable-features, so this repeats Playwright 1.65's own list
				// (chromiumSwitches in playwright-core) and adds the two omnibox pop-ups that Chromium 156
				// preloads in every window: two renderers per browser context, about 2.5 CPU-s each (session 10).
				`--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'].join(',')}`
			]
		}
	}
});
