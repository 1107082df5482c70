// Loaded into a server under test with `--import` (reconnect.mjs): the longest event-loop delay since
// the last ask. On SIGUSR2 it writes the maximum and the 99th percentile so far to BENCH_STALL_FILE
// and starts again, so the harness can mark the start and the end of the window it measures.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_STALL_FILE;
if (file) {
	// 5 ms: fine enough for the 20 ms goal, coarse enough to cost the server next to nothing.
	const delay = monitorEventLoopDelay({ resolution: 5 });
	delay.enable();
	let asked = 0;
	process.on('SIGUSR2', () => {
		const report = { asked: ++asked, maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
		writeFileSync(file, JSON.stringify(report));
		delay.reset();
	});
}
