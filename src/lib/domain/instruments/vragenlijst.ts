// The Doetank-vragenlijst (Bijlage B5 of the 2012 TNO report 'Meten en Monitoren', 002:2530-2807),
// copied from the instrument's structured JSON. Dutch texts are verbatim (source typos kept); English
// texts are working translations. Item ids are '<section key>.<letter>' as in the instrument.
import type { Text } from '../text';

export const ANSWER_SCALES = {
	eens_oneens_5: {
		kind: 'likert',
		min: 1,
		max: 5,
		/** In the printed order. */
		options: [
			{ code: 1, label: { nl: 'Helemaal mee oneens', en: 'Strongly disagree' } },
			{ code: 2, label: { nl: 'Mee oneens', en: 'Disagree' } },
			{ code: 3, label: { nl: 'Noch mee eens noch oneens', en: 'Neither agree nor disagree' } },
			{ code: 4, label: { nl: 'Mee eens', en: 'Agree' } },
			{ code: 5, label: { nl: 'Helemaal mee eens', en: 'Strongly agree' } }
		]
	},
	kenmerkend_7: {
		kind: 'likert',
		min: 1,
		max: 7,
		/** In the printed order. */
		options: [
			{ code: 1, label: { nl: 'Helemaal niet kenmerkend', en: 'Not at all characteristic' } },
			{ code: 2, label: { nl: 'Nauwelijks kenmerkend', en: 'Hardly characteristic' } },
			{ code: 3, label: { nl: 'Enigszins kenmerkend', en: 'Somewhat characteristic' } },
			{ code: 4, label: { nl: 'Nogal kenmerkend', en: 'Fairly characteristic' } },
			{ code: 5, label: { nl: 'Behoorlijk kenmerkend', en: 'Quite characteristic' } },
			{ code: 6, label: { nl: 'In sterke mate kenmerkend', en: 'Highly characteristic' } },
			{ code: 7, label: { nl: 'Helemaal kenmerkend', en: 'Completely characteristic' } }
		]
	},
	score_0_100: {
		kind: 'number',
		min: 0,
		max: 100,
		anchors: [
			{ value: 0, label: { nl: 'de slechtst mogelijke prestatie', en: 'the worst possible performance' } },
			{ value: 100, label: { nl: 'de best mogelijke prestatie', en: 'the best possible performance' } }
		]
	},
	frequentie_5: {
		kind: 'likert',
		min: 1,
		max: 5,
		/** In the printed order. */
		options: [
			{ code: 1, label: { nl: 'Zelden', en: 'Rarely' } },
			{ code: 2, label: { nl: 'Soms', en: 'Sometimes' } },
			{ code: 3, label: { nl: 'Regelmatig', en: 'Regularly' } },
			{ code: 4, label: { nl: 'Vaak', en: 'Often' } },
			{ code: 5, label: { nl: 'Altijd', en: 'Always' } }
		]
	},
	eens_oneens_5_omgekeerd_met_nvt: {
		kind: 'likert',
		min: 1,
		max: 5,
		/** In the printed order; code null is 'niet van toepassing/weet niet', a missing value. */
		options: [
			{ code: 5, label: { nl: 'Zeer mee eens', en: 'Strongly agree' } },
			{ code: 4, label: { nl: 'Mee eens', en: 'Agree' } },
			{ code: 3, label: { nl: 'Eens noch oneens', en: 'Neither agree nor disagree' } },
			{ code: 2, label: { nl: 'Mee oneens', en: 'Disagree' } },
			{ code: 1, label: { nl: 'Zeer mee oneens', en: 'Strongly disagree' } },
			{
				code: null,
				label: {
					nl: 'Niet van toepassing/weet niet (bijv. omdat je er niet aan hebt meegedaan; omdat het ja als onbekend voorkomt)',
					en: "Not applicable/don't know (e.g. because you did not take part in it; because it seems unfamiliar to you)"
				}
			}
		]
	},
	rapportcijfer_1_10: {
		kind: 'number',
		min: 1,
		max: 10,
		anchors: [
			{ value: 1, label: { nl: 'de slechtst mogelijke prestatie', en: 'the worst possible performance' } },
			{ value: 10, label: { nl: 'de best mogelijke prestatie', en: 'the best possible performance' } }
		]
	},
	open_tekst: {
		kind: 'text'
	}
} as const;
export type AnswerScaleId = keyof typeof ANSWER_SCALES;

