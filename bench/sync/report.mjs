// Turns the results into the Markdown section of BENCHMARKS.md.
import os from 'node:os';
import { PART_NAMES } from './profile.mjs';
import { DURABLE_PEERS, SERVER_LABELS } from './servers.mjs';
import { median } from './stats.mjs';

const START = '<!-- bench:sync:start -->';
const END = '<!-- bench:sync:end -->';

/** @typedef {import('./measure.mjs').Result} Result */

/** @param {number} n @param {number} digits */
export const fixed = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
/** @param {import('./options.mjs').Scenario} s */
const scenarioName = (s) => `${s.docs} documents × ${s.clients} clients × ${s.rate} edits/s`;
/** First line of an error, safe inside a table cell. @param {string} text */
const firstLine = (text) => (text.split('\n')[0] ?? '').replaceAll('|', '\\|');
export const yesNo = (/** @type {boolean} */ ok) => (ok ? '**met**' : '**not met**');

/** Machine facts, taken when the run starts. */
export function machine() {
	const cpus = os.cpus();
	return {
		date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
		cores: cpus.length,
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		memGiB: os.totalmem() / 2 ** 30,
		node: process.version,
		os: `${os.type()} ${os.release()}`,
		load: os.loadavg()[0] ?? 0
	};
}

/** @param {Result} r */
function row(r) {
	if (r.error) return `| ${r.label} | ${r.round} | failed: ${firstLine(r.error)} |${' |'.repeat(13)}`;
	const lost = r.expected - r.received;
	return `| ${r.label} | ${r.round} | ${r.edits} | ${r.received} / ${r.expected} | ${lost} | ${r.convergedDocs} / ${r.scenario.docs} | ${fixed(r.p50, 1)} | ${fixed(r.p99, 1)} | ${fixed(r.max, 1)} | ${fixed(r.cpuS, 2)} | ${fixed(r.cpuPerDeliveryUs, 1)} | ${fixed(r.peakRssMiB, 0)}${r.peakIsWorkload ? '' : '*'} | ${fixed(r.stallMaxMs, 1)} | ${r.reconnects} | ${fixed(r.clientCpuS, 1)} | ${fixed(r.otherCpuS, 1)} / ${fixed(r.seconds, 0)} |`;
}

/** @param {number[]} values @param {number} digits */
const range = (values, digits) => `${fixed(Math.min(...values), digits)}–${fixed(Math.max(...values), digits)}`;

/** One line per server: the median of its runs. @param {Result[]} runs all runs of one server */
function summary(runs) {
	const ok = runs.filter((r) => !r.error);
	if (ok.length === 0) return `| ${runs[0]?.label} | 0 of ${runs.length} | | | | | | |`;
	const lost = ok.reduce((sum, r) => sum + r.expected - r.received, 0);
	const converged = ok.every((r) => r.convergedDocs === r.scenario.docs);
	const p99s = ok.map((r) => r.p99);
	const cpus = ok.map((r) => r.cpuPerDeliveryUs);
	const stalls = ok.map((r) => r.stallMaxMs);
	return `| ${ok[0]?.label} | ${ok.length} of ${runs.length} | ${lost} | ${converged ? 'all' : '**no**'} | ${fixed(median(ok.map((r) => r.p50)), 1)} | ${fixed(median(p99s), 1)} (${range(p99s, 1)}) | ${fixed(median(cpus), 1)} (${range(cpus, 1)}) | ${fixed(median(stalls), 1)} (${range(stalls, 1)}) |`;
}

/**
 * One goal row: the ratio ours / peer of one figure, round by round (the two ran back to back in the
 * same round), and whether the median of those ratios is within the limit.
 * @param {Result[]} results @param {string} kind which of our servers @param {string} peer
 * @param {{ goal: string, figure: (r: Result) => number, limit: number, strict?: boolean }} rule
 */
export function ratioRow(results, kind, peer, rule) {
	const pairs = results
		.filter((r) => r.kind === kind && !r.error)
		.flatMap((o) => {
			const p = results.find((r) => r.kind === peer && !r.error && r.round === o.round);
			return p ? [rule.figure(o) / rule.figure(p)] : [];
		});
	if (pairs.length === 0) return `| ${rule.goal} | not measured: no ${peer} run in the same rounds | | |`;
	const m = median(pairs);
	const ok = rule.strict ? m < rule.limit : m <= rule.limit;
	return `| ${rule.goal} | ${pairs.map((x) => fixed(x, 2)).join(', ')} | ${fixed(m, 2)}× | ${yesNo(ok)} |`;
}

const FIGURES = {
	cpu: { name: 'CPU per delivery', figure: (/** @type {Result} */ r) => r.cpuPerDeliveryUs },
	p50: { name: 'p50', figure: (/** @type {Result} */ r) => r.p50 },
	p99: { name: 'p99', figure: (/** @type {Result} */ r) => r.p99 },
	rss: { name: 'peak RSS', figure: (/** @type {Result} */ r) => r.peakRssMiB },
	stall: { name: 'longest event-loop delay', figure: (/** @type {Result} */ r) => r.stallMaxMs }
};

