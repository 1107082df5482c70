import { startServer, type TestServer } from '../integration/helpers/server';
import { expect, test } from './fixtures';
import { connection, editor, openWorkspaceAs, textOf } from './workspace-helpers';

// Lars is lid and Tineke trekker here.
const DOETANK = 'kennisbehoud';
/** Lowered from 1 MiB, so a paste of a few pages is over it. */
const MAX_MESSAGE_BYTES = 16 * 1024;

let own: TestServer;
test.beforeAll(async () => {
	own = await startServer({ demo: true, ramDisk: true, env: { SYNC_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
});
test.afterAll(async () => own?.stop());

test('a change larger than the server accepts ends the session instead of a reconnect loop, and can be discarded', async ({
	browser
}) => {
	const options = { baseURL: own.baseUrl };
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK, options);
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK, options);
	let sockets = 0;
	lars.page.on('websocket', () => (sockets += 1));
	const pasted = `Plakwerk ${Date.now()} `.repeat(2_000);

	await editor(lars.page).click();
	await editor(lars.page).evaluate((element, text) => {
		const data = new DataTransfer();
		data.setData('text/plain', text);
		element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, pasted);

	await expect(connection(lars.page)).toHaveText(/groter dan de server aanneemt/, { timeout: 15_000 });
	// No new connections after the refusal: y-websocket would otherwise resend it within a second, forever.
	const after = sockets;
	await lars.page.waitForTimeout(3_000);
	expect(sockets).toBe(after);
	expect(await textOf(tineke.page)).not.toContain('Plakwerk');

	await lars.page.getByRole('button', { name: 'Wijzigingen weggooien en opnieuw laden' }).click();
	const dialog = lars.page.getByRole('dialog', { name: 'Niet-opgeslagen wijzigingen weggooien?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Wijzigingen weggooien en opnieuw laden' }).click();

	await expect(connection(lars.page)).toHaveText('Verbonden', { timeout: 20_000 });
	await expect.poll(() => textOf(lars.page)).not.toContain('Plakwerk');
	// The session goes on: what Lars types now reaches Tineke.
	await editor(lars.page).click();
	await lars.page.keyboard.press('ControlOrMeta+End');
	await lars.page.keyboard.type(' Weer verder.');
	await expect.poll(() => textOf(tineke.page)).toContain('Weer verder.');
	await lars.context.close();
	await tineke.context.close();
});
