import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeSaved, MESSAGE_SAVED } from '../../server/sync/protocol';
import { canvasField, NETWORK_CANVAS_ID, NETWORK_ROOM, readCanvas } from '../../src/lib/domain/workspace';
import { p, text, writeTiptap } from '../../src/lib/domain/workspace/tiptap-fixture';
import { expectField, field, write } from './business-case-helpers';
import { expect, test } from './fixtures';
import { login } from './helpers';
import { connection, DEMO_PASSWORD } from './workspace-helpers';
import type { Browser, BrowserContext, Page } from '@playwright/test';

async function openNetworkCanvasAs(browser: Browser, who: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await login(page, `${who}@demo.doetank.nl`, DEMO_PASSWORD, null);
	await page.goto('/netwerk/business-case');
	await expect(connection(page)).toHaveText('Verbonden');
	return { context, page };
}

/**
 * What the browser's provider would send, but from a plain client with the member's own session:
 * an edit of the network canvas, then a `saved` probe the server answers only after handling it.
 */
async function writeOnSocket(context: BrowserContext, baseUrl: string, words: string): Promise<void> {
	const session = (await context.cookies()).find((c) => c.name === 'doetank_session')?.value;
	if (!session) throw new Error('no session cookie');
	class CookieSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie: `doetank_session=${session}` } });
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, NETWORK_ROOM, doc, {
		WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	try {
		await expect.poll(() => provider.synced && readCanvas(doc, NETWORK_CANVAS_ID) !== null).toBe(true);
		writeTiptap(canvasField(doc, NETWORK_CANVAS_ID, 'kosten'), [p(text(words))]);
		await new Promise<void>((resolve) => {
			provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
				if (decoding.readVarUint(decoder) === 1) resolve();
			};
			provider.ws!.send(encodeSaved(1));
		});
	} finally {
		provider.destroy();
		doc.destroy();
	}
}

test('the network business case: two coaches write it live, a member reads along and cannot write, the report holds it', async ({
	browser
}) => {
	test.setTimeout(120_000);
	// Bram becomes the network's second coach (the beheerder decides network roles).
	const admin = await browser.newContext();
	const adminPage = await admin.newPage();
	await login(adminPage, 'beheerder@demo.doetank.nl', DEMO_PASSWORD, null);
	const promoted = await adminPage.request.put('/api/v1/users/demo-besluitvormer/network-role', {
		data: { networkRole: 'coach' }
	});
	expect(promoted.status()).toBe(200);

	const cor = await openNetworkCanvasAs(browser, 'coach');
	const bram = await openNetworkCanvasAs(browser, 'besluitvormer');
	const mila = await openNetworkCanvasAs(browser, 'meekijker');
	const stamp = Date.now();

	// Both coaches type, each sees the other's words as they come; Mila reads them.
	await write(cor.page, 'Interventie', `Doetanks in het hele land ${stamp}`);
	await write(bram.page, 'Baten', `Kennis gedeeld over de Doetanks heen ${stamp}`);
	for (const { page } of [cor, bram, mila]) {
		await expectField(page, 'Interventie', `Doetanks in het hele land ${stamp}`);
		await expectField(page, 'Baten', `Kennis gedeeld over de Doetanks heen ${stamp}`);
	}
	await expect(cor.page.getByRole('list', { name: 'Nu in de werkruimte' })).toContainText('Bram Besluitvormer');
	// Each sees who may write: the coaches write (themselves included), Mila watches (her own entry too).
	const present = (page: Page) => page.getByRole('list', { name: 'Nu in de werkruimte' });
	await expect(present(cor.page).getByText(/^Cor Coach \(jij\)/)).not.toContainText('kijkt mee');
	await expect(present(cor.page).getByText(/^Bram Besluitvormer/)).not.toContainText('kijkt mee');
	await expect(present(cor.page).getByText(/^Mila Meekijker/)).toContainText('kijkt mee');
	await expect(present(mila.page).getByText(/^Mila Meekijker \(jij\)/)).toContainText('kijkt mee');
	await expect(present(bram.page).getByText(/^Bram Besluitvormer \(jij\)/)).not.toContainText('kijkt mee');
	await cor.page.getByRole('radio', { name: 'meer opbrengst met hetzelfde budget' }).check();
	await expect(mila.page.getByText('meer opbrengst met hetzelfde budget')).toBeVisible();

	// Mila reads along: the page says so, nothing takes her typing, and the socket drops her edits.
	await expect(
		mila.page.getByRole('note').filter({ hasText: 'Alleen netwerkcoaches en beheerders kunnen' })
	).toBeVisible();
	await expect(field(mila.page, 'Kosten')).toHaveAttribute('contenteditable', 'false');
	await expect(mila.page.getByRole('radio')).toHaveCount(0);
	await writeOnSocket(mila.context, new URL(mila.page.url()).origin, `Mila schrijft mee ${stamp}`);
	const markdown = await (await mila.page.request.get('/netwerk/business-case/export.md')).text();
	expect(markdown).toContain(`Doetanks in het hele land ${stamp}`);
	expect(markdown).not.toContain('Mila schrijft mee');
	await expectField(cor.page, 'Kosten', '');

	// The coach finds it on the coach's page, and the report shows it (also on paper).
	await cor.page.goto('/coach');
	await cor.page.getByRole('link', { name: 'Business case van het netwerk' }).click();
	await expect(cor.page).toHaveURL(/\/netwerk\/business-case$/);
	await cor.page.goto('/rapportage');
	const section = cor.page.getByRole('heading', { name: 'Business case van het netwerk' });
	await expect(section).toBeVisible();
	await expect(cor.page.getByText(`Doetanks in het hele land ${stamp}`)).toBeVisible();
	await cor.page.emulateMedia({ media: 'print' });
	await expect(cor.page.getByText(`Kennis gedeeld over de Doetanks heen ${stamp}`)).toBeVisible();

	await Promise.all([admin.close(), cor.context.close(), bram.context.close(), mila.context.close()]);
});
