import { EventEmitter } from 'node:events';
import type { Logger } from '../logger';

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

/** Connects to Redis; the client library is loaded only here, on demand. */
export async function openBus(url: string, log: Logger): Promise<Bus> {
	const { RedisBus } = await import('./redis-bus');
	return RedisBus.connect(url, log);
}

/** Listeners per channel, shared by the Redis bus and the tests' in-memory bus. */
export class ChannelListeners {
	private readonly channels = new Map<string, Set<(message: string) => void>>();

	/** Adds a listener; true when it is the channel's first (the caller subscribes). */
	add(channel: string, listener: (message: string) => void): boolean {
		let set = this.channels.get(channel);
		const first = !set;
		if (!set) this.channels.set(channel, (set = new Set()));
		set.add(listener);
		return first;
	}

	/** Removes a listener; true when the channel has none left (the caller unsubscribes). */
	remove(channel: string, listener: (message: string) => void): boolean {
		const set = this.channels.get(channel);
		if (!set) return false;
		set.delete(listener);
		if (set.size > 0) return false;
		this.channels.delete(channel);
		return true;
	}

	deliver(channel: string, message: string, onError: (err: unknown) => void): void {
		for (const listener of [...(this.channels.get(channel) ?? [])]) {
			try {
				listener(message);
			} catch (err) {
				onError(err);
			}
		}
	}
}

/** The state of a bus as an event, for the Redis bus and the tests' in-memory bus. */
export class BusStateEmitter {
	private readonly emitter = new EventEmitter();
	state: BusState = 'ok';

	set(next: BusState): void {
		if (next === this.state) return;
		this.state = next;
		this.emitter.emit('state', next);
	}

	on(listener: (state: BusState) => void): () => void {
		this.emitter.on('state', listener);
		return () => this.emitter.off('state', listener);
	}
}

/** Transaction origin of what an instance applies from the others (or the log): not a local author's edit. */
export const REMOTE_ORIGIN = Symbol.for('doetank-werkplaats.remote');
