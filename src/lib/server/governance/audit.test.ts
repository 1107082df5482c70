import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/policy';
import { AccessEvents } from '../access-events';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { insertUser } from '../db/users';
import { InvitationService } from '../doetanks/invitations';
import { DoetankService } from '../doetanks/service';
import { AuditService } from './audit';

let db: Database;
let cleanup: () => void;

async function user(id: string): Promise<Actor> {
	await insertUser(db, {
		id,
		email: `${id}@x.nl`,
		name: `Naam ${id}`,
		networkRole: 'member',
		isDemo: false,
		passwordHash: 'x'
	});
	return { id, networkRole: 'member' };
}

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
});
afterEach(() => cleanup());

describe('AuditService membership changes', () => {
	it('records joining, a change of roles and a removal, with who did it, on the timeline', async () => {
		const trekker = await user('trekker');
		const lid = await user('lid');
		const doetanks = new DoetankService(db, new AccessEvents());
		const doetankId = await doetanks.create(trekker, { name: 'T', onderwerp: 'o', beoogdDoel: 'd' });
		const { token } = await new InvitationService(db).create(trekker, doetankId, { roles: ['lid'], lidType: 'schil' });
		await new InvitationService(db).accept(lid, token);
		await doetanks.changeMembership(trekker, doetankId, 'lid', {
			roles: ['lid', 'trekker'],
			lidType: 'kern',
			directStake: false
		});
		await doetanks.removeMember(trekker, doetankId, 'lid');

		const events = (await new AuditService(db).events(trekker, doetankId)).filter((e) => e.type === 'membership');
		// Newest first, also for changes within one millisecond.
		expect(
			events.map((e) => (e.type === 'membership' ? [e.change, e.member?.name, e.actor?.name, e.roles] : [])).reverse()
		).toEqual([
			['added', 'Naam trekker', 'Naam trekker', ['trekker', 'lid']],
			['added', 'Naam lid', 'Naam lid', ['lid']],
			['roles_changed', 'Naam lid', 'Naam trekker', ['lid', 'trekker']],
			['removed', 'Naam lid', 'Naam trekker', []]
		]);
	});

	it('keeps the record when the member account is deleted', async () => {
		const trekker = await user('trekker');
		const doetankId = await new DoetankService(db, new AccessEvents()).create(trekker, {
			name: 'T',
			onderwerp: 'o',
			beoogdDoel: 'd'
		});
		const lid = await user('lid');
		const { token } = await new InvitationService(db).create(trekker, doetankId, { roles: ['lid'], lidType: null });
		await new InvitationService(db).accept(lid, token);
		await db.execute("DELETE FROM users WHERE id = 'lid'");
		const events = (await new AuditService(db).events(trekker, doetankId)).filter((e) => e.type === 'membership');
		expect(events.map((e) => (e.type === 'membership' ? [e.change, e.member] : []))).toContainEqual(['added', null]);
	});
});
