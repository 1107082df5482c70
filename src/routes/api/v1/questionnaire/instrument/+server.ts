import { json } from '@sveltejs/kit';
import { ANSWER_SCALES, SCALES, SECTIONS, SINGLE_QUESTIONS } from '$lib/domain/instruments/vragenlijst';
import { MIN_RESPONDENTS } from '$lib/domain/instruments/vragenlijst-scoring';
import { api, methodNotAllowed } from '$lib/server/http';
import { requireNetwork } from '$lib/server/authz';
import type { RequestHandler } from './$types';

/** The questionnaire itself (item ids, answer codes, scales, 2012 reference means), for automation clients. */
export const GET: RequestHandler = api(async ({ locals }) => {
	requireNetwork(locals.user, 'doetank.list');
	return json({
		sections: SECTIONS,
		answerScales: ANSWER_SCALES,
		scales: SCALES,
		singleQuestions: SINGLE_QUESTIONS,
		minRespondents: MIN_RESPONDENTS
	});
});

export const fallback = methodNotAllowed;
