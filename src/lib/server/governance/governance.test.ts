import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '$lib/domain/policy';
import { addAction, probleemdefinitie, updateAction } from '$lib/domain/workspace';
import type { Database } from '../db/client';
import { appendUpdateStatement } from '../db/doc-log';
import { listNotifications } from '../db/notifications';
import { readSubmissionState } from '../db/checkpoints';
import { testDatabase } from '../db/test-db';
import { AppError } from '../errors';
import { createLogger } from '../logger';
import { NotificationService } from '../notifications/service';
import { AgreementService } from './agreements';
import { CheckpointService } from './checkpoints';
import { loadStoredDocument } from '../documents/stored';
import { renderSubjects, sha256Hex } from './frozen';
import { PhaseService } from './phases';

let db: Database;
let cleanup: () => void;
let notifications: NotificationService;
let checkpoints: CheckpointService;
let agreements: AgreementService;
let phases: PhaseService;
let seq = 0;
let live: Y.Doc;

const who = (id: string, networkRole: Actor['networkRole'] = 'member'): Actor => ({ id, networkRole });
const ann = who('ann'); // trekker + lid
const olga = who('olga'); // opdrachtgever
const coco = who('coco'); // coach of the Doetank
const admin = who('adm', 'admin');

/** Applies a change to the "live" document and logs it as the sync server does. */
async function edit(change: (doc: Y.Doc) => void): Promise<void> {
	let update: Uint8Array | null = null;
	const grab = (u: Uint8Array) => (update = u);
	live.on('update', grab);
	change(live);
	live.off('update', grab);
	if (update)
		await db.execute(appendUpdateStatement({ doetankId: 'd', seq: ++seq, update, userId: 'ann', at: Date.now() }));
}

const paragraph = (text: string) => (doc: Y.Doc) => {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	probleemdefinitie(doc).push([p]);
};

async function expectAppError(work: Promise<unknown>, code: string): Promise<AppError> {
	const err = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(AppError);
	expect((err as AppError).code).toBe(code);
	return err as AppError;
}

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	seq = 0;
	live = new Y.Doc();
	notifications = new NotificationService(db, createLogger('silent'));
	checkpoints = new CheckpointService(db, notifications);
	agreements = new AgreementService(db, notifications);
	phases = new PhaseService(db, notifications);
	const user = (id: string, role = 'member') =>
		`INSERT INTO users (id, email, name, password_hash, network_role, is_demo, created_at) VALUES ('${id}', '${id}@x.nl', '${id.toUpperCase()}', 'h', '${role}', 0, 0)`;
	const member = (id: string, ...roles: string[]) => [
		`INSERT INTO memberships (doetank_id, user_id, lid_type, direct_stake, joined_at) VALUES ('d', '${id}', NULL, 0, 0)`,
		...roles.map((r) => `INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d', '${id}', '${r}')`)
	];
	await db.batch([
		user('ann'),
		user('olga'),
		user('coco'),
		user('adm', 'admin'),
		user('eve'),
		"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES ('d', 'Slim innen', 'o', 'd', 0)",
		...member('ann', 'trekker', 'lid'),
		...member('olga', 'opdrachtgever'),
		...member('coco', 'coach')
	]);
});
afterEach(() => cleanup());

async function submittedCheckpoint(): Promise<string> {
	await edit(paragraph('Gezinnen met schulden krijgen te laat hulp.'));
	const c = await checkpoints.create(ann, 'd', {
		title: 'Probleemdefinitie',
		plannedDay: '2026-12-01',
		subjects: ['probleemdefinitie']
	});
	await checkpoints.submit(ann, 'd', c.id);
	return c.id;
}

