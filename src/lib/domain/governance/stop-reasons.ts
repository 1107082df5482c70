/**
 * Why a Doetank stopped: the 12 categories of `stop_reasons` in shared/instruments/doetank-method.json
 * (grouped from the 2013 report §2.1-2.2 and Bijlage C2), copied here because the app never reads
 * /work/shared at run time, plus 'anders' for a reason outside them. The texts are in the message
 * catalogue as `stopReason.<key>` (the instrument's nl and en wording).
 */
export const STOP_REASONS = [
	'oplossing_sluit_niet_aan',
	'probleem_minder_urgent',
	'probleem_niet_afgebakend',
	'kernleden_andere_baan',
	'probleemdefinitie_niet_gedeeld',
	'gebrek_actieve_leden',
	'geen_duidelijk_doel',
	'geen_opdrachtgever_stakeholders',
	'gebrek_motivatie_organiserend_vermogen',
	'onvoldoende_tijd',
	'opgeheven_na_herdefinitie',
	'kwam_niet_van_de_grond',
	'anders'
] as const;
export type StopReason = (typeof STOP_REASONS)[number];
