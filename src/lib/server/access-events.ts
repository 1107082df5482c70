import { EventEmitter } from 'node:events';
import type { Bus } from './scale/bus';

/** Someone's access may have shrunk: a session ended, or a membership was changed or removed. */
export interface AccessChange {
	userId: string;
	/** Set when only one Doetank is concerned. */
	doetankId?: string;
}

const CHANNEL = 'scale:access';

/**
 * Lets long-lived connections (the sync server) react at once when access is taken away. With a
 * bus (REDIS_URL), every change is also announced to the other instances, and theirs heard here.
 */
export class AccessEvents {
	private readonly emitter = new EventEmitter();
	private announce: ((change: AccessChange) => void) | null = null;

	changed(change: AccessChange): void {
		this.emitter.emit('changed', change);
		this.announce?.(change);
	}

	onChanged(listener: (change: AccessChange) => void): () => void {
		this.emitter.on('changed', listener);
		return () => this.emitter.off('changed', listener);
	}

	async connect(bus: Bus): Promise<void> {
		await bus.subscribe(CHANNEL, (raw) => {
			const { i, change } = JSON.parse(raw) as { i: string; change: AccessChange };
			if (i !== bus.instanceId) this.emitter.emit('changed', { userId: change.userId, doetankId: change.doetankId });
		});
		this.announce = (change) => bus.publish(CHANNEL, JSON.stringify({ i: bus.instanceId, change }));
	}
}
