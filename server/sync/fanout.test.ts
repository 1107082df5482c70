import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEPARTURE, Fanout, type AwarenessChanges, type Peer } from './fanout';
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

	it('sends awareness changes to all peers and tells the origin which entries are its own', () => {
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
		expect(a.received).toHaveLength(1);
		expect(b.received[0]).toBe(a.received[0]);
		expect(decodeClientMessage(b.received[0]!).kind).toBe('awareness');
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
		for (const id of clients) awarenessProtocol.removeAwarenessStates(awareness, [id], DEPARTURE);
		fanout.peers.delete(leaving);
		expect(stays.received).toHaveLength(0);
		await new Promise((resolve) => setImmediate(resolve));
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
		awarenessProtocol.removeAwarenessStates(awareness, [awareness.clientID], DEPARTURE);
		fanout.destroy();
		await new Promise((resolve) => setImmediate(resolve));
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
