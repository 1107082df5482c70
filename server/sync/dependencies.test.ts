import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addsNothing, hasMissingDependencies } from './dependencies';

/** Records each transaction's update of a replica. */
function replica(clientID: number) {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	return { doc, updates };
}

const check = (doc: Y.Doc, update: Uint8Array) => hasMissingDependencies(doc, Y.decodeUpdate(update));

describe('hasMissingDependencies', () => {
	it('accepts updates in order, including ones that build on other clients’ content', () => {
		const server = new Y.Doc();
		const a = replica(1);
		const b = replica(2);
		a.doc.getText('t').insert(0, 'hallo');
		for (const u of a.updates) {
			expect(check(server, u)).toBe(false);
			Y.applyUpdate(server, u);
			Y.applyUpdate(b.doc, u);
		}
		b.doc.getText('t').insert(3, ' wereld');
		b.doc.getText('t').delete(0, 2);
		b.doc.getMap('m').set('k', new Y.Text('genest'));
		for (const u of b.updates) {
			expect(check(server, u)).toBe(false);
			Y.applyUpdate(server, u);
		}
	});

	it('refuses an update whose predecessor from the same client is missing', () => {
		const server = new Y.Doc();
		const a = replica(1);
		a.doc.getText('t').insert(0, 'een');
		a.doc.getText('t').insert(3, 'twee');
		expect(check(server, a.updates[1]!)).toBe(true);
	});

	it('refuses an update that builds on content from a client the server never saw', () => {
		const server = new Y.Doc();
		const a = replica(1);
		const b = replica(2);
		a.doc.getText('t').insert(0, 'geheim');
		Y.applyUpdate(b.doc, a.updates[0]!);
		b.updates.length = 0;
		b.doc.getText('t').insert(3, '!');
		b.doc.getText('t').delete(0, 1);
		for (const u of b.updates) expect(check(server, u)).toBe(true);
		// ...but takes the same content once it comes with everything it builds on.
		expect(check(server, Y.encodeStateAsUpdate(b.doc))).toBe(false);
	});

	it('agrees with Yjs: an update is refused exactly when applying it would leave something pending', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(2), fc.nat(20), fc.boolean()), { minLength: 1, maxLength: 25 }),
				fc.array(fc.nat(), { maxLength: 25 }),
				(edits, picks) => {
					const replicas = [replica(1), replica(2), replica(3)];
					for (const [who, at, del] of edits) {
						const r = replicas[who]!;
						const text = r.doc.getText('t');
						if (del && text.length > 0) text.delete(at % text.length, 1);
						else text.insert(at % (text.length + 1), String(at));
						// Replicas share some of their updates with each other, so later edits depend on them.
						for (const other of replicas)
							if (other !== r && at % 2 === 0) Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(r.doc));
					}
					const all = replicas.flatMap((r) => r.updates);
					const server = new Y.Doc();
					for (const p of picks) {
						const update = all[p % all.length]!;
						const refused = check(server, update);
						const probe = new Y.Doc();
						Y.applyUpdate(probe, Y.encodeStateAsUpdate(server));
						Y.applyUpdate(probe, update);
						const pending = probe.store.pendingStructs !== null || probe.store.pendingDs !== null;
						expect(refused).toBe(pending);
						if (!refused) Y.applyUpdate(server, update);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('addsNothing', () => {
	it('knows a reconnecting client’s sync step 2 that only repeats deletions the document has', () => {
		const server = new Y.Doc();
		const a = replica(1);
		a.doc.getText('t').insert(0, 'hallo wereld');
		a.doc.getText('t').delete(0, 6);
		for (const u of a.updates) Y.applyUpdate(server, u);
		// What the client answers the server's state vector with: no structs, its whole delete set.
		const step2 = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(server));
		expect(Y.decodeUpdate(step2).ds.clients.size).toBe(1);
		expect(addsNothing(server, Y.decodeUpdate(step2))).toBe(true);
		// A new deletion in it is something.
		a.doc.getText('t').delete(0, 1);
		expect(addsNothing(server, Y.decodeUpdate(Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(server))))).toBe(false);
	});

	it('agrees with Yjs: true exactly when applying the update changes nothing', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(1), fc.nat(20), fc.boolean()), { minLength: 1, maxLength: 25 }),
				fc.array(fc.nat(), { maxLength: 25 }),
				(edits, picks) => {
					const replicas = [replica(1), replica(2)];
					for (const [who, at, del] of edits) {
						const text = replicas[who]!.doc.getText('t');
						if (del && text.length > 0) text.delete(at % text.length, 1 + (at % 3));
						else text.insert(at % (text.length + 1), String(at));
					}
					const all = replicas.flatMap((r) => [...r.updates, Y.encodeStateAsUpdate(r.doc)]);
					const server = new Y.Doc();
					for (const p of picks) {
						const update = all[p % all.length]!;
						const decoded = Y.decodeUpdate(update);
						if (hasMissingDependencies(server, decoded)) continue;
						let changed = false;
						const mark = () => (changed = true);
						server.on('update', mark);
						const nothing = addsNothing(server, decoded);
						Y.applyUpdate(server, update);
						server.off('update', mark);
						expect(nothing).toBe(!changed);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
