import { EventEmitter } from 'node:events';

/** Someone's access may have shrunk: a session ended, or a membership was changed or removed. */
export interface AccessChange {
	userId: string;
	/** Set when only one Doetank is concerned. */
	doetankId?: string;
}

/** Lets long-lived connections (the sync server) react at once when access is taken away. */
export class AccessEvents {
	private readonly emitter = new EventEmitter();

	changed(change: AccessChange): void {
		this.emitter.emit('changed', change);
	}

	onChanged(listener: (change: AccessChange) => void): () => void {
		this.emitter.on('changed', listener);
		return () => this.emitter.off('changed', listener);
	}
}
