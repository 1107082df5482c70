import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers/server';

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/main.js');

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [ENTRY], {
			env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env }
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('exit', (code) => resolve({ code, stderr }));
	});
}

describe('start-up configuration', () => {
	it.each([
		['PORT', 'drieduizend'],
		['REGISTRATION', 'iedereen'],
		['DATABASE_URL', 'mysql://localhost/db'],
		['DEMO', 'misschien']
	])('stops on %s=%s with a message naming the variable and touches no database', async (name, value) => {
		const dir = mkdtempSync(path.join(tmpdir(), 'doetank-config-'));
		try {
			const env: Record<string, string> = { DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`, [name]: value };
			const { code, stderr } = await run(env);
			expect(code).toBe(78);
			expect(stderr).toContain('Invalid configuration');
			expect(stderr).toContain(`${name}="${value}"`);
			expect(existsSync(path.join(dir, 'db.sqlite'))).toBe(false);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('websocket upgrades', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server?.stop();
	});

	function upgrade(pathname: string): Promise<number> {
		return new Promise((resolve, reject) => {
			const req = request(new URL(pathname, server.baseUrl), {
				headers: {
					Connection: 'Upgrade',
					Upgrade: 'websocket',
					'Sec-WebSocket-Version': '13',
					'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ=='
				}
			});
			req.on('upgrade', () => reject(new Error('the server switched protocols')));
			req.on('response', (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			});
			req.on('error', reject);
			req.end();
		});
	}

	it('are refused without switching protocols (401 on /sync without a session, 404 elsewhere)', async () => {
		expect(await upgrade('/sync/some-doetank')).toBe(401);
		expect(await upgrade('/elsewhere')).toBe(404);
		const health = await fetch(new URL('/healthz', server.baseUrl));
		expect(await health.json()).toEqual({ status: 'ok' });
	});
});
