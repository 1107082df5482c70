import { createClient, type Client } from '@libsql/client';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import * as Y from 'yjs';
import { dayIn } from '../../src/lib/domain/calendar';
import { readCanvas } from '../../src/lib/domain/workspace/canvases';
import { probleemdefinitie } from '../../src/lib/domain/workspace/layout';
import { fragmentToMarkdown } from '../../src/lib/domain/workspace/markdown';
import { axeSerious, expectField, openBusinessCases, sidewaysScroll, VIEWPORTS, write } from './business-case-helpers';
import { editor, expectText, openWorkspaceAs } from './workspace-helpers';

// Slim en verantwoord innen: Tineke is trekker, Lars lid there.
const DOETANK = 'slim_en_verantwoord_innen';

/** The document as the server stored it (snapshot and later updates), and the last logged sequence number. */
async function stored(db: Client): Promise<{ doc: Y.Doc; seq: number }> {
	const [snapshot, updates] = await db.batch(
		[
			{ sql: 'SELECT state, seq FROM doc_snapshots WHERE doetank_id = ?', args: [DOETANK] },
			{ sql: 'SELECT seq, update_data FROM doc_updates WHERE doetank_id = ? ORDER BY seq', args: [DOETANK] }
		],
		'read'
	);
	const doc = new Y.Doc();
	const base = snapshot!.rows[0];
	if (base) Y.applyUpdate(doc, new Uint8Array(base.state as ArrayBuffer));
	for (const row of updates!.rows) Y.applyUpdate(doc, new Uint8Array(row.update_data as ArrayBuffer));
	const seqs = [Number(base?.seq ?? 0), ...updates!.rows.map((row) => Number(row.seq))];
	return { doc, seq: Math.max(...seqs) };
}

/**
 * Makes what the server has stored so far yesterday's version: a day checkpoint as compaction writes
 * it, with the sequence number it covers, so today's version is that state plus the later updates.
 */
async function storeAsYesterday(
	database: string,
	expected: { probleemdefinitie: string; baten: string }
): Promise<void> {
	const db = createClient({ url: database });
	try {
		let now = await stored(db);
		await expect
			.poll(async () => {
				now = await stored(db);
				return [fragmentToMarkdown(probleemdefinitie(now.doc)), readCanvas(now.doc, 'doetank')?.fields.baten];
			})
			.toEqual([expected.probleemdefinitie, expected.baten]);
		const today = new Date(`${dayIn(Date.now())}T00:00:00Z`);
		const yesterday = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
		await db.execute({
			sql: `INSERT INTO doc_checkpoints (doetank_id, day, state, seq, contributors, created_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (doetank_id, day) DO UPDATE SET state = excluded.state, seq = excluded.seq, contributors = excluded.contributors`,
			args: [DOETANK, yesterday, Y.encodeStateAsUpdate(now.doc), now.seq, JSON.stringify(['demo-trekker']), Date.now()]
		});
	} finally {
		db.close();
	}
}

const history = (page: Page, name: string) => page.getByRole('dialog', { name: `Geschiedenis: ${name}` });

