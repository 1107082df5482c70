import * as core from './messages/core';
import * as doetanks from './messages/doetanks';
import * as workspace from './messages/workspace';
import * as governance from './messages/governance';
import * as monitoring from './messages/monitoring';
import * as questionnaire from './messages/questionnaire';
import * as cafe from './messages/cafe';
import * as comments from './messages/comments';

/**
 * Dutch: the default language and the source of all message keys. Each feature keeps its messages
 * in both languages side by side in messages/, so a key added in Dutch fails the type check until
 * it has its English text too.
 */
export const nl = {
	...core.nl,
	...doetanks.nl,
	...workspace.nl,
	...governance.nl,
	...monitoring.nl,
	...questionnaire.nl,
	...cafe.nl,
	...comments.nl
};

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;
