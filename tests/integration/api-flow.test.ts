import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	acceptInvitation,
	sessionHandle,
	ApiClient,
	expectApiError,
	login,
	newAccount,
	register,
	sortRoles,
	type DoetankDetail,
	type DoetankList,
	type InvitationBody,
	type Member,
	type Registered,
	type SessionBody,
	type SessionSummary
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';

const DOETANK = {
	name: 'Kennis delen',
	onderwerp: 'Kennis over de grenzen heen',
	beoogdDoel: 'Een werkende kennisomgeving'
};

describe('API flow (REGISTRATION=open)', () => {
	let server: TestServer;
	let base: string;
	let admin: Registered;
	let member: Registered;
	let doetankId: string;

	beforeAll(async () => {
		server = await startServer();
		base = server.baseUrl;
	});
	afterAll(async () => {
		await server?.stop();
	});

	describe('accounts and sessions', () => {
		it('makes the first account the network admin and later ones members', async () => {
			admin = await register(base, newAccount('Admin'));
			const me = await admin.client.get<SessionBody>('/api/v1/session');
			expect(me.status).toBe(200);
			expect(me.body.user).toMatchObject({ id: admin.id, email: admin.account.email, networkRole: 'admin' });
			expect(Date.parse(me.body.expiresAt)).toBeGreaterThan(Date.now());

			member = await register(base, newAccount('Member'));
			const other = await member.client.get<SessionBody>('/api/v1/session');
			expect(other.status).toBe(200);
			expect(other.body.user).toMatchObject({ id: member.id, networkRole: 'member' });
		});

		it('normalises the e-mail address and refuses a second account with it (409)', async () => {
			const account = newAccount('Dup');
			const shouting = { ...account, email: `  ${account.email.toUpperCase()} ` };
			const first = await register(base, shouting);
			expect((await first.client.get<SessionBody>('/api/v1/session')).body.user.email).toBe(account.email);

			const res = await new ApiClient(base).post('/api/v1/users', { ...account, name: 'Someone else' });
			const error = expectApiError(res, 409, 'conflict');
			expect(Object.keys(error.fields ?? {})).toEqual(['email']);
		});

		it('answers 401 for GET /api/v1/session without a session', async () => {
			expectApiError(await new ApiClient(base).get('/api/v1/session'), 401, 'unauthenticated');
		});

		it('logs in, and logging out ends exactly that session (204, then 401)', async () => {
			const client = await login(base, admin.account.email, admin.account.password);
			const me = await client.get<SessionBody>('/api/v1/session');
			expect(me.status).toBe(200);
			expect(me.body.user.id).toBe(admin.id);
			const oldSession = client.sessionId;

			const out = await client.delete('/api/v1/session');
			expect(out.status).toBe(204);
			expect(out.text).toBe('');
			expect(client.sessionId).toBeNull();
			expectApiError(await client.get('/api/v1/session'), 401, 'unauthenticated');
			// The old cookie itself is dead, not only forgotten by the client.
			expectApiError(await ApiClient.withSession(base, oldSession).get('/api/v1/session'), 401, 'unauthenticated');
			expectApiError(await ApiClient.withSession(base, oldSession).delete('/api/v1/session'), 401, 'unauthenticated');
			// The session the admin registered with is untouched.
			expect((await admin.client.get('/api/v1/session')).status).toBe(200);
		});

		it('gives the same 401 body for a wrong password and for an unknown account', async () => {
			const user = await register(base, newAccount('Careful'));
			const anon = new ApiClient(base);
			const wrong = await anon.post('/api/v1/session', { email: user.account.email, password: 'not-the-password' });
			const unknown = await anon.post('/api/v1/session', {
				email: 'nobody-here@example.test',
				password: 'not-the-password'
			});
			expectApiError(wrong, 401, 'unauthenticated');
			expectApiError(unknown, 401, 'unauthenticated');
			expect(unknown.body).toEqual(wrong.body);
			expect(unknown.text).toBe(wrong.text);
			expect(wrong.headers.getSetCookie()).toEqual([]);
			expect(anon.sessionId).toBeNull();
		});

		it('locks one account after 5 failed logins (429 with minutes), even for the right password', async () => {
			const victim = await register(base, newAccount('Victim'));
			const anon = new ApiClient(base);
			for (let i = 0; i < 5; i++) {
				const res = await anon.post('/api/v1/session', {
					email: victim.account.email,
					password: `wrong-${i}-password`
				});
				expectApiError(res, 401, 'unauthenticated');
			}
			const locked = await anon.post('/api/v1/session', {
				email: victim.account.email,
				password: victim.account.password
			});
			const error = expectApiError(locked, 429, 'too_many_requests');
			expect(error.message).toMatch(/\b1[45] minuten\b/);
			expect(anon.sessionId).toBeNull();

			const english = new ApiClient(base, { 'accept-language': 'en' });
			const lockedEn = await english.post('/api/v1/session', {
				email: victim.account.email,
				password: victim.account.password
			});
			expect(expectApiError(lockedEn, 429, 'too_many_requests').message).toMatch(/\b1[45] minutes\b/);

			// The lock is per account: others still log in, and the victim's existing session still works.
			await login(base, member.account.email, member.account.password);
			expect((await victim.client.get('/api/v1/session')).status).toBe(200);
		});
	});

	describe('Doetanks, invitations and members', () => {
		let invited: Registered;
		let outsider: Registered;

		it('creates a Doetank whose creator is trekker and core member', async () => {
			const res = await admin.client.post<DoetankDetail>('/api/v1/doetanks', DOETANK);
			expect(res.status, res.text).toBe(201);
			expect(res.body.doetank).toMatchObject({ ...DOETANK, phase: 'fase_0', isDemo: false, memberCount: 1 });
			expect(sortRoles(res.body.roles)).toEqual(['lid', 'trekker']);
			expect(res.body.members).toHaveLength(1);
			expect(res.body.members[0]).toMatchObject({ userId: admin.id, lidType: 'kern', directStake: true });
			expect(res.body.permissions).toEqual({ update: true, manageMembers: true, invite: true, editWorkspace: true });
			doetankId = res.body.doetank.id;
		});

		it('lists the Doetank under "mine" for its creator and not for others', async () => {
			const mine = await admin.client.get<DoetankList>('/api/v1/doetanks');
			expect(mine.status).toBe(200);
			expect(mine.body.mine.map((d) => d.id)).toEqual([doetankId]);
			expect(sortRoles(mine.body.mine[0]?.roles ?? [])).toEqual(['lid', 'trekker']);
			// The network admin also sees the whole network.
			expect(mine.body.all?.map((d) => d.id)).toEqual([doetankId]);

			const theirs = await member.client.get<DoetankList>('/api/v1/doetanks');
			expect(theirs.status).toBe(200);
			expect(theirs.body).toEqual({ mine: [], all: null });

			expectApiError(await new ApiClient(base).get('/api/v1/doetanks'), 401, 'unauthenticated');
		});

		it('shows the detail to its member', async () => {
			const res = await admin.client.get<DoetankDetail>(`/api/v1/doetanks/${doetankId}`);
			expect(res.status).toBe(200);
			expect(res.body.doetank).toMatchObject({ id: doetankId, ...DOETANK });
			expect(res.body.members.map((m) => m.userId)).toEqual([admin.id]);
		});

		it('answers 404 for an unknown Doetank id', async () => {
			expectApiError(await admin.client.get('/api/v1/doetanks/does-not-exist'), 404, 'not_found');
			expectApiError(await admin.client.get('/api/v1/doetanks/does-not-exist/members'), 404, 'not_found');
			expectApiError(await admin.client.put('/api/v1/doetanks/does-not-exist', DOETANK), 404, 'not_found');
		});

		it('lets an invitation link bring a new account into the Doetank, exactly once', async () => {
			const inv = await admin.client.post<InvitationBody>(`/api/v1/doetanks/${doetankId}/invitations`, {
				roles: ['lid'],
				lidType: 'schil'
			});
			expect(inv.status, inv.text).toBe(201);
			expect(inv.body.token).toMatch(/^[a-z0-9]{20,}$/);
			expect(inv.body.path).toBe(`/invite/${inv.body.token}`);
			expect(inv.body.url).toBe(`${base}/invite/${inv.body.token}`);
			expect(inv.body.roles).toEqual(['lid']);
			expect(Date.parse(inv.body.expiresAt)).toBeGreaterThan(Date.now());

			const preview = await new ApiClient(base).get(`/api/v1/invitations/${inv.body.token}`);
			expect(preview.status).toBe(200);
			expect(preview.body).toEqual({ doetankId, doetankName: DOETANK.name, roles: ['lid'] });

			const joined = await register(base, newAccount('Invited'), inv.body.token);
			invited = joined;
			expect(joined.doetankId).toBe(doetankId);
			const list = await joined.client.get<DoetankList>('/api/v1/doetanks');
			expect(list.body.mine.map((d) => ({ id: d.id, roles: d.roles }))).toEqual([{ id: doetankId, roles: ['lid'] }]);
			const detail = await joined.client.get<DoetankDetail>(`/api/v1/doetanks/${doetankId}`);
			expect(detail.status).toBe(200);
			expect(detail.body.roles).toEqual(['lid']);
			expect(detail.body.members.find((m) => m.userId === joined.id)).toMatchObject({
				lidType: 'schil',
				roles: ['lid']
			});

			// A second use of the same token fails and creates no account.
			const again = newAccount('Too late');
			const reuse = await new ApiClient(base).post('/api/v1/users', { ...again, invitation: inv.body.token });
			expectApiError(reuse, 404, 'not_found');
			expectApiError(await new ApiClient(base).get(`/api/v1/invitations/${inv.body.token}`), 404, 'not_found');
			const users = await admin.client.get<{ users: { email: string }[] }>('/api/v1/users');
			expect(users.body.users.map((u) => u.email)).not.toContain(again.email);
			const members = await admin.client.get<{ members: Member[] }>(`/api/v1/doetanks/${doetankId}/members`);
			expect(members.body.members.map((m) => m.userId).sort()).toEqual([admin.id, joined.id].sort());
		});

		it('lets a logged-in account accept an invitation once (POST /api/v1/invitations/:token)', async () => {
			const inv = await admin.client.post<InvitationBody>(`/api/v1/doetanks/${doetankId}/invitations`, {
				roles: ['meekijker']
			});
			expect(inv.status).toBe(201);
			const guest = await register(base, newAccount('Guest'));
			expectApiError(await new ApiClient(base).post(`/api/v1/invitations/${inv.body.token}`), 401, 'unauthenticated');
			const accepted = await guest.client.post<{ doetankId: string }>(`/api/v1/invitations/${inv.body.token}`);
			expect(accepted.status).toBe(201);
			expect(accepted.body).toEqual({ doetankId });
			expectApiError(await guest.client.post(`/api/v1/invitations/${inv.body.token}`), 404, 'not_found');
			const detail = await guest.client.get<DoetankDetail>(`/api/v1/doetanks/${doetankId}`);
			expect(detail.status).toBe(200);
			expect(detail.body.roles).toEqual(['meekijker']);
			// A watcher manages nothing.
			expect(detail.body.permissions).toEqual({
				update: false,
				manageMembers: false,
				invite: false,
				editWorkspace: false
			});
			expect((await admin.client.delete(`/api/v1/doetanks/${doetankId}/members/${guest.id}`)).status).toBe(204);
		});

		it('keeps an unrelated account out (403 on detail, members and every members action)', async () => {
			outsider = await register(base, newAccount('Outsider'));
			const c = outsider.client;
			const path = `/api/v1/doetanks/${doetankId}`;
			expectApiError(await c.get(path), 403, 'forbidden');
			expectApiError(await c.get(`${path}/members`), 403, 'forbidden');
			expectApiError(await c.put(path, { ...DOETANK, name: 'Overgenomen' }), 403, 'forbidden');
			expectApiError(
				await c.post(`${path}/members`, { email: outsider.account.email, roles: ['trekker'] }),
				403,
				'forbidden'
			);
			expectApiError(await c.put(`${path}/members/${invited.id}`, { roles: ['meekijker'] }), 403, 'forbidden');
			expectApiError(await c.delete(`${path}/members/${invited.id}`), 403, 'forbidden');
			expectApiError(await c.post(`${path}/invitations`, { roles: ['lid'] }), 403, 'forbidden');
			// Nothing changed.
			const detail = await admin.client.get<DoetankDetail>(path);
			expect(detail.body.doetank.name).toBe(DOETANK.name);
			expect(detail.body.members.map((m) => m.userId).sort()).toEqual([admin.id, invited.id].sort());
		});

		it('invites an existing account by e-mail; it joins only by accepting, and the answer never tells whether the address has an account', async () => {
			const path = `/api/v1/doetanks/${doetankId}/members`;
			const invited = await admin.client.post(path, { email: member.account.email, roles: ['opdrachtgever'] });
			const unknown = await admin.client.post(path, { email: 'nobody@example.test', roles: ['lid'] });
			expect([invited.status, unknown.status]).toEqual([202, 202]);
			expect(unknown.text).toBe(invited.text);
			expect((await member.client.get(`/api/v1/doetanks/${doetankId}`)).status).toBe(403);

			expect((await acceptInvitation(member.client, doetankId)).status).toBe(201);
			expect((await member.client.get(`/api/v1/doetanks/${doetankId}`)).status).toBe(200);
			const list = await admin.client.get<{ members: Member[] }>(path);
			expect(list.body.members.find((m) => m.userId === member.id)).toMatchObject({
				email: member.account.email,
				roles: ['opdrachtgever'],
				lidType: null,
				directStake: false
			});

			const again = await admin.client.post(path, { email: member.account.email, roles: ['lid'] });
			expect(again.status).toBe(202);
			expect(again.text).toBe(invited.text);
			const after = await admin.client.get<{ members: Member[] }>(path);
			expect(after.body.members.find((m) => m.userId === member.id)?.roles).toEqual(['opdrachtgever']);
		});

		it('changes roles with PUT members/:userId', async () => {
			const res = await admin.client.put<{ member: Member }>(`/api/v1/doetanks/${doetankId}/members/${member.id}`, {
				roles: ['coach', 'lid', 'lid'],
				lidType: 'kern',
				directStake: true
			});
			expect(res.status, res.text).toBe(200);
			expect(res.body.member).toMatchObject({ userId: member.id, lidType: 'kern', directStake: true });
			expect(sortRoles(res.body.member.roles)).toEqual(['coach', 'lid']);
			// As Doetank coach the member now manages the Doetank.
			const detail = await member.client.get<DoetankDetail>(`/api/v1/doetanks/${doetankId}`);
			expect(detail.body.permissions).toEqual({ update: true, manageMembers: true, invite: true, editWorkspace: true });
			const updated = await member.client.put<DoetankDetail>(`/api/v1/doetanks/${doetankId}`, {
				...DOETANK,
				onderwerp: 'Bijgewerkt'
			});
			expect(updated.status).toBe(200);
			expect(updated.body.doetank.onderwerp).toBe('Bijgewerkt');
			expectApiError(
				await admin.client.put(`/api/v1/doetanks/${doetankId}/members/${outsider.id}`, { roles: ['lid'] }),
				404,
				'not_found'
			);
		});

		it('never lets the last trekker go (409 on downgrade and removal)', async () => {
			const base_ = `/api/v1/doetanks/${doetankId}/members`;
			expectApiError(await admin.client.put(`${base_}/${admin.id}`, { roles: ['lid'] }), 409, 'conflict');
			expectApiError(await member.client.delete(`${base_}/${admin.id}`), 409, 'conflict');
			const before = await admin.client.get<{ members: Member[] }>(base_);
			expect(sortRoles(before.body.members.find((m) => m.userId === admin.id)?.roles ?? [])).toEqual([
				'lid',
				'trekker'
			]);

			// With a second trekker the first may step down; then the second is the last one.
			expect((await admin.client.put(`${base_}/${invited.id}`, { roles: ['trekker'] })).status).toBe(200);
			const down = await admin.client.put<{ member: Member }>(`${base_}/${admin.id}`, {
				roles: ['lid'],
				lidType: 'kern'
			});
			expect(down.status, down.text).toBe(200);
			expect(down.body.member.roles).toEqual(['lid']);
			expectApiError(await admin.client.delete(`${base_}/${invited.id}`), 409, 'conflict');
			expectApiError(await admin.client.put(`${base_}/${invited.id}`, { roles: ['meekijker'] }), 409, 'conflict');
			const after = await admin.client.get<{ members: Member[] }>(base_);
			expect(after.body.members.filter((m) => m.roles.includes('trekker')).map((m) => m.userId)).toEqual([invited.id]);
		});

		it('removes a member (204), who then loses access; removing again is 404', async () => {
			const path = `/api/v1/doetanks/${doetankId}/members/${member.id}`;
			const res = await admin.client.delete(path);
			expect(res.status).toBe(204);
			expect(res.text).toBe('');
			expectApiError(await member.client.get(`/api/v1/doetanks/${doetankId}`), 403, 'forbidden');
			expectApiError(await member.client.get(`/api/v1/doetanks/${doetankId}/members`), 403, 'forbidden');
			expect((await member.client.get<DoetankList>('/api/v1/doetanks')).body.mine).toEqual([]);
			expectApiError(await admin.client.delete(path), 404, 'not_found');
			const list = await admin.client.get<{ members: Member[] }>(`/api/v1/doetanks/${doetankId}/members`);
			expect(list.body.members.map((m) => m.userId)).not.toContain(member.id);
		});
	});

	describe('own sessions and password', () => {
		it('lists own sessions and revokes one; the revoked cookie gets 401', async () => {
			const user = await register(base, newAccount('Two devices'));
			const laptop = user.client;
			const phone = await login(base, user.account.email, user.account.password);

			const list = await laptop.get<{ sessions: SessionSummary[] }>('/api/v1/me/sessions');
			expect(list.status).toBe(200);
			expect(list.body.sessions).toHaveLength(2);
			// The list names sessions by an opaque handle (the token's SHA-256), never by the cookie value.
			const [laptopHandle, phoneHandle] = [sessionHandle(laptop.sessionId!), sessionHandle(phone.sessionId!)];
			const current = list.body.sessions.filter((s) => s.current);
			expect(current.map((s) => s.id)).toEqual([laptopHandle]);
			expect(list.body.sessions.map((s) => s.id).sort()).toEqual([laptopHandle, phoneHandle].sort());
			expect(list.text).not.toContain(laptop.sessionId!);
			expect(list.text).not.toContain(phone.sessionId!);
			for (const s of list.body.sessions) expect(s.expiresAt).toBeGreaterThan(Date.now());
			// A handle is no cookie.
			expectApiError(await ApiClient.withSession(base, phoneHandle).get('/api/v1/session'), 401, 'unauthenticated');

			// Someone else's session cannot be revoked through one's own account.
			expectApiError(await member.client.delete(`/api/v1/me/sessions/${phoneHandle}`), 404, 'not_found');
			expect((await phone.get('/api/v1/session')).status).toBe(200);

			const revoked = await laptop.delete(`/api/v1/me/sessions/${phoneHandle}`);
			expect(revoked.status).toBe(204);
			expectApiError(await phone.get('/api/v1/session'), 401, 'unauthenticated');
			expectApiError(await phone.get('/api/v1/me/sessions'), 401, 'unauthenticated');
			const rest = await laptop.get<{ sessions: SessionSummary[] }>('/api/v1/me/sessions');
			expect(rest.body.sessions.map((s) => s.id)).toEqual([laptopHandle]);

			expectApiError(await laptop.delete('/api/v1/me/sessions/not-a-session'), 404, 'not_found');
			expectApiError(await new ApiClient(base).get('/api/v1/me/sessions'), 401, 'unauthenticated');
			expectApiError(await new ApiClient(base).delete(`/api/v1/me/sessions/${laptopHandle}`), 401, 'unauthenticated');
		});

		it('changes the password and signs out the other sessions only', async () => {
			const user = await register(base, newAccount('Rotating'));
			const other = await login(base, user.account.email, user.account.password);
			const newPassword = 'een-heel-nieuw-wachtwoord';

			const wrong = await user.client.put('/api/v1/me/password', {
				currentPassword: 'not-my-password',
				newPassword,
				confirmPassword: newPassword
			});
			expect(Object.keys(expectApiError(wrong, 422, 'validation_failed').fields ?? {})).toEqual(['currentPassword']);
			expect((await other.get('/api/v1/session')).status).toBe(200);

			const res = await user.client.put('/api/v1/me/password', {
				currentPassword: user.account.password,
				newPassword,
				confirmPassword: newPassword
			});
			expect(res.status, res.text).toBe(204);
			expect((await user.client.get('/api/v1/session')).status).toBe(200);
			expectApiError(await other.get('/api/v1/session'), 401, 'unauthenticated');

			const old = await new ApiClient(base).post('/api/v1/session', {
				email: user.account.email,
				password: user.account.password
			});
			expectApiError(old, 401, 'unauthenticated');
			await login(base, user.account.email, newPassword);
			expectApiError(
				await new ApiClient(base).put('/api/v1/me/password', {
					currentPassword: newPassword,
					newPassword: 'x'.repeat(12),
					confirmPassword: 'x'.repeat(12)
				}),
				401,
				'unauthenticated'
			);
		});
	});

	describe('language', () => {
		it('answers in Dutch by default and in English for Accept-Language: en', async () => {
			const nl = await new ApiClient(base).get('/api/v1/session');
			expect(expectApiError(nl, 401, 'unauthenticated').message).toBe('Log eerst in.');
			const en = await new ApiClient(base, { 'accept-language': 'en-GB,en;q=0.9' }).get('/api/v1/session');
			expect(expectApiError(en, 401, 'unauthenticated').message).toBe('Please log in first.');
			const fallback = await new ApiClient(base, { 'accept-language': 'fr-FR,de;q=0.8' }).get('/api/v1/session');
			expect(expectApiError(fallback, 401, 'unauthenticated').message).toBe('Log eerst in.');

			const badNl = await new ApiClient(base).post('/api/v1/session', {});
			expect(expectApiError(badNl, 422, 'validation_failed')).toEqual({
				code: 'validation_failed',
				message: 'Controleer de gemarkeerde velden.',
				fields: { email: 'Dit veld is verplicht.', password: 'Dit veld is verplicht.' }
			});
			const badEn = await new ApiClient(base, { 'accept-language': 'en' }).post('/api/v1/session', {});
			expect(expectApiError(badEn, 422, 'validation_failed')).toEqual({
				code: 'validation_failed',
				message: 'Check the marked fields.',
				fields: { email: 'This field is required.', password: 'This field is required.' }
			});
		});
	});
});

