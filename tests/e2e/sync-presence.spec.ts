import { expect, test } from './fixtures';
import { openWorkspaceAs } from './workspace-helpers';

// Kennisbehoud is the first demo Doetank: Tineke is trekker, Lars lid there.
const DOETANK = 'kennisbehoud';

test('a member whose network drops leaves the others’ presence within 10 s; closing the tab is immediate', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	const present = tineke.page.getByRole('list', { name: 'Nu in de werkruimte' });
	const larsThere = present.getByText(/^Lars Lid, /);
	await expect(larsThere).toBeAttached();

	await lars.context.setOffline(true);
	const dropped = Date.now();
	await expect(larsThere).toHaveCount(0, { timeout: 10_000 });
	const gone = Date.now() - dropped;
	expect(gone, `Lars left Tineke's presence after ${gone} ms`).toBeLessThan(10_000);

	// Back online, both see each other again within a few seconds (before, presence came back only when
	// awareness renewed it, up to 18 s later: y-websocket issue 122).
	await lars.context.setOffline(false);
	await expect(larsThere).toBeAttached();
	const larsSees = lars.page.getByRole('list', { name: 'Nu in de werkruimte' });
	await expect(larsSees.getByText(/^Tineke Trekker, /)).toBeAttached();
	const closed = Date.now();
	await lars.context.close();
	await expect(larsThere).toHaveCount(0, { timeout: 3_000 });
	expect(Date.now() - closed).toBeLessThan(3_000);

	await tineke.context.close();
});

test('a meekijker who forges a presence entry as the trekker is shown to the others under their own name, watching', async ({
	browser
}) => {
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	const mila = await openWorkspaceAs(browser, 'meekijker', DOETANK);
	const forgedName = 'Tineke Trekker';

	// A second socket from Mila's page, with a hand-written awareness message (y-protocols format)
	// that claims to be Tineke, in the actielijst, typing, with a colour of its own.
	await mila.page.evaluate((name) => {
		const varUint = (n: number, out: number[]) => {
			while (n > 127) {
				out.push((n & 127) | 128);
				n = Math.floor(n / 128);
			}
			out.push(n);
		};
		const varString = (s: string, out: number[]) => {
			const bytes = new TextEncoder().encode(s);
			varUint(bytes.length, out);
			out.push(...bytes);
		};
		const state = JSON.stringify({
			user: { id: 'demo-trekker', name, color: '#000000' },
			section: 'actielijst',
			typing: true
		});
		const update: number[] = [];
		varUint(1, update);
		varUint(424242, update);
		varUint(1, update);
		varString(state, update);
		const message: number[] = [1];
		varUint(update.length, message);
		message.push(...update);
		const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync/kennisbehoud`);
		ws.binaryType = 'arraybuffer';
		ws.onopen = () => ws.send(new Uint8Array(message));
		(window as unknown as { forged: WebSocket }).forged = ws;
	}, forgedName);

	for (const page of [tineke.page, lars.page]) {
		const present = page.getByRole('list', { name: 'Nu in de werkruimte' });
		// The forged entry counts as Mila's (her own tab does not type; only it claims to), watching.
		await expect(present.getByText(/^Mila Meekijker, bij \w+, kijkt mee, typt…$/)).toBeAttached();
		await expect(present.getByText(new RegExp(`^${forgedName}`))).toHaveCount(1);
	}
	await expect(
		tineke.page
			.getByRole('list', { name: 'Nu in de werkruimte' })
			.getByText(`${forgedName} (jij), bij Probleemdefinitie`)
	).toBeAttached();

	await Promise.all([tineke.context.close(), lars.context.close(), mila.context.close()]);
});
