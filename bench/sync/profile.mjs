// `--profile`: where a server's CPU goes in the measured window, sampled with Linux perf.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const HZ = 999;

/**
 * The parts a sample is charged to, checked in this order against its whole stack (JIT frames are
 * named through --perf-basic-prof). GC comes before the rest because it runs inside whatever
 * allocated; sending before Yjs because the reference sends from inside Yjs's update event. Sends
 * and reads are also known by their system calls, because the JIT may inline ws into its caller;
 * a `write` to a file (not a socket) is persistence, known by the file system's write path.
 */
export const PARTS = /** @type {const} */ ([
	[
		'persistence',
		/index\.node|libsql|sqlite|pwrite|fcntl|fsync|fdatasync|_file_write_iter|_buffered_write_iter|generic_perform_write/
	],
	['gc', /Scaveng|MarkCompact|ConcurrentMarking|Sweeper|Heap::|GCTracer|IncrementalMarking|MinorM/],
	['send', /sender\.js|writev|ksys_write\b|tcp_sendmsg/],
	['yjs', /\/yjs\/|\/y-protocols\/|\/lib0\//],
	['receive', /socketOnData|receiver\.js|uv__read|ksys_read\b|tcp_recvmsg/],
	['event loop', /epoll|uv__io_poll|uv__run_timers/]
]);
export const PART_NAMES = [...PARTS.map(([name]) => name), 'other'];

/**
 * Counts the samples of `perf script -F ip,sym,dso` output (one stack per blank-line separated
 * block) by part. @param {string} script @returns {Record<string, number>}
 */
export function chargeSamples(script) {
	/** @type {Record<string, number>} */
	const counts = Object.fromEntries(PART_NAMES.map((name) => [name, 0]));
	for (const stack of script.split(/\n\s*\n/)) {
		if (!stack.trim()) continue;
		const part = PARTS.find(([, pattern]) => pattern.test(stack))?.[0] ?? 'other';
		counts[part] = (counts[part] ?? 0) + 1;
	}
	return counts;
}

/** True when `perf` runs here at all (it may be missing, or not allowed to sample). */
export function perfAvailable() {
	return spawnSync('perf', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Samples every thread of `pid` for `seconds`; resolves with CPU seconds by part, or null when
 * perf failed. @param {number} pid @param {number} seconds
 * @returns {Promise<Record<string, number> | null>}
 */
export function profile(pid, seconds) {
	const dir = mkdtempSync(path.join(tmpdir(), 'bench-perf-'));
	const data = path.join(dir, 'perf.data');
	const record = spawn(
		'perf',
		[
			'record',
			'-F',
			String(HZ),
			'-e',
			'cpu-clock',
			'-g',
			'-p',
			String(pid),
			'-o',
			data,
			'--',
			'sleep',
			String(seconds)
		],
		{
			stdio: 'ignore'
		}
	);
	return new Promise((resolve) => {
		record.on('error', () => resolve(null));
		record.on('exit', (code) => {
			const script =
				code === 0
					? spawnSync('perf', ['script', '-i', data, '-F', 'ip,sym,dso'], { encoding: 'utf8', maxBuffer: 1 << 30 })
					: null;
			rmSync(dir, { recursive: true, force: true });
			if (!script || script.status !== 0) return resolve(null);
			const counts = chargeSamples(script.stdout);
			resolve(Object.fromEntries(Object.entries(counts).map(([part, n]) => [part, n / HZ])));
		});
	});
}
