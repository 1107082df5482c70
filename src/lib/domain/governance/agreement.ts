/**
 * The opdrachtgeversafspraak: a structured record the Doetank and the opdrachtgever write together.
 * Every save makes a new version; the opdrachtgever confirms one version, and a later change needs
 * a new confirmation.
 */
export const AGREEMENT_TEXT_FIELDS = [
	'randvoorwaarden',
	'spelregels',
	'terugkoppelmomenten',
	'besluitvormer',
	'informeren'
] as const;
export type AgreementTextField = (typeof AGREEMENT_TEXT_FIELDS)[number];

export interface AgreementContent extends Record<AgreementTextField, string> {
	/** The opdrachtgever is the besluitvormer as well (then `besluitvormer` may stay empty). */
	opdrachtgeverDecides: boolean;
}

export const EMPTY_AGREEMENT: AgreementContent = {
	randvoorwaarden: '',
	spelregels: '',
	terugkoppelmomenten: '',
	besluitvormer: '',
	informeren: '',
	opdrachtgeverDecides: false
};

export function sameContent(a: AgreementContent, b: AgreementContent): boolean {
	return a.opdrachtgeverDecides === b.opdrachtgeverDecides && AGREEMENT_TEXT_FIELDS.every((f) => a[f] === b[f]);
}

export type AgreementState = 'none' | 'unconfirmed' | 'confirmed' | 'changed';

/**
 * `version` is the record's current version (0: never saved); `confirmed` the latest confirmed
 * version, or null. 'changed' means confirmed once, edited since.
 */
export function agreementState(version: number, confirmed: number | null): AgreementState {
	if (version === 0) return 'none';
	if (confirmed === version) return 'confirmed';
	return confirmed === null ? 'unconfirmed' : 'changed';
}
