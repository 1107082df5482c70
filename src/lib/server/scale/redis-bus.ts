import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { Bus, BusState } from './bus';

/** Reconnect quickly: an instance without Redis is cut off from the others. */
const retryStrategy = (attempt: number) => Math.min(100 * attempt, 1_000);

/**
 * The bus over Redis pub/sub: one connection to publish (no offline queue: a message that cannot
 * go now is dropped, the receivers catch up from the database) and one subscribed connection,
 * which ioredis re-subscribes after a reconnect. `ok` again only once both are ready.
 */
export class RedisBus implements Bus {
	readonly instanceId = randomUUID();
	private readonly listeners = new ChannelListeners();
	private readonly status = new BusStateEmitter();

	private constructor(
		private readonly pub: Redis,
		private readonly sub: Redis,
		private readonly log: Logger
	) {
		sub.on('message', (channel: string, message: string) =>
			this.listeners.deliver(channel, message, (err) => log.error({ err, channel }, 'bus: a listener failed'))
		);
		for (const client of [pub, sub]) {
			client.on('error', () => undefined); // reported through the state below, not once per retry
			client.on('close', () => this.update());
			client.on('ready', () => this.update());
		}
	}

	static async connect(url: string, log: Logger): Promise<RedisBus> {
		const options = { retryStrategy, maxRetriesPerRequest: null, connectTimeout: 2_000, lazyConnect: true };
		// A publish cut off by a lost connection is not sent again later: the receivers catch up from the log.
		const pub = new Redis(url, { ...options, enableOfflineQueue: false, autoResendUnfulfilledCommands: false });
		const sub = new Redis(url, options);
		await Promise.all([pub.connect(), sub.connect()]);
		log.info({ redis: url.replace(/\/\/[^@/]*@/, '//***@') }, 'bus: connected to Redis');
		return new RedisBus(pub, sub, log);
	}

	get state() {
		return this.status.state;
	}

	private update(): void {
		const next = this.pub.status === 'ready' && this.sub.status === 'ready' ? 'ok' : 'down';
		if (next === this.status.state) return;
		if (next === 'down') this.log.warn('bus: Redis unreachable; serving local clients only');
		else this.log.info('bus: Redis reachable again');
		this.status.set(next);
	}

	publish(channel: string, message: string): void {
		if (this.state === 'down') return;
		this.pub.publish(channel, message).catch(() => undefined);
	}

	async subscribe(channel: string, listener: (message: string) => void): Promise<void> {
		if (!this.listeners.add(channel, listener)) return;
		const done = this.sub.subscribe(channel);
		if (this.state === 'ok') await done;
		else done.catch(() => undefined);
	}

	unsubscribe(channel: string, listener: (message: string) => void): void {
		if (this.listeners.remove(channel, listener)) this.sub.unsubscribe(channel).catch(() => undefined);
	}

	onState(listener: (state: 'ok' | 'down') => void): () => void {
		return this.status.on(listener);
	}

	async close(): Promise<void> {
		this.pub.disconnect();
		this.sub.disconnect();
	}
}

/** Listeners per channel. */
class ChannelListeners {
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

/** The state of the bus as an event. */
class BusStateEmitter {
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
