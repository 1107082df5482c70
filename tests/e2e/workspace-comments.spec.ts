import AxeBuilder from '@axe-core/playwright';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { expect, test } from './fixtures';
import { editor, openWorkspaceAs, textOf } from './workspace-helpers';
import type { Page } from '@playwright/test';

// Kennisbehoud is the first demo Doetank: Lars lid, Olga opdrachtgever, Mila meekijker there.
const DOETANK = 'kennisbehoud';

/** Selects the first `length` characters of the probleemdefinitie's first paragraph, as a mouse would. */
async function selectStart(page: Page, length: number): Promise<string> {
	return editor(page).evaluate((element, n) => {
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		const node = walker.nextNode() as Text;
		const selection = window.getSelection()!;
		selection.setBaseAndExtent(node, 0, node, n);
		return node.data.slice(0, n);
	}, length);
}

const panel = (page: Page) => page.getByRole('region', { name: /^Opmerkingen/ });
const thread = (page: Page, body: string) => panel(page).getByRole('article').filter({ hasText: body });

/**
 * A Yjs update that puts a paragraph at the start of the probleemdefinitie, built on nothing the
 * server lacks (a fresh client), framed as y-websocket's sync update and followed by our `saved`
 * probe: the server answers the probe once it has handled everything sent before it.
 */
function forgedUpdate(text: string): { update: number[]; probe: number[] } {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment('probleemdefinitie').insert(0, [paragraph]);
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, 0); // sync
	encoding.writeVarUint(update, 2); // update
	encoding.writeVarUint8Array(update, Y.encodeStateAsUpdate(doc));
	const probe = encoding.createEncoder();
	encoding.writeVarUint(probe, 101); // saved
	encoding.writeVarUint(probe, 7);
	return { update: [...encoding.toUint8Array(update)], probe: [...encoding.toUint8Array(probe)] };
}

/**
 * The server's probleemdefinitie as plain text: its whole document (sync step 2 to an empty state
 * vector), read on a socket of this page and decoded with Yjs here. Text typed key by key is stored
 * in many pieces, so the raw bytes cannot be searched for it.
 */
