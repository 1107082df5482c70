import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { presentUsers, rejoinPresence, type PresenceState } from './presence';

const state = (id: string, name: string, extra: Partial<PresenceState> = {}): PresenceState => ({
	user: { id, name, color: '#1d4ed8' },
	section: 'probleemdefinitie',
	typing: false,
	...extra
});

const members = [
	{ id: 'tineke', roles: ['trekker', 'lid'] as const },
	{ id: 'lars', roles: ['lid'] as const },
	{ id: 'mila', roles: ['meekijker'] as const },
	{ id: 'olga', roles: ['opdrachtgever', 'besluitvormer'] as const }
];

describe('presentUsers', () => {
	it('lists me first, then the others by name, with watching taken from the member roles', () => {
		const users = presentUsers(
			[
				[3, state('mila', 'Mila Meekijker')],
				[2, state('lars', 'Lars Lid')],
				[1, state('tineke', 'Tineke Trekker')],
				[4, state('olga', 'Olga Opdrachtgever')]
			],
			members,
			{ id: 'tineke', clientId: 1 }
		);
		expect(users.map((u) => [u.name, u.isMe, u.watching])).toEqual([
			['Tineke Trekker', true, false],
			['Lars Lid', false, false],
			['Mila Meekijker', false, true],
			['Olga Opdrachtgever', false, true]
		]);
	});

	it('counts someone who is not a member (a network admin) as watching', () => {
		const [admin] = presentUsers([[9, state('bea', 'Bea Beheerder')]], members, { id: 'x', clientId: 1 });
		expect(admin?.watching).toBe(true);
	});

	it('merges several tabs of one person: typing in any tab counts, my own tab decides my section', () => {
		const users = presentUsers(
			[
				[5, state('lars', 'Lars Lid', { section: 'actielijst' })],
				[6, state('lars', 'Lars Lid', { typing: true })],
				[8, state('tineke', 'Tineke Trekker', { section: 'actielijst' })],
				[7, state('tineke', 'Tineke Trekker', { section: 'business-cases' })]
			],
			members,
			{ id: 'tineke', clientId: 7 }
		);
		expect(users).toHaveLength(2);
		expect(users[0]).toMatchObject({ id: 'tineke', section: 'business-cases' });
		expect(users[1]).toMatchObject({ id: 'lars', section: 'actielijst', typing: true });
	});

	it('skips states without a complete user (a client that has not said who it is yet)', () => {
		const users = presentUsers(
			[
				[1, {}],
				[2, null],
				[3, { user: { id: 'lars', name: 'Lars Lid' } }],
				[4, state('lars', 'Lars Lid')]
			],
			members,
			{ id: 'tineke', clientId: 9 }
		);
		expect(users.map((u) => u.id)).toEqual(['lars']);
	});
});

describe('rejoinPresence', () => {
	/** A server's awareness and two clients' (Tineke stays online, Lars's network drops), as y-websocket and our server keep them. */
	function dropAndReconnect(rejoin: boolean) {
		const server = new Awareness(new Y.Doc());
		server.setLocalState(null);
		const tineke = new Awareness(new Y.Doc());
		const lars = new Awareness(new Y.Doc());
		tineke.setLocalState(state('tineke', 'Tineke Trekker'));
		lars.setLocalState(state('lars', 'Lars Lid'));
		const send = (from: Awareness, to: Awareness, ids: number[]) =>
			applyAwarenessUpdate(to, encodeAwarenessUpdate(from, ids), 'test');
		// Both connect; the server hands each the other's entry.
		send(tineke, server, [tineke.clientID]);
		send(lars, server, [lars.clientID]);
		send(server, tineke, [lars.clientID]);
		send(server, lars, [tineke.clientID]);
		// Lars's socket closes: the server removes his entry and tells Tineke; Lars drops the others'.
		removeAwarenessStates(server, [lars.clientID], 'departure');
		send(server, tineke, [lars.clientID]);
		removeAwarenessStates(lars, [tineke.clientID], 'close');
		// Back online: Lars announces himself, the server hands him everyone there.
		if (rejoin) rejoinPresence(lars);
		send(lars, server, [lars.clientID]);
		send(server, tineke, [lars.clientID]);
		send(server, lars, [tineke.clientID]);
		const names = (a: Awareness) => [...a.getStates().values()].map((s) => (s as PresenceState).user.name).sort();
		const seen = { server: names(server), tineke: names(tineke), lars: names(lars) };
		for (const a of [server, tineke, lars]) a.destroy();
		return seen;
	}

	it('after a reconnect, the others see the client again and it sees them at once', () => {
		expect(dropAndReconnect(true)).toEqual({
			server: ['Lars Lid', 'Tineke Trekker'],
			tineke: ['Lars Lid', 'Tineke Trekker'],
			lars: ['Lars Lid', 'Tineke Trekker']
		});
	});

	it('without it, both sides ignore the entries that come back at their old clocks', () => {
		expect(dropAndReconnect(false)).toEqual({
			server: ['Tineke Trekker'],
			tineke: ['Tineke Trekker'],
			lars: ['Lars Lid']
		});
	});

	it('keeps a local state that was removed (the tab was hidden) removed', () => {
		const awareness = new Awareness(new Y.Doc());
		awareness.setLocalState(null);
		rejoinPresence(awareness);
		expect(awareness.getLocalState()).toBeNull();
		awareness.destroy();
	});
});
