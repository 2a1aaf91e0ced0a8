import type { participationZhCN } from './participation.zh-CN.ts';

// The portal's English texts of public participation on the dataset page (the same keys as
// participation.zh-CN.ts).
/** Texts of public participation on the dataset page in English. */
export const participationEn: Record<keyof typeof participationZhCN, string> = {
  'notice.suspended': 'This dataset is suspended (since {since})',
  'notice.suspended.objection':
    'Someone objected that it infringes personal privacy or trade secrets; the provider is verifying.',
  'notice.suspended.provider': 'The provider found a possible risk in it and is verifying.',
  'notice.suspended.authority': 'The data authority found a possible risk in it and is verifying.',
  'notice.suspended.platform': 'The platform found a possible risk in it and is verifying.',
  'notice.suspendedMeanwhile':
    'Meanwhile it cannot be downloaded or called through the API. After the check it is opened again, reprocessed and opened, or withdrawn.',
  'notice.withdrawn': 'This dataset is withdrawn from opening (since {since})',
  'notice.withdrawnText':
    'It was withdrawn after a check; its data is no longer downloaded or served by the API.',
  'notice.emergency': 'Opened for an emergency: {name}',
  'notice.emergencyText':
    'This dataset is opened within the minimum scope a public emergency needs, until {endsOn}. After the emergency its data is deleted unless the government approves keeping it.',

  'participation.staff':
    'Ratings, comments and reports come from public accounts (people or organisations); government staff handle them in the console.',
  'participation.unverified':
    'Your account’s identity is not verified, so you cannot rate, comment or report yet: use a personal or organisation account whose identity was verified at registration.',
  'participation.register': 'Register',
  'participation.required': 'Fill this in',
  'participation.send': 'Send',
  'participation.sending': 'Sending…',

  'feedback.title': 'Ratings and comments',
  'feedback.average': '{average}',
  'feedback.averageOf': 'out of 5, {count} ratings',
  'feedback.noRatings': 'Nobody has rated it yet.',
  'feedback.distribution': 'Ratings by stars',
  'feedback.stars': '{stars} stars',
  'feedback.barLabel': '{stars} stars: {count} ({percent}%)',
  'feedback.myRating': 'My rating',
  'feedback.myRatingHint':
    'Choose 1 to 5 stars (arrow keys work), then Save rating; you can change it later.',
  'feedback.rate': 'Save rating',
  'feedback.rated': 'Your rating is saved: {stars} stars.',
  'feedback.signIn': 'Sign in to rate and comment',
  'feedback.comments': 'Comments ({count})',
  'feedback.noComments': 'No comments yet.',
  'feedback.mine': 'My comment',
  'feedback.delete': 'Delete',
  'feedback.deleteConfirm': 'Delete this comment? It will no longer be shown.',
  'feedback.deleteYes': 'Delete it',
  'feedback.deleteNo': 'Cancel',
  'feedback.deleted': 'The comment is deleted.',
  'feedback.write': 'Write a comment',
  'feedback.text': 'Comment',
  'feedback.textHint': 'Plain text, at most 1000 characters. No advertising, lists of links or repeats.',
  'feedback.post': 'Post',
  'feedback.posting': 'Posting…',
  'feedback.posted': 'Your comment is posted.',
  'feedback.page': 'Page {page} of {last}',
  'feedback.previous': 'Previous',
  'feedback.next': 'Next',
  'feedback.pager': 'Pages of comments',

  'showcase.title': 'Showcased applications',
  'showcase.lead':
    'Apps, websites and research built on this dataset, shown after the data authority’s review.',
  'showcase.none': 'No showcased application uses this dataset yet.',
  'showcase.kind.app': 'App',
  'showcase.kind.website': 'Website',
  'showcase.kind.paper': 'Paper',
  'showcase.kind.report': 'Report',
  'showcase.kind.other': 'Other',
  'showcase.by': 'Submitted by {name} on {date}',
  'showcase.citation': 'Sources: {citation}',
  'showcase.open': 'Visit (opens a new window)',
  'showcase.alsoUses': 'Also uses: {names}',

  'report.title': 'Report a problem',
  'report.lead':
    'Found a mistake in the catalog entry or an error in the data, have an opinion on the open service, or think the data infringes personal privacy or trade secrets? Tell us here. Progress and answers appear on your account page.',
  'report.signIn': 'Sign in to report a problem',
  'report.tabs': 'What to report',
  'report.tab.correction': 'Catalog correction',
  'report.tab.error': 'Data error',
  'report.tab.opinion': 'Opinion',
  'report.tab.objection': 'Objection',
  'report.sent': 'Sent; {name} handles it.',
  'report.sentDue': 'Answer due by {date}.',
  'report.sentDueRule': 'Answer due by {date} (within {days} working days of receipt).',
  'report.sentNoDue':
    'No deadline is set for this kind of request; you will be told on your account page once it is handled.',
  'report.seeAccount': 'Follow it and read the answer on your account page',
  'report.another': 'Send another',

  'correction.title': 'Ask for a correction of the open catalog',
  'correction.lead':
    'When the catalog entry (name, abstract, items, update cycle, …) does not match the data, ask the provider to correct it.',
  'correction.topic': 'What needs correcting',
  'correction.topicChoose': 'Choose',
  'correction.topicRequired': 'Choose what needs correcting',
  'correction.topic.name': 'Dataset name',
  'correction.topic.abstract': 'Abstract',
  'correction.topic.items': 'Items',
  'correction.topic.provider': 'Provider',
  'correction.topic.open_type': 'Open type',
  'correction.topic.open_condition': 'Open conditions',
  'correction.topic.formats': 'Formats',
  'correction.topic.update_cycle': 'Update cycle',
  'correction.topic.contact': 'Contact',
  'correction.topic.other': 'Other',
  'correction.statement': 'What is wrong',
  'correction.statementHint': 'Say what the catalog says now and what does not match',
  'correction.proposal': 'What it should say',
  'correction.proposalHint': 'Optional',

  'dataError.title': 'Report an error in the data',
  'dataError.lead':
    'When the data is wrong, missing or out of date, ask the provider to check and correct it.',
  'dataError.statement': 'The error',
  'dataError.statementHint': 'Say what is wrong in the data and what would be right',
  'dataError.fields': 'Items that are wrong',
  'dataError.fieldsHint': 'Optional; {checked} of {total} chosen',
  'dataError.location': 'Where',
  'dataError.locationHint': 'Optional, e.g. a record’s number, name or a date range',

  'opinion.title': 'Give an opinion on the open service',
  'opinion.lead':
    'Opinions and suggestions on how this dataset is opened, updated and served are collected by the data authority.',
  'opinion.statement': 'Your opinion',
  'opinion.statementHint': 'Say plainly what you suggest',

  'objection.title': 'File an objection',
  'objection.lead':
    'If you think this dataset infringes personal privacy or trade secrets, object with evidence. The provider verifies at once and may suspend it meanwhile.',
  'objection.ground': 'Ground',
  'objection.groundRequired': 'Choose the ground',
  'objection.ground.privacy': 'Infringes personal privacy',
  'objection.ground.trade_secret': 'Infringes trade secrets',
  'objection.statement': 'What infringes it',
  'objection.statementHint': 'Say which data concerns personal privacy or trade secrets, and why',
  'objection.files': 'Evidence files',
  'objection.filesHint': 'Optional, several files allowed; PDF, PNG or JPEG only',
  'objection.fileType': '{name} is not a PDF, PNG or JPEG file',
  'objection.filesChosen': 'Chosen: {names}',
  'objection.sent': 'Your objection is sent; {name} verifies it at once.',
  'objection.sentSuspended': 'The dataset is already suspended; your objection joins the check under way.',
  'objection.sentNoDue':
    'An objection is verified at once, with no fixed number of days; the outcome will be shown on your account page.',
  'objection.evidenceSent': 'Uploaded: {name}',
  'objection.evidenceFailed': '{name} was not uploaded: {reason}',
};
