// Latency percentiles.

/**
 * Nearest-rank percentile of ascending values.
 * @param {Float64Array} sorted @param {number} p between 0 and 100
 */
export function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return /** @type {number} */ (sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]);
}

/** @param {number[][]} parts latencies in ms, from every client process */
export function latencySummary(parts) {
	const sorted = Float64Array.from(parts.flat()).sort();
	return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? /** @type {number} */ (sorted[sorted.length - 1]) : NaN };
}
