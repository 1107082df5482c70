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
