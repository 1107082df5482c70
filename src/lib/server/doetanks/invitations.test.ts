import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/policy';
import type { Database } from '../db/client';
import { rolesIn } from '../db/doetanks';
import { testDatabase } from '../db/test-db';
import { insertUser } from '../db/users';
import { DoetankService } from './service';
import { InvitationService } from './invitations';
import { AccessEvents } from '../access-events';

let db: Database;
let cleanup: () => void;
const trekker: Actor = { id: 'trekker', networkRole: 'member' };

async function user(id: string) {
	await insertUser(db, { id, email: `${id}@x.nl`, name: id, networkRole: 'member', isDemo: false, passwordHash: 'x' });
	return { id, networkRole: 'member' } as Actor;
}

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	await user('trekker');
});
afterEach(() => cleanup());

describe('invitations', () => {
	it('are single use, even when two people accept at the same moment', async () => {
		const doetankId = await new DoetankService(db, new AccessEvents()).create(trekker, {
			name: 'T',
			onderwerp: 'o',
			beoogdDoel: 'd'
		});
		const invitations = new InvitationService(db);
		const { token } = await invitations.create(trekker, doetankId, { roles: ['lid'], lidType: 'schil' });
		const [a, b] = [await user('a'), await user('b')];
		const results = await Promise.allSettled([invitations.accept(a, token), invitations.accept(b, token)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const joined = [(await rolesIn(db, doetankId, 'a')).length, (await rolesIn(db, doetankId, 'b')).length];
		expect(joined.sort()).toEqual([0, 1]);
		expect(await invitations.preview(token)).toBeNull();
		// Whoever made the link hears once that it was taken up, by whom.
		const { rows } = await db.execute(
			"SELECT user_id, kind, params, link FROM notifications WHERE kind = 'invitation_accepted'"
		);
		expect(rows).toHaveLength(1);
		const winner = (await rolesIn(db, doetankId, 'a')).length === 1 ? 'a' : 'b';
		expect(rows[0]).toMatchObject({ user_id: 'trekker', link: `/doetanks/${doetankId}` });
		expect(JSON.parse(String(rows[0]!.params))).toEqual({ doetank: 'T', name: winner });
	});

	it('tell nobody when the maker of a link uses it', async () => {
		const doetankId = await new DoetankService(db, new AccessEvents()).create(trekker, {
			name: 'T',
			onderwerp: 'o',
			beoogdDoel: 'd'
		});
		const invitations = new InvitationService(db);
		const { token } = await invitations.create(trekker, doetankId, { roles: ['lid'], lidType: null });
		await db.execute({ sql: 'DELETE FROM memberships WHERE user_id = ?', args: ['trekker'] });
		await invitations.accept(trekker, token);
		expect(
			(await db.execute("SELECT count(*) AS n FROM notifications WHERE kind = 'invitation_accepted'")).rows[0]?.n
		).toBe(0);
	});

	it('store only a hash of the token', async () => {
		const doetankId = await new DoetankService(db, new AccessEvents()).create(trekker, {
			name: 'T',
			onderwerp: 'o',
			beoogdDoel: 'd'
		});
		const { token } = await new InvitationService(db).create(trekker, doetankId, { roles: ['lid'], lidType: null });
		const { rows } = await db.execute('SELECT token_hash FROM invitations');
		expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0]?.token_hash).not.toContain(token);
	});

	it('expire', async () => {
		const doetankId = await new DoetankService(db, new AccessEvents()).create(trekker, {
			name: 'T',
			onderwerp: 'o',
			beoogdDoel: 'd'
		});
		const invitations = new InvitationService(db);
		const { token } = await invitations.create(trekker, doetankId, { roles: ['lid'], lidType: null });
		await db.execute('UPDATE invitations SET expires_at = 0');
		expect(await invitations.preview(token)).toBeNull();
		await expect(invitations.accept(await user('late'), token)).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('personal invitations (adding an existing account by e-mail)', () => {
	async function invited() {
		const doetankId = await new DoetankService(db, new AccessEvents()).create(trekker, {
			name: 'T',
			onderwerp: 'o',
			beoogdDoel: 'd'
		});
		const invitations = new InvitationService(db);
		const lid = await user('lid');
		await invitations.inviteByEmail(trekker, doetankId, {
			email: 'lid@x.nl',
			roles: ['lid'],
			lidType: 'kern',
			directStake: true
		});
		const { rows } = await db.execute({ sql: 'SELECT link, kind FROM notifications WHERE user_id = ?', args: ['lid'] });
		return { doetankId, invitations, lid, rows };
	}

	it('give the invitee an inbox item with a link and no membership until accepted', async () => {
		const { doetankId, invitations, lid, rows } = await invited();
		expect(await rolesIn(db, doetankId, 'lid')).toEqual([]);
		expect(rows.map((r) => r.kind)).toEqual(['member_invited']);
		const token = String(rows[0]!.link).replace('/invite/', '');
		expect(await invitations.accept(lid, token)).toBe(doetankId);
		expect(await rolesIn(db, doetankId, 'lid')).toEqual(['lid']);
		const { rows: membership } = await db.execute(
			"SELECT lid_type, direct_stake FROM memberships WHERE user_id = 'lid'"
		);
		expect(membership[0]).toMatchObject({ lid_type: 'kern', direct_stake: 1 });
		const { rows: told } = await db.execute(
			"SELECT user_id, params FROM notifications WHERE kind = 'invitation_accepted'"
		);
		expect(told.map((r) => [r.user_id, JSON.parse(String(r.params))])).toEqual([
			['trekker', { doetank: 'T', name: 'lid' }]
		]);
		const { rows: invitedItem } = await db.execute(
			"SELECT read_at FROM notifications WHERE user_id = 'lid' AND kind = 'member_invited'"
		);
		expect(invitedItem[0]?.read_at).not.toBeNull();
	});

	it('stay new in the inbox while not accepted, also after another account tried the link', async () => {
		const { invitations, rows } = await invited();
		const token = String(rows[0]!.link).replace('/invite/', '');
		await expect(invitations.accept(await user('other'), token)).rejects.toMatchObject({ code: 'not_found' });
		const { rows: inbox } = await db.execute("SELECT read_at FROM notifications WHERE user_id = 'lid'");
		expect(inbox.map((r) => r.read_at)).toEqual([null]);
	});

	it('can be used by the invitee only, not to register nor by another account', async () => {
		const { invitations, rows } = await invited();
		const token = String(rows[0]!.link).replace('/invite/', '');
		const other = await user('other');
		await expect(invitations.accept(other, token)).rejects.toMatchObject({ code: 'not_found' });
		expect(await invitations.findUsable(token)).toBeNull();
		expect(await invitations.preview(token, 'other')).toBeNull();
		expect(await invitations.preview(token, 'lid')).not.toBeNull();
		expect(await invitations.isPersonal(token)).toBe(true);
	});

	it('do nothing visible for an unknown address, a member or a second invitation', async () => {
		const { doetankId, invitations } = await invited();
		const input = { lidType: null, directStake: false };
		await invitations.inviteByEmail(trekker, doetankId, { ...input, roles: ['lid'], email: 'nobody@x.nl' });
		await invitations.inviteByEmail(trekker, doetankId, { ...input, roles: ['lid'], email: 'lid@x.nl' });
		await invitations.inviteByEmail(trekker, doetankId, { ...input, roles: ['lid'], email: 'trekker@x.nl' });
		expect((await db.execute('SELECT count(*) AS n FROM invitations')).rows[0]?.n).toBe(1);
		expect((await db.execute('SELECT count(*) AS n FROM notifications')).rows[0]?.n).toBe(1);
	});
});
