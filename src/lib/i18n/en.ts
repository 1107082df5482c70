import type { Messages } from './nl';
import * as core from './messages/core';
import * as doetanks from './messages/doetanks';
import * as workspace from './messages/workspace';
import * as governance from './messages/governance';
import * as monitoring from './messages/monitoring';
import * as questionnaire from './messages/questionnaire';
import * as cafe from './messages/cafe';
import * as comments from './messages/comments';

/** English: the second language; every key of the Dutch catalogue must be here. */
export const en: Messages = {
	...core.en,
	...doetanks.en,
	...workspace.en,
	...governance.en,
	...monitoring.en,
	...questionnaire.en,
	...cafe.en,
	...comments.en
};
