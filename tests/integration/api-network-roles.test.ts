import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ApiClient,
	expectApiError,
	newAccount,
	register,
	type DoetankList,
	type Registered,
	type SessionBody
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';

interface UserBody {
	user: { id: string; networkRole: string };
}

describe('network roles (admin only)', () => {
	let server: TestServer;
	let admin: Registered;
	let member: Registered;

	beforeAll(async () => {
		server = await startServer();
		admin = await register(server.baseUrl, newAccount('Admin'));
		member = await register(server.baseUrl, newAccount('Member'));
		await admin.client.post('/api/v1/doetanks', { name: 'Alleen van admin', onderwerp: 'o', beoogdDoel: 'd' });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('refuses the account list and role changes to non-admins and visitors', async () => {
		expectApiError(await member.client.get('/api/v1/users'), 403, 'forbidden');
		expectApiError(
			await member.client.put(`/api/v1/users/${member.id}/network-role`, { networkRole: 'admin' }),
			403,
			'forbidden'
		);
		expectApiError(await new ApiClient(server.baseUrl).get('/api/v1/users'), 401, 'unauthenticated');
		expect((await member.client.get<SessionBody>('/api/v1/session')).body.user.networkRole).toBe('member');
	});

	it('lets the admin make someone a coach, who then sees every Doetank', async () => {
		const before = await member.client.get<DoetankList>('/api/v1/doetanks');
		expect(before.body.all).toBeNull();
		const res = await admin.client.put<UserBody>(`/api/v1/users/${member.id}/network-role`, { networkRole: 'coach' });
		expect(res.status).toBe(200);
		expect(res.body.user).toMatchObject({ id: member.id, networkRole: 'coach' });
		const after = await member.client.get<DoetankList>('/api/v1/doetanks');
		expect(after.body.all?.map((d) => d.name)).toContain('Alleen van admin');
		const users = await admin.client.get<{ users: Array<{ id: string; networkRole: string }> }>('/api/v1/users');
		expect(users.body.users.find((u) => u.id === member.id)?.networkRole).toBe('coach');
	});

	it('keeps at least one admin, validates the role and knows unknown accounts', async () => {
		expectApiError(
			await admin.client.put(`/api/v1/users/${admin.id}/network-role`, { networkRole: 'member' }),
			409,
			'conflict'
		);
		const invalid = expectApiError(
			await admin.client.put(`/api/v1/users/${member.id}/network-role`, { networkRole: 'koning' }),
			422,
			'validation_failed'
		);
		expect(Object.keys(invalid.fields ?? {})).toEqual(['networkRole']);
		expectApiError(
			await admin.client.put('/api/v1/users/nobody/network-role', { networkRole: 'coach' }),
			404,
			'not_found'
		);
		expect((await admin.client.get<SessionBody>('/api/v1/session')).body.user.networkRole).toBe('admin');
	});
});
