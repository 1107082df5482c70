/**
 * Which logged updates (by sequence number) a live document contains: everything up to the
 * `watermark`, plus some above it (a local update can get a higher number than another instance's
 * update that has not arrived yet). The watermark is what "the document is the log up to here"
 * may rely on (compaction, versions).
 */
export class SeqSet {
	private readonly ahead = new Set<number>();

	constructor(private mark: number) {}

	get watermark(): number {
		return this.mark;
	}

	/** Some updates above the watermark are contained while one below them is missing. */
	get hasGap(): boolean {
		return this.ahead.size > 0;
	}

	has(seq: number): boolean {
		return seq <= this.mark || this.ahead.has(seq);
	}

	/** Notes one update; false when it was contained already. */
	add(seq: number): boolean {
		if (this.has(seq)) return false;
		this.ahead.add(seq);
		while (this.ahead.delete(this.mark + 1)) this.mark++;
		return true;
	}

	/** Notes that everything up to `seq` is contained (after reading the log up to there). */
	addThrough(seq: number): void {
		if (seq <= this.mark) return;
		this.mark = seq;
		for (const s of this.ahead) if (s <= seq) this.ahead.delete(s);
		while (this.ahead.delete(this.mark + 1)) this.mark++;
	}
}
