import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { newAccount, register, type ApiClient } from './helpers/client';
import { freePort } from '../../scripts/free-port.mjs';
import { startServer, type TestServer } from './helpers/server';
import { connectPeer, sleep, until } from './helpers/sync-client';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = 'metrics-token-for-the-test';

let dir: string;
let web: TestServer;
let syncProcess: ChildProcess;
let syncBase: string;
let trekker: ApiClient;
let doetankId: string;

/** Starts `node build/sync.js` (what `npm run sync` runs) on the web server's database. */
async function startStandaloneSync(databaseUrl: string): Promise<void> {
	const port = await freePort();
	syncBase = `http://127.0.0.1:${port}`;
	syncProcess = spawn(process.execPath, [path.join(ROOT, 'build', 'sync.js')], {
		cwd: ROOT,
		stdio: 'ignore',
		env: {
			...process.env,
			DATABASE_URL: databaseUrl,
			SYNC_PORT: String(port),
			HOST: '127.0.0.1',
			DEMO: '0',
			LOG_LEVEL: 'silent',
			METRICS_TOKEN: TOKEN,
			SYNC_GRACE_MS: '50'
		}
	});
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		const ok = await fetch(`${syncBase}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return;
		await sleep(100);
	}
	throw new Error('the standalone sync server did not answer /healthz');
}

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'doetank-ops-'));
	const databaseUrl = `file:${path.join(dir, 'db.sqlite')}`;
	web = await startServer({ env: { DATABASE_URL: databaseUrl, SYNC_GRACE_MS: '50', METRICS_TOKEN: TOKEN } });
	({ client: trekker } = await register(web.baseUrl, newAccount('Trekker')));
	const created = await trekker.post<{ doetank: { id: string } }>('/api/v1/doetanks', {
		name: 'Ops',
		onderwerp: 'o',
		beoogdDoel: 'd'
	});
	expect(created.status, created.text).toBe(201);
	doetankId = created.body.doetank.id;
	await startStandaloneSync(databaseUrl);
});

afterAll(async () => {
	syncProcess?.kill('SIGTERM');
	await web?.stop();
	await rm(dir, { recursive: true, force: true });
});

describe('GET /metrics', () => {
	const bearer = { authorization: `Bearer ${TOKEN}` };

	it('serves Prometheus text with the sync metrics', async () => {
		const res = await fetch(`${web.baseUrl}/metrics`, { headers: bearer });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/plain');
		const body = await res.text();
		for (const name of [
			'doetank_sync_connections',
			'doetank_sync_documents_loaded',
			'doetank_sync_updates_received_total',
			'doetank_sync_updates_sent_total',
			'doetank_sync_persist_batch_seconds',
			'doetank_sync_broadcast_seconds',
			'process_resident_memory_bytes'
		]) {
			expect(body).toContain(`# TYPE ${name} `);
		}
	});

	it('refuses other methods', async () => {
		expect((await fetch(`${web.baseUrl}/metrics`, { method: 'POST', headers: bearer })).status).toBe(405);
	});

	it('does not exist (404) without the bearer token of METRICS_TOKEN', async () => {
		expect((await fetch(`${syncBase}/metrics`)).status).toBe(404);
		expect((await fetch(`${web.baseUrl}/metrics`, { method: 'POST' })).status).toBe(404);
		expect(
			(await fetch(`${syncBase}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-same-len' } })).status
		).toBe(404);
		const ok = await fetch(`${syncBase}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('doetank_sync_connections');
	});
});

describe('standalone sync server (npm run sync)', () => {
	it('authenticates with the web app’s sessions and writes to the same database', async () => {
		const refused = await new Promise<number>((resolve, reject) => {
			const ws = new WebSocket(`${syncBase.replace('http', 'ws')}/sync/${doetankId}`);
			ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
			ws.once('open', () => reject(new Error('upgraded without a session')));
			ws.once('error', () => undefined);
		});
		expect(refused).toBe(401);

		const writer = connectPeer(syncBase, trekker.sessionId!, doetankId);
		await until(() => writer.provider.synced, 'standalone sync');
		writer.doc.getText('t').insert(0, 'via de losse sync-server');
		await sleep(200);
		writer.provider.destroy();

		const reader = connectPeer(web.baseUrl, trekker.sessionId!, doetankId);
		await until(
			() => reader.provider.synced && reader.doc.getText('t').toString() === 'via de losse sync-server',
			'edit read back through the web server'
		);
		reader.provider.destroy();
	});
});
