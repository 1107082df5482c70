// `npm run cluster -- --instances 3`: a local cluster as an operator would run one. Redis (the
// machine's redis-server on a free port), N instances of build/main.js on one database (WAL), and a
// round-robin proxy (http-proxy) for HTTP and websockets in front, on PORT (default 3000).
// Stop it with Ctrl+C: every instance gets SIGTERM (its clients reconnect to the others meanwhile).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import httpProxy from 'http-proxy';
import { freePort } from './free-port.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (/** @type {string} */ name, /** @type {number} */ fallback) => {
	const i = args.indexOf(name);
	const value = i >= 0 ? Number(args[i + 1]) : fallback;
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
	return value;
};
const count = flag('--instances', 3);
const port = Number(process.env.PORT ?? 3000);
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string} url @param {number} ms */
async function waitFor(url, ms) {
	const deadline = Date.now() + ms;
	for (;;) {
		try {
			if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
		} catch {
			// not yet
		}
		if (Date.now() > deadline) throw new Error(`${url} did not answer`);
		await sleep(100);
	}
}

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
/** @type {import('node:http').Server | null} */
let server = null;

// From the start: Ctrl+C while instances are still starting must not leave any behind.
let stopping = false;
async function stop() {
	if (stopping) return;
	stopping = true;
	server?.close();
	const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
	const exited = running.map((c) => new Promise((r) => c.once('exit', r)));
	for (const c of running) c.kill('SIGTERM');
	await Promise.all(exited);
	process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
const redisPort = await freePort();
const redis = spawn(
	'redis-server',
	['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
	{
		stdio: 'ignore'
	}
);
children.push(redis);
redis.on('error', (err) => {
	console.error(`redis-server could not start (${err.message}); install Redis (apt-get install redis-server)`);
	process.exit(1);
});

const env = {
	...process.env,
	REDIS_URL: `redis://127.0.0.1:${redisPort}`,
	HOST: '127.0.0.1',
	DATABASE_URL: process.env.DATABASE_URL ?? 'file:data/doetank.db'
};
/** @type {{ url: string, process: import('node:child_process').ChildProcess }[]} */
const instances = [];
for (let i = 0; i < count; i++) {
	const instancePort = await freePort();
	const child = spawn(process.execPath, [path.join(ROOT, 'build', 'main.js')], {
		cwd: ROOT,
		env: { ...env, PORT: String(instancePort) },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	children.push(child);
	const url = `http://127.0.0.1:${instancePort}`;
	instances.push({ url, process: child });
	// The first one migrates (and seeds the demo); the others start once it is up.
	if (i === 0) await waitFor(`${url}/healthz`, 30_000);
}
await Promise.all(instances.map((s) => waitFor(`${s.url}/healthz`, 30_000)));

let next = 0;
/** The next instance that is still running (round robin). */
function pick() {
	for (let tries = 0; tries < instances.length; tries++) {
		const candidate = instances[next++ % instances.length];
		if (candidate && candidate.process.exitCode === null && candidate.process.signalCode === null) return candidate.url;
	}
	return null;
}

const proxy = httpProxy.createProxyServer({ xfwd: true });
proxy.on('error', (_err, _req, res) => {
	if ('writeHead' in res && !res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway');
	else res.destroy();
});
server = createServer((req, res) => {
	const target = pick();
	if (!target) return void res.writeHead(503).end('No instance');
	proxy.web(req, res, { target });
});
server.on('upgrade', (req, socket, head) => {
	const target = pick();
	if (!target) return void socket.destroy();
	proxy.ws(req, socket, head, { target });
});
server.listen(port, '127.0.0.1', () => {
	console.log(
		`Doetank Werkplaats cluster: http://localhost:${port} → ${instances.map((s) => s.url).join(', ')}; Redis on ${redisPort}`
	);
});
