// `npm run bench:scale`: simulated editors over many Doetanks on one instance, then on several
// instances sharing one database and a Redis (multi-instance mode), each client on an instance of
// its own (round robin), so every document spans instances. Needs a build (`npm run build`).
// Progress goes to stderr, a Markdown table to stdout. `--quick` is a smoke run of a few seconds.
//   --docs 100 --clients 10 --interval-ms 2000 --seconds 60 --instances 1,2   (the defaults)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { prepareDoetanks } from '../sync/doetank-setup.mjs';
import { cpuSeconds, peakRssMiB } from '../sync/proc.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { ROOT } from '../sync/servers.mjs';
import { percentile } from '../sync/stats.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
/** @param {string} name @param {string} fallback */
const arg = (name, fallback) => {
	const i = args.indexOf(name);
	return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const options = {
	docs: Number(arg('--docs', quick ? '4' : '100')),
	clients: Number(arg('--clients', quick ? '3' : '10')),
	intervalMs: Number(arg('--interval-ms', quick ? '500' : '2000')),
	seconds: Number(arg('--seconds', quick ? '5' : '60')),
	instances: arg('--instances', '1,2').split(',').map(Number)
};
const METRICS_TOKEN = 'bench-scale-metrics-token';
// Every y-websocket provider listens for the process's exit.
process.setMaxListeners(0);
const log = (/** @type {string} */ line) => process.stderr.write(line + '\n');
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string} url */
async function waitFor(url) {
	const deadline = Date.now() + 60_000;
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

/** @param {import('node:child_process').ChildProcess} child */
const stopped = (child) =>
	new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve(null);
		child.once('exit', resolve);
		child.kill('SIGTERM');
	});

