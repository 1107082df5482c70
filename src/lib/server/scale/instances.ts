import { EventEmitter } from 'node:events';
import type { Bus } from './bus';

const CHANNEL = 'scale:instances';

type Beat = { i: string; t: 'beat' | 'hello' | 'bye' };

export interface RosterOptions {
	/** How often this instance says it is alive (SCALE_BEAT_MS). */
	beatMs: number;
	/** An instance that sent nothing for this many beats is gone: killed, or cut off from Redis (SCALE_MISSED_BEATS). */
	missedBeats: number;
}

/**
 * Which other instances are alive: each one says so on the bus every `beatMs`. One that says
 * `bye` (shutting down) or stays silent for `missedBeats` beats is gone, and what it announced (its
 * clients' presence) is dropped by the listeners of `gone`. A new instance says `hello`, and the
 * others answer by announcing their state again (`joined`).
 */
export class InstanceRoster {
	private readonly lastSeen = new Map<string, number>();
	private readonly emitter = new EventEmitter();
	private timer: ReturnType<typeof setInterval> | null = null;
	private readonly unsubscribeState: () => void;

	constructor(
		private readonly bus: Bus,
		private readonly options: RosterOptions
	) {
		this.unsubscribeState = bus.onState((state) => {
			// Nobody was heard while Redis was away: count everyone from now on, and say hello again.
			if (state === 'ok') {
				for (const id of this.lastSeen.keys()) this.lastSeen.set(id, Date.now());
				this.send('hello');
				this.emitter.emit('joined', null);
			}
		});
	}

	async start(): Promise<void> {
		await this.bus.subscribe(CHANNEL, this.onMessage);
		this.send('hello');
		this.timer = setInterval(() => this.beat(), this.options.beatMs);
		this.timer.unref();
	}

	/** Another instance is gone (by id). */
	onGone(listener: (instanceId: string) => void): () => void {
		this.emitter.on('gone', listener);
		return () => this.emitter.off('gone', listener);
	}

	/** Someone new (or this instance after Redis returned) needs everyone's state again. */
	onJoined(listener: () => void): () => void {
		this.emitter.on('joined', listener);
		return () => this.emitter.off('joined', listener);
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.unsubscribeState();
		this.send('bye');
		this.bus.unsubscribe(CHANNEL, this.onMessage);
	}

	private send(t: Beat['t']): void {
		this.bus.publish(CHANNEL, JSON.stringify({ i: this.bus.instanceId, t } satisfies Beat));
	}

	private beat(): void {
		this.send('beat');
		if (this.bus.state === 'down') return;
		const cutoff = Date.now() - this.options.missedBeats * this.options.beatMs;
		for (const [id, seen] of this.lastSeen) if (seen < cutoff) this.gone(id);
	}

	private gone(id: string): void {
		this.lastSeen.delete(id);
		this.emitter.emit('gone', id);
	}

	private readonly onMessage = (raw: string): void => {
		const beat = JSON.parse(raw) as Beat;
		if (beat.i === this.bus.instanceId) return;
		if (beat.t === 'bye') return this.gone(beat.i);
		this.lastSeen.set(beat.i, Date.now());
		if (beat.t === 'hello') this.emitter.emit('joined', beat.i);
	};
}