/**
 * Goal rows for one scenario: goal 1 (ahead of each durable peer on every figure), goal 2 (within
 * the ratios to the in-memory reference), and nothing lost or diverged.
 * @param {Result[]} results @param {string} kind which of our servers
 */
function goals(results, kind = 'doetank') {
	const ours = results.filter((r) => r.kind === kind && !r.error);
	if (ours.length === 0) return ['| all goals | not measured: no run of ours | | |'];
	const ahead = DURABLE_PEERS.flatMap((peer) =>
		[FIGURES.cpu, FIGURES.p50, FIGURES.p99, FIGURES.rss].map(({ name, figure }) =>
			ratioRow(results, kind, peer, {
				goal: `1. ${name} < ${SERVER_LABELS[/** @type {keyof typeof SERVER_LABELS} */ (peer)]}`,
				figure,
				limit: 1,
				strict: true
			})
		)
	);
	const reference = [
		['cpu', 1.1],
		['p99', 1.2],
		['rss', 1.2]
	].map(([key, limit]) => {
		const { name, figure } = FIGURES[/** @type {keyof typeof FIGURES} */ (key)];
		return ratioRow(results, kind, 'reference', {
			goal: `2. ${name} ≤ ${limit} × reference`,
			figure,
			limit: /** @type {number} */ (limit)
		});
	});
	// Goal 6: checkpoints, compaction and metrics add no stall of their own beyond what serving costs.
	const housekeeping = ratioRow(results, kind, 'reference', {
		goal: '6. longest event-loop delay in the window ≤ 1.2 × reference',
		figure: FIGURES.stall.figure,
		limit: 1.2
	});
	const lost = ours.reduce((sum, r) => sum + r.expected - r.received, 0);
	const converged = ours.filter((r) => r.convergedDocs === r.scenario.docs).length;
	return [
		...ahead,
		...reference,
		housekeeping,
		`| zero lost deliveries | ${lost} lost in ${ours.length} runs | | ${yesNo(lost === 0 && ours.every((r) => r.expected > 0))} |`,
		`| all documents converged | ${converged} of ${ours.length} runs | | ${yesNo(converged === ours.length)} |`
	];
}

/**
 * With --profile: each server's CPU per delivery by part, the median over its runs.
 * @param {Result[]} results all runs of one scenario @param {string[]} kinds
 */
function partsTable(results, kinds) {
	const profiled = results.filter((r) => !r.error && r.parts);
	if (profiled.length === 0) return [];
	/** @param {Result} r @param {string} part */
	const perDelivery = (r, part) => ((r.parts?.[part] ?? 0) / r.received) * 1e6;
	const rows = kinds.flatMap((kind) => {
		const runs = profiled.filter((r) => r.kind === kind);
		if (runs.length === 0) return [];
		const cells = [
			...PART_NAMES.map((part) => median(runs.map((r) => perDelivery(r, part)))),
			median(runs.map((r) => PART_NAMES.reduce((sum, part) => sum + perDelivery(r, part), 0)))
		];
		return [`| ${runs[0]?.label} | ${runs.length} | ${cells.map((c) => fixed(c, 1)).join(' | ')} |`];
	});
	return [
		'Where the server CPU goes (`--profile`: perf samples at 999 Hz over the measured window, without the drain; µs per delivery, median of the profiled runs):',
		'',
		`| server | runs | ${PART_NAMES.join(' | ')} | total |`,
		`|---|---:|${PART_NAMES.map(() => '---:|').join('')}---:|`,
		...rows,
		''
	];
}

/** @param {Result[]} results */
function hocuspocusNote(results) {
	const runs = results.filter((r) => r.kind.startsWith('hocuspocus'));
	if (runs.length === 0) return 'Hocuspocus was not part of this run.';
	const failed = runs.find((r) => r.error);
	if (failed)
		return `@hocuspocus/server 4.7.0 declares \`engines: node >= 22\`; on Node ${process.version} it failed: ${firstLine(failed.error ?? '')}`;
	return `@hocuspocus/server and @hocuspocus/provider 4.7.0 declare \`engines: node >= 22\`; on Node ${process.version} both ran and every scenario above completed with them.`;
}

/**
 * @param {Result[]} results @param {import('./options.mjs').Options} options
 * @param {ReturnType<typeof machine>} facts @param {string} command
 */
