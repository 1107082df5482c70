// Turns the results into the Markdown section of BENCHMARKS.md.
import os from 'node:os';

const START = '<!-- bench:sync:start -->';
const END = '<!-- bench:sync:end -->';

/** @typedef {import('./measure.mjs').Result} Result */

/** @param {number} n @param {number} digits */
const fixed = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
/** @param {import('./options.mjs').Scenario} s */
const scenarioName = (s) => `${s.docs} documents × ${s.clients} clients × ${s.rate} edits/s`;
/** First line of an error, safe inside a table cell. @param {string} text */
const firstLine = (text) => (text.split('\n')[0] ?? '').replaceAll('|', '\\|');
const yesNo = (/** @type {boolean} */ ok) => (ok ? '**met**' : '**not met**');

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
	if (r.error) return `| ${r.label} | failed: ${firstLine(r.error)} |${' |'.repeat(12)}`;
	const lost = r.expected - r.received;
	return `| ${r.label} | ${r.edits} | ${r.received} / ${r.expected} | ${lost} | ${r.convergedDocs} / ${r.scenario.docs} | ${fixed(r.p50, 1)} | ${fixed(r.p99, 1)} | ${fixed(r.max, 1)} | ${fixed(r.cpuS, 2)} | ${fixed(r.cpuPerDeliveryUs, 1)} | ${fixed(r.peakRssMiB, 0)}${r.peakIsWorkload ? '' : '*'} | ${r.reconnects} | ${fixed(r.clientCpuS, 1)} | ${fixed(r.otherCpuS, 1)} / ${fixed(r.seconds, 0)} |`;
}

/** Goal rows for one scenario: ours against the reference server. @param {Result[]} results */
function goals(results) {
	const ours = results.find((r) => r.kind === 'doetank' && !r.error);
	const ref = results.find((r) => r.kind === 'reference' && !r.error);
	if (!ours || !ref) return ['| all goals | not measured: needs both Doetank and reference results | | |'];
	const lost = ours.expected - ours.received;
	return [
		`| p99 ≤ 1.2 × reference | ${fixed(ours.p99, 1)} ms | ${fixed(ref.p99, 1)} ms (limit ${fixed(ref.p99 * 1.2, 1)} ms) | ${yesNo(ours.p99 <= ref.p99 * 1.2)} (${fixed(ours.p99 / ref.p99, 2)}×) |`,
		`| server CPU per delivered update ≤ reference | ${fixed(ours.cpuPerDeliveryUs, 1)} µs | ${fixed(ref.cpuPerDeliveryUs, 1)} µs | ${yesNo(ours.cpuPerDeliveryUs <= ref.cpuPerDeliveryUs)} (${fixed(ours.cpuPerDeliveryUs / ref.cpuPerDeliveryUs, 2)}×) |`,
		`| zero lost deliveries | ${lost} lost | ${ref.expected - ref.received} lost | ${yesNo(lost === 0 && ours.expected > 0)} |`,
		`| all documents converged | ${ours.convergedDocs} / ${ours.scenario.docs} | ${ref.convergedDocs} / ${ref.scenario.docs} | ${yesNo(ours.convergedDocs === ours.scenario.docs)} |`
	];
}

/** @param {Result[]} results */
function hocuspocusNote(results) {
	const runs = results.filter((r) => r.kind === 'hocuspocus');
	if (runs.length === 0) return 'Hocuspocus was not part of this run.';
	const failed = runs.find((r) => r.error);
	if (failed) return `@hocuspocus/server 4.7.0 declares \`engines: node >= 22\`; on Node ${process.version} it failed: ${firstLine(failed.error ?? '')}`;
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
		`Per scenario and server: a fresh server process, ${options.warmupS} s warm-up, ${options.durationS} s measured, ${options.workers} client processes on the same machine.`,
		'',
		'Each client is a `Y.Doc` with the provider of its server (`y-websocket` 3.1.0 for ours and the reference, `@hocuspocus/provider` for Hocuspocus).',
		'An edit is one transaction that types or deletes a few characters in a `Y.Text` and stores its send time in a `Y.Map`.',
		'Latency runs from that send time to the moment another client of the document observes the edit; every process reads the same wall clock.',
		'Only edits sent in the measured window count. Expected deliveries are those edits × (clients − 1); lost = expected − received after a drain of at most 15 s.',
		'Converged: every client of the document ends with identical text and marks. Server CPU is user + system time of the server process from the start of the measured window to the end of the drain.',
		'Client CPU is what the client processes used in the same window; other CPU is the rest of the machine (other programs) in that window of the given length, so it shows how disturbed the run was.',
		'Peak RSS is VmHWM after it was reset once the set-up (accounts, Doetanks) was done, so it covers connecting and editing (* = the reset was refused and the value includes start-up).',
		'',
		'Servers: ours is the production build (`node build/main.js`) with authentication (every client has its own account and session cookie) and the SQLite update log, on a fresh database.',
		'The reference `@y/websocket-server` runs from its own bin, in memory. Hocuspocus runs with no extensions, in memory.',
		''
	];
	for (const { docs, clients, rate } of options.scenarios) {
		const here = results.filter((r) => r.scenario.docs === docs && r.scenario.clients === clients && r.scenario.rate === rate);
		lines.push(
			`### ${scenarioName({ docs, clients, rate })}`,
			'',
			'| server | edits | deliveries received / expected | lost | converged | p50 ms | p99 ms | max ms | server CPU s | CPU µs per delivery | peak RSS MiB | reconnects | client CPU s | other CPU s / window s |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
			...here.map(row),
			'',
			'| goal (ours) | Doetank | reference | result |',
			'|---|---:|---:|---|',
			...goals(here),
			''
		);
	}
	lines.push(hocuspocusNote(results), END);
	return lines.join('\n');
}

/** Puts the section into the existing file between its markers, or starts the file. @param {string | null} existing @param {string} section */
export function mergeInto(existing, section) {
	if (existing && existing.includes(START) && existing.includes(END)) {
		return existing.slice(0, existing.indexOf(START)) + section + existing.slice(existing.indexOf(END) + END.length);
	}
	const head = existing?.trim() ? existing.trimEnd() + '\n\n' : '# Benchmarks\n\n';
	return head + section + '\n';
}