export const SECTIONS = [
	{
		number: 1,
		key: 'innovatief_werkgedrag',
		header: {
			nl: '1: Innovatief werkgedrag (op basis van Kraan et al, 2008)',
			en: '1: Innovative work behaviour (based on Kraan et al, 2008)'
		},
		instruction: {
			nl: 'De volgende uitspraken gaan over je werkgedrag in je Doetank; we willen je vragen zo eerlijk en objectief mogelijk te antwoorden',
			en: 'The following statements are about your work behaviour in your Doetank; we ask you to answer as honestly and objectively as possible'
		},
		stem: null,
		source: '002:2539-2556',
		items: [
			{
				id: 'innovatief_werkgedrag.A',
				letter: 'A',
				scaleId: 'innovatief_werkgedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'In mijn Doetank bedenk ik oplossingen voor knelpunten, die maar niet opgelost raken',
					en: 'In my Doetank I come up with solutions for bottlenecks that never seem to get solved'
				}
			},
			{
				id: 'innovatief_werkgedrag.B',
				letter: 'B',
				scaleId: 'innovatief_werkgedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'In mijn Doetank probeer ik Doetankleden over te halen om mijn nieuwe ideeën te steunen',
					en: 'In my Doetank I try to persuade Doetank members to support my new ideas'
				}
			},
			{
				id: 'innovatief_werkgedrag.C',
				letter: 'C',
				scaleId: 'innovatief_werkgedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'In mijn Doetank vertaal ik nieuwe ideeën in werkbare toepassingen',
					en: 'In my Doetank I translate new ideas into workable applications'
				}
			},
			{
				id: 'innovatief_werkgedrag.D',
				letter: 'D',
				scaleId: 'innovatief_werkgedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'In mijn Doetank lever ik een duidelijke bijdrage aan het oplossen van een vraagstuk',
					en: 'In my Doetank I make a clear contribution to solving an issue'
				}
			}
		]
	},
	{
		number: 2,
		key: 'psychologische_veiligheid_en_leergedrag',
		header: {
			nl: '2: Ervaren psychologische veiligheid en leergedrag (op basis van Edmondson, 1999)',
			en: '2: Perceived psychological safety and learning behaviour (based on Edmondson, 1999)'
		},
		instruction: {
			nl: 'In hoeverre ben je het eens of oneens met de volgende stellingen over het werken binnen jouw Doetank?',
			en: 'To what extent do you agree or disagree with the following statements about working within your Doetank?'
		},
		stem: null,
		source: '002:2560-2599',
		items: [
			{
				id: 'psychologische_veiligheid_en_leergedrag.A',
				letter: 'A',
				scaleId: 'ervaren_psychologische_veiligheid',
				answerScale: 'eens_oneens_5',
				reverse: true,
				text: {
					nl: 'Als je in mijn Doetank een fout maakt, wordt dat je vaak verweten',
					en: 'If you make a mistake in my Doetank, it is often held against you'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.B',
				letter: 'B',
				scaleId: 'ervaren_psychologische_veiligheid',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Doetankleden zijn in staat problemen en knelpunten te uiten',
					en: 'Doetank members are able to bring up problems and bottlenecks'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.C',
				letter: 'C',
				scaleId: 'ervaren_psychologische_veiligheid',
				answerScale: 'eens_oneens_5',
				reverse: true,
				text: {
					nl: 'Soms wijzen onze Doetankleden anderen af omdat ze anders zijn',
					en: 'Our Doetank members sometimes reject others for being different'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.D',
				letter: 'D',
				scaleId: 'ervaren_psychologische_veiligheid',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Het is in deze Doetank veilig om risico’s te nemen',
					en: 'It is safe to take risks in this Doetank'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.E',
				letter: 'E',
				scaleId: 'ervaren_psychologische_veiligheid',
				answerScale: 'eens_oneens_5',
				reverse: true,
				text: {
					nl: 'Het is moeilijk om andere Doetankleden om hulp te vragen',
					en: 'It is difficult to ask other Doetank members for help'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.F',
				letter: 'F',
				scaleId: 'ervaren_psychologische_veiligheid',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Geen enkel Doetanklid zou bewust mijn doen en laten ondermijnen',
					en: 'No Doetank member would deliberately undermine what I do'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.G',
				letter: 'G',
				scaleId: 'ervaren_psychologische_veiligheid',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Tijdens het werken met de Doetankleden worden mijn unieke vaardigheden en talenten gewaardeerd en benut',
					en: 'When working with the Doetank members, my unique skills and talents are valued and put to use'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.H',
				letter: 'H',
				scaleId: 'leergedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Wij nemen regelmatig de tijd om het werkproces van de Doetank te verbeteren',
					en: "We regularly take time to improve the Doetank's work process"
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.I',
				letter: 'I',
				scaleId: 'leergedrag',
				answerScale: 'eens_oneens_5',
				reverse: true,
				text: {
					nl: 'Deze Doetank is geneigd meningsverschillen eerder persoonlijk te bespreken dan deze te bespreken in de Doetank',
					en: 'This Doetank tends to discuss differences of opinion privately rather than within the Doetank'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.J',
				letter: 'J',
				scaleId: 'leergedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Doetankleden gaan er op uit om zoveel mogelijk informatie te verkrijgen bij anderen, zoals belanghebbenden en experts',
					en: 'Doetank members go out and get as much information as they can from others, such as stakeholders and experts'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.K',
				letter: 'K',
				scaleId: 'leergedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Deze Doetank gaat regelmatig op zoek naar nieuwe kennis die belangrijke veranderingen tot gevolg heeft',
					en: 'This Doetank regularly seeks new knowledge that leads to important changes'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.L',
				letter: 'L',
				scaleId: 'leergedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'In deze Doetank is er altijd wel iemand die er voor zorgt dat we even stoppen om te reflecteren op ons eigen werk',
					en: 'In this Doetank there is always someone who makes sure we stop for a moment to reflect on our own work'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.M',
				letter: 'M',
				scaleId: 'leergedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Doetankleden spreken zich tijdens een discussie vaak uit om onze veronderstellingen te toetsen',
					en: 'During a discussion Doetank members often speak up to test our assumptions'
				}
			},
			{
				id: 'psychologische_veiligheid_en_leergedrag.N',
				letter: 'N',
				scaleId: 'leergedrag',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Wij nodigen mensen van buiten de Doetank uit om met ons in discussie te gaan',
					en: 'We invite people from outside the Doetank to enter into discussion with us'
				}
			}
		]
	},
	{
		number: 3,
		key: 'individuele_prestaties',
		header: {
			nl: '3: (Individuele) Prestaties (op basis van Kraan et al, 2008)',
			en: '3: (Individual) performance (based on Kraan et al, 2008)'
		},
		instruction: {
			nl: 'Hieronder vragen we naar jouw eigen mening over hoe je zelf presteert. Geef aan in hoeverre je de uitspraak kenmerkend voor jezelf vindt; probeer zo eerlijk mogelijk te antwoorden.',
			en: 'Below we ask for your own opinion of how you perform. Indicate to what extent you find the statement characteristic of yourself; try to answer as honestly as possible.'
		},
		stem: null,
		source: '002:2603-2626',
		items: [
			{
				id: 'individuele_prestaties.A',
				letter: 'A',
				scaleId: 'individuele_werkprestaties',
				answerScale: 'kenmerkend_7',
				reverse: false,
				text: {
					nl: 'Je behaalt de doelen die behoren bij jouw rol in de Doetank',
					en: 'You achieve the goals that belong to your role in the Doetank'
				}
			},
			{
				id: 'individuele_prestaties.B',
				letter: 'B',
				scaleId: 'individuele_werkprestaties',
				answerScale: 'kenmerkend_7',
				reverse: false,
				text: {
					nl: 'Wat betreft jouw prestaties in de Doetank doe je, wat je moet doen',
					en: 'As far as your performance in the Doetank goes, you do what you have to do'
				}
			},
			{
				id: 'individuele_prestaties.C',
				letter: 'C',
				scaleId: 'individuele_werkprestaties',
				answerScale: 'kenmerkend_7',
				reverse: false,
				text: {
					nl: 'Je voldoet aan alle eisen die jouw rol binnen de Doetank aan je stelt (voor zover je de ‘eisen’ kent)',
					en: "You meet all the requirements your role within the Doetank places on you (insofar as you know the 'requirements')"
				}
			},
			{
				id: 'individuele_prestaties.D',
				letter: 'D',
				scaleId: null,
				answerScale: 'score_0_100',
				reverse: false,
				text: {
					nl: 'En op een schaal van 0 tot 100, waarin de score 0 overeenkomt met de slechtst mogelijke prestatie en de score 100 met de best mogelijke prestatie in uw werk, hoe beoordeel je jouw prestatie in de Doetank met een score van: ….',
					en: 'And on a scale of 0 to 100, where a score of 0 corresponds to the worst possible performance and a score of 100 to the best possible performance in your work, how do you rate your performance in the Doetank, with a score of: ….'
				}
			}
		]
	},
	{
		number: 4,
		key: 'taakprestaties',
		header: {
			nl: '4: Individuele werkprestaties: taakprestaties (op basis van Koopmans, 2012)',
			en: '4: Individual work performance: task performance (based on Koopmans, 2012)'
		},
		instruction: {
			nl: 'De volgende vraag gaat over jouw taken in de Doetank in de afgelopen 3 tot 6 maanden (afhankelijk van hoe lang de Doetank bestaat).',
			en: 'The following question is about your tasks in the Doetank over the past 3 to 6 months (depending on how long the Doetank has existed).'
		},
		stem: { nl: 'In de afgelopen 3 tot 6 maanden…', en: 'In the past 3 to 6 months…' },
		source: '002:2631-2649',
		items: [
			{
				id: 'taakprestaties.A',
				letter: 'A',
				scaleId: 'individuele_taakprestaties',
				answerScale: 'frequentie_5',
				reverse: false,
				text: {
					nl: 'Lukte het mij om mijn taken zo te plannen, dat het werk op tijd af was',
					en: 'I managed to plan my tasks so that the work was finished on time'
				}
			},
			{
				id: 'taakprestaties.B',
				letter: 'B',
				scaleId: 'individuele_taakprestaties',
				answerScale: 'frequentie_5',
				reverse: false,
				text: {
					nl: 'Hield ik voor ogen welk resultaat ik moest behalen',
					en: 'I kept in mind the result I had to achieve'
				}
			},
			{
				id: 'taakprestaties.C',
				letter: 'C',
				scaleId: 'individuele_taakprestaties',
				answerScale: 'frequentie_5',
				reverse: false,
				text: {
					nl: 'Lukte het mij om hoofdzaken van bijzaken te scheiden',
					en: 'I managed to separate main issues from side issues'
				}
			},
			{
				id: 'taakprestaties.D',
				letter: 'D',
				scaleId: 'individuele_taakprestaties',
				answerScale: 'frequentie_5',
				reverse: false,
				text: {
					nl: 'Lukte het mij om mijn taken goed uit te voeren met zo min mogelijk tijd en inspanning',
					en: 'I managed to carry out my tasks well with as little time and effort as possible'
				}
			},
			{
				id: 'taakprestaties.E',
				letter: 'E',
				scaleId: 'individuele_taakprestaties',
				answerScale: 'frequentie_5',
				reverse: false,
				text: { nl: 'Heb ik een optimale planning gemaakt', en: 'I made an optimal planning' }
			},
			{
				id: 'taakprestaties.F',
				letter: 'F',
				scaleId: 'individuele_taakprestaties',
				answerScale: 'frequentie_5',
				reverse: false,
				text: { nl: 'Leverde de samenwerking met anderen veel op', en: 'Collaboration with others was very productive' }
			}
		]
	},
	{
		number: 5,
		key: 'professionalisering',
		header: {
			nl: '5: Professionalisering (op basis van Kraan et al, 2008)',
			en: '5: Professionalisation (based on Kraan et al, 2008)'
		},
		instruction: {
			nl: 'In hoeverre ben je het eens met de volgende uitspraken over jouw werk in de Doetank.',
			en: 'To what extent do you agree with the following statements about your work in the Doetank.'
		},
		stem: null,
		source: '002:2650-2664',
		items: [
			{
				id: 'professionalisering.A',
				letter: 'A',
				scaleId: 'professionalisering',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: { nl: 'Mijn taken in de Doetank zijn gevarieerd', en: 'My tasks in the Doetank are varied' }
			},
			{
				id: 'professionalisering.B',
				letter: 'B',
				scaleId: 'professionalisering',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Mijn taken in de Doetank vereisen dat ik nieuwe dingen leer',
					en: 'My tasks in the Doetank require me to learn new things'
				}
			},
			{
				id: 'professionalisering.C',
				letter: 'C',
				scaleId: 'professionalisering',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: { nl: 'Mijn taken in de Doetank vereisen creativiteit', en: 'My tasks in the Doetank require creativity' }
			},
			{
				id: 'professionalisering.D',
				letter: 'D',
				scaleId: 'professionalisering',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: { nl: 'Mijn taken in de Doetank zijn uitdagend', en: 'My tasks in the Doetank are challenging' }
			}
		]
	},
	{
		number: 6,
		key: 'team_innovativiteit',
		header: {
			nl: '6: Team innovativiteit (op basis van DeDreu & West, 2001)',
			en: '6: Team innovativeness (based on De Dreu & West, 2001)'
		},
		instruction: {
			nl: 'In hoeverre ben je het eens of oneens met de volgende stellingen over de innovativiteit van jouw Doetank? Met ‘innovativiteit’ wordt bedoeld ‘vernieuwend’.',
			en: "To what extent do you agree or disagree with the following statements about the innovativeness of your Doetank? By 'innovativeness' we mean 'innovative' (renewing)."
		},
		stem: null,
		source: '002:2668-2687',
		items: [
			{
				id: 'team_innovativiteit.A',
				letter: 'A',
				scaleId: 'team_innovativiteit',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'Doetankleden passen vaak nieuwe ideeën toe om de kwaliteit van ons idee/onze oplossing te verbeteren',
					en: 'Doetank members often apply new ideas to improve the quality of our idea/our solution'
				}
			},
			{
				id: 'team_innovativiteit.B',
				letter: 'B',
				scaleId: 'team_innovativiteit',
				answerScale: 'eens_oneens_5',
				reverse: true,
				text: {
					nl: 'Deze Doetank besteedt weinig aandacht aan vernieuwing en alternatieven voor hun eigen manier van werken',
					en: 'This Doetank pays little attention to innovation and to alternatives for their own way of working'
				}
			},
			{
				id: 'team_innovativiteit.C',
				letter: 'C',
				scaleId: 'team_innovativiteit',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: {
					nl: 'De Doetankleden ontwikkelen veelal toepasbare oplossingen.',
					en: 'The Doetank members mostly develop applicable solutions.'
				}
			},
			{
				id: 'team_innovativiteit.D',
				letter: 'D',
				scaleId: 'team_innovativiteit',
				answerScale: 'eens_oneens_5',
				reverse: false,
				text: { nl: 'Dit is een innovatieve Doetank', en: 'This is an innovative Doetank' }
			}
		]
	},
	{
		number: 7,
		key: 'overige_vragen',
		header: {
			nl: '7. Overige vragen (specifiek gericht op Doetanks en niet op basis van bestaande vragenlijsten)',
			en: '7. Other questions (specifically aimed at Doetanks and not based on existing questionnaires)'
		},
		instruction: {
			nl: 'In hoeverre ben je het eens of oneens met de volgende stellingen?',
			en: 'To what extent do you agree or disagree with the following statements?'
		},
		stem: null,
		source: '002:2691-2731',
		items: [
			{
				id: 'overige_vragen.A',
				letter: 'A',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'Ik vond de Doetanktraining (de ‘masterclasses’) bijdragen aan de vaardigheden en vakkennis die ik nodig heb voor mijn werk in de Doetank',
					en: "I found that the Doetank training (the 'masterclasses') contributed to the skills and professional knowledge I need for my work in the Doetank"
				}
			},
			{
				id: 'overige_vragen.B',
				letter: 'B',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'Wat ik leer tijdens Doetanktaken en Slimmernetwerk Cafés kan ik gebruiken in mijn werk',
					en: 'What I learn during Doetank tasks and Slimmernetwerk Cafés I can use in my work'
				}
			},
			{
				id: 'overige_vragen.C',
				letter: 'C',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: { nl: 'De rol van de coach beoordeel ik als waardevol', en: 'I consider the role of the coach valuable' }
			},
			{
				id: 'overige_vragen.D',
				letter: 'D',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'Het ‘Slimmernetwerk’ beoordeel ik als een waardevolle gemeenschap (‘community of practice’)',
					en: "I consider the 'Slimmernetwerk' a valuable community ('community of practice')"
				}
			},
			{
				id: 'overige_vragen.E',
				letter: 'E',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'Ik vind de ‘Doetank als methode’ een goede aanpak voor innovatie (in de publieke sector)',
					en: "I find the 'Doetank as a method' a good approach to innovation (in the public sector)"
				}
			},
			{
				id: 'overige_vragen.F',
				letter: 'F',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'De Business Case methode helpt bij de werkzaamheden van onze Doetank',
					en: 'The Business Case method helps with the work of our Doetank'
				}
			},
			{
				id: 'overige_vragen.G',
				letter: 'G',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'Meedoen in de Doetank geeft mij voldoening als ‘professional’',
					en: "Taking part in the Doetank gives me satisfaction as a 'professional'"
				}
			},
			{
				id: 'overige_vragen.H',
				letter: 'H',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'Meedoen in de Doetank geeft mij voldoening, omdat ik een maatschappelijke bijdrage kan leveren',
					en: 'Taking part in the Doetank gives me satisfaction because I can make a contribution to society'
				}
			},
			{
				id: 'overige_vragen.I',
				letter: 'I',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'Mijn taken binnen de Doetank zijn goed te combineren met mijn dagelijkse werkzaamheden buiten de Doetank',
					en: 'My tasks within the Doetank can easily be combined with my daily work outside the Doetank'
				}
			},
			{
				id: 'overige_vragen.J',
				letter: 'J',
				scaleId: null,
				answerScale: 'eens_oneens_5_omgekeerd_met_nvt',
				reverse: false,
				text: {
					nl: 'Ik kan voldoende tijd vrijmaken voor mijn taken in de Doetank',
					en: 'I can free up enough time for my tasks in the Doetank'
				}
			},
			{
				id: 'overige_vragen.K',
				letter: 'K',
				scaleId: null,
				answerScale: 'rapportcijfer_1_10',
				reverse: false,
				text: {
					nl: 'Mijn rapportcijfer voor het ‘Slimmernetwerk’ als geheel op een schaal van 1 tot 10, waarin de score 1 overeenkomt met de slechtst mogelijke prestatie en de score 10 met de best mogelijke prestatie, is: ….',
					en: "My grade for the 'Slimmernetwerk' as a whole on a scale of 1 to 10, where a score of 1 corresponds to the worst possible performance and a score of 10 to the best possible performance, is: …."
				}
			}
		]
	},
	{
		number: 8,
		key: 'opmerkingen',
		header: null,
		instruction: null,
		stem: null,
		source: '002:2734-2736',
		items: [
			{
				id: 'opmerkingen.8',
				letter: null,
				scaleId: null,
				answerScale: 'open_tekst',
				reverse: false,
				text: {
					nl: 'Heb je nog andere opmerkingen of suggesties over Doetanks? Dan kun je deze kwijt hieronder.',
					en: 'Do you have any other comments or suggestions about Doetanks? You can leave them below.'
				}
			}
		]
	},
	{
		number: 9,
		key: 'doetank',
		header: null,
		instruction: null,
		stem: null,
		source: '002:2742',
		items: [
			{
				id: 'doetank.9',
				letter: null,
				scaleId: null,
				answerScale: 'open_tekst',
				reverse: false,
				text: { nl: 'In welk Doetank ben je actief (geweest)?', en: 'In which Doetank are you (or were you) active?' }
			}
		]
	},
	{
		number: 10,
		key: 'contact',
		header: null,
		instruction: null,
		stem: null,
		source: '002:2748-2751',
		items: [
			{
				id: 'contact.10',
				letter: null,
				scaleId: null,
				answerScale: 'open_tekst',
				reverse: false,
				text: {
					nl: 'Als je wilt dat we contact met je opnemen, kun je hier je naam achterlaten.',
					en: 'If you would like us to contact you, you can leave your name here.'
				}
			}
		]
	}
] as const;

