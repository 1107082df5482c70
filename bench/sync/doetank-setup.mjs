// Set-up for our server through the automation API (not measured): accounts, Doetanks, memberships.
const PASSWORD = 'bench-wachtwoord-123';

/**
 * @param {string} base @param {string} path @param {unknown} body @param {string} [cookie]
 * @returns {Promise<{ body: any, cookie: string | null }>}
 */
async function post(base, path, body, cookie) {
	const res = await fetch(base + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
		body: JSON.stringify(body)
	});
	if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
	const session = res.headers.getSetCookie().find((c) => c.startsWith('doetank_session='));
	return { body: await res.json(), cookie: session ? (session.split(';')[0] ?? null) : null };
}

/** @param {string} base @param {string} email @returns {Promise<string>} the session cookie */
async function register(base, email) {
	const { cookie } = await post(base, '/api/v1/users', { email, name: email.split('@')[0], password: PASSWORD });
	if (!cookie) throw new Error(`registering ${email} set no session cookie`);
	return cookie;
}

/** Accepts every Doetank invitation in the inbox of the account holding `cookie`. @param {string} base @param {string} cookie */
async function acceptAll(base, cookie) {
	const res = await fetch(`${base}/api/v1/me/inbox`, { headers: { cookie } });
	if (!res.ok) throw new Error(`GET /api/v1/me/inbox: ${res.status} ${await res.text()}`);
	const { items } = /** @type {{ items: { kind: string, link: string }[] }} */ (await res.json());
	for (const item of items.filter((i) => i.kind === 'member_invited')) {
		await post(base, `/api/v1/invitations/${item.link.slice('/invite/'.length)}`, {}, cookie);
	}
}

/** Runs the tasks with at most `limit` in flight. @param {(() => Promise<unknown>)[]} tasks @param {number} limit */
async function pool(tasks, limit) {
	let next = 0;
	const lane = async () => {
		while (next < tasks.length) await tasks[next++]?.();
	};
	await Promise.all(Array.from({ length: limit }, lane));
}

/**
 * One account per client slot, reused across documents: slot 0 creates every Doetank (and so is its
 * trekker), the other slots are added as `lid`. Each client connects with its own account's session,
 * so the upgrade runs the full session and membership check. The very first account of an empty
 * database becomes network admin; a separate account takes that role so no client has it.
 * @param {string} base @param {number} docs @param {number} clients
 * @returns {Promise<import('./servers.mjs').Room[]>}
 */
export async function prepareDoetanks(base, docs, clients) {
	await register(base, 'beheerder@bench.test');
	const emails = Array.from({ length: clients }, (_, c) => `client${c}@bench.test`);
	const cookies = await Promise.all(emails.map((email) => register(base, email)));
	const owner = /** @type {string} */ (cookies[0]);
	const ids = [];
	for (let d = 0; d < docs; d++) {
		const doetank = {
			name: `Benchmark ${d}`,
			onderwerp: 'Synchronisatie meten',
			beoogdDoel: 'Vertraging en CPU per update'
		};
		const { body } = await post(base, '/api/v1/doetanks', doetank, owner);
		ids.push(/** @type {string} */ (body.doetank.id));
	}
	const invites = ids.flatMap((id) =>
		emails.slice(1).map((email) => () => post(base, `/api/v1/doetanks/${id}/members`, { email, roles: ['lid'] }, owner))
	);
	await pool(invites, 8);
	// Adding by e-mail only invites: each member accepts the invitations waiting in its inbox.
	await pool(
		cookies.slice(1).map((cookie) => () => acceptAll(base, /** @type {string} */ (cookie))),
		8
	);
	return ids.map((room) => ({ room, cookies }));
}