describe('API flow (REGISTRATION=invite)', () => {
	let server: TestServer;
	let base: string;

	beforeAll(async () => {
		server = await startServer({ registration: 'invite' });
		base = server.baseUrl;
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('lets the first account in, then only invited ones', async () => {
		const first = await register(base, newAccount('Founder'));
		expect((await first.client.get<SessionBody>('/api/v1/session')).body.user.networkRole).toBe('admin');

		const uninvited = newAccount('Uninvited');
		const closed = await new ApiClient(base).post('/api/v1/users', uninvited);
		expectApiError(closed, 403, 'forbidden');
		const closedEn = await new ApiClient(base, { 'accept-language': 'en' }).post('/api/v1/users', uninvited);
		expect(expectApiError(closedEn, 403, 'forbidden').message).toBe('Registration requires an invitation.');
		const bogus = await new ApiClient(base).post('/api/v1/users', { ...uninvited, invitation: 'no-such-token' });
		expectApiError(bogus, 404, 'not_found');

		const created = await first.client.post<DoetankDetail>('/api/v1/doetanks', DOETANK);
		expect(created.status).toBe(201);
		const id = created.body.doetank.id;
		const inv = await first.client.post<InvitationBody>(`/api/v1/doetanks/${id}/invitations`, {
			roles: ['lid', 'coach']
		});
		expect(inv.status).toBe(201);

		const res = await new ApiClient(base).post<{ doetankId: string | null }>('/api/v1/users', {
			...uninvited,
			invitation: inv.body.token
		});
		expect(res.status, res.text).toBe(201);
		expect(res.body.doetankId).toBe(id);
		const members = await first.client.get<{ members: Member[] }>(`/api/v1/doetanks/${id}/members`);
		expect(members.body.members.find((m) => m.email === uninvited.email)?.roles).toEqual(['coach', 'lid']);

		// The refused attempts created no account (otherwise the registration above would be a 409),
		// and the used invitation cannot let anyone else in.
		const again = await new ApiClient(base).post('/api/v1/users', {
			...newAccount('Another'),
			invitation: inv.body.token
		});
		expectApiError(again, 404, 'not_found');
		const me = await login(base, uninvited.email, uninvited.password);
		expect((await me.get<SessionBody>('/api/v1/session')).body.user.networkRole).toBe('member');
	});
});
