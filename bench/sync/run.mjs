// Entry of `npm run bench:sync`: builds, measures every scenario on every server, writes the report.
// Progress goes to stderr, the Markdown section to stdout (and to --out).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measureCapacity } from './capacity.mjs';
import { measureColdLoad } from './cold-load.mjs';
import { measure } from './measure.mjs';
import { parseOptions } from './options.mjs';
import { ensurePeers } from './peers.mjs';
import { perfAvailable } from './profile.mjs';
import { measureReconnect } from './reconnect.mjs';
import { renderCapacity, renderCold, renderReconnect } from './report-scenarios.mjs';
import { machine, mergeInto, renderSection } from './report.mjs';
import { ROOT, SERVER_LABELS } from './servers.mjs';

const args = process.argv.slice(2);
const options = parseOptions(args);
const facts = machine();
const log = (/** @type {string} */ line) => process.stderr.write(line + '\n');

if (options.build) {
	log('npm run build');
	const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
	if (built.status !== 0) process.exit(built.status ?? 1);
}
if (
	options.servers.some((s) => s.startsWith('doetank')) &&
	!['main.js', 'sync.js'].every((f) => existsSync(path.join(ROOT, 'build', f)))
) {
	log('build/main.js or build/sync.js is missing: run without --no-build');
	process.exit(1);
}
if (options.servers.includes('hocuspocus-sqlite')) ensurePeers();

if (options.profile) {
	if (!perfAvailable()) {
		log('--profile needs Linux perf (the "perf" command), which does not run here');
		process.exit(1);
	}
	// perf names the servers' JIT-compiled functions through the map this flag makes them write; the
	// V8 log it also turns on would land in the working directory.
	process.env.BENCH_NODE_ARGS =
		`--perf-basic-prof --logfile=/dev/null --no-logfile-per-isolate ${process.env.BENCH_NODE_ARGS ?? ''}`.trim();
}

/** @type {import('./measure.mjs').Result[]} */
const results = [];
for (const scenario of options.scenarios) {
	for (let round = 1; round <= options.repeat; round++) {
		// Servers take turns, each round starting with the next one, so no server always runs first.
		const order = options.servers.map((_, i) => options.servers[(i + round - 1) % options.servers.length] ?? '');
		for (const kind of order) {
			const label = SERVER_LABELS[/** @type {keyof typeof SERVER_LABELS} */ (kind)];
			log(
				`${scenario.docs}x${scenario.clients}x${scenario.rate} ${label}, run ${round} of ${options.repeat}: measuring`
			);
			try {
				const r = await measure(kind, scenario, round, options);
				results.push(r);
				log(
					`  p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.received}/${r.expected} delivered, ` +
						`${r.convergedDocs}/${scenario.docs} converged, CPU ${r.cpuS.toFixed(2)} s (${r.cpuPerDeliveryUs.toFixed(1)} µs/delivery), ` +
						`peak RSS ${r.peakRssMiB.toFixed(0)} MiB, ${r.reconnects} reconnects, client CPU ${r.clientCpuS.toFixed(1)} s, other CPU ${r.otherCpuS.toFixed(1)} s`
				);
				if (options.timeline) {
					for (const s of r.timeline)
						log(
							`    second ${s.second}: ${s.count} deliveries, p50 ${s.p50.toFixed(1)}, p99 ${s.p99.toFixed(1)}, max ${s.max.toFixed(1)} ms`
						);
				}
			} catch (err) {
				const error = err instanceof Error ? err.message : String(err);
				log(`  failed: ${error}`);
				results.push(/** @type {import('./measure.mjs').Result} */ ({ kind, label, scenario, round, error }));
			}
		}
	}
}

const command = ['npm run bench:sync', ...(args.length ? ['--', ...args] : [])].join(' ');
/** Each section goes to stdout and, between its own markers, into --out. @type {[string, string][]} */
const sections = [];
if (options.scenarios.length > 0) sections.push(['sync', renderSection(results, options, facts, command)]);

