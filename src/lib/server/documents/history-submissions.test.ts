import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToMarkdown, probleemdefinitie } from '$lib/domain/workspace';
import type { Database } from '../db/client';
import { appendUpdateStatement } from '../db/doc-log';
import { testDatabase } from '../db/test-db';
import { AppError } from '../errors';
import { CheckpointService } from '../governance/checkpoints';
import { createLogger } from '../logger';
import { NotificationService } from '../notifications/service';
import { HistorySubmissionInput } from '$lib/validation/schemas';
import { viaRoute } from '../instruments/test-support';
import { HistoryService } from './history';

let db: Database;
let cleanup: () => void;
let history: HistoryService;
let checkpoints: CheckpointService;
let live: Y.Doc;
let seq = 0;
const ann = { id: 'ann', networkRole: 'member' as const };
const olga = { id: 'olga', networkRole: 'member' as const };
const eve = { id: 'eve', networkRole: 'member' as const };

/** Writes a paragraph into the live document and logs it the way the sync server does. */
async function write(text: string): Promise<void> {
	let update: Uint8Array = new Uint8Array();
	live.once('update', (u: Uint8Array) => (update = u));
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	probleemdefinitie(live).push([p]);
	await db.execute(appendUpdateStatement({ doetankId: 'd', seq: ++seq, update, userId: 'ann', at: Date.now() }));
}

const frozenText = async (submissionId: string) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await history.submissionState(ann, 'd', { submissionId }));
	return fragmentToMarkdown(probleemdefinitie(doc));
};

async function errorCode(work: Promise<unknown>): Promise<string | null> {
	const err = await work.then(
		() => null,
		(e: unknown) => e
	);
	return err instanceof AppError ? err.code : null;
}

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	seq = 0;
	live = new Y.Doc();
	history = new HistoryService(db);
	checkpoints = new CheckpointService(db, new NotificationService(db, createLogger('silent')));
	const user = (id: string, name: string) =>
		`INSERT INTO users (id, email, name, password_hash, network_role, is_demo, created_at) VALUES ('${id}', '${id}@x.nl', '${name}', 'h', 'member', 0, 0)`;
	await db.batch([
		user('ann', 'Ann'),
		user('olga', 'Olga'),
		user('eve', 'Eve'),
		"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES ('d', 'D', 'o', 'd', 0)",
		"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES ('other', 'O', 'o', 'd', 0)",
		"INSERT INTO memberships (doetank_id, user_id, lid_type, direct_stake, joined_at) VALUES ('d', 'ann', NULL, 0, 0)",
		"INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d', 'ann', 'trekker')",
		"INSERT INTO memberships (doetank_id, user_id, lid_type, direct_stake, joined_at) VALUES ('d', 'olga', NULL, 0, 0)",
		"INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d', 'olga', 'opdrachtgever')"
	]);
});
afterEach(() => cleanup());

describe('terugkoppelmomenten in the version history', () => {
	it('lists every submitted round newest first, with its own status, and serves its frozen state', async () => {
		await write('Eerste versie.');
		const c = await checkpoints.create(ann, 'd', {
			title: 'Probleem helder',
			plannedDay: '2026-12-01',
			subjects: ['probleemdefinitie']
		});
		expect(await history.submissions(ann, 'd')).toEqual([]);
		const first = await checkpoints.submit(ann, 'd', c.id);
		await checkpoints.review(olga, 'd', c.id, { decision: 'request_changes', comment: 'Voor wie?' });
		await write('Vooral jonge gezinnen.');
		const second = await checkpoints.submit(ann, 'd', c.id);
		await write('Een latere live wijziging.');

		const listed = await history.submissions(olga, 'd');
		expect(listed.map((s) => [s.id, s.title, s.round, s.status, s.submittedBy.name])).toEqual([
			[second.id, 'Probleem helder', 2, 'ingediend', 'Ann'],
			[first.id, 'Probleem helder', 1, 'aanpassing_gevraagd', 'Ann']
		]);
		expect(listed[0]).toMatchObject({
			checkpointId: c.id,
			submittedAt: second.submittedAt,
			day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
		});

		expect(await frozenText(first.id)).toBe('Eerste versie.');
		expect(await frozenText(second.id)).toBe('Eerste versie.\n\nVooral jonge gezinnen.');
	});

	it('needs workspace.read and answers 404 for an unknown or foreign submission, 422 for a malformed id', async () => {
		expect(await errorCode(history.submissions(eve, 'd'))).toBe('forbidden');
		expect(await errorCode(history.submissions(null, 'd'))).toBe('unauthenticated');
		expect(await errorCode(history.submissionState(ann, 'd', { submissionId: 'nope' }))).toBe('not_found');
		expect(
			await errorCode(
				viaRoute(HistorySubmissionInput, { submissionId: '../x' }, (input) => history.submissionState(ann, 'd', input))
			)
		).toBe('validation_failed');
		await write('Tekst.');
		const c = await checkpoints.create(ann, 'd', {
			title: 'T',
			plannedDay: '2026-12-01',
			subjects: ['probleemdefinitie']
		});
		const round = await checkpoints.submit(ann, 'd', c.id);
		expect(await errorCode(history.submissionState(eve, 'd', { submissionId: round.id }))).toBe('forbidden');
		// Readable through another Doetank's address it is not: that would bypass the authorization.
		const admin = { id: 'adm', networkRole: 'admin' as const };
		expect(await errorCode(history.submissionState(admin, 'd', { submissionId: round.id }))).toBeNull();
		expect(await errorCode(history.submissionState(admin, 'other', { submissionId: round.id }))).toBe('not_found');
	});
});
