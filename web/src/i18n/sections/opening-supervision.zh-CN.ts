// Texts of the console's usage supervision page (利用监管, CQO §37(3), §39): breaches of data usage
// agreements, the rectification the user reports, and the decision. English: opening-supervision.en.ts.
export const supervisionZhCN = {
  'supervision.menu.breaches': '利用监管',

  'supervision.breaches.title': '利用监管',
  'supervision.breaches.description':
    '有条件开放数据的使用方违反数据利用协议时，提供部门或数据主管部门在协议详情中登记违约：使用方的访问立即暂停，并限期整改。使用方提交整改情况后，认可整改即恢复访问；逾期未整改或整改不到位的，可以终止协议。',
  'supervision.breaches.empty': '暂无违约记录',
  'supervision.filter.overdue': '逾期未整改',

  'supervision.field.agreement': '数据利用协议',
  'supervision.field.agreementState': '协议状态',
  'supervision.field.dataset': '数据集',
  'supervision.field.provider': '提供部门',
  'supervision.field.applicant': '使用方',
  'supervision.field.breach': '违约情形',
  'supervision.field.demand': '整改要求',
  'supervision.field.rectifyBy': '整改期限',
  'supervision.field.state': '状态',
  'supervision.field.level': '分级',
  'supervision.field.foundBy': '登记人',
  'supervision.field.createdAt': '登记时间',
  'supervision.field.report': '整改情况',
  'supervision.field.reportedAt': '提交时间',
  'supervision.field.decisionNote': '处理说明',
  'supervision.field.decidedBy': '处理人',
  'supervision.field.decidedAt': '处理时间',

  'supervision.state.open': '待整改',
  'supervision.state.reported': '待确认整改',
  'supervision.state.rectified': '已整改恢复',
  'supervision.state.terminated': '已终止协议',
  'supervision.overdue': '逾期',

  'supervision.drawer.title': '违约整改：协议 {number}',
  'supervision.drawer.openAgreement': '查看协议',
  'supervision.readOnly': '只读：违约整改由提供部门或数据主管部门处理',
  'supervision.closed': '该违约整改已办结',
  'supervision.waitReport': '等待使用方提交整改情况；收到整改情况后才能认可整改。',
  'supervision.overdueHelp': '整改期限已过，使用方仍未提交整改情况，可以终止协议。',
  'supervision.reportSection': '使用方整改情况',
  'supervision.noReport': '使用方尚未提交整改情况',
  'supervision.outcome': '处理结果',

  'supervision.action.report': '登记违约',
  'supervision.action.accept': '认可整改并恢复访问',
  'supervision.action.terminate': '终止协议',

  'supervision.report.title': '登记违约：协议 {number}',
  'supervision.report.help':
    '登记后，使用方在该协议下的下载和接口调用立即暂停，直至认可整改或终止协议。使用方可以看到违约情形、整改要求和整改期限。',
  'supervision.report.breachHelp': '使用方违反协议的具体情形，例如超出约定用途使用、向第三方提供数据',
  'supervision.report.breachRequired': '请填写违约情形',
  'supervision.report.demandHelp': '使用方须完成的整改事项',
  'supervision.report.demandRequired': '请填写整改要求',
  'supervision.report.rectifyByHelp': '不能早于今天',
  'supervision.report.rectifyByRequired': '请选择整改期限',
  'supervision.report.submit': '登记并暂停访问',
  'supervision.report.done': '已登记违约，使用方的访问已暂停',

  'supervision.decide.acceptTitle': '认可整改：协议 {number}',
  'supervision.decide.terminateTitle': '终止协议：协议 {number}',
  'supervision.decide.acceptHelp':
    '认可整改后本次违约办结；该协议没有其他未办结的违约时，使用方的访问随即恢复。',
  'supervision.decide.terminateHelp':
    '终止后协议不再有效，使用方对该数据的访问永久结束，该协议其他未办结的违约一并办结。此操作不可撤销。',
  'supervision.decide.note': '处理说明',
  'supervision.decide.noteHelp': '使用方可以看到处理说明',
  'supervision.decide.noteRequired': '请填写处理说明',
  'supervision.decide.terminateConfirm': '确定终止协议 {number}？使用方将永久失去该数据的访问权限。',
  'supervision.decide.done.accept': '已认可整改',
  'supervision.decide.done.terminate': '已终止协议',
} as const;
