// The Markdown sections of the capacity, mass-reconnect and cold-load scenarios, each between its own
// markers in BENCHMARKS.md (mergeInto in report.mjs).
import { CAPACITY_P99_MS, passed, perSecond } from './capacity.mjs';
import { fixed, yesNo } from './report.mjs';
import { DURABLE_PEERS } from './servers.mjs';
import { median } from './stats.mjs';

const OURS = 'doetank';

/**
 * Ratios ours / peer of one figure, round by round, with their median.
 * @template {{ kind: string, round: number, error?: string }} R
 * @param {R[]} results @param {string} peer @param {(r: R) => number} figure
 */
function ratios(results, peer, figure) {
	const list = results
		.filter((r) => r.kind === OURS && !r.error)
		.flatMap((o) => {
			const p = results.find((r) => r.kind === peer && !r.error && r.round === o.round);
			return p ? [figure(o) / figure(p)] : [];
		});
	return { list, median: median(list), text: list.map((x) => fixed(x, 2)).join(', ') || 'not measured' };
}

/** @param {string} reproduce @param {string} when */
const head = (reproduce, when) => [`Reproduce: \`${reproduce}\`. Run: ${when}.`, ''];

/**
 * @param {import('./capacity.mjs').CapacityResult[]} results @param {string} reproduce @param {string} when
 */
export function renderCapacity(results, reproduce, when) {
	const kinds = [...new Set(results.map((r) => r.kind))];
	const lines = [
		'<!-- bench:sync-capacity:start -->',
		'### Capacity on one core (goal 3)',
		'',
		...head(reproduce, when),
		`The server is pinned to core 0 (\`taskset -c 0\`), the client processes and the harness to the other cores; each step is a fresh server process with the steady workload. The load goes up step by step until a step has p99 ≥ ${CAPACITY_P99_MS} ms or loses a delivery; a server's capacity is the most deliveries per second of a step that passed. On two cores the clients share one core, so a step can also fail because the clients cannot keep up: the client CPU column shows it.`,
		'',
		'| server | capacity, round by round (deliveries/s) | median |',
		'|---|---|---:|',
		...kinds.map((kind) => {
			const runs = results.filter((r) => r.kind === kind);
			return `| ${runs[0]?.label} | ${runs.map((r) => fixed(r.capacity, 0)).join(', ')} | ${fixed(median(runs.map((r) => r.capacity)), 0)} |`;
		}),
		'',
		'| goal (ours) | ratio ours / peer, round by round | median | result |',
		'|---|---|---:|---|'
	];
	const peers = DURABLE_PEERS.map((peer) => ratios(results, peer, (r) => r.capacity));
	const best = results
		.filter((r) => r.kind === OURS)
		.map((o) => {
			const bestPeer = Math.max(
				0,
				...results.filter((r) => DURABLE_PEERS.includes(r.kind) && r.round === o.round).map((r) => r.capacity)
			);
			return o.capacity / bestPeer;
		});
	const ref = ratios(results, 'reference', (r) => r.capacity);
	lines.push(
		...DURABLE_PEERS.map((peer, i) => `| ≥ ${peer} | ${peers[i]?.text} | ${fixed(peers[i]?.median ?? NaN, 2)}× | |`),
		`| 3. ≥ the best durable peer | ${best.map((x) => fixed(x, 2)).join(', ')} | ${fixed(median(best), 2)}× | ${yesNo(median(best) >= 1)} |`,
		`| 3. ≥ 0.9 × reference | ${ref.text} | ${fixed(ref.median, 2)}× | ${yesNo(ref.median >= 0.9)} |`,
		'',
		'Every step:',
		'',
		'| server | round | step | deliveries/s | lost | p99 ms | server CPU s | client CPU s | passed |',
		'|---|---:|---|---:|---:|---:|---:|---:|---|',
		...results.flatMap((c) =>
			c.steps.map((r) =>
				r.error
					? `| ${c.label} | ${c.round} | ${r.scenario.docs}x${r.scenario.clients}x${r.scenario.rate} | failed: ${(r.error.split('\n')[0] ?? '').replaceAll('|', '\\|')} | | | | | no |`
					: `| ${c.label} | ${c.round} | ${r.scenario.docs}x${r.scenario.clients}x${r.scenario.rate} | ${fixed(perSecond(r), 0)} | ${r.expected - r.received} | ${fixed(r.p99, 1)} | ${fixed(r.cpuS, 2)} | ${fixed(r.clientCpuS, 1)} | ${passed(r) ? 'yes' : 'no'} |`
			)
		),
		'<!-- bench:sync-capacity:end -->'
	);
	return lines.join('\n');
}

/**
 * @param {import('./reconnect.mjs').ReconnectResult[]} results @param {string} reproduce @param {string} when
 */