export function renderSection(results, options, facts, command) {
	const lines = [
		START,
		'## Sync server (`npm run bench:sync`)',
		'',
		`Reproduce: \`${command}\` (runs \`npm run build\` first; \`--no-build\` skips it, \`--quick\` is a smoke run, \`--help\` lists the flags).`,
		'',
		`Run: ${facts.date}; ${facts.cores} cores (${facts.cpu}), ${fixed(facts.memGiB, 1)} GiB RAM, Node ${facts.node}, ${facts.os}; load average ${fixed(facts.load, 2)} at the start.`,
		`Per scenario: ${options.repeat} round${options.repeat === 1 ? '' : 's'}; in each round every server runs once (taking turns to go first), each in a fresh process, with ${options.warmupS} s warm-up, ${options.durationS} s measured, ${options.workers} client processes on the same machine.`,
		'',
		...(options.pin
			? [
					'Pinned (`--pin`): the server process on the last core, the client processes and the harness on the others.',
					''
				]
			: []),
		...(options.profile
			? [
					'Profiled (`--profile`): perf sampled each server during its measured window, and the servers ran with `--perf-basic-prof`. perf itself takes CPU on the same machine, so judge the goals on a run without it.',
					'A sample is charged to the first part its stack matches: persistence (libsql/SQLite, and its pwrite, fcntl and fsync calls), GC, send (ws sender and the write system calls, including the kernel delivering to the receiving socket), Yjs (yjs, y-protocols, lib0), receive (ws receiver and the read calls), event loop (epoll and timers), other.',
					'Persistence is a lower bound: native code without frame pointers leaves stacks that end in the allocator (malloc, free), and those land in other.',
					''
				]
			: []),
		'Each client is a `Y.Doc` with the provider of its server (`y-websocket` 3.1.0 for ours and the reference, `@hocuspocus/provider` for Hocuspocus).',
		'An edit is one transaction that types or deletes a few characters in a `Y.Text` and stores its send time in a `Y.Map`.',
		'Latency runs from that send time to the moment another client of the document observes the edit; every process reads the same wall clock.',
		'Only edits sent in the measured window count. Expected deliveries are those edits × (clients − 1); lost = expected − received after a drain of at most 15 s.',
		'Converged: every client of the document ends with identical text and marks. Server CPU is user + system time of the server process from the start of the measured window to the end of the drain.',
		'Client CPU is what the client processes used in the same window; other CPU is the rest of the machine (other programs) in that window of the given length, so it shows how disturbed the run was.',
		'Peak RSS is VmHWM after it was reset once the set-up (accounts, Doetanks) was done, so it covers connecting and editing (* = the reset was refused and the value includes start-up).',
		"The longest event-loop delay is measured inside each server by `bench/sync/stall-probe.mjs` (Node's `monitorEventLoopDelay`, 5 ms resolution, loaded with `--import`) over the measured window; with `--profile` it is not taken.",
		'',
		'Servers: ours is the production build (`node build/main.js`) with authentication (every client has its own account and session cookie) and the SQLite update log, on a fresh database.',
		'The reference `@y/websocket-server` runs from its own bin, in memory, and as a durable peer with `YPERSISTENCE` set to a fresh folder (y-leveldb: every update stored). Hocuspocus runs with no extensions, in memory, and as a durable peer with `@hocuspocus/extension-sqlite` on a fresh file (its defaults: the whole document stored, debounced).',
		''
	];
	for (const { docs, clients, rate } of options.scenarios) {
		const here = results.filter(
			(r) => r.scenario.docs === docs && r.scenario.clients === clients && r.scenario.rate === rate
		);
		const kinds = [...new Set(here.map((r) => r.kind))];
		lines.push(
			`### ${scenarioName({ docs, clients, rate })}`,
			'',
			`Median of ${options.repeat} run${options.repeat === 1 ? '' : 's'} per server (range in brackets):`,
			'',
			'| server | runs | lost | converged | p50 ms | p99 ms | CPU µs per delivery | longest event-loop delay ms |',
			'|---|---:|---:|---|---:|---:|---:|---:|',
			...kinds.map((kind) => summary(here.filter((r) => r.kind === kind))),
			'',
			'| goal (ours) | ratio ours / peer, round by round | median | result |',
			'|---|---|---:|---|',
			...goals(here),
			'',
			...partsTable(here, kinds),
			...(kinds.includes('doetank-sync')
				? [
						'The same goals for the sync server as its own process:',
						'',
						'| goal | ratio ours / peer, round by round | median | result |',
						'|---|---|---:|---|',
						...goals(here, 'doetank-sync'),
						''
					]
				: []),
			'Every run:',
			'',
			'| server | run | edits | deliveries received / expected | lost | converged | p50 ms | p99 ms | max ms | server CPU s | CPU µs per delivery | peak RSS MiB | longest loop delay ms | reconnects | client CPU s | other CPU s / window s |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
			...[...here].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.round - b.round).map(row),
			''
		);
	}
	lines.push(hocuspocusNote(results), END);
	return lines.join('\n');
}

/**
 * Puts the section into the existing file between its markers, or adds it at the end. Each kind of
 * scenario has its own markers, so a run of one kind leaves the others' sections as they were.
 * @param {string | null} existing @param {string} section @param {string} [name]
 */
export function mergeInto(existing, section, name = 'sync') {
	const [start, end] = [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`];
	if (existing && existing.includes(start) && existing.includes(end)) {
		return existing.slice(0, existing.indexOf(start)) + section + existing.slice(existing.indexOf(end) + end.length);
	}
	const head = existing?.trim() ? existing.trimEnd() + '\n\n' : '# Benchmarks\n\n';
	return head + section + '\n';
}
