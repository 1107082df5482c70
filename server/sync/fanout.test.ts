import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Fanout, RENEWAL_FLUSH_MS, type AwarenessChanges, type Peer } from './fanout';
import { decodeAwarenessEntries } from './awareness';
import { decodeClientMessage } from './protocol';

class TestPeer implements Peer {
	received: Uint8Array[] = [];
	own: AwarenessChanges[] = [];
	constructor(private readonly accepts = true) {}
	deliver(message: Uint8Array): boolean {
		this.received.push(message);
		return this.accepts;
	}
	ownAwareness(changes: AwarenessChanges): void {
		this.own.push(changes);
	}
}

/** One edit of a fresh client, as it would send it. */
function edit(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

/** Lets the event loop reach its check phase, where changes of one turn go out. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
	const doc = new Y.Doc();
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState(null);
	const counts: number[] = [];
	const fanout = new Fanout(awareness, (n) => counts.push(n));
	return { awareness, fanout, counts };
}

describe('Fanout', () => {
	it('sends the update as it came to every peer but its origin, the same bytes to each', () => {
		const { fanout, counts } = setup();
		const [a, b, c] = [new TestPeer(), new TestPeer(), new TestPeer(false)];
		for (const p of [a, b, c]) fanout.peers.add(p);
		const update = edit('hallo');
		fanout.update(update, a);
		expect(a.received).toHaveLength(0);
		expect(b.received).toHaveLength(1);
		expect(c.received[0]).toBe(b.received[0]);
		const message = decodeClientMessage(b.received[0]!);
		expect(message.kind === 'update' && message.update).toEqual(update);
		expect(counts).toEqual([1]);
	});

	it('does no work for a change nobody else will receive', () => {
		const { fanout, counts } = setup();
		const a = new TestPeer();
		fanout.peers.add(a);
		fanout.update(edit('alleen'), a);
		expect(a.received).toHaveLength(0);
		expect(counts).toEqual([]);
	});

	it('sends awareness changes to all peers and tells the origin which entries are its own', async () => {
		const { fanout, awareness } = setup();
		const [a, b] = [new TestPeer(), new TestPeer()];
		fanout.peers.add(a);
		fanout.peers.add(b);
		const remote = new awarenessProtocol.Awareness(new Y.Doc());
		remote.setLocalState({ section: 'actielijst' });
		awarenessProtocol.applyAwarenessUpdate(
			awareness,
			awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]),
			a
		);
		expect(a.own).toEqual([{ added: [remote.clientID], updated: [], removed: [] }]);
		expect(b.own).toEqual([]);
		await turn();
		expect(a.received).toHaveLength(1);
		expect(b.received[0]).toBe(a.received[0]);
		expect(decodeClientMessage(b.received[0]!).kind).toBe('awareness');
	});

	describe('presence', () => {
		afterEach(() => void vi.useRealTimers());

		/** A client's presence as it sends it: a renewal re-sends the same state at a newer clock. */
		function client(state: object) {
			const remote = new awarenessProtocol.Awareness(new Y.Doc());
			remote.setLocalState(state);
			return {
				id: remote.clientID,
				send: (to: awarenessProtocol.Awareness, origin: Peer) =>
					awarenessProtocol.applyAwarenessUpdate(
						to,
						awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]),
						origin
					),
				renew: () => remote.setLocalState(remote.getLocalState()),
				change: (next: object) => remote.setLocalState(next),
				clock: () => remote.meta.get(remote.clientID)!.clock
			};
		}

		const entriesOf = (message: Uint8Array) => {
			const decoded = decodeClientMessage(message);
			if (decoded.kind !== 'awareness') throw new Error('expected an awareness message');
			return decodeAwarenessEntries(decoded.update).map((e) => [e.clientId, e.clock]);
		};

		function room() {
			const { fanout, awareness } = setup();
			const [origin, peer] = [new TestPeer(), new TestPeer()];
			fanout.peers.add(origin);
			fanout.peers.add(peer);
			return { fanout, awareness, origin, peer };
		}

		it('changes of several clients in one turn of the event loop go out as one message', async () => {
			const { fanout, awareness, origin, peer } = room();
			const clients = [client({ section: 'probleem' }), client({ section: 'actielijst' }), client({ section: 'x' })];
			for (const c of clients) c.send(awareness, origin);
			expect(peer.received).toHaveLength(0);
			await turn();
			expect(peer.received).toHaveLength(1);
			expect(origin.received[0]).toBe(peer.received[0]);
			expect(entriesOf(peer.received[0]!)).toEqual(clients.map((c) => [c.id, c.clock()]));
			fanout.destroy();
		});

		it('renewals wait and go out together as one message, while a change goes out in the same turn', async () => {
			// Only setTimeout: the Awareness instances keep their own interval and clock.
			vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
			const { fanout, awareness, origin, peer } = room();
			const [a, b, c] = [
				client({ section: 'probleem' }),
				client({ section: 'actielijst' }),
				client({ section: 'canvas' })
			];
			for (const x of [a, b, c]) x.send(awareness, origin);
			await turn();
			peer.received = [];

			a.renew();
			b.renew();
			a.send(awareness, origin);
			b.send(awareness, origin);
			await turn();
			expect(peer.received).toHaveLength(0);
			// A real change (another section) does not wait, and does not carry the renewals with it.
			c.change({ section: 'probleem' });
			c.send(awareness, origin);
			await turn();
			expect(peer.received.map(entriesOf)).toEqual([[[c.id, c.clock()]]]);

			vi.advanceTimersByTime(RENEWAL_FLUSH_MS);
			expect(peer.received).toHaveLength(2);
			expect(peer.received[1]).toBe(origin.received.at(-1));
			expect(entriesOf(peer.received[1]!)).toEqual([
				[a.id, a.clock()],
				[b.id, b.clock()]
			]);
			fanout.destroy();
		});

		it('a renewal is left out once its entry changed or left', async () => {
			vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
			const { fanout, awareness, origin, peer } = room();
			const [a, b] = [client({ section: 'probleem' }), client({ section: 'probleem' })];
			for (const x of [a, b]) x.send(awareness, origin);
			a.renew();
			a.send(awareness, origin);
			b.renew();
			b.send(awareness, origin);
			a.change({ section: 'actielijst' });
			a.send(awareness, origin);
			awarenessProtocol.removeAwarenessStates(awareness, [b.id], 'gone');
			await turn();
			peer.received = [];
			vi.advanceTimersByTime(RENEWAL_FLUSH_MS);
			expect(peer.received).toHaveLength(0);
			fanout.destroy();
		});
	});

	it('sends the departures of connections that closed in one turn as one message, only to the peers still open then', async () => {
		const { fanout, awareness } = setup();
		const [stays, leaving] = [new TestPeer(), new TestPeer()];
		fanout.peers.add(stays);
		fanout.peers.add(leaving);
		const clients = [1, 2, 3].map(() => {
			const remote = new awarenessProtocol.Awareness(new Y.Doc());
			remote.setLocalState({ section: 'probleem' });
			awarenessProtocol.applyAwarenessUpdate(
				awareness,
				awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]),
				stays
			);
			return remote.clientID;
		});
		stays.received = [];
		leaving.received = [];
		// Three closes in one turn of the loop; the leaving peer's own close comes in the same turn.
		for (const id of clients) awarenessProtocol.removeAwarenessStates(awareness, [id], 'closed');
		fanout.peers.delete(leaving);
		expect(stays.received).toHaveLength(0);
		await turn();
		expect(leaving.received).toHaveLength(0);
		expect(stays.received).toHaveLength(1);
		const message = decodeClientMessage(stays.received[0]!);
		if (message.kind !== 'awareness') throw new Error('expected an awareness message');
		const entries = decodeAwarenessEntries(message.update);
		expect(entries.map((e) => [e.clientId, e.state])).toEqual(clients.map((id) => [id, 'null']));
	});

	it('sends no departures once the document is destroyed', async () => {
		const { fanout, awareness } = setup();
		const a = new TestPeer();
		fanout.peers.add(a);
		awareness.setLocalState({ section: 'probleem' });
		a.received = [];
		awarenessProtocol.removeAwarenessStates(awareness, [awareness.clientID], 'closed');
		fanout.destroy();
		await turn();
		expect(a.received).toHaveLength(0);
	});

	it('stops listening when destroyed', () => {
		const { fanout, awareness } = setup();
		const a = new TestPeer();
		fanout.peers.add(a);
		fanout.destroy();
		awareness.setLocalState({ section: 'actielijst' });
		expect(a.received).toHaveLength(0);
	});
});