async function serverText(page: Page): Promise<string> {
	const message = await page.evaluate(
		() =>
			new Promise<number[]>((resolve, reject) => {
				const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync/kennisbehoud`);
				ws.binaryType = 'arraybuffer';
				// sync step 1 with the state vector of an empty document: "send me everything".
				ws.onopen = () => ws.send(new Uint8Array([0, 0, 1, 0]));
				ws.onmessage = (event) => {
					const bytes = new Uint8Array(event.data as ArrayBuffer);
					if (bytes[0] !== 0 || bytes[1] !== 1) return;
					ws.close();
					resolve([...bytes]);
				};
				ws.onclose = (event) => reject(new Error(`closed ${event.code}`));
			})
	);
	const decoder = decoding.createDecoder(new Uint8Array(message));
	decoding.readVarUint(decoder); // sync
	decoding.readVarUint(decoder); // step 2
	const doc = new Y.Doc();
	Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
	return doc
		.getXmlFragment('probleemdefinitie')
		.toString()
		.replace(/<[^>]*>/g, '');
}

test('a meekijker comments on a range, a lid sees it live, replies and resolves it; the meekijker still cannot write', async ({
	browser
}, testInfo) => {
	// Three people's pages, each waiting for the others' changes.
	test.setTimeout(150_000);
	const mila = await openWorkspaceAs(browser, 'meekijker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	const olga = await openWorkspaceAs(browser, 'opdrachtgever', DOETANK);
	const before = await textOf(lars.page);
	for (const page of [mila.page, lars.page, olga.page]) {
		await expect(page.getByRole('link', { name: 'geen open opmerkingen' })).toBeVisible();
	}

	// Mila (read-only) selects the first words and comments on them, from the keyboard.
	await expect(editor(mila.page)).toHaveAttribute('contenteditable', 'false');
	const quote = await selectStart(mila.page, 11);
	const add = mila.page.getByRole('button', { name: 'Opmerking', exact: true });
	await add.focus();
	await mila.page.keyboard.press('Enter');
	const form = mila.page.getByRole('form', { name: 'Nieuwe opmerking' });
	await expect(form.getByRole('blockquote')).toContainText(quote);
	await form.getByLabel('Opmerking').fill('Wat bedoelen we hier precies mee?');
	await form.getByRole('button', { name: 'Plaatsen' }).click();
	await expect(form).toHaveCount(0);
	await expect(thread(mila.page, 'Wat bedoelen we hier precies mee?')).toBeVisible();

	// Lars and Olga see it arrive without reloading: in the panel, the count and the text itself.
	for (const page of [lars.page, olga.page]) {
		const item = thread(page, 'Wat bedoelen we hier precies mee?');
		await expect(item).toBeVisible();
		await expect(item.getByRole('heading')).toContainText('Mila Meekijker');
		await expect(item.getByRole('blockquote')).toHaveText(quote);
		await expect(page.getByRole('link', { name: '1 open opmerking', exact: true })).toBeVisible();
		await expect(editor(page).locator('.comment-anchor')).toHaveText(quote);
	}
	// Olga may answer, but it is not hers to resolve.
	await expect(thread(olga.page, 'Wat bedoelen we').getByLabel('Reactie')).toBeVisible();
	await expect(thread(olga.page, 'Wat bedoelen we').getByRole('button', { name: 'Afronden' })).toHaveCount(0);

	// With a comment, its highlight and the form's button on the page, axe finds nothing serious.
	const axe = await new AxeBuilder({ page: lars.page }).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	await panel(mila.page).screenshot({ path: testInfo.outputPath('comments-desktop.png') });
	await lars.page
		.locator('#panel-probleemdefinitie')
		.screenshot({ path: testInfo.outputPath('highlight-desktop.png') });

	// Lars replies; Mila sees the reply live.
	const larsThread = thread(lars.page, 'Wat bedoelen we');
	await larsThread.getByLabel('Reactie').fill('De medewerkers die binnen vijf jaar vertrekken.');
	await larsThread.getByRole('button', { name: 'Reageren' }).click();
	await expect(thread(mila.page, 'Wat bedoelen we')).toContainText('De medewerkers die binnen vijf jaar vertrekken.');

	// Lars resolves it; for Mila it leaves the open list and the highlight goes.
	await larsThread.getByRole('button', { name: 'Afronden' }).click();
	await expect(mila.page.getByRole('link', { name: 'geen open opmerkingen' })).toBeVisible();
	await expect(panel(mila.page).getByText('Geen open opmerkingen.')).toBeVisible();
	await expect(editor(mila.page).locator('.comment-anchor')).toHaveCount(0);
	await panel(mila.page).getByLabel('Ook afgeronde opmerkingen tonen').check();
	await expect(thread(mila.page, 'Wat bedoelen we')).toContainText('Afgerond door Lars Lid');
	// Mila may reopen her own comment.
	await expect(thread(mila.page, 'Wat bedoelen we').getByRole('button', { name: 'Heropenen' })).toBeVisible();

	// Mila still cannot change the text: not by typing...
	await editor(mila.page).click();
	await mila.page.keyboard.type('Mag niet');
	// ...nor by an update sent on a websocket of her own: the server answers the probe after it
	// handled the update, and drops it.
	const intrusion = `Ingebroken ${Date.now()}`;
	const { update, probe } = forgedUpdate(intrusion);
	const answered = await mila.page.evaluate(
		([u, p]) =>
			new Promise<boolean>((resolve, reject) => {
				const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync/kennisbehoud`);
				ws.binaryType = 'arraybuffer';
				ws.onopen = () => {
					ws.send(new Uint8Array(u));
					ws.send(new Uint8Array(p));
				};
				ws.onmessage = (event) => {
					const bytes = new Uint8Array(event.data as ArrayBuffer);
					if (bytes[0] === 101 && bytes[1] === 7) {
						ws.close();
						resolve(true);
					}
				};
				ws.onclose = (event) => reject(new Error(`closed ${event.code}`));
			}),
		[update, probe] as const
	);
	expect(answered).toBe(true);
	// The server's own document, as a fresh socket of Lars gets it, holds the quoted words and not hers.
	const served = await serverText(lars.page);
	expect(served).toContain(quote);
	expect(served).not.toContain(intrusion);
	for (const page of [lars.page, mila.page]) expect(await textOf(page)).toBe(before);

	// Lars deletes the commented words: the comment shows its quote as deleted text.
	await editor(lars.page).click();
	await lars.page.keyboard.press('ControlOrMeta+Home');
	for (let i = 0; i < quote.length; i++) await lars.page.keyboard.press('Shift+ArrowRight');
	await lars.page.keyboard.press('Delete');
	await expect(thread(mila.page, 'Wat bedoelen we')).toContainText('tekst verwijderd');
	await mila.page.setViewportSize({ width: 375, height: 800 });
	await panel(mila.page).screenshot({ path: testInfo.outputPath('comments-deleted-375.png') });
	// Undoing the deletion brings the words back, and the comment finds them again.
	await lars.page.keyboard.press('ControlOrMeta+z');
	await expect.poll(() => textOf(mila.page)).toBe(before);
	await expect(thread(mila.page, 'Wat bedoelen we')).not.toContainText('tekst verwijderd');

	// The phone layout: the panel fits 375 px without sideways scrolling, and passes axe.
	await panel(mila.page).scrollIntoViewIfNeeded();
	const phone = await new AxeBuilder({ page: mila.page }).analyze();
	expect(phone.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
		[]
	);
	expect(await mila.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await panel(mila.page).screenshot({ path: testInfo.outputPath('comments-375.png') });

	await Promise.all([mila.context.close(), lars.context.close(), olga.context.close()]);
});