export function renderReconnect(results, reproduce, when) {
	const ok = results.filter((r) => !r.error);
	const shape = ok[0] ? `${ok[0].clients} clients over ${ok[0].docs} documents` : 'no run completed';
	const ours = ok.filter((r) => r.kind === OURS);
	const stall = median(ours.map((r) => r.stallMs));
	const synced = median(ours.map((r) => r.syncedMs));
	const lines = [
		'<!-- bench:sync-reconnect:start -->',
		'### Mass reconnect (goal 4)',
		'',
		...head(reproduce, when),
		`${shape}, each with its presence (awareness) and after 10 edits each; then every client's socket is cut without a close frame at once and each connects again at once with its presence. Stall: the longest gap between ticks of a 5 ms timer in the server (\`perf_hooks.monitorEventLoopDelay\`, loaded with \`--import bench/sync/stall-probe.mjs\`), from 100 ms before the drop until 500 ms after every client was synced again, so an idle loop shows a little over 5 ms. Synced: from the drop until the last client's provider reported sync. Server CPU over the same window.`,
		'',
		'| server | round | stall ms | every client synced after ms | server CPU s | peak RSS MiB |',
		'|---|---:|---:|---:|---:|---:|',
		...results.map((r) =>
			r.error
				? `| ${r.label} | ${r.round} | failed: ${(r.error.split('\n')[0] ?? '').replaceAll('|', '\\|')} | | | |`
				: `| ${r.label} | ${r.round} | ${fixed(r.stallMs, 1)} | ${fixed(r.syncedMs, 0)} | ${fixed(r.cpuS, 2)} | ${fixed(r.peakRssMiB, 0)} |`
		),
		'',
		'| goal (ours) | round by round | median | result |',
		'|---|---|---:|---|',
		`| 4. longest stall < 20 ms | ${ours.map((r) => fixed(r.stallMs, 1)).join(', ')} ms | ${fixed(stall, 1)} ms | ${yesNo(stall < 20)} |`,
		`| 4. every client synced within 2 s | ${ours.map((r) => fixed(r.syncedMs, 0)).join(', ')} ms | ${fixed(synced, 0)} ms | ${yesNo(synced < 2000)} |`,
		...['reference', ...DURABLE_PEERS, 'hocuspocus'].flatMap((peer) => {
			const s = ratios(ok, peer, (r) => r.stallMs);
			const t = ratios(ok, peer, (r) => r.syncedMs);
			return s.list.length === 0
				? []
				: [
						`| stall, ours / ${peer} | ${s.text} | ${fixed(s.median, 2)}× | |`,
						`| time to synced, ours / ${peer} | ${t.text} | ${fixed(t.median, 2)}× | |`
					];
		}),
		'<!-- bench:sync-reconnect:end -->'
	];
	return lines.join('\n');
}

/**
 * @param {import('./cold-load.mjs').ColdResult[]} results @param {string} reproduce @param {string} when
 */
export function renderCold(results, reproduce, when) {
	const sizes = [...new Set(results.map((r) => r.edits))].sort((a, b) => a - b);
	const ours = results.filter((r) => r.kind === OURS && !r.error);
	/** The server's own figure where it has one, else cold minus warm. @param {import('./cold-load.mjs').ColdResult} r */
	const loadMs = (r) => r.serverLoadMs ?? r.coldMs - r.warmMs;
	const oursAt = (/** @type {number} */ n) => median(ours.filter((r) => r.edits === n).map(loadMs));
	const at10k = oursAt(10_000);
	const loads = sizes.map(oursAt).filter(Number.isFinite);
	const spread = loads.length > 1 ? Math.max(...loads) / Math.min(...loads) - 1 : NaN;
	const lines = [
		'<!-- bench:sync-cold:start -->',
		'### Cold load (goal 5)',
		'',
		...head(reproduce, when),
		"One document gets N edits through the server, each its own update, as a document is revised: words typed at a caret that moves every 20 edits and, once the text holds 2,000 characters, 8 characters deleted elsewhere every other edit, so the content stays the same size and only the history grows (`reviser` in `bench/sync/cold-load.mjs`). One client writes them while a second one confirms the server passed each chunk on. The server then stops, a fresh process starts on the same data, and a first client connects (cold: the server loads the document), then a second one (warm); each is timed until it holds exactly the text the writer ended with (a server may answer the first sync before its storage has loaded). Load = cold − warm, except for ours, which reports its own load time (`doetank_sync_document_load_seconds` in `/metrics`: read from the database, replayed, migrated). Complete: both clients got that text within 30 s. Both include the new process's first use of its code (JIT).",
		'',
		'| server | edits | round | load ms | cold client ms | warm client ms | complete | writing took s |',
		'|---|---:|---:|---:|---:|---:|---|---:|',
		...results.map((r) =>
			r.error
				? `| ${r.label} | ${r.edits} | ${r.round} | failed: ${(r.error.split('\n')[0] ?? '').replaceAll('|', '\\|')} | | | | |`
				: `| ${r.label} | ${r.edits} | ${r.round} | ${fixed(loadMs(r), 1)} | ${fixed(r.coldMs, 1)} | ${fixed(r.warmMs, 1)} | ${r.complete ? 'yes' : '**no**'} | ${fixed(r.writeS, 1)} |`
		),
		'',
		'| goal (ours) | per size (median) | | result |',
		'|---|---|---:|---|',
		`| 5. 10,000 edits load in < 50 ms | ${fixed(at10k, 1)} ms | | ${yesNo(at10k < 50)} |`,
		`| 5. flat (± 20 %) from 1,000 to 100,000 | ${sizes.map((n, i) => `${n}: ${fixed(loads[i] ?? NaN, 1)} ms`).join(', ')} | max / min − 1 = ${fixed(spread * 100, 0)} % | ${yesNo(spread <= 0.2)} |`,
		`| every cold client complete | ${ours.filter((r) => r.complete).length} of ${ours.length} | | ${yesNo(ours.length > 0 && ours.every((r) => r.complete))} |`,
		'<!-- bench:sync-cold:end -->'
	];
	return lines.join('\n');
}
