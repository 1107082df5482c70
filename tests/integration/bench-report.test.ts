import { describe, expect, it } from 'vitest';
import { chargeSamples } from '../../bench/sync/profile.mjs';
import { renderSection } from '../../bench/sync/report.mjs';
import { median } from '../../bench/sync/stats.mjs';

const scenario = { docs: 2, clients: 3, rate: 2 };
const facts = { date: 'd', cores: 2, cpu: 'c', memGiB: 1, node: 'v20', os: 'linux', load: 0 };
const options = {
	scenarios: [scenario],
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

function run(kind: string, round: number, p99: number, cpu: number, lost = 0) {
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
		peakRssMiB: 100,
		peakIsWorkload: true,
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

	it('judges each goal by the median of the run-by-run ratios to the reference', () => {
		const results = [
			run('doetank', 1, 5, 40),
			run('reference', 1, 4, 50),
			run('doetank', 2, 9, 60),
			run('reference', 2, 5, 50),
			run('doetank', 3, 6, 45),
			run('reference', 3, 5, 50)
		];
		const text: string = renderSection(results, options, facts, 'npm run bench:sync');
		expect(text).toContain('| p99 ≤ 1.2 × reference | 1.25, 1.80, 1.20 | 1.25× | **not met** |');
		expect(text).toContain('| server CPU per delivered update ≤ reference | 0.80, 1.20, 0.90 | 0.90× | **met** |');
		expect(text).toContain('| zero lost deliveries | 0 lost in 3 runs (reference: 0) | | **met** |');
		expect(text).toContain('| doetank | 3 of 3 | 0 | all | 1.0 | 6.0 (5.0–9.0) | 45.0 (40.0–60.0) |');
	});

	it('fails the loss goal when any run lost a delivery, and pairs only runs of the same round', () => {
		const results = [run('doetank', 1, 4, 40, 1), run('reference', 2, 4, 40)];
		const text: string = renderSection(results, options, facts, 'npm run bench:sync');
		expect(text).toContain('not measured: needs Doetank and reference results from the same run');
		const paired: string = renderSection(
			[run('doetank', 1, 4, 40, 1), run('reference', 1, 4, 40)],
			options,
			facts,
			'x'
		);
		expect(paired).toContain('| zero lost deliveries | 1 lost in 1 runs (reference: 0) | | **not met** |');
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
