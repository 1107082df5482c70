import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as workspace from '.';
import type { ActionChanges } from '.';

const { ACTION_STATUSES, actionsMap, addAction, readActions, removeAction, updateAction } = workspace;
const { moveAction, moveActionDown, moveActionUp } = workspace;

/**
 * Replicas start in sync, work offline, then receive each other's updates in a random order
 * (Yjs buffers updates whose dependencies have not arrived). Two rounds, so the second round
 * works on top of whatever the first merge produced (ties included).
 */
type Op =
	| { kind: 'add'; index: number }
	| { kind: 'move'; pick: number; index: number }
	| { kind: 'up' | 'down' | 'remove'; pick: number }
	| { kind: 'update'; pick: number; changes: ActionChanges };

const changes: fc.Arbitrary<ActionChanges> = fc.record(
	{
		title: fc.constantFrom('Bel', 'Mail', 'Plan café', 'Schrijf'),
		ownerId: fc.constantFrom(null, 'u1', 'u2'),
		due: fc.constantFrom(null, '2025-01-31', '2025-02-01'),
		status: fc.constantFrom(...ACTION_STATUSES),
		note: fc.string({ maxLength: 5 })
	},
	{ requiredKeys: [] }
);

const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ kind: fc.constant('add' as const), index: fc.nat(12) }),
	fc.record({ kind: fc.constant('move' as const), pick: fc.nat(40), index: fc.nat(12) }),
	fc.record({ kind: fc.constantFrom('up' as const, 'down' as const, 'remove' as const), pick: fc.nat(40) }),
	fc.record({ kind: fc.constant('update' as const), pick: fc.nat(40), changes })
);

/** A small seeded generator, so a failing case replays exactly. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Replica {
	doc: Y.Doc;
	random: () => number;
	outbox: Uint8Array[];
	counter: number;
}

function apply(replica: Replica, name: string, step: Op, removed: Set<string>, added: Set<string>): void {
	const { doc, random } = replica;
	const list = readActions(doc);
	if (step.kind === 'add') {
		const id = `${name}-${replica.counter++}`;
		addAction(doc, { title: id }, name, { id, index: step.index, random });
		added.add(id);
		return;
	}
	if (list.length === 0) return;
	const id = (list[step.pick % list.length] as { id: string }).id;
	if (step.kind === 'move') moveAction(doc, id, step.index, random);
	else if (step.kind === 'up') moveActionUp(doc, id, random);
	else if (step.kind === 'down') moveActionDown(doc, id, random);
	else if (step.kind === 'update') updateAction(doc, id, step.changes);
	else {
		removeAction(doc, id);
		removed.add(id);
	}
}

function exchange(replicas: Replica[], order: number): void {
	const deliveries = replicas.flatMap((from, f) =>
		replicas.flatMap((to, t) => (f === t ? [] : from.outbox.map((update) => ({ to, update }))))
	);
	const shuffle = seeded(order);
	for (let i = deliveries.length - 1; i > 0; i--) {
		const j = Math.floor(shuffle() * (i + 1));
		[deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
	}
	for (const { to, update } of deliveries) Y.applyUpdate(to.doc, update, 'remote');
	for (const replica of replicas) replica.outbox.length = 0;
}

function run(rounds: Op[][][], initial: number, seeds: number[], jitter: boolean): void {
	const base = new Y.Doc();
	const expected = new Set<string>();
	for (let i = 0; i < initial; i++) expected.add(addAction(base, { title: `start ${i}` }, 'base', { id: `s${i}` }));
	const replicas: Replica[] = rounds[0]!.map((_, r) => {
		const doc = new Y.Doc();
		doc.clientID = r + 1;
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(base), 'remote');
		const replica: Replica = { doc, random: jitter ? seeded(seeds[r]!) : () => 0, outbox: [], counter: 0 };
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'remote') replica.outbox.push(update);
		});
		return replica;
	});
	const removed = new Set<string>();
	rounds.forEach((round, n) => {
		replicas.forEach((replica, r) => {
			for (const step of round[r] ?? []) apply(replica, `r${r}`, step, removed, expected);
		});
		exchange(replicas, seeds[n]! ^ 0x5bd1e995);

		const lists = replicas.map((replica) => readActions(replica.doc));
		for (const list of lists) expect(list).toEqual(lists[0]);
		const ids = lists[0]!.map((action) => action.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set([...expected].filter((id) => !removed.has(id))));
		for (const id of ids) expect((actionsMap(replicas[0]!.doc).get(id) as Y.Map<unknown>).get('id')).toBe(id);
	});
}

const scenario = (replicas: number) =>
	fc.record({
		rounds: fc.array(fc.array(fc.array(op, { maxLength: 12 }), { minLength: replicas, maxLength: replicas }), {
			minLength: 2,
			maxLength: 2
		}),
		initial: fc.nat(5),
		seeds: fc.array(fc.integer(), { minLength: 3, maxLength: 3 })
	});

describe('actielijst under concurrent offline edits', () => {
	it('two replicas converge to the same order with no duplicate and no lost action', () => {
		fc.assert(
			fc.property(scenario(2), ({ rounds, initial, seeds }) => run(rounds, initial, seeds, true)),
			{ numRuns: 300 }
		);
	});

	it('three replicas converge too', () => {
		fc.assert(
			fc.property(scenario(3), ({ rounds, initial, seeds }) => run(rounds, initial, seeds, true)),
			{ numRuns: 300 }
		);
	});

	it('converges even when every replica computes identical positions (no jitter: ties everywhere)', () => {
		fc.assert(
			fc.property(scenario(3), ({ rounds, initial, seeds }) => run(rounds, initial, seeds, false)),
			{ numRuns: 300 }
		);
	});
});