describe('submitting freezes the stored document', () => {
	it('refuses a state larger than the sync server would let the document grow (SYNC_MAX_DOCUMENT_BYTES)', async () => {
		await edit(paragraph('Gezinnen met schulden krijgen te laat hulp.'));
		const capped = new CheckpointService(db, notifications, 16);
		const c = await capped.create(ann, 'd', {
			title: 'Probleemdefinitie',
			plannedDay: '2026-12-01',
			subjects: ['probleemdefinitie']
		});
		const err = await expectAppError(capped.submit(ann, 'd', c.id), 'conflict');
		expect(err.messageKey).toBe('error.documentFull');
		expect((await capped.get(ann, 'd', c.id)).rounds).toEqual([]);
	});

	it('keeps what was submitted while the live document goes on, with a hash of the stored state', async () => {
		const id = await submittedCheckpoint();
		await edit(paragraph('Een latere live wijziging.'));
		const detail = await checkpoints.get(olga, 'd', id);
		expect(detail.checkpoint.status).toBe('ingediend');
		const part = detail.shown!.parts[0]!;
		expect(part.markdown).toBe('Gezinnen met schulden krijgen te laat hulp.');
		const stored = (await readSubmissionState(db, id, 1))!;
		expect(stored.sha256).toBe(sha256Hex(stored.state));
		expect(detail.shown!.submission.sha256).toBe(stored.sha256);
		// The rendered copy can be made again from the stored state alone.
		const frozen = new Y.Doc();
		Y.applyUpdate(frozen, stored.state);
		expect(
			renderSubjects(frozen, ['probleemdefinitie'], { doetankName: 'Slim innen', userName: (u) => u })[0]!.markdown
		).toBe(part.markdown);
		expect((await loadStoredDocument(db, 'd')).getXmlFragment('probleemdefinitie').length).toBe(2);
	});

	it('tells the opdrachtgever, not the team, that a round waits for review', async () => {
		await submittedCheckpoint();
		expect((await listNotifications(db, 'olga', 10)).map((n) => n.kind)).toEqual(['checkpoint_submitted']);
		expect(await listNotifications(db, 'coco', 10)).toEqual([]);
	});
});

describe('reviewing', () => {
	it('lets only the opdrachtgever or besluitvormer approve', async () => {
		const id = await submittedCheckpoint();
		await expectAppError(checkpoints.review(ann, 'd', id, { decision: 'approve', comment: '' }), 'forbidden');
		await expectAppError(checkpoints.review(coco, 'd', id, { decision: 'approve', comment: '' }), 'forbidden');
		await expectAppError(checkpoints.review(admin, 'd', id, { decision: 'approve', comment: '' }), 'forbidden');
		const approved = await checkpoints.review(olga, 'd', id, { decision: 'approve', comment: 'Helder.' });
		expect(approved.review).toMatchObject({
			decision: 'approved',
			reviewer: { id: 'olga' },
			reviewerRoles: ['opdrachtgever'],
			snapshotSha256: approved.sha256
		});
		await expectAppError(checkpoints.review(olga, 'd', id, { decision: 'approve', comment: '' }), 'conflict');
		await expectAppError(checkpoints.submit(ann, 'd', id), 'conflict');
	});

	it('marks the inbox items done once acted on: the review for the approver, the new round for the team', async () => {
		const id = await submittedCheckpoint();
		const unread = async (user: string) =>
			(await listNotifications(db, user, 10)).filter((n) => n.readAt === null).map((n) => n.kind);
		expect(await unread('olga')).toEqual(['checkpoint_submitted']);
		await checkpoints.review(olga, 'd', id, { decision: 'request_changes', comment: 'Voor wie precies?' });
		expect(await unread('olga')).toEqual([]);
		expect(await notifications.unreadCount(olga)).toBe(0);
		expect(await unread('ann')).toEqual(['checkpoint_changes_requested']);
		await edit(paragraph('Vooral jonge gezinnen.'));
		await checkpoints.submit(ann, 'd', id);
		expect(await unread('ann')).toEqual([]);
		expect(await unread('olga')).toEqual(['checkpoint_submitted']);
		await checkpoints.review(olga, 'd', id, { decision: 'approve', comment: '' });
		expect(await unread('olga')).toEqual([]);
		// The approval itself is news for the team, not a task: it stays until read.
		expect(await unread('ann')).toEqual(['checkpoint_approved']);
	});

	it('diffs a resubmission against the round that got changes requested', async () => {
		const id = await submittedCheckpoint();
		await checkpoints.review(olga, 'd', id, { decision: 'request_changes', comment: 'Voor wie precies?' });
		await edit(paragraph('Vooral jonge gezinnen.'));
		await checkpoints.submit(ann, 'd', id);
		const shown = (await checkpoints.get(olga, 'd', id)).shown!;
		expect(shown.submission.round).toBe(2);
		const previous = shown.parts[0]!.previous!;
		expect(previous.round).toBe(1);
		expect(previous.diff.filter((l) => l.text !== '').map((l) => [l.kind, l.text])).toEqual([
			['unchanged', 'Gezinnen met schulden krijgen te laat hulp.'],
			['added', 'Vooral jonge gezinnen.']
		]);
		expect(shown.parts[0]!.approved).toBeNull();
	});

	it('diffs against the last approved version of the same artefact in another checkpoint', async () => {
		const first = await submittedCheckpoint();
		await checkpoints.review(olga, 'd', first, { decision: 'approve', comment: '' });
		await edit(paragraph('Herzien na de pilot.'));
		const second = await checkpoints.create(ann, 'd', {
			title: 'Herziening',
			plannedDay: '2027-01-10',
			subjects: ['probleemdefinitie']
		});
		await checkpoints.submit(ann, 'd', second.id);
		const part = (await checkpoints.get(olga, 'd', second.id)).shown!.parts[0]!;
		expect(part.approved).toMatchObject({ checkpointId: first, checkpointTitle: 'Probleemdefinitie', round: 1 });
		expect(part.approved!.diff.filter((l) => l.kind !== 'unchanged' && l.text !== '')).toEqual([
			{ kind: 'added', text: 'Herzien na de pilot.' }
		]);
	});
});

