import type { MessageKey } from '$lib/i18n';

/** The sections of the workspace, in tab order; the id is also the `?sectie=` value and the awareness `section`. */
export const SECTIONS = ['probleemdefinitie', 'business-cases', 'actielijst'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<Section, MessageKey> = {
	probleemdefinitie: 'workspace.section.probleemdefinitie',
	'business-cases': 'workspace.section.businessCases',
	actielijst: 'workspace.section.actielijst'
};

export function isSection(value: unknown): value is Section {
	return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value);
}

/** The section a URL asks for; the probleemdefinitie when it asks for none or an unknown one. */
export function sectionFrom(value: string | null): Section {
	return isSection(value) ? value : 'probleemdefinitie';
}
