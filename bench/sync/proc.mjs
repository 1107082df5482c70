// CPU time and memory of a server process, read from Linux's /proc.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const TICKS_PER_SECOND = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
})();

/** User + system CPU seconds of all threads of the process. @param {number} pid */
export function cpuSeconds(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name (field 2) may contain spaces; the numeric fields follow its closing ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15 of stat, so 11 and 12 after the first two.
	return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Busy CPU seconds of the whole machine, all cores together (from the "cpu" line of /proc/stat). */
export function machineBusySeconds() {
	const cpuLine = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
	// Fields: user nice system idle iowait irq softirq steal (guest time is already part of user).
	const ticks = cpuLine.trim().split(/\s+/).slice(1, 9).map(Number);
	const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
	return (ticks.reduce((a, b) => a + b, 0) - idle) / TICKS_PER_SECOND;
}

/** @param {number} pid @param {string} field @returns {number} MiB */
function statusMiB(pid, field) {
	const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
	return match ? Number(match[1]) / 1024 : NaN;
}

/** Peak resident set size (VmHWM) in MiB. @param {number} pid */
export const peakRssMiB = (pid) => statusMiB(pid, 'VmHWM');

/**
 * Resets the peak RSS to the current RSS, so the peak measured afterwards belongs to the workload
 * and not to start-up or account set-up (argon2 hashing). Returns false when the kernel refuses.
 * @param {number} pid
 */
export function resetPeakRss(pid) {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}
