import * as Y from 'yjs';

/**
 * A live document's encoded state: one shared copy for every client that needs all of it, and the
 * size cap (SYNC_MAX_DOCUMENT_BYTES). Encoding a large document is expensive, so the size is an
 * upper bound (last exact size plus every update since) that is measured again only when it says
 * the next update would not fit.
 */
export class DocumentState {
	private cached: Uint8Array | null = null;
	/** Encoded size when last measured. */
	private measured: number;
	/** Bytes of the updates applied since. */
	private grown = 0;
	/** Bytes of admitted updates not yet applied (waiting for the log). */
	private pending = 0;

	constructor(
		private readonly doc: Y.Doc,
		private readonly maxBytes: number
	) {
		doc.on('update', () => (this.cached = null));
		this.measured = this.full().byteLength;
	}

	/** The whole document as one update; the same bytes until it changes. */
	full(): Uint8Array {
		this.cached ??= Y.encodeStateAsUpdate(this.doc);
		return this.cached;
	}

	/** Reserves room for an update of `bytes`; false when the document would pass the cap (it is refused). */
	admit(bytes: number): boolean {
		if (this.bound + bytes > this.maxBytes && this.grown > 0) {
			this.measured = this.full().byteLength;
			this.grown = 0;
		}
		if (this.bound + bytes > this.maxBytes) return false;
		this.pending += bytes;
		return true;
	}

	/** An admitted update was applied (or `dropped`: it never will be). */
	settle(bytes: number, dropped = false): void {
		this.pending -= bytes;
		if (!dropped) this.grown += bytes;
	}

	/** An update that was not admitted here was applied (another instance accepted it). */
	grew(bytes: number): void {
		this.grown += bytes;
	}

	private get bound(): number {
		return this.measured + this.grown + this.pending;
	}
}