export type Section = (typeof SECTIONS)[number];
export type Item = Section['items'][number];
export type ItemId = Item['id'];

export const ITEMS: readonly Item[] = SECTIONS.flatMap((s): readonly Item[] => s.items);

/**
 * The seven scales of Tabel 3 (002:1070-1127). Section 2 is split A-G / H-N after Edmondson's
 * two scales; item D of section 3 (0-100) is not part of the werkprestaties scale.
 * `reference2012` is the printed Tabel 3 mean (the report does not say whether reversed items
 * were recoded for it, so comparisons carry that caveat).
 */
export const SCALES = [
	{
		id: 'innovatief_werkgedrag',
		label: { nl: 'Innovatief werkgedrag', en: 'Innovative work behaviour' },
		min: 1,
		max: 5,
		reference2012: 4.1
	},
	{
		id: 'ervaren_psychologische_veiligheid',
		label: { nl: 'Ervaren psychologische veiligheid', en: 'Perceived psychological safety' },
		min: 1,
		max: 5,
		reference2012: 4.3
	},
	{
		id: 'leergedrag',
		label: { nl: 'Leergedrag', en: 'Learning behaviour (team)' },
		min: 1,
		max: 5,
		reference2012: 3.6
	},
	{
		id: 'individuele_werkprestaties',
		label: { nl: '(Individuele) werkprestaties', en: '(Individual) work performance (in-role)' },
		min: 1,
		max: 7,
		reference2012: 4.7
	},
	{
		id: 'individuele_taakprestaties',
		label: { nl: 'Individuele taakprestaties', en: 'Individual task performance' },
		min: 1,
		max: 5,
		reference2012: 3.4
	},
	{
		id: 'professionalisering',
		label: { nl: 'Professionalisering', en: 'Professionalisation' },
		min: 1,
		max: 5,
		reference2012: 4.1
	},
	{
		id: 'team_innovativiteit',
		label: { nl: 'Team innovativiteit', en: 'Team innovativeness' },
		min: 1,
		max: 5,
		reference2012: 3.9
	}
] as const;
export type Scale = (typeof SCALES)[number];
export type ScaleId = Scale['id'];

