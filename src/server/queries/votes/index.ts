// Read side of the year-end conference: the year's rounds (/conference), one round (/conference/rounds/[id]),
// the delegate's ballot page, the hall's projection screen and the minutes' data.
//
// Secrecy on the read side: while a round is open nobody gets more than the turnout (which units have
// voted, in Vietnamese name order, never in voting order); tallies exist only for CLOSED rounds
// (closedRoundResults counts in SQL restricted to state = 'CLOSED'), and only as totals.
export { ResultsNotAvailableError, type CandidateResultRow, type RoundResults, roundResults } from "./round-results";
export { roundDetail } from "./round-detail";
export { type ConferencePageParams, conferencePage } from "./conference";
export { ballotPage } from "./ballot";
export { roundScreen } from "./screen";
export { type MinutesRound, type MinutesData, minutesData } from "./minutes";
