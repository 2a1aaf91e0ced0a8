// The portal's English texts of suggestions of data to open (CQO §14, CQ17 §22); Chinese:
// suggest.zh-CN.ts, whose keys these must match.
import type { suggestZhCN } from './suggest.zh-CN.ts';

/** Texts of public suggestions of data to open in English. */
export const suggestEn: Record<keyof typeof suggestZhCN, string> = {
  'nav.suggest': 'Suggest data',
  'suggest.title': 'Suggest data to open',
  'suggest.lead':
    'Did not find the data you need? Suggest public data that is not open yet. The data authority of the region takes the suggestion and answers within the set time.',
  'suggest.how': 'What happens next',
  'suggest.step.deadline':
    'The data authority answers within {days} working days of receiving it ({article}).',
  'suggest.step.deadlinePolicy':
    'The data authority answers within {days} working days of receiving it ({article} asks for an answer; the platform sets the days).',
  'suggest.step.noDeadline':
    'The rules of this region set no deadline; you will be told on your account page once it is answered.',
  'suggest.step.match': 'If open data already meets the need, you are told which datasets to use;',
  'suggest.step.route':
    'if a department holds the data but has not opened it, the suggestion goes to that department, which decides whether to add it to the open catalog and answers in time;',
  'suggest.step.reject':
    'if the data cannot be opened (not public data, or closed by law), you are given the reason.',
  'suggest.step.follow': 'Follow the progress and the answers under “My suggestions” on your account page.',
  'suggest.identity':
    'Suggesting data needs a signed-in public account (person or organisation); identity verification is not required first.',
  'suggest.signedOut':
    'Sign in with a public account to suggest data; you come back to this page afterwards.',
  'suggest.signIn': 'Sign in to suggest',
  'suggest.register': 'Register',
  'suggest.staff':
    'This page is for the public. Government staff file data demands in the console under Catalog › Demand lists.',
  'suggest.unverified':
    'Your identity is not verified, so you cannot suggest data: use a person or organisation account whose identity was checked at registration.',
  'suggest.form': 'Your suggestion',
  'suggest.field.title': 'Data wanted',
  'suggest.field.titleHint':
    'The data in one line, for example “Locations and availability of public charging points”',
  'suggest.field.description': 'Description',
  'suggest.field.descriptionHint':
    'What it should contain, for which area, how often updated, and which department you think holds it',
  'suggest.field.purpose': 'Use scenario',
  'suggest.field.purposeHint': 'What the data will be used for, for example a travel app or research',
  'suggest.required': 'Fill in this field',
  'suggest.prefilled': '“Data wanted” is filled in from your search; change it as you like.',
  'suggest.sent': 'Sent; {name} takes it.',
  'suggest.sentDue': 'Answer due by {date}.',
  'suggest.sentDueRule': 'Answer due by {date} (within {days} working days of receipt).',
  'suggest.sentNoDue': 'No deadline is set; you will be told on your account page once it is answered.',
  'suggest.seeAccount': 'Follow the progress and answers on my account page',
  'suggest.another': 'Suggest something else',
  'suggest.fromSearch': 'Not found? Suggest opening it',

  'mySuggest.title': 'My suggestions',
  'mySuggest.lead': 'The data you suggested opening, who takes it, when the answer is due, and the answers.',
  'mySuggest.none': 'You have not suggested data to open yet.',
  'mySuggest.new': 'Suggest data to open',
  'mySuggest.col.title': 'Suggestion',
  'mySuggest.col.filed': 'Filed',
  'mySuggest.col.state': 'State',
  'mySuggest.col.due': 'Answer due',
  'mySuggest.col.answer': 'Answers',
  'mySuggest.state.open': 'Awaiting answer',
  'mySuggest.state.matched': 'Open data found',
  'mySuggest.state.routed': 'Sent to a department',
  'mySuggest.state.rejected': 'Not taken up',
  'mySuggest.state.accepted': 'Department will open it',
  'mySuggest.state.declined': 'Department declined',
  'mySuggest.waiting': 'Waiting for {name}',
  'mySuggest.overdue': 'overdue',
  'mySuggest.late': 'answered late',
  'mySuggest.noDue': 'No deadline',
  'mySuggest.answer.match': '{department}: this open data meets the need',
  'mySuggest.answer.route': '{department}: sent to {provider}',
  'mySuggest.answer.reject': '{department}: not taken up',
  'mySuggest.answer.accept': '{department}: will add the data to the open catalog',
  'mySuggest.answer.decline': '{department}: will not open it',
  'mySuggest.answer.link': '{department}: the data now in the catalog',
  'mySuggest.reason': 'Reason: {text}',
  'mySuggest.note': 'Note: {text}',
  'mySuggest.notOpen': '{name} (not open yet)',
  'mySuggest.unnamed': 'Resource {code}',
};
