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
	return {
		count: sorted.length,
		p50: percentile(sorted, 50),
		p99: percentile(sorted, 99),
		max: percentile(sorted, 100)
	};
}

/**
 * p50, p99 and max per second of the measured window, by send time: shows whether a high p99
 * comes from steady queuing or from a few stalls.
 * @param {number[][]} latencies @param {number[][]} sentAts same shape as latencies @param {number} from window start
 */
export function timeline(latencies, sentAts, from) {
	/** @type {number[][]} */
	const buckets = [];
	latencies.forEach((part, p) =>
		part.forEach((latency, i) => (buckets[Math.floor(((sentAts[p]?.[i] ?? from) - from) / 1000)] ??= []).push(latency))
	);
	return buckets.map((bucket, second) => {
		const sorted = Float64Array.from(bucket ?? []).sort();
		return {
			second,
			count: sorted.length,
			p50: percentile(sorted, 50),
			p99: percentile(sorted, 99),
			max: percentile(sorted, 100)
		};
	});
}

/** Middle value (mean of the two middle ones for an even count). @param {number[]} values */
export function median(values) {
	const sorted = Float64Array.from(values).sort();
	if (sorted.length === 0) return NaN;
	const mid = Math.floor(sorted.length / 2);
	const upper = sorted.at(mid) ?? NaN;
	return sorted.length % 2 ? upper : ((sorted.at(mid - 1) ?? NaN) + upper) / 2;
}
