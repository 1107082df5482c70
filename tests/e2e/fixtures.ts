import { test as base } from '@playwright/test';
import { startServer, type TestServer } from '../integration/helpers/server';

export { expect } from '@playwright/test';

/**
 * Every Playwright worker has a server of its own: `node build/main.js` on a free port with a fresh
 * demo database (the same helper the integration tests use), so the spec files run in parallel
 * without sharing a database. Pages and `browser.newContext()` reach it through `baseURL`.
 */
export const test = base.extend<object, { server: TestServer }>({
	server: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
		async ({}, use) => {
			// A short grace: the version cut when the last person has left comes when the document unloads.
			const server = await startServer({ demo: true, ramDisk: true, env: { SYNC_GRACE_MS: '2000' } });
			await use(server);
			await server.stop();
		},
		{ scope: 'worker', timeout: 60_000 }
	],
	baseURL: async ({ server }, use) => use(server.baseUrl)
});
