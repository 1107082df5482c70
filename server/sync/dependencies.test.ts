import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasMissingDependencies } from './dependencies';

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
