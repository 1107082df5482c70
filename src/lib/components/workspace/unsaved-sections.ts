import type * as Y from 'yjs';
import { ROOT } from '$lib/domain/workspace';
import type { Section } from './sections';

const SECTION_OF_ROOT: Record<string, Section> = {
	[ROOT.probleemdefinitie]: 'probleemdefinitie',
	[ROOT.businessCases]: 'business-cases',
	[ROOT.actions]: 'actielijst'
};

/** The top-level name of the document a changed type belongs to. */
function rootName(doc: Y.Doc, type: { _item: Y.Item | null }): string | undefined {
	let root = type;
	while (root._item) root = root._item.parent as { _item: Y.Item | null };
	for (const [name, shared] of doc.share) if ((shared as unknown) === root) return name;
	return undefined;
}

/**
 * Which sections the changes not yet confirmed by the server belong to, for the status line
 * ("nog niet opgeslagen: Actielijst") instead of a count of keystrokes. The workspace counts every
 * local transaction and knows how many of the newest are unconfirmed (`unsaved`); this keeps the
 * sections of each local transaction since the page opened, so the newest `unsaved` of them say where.
 */
export class UnsavedSections {
	#pending: Section[][] = [];
	readonly #listener: (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void;

	constructor(private readonly doc: Y.Doc) {
		this.#listener = (_update, _origin, _doc, transaction) => {
			// Remote changes (provider, cache) are applied as non-local transactions: the same ones the workspace does not count.
			if (!transaction.local) return;
			const sections = new Set<Section>();
			for (const type of transaction.changed.keys()) {
				const section = SECTION_OF_ROOT[rootName(doc, type) ?? ''];
				if (section) sections.add(section);
			}
			this.#pending.push([...sections]);
		};
		doc.on('update', this.#listener);
	}

	/**
	 * The sections of the newest `unsaved` local changes, in tab order; null when some of them are
	 * from before this page opened (an offline reload) or touched no section, so only "changes" can be said.
	 */
	sections(unsaved: number, order: readonly Section[]): Section[] | null {
		if (unsaved <= 0) {
			this.#pending = [];
			return [];
		}
		// What the server confirmed is never unsaved again: keep only the newest `unsaved`.
		if (this.#pending.length > unsaved) this.#pending = this.#pending.slice(-unsaved);
		const found = new Set(this.#pending.flat());
		if (this.#pending.length < unsaved || found.size === 0) return null;
		return order.filter((section) => found.has(section));
	}

	destroy(): void {
		this.doc.off('update', this.#listener);
	}
}