/** Servers take turns, each round starting with the next one. @param {string[]} servers @param {number} round */
const turn = (servers, round) => servers.map((_, i) => servers[(i + round - 1) % servers.length] ?? '');
const when = `${facts.date}, ${facts.cores} cores, Node ${facts.node}, load average ${facts.load.toFixed(2)} at the start`;
/** @param {string} kind */
const labelOf = (kind) => SERVER_LABELS[/** @type {keyof typeof SERVER_LABELS} */ (kind)];
/** @param {unknown} err */
const message = (err) => (err instanceof Error ? err.message : String(err));

if (options.special.includes('capacity')) {
	/** @type {import('./capacity.mjs').CapacityResult[]} */
	const capacity = [];
	for (let round = 1; round <= options.repeat; round++)
		for (const kind of turn(options.servers, round)) {
			log(`capacity ${labelOf(kind)}, round ${round} of ${options.repeat}`);
			capacity.push(await measureCapacity(kind, round, options, log));
		}
	sections.push(['sync-capacity', renderCapacity(capacity, command, when)]);
}
if (options.special.includes('reconnect')) {
	const shape = options.quick ? { docs: 3, clients: 10 } : { docs: 30, clients: 10 };
	/** @type {import('./reconnect.mjs').ReconnectResult[]} */
	const reconnect = [];
	for (let round = 1; round <= options.repeat; round++)
		for (const kind of turn(options.servers, round)) {
			log(`reconnect ${labelOf(kind)}, round ${round} of ${options.repeat}`);
			try {
				const r = await measureReconnect(kind, round, { ...shape, workers: options.workers });
				log(`  stall ${r.stallMs.toFixed(1)} ms, all synced after ${r.syncedMs.toFixed(0)} ms`);
				reconnect.push(r);
			} catch (err) {
				log(`  failed: ${message(err)}`);
				reconnect.push(/** @type {any} */ ({ kind, label: labelOf(kind), round, error: message(err) }));
			}
		}
	sections.push(['sync-reconnect', renderReconnect(reconnect, command, when)]);
}
if (options.special.includes('cold')) {
	// Only servers that keep the document can load it cold.
	const durable = options.servers.filter((k) => !['reference', 'hocuspocus'].includes(k));
	/** @type {import('./cold-load.mjs').ColdResult[]} */
	const cold = [];
	for (const edits of options.edits)
		for (let round = 1; round <= options.repeat; round++)
			for (const kind of turn(durable, round)) {
				log(`cold load of ${edits} edits, ${labelOf(kind)}, round ${round} of ${options.repeat}`);
				try {
					const r = await measureColdLoad(kind, round, edits);
					log(
						`  load ${(r.serverLoadMs ?? r.coldMs - r.warmMs).toFixed(1)} ms (cold ${r.coldMs.toFixed(1)}, warm ${r.warmMs.toFixed(1)}), complete: ${r.complete}`
					);
					cold.push(r);
				} catch (err) {
					log(`  failed: ${message(err)}`);
					cold.push(/** @type {any} */ ({ kind, label: labelOf(kind), round, edits, error: message(err) }));
				}
			}
	sections.push(['sync-cold', renderCold(cold, command, when)]);
}

process.stdout.write(sections.map(([, text]) => text).join('\n\n') + '\n');
if (options.out !== '-') {
	const file = path.resolve(ROOT, options.out);
	let text = existsSync(file) ? readFileSync(file, 'utf8') : null;
	for (const [name, section] of sections) text = mergeInto(text, section, name);
	if (text !== null) writeFileSync(file, text);
	log(`written to ${path.relative(ROOT, file)}`);
}
// A client library may leave a handle behind (e.g. a socket still closing towards a stopped server):
// name it, and do not let it keep the harness alive.
const left = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
if (left.length > 0) log(`still open at the end: ${left.join(', ')}`);
process.exit(0);