test('history: yesterday’s version, the diff with now, restore and undo, for the probleemdefinitie and a business case', async ({
	browser,
	server
}) => {
	test.setTimeout(120_000);
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	const { page } = tineke;
	const stamp = Date.now();
	const old = { probleemdefinitie: `Voor wie is dit een probleem? ${stamp}`, baten: `Baten van gisteren ${stamp}` };
	const now = { probleemdefinitie: `Een andere tekst van vandaag ${stamp}`, baten: `Baten van vandaag ${stamp}` };

	// What Tineke wrote before becomes yesterday's version; then she rewrites both texts (each as one
	// input event, as a paste: the history is under test here, key-by-key typing in the collab spec).
	await editor(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(old.probleemdefinitie);
	await openBusinessCases(page);
	await write(page, 'Baten', old.baten);
	await storeAsYesterday(server.databaseUrl, old);
	await write(page, 'Baten', now.baten);
	await page.getByRole('tab', { name: 'Probleemdefinitie' }).click();
	await editor(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(now.probleemdefinitie);
	await expectText([page, lars.page], now.probleemdefinitie);

	// The versions with who worked on them; yesterday's text as it was.
	await page.getByRole('button', { name: 'Geschiedenis' }).click();
	const dialog = history(page, 'Probleemdefinitie');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('button', { name: /^vandaag door Tineke Trekker$/i })).toBeVisible();
	await dialog.getByRole('button', { name: /^gisteren door Tineke Trekker$/i }).click();
	await expect(dialog.getByRole('heading', { name: 'Versie van gisteren' })).toBeFocused();
	await expect(dialog.getByText(old.probleemdefinitie)).toBeVisible();

	// The diff against now marks the change, not only by colour.
	await dialog.getByRole('button', { name: 'Verschillen' }).click();
	await expect(dialog.getByText('Van gisteren naar nu: 1 regel toegevoegd, 1 regel verwijderd.')).toBeVisible();
	await expect(dialog.locator('del')).toHaveText(`Verwijderd: ${old.probleemdefinitie}`);
	await expect(dialog.locator('ins')).toHaveText(`Toegevoegd: ${now.probleemdefinitie}`);

	// Restoring brings yesterday's text back for everyone, as a change that can be undone.
	await dialog.getByRole('button', { name: 'Deze versie terugzetten' }).click();
	await expect(dialog).toBeHidden();
	await expectText([page, lars.page], old.probleemdefinitie);
	const notice = page.getByRole('group', { name: 'Melding' });
	await expect(notice).toContainText('De versie van gisteren is teruggezet.');
	// Restore in the open: Lars is told who restored which version; Tineke is not told about herself.
	const told = lars.page.getByText('Tineke Trekker heeft Probleemdefinitie teruggezet naar de versie van gisteren.');
	await expect(told).toBeVisible();
	await expect(page.getByText(/Tineke Trekker heeft/)).toHaveCount(0);
	await notice.getByRole('button', { name: 'Ongedaan maken' }).click();
	await expectText([page, lars.page], now.probleemdefinitie);
	// Her undo is announced too.
	await expect(
		lars.page.getByText('Tineke Trekker heeft het terugzetten van Probleemdefinitie ongedaan gemaakt.')
	).toBeVisible();
	await lars.page.getByRole('button', { name: 'Gezien' }).first().click();
	await expect(told.or(lars.page.getByText(/ongedaan gemaakt\.$/))).toHaveCount(1);

	// The same for a business case: every field of the canvas as it was, and back.
	await openBusinessCases(page);
	await page.getByRole('button', { name: 'Geschiedenis' }).click();
	const canvasHistory = history(page, 'Doetank als geheel');
	await canvasHistory.getByRole('button', { name: /^gisteren/i }).click();
	await expect(canvasHistory.getByRole('group', { name: 'Baten', exact: true })).toContainText(old.baten);
	await canvasHistory.getByRole('button', { name: 'Verschillen' }).click();
	await expect(canvasHistory.locator('del')).toHaveText(`Verwijderd: ${old.baten}`);
	await expect(canvasHistory.locator('ins')).toHaveText(`Toegevoegd: ${now.baten}`);
	await canvasHistory.getByRole('button', { name: 'Deze versie terugzetten' }).click();
	await openBusinessCases(lars.page);
	for (const p of [page, lars.page]) await expectField(p, 'Baten', old.baten);
	await notice.getByRole('button', { name: 'Ongedaan maken' }).click();
	for (const p of [page, lars.page]) await expectField(p, 'Baten', now.baten);

	await Promise.all([tineke.context.close(), lars.context.close()]);
});

for (const viewport of VIEWPORTS) {
	test(`the history view at ${viewport.width} px: keyboard, no serious axe findings, no sideways scrolling`, async ({
		browser
	}) => {
		const { context, page } = await openWorkspaceAs(browser, 'trekker', 'voor_je_buurt', { viewport });
		// Today's version exists once anything is written.
		await editor(page).click();
		await page.keyboard.insertText(`Een regel ${Date.now()}. `);
		const open = page.getByRole('button', { name: 'Geschiedenis' });
		await open.focus();
		await page.keyboard.press('Enter');
		const dialog = history(page, 'Probleemdefinitie');
		await expect(dialog.getByRole('heading', { name: 'Versies' })).toBeVisible();
		expect(await axeSerious(page)).toEqual([]);
		await dialog
			.getByRole('list', { name: 'Per dag' })
			.getByRole('button', { name: /^vandaag/i })
			.click();
		await expect(dialog.getByRole('button', { name: 'Tekst van toen' })).toHaveAttribute('aria-pressed', 'true');
		expect(await axeSerious(page)).toEqual([]);
		await dialog.getByRole('button', { name: 'Verschillen' }).click();
		await expect(dialog.getByLabel('Vergelijk met')).toHaveValue('now');
		expect(await axeSerious(page)).toEqual([]);
		expect(await sidewaysScroll(page)).toBe(false);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(open).toBeFocused();
		await context.close();
	});
}
