import { untrack } from 'svelte';
import { undoKey } from './shortcuts';
import type { Problem } from './validate';

/**
 * A text field of an action that writes to the document only on `change` (Enter, or leaving the
 * field) and only what the model accepts. Changes from others show at once, except while the user
 * is typing in the field or has left it with an error to fix. Create it during component setup.
 */
export class TextDraft {
	value = $state('');
	error = $state<Problem | null>(null);
	#editing = false;

	constructor(
		private readonly stored: () => string,
		private readonly check: (value: string) => Problem | null,
		private readonly write: (value: string) => void,
		private readonly errorId: string
	) {
		this.value = untrack(stored);
		$effect(() => {
			const latest = stored();
			untrack(() => this.sync(latest));
		});
	}

	/** Takes a new stored value, unless the user is typing here or has an error to fix. */
	sync(latest: string): void {
		if (!this.#editing && !this.error) this.value = latest;
	}

	/** The field holds typing that is not in the document. */
	get dirty(): boolean {
		return this.value !== this.stored();
	}

	commit(): void {
		this.error = this.check(this.value);
		if (!this.error && this.value.trim() !== this.stored()) this.write(this.value);
	}

	revert(): void {
		this.value = this.stored();
		this.error = null;
	}

	/** Escape puts the field back; Ctrl+Z stays the browser's own while the field is dirty. */
	keydown(event: KeyboardEvent): void {
		if (!this.dirty) return;
		if (event.key === 'Escape') {
			event.preventDefault();
			this.revert();
		} else if (undoKey(event)) {
			event.stopPropagation();
		}
	}

	/** Attributes and handlers to spread on the input or textarea (its value is bound separately). */
	get attributes() {
		return {
			'aria-invalid': this.error ? ('true' as const) : undefined,
			'aria-describedby': this.error ? this.errorId : undefined,
			onfocus: () => (this.#editing = true),
			onblur: () => (this.#editing = false),
			onchange: () => this.commit(),
			onkeydown: (event: KeyboardEvent) => this.keydown(event)
		};
	}
}
