import { describe, expect, it } from 'vitest';
import { chargeSamples } from '../../bench/sync/profile.mjs';
import { renderCapacity, renderCold, renderReconnect } from '../../bench/sync/report-scenarios.mjs';
import { mergeInto, renderSection } from '../../bench/sync/report.mjs';
import { median } from '../../bench/sync/stats.mjs';

const scenario = { docs: 2, clients: 3, rate: 2 };
const facts = { date: 'd', cores: 2, cpu: 'c', memGiB: 1, node: 'v20', os: 'linux', load: 0 };
const options = {
	scenarios: [scenario],
	special: [],
	steps: [],
	edits: [],
	durationS: 20,
	warmupS: 10,
	repeat: 3,
	servers: ['doetank', 'reference'],
	workers: 4,
	out: '-',
	build: false,
	quick: false,
	timeline: false,
	pin: false,
	profile: false
};

function run(kind: string, round: number, p99: number, cpu: number, lost = 0, rss = 100) {
	return {
		kind,
		label: kind,
		scenario,
		round,
		edits: 100,
		expected: 200,
		received: 200 - lost,
		convergedDocs: 2,
		p50: 1,
		p99,
		max: p99 * 2,
		cpuS: 1,
		cpuPerDeliveryUs: cpu,
		peakRssMiB: rss,
		peakIsWorkload: true,
		stallMaxMs: p99 * 3,
		stallP99Ms: p99,
		reconnects: 0,
		seconds: 20,
		clientCpuS: 1,
		otherCpuS: 0,
		timeline: []
	};
}

