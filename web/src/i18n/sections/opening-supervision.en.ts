import type { supervisionZhCN } from './opening-supervision.zh-CN.ts';

// English texts of the console's usage supervision page: breaches of data usage agreements, the
// user's rectification and the decision.
export const supervisionEn: Record<keyof typeof supervisionZhCN, string> = {
  'supervision.menu.breaches': 'Usage supervision',

  'supervision.breaches.title': 'Usage supervision',
  'supervision.breaches.description':
    "When the user of conditionally open data breaches the data usage agreement, the provider or the data authority records the breach on the agreement: the user's access is suspended at once and a rectification is demanded by a date. Once the user reports the rectification, accepting it reopens access; when the date passes without a rectification, or it falls short, the agreement can be terminated.",
  'supervision.breaches.empty': 'No breaches',
  'supervision.filter.overdue': 'Rectification overdue',

  'supervision.field.agreement': 'Data usage agreement',
  'supervision.field.agreementState': 'Agreement status',
  'supervision.field.dataset': 'Dataset',
  'supervision.field.provider': 'Provider',
  'supervision.field.applicant': 'User',
  'supervision.field.breach': 'Breach',
  'supervision.field.demand': 'Rectification demanded',
  'supervision.field.rectifyBy': 'Rectify by',
  'supervision.field.state': 'State',
  'supervision.field.level': 'Level',
  'supervision.field.foundBy': 'Recorded by',
  'supervision.field.createdAt': 'Recorded at',
  'supervision.field.report': 'Rectification report',
  'supervision.field.reportedAt': 'Reported at',
  'supervision.field.decisionNote': 'Note',
  'supervision.field.decidedBy': 'Decided by',
  'supervision.field.decidedAt': 'Decided at',

  'supervision.state.open': 'Awaiting rectification',
  'supervision.state.reported': 'Rectification to confirm',
  'supervision.state.rectified': 'Rectified, access restored',
  'supervision.state.terminated': 'Agreement terminated',
  'supervision.overdue': 'Overdue',

  'supervision.drawer.title': 'Breach of agreement {number}',
  'supervision.drawer.openAgreement': 'Open the agreement',
  'supervision.readOnly': 'Read only: breaches are handled by the provider or the data authority',
  'supervision.closed': 'This breach is settled',
  'supervision.waitReport':
    'Waiting for the user to report the rectification; it can be accepted only once reported.',
  'supervision.overdueHelp':
    'The rectification date has passed without a report from the user; the agreement can be terminated.',
  'supervision.reportSection': "The user's rectification",
  'supervision.noReport': 'The user has not reported a rectification yet',
  'supervision.outcome': 'Decision',

  'supervision.action.report': 'Record a breach',
  'supervision.action.accept': 'Accept and restore access',
  'supervision.action.terminate': 'Terminate the agreement',

  'supervision.report.title': 'Record a breach of agreement {number}',
  'supervision.report.help':
    "Once recorded, the user's downloads and API calls under this agreement stop at once, until the rectification is accepted or the agreement terminated. The user sees the breach, the demand and the date.",
  'supervision.report.breachHelp':
    'What the user did against the agreement, e.g. used the data for another purpose or passed it on',
  'supervision.report.breachRequired': 'Describe the breach',
  'supervision.report.demandHelp': 'What the user must do to rectify',
  'supervision.report.demandRequired': 'Say what must be rectified',
  'supervision.report.rectifyByHelp': 'Today or later',
  'supervision.report.rectifyByRequired': 'Choose the rectification date',
  'supervision.report.submit': 'Record and suspend access',
  'supervision.report.done': "Breach recorded; the user's access is suspended",

  'supervision.decide.acceptTitle': 'Accept the rectification: agreement {number}',
  'supervision.decide.terminateTitle': 'Terminate agreement {number}',
  'supervision.decide.acceptHelp':
    "Accepting settles this breach; once no other breach of the agreement is open, the user's access reopens.",
  'supervision.decide.terminateHelp':
    "Terminating ends the agreement: the user's access to the data ends for good and the agreement's other open breaches are settled with it. This cannot be undone.",
  'supervision.decide.note': 'Note',
  'supervision.decide.noteHelp': 'The user sees the note',
  'supervision.decide.noteRequired': 'Write the note',
  'supervision.decide.terminateConfirm':
    'Terminate agreement {number}? The user loses access to the data for good.',
  'supervision.decide.done.accept': 'Rectification accepted',
  'supervision.decide.done.terminate': 'Agreement terminated',
};