/** Starts Redis (for more than one instance) and the instances on one fresh database. @param {number} count */
async function startCluster(count) {
	const dir = mkdtempSync(path.join(tmpdir(), 'doetank-bench-scale-'));
	/** @type {{ port: number, child: import('node:child_process').ChildProcess } | null} */
	let redis = null;
	if (count > 1) {
		const port = await freePort();
		const child = spawn(
			'redis-server',
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{
				stdio: 'ignore'
			}
		);
		redis = { port, child };
		await sleep(300);
	}
	const env = {
		...process.env,
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		DEMO: '0',
		LOG_LEVEL: 'warn',
		METRICS_TOKEN,
		DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
		// Each bench account holds a socket in every Doetank; the per-user bounds are not what is measured.
		SYNC_MAX_SOCKETS_PER_USER: String(options.docs + 10),
		...(redis ? { REDIS_URL: `redis://127.0.0.1:${redis.port}` } : {})
	};
	/** @type {{ url: string, child: import('node:child_process').ChildProcess }[]} */
	const instances = [];
	for (let i = 0; i < count; i++) {
		const port = await freePort();
		const child = spawn(process.execPath, [path.join(ROOT, 'build', 'main.js')], {
			cwd: ROOT,
			env: { ...env, PORT: String(port) },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		instances.push({ url: `http://127.0.0.1:${port}`, child });
		if (i === 0) await waitFor(`${instances[0]?.url}/healthz`);
	}
	await Promise.all(instances.map((s) => waitFor(`${s.url}/healthz`)));
	return {
		instances,
		redis,
		async stop() {
			await Promise.all(instances.map((s) => stopped(s.child)));
			if (redis) await stopped(redis.child);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Sums a metric over its label sets in Prometheus text. @param {string} text @param {string} name @param {string} [labels] */
function metric(text, name, labels = '') {
	const pattern = new RegExp(`^${name}${labels ? `\\{[^}]*${labels}[^}]*\\}` : '(\\{[^}]*\\})?'} (\\S+)$`, 'gm');
	let sum = 0;
	for (const m of text.matchAll(pattern)) sum += Number(m[m.length - 1]);
	return sum;
}

/** @param {string} url */
const metricsOf = (url) =>
	fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());

/** @param {number} port */
function redisCommands(port) {
	const info = execFileSync('redis-cli', ['-p', String(port), 'info', 'stats'], { encoding: 'utf8' });
	return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? NaN);
}

/** One run: `count` instances, every client of every Doetank editing once per interval. @param {number} count */
async function run(count) {
	log(`${count} instance(s): starting`);
	const cluster = await startCluster(count);
	try {
		const rooms = await prepareDoetanks(cluster.instances[0].url, options.docs, options.clients);
		/** @type {number[]} */
		const latencies = [];
		let sent = 0;
		let received = 0;
		let slot = 0;
		const clients = rooms.flatMap(({ room, cookies }) =>
			cookies.map((cookie, c) => {
				const base = cluster.instances[slot++ % count].url.replace(/^http/, 'ws');
				class CookieSocket extends WebSocket {
					/** @param {string} url @param {string | string[]} [protocols] */
					constructor(url, protocols) {
						super(url, protocols, { headers: { cookie: cookie ?? '' } });
					}
				}
				const doc = new Y.Doc();
				const provider = new WebsocketProvider(`${base}/sync`, room, doc, {
					WebSocketPolyfill: /** @type {any} */ (CookieSocket),
					disableBc: true
				});
				const text = doc.getText('bench');
				text.observe((event) => {
					if (event.transaction.local) return;
					for (const op of event.delta) {
						if (typeof op.insert !== 'string') continue;
						for (const m of op.insert.matchAll(/\.(\d+)\|/g)) {
							received++;
							latencies.push(Date.now() - Number(m[1]));
						}
					}
				});
				return { room, c, doc, provider, text };
			})
		);
		await Promise.all(
			clients.map((k) => new Promise((r) => (k.provider.synced ? r(null) : k.provider.once('sync', r))))
		);
		log(`  ${clients.length} clients synced; editing for ${options.seconds} s`);
		const before = {
			cpu: cluster.instances.map((s) => cpuSeconds(s.child.pid ?? 0)),
			redisCpu: cluster.redis ? cpuSeconds(cluster.redis.child.pid ?? 0) : 0,
			redisCommands: cluster.redis ? redisCommands(cluster.redis.port) : 0,
			metrics: await Promise.all(cluster.instances.map((s) => metricsOf(s.url))),
			clientCpu: process.cpuUsage()
		};
		const started = Date.now();
		const timers = clients.map((k, i) => {
			let n = 0;
			const edit = () => {
				k.text.insert(k.text.length, `${k.c}:${n++}.${Date.now()}|`);
				sent++;
			};
			const first = setTimeout(() => {
				edit();
				timers[i] = setInterval(edit, options.intervalMs);
			}, Math.random() * options.intervalMs);
			return first;
		});
		await sleep(options.seconds * 1000);
		for (const t of timers) clearTimeout(t);
		const elapsed = (Date.now() - started) / 1000;
		const expected = sent * (options.clients - 1);
		const deadline = Date.now() + 15_000;
		while (received < expected && Date.now() < deadline) await sleep(100);
		const after = {
			cpu: cluster.instances.map((s) => cpuSeconds(s.child.pid ?? 0)),
			redisCpu: cluster.redis ? cpuSeconds(cluster.redis.child.pid ?? 0) : 0,
			redisCommands: cluster.redis ? redisCommands(cluster.redis.port) : 0,
			metrics: await Promise.all(cluster.instances.map((s) => metricsOf(s.url))),
			clientCpu: process.cpuUsage(before.clientCpu)
		};
		/** @type {Map<string, typeof clients>} */
		const byRoom = new Map();
		for (const k of clients) byRoom.set(k.room, [...(byRoom.get(k.room) ?? []), k]);
		const converged = [...byRoom.values()].filter((ks) =>
			ks.every((k) => k.text.toString() === ks[0]?.text.toString())
		).length;
		const commits = after.metrics.map(
			(m, i) =>
				metric(m, 'doetank_sync_persist_batch_seconds_count') -
				metric(before.metrics[i] ?? '', 'doetank_sync_persist_batch_seconds_count')
		);
		const rows = after.metrics.map(
			(m, i) =>
				metric(m, 'doetank_sync_persist_batch_updates_sum') -
				metric(before.metrics[i] ?? '', 'doetank_sync_persist_batch_updates_sum')
		);
		for (const k of clients) k.provider.destroy();
		latencies.sort((a, b) => a - b);
		return {
			count,
			clients: clients.length,
			sent,
			received,
			expected,
			converged,
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
			cpu: after.cpu.map((v, i) => (v - (before.cpu[i] ?? 0)) / elapsed),
			rss: cluster.instances.map((s) => peakRssMiB(s.child.pid ?? 0)),
			redisCpu: (after.redisCpu - before.redisCpu) / elapsed,
			redisOps: (after.redisCommands - before.redisCommands) / elapsed,
			dbCommits: commits.reduce((a, b) => a + b, 0) / elapsed,
			dbRows: rows.reduce((a, b) => a + b, 0) / elapsed,
			clientCpu: (after.clientCpu.user + after.clientCpu.system) / 1e6 / elapsed
		};
	} finally {
		await cluster.stop();
	}
}

const results = [];
for (const count of options.instances) {
	const r = await run(count);
	log(
		`  p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.received}/${r.expected} delivered, ${r.converged}/${options.docs} converged`
	);
	results.push(r);
}
const f = (/** @type {number} */ v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
console.log(
	[
		`${options.docs} Doetanks × ${options.clients} clients, one edit per client every ${options.intervalMs} ms, ${options.seconds} s` +
			(quick ? ' (--quick smoke run)' : ''),
		'',
		'| instances | clients | p50 ms | p99 ms | delivered | converged | CPU per instance (cores) | peak RSS per instance (MiB) | Redis CPU (cores) | Redis commands/s | DB commits/s | DB rows/s | client CPU (cores) |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|',
		...results.map(
			(r) =>
				`| ${r.count} | ${r.clients} | ${f(r.p50)} | ${f(r.p99)} | ${r.received}/${r.expected} | ${r.converged}/${options.docs} | ${r.cpu.map((v) => f(v, 2)).join(', ')} | ${r.rss.map((v) => f(v, 0)).join(', ')} | ${r.count > 1 ? f(r.redisCpu, 2) : '–'} | ${r.count > 1 ? f(r.redisOps, 0) : '–'} | ${f(r.dbCommits, 0)} | ${f(r.dbRows, 0)} | ${f(r.clientCpu, 2)} |`
		)
	].join('\n')
);
// The providers' reconnect timers and sockets are gone, but nothing else may keep the process up.
process.exit(0);
