// One simulated editor: a Y.Doc kept in sync by the provider that belongs to the server under test.
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * `drop` cuts the socket without a close frame (as when a café's wifi drops) and forgets the provider;
 * `presence` sets the local awareness state, which goes to the others of the document; `clock` is
 * that state's awareness clock.
 * @typedef {{ doc: Y.Doc, synced: Promise<void>, reconnects(): number, destroy(): void, drop(): void,
 *   presence(state: Record<string, unknown>): void, clock(): number }} Client
 * @typedef {{ protocol: 'y-websocket' | 'hocuspocus', url: string, room: string, cookie: string | null }} ClientSpec
 */

/** A `ws` socket that sends the session cookie with the upgrade request, as a browser would. @param {string} cookie */
function cookieSocket(cookie) {
	return class CookieSocket extends WebSocket {
		/** @param {string} url @param {string | string[]} [protocols] */
		constructor(url, protocols) {
			super(url, protocols, { headers: { cookie } });
		}
	};
}

/**
 * A replica that connects again goes on from its old presence's clock, as the app's client does
 * (src/lib/sync/presence.ts): the server and the others ignore an entry at a clock they have seen,
 * so with a fresh clock the reconnected presence would never arrive (y-websocket issue 122).
 * @param {import('y-protocols/awareness').Awareness | null} awareness @param {number} after
 */
function continueClock(awareness, after) {
	if (awareness && after >= 0) awareness.meta.set(awareness.clientID, { clock: after, lastUpdated: Date.now() });
}

/** The clock of this client's own presence (-1 before it has one). @param {import('y-protocols/awareness').Awareness | null} awareness */
const clockOf = (awareness) => awareness?.meta.get(awareness.clientID)?.clock ?? -1;

/**
 * @param {ClientSpec} spec @param {Y.Doc} [doc] an existing replica to connect again
 * @param {number} [clockAfter] its presence's last clock, when it connects again
 * @returns {Client}
 */
export function connectClient(spec, doc = new Y.Doc(), clockAfter = -1) {
	let connects = 0;
	let last = '';
	/** @type {() => void} */
	let markSynced = () => {};
	const synced = new Promise((resolve) => (markSynced = () => resolve(undefined)));
	// Hocuspocus reports "connected" twice per connection (socket open, then handshake): count transitions.
	const onStatus = (/** @type {{ status: string }} */ { status }) => {
		if (status === 'connected' && last !== 'connected') connects++;
		last = status;
	};
	if (spec.protocol === 'hocuspocus') {
		// The provider hands its whole configuration to the socket it creates, polyfill included; its
		// type only names the socket's url.
		const config = /** @type {import('@hocuspocus/provider').HocuspocusProviderConfiguration} */ ({
			url: spec.url,
			name: spec.room,
			document: doc,
			WebSocketPolyfill: WebSocket
		});
		const provider = new HocuspocusProvider(config);
		continueClock(provider.awareness, clockAfter);
		provider.on('status', onStatus);
		provider.on('synced', (/** @type {{ state: boolean }} */ { state }) => state && markSynced());
		return {
			doc,
			synced,
			reconnects: () => Math.max(0, connects - 1),
			destroy: () => provider.destroy(),
			drop: () => {
				/** @type {WebSocket | null} */ (provider.configuration.websocketProvider.webSocket)?.terminate();
				provider.destroy();
			},
			presence: (state) => provider.awareness?.setLocalState(state),
			clock: () => clockOf(provider.awareness)
		};
	}
	const provider = new WebsocketProvider(spec.url, spec.room, doc, {
		WebSocketPolyfill: /** @type {any} */ (spec.cookie ? cookieSocket(spec.cookie) : WebSocket),
		disableBc: true
	});
	continueClock(provider.awareness, clockAfter);
	provider.on('status', onStatus);
	provider.on('sync', (/** @type {boolean} */ isSynced) => isSynced && markSynced());
	return {
		doc,
		synced,
		reconnects: () => Math.max(0, connects - 1),
		destroy: () => provider.destroy(),
		drop: () => {
			/** @type {WebSocket | null} */ (provider.ws)?.terminate();
			provider.destroy();
		},
		presence: (state) => provider.awareness.setLocalState(state),
		clock: () => clockOf(provider.awareness)
	};
}
