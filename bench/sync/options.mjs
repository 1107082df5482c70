// Command-line options of `npm run bench:sync -- [flags]`.
import { parseArgs } from 'node:util';

export const SERVER_KINDS = [
	'doetank',
	'doetank-sync',
	'reference',
	'reference-durable',
	'hocuspocus',
	'hocuspocus-sqlite'
];
const DEFAULT_SERVERS = ['doetank', 'reference', 'reference-durable', 'hocuspocus', 'hocuspocus-sqlite'];
/** Scenarios that are not a steady DOCSxCLIENTSxRATE workload (capacity.mjs, reconnect.mjs, cold-load.mjs). */
export const SPECIAL_SCENARIOS = ['capacity', 'reconnect', 'cold'];
const DEFAULT_SCENARIOS = '10x10x2,30x10x2,10x30x1,capacity,reconnect,cold';

const USAGE = `npm run bench:sync -- [flags]
  --scenarios ${DEFAULT_SCENARIOS}
                                DOCSxCLIENTSxRATE: documents x clients per document x edits per second per client;
                                capacity: server on core 0, clients on core 1 (taskset), the load raised step by
                                  step (--steps) until p99 >= 100 ms or a delivery is lost;
                                reconnect: 300 clients over 30 documents with presence drop and reconnect at once;
                                  the server's longest event-loop delay and the time until every client is synced;
                                cold: a document with 1,000 / 10,000 / 100,000 edits in its lifetime (--edits), the
                                  server restarted on its data: how long the first client waits, and the server's
                                  own load time where it reports one
  --steps 20x10x1,20x10x2,...   the capacity steps (default: 20 documents x 10 clients at 1, 2, 3, 4, 6, 8, 12, 16 edits/s)
  --edits 1000,10000,100000     the cold-load sizes
  --duration 20                 measured seconds per run
  --warmup 10                   seconds of the same workload before measuring (lets the JIT settle)
  --repeat 3                    runs per scenario and server; servers take turns within a round
  --servers ${DEFAULT_SERVERS.join(',')}   any of ${SERVER_KINDS.join(', ')}
  --workers 4                   client processes
  --out BENCHMARKS.md           where the report goes ("-": only print it)
  --quick                       smoke run: 3x4x2, 5 s, warm-up 2 s, one run, report only printed
  --no-build                    use the existing build/main.js instead of running "npm run build"
  --timeline                    also print p50/p99/max per second of each measured window (stderr)
  --pin                         server on the last core, client processes and this harness on the others
                                (taskset): the server's own tail without client processes competing
  --profile                     sample each server with Linux perf in the measured window and report its CPU
                                per delivery by part (persistence, GC, send, Yjs, receive, event loop, other);
                                the servers get --perf-basic-prof, and perf's own load makes these runs slower
Environment: BENCH_NODE_ARGS="..." gives every server process the same extra Node flags
  (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them).`;

/**
 * @typedef {{ docs: number, clients: number, rate: number }} Scenario
 * @typedef {{ scenarios: Scenario[], special: string[], steps: Scenario[], edits: number[], durationS: number,
 *   warmupS: number, repeat: number, servers: string[], workers: number, out: string, build: boolean, quick: boolean,
 *   timeline: boolean, pin: boolean, profile: boolean }} Options
 */

/** @param {string} text @returns {Scenario} */
function parseScenario(text) {
	const parts = text.split('x').map(Number);
	if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n <= 0)) {
		throw new Error(`scenario "${text}" is not DOCSxCLIENTSxRATE, e.g. 10x10x2`);
	}
	const [docs, clients, rate] = /** @type {[number, number, number]} */ (parts);
	if (!Number.isInteger(docs) || !Number.isInteger(clients) || clients < 2) {
		throw new Error(`scenario "${text}": documents and clients must be whole numbers, at least 2 clients`);
	}
	return { docs, clients, rate };
}

/** @param {string} name @param {string} value */
function positive(name, value) {
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
	return n;
}

/** @param {string[]} argv @returns {Options} */
export function parseOptions(argv) {
	const { values } = parseArgs({
		args: argv,
		options: {
			scenarios: { type: 'string' },
			steps: { type: 'string' },
			edits: { type: 'string' },
			duration: { type: 'string' },
			warmup: { type: 'string' },
			repeat: { type: 'string' },
			servers: { type: 'string', default: DEFAULT_SERVERS.join(',') },
			workers: { type: 'string', default: '4' },
			out: { type: 'string' },
			quick: { type: 'boolean', default: false },
			'no-build': { type: 'boolean', default: false },
			timeline: { type: 'boolean', default: false },
			pin: { type: 'boolean', default: false },
			profile: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const quick = values.quick ?? false;
	const servers = (values.servers ?? '').split(',').filter(Boolean);
	const unknown = servers.filter((s) => !SERVER_KINDS.includes(s));
	if (unknown.length > 0 || servers.length === 0) throw new Error(`--servers takes some of ${SERVER_KINDS.join(', ')}`);
	const names = (values.scenarios ?? (quick ? '3x4x2' : DEFAULT_SCENARIOS)).split(',').filter(Boolean);
	const defaultSteps = quick ? '3x4x2,3x4x4' : '20x10x1,20x10x2,20x10x3,20x10x4,20x10x6,20x10x8,20x10x12,20x10x16';
	return {
		scenarios: names.filter((n) => !SPECIAL_SCENARIOS.includes(n)).map(parseScenario),
		special: SPECIAL_SCENARIOS.filter((n) => names.includes(n)),
		steps: (values.steps ?? defaultSteps).split(',').map(parseScenario),
		edits: (values.edits ?? (quick ? '1000' : '1000,10000,100000'))
			.split(',')
			.map((n) => Math.round(positive('edits', n))),
		durationS: positive('duration', values.duration ?? (quick ? '5' : '20')),
		warmupS: positive('warmup', values.warmup ?? (quick ? '2' : '10')),
		repeat: Math.round(positive('repeat', values.repeat ?? (quick ? '1' : '3'))),
		servers,
		workers: Math.round(positive('workers', values.workers ?? '4')),
		out: values.out ?? (quick ? '-' : 'BENCHMARKS.md'),
		build: !values['no-build'],
		quick,
		timeline: values.timeline ?? false,
		pin: values.pin ?? false,
		profile: values.profile ?? false
	};
}
