import type { SubmitFunction } from '@sveltejs/kit';

/**
 * Progressive enhancement for our forms: keeps what was typed after a failed submit
 * (the server echoes errors, not values of every field) and reports when a submit is in flight.
 */
export function keepValues(setBusy: (busy: boolean) => void = () => {}): SubmitFunction {
	return () => {
		setBusy(true);
		return async ({ update }) => {
			await update({ reset: false });
			setBusy(false);
		};
	};
}