describe('the record cannot be altered or deleted', () => {
	async function snapshot(): Promise<unknown[]> {
		const tables = ['phase_transitions', 'agreement_confirmations', 'checkpoint_submissions', 'checkpoint_reviews'];
		return Promise.all(
			tables.map(async (t) => (await db.execute(`SELECT * FROM ${t} ORDER BY rowid`)).rows.map((r) => ({ ...r })))
		);
	}

	beforeEach(async () => {
		const id = await submittedCheckpoint();
		await checkpoints.review(olga, 'd', id, { decision: 'approve', comment: 'Akkoord.' });
		await agreements.save(ann, 'd', {
			version: 0,
			randvoorwaarden: 'r',
			spelregels: 's',
			terugkoppelmomenten: 't',
			besluitvormer: 'Wethouder',
			informeren: 'i',
			opdrachtgeverDecides: false
		});
		await agreements.confirm(olga, 'd', { version: 1 });
		await phases.transition(ann, 'd', {
			to: 'fase_1',
			reasonCategory: null,
			explanation: '',
			resultSummary: '',
			override: false,
			justification: ''
		});
	});

	const ATTEMPTS: [string, string][] = [
		['UPDATE a review', "UPDATE checkpoint_reviews SET decision = 'changes_requested'"],
		['UPDATE the hash of a review', "UPDATE checkpoint_reviews SET snapshot_sha256 = 'x'"],
		['DELETE a review', 'DELETE FROM checkpoint_reviews'],
		[
			'INSERT OR REPLACE over a review',
			"INSERT OR REPLACE INTO checkpoint_reviews SELECT id, submission_id, 'changes_requested', comment, reviewer_id, reviewer_roles, snapshot_sha256, reviewed_at FROM checkpoint_reviews"
		],
		[
			'REPLACE a review by its submission',
			"REPLACE INTO checkpoint_reviews SELECT 'other', submission_id, decision, '', reviewer_id, reviewer_roles, snapshot_sha256, 0 FROM checkpoint_reviews"
		],
		[
			'UPSERT a review',
			"INSERT INTO checkpoint_reviews SELECT * FROM checkpoint_reviews WHERE 1 ON CONFLICT (id) DO UPDATE SET comment = 'x'"
		],
		['UPDATE a frozen state', "UPDATE checkpoint_submissions SET state = x'00', sha256 = '" + '0'.repeat(64) + "'"],
		['DELETE a submission', 'DELETE FROM checkpoint_submissions'],
		[
			'REPLACE a submission',
			"INSERT OR REPLACE INTO checkpoint_submissions SELECT id, checkpoint_id, round, subjects, x'00', rendered, sha256, submitted_by, submitted_at FROM checkpoint_submissions"
		],
		['DELETE the checkpoint under a submission', 'DELETE FROM checkpoints'],
		['UPDATE a transition', "UPDATE phase_transitions SET to_phase = 'fase_2'"],
		['DELETE a transition', 'DELETE FROM phase_transitions'],
		['UPDATE a confirmation', "UPDATE agreement_confirmations SET content = '{}'"],
		['DELETE a confirmation', 'DELETE FROM agreement_confirmations'],
		['REPLACE a confirmation', 'INSERT OR REPLACE INTO agreement_confirmations SELECT * FROM agreement_confirmations'],
		['DELETE the Doetank', "DELETE FROM doetanks WHERE id = 'd'"],
		['DELETE the reviewer', "DELETE FROM users WHERE id = 'olga'"],
		['move the phase without an event', "UPDATE doetanks SET phase = 'fase_2' WHERE id = 'd'"]
	];

	it.each(ATTEMPTS)('%s fails and changes nothing', async (_label, sql) => {
		const before = await snapshot();
		const phase = (await db.execute("SELECT phase FROM doetanks WHERE id = 'd'")).rows[0]?.phase;
		await expect(db.execute(sql)).rejects.toThrow(/immutable|FOREIGN KEY|phase_without_event/);
		// A batch is a transaction of its own: it fails as a whole too.
		await expect(db.batch(["UPDATE checkpoints SET title = 'x'", sql], 'write')).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
		expect((await db.execute("SELECT phase FROM doetanks WHERE id = 'd'")).rows[0]?.phase).toBe(phase);
		expect((await db.execute('SELECT title FROM checkpoints')).rows[0]?.title).toBe('Probleemdefinitie');
	});

	it('refuses a review whose hash is not the hash of its submission', async () => {
		const c = await checkpoints.create(ann, 'd', {
			title: 'Tweede',
			plannedDay: '2027-01-01',
			subjects: ['actielijst']
		});
		const submission = await checkpoints.submit(ann, 'd', c.id);
		await expect(
			db.execute({
				sql: `INSERT INTO checkpoint_reviews VALUES ('r2', ?, 'approved', '', 'olga', '[]', ?, 0)`,
				args: [submission.id, '0'.repeat(64)]
			})
		).rejects.toThrow(/review_hash_mismatch/);
	});
});