export function scaleItems(scaleId: ScaleId): Item[] {
	return ITEMS.filter((item) => item.scaleId === scaleId);
}

/**
 * Questions reported one by one ('losse vragen' of Tabel 3, and the 0-100 self-rating of
 * Bijlage C7), with their 2012 means.
 */
export const SINGLE_QUESTIONS = [
	{ id: 'individuele_prestaties.D', min: 0, max: 100, reference2012: 75.14 },
	{ id: 'overige_vragen.A', min: 1, max: 5, reference2012: 4.1 },
	{ id: 'overige_vragen.B', min: 1, max: 5, reference2012: 4.2 },
	{ id: 'overige_vragen.C', min: 1, max: 5, reference2012: 4.5 },
	{ id: 'overige_vragen.D', min: 1, max: 5, reference2012: 4.8 },
	{ id: 'overige_vragen.E', min: 1, max: 5, reference2012: 4.5 },
	{ id: 'overige_vragen.F', min: 1, max: 5, reference2012: 4.1 },
	{ id: 'overige_vragen.G', min: 1, max: 5, reference2012: 4.5 },
	{ id: 'overige_vragen.H', min: 1, max: 5, reference2012: 4.2 },
	{ id: 'overige_vragen.I', min: 1, max: 5, reference2012: 3.5 },
	{ id: 'overige_vragen.J', min: 1, max: 5, reference2012: 3.6 },
	{ id: 'overige_vragen.K', min: 1, max: 10, reference2012: 7.8 }
] as const satisfies readonly { id: ItemId; min: number; max: number; reference2012: number }[];
export type SingleQuestionId = (typeof SINGLE_QUESTIONS)[number]['id'];

