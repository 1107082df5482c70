import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connection, editor, expectText, openWorkspaceAs, textOf } from './workspace-helpers';

// Slim en verantwoord innen: Tineke is trekker and Lars lid there; no other test writes to it.
const DOETANK = 'slim_en_verantwoord_innen';

/** The service worker has kept this page, so it can be reloaded without a network. */
async function keptForOffline(page: Page): Promise<boolean> {
	return page.evaluate(async () => Boolean(await caches.match(location.origin + location.pathname)));
}

/** What this browser's IndexedDB cache of the document (one per Doetank and account) counts as local changes. */
async function cachedLocalCount(page: Page, cacheName: string): Promise<number> {
	return page.evaluate(async (name) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open(name);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const value = await new Promise<unknown>((resolve, reject) => {
			const request = db.transaction('custom').objectStore('custom').get('localCount');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		db.close();
		return Number(value) || 0;
	}, cacheName);
}

// The service worker is what these tests check; the config blocks it elsewhere.
test.use({ serviceWorkers: 'allow' });

test('an edit made offline survives an offline reload and reaches the others once back online', async ({ browser }) => {
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	await expect.poll(() => keptForOffline(tineke.page)).toBe(true);

	await tineke.context.setOffline(true);
	await expect(connection(tineke.page)).toHaveText('Offline · wijzigingen worden op dit apparaat bewaard');
	// Really offline: the page cannot reach the server.
	expect(
		await tineke.page.evaluate(() =>
			fetch('/healthz').then(
				() => 'reached',
				() => 'unreachable'
			)
		)
	).toBe('unreachable');

	const line = `Offline geschreven in het café ${Date.now()}`;
	await editor(tineke.page).click();
	await tineke.page.keyboard.press('ControlOrMeta+End');
	await tineke.page.keyboard.press('Enter');
	await tineke.page.keyboard.type(line);
	// Which part waits, not a count of keystrokes.
	await expect(tineke.page.getByText('· nog niet opgeslagen: Probleemdefinitie', { exact: true })).toBeVisible();
	await expect.poll(() => cachedLocalCount(tineke.page, `doetank-${DOETANK}-demo-trekker`)).toBeGreaterThan(0);

	await tineke.page.reload();
	// The page came from the service worker's cache (Chromium's offline mode covers the worker too).
	expect(
		await tineke.page.evaluate(
			() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).workerStart
		)
	).toBeGreaterThan(0);
	await expect(editor(tineke.page)).toContainText(line);
	await expect(connection(tineke.page)).toHaveText('Offline · wijzigingen worden op dit apparaat bewaard');
	// After a reload the page no longer knows where the waiting changes were made, only that they wait.
	await expect(tineke.page.getByText('· wijzigingen nog niet opgeslagen', { exact: true })).toBeVisible();
	await expect(editor(lars.page)).not.toContainText(line);

	await tineke.context.setOffline(false);
	await expect(connection(tineke.page)).toHaveText('Verbonden');
	await expect(editor(lars.page)).toContainText(line);
	// The server confirmed every change as stored.
	await expect(tineke.page.getByText('· alles opgeslagen')).toBeVisible();

	// Both hold the same document.
	await expectText([tineke.page], await textOf(lars.page));

	await Promise.all([tineke.context.close(), lars.context.close()]);
});
