import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of the sharing flow: requests and their answers, grant management, disputes (异议). */
export const sharingFlowMessages = defineMessages({
  'what.share_request': { 'zh-CN': '共享申请', en: 'share request' },
  'what.share_dispute': { 'zh-CN': '共享异议', en: 'sharing dispute' },
  'share.request.invalid': {
    'zh-CN': '共享申请有误，请检查标出的字段',
    en: 'The share request has problems; see the fields named',
  },
  'share.request.own_resource': {
    'zh-CN': '这是本部门的资源：本部门直接使用自己的数据池，无需共享申请',
    en: 'This is a resource of your own department: a department reads its own pool directly, without a share request',
  },
  'share.request.department_only': {
    'zh-CN': '只有政务部门的工作人员可以提出共享申请',
    en: "Only a department's staff may ask for shared data",
  },
  'share.not_requestable': {
    'zh-CN':
      '资源 {code} 属于不予共享类，不能申请共享；认为应当共享的，可以提出异议，由数据主管部门协调（CQ19 §27）',
    en: 'Resource {code} is not shared and cannot be requested; if you think it should be shared, raise a dispute for the data authority to coordinate (CQ19 §27)',
  },
  'share.request.legal_basis_required': {
    'zh-CN': '有条件共享的资源须说明申请的依据（法律法规或职责依据）',
    en: 'A resource shared on conditions needs the legal basis of the request',
  },
  'share.request.text_required': { 'zh-CN': '不能为空', en: 'Must not be empty' },
  'share.request.valid_from_past': {
    'zh-CN': '开始日期不能早于今天（{today}）',
    en: 'The start cannot be before today ({today})',
  },
  'share.request.until_before_from': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end cannot be before the start',
  },
  'share.request.period_too_long': {
    'zh-CN': '共享期限最长 {days} 天（含首尾两天）',
    en: 'A share period may last at most {days} days (both ends included)',
  },
  'share.request.field_repeated': {
    'zh-CN': '信息项 {field} 重复',
    en: 'Item {field} is named twice',
  },
  'share.request.duplicate': {
    'zh-CN': '本部门已有同一资源、同一应用、同一用途的申请在办理中',
    en: 'Your department already has a pending request for this resource, application and purpose',
  },
  'share.request.not_pending': {
    'zh-CN': '申请当前为「{state}」，不在等待提供部门答复',
    en: "The request is '{state}', not waiting for the provider's answer",
  },
  'share.request.not_awaiting_authority': {
    'zh-CN': '申请当前为「{state}」，不在等待数据主管部门开通',
    en: "The request is '{state}', not waiting for the authority to open access",
  },
  'share.request.not_withdrawable': {
    'zh-CN': '申请当前为「{state}」，已办结，不能撤回',
    en: "The request is '{state}'; it is settled and cannot be withdrawn",
  },
  'share.request.provider_only': {
    'zh-CN': '只有数据提供部门可以答复该申请',
    en: 'Only the providing department may answer this request',
  },
  'share.request.applicant_only': {
    'zh-CN': '只有申请部门可以撤回该申请',
    en: 'Only the requesting department may withdraw this request',
  },
  'share.request.authority_only': {
    'zh-CN': '只有数据提供部门所在区域的数据主管部门可以开通访问权限（SC §25）',
    en: "Only the data authority of the provider's region may open access (SC §25)",
  },
  'share.request.not_yours': {
    'zh-CN': '该申请与本部门或本区域无关',
    en: 'This request concerns neither your department nor your region',
  },
  'share.request.period_over': {
    'zh-CN': '申请的共享期限已结束，不能再开通',
    en: 'The period asked for is over; access can no longer be opened',
  },
  'share.decision.reason_required': {
    'zh-CN': '不予共享或部分同意必须说明理由（CQ18 §19、CQ19 §25）',
    en: 'A refusal or a partial approval must give its reason (CQ18 §19, CQ19 §25)',
  },
  'share.decision.field_not_asked': {
    'zh-CN': '信息项 {field} 不在申请范围内：部分同意只能减少信息项',
    en: 'Item {field} was not asked for: a partial approval can only leave items out',
  },
  'share.decision.rows_wider': {
    'zh-CN': '行范围必须保留申请的全部条件（可以增加条件），不能扩大',
    en: 'The rows must keep every condition asked for (conditions may be added); they cannot be widened',
  },
  'share.decision.period_longer': {
    'zh-CN': '同意的期限不能晚于申请的结束日期 {until}',
    en: 'The period approved cannot end after the end asked for, {until}',
  },
  'share.decision.not_narrower': {
    'zh-CN': '部分同意须减少信息项、缩小行范围或缩短期限；全部同意请选择「同意」',
    en: "A partial approval leaves items out, narrows the rows or shortens the period; to approve all, choose 'approve'",
  },
  'share.decision.use_partial': {
    'zh-CN': '同意的内容与申请不同，请选择「部分同意」并说明理由',
    en: "What is approved differs from the request; choose 'approve in part' and give the reason",
  },
  'share.side_not_allowed': {
    'zh-CN': '无权查看「{side}」视图',
    en: "You may not use the '{side}' view",
  },
  'share.grant.reason_required': {
    'zh-CN': '撤销授权须说明理由',
    en: 'A revocation needs its reason',
  },
  'share.grant.not_yours': {
    'zh-CN': '该授权与本部门或本区域无关',
    en: 'This grant concerns neither your department nor your region',
  },
  'share.dispute.invalid': {
    'zh-CN': '异议有误，请检查标出的字段',
    en: 'The dispute has problems; see the fields named',
  },
  'share.dispute.own_resource': {
    'zh-CN': '不能对本部门的资源提出共享异议',
    en: 'A department cannot dispute the sharing of its own resource',
  },
  'share.dispute.request_first': {
    'zh-CN': '资源 {code} 可以共享，请先提出共享申请；对答复有异议的，可以就该申请提出异议',
    en: 'Resource {code} is shared: ask for it first; if you disagree with the answer, dispute that request',
  },
  'share.dispute.request_mismatch': {
    'zh-CN': '该申请不是本部门对该资源的申请',
    en: "The request is not your department's request for this resource",
  },
  'share.dispute.request_not_disputable': {
    'zh-CN': '只能对不予共享或部分同意的答复提出异议',
    en: 'Only a refusal or a partial approval can be disputed',
  },
  'share.dispute.duplicate': {
    'zh-CN': '本部门已就此提出异议，正在协调中',
    en: 'Your department has already raised this dispute; it is being coordinated',
  },
  'share.dispute.no_authority': {
    'zh-CN': '提供部门所在区域及上级区域都没有数据主管部门，无法协调',
    en: "Neither the provider's region nor a region above it has a data authority to coordinate",
  },
  'share.dispute.not_open': {
    'zh-CN': '异议当前为「{state}」，已办结',
    en: "The dispute is '{state}'; it is settled",
  },
  'share.dispute.coordinator_only': {
    'zh-CN': '只有负责协调的数据主管部门可以记录处理结果',
    en: 'Only the coordinating data authority may record the outcome',
  },
  'share.dispute.applicant_only': {
    'zh-CN': '只有提出异议的部门可以撤回',
    en: 'Only the department that raised the dispute may withdraw it',
  },
  'share.dispute.not_yours': {
    'zh-CN': '该异议与本部门或本区域无关',
    en: 'This dispute concerns neither your department nor your region',
  },
});