describe('phase gates on the server', () => {
	it('refuses a closed gate with the list of what is missing, then opens step by step', async () => {
		const noInput = { reasonCategory: null, explanation: '', resultSummary: '', override: false, justification: '' };
		const err = await expectAppError(phases.transition(ann, 'd', { to: 'fase_1', ...noInput }), 'gate_closed');
		expect(err.missing?.map((m) => m.key)).toEqual(['besluitvormer', 'agreement', 'probleemdefinitie']);
		expect(err.missing?.[1]?.explanation).toEqual({ key: 'gate.agreement.none', params: { version: 0, confirmed: 0 } });
		await expectAppError(
			phases.transition(coco, 'd', { to: 'fase_1', ...noInput, override: true, justification: 'Haast' }),
			'forbidden'
		);
		await expectAppError(phases.transition(olga, 'd', { to: 'fase_1', ...noInput }), 'forbidden');
		await expectAppError(phases.transition(ann, 'd', { to: 'fase_2', ...noInput }), 'conflict');
		expect((await phases.overview(ann, 'd')).phase).toBe('fase_0');

		const id = await submittedCheckpoint();
		await checkpoints.review(olga, 'd', id, { decision: 'approve', comment: '' });
		await agreements.save(ann, 'd', {
			version: 0,
			randvoorwaarden: '',
			spelregels: '',
			terugkoppelmomenten: '',
			besluitvormer: '',
			informeren: '',
			opdrachtgeverDecides: true
		});
		await agreements.confirm(olga, 'd', { version: 1 });
		const moved = await phases.transition(coco, 'd', { to: 'fase_1', ...noInput });
		expect(moved).toMatchObject({
			from: 'fase_0',
			to: 'fase_1',
			actor: { id: 'coco' },
			override: false,
			overridden: []
		});
		expect((await phases.overview(ann, 'd')).phase).toBe('fase_1');
		expect((await listNotifications(db, 'ann', 10)).map((n) => n.kind)).toContain('phase_changed');
		expect((await listNotifications(db, 'coco', 10)).map((n) => n.kind)).not.toContain('phase_changed');
	});

	it('lets an admin override a closed gate and records what was set aside and why', async () => {
		const t = await phases.transition(admin, 'd', {
			to: 'fase_1',
			reasonCategory: null,
			explanation: '',
			resultSummary: '',
			override: true,
			justification: 'Besluit stuurgroep 3 maart'
		});
		expect(t).toMatchObject({
			override: true,
			justification: 'Besluit stuurgroep 3 maart',
			overridden: ['besluitvormer', 'agreement', 'probleemdefinitie']
		});
		expect((await phases.feed(who('c', 'coach')))[0]).toMatchObject({ id: t.id, doetankName: 'Slim innen' });
		await expectAppError(phases.feed(ann), 'forbidden');
	});
});

