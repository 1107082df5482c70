/** Whether the bus reaches Redis right now. While `down`, nothing crosses instances. */
export type BusState = 'ok' | 'down';

/**
 * What crosses instances (documents, awareness, presence, access changes): Redis pub/sub behind a
 * small interface, so nothing but `redis-bus.ts` knows Redis, and that module (with ioredis) is
 * loaded only when REDIS_URL is set. Messages are fire-and-forget; whatever a channel may miss
 * (while Redis is down, before a subscription) is recovered from the database by the receiver.
 */
export interface Bus {
	/** This process's id on the bus; each message says which instance sent it. */
	readonly instanceId: string;
	readonly state: BusState;
	/** Publishes to a channel; silently nothing while the bus is down. */
	publish(channel: string, message: string): void;
	/** Resolves once Redis confirmed the subscription (at once while the bus is down). */
	subscribe(channel: string, listener: (message: string) => void): Promise<void>;
	unsubscribe(channel: string, listener: (message: string) => void): void;
	/** Hears `down` when Redis is lost and `ok` when it is back (after the subscriptions are restored). */
	onState(listener: (state: BusState) => void): () => void;
	close(): Promise<void>;
}

/** Transaction origin of what an instance applies from the others (or the log): not a local author's edit. */
export const REMOTE_ORIGIN = Symbol.for('doetank-werkplaats.remote');
