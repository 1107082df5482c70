/** The Doetank-vragenlijst: waves, answering and results. */
export const nl = {
	'questionnaire.title': 'Doetank-vragenlijst',
	'questionnaire.openForYou': 'Voor jou open',
	'questionnaire.noneOpen': 'Er staat nu geen vragenlijst voor je open.',
	'questionnaire.closesOn': 'Invullen kan tot en met {day}.',
	'questionnaire.responded': 'Ingevuld',
	'questionnaire.answer': 'Invullen',
	'questionnaire.anonymity':
		'Je antwoorden worden zonder je naam bewaard. Resultaten van een Doetank zijn pas te zien als minstens {min} leden hebben geantwoord.',
	'questionnaire.resultsPerDoetank': 'Resultaten per Doetank',
	'questionnaire.newWave': 'Nieuwe meting openen',
	'questionnaire.waveName': 'Naam van de meting',
	'questionnaire.waveNameHint': 'Bijvoorbeeld voormeting of nameting.',
	'questionnaire.closesOnLabel': 'Laatste dag om in te vullen',
	'questionnaire.waveDoetanks': 'Voor welke Doetanks',
	'questionnaire.openWave': 'Meting openen',
	'questionnaire.waveOpened': 'Meting {name} is geopend.',
	'questionnaire.waves': 'Metingen',
	'questionnaire.noWaves': 'Er zijn nog geen metingen.',
	'questionnaire.responseCount':
		'{count, plural, one {# reactie} other {# reacties}} uit {doetanks, plural, one {# Doetank} other {# Doetanks}}',
	'questionnaire.questionNumber': 'Vraag {number}',
	'questionnaire.contactApart': 'Je naam wordt los van je antwoorden bewaard en is er niet aan te koppelen.',
	'questionnaire.howAnonymous':
		'Je antwoorden worden zonder je naam en zonder tijdstip bewaard; alleen dát je hebt geantwoord wordt apart vastgelegd, zodat je niet twee keer antwoordt.',
	'questionnaire.submit': 'Antwoorden versturen',
	'questionnaire.respondents': 'Reacties: {count}',
	'questionnaire.hidden':
		'Nog verborgen: {count, plural, one {# reactie} other {# reacties}}, minimaal {min} nodig om resultaten te tonen.',
	'questionnaire.scaleMeans': 'Schaalgemiddelden: {label}',
	'questionnaire.chartSummary':
		'Staafdiagram: de schaalgemiddelden van {label} naast de referentie 2012. De tabel hieronder geeft dezelfde cijfers.',
	'questionnaire.reference2012': 'Referentie 2012',
	'questionnaire.scale': 'Schaal',
	'questionnaire.range': 'Bereik',
	'questionnaire.figureNote':
		'Een schaalscore telt mee als minstens de helft van de vragen van de schaal is beantwoord; een gemiddelde wordt getoond vanaf {min} scores. De referentie komt uit Tabel 3 van het rapport over 2012.',
	'questionnaire.singleQuestions': 'Losse vragen',
	'questionnaire.question': 'Vraag',
	'questionnaire.exportCsv': 'Antwoorden als CSV (anoniem)',
	'questionnaire.overall': 'Alle Doetanks samen',
	'questionnaire.remarks': 'Opmerkingen en suggesties',
	'questionnaire.noRemarks': 'Geen opmerkingen (of nog te weinig reacties per Doetank).',
	'questionnaire.contacts': 'Wil graag contact',
	'questionnaire.contactsNote':
		'Deze namen zijn los van de antwoorden bewaard en niet aan een antwoord of Doetank te koppelen.',
	'questionnaire.noContacts': 'Niemand heeft een naam achtergelaten.',
	'questionnaire.doetankResults': 'Resultaten van de vragenlijst',
	'questionnaire.noWavesForDoetank': 'Deze Doetank heeft nog aan geen meting meegedaan.',
	'questionnaire.change': 'Verandering van {from} naar {to}',
	'questionnaire.difference': 'Verschil'
};

export const en: Record<keyof typeof nl, string> = {
	'questionnaire.title': 'Doetank questionnaire',
	'questionnaire.openForYou': 'Open for you',
	'questionnaire.noneOpen': 'There is no questionnaire open for you now.',
	'questionnaire.closesOn': 'Open until and including {day}.',
	'questionnaire.responded': 'Answered',
	'questionnaire.answer': 'Answer',
	'questionnaire.anonymity':
		"Your answers are stored without your name. A Doetank's results are shown only once at least {min} members have answered.",
	'questionnaire.resultsPerDoetank': 'Results per Doetank',
	'questionnaire.newWave': 'Open a new measurement',
	'questionnaire.waveName': 'Name of the measurement',
	'questionnaire.waveNameHint': 'For example voormeting (before) or nameting (after).',
	'questionnaire.closesOnLabel': 'Last day to answer',
	'questionnaire.waveDoetanks': 'For which Doetanks',
	'questionnaire.openWave': 'Open measurement',
	'questionnaire.waveOpened': 'Measurement {name} is open.',
	'questionnaire.waves': 'Measurements',
	'questionnaire.noWaves': 'There are no measurements yet.',
	'questionnaire.responseCount':
		'{count, plural, one {# response} other {# responses}} from {doetanks, plural, one {# Doetank} other {# Doetanks}}',
	'questionnaire.questionNumber': 'Question {number}',
	'questionnaire.contactApart': 'Your name is stored apart from your answers and cannot be linked to them.',
	'questionnaire.howAnonymous':
		'Your answers are stored without your name and without a time; only the fact that you answered is recorded separately, so you cannot answer twice.',
	'questionnaire.submit': 'Send answers',
	'questionnaire.respondents': 'Responses: {count}',
	'questionnaire.hidden':
		'Still hidden: {count, plural, one {# response} other {# responses}}, at least {min} needed to show results.',
	'questionnaire.scaleMeans': 'Scale means: {label}',
	'questionnaire.chartSummary':
		'Bar chart: the scale means of {label} next to the 2012 reference. The table below gives the same figures.',
	'questionnaire.reference2012': 'Reference 2012',
	'questionnaire.scale': 'Scale',
	'questionnaire.range': 'Range',
	'questionnaire.figureNote':
		"A scale score counts when at least half of the scale's questions were answered; a mean is shown from {min} scores on. The reference is Table 3 of the 2012 report.",
	'questionnaire.singleQuestions': 'Single questions',
	'questionnaire.question': 'Question',
	'questionnaire.exportCsv': 'Answers as CSV (anonymous)',
	'questionnaire.overall': 'All Doetanks together',
	'questionnaire.remarks': 'Comments and suggestions',
	'questionnaire.noRemarks': 'No comments (or too few responses per Doetank yet).',
	'questionnaire.contacts': 'Would like to be contacted',
	'questionnaire.contactsNote':
		'These names are stored apart from the answers and cannot be linked to an answer or Doetank.',
	'questionnaire.noContacts': 'Nobody left a name.',
	'questionnaire.doetankResults': 'Questionnaire results',
	'questionnaire.noWavesForDoetank': 'This Doetank has not taken part in a measurement yet.',
	'questionnaire.change': 'Change from {from} to {to}',
	'questionnaire.difference': 'Difference'
};