describe('the agreement', () => {
	const content = {
		randvoorwaarden: 'Budget 10 uur per week',
		spelregels: 'Elke maand bijpraten',
		terugkoppelmomenten: '1 december',
		besluitvormer: 'Directeur',
		informeren: 'Maandelijks overleg',
		opdrachtgeverDecides: false
	};

	it('puts a saved version in the opdrachtgever’s inbox until it is confirmed', async () => {
		const content = {
			randvoorwaarden: 'Acht uur per week.',
			spelregels: 'Maandelijks bijpraten.',
			terugkoppelmomenten: '1 maart.',
			besluitvormer: 'Directeur',
			informeren: '',
			opdrachtgeverDecides: false
		};
		const unread = async (user: string) =>
			(await listNotifications(db, user, 10))
				.filter((n) => n.readAt === null && n.kind === 'agreement_awaiting_confirmation')
				.map((n) => [n.link, n.params.version]);
		await agreements.save(ann, 'd', { version: 0, ...content });
		expect(await unread('olga')).toEqual([['/doetanks/d/afspraak', '1']]);
		expect(await unread('ann')).toEqual([]);
		await agreements.save(ann, 'd', { version: 1, ...content, spelregels: 'Wekelijks bijpraten.' });
		// Version 1 can no longer be confirmed: only version 2 waits.
		expect(await unread('olga')).toEqual([['/doetanks/d/afspraak', '2']]);
		await agreements.confirm(olga, 'd', { version: 2 });
		expect(await unread('olga')).toEqual([]);
	});

	it('refuses a save on a stale version and needs a new confirmation after a change', async () => {
		expect((await agreements.save(ann, 'd', { version: 0, ...content })).agreement.version).toBe(1);
		await expectAppError(agreements.save(olga, 'd', { version: 0, ...content, spelregels: 'Anders' }), 'conflict');
		expect((await agreements.confirm(olga, 'd', { version: 1 })).state).toBe('confirmed');
		await expectAppError(agreements.confirm(olga, 'd', { version: 1 }), 'conflict');
		// Saving the same text again is no change: still confirmed.
		expect((await agreements.save(ann, 'd', { version: 1, ...content })).state).toBe('confirmed');
		const changed = await agreements.save(olga, 'd', { version: 1, ...content, spelregels: 'Elke twee weken' });
		expect(changed).toMatchObject({ state: 'changed', agreement: { version: 2, spelregels: 'Elke twee weken' } });
		await expectAppError(agreements.confirm(olga, 'd', { version: 1 }), 'conflict');
		await expectAppError(agreements.confirm(ann, 'd', { version: 2 }), 'forbidden');
		const confirmed = await agreements.confirm(olga, 'd', { version: 2 });
		expect(confirmed.confirmations.map((c) => [c.version, c.content.spelregels])).toEqual([
			[2, 'Elke twee weken'],
			[1, 'Elke maand bijpraten']
		]);
	});
});

describe('inbox: actions', () => {
	it('notices a new owner of an action in a live document, but not self-assignment or a non-member', async () => {
		const doc = new Y.Doc();
		const stop = notifications.observeActions('d', doc);
		const id = addAction(doc, { title: 'Bel de wethouder', ownerId: 'olga' }, 'ann');
		addAction(doc, { title: 'Voor een buitenstaander', ownerId: 'eve' }, 'ann');
		doc.transact(() => updateAction(doc, id, { ownerId: 'coco' }), { identity: { userId: 'coco' } });
		updateAction(doc, id, { ownerId: 'ann' });
		updateAction(doc, id, { title: 'Andere titel' });
		stop();
		updateAction(doc, id, { ownerId: 'olga' });
		const deadline = Date.now() + 5000;
		while ((await listNotifications(db, 'ann', 10)).length === 0 && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 20));
		await new Promise((r) => setTimeout(r, 100));
		expect((await listNotifications(db, 'olga', 10)).map((n) => [n.kind, n.params.action])).toEqual([
			['action_assigned', 'Bel de wethouder']
		]);
		expect((await listNotifications(db, 'ann', 10)).map((n) => n.kind)).toEqual(['action_assigned']);
		expect(await listNotifications(db, 'coco', 10)).toEqual([]);
		expect(await listNotifications(db, 'eve', 10)).toEqual([]);
	});

	it('adds an overdue action once when the inbox is read', async () => {
		await edit((doc) => addAction(doc, { title: 'Verslag schrijven', ownerId: 'ann', due: '2020-01-01' }, 'ann'));
		await edit((doc) => addAction(doc, { title: 'Nog niet te laat', ownerId: 'ann', due: '2999-01-01' }, 'ann'));
		const first = await notifications.inbox(ann);
		expect(first.items.map((n) => [n.kind, n.params.action, n.params.due])).toEqual([
			['action_overdue', 'Verslag schrijven', '2020-01-01']
		]);
		expect((await notifications.inbox(ann)).items).toHaveLength(1);
		expect(first.unread).toBe(1);
		expect(await notifications.markRead(ann, { all: true })).toBe(1);
		expect((await notifications.inbox(ann)).unread).toBe(0);
	});
});