/** Question 8 (remarks) is kept with the answers; 9 is the Doetank the response counts for; 10 is kept apart. */
export const REMARKS_ITEM = 'opmerkingen.8' satisfies ItemId;
export const DOETANK_ITEM = 'doetank.9' satisfies ItemId;
export const CONTACT_ITEM = 'contact.10' satisfies ItemId;

/** The promise printed under question 10 (002:2749-2751). */
export const CONTACT_PRIVACY_NOTE = {
	nl: 'We zullen jouw informatie ‘geanonimiseerd’ verwerken; dit betekent dat we jouw naam niet zullen verbinden aan de manier waarop we gebruik maken van je mening.',
	en: "We will process your information 'anonymised'; this means that we will not link your name to the way in which we use your opinion."
} as const satisfies Text;

export const TITLE = {
	nl: 'Vragenlijst Doetankleden voor het meten van Prestaties, Professionalisering & Innovativiteit',
	en: 'Questionnaire for Doetank members measuring Performance, Professionalisation & Innovativeness'
} as const satisfies Text;

export const CLOSING_TEXT = {
	nl: 'Hartelijk dank voor het invullen van de vragen!',
	en: 'Thank you very much for answering the questions!'
} as const satisfies Text;

/** The start screen of the online questionnaire (002:2785-2796). */
export const START_SCREEN = {
	greeting: { nl: 'Beste ‘Doetanker’,', en: "Dear 'Doetanker'," },
	intro: {
		nl: 'Fijn dat je de vragenlijst wilt invullen. Vooraf nog een aantal opmerkingen:',
		en: 'Glad that you are willing to fill in the questionnaire. A few remarks first:'
	},
	bullets: [
		{ nl: 'Vul alsjeblieft alle vragen in', en: 'Please answer all questions' },
		{
			nl: 'Bij meerkeuzevragen is vaak je eerste gedachte het beste antwoord. Denk niet te lang na.',
			en: 'With multiple-choice questions your first thought is often the best answer. Do not think too long.'
		},
		{
			nl: 'Er zijn geen ‘foute’ of ‘goede’ antwoorden; het is gewoon jouw mening',
			en: "There are no 'wrong' or 'right' answers; it is simply your opinion"
		},
		{
			nl: 'De informatie die je ons geeft, behandelen we vertrouwelijk',
			en: 'We treat the information you give us confidentially'
		}
	],
	closing: { nl: 'Alvast hartelijk dank!', en: 'Thank you in advance!' }
} as const satisfies Record<string, Text | readonly Text[]>;