describe('bench report', () => {
	it('takes the median', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNaN();
	});

	it('judges each goal by the median of the round-by-round ratios to the reference', () => {
		const results = [
			run('doetank', 1, 5, 40),
			run('reference', 1, 4, 50),
			run('doetank', 2, 9, 60),
			run('reference', 2, 5, 50),
			run('doetank', 3, 6, 45),
			run('reference', 3, 5, 50)
		];
		const text: string = renderSection(results, options, facts, 'npm run bench:sync');
		expect(text).toContain('| 2. p99 ≤ 1.2 × reference | 1.25, 1.80, 1.20 | 1.25× | **not met** |');
		expect(text).toContain('| 2. CPU per delivery ≤ 1.1 × reference | 0.80, 1.20, 0.90 | 0.90× | **met** |');
		expect(text).toContain(
			'| 6. longest event-loop delay in the window ≤ 1.2 × reference | 1.25, 1.80, 1.20 | 1.25× | **not met** |'
		);
		expect(text).toContain('| 2. peak RSS ≤ 1.2 × reference | 1.00, 1.00, 1.00 | 1.00× | **met** |');
		expect(text).toContain('| zero lost deliveries | 0 lost in 3 runs | | **met** |');
		expect(text).toContain('| doetank | 3 of 3 | 0 | all | 1.0 | 6.0 (5.0–9.0) | 45.0 (40.0–60.0) |');
	});

	it('asks to be strictly ahead of each durable peer, figure by figure', () => {
		const results = [
			run('doetank', 1, 5, 40, 0, 120),
			run('reference-durable', 1, 10, 40, 0, 100),
			run('doetank', 2, 5, 40, 0, 120),
			run('reference-durable', 2, 10, 50, 0, 100)
		];
		const text: string = renderSection(results, options, facts, 'x');
		const peer = '@y/websocket-server 0.1.1 + y-leveldb (YPERSISTENCE)';
		expect(text).toContain(`| 1. p99 < ${peer} | 0.50, 0.50 | 0.50× | **met** |`);
		// Level on CPU in one round is not ahead: the median 0.9 is, the single 1.00 would not be.
		expect(text).toContain(`| 1. CPU per delivery < ${peer} | 1.00, 0.80 | 0.90× | **met** |`);
		expect(text).toContain(`| 1. peak RSS < ${peer} | 1.20, 1.20 | 1.20× | **not met** |`);
		expect(text).toContain('not measured: no hocuspocus-sqlite run in the same rounds');
	});

	it('fails the loss goal when any run lost a delivery, and pairs only runs of the same round', () => {
		const results = [run('doetank', 1, 4, 40, 1), run('reference', 2, 4, 40)];
		const text: string = renderSection(results, options, facts, 'npm run bench:sync');
		expect(text).toContain('| 2. p99 ≤ 1.2 × reference | not measured: no reference run in the same rounds | | |');
		expect(text).toContain('| zero lost deliveries | 1 lost in 1 runs | | **not met** |');
	});

	it('judges capacity by the most deliveries per second of a step that passed, against the best durable peer', () => {
		const step = (kind: string, round: number, rate: number, p99: number, lost = 0) => ({
			...run(kind, round, p99, 40, lost),
			scenario: { docs: 2, clients: 3, rate },
			received: 1000 * rate - lost,
			expected: 1000 * rate,
			seconds: 10
		});
		const capacity = (kind: string, round: number, steps: ReturnType<typeof step>[], value: number) => ({
			kind,
			label: kind,
			round,
			steps,
			capacity: value
		});
		const text = renderCapacity(
			[
				capacity('doetank', 1, [step('doetank', 1, 1, 10), step('doetank', 1, 2, 150)], 100),
				capacity('reference-durable', 1, [step('reference-durable', 1, 1, 10)], 80),
				capacity('hocuspocus-sqlite', 1, [step('hocuspocus-sqlite', 1, 1, 10)], 125),
				capacity('reference', 1, [step('reference', 1, 1, 10)], 100)
			],
			'x',
			'now'
		);
		expect(text).toContain('| 3. ≥ the best durable peer | 0.80 | 0.80× | **not met** |');
		expect(text).toContain('| 3. ≥ 0.9 × reference | 1.00 | 1.00× | **met** |');
		expect(text).toContain('| doetank | 1 | 2x3x2 | 200 | 0 | 150.0 | 1.00 | 1.0 | no |');
	});

	it('judges the mass reconnect by our longest stall and time to synced, and the cold load by the 10,000-edit load and its spread', () => {
		const reconnect = (kind: string, round: number, stallMs: number, syncedMs: number) => ({
			kind,
			label: kind,
			round,
			clients: 300,
			docs: 30,
			stallMs,
			syncedMs,
			cpuS: 1,
			peakRssMiB: 100
		});
		const r = renderReconnect(
			[reconnect('doetank', 1, 12, 900), reconnect('reference', 1, 80, 700), reconnect('doetank', 2, 30, 1100)],
			'x',
			'now'
		);
		expect(r).toContain('| 4. longest stall < 20 ms | 12.0, 30.0 ms | 21.0 ms | **not met** |');
		expect(r).toContain('| 4. every client synced within 2 s | 900, 1100 ms | 1000 ms | **met** |');
		expect(r).toContain('| stall, ours / reference | 0.15 | 0.15× | |');

		const cold = (kind: string, edits: number, serverLoadMs: number | null, coldMs: number, warmMs: number) => ({
			kind,
			label: kind,
			round: 1,
			edits,
			coldMs,
			warmMs,
			serverLoadMs,
			complete: true,
			writeS: 1
		});
		const c = renderCold(
			[
				cold('doetank', 1000, 20, 100, 50),
				cold('doetank', 10_000, 22, 100, 50),
				cold('doetank', 100_000, 40, 100, 50),
				cold('hocuspocus-sqlite', 1000, null, 90, 30)
			],
			'x',
			'now'
		);
		expect(c).toContain('| 5. 10,000 edits load in < 50 ms | 22.0 ms | | **met** |');
		expect(c).toContain('max / min − 1 = 100 % | **not met** |');
		// A peer without its own figure: cold minus warm.
		expect(c).toContain('| hocuspocus-sqlite | 1000 | 1 | 60.0 | 90.0 | 30.0 | yes | 1.0 |');
	});

	it('replaces only the section of the kind of scenario that ran', () => {
		const file = mergeInto(
			mergeInto(null, '<!-- bench:sync:start -->A<!-- bench:sync:end -->'),
			'<!-- bench:sync-cold:start -->B<!-- bench:sync-cold:end -->',
			'sync-cold'
		);
		const again = mergeInto(file, '<!-- bench:sync-cold:start -->C<!-- bench:sync-cold:end -->', 'sync-cold');
		expect(again).toContain('<!-- bench:sync:start -->A<!-- bench:sync:end -->');
		expect(again).toContain('<!-- bench:sync-cold:start -->C<!-- bench:sync-cold:end -->');
		expect(again).not.toContain('-->B<');
	});

	it('charges each perf sample to the first part its stack matches', () => {
		// `perf script -F ip,sym,dso`: one stack per block, innermost frame first.
		const stack = (...frames: string[]) => frames.map((f, i) => `\t${(i + 1).toString(16)} ${f}`).join('\n');
		const script = [
			stack(
				'sqlite3VdbeExec (/work/node_modules/@libsql/linux-x64-gnu/index.node)',
				'JS:*append file:///build/main.js:1 (/tmp/perf-1.map)'
			),
			stack('__x64_sys_fcntl ([kernel.kallsyms])', 'fcntl64 (/usr/lib/libc.so.6)'),
			// A write system call to a file is persistence, not a send.
			stack(
				'ext4_da_write_begin ([kernel.kallsyms])',
				'generic_perform_write ([kernel.kallsyms])',
				'ksys_write ([kernel.kallsyms])',
				'JS:*append file:///build/main.js:1 (/tmp/perf-1.map)'
			),
			stack(
				'v8::internal::Scavenger::ScavengePage (/usr/bin/node)',
				'JS:*applyUpdateV2 file:///node_modules/yjs/dist/yjs.mjs:1 (/tmp/perf-1.map)'
			),
			stack(
				'tcp_sendmsg ([kernel.kallsyms])',
				'JS:*send /node_modules/ws/lib/sender.js:1 (/tmp/perf-1.map)',
				'JS:*applyUpdateV2 file:///node_modules/yjs/dist/yjs.mjs:1 (/tmp/perf-1.map)'
			),
			// ws inlined into the caller by the JIT: the write system call still shows it is a send.
			stack(
				'tcp_sendmsg ([kernel.kallsyms])',
				'do_writev ([kernel.kallsyms])',
				'JS:*applyUpdateV2 file:///node_modules/yjs/dist/yjs.mjs:1 (/tmp/perf-1.map)'
			),
			stack(
				'JS:*integrate file:///node_modules/yjs/dist/yjs.mjs:1 (/tmp/perf-1.map)',
				'JS:*socketOnData /node_modules/ws/lib/websocket.js:1 (/tmp/perf-1.map)'
			),
			stack('JS:*getInfo /node_modules/ws/lib/receiver.js:1 (/tmp/perf-1.map)'),
			stack('ep_poll ([kernel.kallsyms])', 'epoll_pwait (/usr/lib/libc.so.6)', 'uv__io_poll (/usr/bin/node)'),
			stack('JS:*handle file:///build/main.js:1 (/tmp/perf-1.map)')
		].join('\n\n');
		expect(chargeSamples(script)).toEqual({
			persistence: 3,
			gc: 1,
			send: 2,
			yjs: 1,
			receive: 1,
			'event loop': 1,
			other: 1
		});
	});

	it('reports the profiled CPU per delivery by part, the median over runs', () => {
		const profiled = (kind: string, round: number, persistence: number) => ({
			...run(kind, round, 5, 40),
			parts: { persistence, gc: 0.001, send: 0.004, yjs: 0, receive: 0, 'event loop': 0, other: 0.002 }
		});
		const results = [
			profiled('doetank', 1, 0.002),
			profiled('doetank', 2, 0.004),
			profiled('doetank', 3, 0.003),
			run('reference', 1, 4, 30)
		];
		const text: string = renderSection(results, { ...options, profile: true }, facts, 'x');
		// 200 deliveries per run: 0.003 s of persistence is 15 µs per delivery.
		const table = text.split('Where the server CPU goes')[1]!.split('\n\n')[1]!.split('\n');
		expect(table.slice(2)).toEqual(['| doetank | 3 | 15.0 | 5.0 | 20.0 | 0.0 | 0.0 | 0.0 | 10.0 | 50.0 |']);
	});
});
