// zh-CN by default, English on request (kept per browser). Times are always shown in Asia/Shanghai.
import { reactive } from '/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js';

export const TIME_ZONE = 'Asia/Shanghai';

const zh = {
  app: '吹哨报到', language: 'English', signIn: '登录', signOut: '退出', home: '首页', anonymous: '未登录',
  loading: '加载中…', retry: '重试', cancel: '取消', confirm: '确定', close: '关闭', none: '无', save: '提交',
  refresh: '刷新', error: '出错了', forbidden: '您的角色无权查看此页面。', needSignIn: '请先登录。',
  'page.home': '首页', 'page.whistle': '我要吹哨', 'page.track': '进度查询', 'page.command': '指挥中心', 'page.unit': '部门工作台',
  'page.whistle.hint': '发现问题，拍照定位，一键上报', 'page.track.hint': '查看办理进度，评价处理结果',
  'page.command.hint': '受理、派哨、督办、核查', 'page.unit.hint': '接哨报到、到场处置、办结反馈',
  'page.evaluation': '考核评价', 'page.evaluation.hint': '三率、按期处置率、排名与红黑榜',
  'eval.period': '期间', 'eval.level': '排名层级', 'eval.within': '范围', 'eval.by': '排名依据', 'eval.print': '打印报表',
  'eval.ranking': '排名', 'eval.rank': '名次', 'eval.name': '名称', 'eval.movement': '名次变化', 'eval.pop': '环比',
  'eval.yoy': '同比', 'eval.composite': '综合指标值', 'eval.unranked': '无数据', 'eval.red': '红榜（前 {n} 名）',
  'eval.black': '黑榜（后 {n} 名）', 'eval.asOf': '数据截至', 'eval.pending': '有 {n} 项待处理的调整',
  'eval.rate': '指标', 'eval.value': '数值', 'eval.numerator': '分子（点击查看案件）', 'eval.denominator': '分母',
  'eval.duration': '用时', 'eval.mean': '平均', 'eval.p90': '90% 案件在此之内', 'eval.trend': '近六期走势',
  'eval.place': '地点', 'eval.lead': '单位', 'eval.due': '应完成时间', 'eval.done': '完成时间', 'eval.onTime': '是否按期',
  'eval.clock': '判定时限', 'eval.answer': '回访评价', 'eval.exempt': '不计入原因',
  'eval.disclosure': '考核结果公开', 'eval.disclosure.path': '公众无需登录即可查看已发布期间的考核结果（{path}）',
  'eval.disclosure.on': '向公众公开', 'eval.disclosure.off': '停止公开', 'eval.disclosure.reason': '理由',
  'eval.disclosure.when': '时间', 'eval.disclosure.who': '操作人', 'eval.disclosure.what': '设置为',
  'evalTile': '考核评价', 'evalTile.trend': '近 {n} 个月走势', 'evalTile.more': '查看考核评价',
  'evalTile.unavailable': '考核数据暂不可用：{reason}',
  'eval.level.DISTRICT': '区县', 'eval.level.STREET': '街道乡镇', 'eval.level.COMMUNITY': '社区村', 'eval.level.GRID': '网格',
  'eval.level.DEPARTMENT': '职能部门', 'eval.level.UTILITY': '公用事业单位', 'eval.level.PROPERTY_COMPANY': '物业公司',
  'eval.by.COMPOSITE': '综合指标值', 'eval.by.ON_TIME_HANDLING': '按期处置率', 'eval.by.HANDLING': '处置率',
  'eval.by.CLOSURE': '结案率', 'eval.by.ON_TIME_CLOSURE': '按期结案率', 'eval.by.RESPONSE': '响应率',
  'eval.by.RESOLUTION': '解决率', 'eval.by.SATISFACTION': '满意率', 'eval.by.REPORT_IN': '报到率', 'eval.by.REWORK': '返工率',
  'eval.by.OVERDUE_PENDING': '超期待处置率', 'eval.by.EXTENSION': '延期率',
  'page.keys': 'Open311 密钥', 'page.keys.hint': '为对接系统签发、吊销 Open311 API 密钥',
  'keys.issueTitle': '签发密钥', 'keys.hint': '每个对接系统（如 12345 热线平台、区数字城管系统）一把密钥，用于通过 Open311 上报问题和读取问题描述。',
  'keys.client': '对接系统', 'keys.clientHint': '使用此密钥的系统名称，最多 100 字', 'keys.issue': '签发',
  'keys.issued': '已为“{client}”签发密钥：', 'keys.shownOnce': '密钥只显示这一次，平台只保存其摘要。请立即复制并交给对接方。',
  'keys.listTitle': '已签发的密钥', 'keys.prefix': '密钥开头', 'keys.created': '签发时间', 'keys.lastUsed': '最近使用',
  'keys.state': '状态', 'keys.neverUsed': '尚未使用', 'keys.revoke': '吊销', 'keys.revokedAt': '已于 {at} 吊销',
  'keys.confirmRevoke': '吊销“{client}”的密钥？吊销后该系统无法再上报。', 'keys.none': '尚未签发密钥。',
  // 吹哨
  category: '问题类别', chooseCategory: '请选择问题类别', description: '问题描述',
  descriptionHint: '请描述问题的位置和情况（最多 2000 字）', evidence: '照片或视频', takePhoto: '拍照/录像',
  chooseFiles: '从相册选择', removeFile: '移除', location: '位置', locate: '定位我的位置', locating: '正在定位…',
  locationDeclared: '坐标系：WGS-84（卫星定位）', dragPin: '可拖动地图上的图钉调整位置',
  manualLocation: '手动输入坐标', latitude: '纬度', longitude: '经度', address: '地址（选填）',
  located: '已定位', accuracy: '精度约 {m} 米', locationFailed: '无法定位：{reason}。请拖动图钉或手动输入坐标。',
  urgent: '紧急（危及人身或财产安全）', phone: '手机号（选填，用于查询进度和接收回访）',
  phoneHint: '留下手机号后，凭查询码和手机号查询进度', nearbyTitle: '附近已有相同问题',
  nearbyHint: '如果是同一个问题，可以直接加入，不必重复吹哨。', metres: '{n} 米', supports: '{n} 人反映',
  joinThis: '我也遇到了，加入此哨', joined: '已记录您的反映，感谢！', submit: '吹哨上报', submitting: '正在上报…',
  offlineRetry: '网络不畅，{s} 秒后自动重试（第 {n} 次），不会重复上报。', retryNow: '立即重试',
  submitted: '吹哨成功', trackingCode: '查询码', keepCode: '请保存查询码，用于查询进度和评价。',
  trackIt: '查看进度', raiseAnother: '再吹一哨', required: '请填写：{what}', chooseLocation: '请先定位或选择位置',
  // 进度
  trackTitle: '查询吹哨进度', query: '查询', reporterPhone: '上报时留的手机号', notFound: '未找到，请核对查询码和手机号。',
  status: '状态', ticketNumber: '工单号', raisedAt: '上报时间', timeline: '办理过程', photos: '上报的照片',
  resultPhotos: '处理结果照片', rateTitle: '评价处理结果', rating: '满意度', resolvedQuestion: '问题解决了吗？',
  yes: '已解决', no: '未解决', comment: '意见（选填）', rate: '提交评价', rated: '已评价，感谢您的反馈。',
  notYetRatable: '办结后可评价。', 'rating.SATISFIED': '满意', 'rating.BASICALLY_SATISFIED': '基本满意',
  'rating.DISSATISFIED': '不满意',
  // 指挥中心
  scope: '辖区', centre: '指挥中心', liveFeed: '实时动态', liveOpen: '实时连接', liveRetrying: '正在重连…',
  openTickets: '在办工单', byState: '按状态', byLevel: '按层级', overdue: '已超时', dueSoon: '即将超时',
  running: '计时中', paused: '已暂停', raisedToday: '今日吹哨', closedToday: '今日结案', onTimeRate: '在办按时率',
  onTimeHint: '未超时的计时 ÷ 全部在计时（含已超时）', todayChart: '今日吹哨与结案', byStreet: '各街道在办',
  byUnit: '各单位在办任务', map: '网格地图', mapNoTiles: '未配置底图，仅显示网格边界。', queue: '工单列表',
  allStates: '全部', noTickets: '暂无工单', openCount: '{n} 件', detail: '工单详情', whistleDetail: '吹哨内容',
  clocks: '时限', due: '截止', remaining: '剩余', overdueBy: '超时 {t}', tasks: '承办单位', lead: '主办', leadMark: '（主办）', someUnit: '相关单位', someArea: '相关区域',
  proposal: '派单建议', proposalWhy: '依据', actions: '处置', reason: '原因', note: '说明',
  'act.file': '受理', 'act.reject': '不予受理', 'act.merge': '合并', 'act.summon': '派哨（召集单位）',
  'act.transfer': '转交', 'act.approve': '同意延期', 'act.refuse': '不同意延期', 'act.verifyPass': '核查通过',
  'act.verifyFail': '核查不通过', 'act.close': '结案', 'act.reopen': '返工', mergeInto: '合并到工单',
  'hotline.title': '电话受理', 'hotline.address': '来电人说的地址', 'hotline.addressHint': '如：建华区将军府小区2号楼；平台据地名推荐网格，请与来电人核实后确认。',
  'hotline.propose': '推荐网格', 'hotline.proposals': '推荐的网格（请确认一个）', 'hotline.noProposal': '没有找到匹配的地名，请追问街道、社区或小区名称。',
  'hotline.needAddress': '请先填写地址。', 'hotline.category': '问题类别', 'hotline.description': '来电内容', 'hotline.phone': '来电号码',
  'hotline.urgency': '紧急程度', 'hotline.normal': '一般', 'hotline.urgent': '紧急', 'hotline.raise': '按确认的网格立哨',
  'hotline.raised': '已立哨：{grid}，由{street}受理。',
  'act.followUp': '登记电话回访', followUpHint: '电话询问上报人后，代其登记本轮回访评价（每轮只计一次）。',
  'act.supervise': '督办', 'act.remind': '催办', 'act.pullUp': '提级（本级接办）', 'act.handDown': '下派',
  'act.withdraw': '撤回', 'act.lead': '改派主办', 'act.verifyWithPhotos': '核查通过（附照片）',
  dueBy: '新的期限（北京时间）', inspectionPhotos: '核查照片', supervisionCount: '已督办 {n} 次', photoCount: '照片 {n} 张',
  leadUnit: '主办单位', coUnits: '协办单位', targetCentre: '转交给', targetLevel: '层级', useProposal: '采用建议',
  done: '已完成', readOnly: '只读（领导视图）', extensionRequests: '延期申请', chainBroken: '时间线校验失败：{p}',
  // 部门工作台
  myQueue: '我的任务', unitLabel: '本单位', noTasks: '暂无待办任务', summonedAt: '召集时间', countdown: '剩余时间',
  'act.reportIn': '报到', 'act.onSite': '到场', 'act.progress': '报告进展', 'act.done': '办结',
  'act.decline': '退回', 'act.extension': '申请延期', resultNote: '处理结果', resultPhotos2: '处理结果照片',
  extraHours: '延长（小时）', clock: '时限', evidenceRequired: '办结需附处理结果照片',
  // values
  'action.RAISE': '吹哨', 'action.FILE': '受理', 'action.REJECT': '不予受理', 'action.MERGE': '合并',
  'action.SET_PRIORITY': '调整紧急程度', 'action.RECATEGORISE': '调整类别', 'action.SUMMON': '派哨',
  'action.TRANSFER': '转交', 'action.APPROVE_EXTENSION': '同意延期', 'action.REFUSE_EXTENSION': '不同意延期',
  'action.SUSPEND': '挂账', 'action.RESUME': '恢复办理', 'action.VERIFY_PASS': '核查通过', 'action.VERIFY_FAIL': '核查不通过',
  'action.CLOSE': '结案', 'action.REOPEN': '返工', 'action.RAISE_LEVEL': '升级督办', 'action.REPORT_IN': '报到',
  'action.ON_SITE': '到场', 'action.PROGRESS': '进展', 'action.CONTACTED_REPORTER': '先行联系', 'action.DONE': '办结',
  'action.DECLINE': '退回', 'action.REQUEST_EXTENSION': '申请延期', 'action.RETURN': '退回指挥中心',
  'action.FOLLOW_UP_RESOLVED': '回访：已解决', 'action.FOLLOW_UP_NOT_RESOLVED': '回访：未解决',
  'action.FOLLOW_UP_IGNORED': '回访（本轮不计）',
  'action.SUPERVISE': '督办', 'action.REMIND': '催办', 'action.PULL_UP': '提级', 'action.HAND_DOWN': '下派',
  'action.WITHDRAW_UNIT': '撤回单位', 'action.REPLACE_LEAD': '改派主办', 'action.MERGED_IN': '并入重复工单',
  'state.RAISED': '待受理', 'state.FILED': '已受理', 'state.DISPATCHED': '已派遣', 'state.IN_PROGRESS': '处理中',
  'state.RESOLVED': '已办结', 'state.VERIFIED': '已核查', 'state.CLOSED': '已结案', 'state.REJECTED': '不予受理',
  'state.MERGED': '已合并', 'state.RETURNED': '已退回', 'state.SUSPENDED': '挂账',
  'task.SUMMONED': '待报到', 'task.REPORTED_IN': '已报到', 'task.ON_SITE': '已到场', 'task.DONE': '已办结',
  'task.DECLINED': '已退回',
  'level.STREET': '街道', 'level.DISTRICT': '县区', 'level.CITY': '市',
  'priority.URGENT': '紧急', 'priority.NORMAL': '一般',
  'clock.FILE': '受理', 'clock.REPORT_IN': '报到', 'clock.CONTACT_REPORTER': '先行联系', 'clock.RESOLVE': '办结',
  'clock.VERIFY': '核查', 'clock.FOLLOW_UP': '回访',
  'clockState.RUNNING': '计时中', 'clockState.PAUSED': '已暂停', 'clockState.STOPPED': '已停止',
  'clockState.EXPIRED': '已超时',
  dueBeijing: '截止 {t}（北京时间）', workingLeft: '剩余 {d}', workingOver: '已超出 {d}',
  workingHours: '{h} 个工作小时', workingMinutes: '{m} 分钟', countedWorking: '按工作时间计（夜间、周末、节假日不计）',
  countedRound: '全天计时', extendedBy: '已延期 {d}', approval: '（{by} 批准）',
  spanDays: '{n} 天', spanHours: '{n} 小时', spanMinutes: '{n} 分钟',
  'event.whistle-raised': '新吹哨', 'event.whistle-routed': '派遣', 'event.whistle-reported': '单位反馈',
  'event.whistle-closed': '结案', 'event.whistle-escalated': '督办/预警', 'event.whistle-feedback': '群众评价',
  // 双考核
  'page.ratings': '双考核', 'page.ratings.hint': '评价吹哨单位、处理申诉、书记考核报告',
  'rt.toGive': '待评价的单位', 'rt.appeals': '待裁定的申诉', 'rt.mine': '本单位收到的评价', 'rt.secretaries': '社区书记考核',
  'rt.unit': '被评价单位', 'rt.centre': '吹哨指挥中心', 'rt.partEnded': '结束方式与时间', 'rt.reportedInOnTime': '按时报到',
  'rt.cameOnSite': '到场', 'rt.stayedUntilDone': '事不完、人不撤', 'rt.quality': '处置质量', 'rt.score': '评分',
  'rt.quality.GOOD': '好', 'rt.quality.FAIR': '一般', 'rt.quality.POOR': '差', 'rt.rating': '评价', 'rt.appeal': '申诉',
  'rt.decision': '裁定', 'rt.appealReason': '申诉理由', 'rt.decidedScore': '改为评分（留空为维持原评价）',
  'rt.decisionLabel': '裁定结果', 'rt.yes': '是', 'rt.no': '否', 'rt.empty': '暂无', 'rt.saved': '已提交。',
  'rt.community': '社区', 'rt.secretary': '书记', 'rt.stars': '星级', 'rt.annual': '年度报告', 'rt.actions': '操作',
  // 年度评议 (党员进小区)
  'page.reviews': '年度评议', 'page.reviews.hint': '小区党支部评议在职党员，单位党组织打印、导出评议表',
  'rv.branchTitle': '评议本小区在职党员', 'rv.workplaceTitle': '单位党组织评议表', 'rv.compoundId': '小区编号',
  'rv.workplaceId': '单位党组织编号', 'rv.year': '年度', 'rv.name': '姓名', 'rv.phone': '联系电话', 'rv.compound': '报到小区',
  'rv.grid': '网格', 'rv.score': '年度积分', 'rv.tasks': '完成任务（项）', 'rv.hours': '服务时长（小时）', 'rv.grade': '评议等次',
  'rv.comment': '评议意见', 'rv.reviewer': '评议人（北京时间）', 'rv.doGrade': '评议', 'rv.regrade': '重新评议',
  'rv.saved': '已评议{name}。', 'rv.notGraded': '未评议', 'rv.noneToGrade': '本小区暂无已确认报到的在职党员。',
  'rv.noMembers': '该单位暂无已确认报到的在职党员。', 'rv.printTitle': '{org} {year} 年度在职党员进小区评议',
  'rv.grade.EXCELLENT': '优秀', 'rv.grade.COMPETENT': '合格', 'rv.grade.BASIC': '基本合格', 'rv.grade.INCOMPETENT': '不合格',
  'page.members': '党员进小区', 'page.members.hint': '报到、认领任务、签到服务、积分兑换',
  'mb.reportTitle': '到居住小区报到', 'mb.reportHint': '填写后由小区党支部确认并安排网格。',
  'mb.name': '姓名', 'mb.phone': '手机号', 'mb.kind': '身份', 'mb.kind.IN_SERVICE': '在职党员',
  'mb.kind.COMMUNITY': '社区党员', 'mb.kind.VOLUNTEER': '志愿者', 'mb.workplace': '单位党组织编号（在职党员填写）',
  'mb.skills': '特长', 'mb.teams': '愿意参加的服务队', 'mb.listHint': '多项用顿号隔开，如：助老、宣传',
  'mb.availability': '可服务时间', 'mb.compoundId': '小区编号', 'mb.address': '居住地址', 'mb.reportIn': '报到',
  'mb.reported': '已报到，请等待小区党支部确认。', 'mb.myCompound': '我的小区', 'mb.grid': '网格',
  'mb.gridPending': '待党支部安排', 'mb.reportedAt': '报到时间', 'mb.pendingHint': '小区党支部确认后即可认领任务。',
  'mb.moveHouse': '搬家了，转到新小区', 'mb.move': '转到新小区', 'mb.moved': '已向新小区报到，积分和记录随您转移，请等待确认。',
  'mb.tab.tasks': '任务', 'mb.tab.points': '我的积分', 'mb.tab.shop': '积分超市',
  'mb.openTasks': '本小区可认领的任务', 'mb.noOpenTasks': '暂时没有可认领的任务。', 'mb.points': '{n} 分',
  'mb.placesLeft': '还差 {n} 人', 'mb.claim': '认领', 'mb.claimed': '已认领“{title}”，等待发布人确认。',
  'mb.withdraw': '取消认领', 'mb.withdrawn': '已取消认领。', 'mb.myTasks': '我认领的任务', 'mb.noMyTasks': '还没有认领任务。',
  'mb.waitConfirm': '等待发布人确认。', 'mb.checkInTitle': '到现场签到', 'mb.locate': '获取我的位置',
  'mb.located': '已获取位置（{lat}，{lng}，精度约 {m} 米）', 'mb.takePhoto': '拍一张现场照片',
  'mb.photoChosen': '已选照片：{name}', 'mb.checkIn': '签到', 'mb.checkedIn': '已签到。',
  'mb.needLocation': '请先获取位置再签到', 'mb.needPhoto': '签到须拍一张现场照片',
  'mb.geo.denied': '没有位置权限，无法签到。请允许本页面使用位置：在微信里，点右上角“…”选择“在浏览器打开”，或在手机“设置 → 隐私 → 定位服务”中允许微信使用位置；在浏览器里，点地址栏左侧的图标，把“位置”改为允许。然后再点“获取我的位置”。',
  'mb.geo.unavailable': '手机暂时定不到位置，请打开手机的定位（GPS）并到开阔处再试。',
  'mb.geo.timeout': '定位超时，请到开阔处再点一次“获取我的位置”。',
  'mb.geo.none': '这个浏览器不能定位，请用手机自带浏览器或微信打开本页。',
  'mb.finishTitle': '完成服务', 'mb.evidence': '做了什么（完成情况）', 'mb.hours': '服务时长（小时）', 'mb.finish': '提交完成',
  'mb.finished': '已提交，等待审核，审核通过后记入积分。', 'mb.waitApproval': '已提交完成情况，等待审核。',
  'mb.myPoints': '{year} 年积分', 'mb.score': '当前积分', 'mb.spendable': '可兑换', 'mb.earned': '今年获得',
  'mb.history': '积分明细', 'mb.noEntries': '还没有积分记录。', 'mb.shop': '积分超市', 'mb.spendableNow': '您现在可兑换 {n} 分。',
  'mb.stock': '库存 {n}', 'mb.redeem': '兑换', 'mb.notEnough': '积分不足', 'mb.redeemed': '已兑换“{name}”，请到社区领取。',
  'mb.noItems': '本小区积分超市暂无商品。', 'mb.myRedemptions': '我的兑换', 'mb.noRedemptions': '还没有兑换记录。',
  // 党支部工作台 and 单位党组织 (members3)
  'page.branch': '党支部工作台', 'page.branch.hint': '确认报到、发布任务、审核积分、兑换交付、公示与评选',
  'page.workplace': '单位党组织', 'page.workplace.hint': '整建制报到：本单位党员的报到与参与情况、年度评议表',
  'br.compound': '小区', 'br.toReviews': '年度评议', 'br.toWorkplaces': '报到单位', 'br.noCompounds': '您的账号不管理任何小区。',
  'br.tab.members': '报到确认', 'br.tab.tasks': '任务与微心愿', 'br.tab.exchange': '积分超市', 'br.tab.disclosure': '季度公示',
  'br.tab.excellent': '优秀市民党员',
  'br.pendingTitle': '待确认的报到', 'br.noPending': '暂无待确认的报到。', 'br.reportedAt': '{at} 报到',
  'br.skills': '特长：{list}', 'br.availability': '可服务时间：{text}', 'br.grid': '网格', 'br.building': '楼栋',
  'br.noBuilding': '不指定楼栋', 'br.confirm': '确认报到', 'br.confirmed': '已确认{name}报到。',
  'br.declineReason': '不予确认的理由', 'br.decline': '不予确认', 'br.declined': '已告知{name}不予确认。',
  'br.confirmedTitle': '已报到的党员和志愿者（{n} 人）', 'br.noConfirmed': '本小区暂无已报到的党员和志愿者。',
  'br.name': '姓名', 'br.kind': '身份', 'br.phone': '联系电话', 'br.move': '调整网格、楼栋', 'br.reassign': '调整',
  'br.reassigned': '已调整{name}的网格、楼栋。',
  'br.publishTitle': '发布任务或微心愿', 'br.taskKind': '类别', 'br.kind.WISH': '微心愿', 'br.kind.GRID_TASK': '网格任务',
  'br.kind.EVENT': '志愿活动', 'br.title': '标题', 'br.description': '内容', 'br.place': '地点', 'br.startsAt': '开始时间',
  'br.endsAt': '结束时间', 'br.places': '需要人数', 'br.points': '积分', 'br.skills.label': '需要的特长（可不填）',
  'br.checkInRequired': '须到现场签到（定位在网格内并拍照）', 'br.beijingTime': '时间按北京时间填写。', 'br.publish': '发布',
  'br.published': '已发布“{title}”。', 'br.tasksTitle': '本小区的任务', 'br.noTasks': '本小区暂无任务。',
  'br.pointsN': '{n} 分', 'br.placesLeft': '还差 {n} 人（共 {of} 人）', 'br.member': '党员、志愿者', 'br.claimState': '状态',
  'br.evidence': '完成情况', 'br.hours': '服务时长（小时）', 'br.photos': '照片', 'br.noClaims': '还没有人认领。',
  'br.claimConfirm': '确认认领', 'br.claimDecline': '不通过', 'br.claimConfirmed': '已确认{name}认领“{title}”。',
  'br.claimDeclined': '已告知{name}认领未通过。', 'br.approve': '审核通过', 'br.approved': '已审核通过{name}的服务，积分已记入。',
  'br.noShow': '记为未到场', 'br.noShowDone': '已记{name}未到场。', 'br.showPhotos': '查看照片', 'br.photoOf': '{name}的现场照片',
  'br.cancelReason': '取消任务的理由', 'br.cancel': '取消任务', 'br.cancelled': '已取消“{title}”。',
  'br.redemptionsTitle': '兑换交付', 'br.noRedemptions': '暂无兑换。', 'br.item': '商品', 'br.cost': '所需积分',
  'br.requestedAt': '兑换时间', 'br.handOverState': '交付', 'br.handedOverBy': '{label}（{at}）', 'br.handOver': '已交付',
  'br.handedOver': '已记录{name}领取“{item}”。', 'br.catalogueTitle': '积分超市商品', 'br.noItems': '积分超市暂无商品。',
  'br.stock': '库存', 'br.onSale': '上架', 'br.restocked': '已更新“{name}”。', 'br.addItem': '添加商品',
  'br.itemDescription': '说明', 'br.merchant': '提供单位（可不填）', 'br.itemAdded': '已添加“{name}”。',
  'br.discloseTitle': '发布季度积分公示', 'br.quarter': '季度', 'br.quarterN': '第 {n} 季度', 'br.objectionDays': '异议期（天）',
  'br.disclose': '发布公示', 'br.disclosed': '已发布 {year} 年第 {quarter} 季度公示。',
  'br.disclosureOf': '{compound} {year} 年第 {quarter} 季度积分公示', 'br.window': '{at} 发布，异议期至 {until}',
  'br.party': '党员', 'br.volunteers': '志愿者', 'br.score': '积分', 'br.tasksDone': '完成任务（项）',
  'br.objections': '查看异议', 'br.noObjections': '没有人提出异议。', 'br.answer': '答复：{text}（{at}）',
  'br.answerLabel': '答复', 'br.doAnswer': '答复', 'br.answered': '已答复{name}的异议。', 'br.noDisclosures': '本小区尚未发布公示。',
  'br.excellentTitle': '评选优秀市民党员', 'br.excellentHint': '候选人：年度积分达到本市标准且无扣分的党员；由党支部确认。',
  'br.noCandidates': '该年度暂无符合条件的候选人。', 'br.select': '确认为优秀市民党员', 'br.isExcellent': '已确认',
  'br.selected': '已确认{name}为 {year} 年度优秀市民党员。',
  'wp.organisation': '单位党组织', 'wp.none': '您不是任何单位党组织的联络人，也不管理报到单位所在的小区。',
  'wp.reportsTo': '整建制报到至{compound}', 'wp.contact': '联络人 {name} {phone}', 'wp.firstSecretary': '第一书记 {name}',
  'wp.sheet': '年度评议表（打印）', 'wp.xlsx': '下载评议表（XLSX）', 'wp.reported': '已报到', 'wp.confirmed': '已确认',
  'wp.tasksDone': '完成任务（项）', 'wp.hours': '服务时长（小时）', 'wp.figuresTitle': '{year} 年参与情况',
  'wp.membersTitle': '报到情况', 'wp.state': '状态', 'wp.reportedAt': '报到时间（北京时间）', 'wp.gridPending': '待安排',
  'wp.noMembers': '本单位暂无党员报到。',
  'role.RESIDENT': '居民', 'role.GRID_WORKER': '网格员', 'role.PARTY_MEMBER': '党员', 'role.COMMUNITY_STAFF': '社区工作人员',
  'role.STREET_DISPATCHER': '街道调度员', 'role.DISTRICT_DISPATCHER': '县区调度员', 'role.CITY_DISPATCHER': '市调度员',
  'role.DEPARTMENT_OFFICER': '部门工作人员', 'role.DEPARTMENT_LEADER': '部门负责人', 'role.PROPERTY_STAFF': '物业工作人员',
  'role.LEADER': '领导', 'role.ADMINISTRATOR': '系统管理员',
  // 大屏 (screen.js)
  'page.screen': '大屏', 'page.screen.hint': '指挥中心墙面大屏：地图、实时动态、预警、趋势与排名',
  'screen.rates': '三率', 'screen.noRates': '本月考核数据暂未生成', 'screen.categories': '在办高发类别（最新 50 件）',
  'screen.onTime': '按期处置率', 'screen.satisfaction': '满意率', 'screen.noRanking': '本月排名暂未生成',
  'screen.partsRanking': '{level}排名', 'screen.partsRankingNone': '排名', 'screen.unitsRanking': '职能部门排名',
  'screen.trend': '近 7 天与 30 天走势', 'screen.trendSummary': '近 7 天受理 {r7} 件、结案 {c7} 件；近 30 天受理 {r30} 件、结案 {c30} 件',
  'screen.raised': '受理', 'screen.closed': '结案', 'screen.week': '近 7 天', 'screen.alarms': '超时预警',
  'screen.noAlarms': '暂无即将超时的工单', 'screen.waiting': '等待新的动态…', someCategory: '相关类别',
  // 部门工作台 in the field (unit.js)
  'unit.address': '地址', 'unit.navigate': '导航前往', 'unit.reporter': '反映人', 'unit.call': '拨打 {phone}',
  'unit.noCall': '无权查看完整号码，请联系指挥中心', 'unit.noPhone': '反映人未留电话', 'act.contacted': '先行联系',
  'unit.contactedNote': '联系情况（选填）', 'unit.previews': '待上传的照片', 'unit.dueSoonHint': '即将超时',
  // 我的吹哨, progress steps, emergency calls and the address under the pin (issue 23, ADR 0040)
  'rp.mine': '我的吹哨', 'rp.mineEmpty': '您还没有用这个账号吹过哨。', 'rp.more': '加载更多', 'rp.open': '查看进度',
  'rp.steps': '办理进度', 'rp.liveOpen': '进度实时更新中', 'rp.liveRetrying': '正在重新连接…',
  'rp.emergencyTitle': '紧急情况，请先打电话！', 'rp.emergencyText': '有火情、燃气泄漏、人员被困或受伤时，请立即拨打电话报警，打完电话再在这里吹哨。',
  'rp.call119': '火警 119', 'rp.call110': '报警 110', 'rp.call120': '急救 120', 'rp.urgentChosen': '已为您选为“紧急”。',
  'rp.place': '所选位置', 'rp.placeLooking': '正在查找这个位置的地址…', 'rp.placeUnknown': '这个位置不在本市的网格内，请写明地址。',
  'rp.useAsAddress': '用作详细地址',
  'screen.points': '最新 {n} 件未办结事件（红：超时，橙：紧急）', 'screen.pointsCluster': '{n} 件',
  'geo.denied': '没有位置权限，无法自动定位。请允许本页面使用位置：在微信里，点右上角“…”选择“在浏览器打开”，或在手机“设置 → 隐私 → 定位服务”中允许微信使用位置；在浏览器里，点地址栏左侧的图标，把“位置”改为允许。然后再点“获取我的位置”，或在地图上拖动图钉。',
  'geo.unavailable': '手机暂时定不到位置，请打开手机的定位（GPS）并到开阔处再试，或在地图上拖动图钉。',
  'geo.timeout': '定位超时，请到开阔处再点一次“获取我的位置”，或在地图上拖动图钉。',
  'geo.none': '这个浏览器不能定位，请用手机自带浏览器或微信打开本页，或在地图上拖动图钉。',
  // 指挥中心: 待处理、检索、导出、批量、超时与督办、结案确认
  'view.ACTION': '待处理', searchNumber: '按工单编号查找', searchText: '按地址或内容查找', search: '查找',
  searchPhone: '按来电号码查找', phoneFound: '该号码在本辖区吹哨 {n} 件', phoneNone: '本辖区没有用该号码吹的哨',
  phoneMore: '只列出最近 50 件', phoneNoTicket: '尚未立案', clearSearch: '清除', anyUnit: '全部单位',
  byUnit2: '承办单位', exportCsv: '导出 CSV', exportXlsx: '导出 Excel', timeLeft: '剩余时限', noClock: '—',
  selectTicket: '选择 {n}', selectAll: '全选本页', selectedCount: '已选 {n} 张',
  'bulk.FILE': '批量受理', 'bulk.SUMMON': '批量派哨', 'bulk.CLOSE': '批量结案', bulkDone: '完成 {done} 张，未完成 {refused} 张',
  bulkCloseConfirm: '确认将所选 {n} 张工单结案？已核查的工单将结案，其余工单保持原状并说明原因。',
  overdueList: '超时与临期', overdueHint: '按剩余时限排列：琥珀色为即将到期，红色为已超时；含尚未受理的哨情。',
  noOverdue: '本页工单暂无超时或临期的时限', dueIn: '剩余 {t}',
  closeConfirmTitle: '确认结案', closeConfirm: '结案后工单办结闭环，如需再办须返工。',
  followUpStillOpen: '报告人尚未回访答复：结案后将以“已解决”结案，报告人之后的回访仍会记录。',
  coUnitsWillSettle: '{n} 个协办单位尚未报到，结案时其召集随案了结。',
  settled: '随案了结（未报到）', someTicket: '所选工单',
};

const en = {
  app: 'Whistle', language: '中文', signIn: 'Sign in', signOut: 'Sign out', home: 'Home', anonymous: 'Not signed in',
  loading: 'Loading…', retry: 'Retry', cancel: 'Cancel', confirm: 'Confirm', close: 'Close', none: 'None',
  save: 'Submit', refresh: 'Refresh', error: 'Something went wrong', forbidden: 'Your role may not see this page.',
  needSignIn: 'Please sign in first.',
  'page.home': 'Home', 'page.whistle': 'Raise a whistle', 'page.track': 'Track a whistle', 'page.command': 'Command centre',
  'page.unit': 'Unit work queue', 'page.whistle.hint': 'Spot a problem, take a photo, report it',
  'page.track.hint': 'Follow the handling and rate the result', 'page.command.hint': 'File, summon, supervise, verify',
  'page.unit.hint': 'Report in, go on site, report the result',
  'page.evaluation': 'Evaluation', 'page.evaluation.hint': 'Rates, on-time handling, rankings and red/black lists',
  'eval.period': 'Period', 'eval.level': 'Rank', 'eval.within': 'Within', 'eval.by': 'Rank by', 'eval.print': 'Print report',
  'eval.ranking': ' ranking', 'eval.rank': 'Rank', 'eval.name': 'Name', 'eval.movement': 'Movement',
  'eval.pop': 'vs previous period', 'eval.yoy': 'vs a year before', 'eval.composite': 'Composite score',
  'eval.unranked': 'No data', 'eval.red': 'Red list (top {n})', 'eval.black': 'Black list (bottom {n})',
  'eval.asOf': 'Figures as of', 'eval.pending': '{n} adjustment(s) pending', 'eval.rate': 'Indicator',
  'eval.value': 'Value', 'eval.numerator': 'Numerator (click for the cases)', 'eval.denominator': 'Denominator',
  'eval.duration': 'Time taken', 'eval.mean': 'Mean', 'eval.p90': '90% of cases within', 'eval.trend': 'Last six periods',
  'eval.place': 'Place', 'eval.lead': 'Unit', 'eval.due': 'Due', 'eval.done': 'Done', 'eval.onTime': 'On time?',
  'eval.clock': 'Deciding clock', 'eval.answer': 'Follow-up answer', 'eval.exempt': 'Not counted because',
  'eval.disclosure': 'Public disclosure', 'eval.disclosure.path': 'Anyone may read the published periods without signing in ({path})',
  'eval.disclosure.on': 'Disclose to the public', 'eval.disclosure.off': 'Stop disclosing', 'eval.disclosure.reason': 'Reason',
  'eval.disclosure.when': 'When', 'eval.disclosure.who': 'By', 'eval.disclosure.what': 'Set to',
  'evalTile': 'Evaluation', 'evalTile.trend': 'Last {n} months', 'evalTile.more': 'Open evaluation',
  'evalTile.unavailable': 'Evaluation figures unavailable: {reason}',
  'eval.level.DISTRICT': 'Districts', 'eval.level.STREET': 'Streets', 'eval.level.COMMUNITY': 'Communities',
  'eval.level.GRID': 'Grids', 'eval.level.DEPARTMENT': 'Departments', 'eval.level.UTILITY': 'Utilities',
  'eval.level.PROPERTY_COMPANY': 'Property companies', 'eval.by.COMPOSITE': 'Composite score',
  'eval.by.ON_TIME_HANDLING': 'On-time handling', 'eval.by.HANDLING': 'Handling', 'eval.by.CLOSURE': 'Closure',
  'eval.by.ON_TIME_CLOSURE': 'On-time closure', 'eval.by.RESPONSE': 'Response', 'eval.by.RESOLUTION': 'Resolution',
  'eval.by.SATISFACTION': 'Satisfaction', 'eval.by.REPORT_IN': 'Report-in', 'eval.by.REWORK': 'Rework',
  'eval.by.OVERDUE_PENDING': 'Overdue pending', 'eval.by.EXTENSION': 'Extension',
  'page.keys': 'Open311 keys', 'page.keys.hint': 'Issue and revoke Open311 API keys for client systems',
  'keys.issueTitle': 'Issue a key', 'keys.hint': 'One key per client system (the 12345 hotline platform, a district\'s city management system), to report through Open311 and read descriptions.',
  'keys.client': 'Client system', 'keys.clientHint': 'The system that uses this key, up to 100 characters', 'keys.issue': 'Issue',
  'keys.issued': 'Key issued for “{client}”:', 'keys.shownOnce': 'The key is shown this once; the platform keeps only its hash. Copy it now and hand it over.',
  'keys.listTitle': 'Keys issued', 'keys.prefix': 'Key begins', 'keys.created': 'Issued', 'keys.lastUsed': 'Last used',
  'keys.state': 'State', 'keys.neverUsed': 'Not used yet', 'keys.revoke': 'Revoke', 'keys.revokedAt': 'Revoked {at}',
  'keys.confirmRevoke': 'Revoke the key of “{client}”? That system can no longer report.', 'keys.none': 'No keys issued yet.',
  category: 'Category', chooseCategory: 'Choose a category', description: 'Description',
  descriptionHint: 'Where is it and what is wrong (at most 2000 characters)', evidence: 'Photos or video',
  takePhoto: 'Take photo/video', chooseFiles: 'Choose from gallery', removeFile: 'Remove', location: 'Location',
  locate: 'Use my location', locating: 'Locating…', locationDeclared: 'Coordinates: WGS-84 (satellite positioning)',
  dragPin: 'Drag the pin on the map to adjust', manualLocation: 'Enter coordinates', latitude: 'Latitude',
  longitude: 'Longitude', address: 'Address (optional)', located: 'Located', accuracy: 'accurate to about {m} m',
  locationFailed: 'Could not locate: {reason}. Drag the pin or enter coordinates.',
  urgent: 'Urgent (danger to people or property)', phone: 'Mobile number (optional, to track and be asked back)',
  phoneHint: 'With a number, the tracking code and the number open your whistle',
  nearbyTitle: 'The same problem nearby', nearbyHint: 'If it is the same problem, join it instead of raising another.',
  metres: '{n} m', supports: '{n} reports', joinThis: 'Me too — join this one', joined: 'Your report was added. Thank you!',
  submit: 'Blow the whistle', submitting: 'Sending…',
  offlineRetry: 'The network is poor; retrying in {s} s (attempt {n}). It will not be sent twice.',
  retryNow: 'Retry now', submitted: 'Whistle raised', trackingCode: 'Tracking code',
  keepCode: 'Keep the tracking code to follow and rate the handling.', trackIt: 'Track it',
  raiseAnother: 'Raise another', required: 'Please fill in: {what}', chooseLocation: 'Locate or place the pin first',
  trackTitle: 'Track a whistle', query: 'Look up', reporterPhone: 'The mobile number you gave',
  notFound: 'Not found: check the code and the number.', status: 'Status', ticketNumber: 'Case number',
  raisedAt: 'Raised', timeline: 'Handling', photos: 'Photos sent', resultPhotos: 'Photos of the result',
  rateTitle: 'Rate the result', rating: 'Satisfaction', resolvedQuestion: 'Is the problem fixed?', yes: 'Fixed',
  no: 'Not fixed', comment: 'Comment (optional)', rate: 'Send rating', rated: 'Rated. Thank you for your feedback.',
  notYetRatable: 'You can rate once it is resolved.', 'rating.SATISFIED': 'Satisfied',
  'rating.BASICALLY_SATISFIED': 'Mostly satisfied', 'rating.DISSATISFIED': 'Dissatisfied',
  scope: 'Area', centre: 'Command centre', liveFeed: 'Live feed', liveOpen: 'Live', liveRetrying: 'Reconnecting…',
  openTickets: 'Open tickets', byState: 'By state', byLevel: 'By level', overdue: 'Overdue', dueSoon: 'Due soon',
  running: 'Running', paused: 'Paused', raisedToday: 'Raised today', closedToday: 'Closed today',
  onTimeRate: 'On-time rate (open)', onTimeHint: 'clocks not overdue ÷ all outstanding clocks (overdue included)',
  todayChart: 'Raised and closed today', byStreet: 'Open by street', byUnit: 'Open tasks by unit', map: 'Grid map',
  mapNoTiles: 'No base map configured: grid boundaries only.', queue: 'Tickets', allStates: 'All',
  noTickets: 'No tickets', openCount: '{n}', detail: 'Ticket', whistleDetail: 'The whistle', clocks: 'Deadlines',
  due: 'Due', remaining: 'Remaining', overdueBy: 'overdue by {t}', tasks: 'Summoned units', lead: 'lead', leadMark: ' (lead)', someUnit: 'the unit concerned', someArea: 'the area concerned',
  proposal: 'Routing proposal', proposalWhy: 'Why', actions: 'Actions', reason: 'Reason', note: 'Note',
  'act.file': 'File', 'act.reject': 'Reject', 'act.merge': 'Merge', 'act.summon': 'Summon units',
  'act.transfer': 'Transfer', 'act.approve': 'Approve extension', 'act.refuse': 'Refuse extension',
  'act.verifyPass': 'Verified', 'act.verifyFail': 'Verification failed', 'act.close': 'Close', 'act.reopen': 'Reopen',
  'hotline.title': 'Hotline intake', 'hotline.address': 'Address the caller gives', 'hotline.addressHint': 'E.g. 建华区将军府小区2号楼; grids are proposed from place names — check with the caller, then confirm one.',
  'hotline.propose': 'Propose grids', 'hotline.proposals': 'Proposed grids (confirm one)', 'hotline.noProposal': 'No place name matched; ask for the street, community or compound.',
  'hotline.needAddress': 'Enter the address first.', 'hotline.category': 'Category', 'hotline.description': 'What the caller says', 'hotline.phone': 'Caller\'s phone',
  'hotline.urgency': 'Urgency', 'hotline.normal': 'Normal', 'hotline.urgent': 'Urgent', 'hotline.raise': 'Raise in the confirmed grid',
  'hotline.raised': 'Raised in {grid}, for {street}.',
  'act.followUp': 'Record phone follow-up',
  followUpHint: 'Asked the reporter by phone: record their answer for this round (one answer counts per round).',
  'act.supervise': 'Supervision order', 'act.remind': 'Reminder', 'act.pullUp': 'Take over (pull up)',
  'act.handDown': 'Hand down', 'act.withdraw': 'Withdraw', 'act.lead': 'Replace the lead',
  'act.verifyWithPhotos': 'Verified, with photos', dueBy: 'New deadline (Beijing time)',
  inspectionPhotos: 'Inspection photos', supervisionCount: '{n} supervision orders', photoCount: '{n} photos',
  mergeInto: 'Merge into', leadUnit: 'Lead unit', coUnits: 'Co-handling units', targetCentre: 'Transfer to',
  targetLevel: 'Level', useProposal: 'Use proposal', done: 'Done', readOnly: 'Read only (leader view)',
  extensionRequests: 'Extension requests', chainBroken: 'Timeline check failed: {p}',
  myQueue: 'My tasks', unitLabel: 'Unit', noTasks: 'Nothing to do', summonedAt: 'Summoned', countdown: 'Time left',
  'act.reportIn': 'Report in', 'act.onSite': 'On site', 'act.progress': 'Report progress', 'act.done': 'Done',
  'act.decline': 'Decline', 'act.extension': 'Request extension', resultNote: 'Result', resultPhotos2: 'Photos of the result',
  extraHours: 'Extra time (hours)', clock: 'Clock', evidenceRequired: 'Done needs a photo of the result',
  'action.RAISE': 'Raised', 'action.FILE': 'Filed', 'action.REJECT': 'Rejected', 'action.MERGE': 'Merged',
  'action.SET_PRIORITY': 'Priority changed', 'action.RECATEGORISE': 'Recategorised', 'action.SUMMON': 'Units summoned',
  'action.TRANSFER': 'Transferred', 'action.APPROVE_EXTENSION': 'Extension approved',
  'action.REFUSE_EXTENSION': 'Extension refused', 'action.SUSPEND': 'Suspended', 'action.RESUME': 'Resumed',
  'action.VERIFY_PASS': 'Verified', 'action.VERIFY_FAIL': 'Verification failed', 'action.CLOSE': 'Closed',
  'action.REOPEN': 'Reopened', 'action.RAISE_LEVEL': 'Escalated', 'action.REPORT_IN': 'Reported in',
  'action.ON_SITE': 'On site', 'action.PROGRESS': 'Progress', 'action.CONTACTED_REPORTER': 'Reporter contacted',
  'action.DONE': 'Done', 'action.DECLINE': 'Declined', 'action.REQUEST_EXTENSION': 'Extension requested',
  'action.RETURN': 'Returned to the centre',
  'action.FOLLOW_UP_RESOLVED': 'Follow-up: resolved', 'action.FOLLOW_UP_NOT_RESOLVED': 'Follow-up: not resolved',
  'action.FOLLOW_UP_IGNORED': 'Follow-up (not counted this round)',
  'action.SUPERVISE': 'Supervision order', 'action.REMIND': 'Reminder', 'action.PULL_UP': 'Taken over by the level above',
  'action.HAND_DOWN': 'Handed down', 'action.WITHDRAW_UNIT': 'Unit withdrawn', 'action.REPLACE_LEAD': 'Lead replaced',
  'action.MERGED_IN': 'Duplicate merged in',
  'state.RAISED': 'Raised', 'state.FILED': 'Filed', 'state.DISPATCHED': 'Dispatched', 'state.IN_PROGRESS': 'In progress',
  'state.RESOLVED': 'Resolved', 'state.VERIFIED': 'Verified', 'state.CLOSED': 'Closed', 'state.REJECTED': 'Rejected',
  'state.MERGED': 'Merged', 'state.RETURNED': 'Returned', 'state.SUSPENDED': 'Suspended',
  'task.SUMMONED': 'Summoned', 'task.REPORTED_IN': 'Reported in', 'task.ON_SITE': 'On site', 'task.DONE': 'Done',
  'task.DECLINED': 'Declined',
  'level.STREET': 'Street', 'level.DISTRICT': 'District', 'level.CITY': 'City',
  'priority.URGENT': 'Urgent', 'priority.NORMAL': 'Normal',
  'clock.FILE': 'File', 'clock.REPORT_IN': 'Report in', 'clock.CONTACT_REPORTER': 'Contact reporter',
  'clock.RESOLVE': 'Resolve', 'clock.VERIFY': 'Verify', 'clock.FOLLOW_UP': 'Follow-up',
  'clockState.RUNNING': 'Running', 'clockState.PAUSED': 'Paused', 'clockState.STOPPED': 'Stopped',
  'clockState.EXPIRED': 'Expired',
  dueBeijing: 'due {t} (Beijing time)', workingLeft: '{d} left', workingOver: 'over by {d}',
  workingHours: '{h} working hours', workingMinutes: '{m} min', countedWorking: 'in working time (nights, weekends and holidays do not count)',
  countedRound: 'round the clock', extendedBy: 'extended by {d}', approval: ' (approved: {by})',
  spanDays: '{n} d', spanHours: '{n} h', spanMinutes: '{n} min',
  'event.whistle-raised': 'New whistle', 'event.whistle-routed': 'Routed', 'event.whistle-reported': 'Unit report',
  'event.whistle-closed': 'Closed', 'event.whistle-escalated': 'Supervision/warning', 'event.whistle-feedback': 'Rating',
  // 双考核
  'page.ratings': 'Dual appraisal', 'page.ratings.hint': 'Rate summoned units, decide appeals, secretary reports',
  'rt.toGive': 'Units to rate', 'rt.appeals': 'Appeals to decide', 'rt.mine': 'Ratings of my unit',
  'rt.secretaries': 'Community secretaries', 'rt.unit': 'Unit rated', 'rt.centre': 'Summoning centre',
  'rt.partEnded': 'How and when it ended', 'rt.reportedInOnTime': 'Reported in on time', 'rt.cameOnSite': 'Came on site',
  'rt.stayedUntilDone': 'Stayed until done', 'rt.quality': 'Quality', 'rt.score': 'Score', 'rt.quality.GOOD': 'Good',
  'rt.quality.FAIR': 'Fair', 'rt.quality.POOR': 'Poor', 'rt.rating': 'Rate', 'rt.appeal': 'Appeal',
  'rt.decision': 'Decide', 'rt.appealReason': 'Reason for the appeal',
  'rt.decidedScore': 'New score (empty to uphold the rating)', 'rt.decisionLabel': 'Decision', 'rt.yes': 'Yes',
  'rt.no': 'No', 'rt.empty': 'Nothing here', 'rt.saved': 'Submitted.', 'rt.community': 'Community',
  'rt.secretary': 'Secretary', 'rt.stars': 'Stars', 'rt.annual': 'Annual report', 'rt.actions': 'Actions',
  // year-end review (party members in compounds)
  'page.reviews': 'Year-end review', 'page.reviews.hint': 'Branches grade in-service members; workplaces print and export',
  'rv.branchTitle': 'Grade the compound\'s in-service members', 'rv.workplaceTitle': 'Workplace organisation\'s review sheet',
  'rv.compoundId': 'Compound code', 'rv.workplaceId': 'Workplace organisation code', 'rv.year': 'Year', 'rv.name': 'Name',
  'rv.phone': 'Phone', 'rv.compound': 'Compound', 'rv.grid': 'Grid', 'rv.score': 'Points this year',
  'rv.tasks': 'Tasks done', 'rv.hours': 'Hours served', 'rv.grade': 'Grade', 'rv.comment': 'Comment',
  'rv.reviewer': 'Graded by (Beijing time)', 'rv.doGrade': 'Grade', 'rv.regrade': 'Grade again',
  'rv.saved': '{name} graded.', 'rv.notGraded': 'Not graded', 'rv.noneToGrade': 'No confirmed in-service members here yet.',
  'rv.noMembers': 'No confirmed in-service members of this organisation yet.',
  'rv.printTitle': '{org}: {year} year-end review of in-service party members', 'rv.grade.EXCELLENT': 'Excellent',
  'rv.grade.COMPETENT': 'Competent', 'rv.grade.BASIC': 'Basically competent', 'rv.grade.INCOMPETENT': 'Incompetent',
  'page.members': 'Members in the community', 'page.members.hint': 'Report in, claim tasks, check in, spend points',
  'mb.reportTitle': 'Report in to your compound', 'mb.reportHint': 'The compound\'s party branch confirms you and assigns a grid.',
  'mb.name': 'Name', 'mb.phone': 'Mobile number', 'mb.kind': 'You are', 'mb.kind.IN_SERVICE': 'In-service party member',
  'mb.kind.COMMUNITY': 'Community party member', 'mb.kind.VOLUNTEER': 'Volunteer',
  'mb.workplace': 'Workplace party organisation code (in-service members)',
  'mb.skills': 'Skills', 'mb.teams': 'Service teams you would join', 'mb.listHint': 'Separate with commas, e.g. elderly care, publicity',
  'mb.availability': 'When you can serve', 'mb.compoundId': 'Compound code', 'mb.address': 'Home address', 'mb.reportIn': 'Report in',
  'mb.reported': 'Reported in; the compound\'s branch will confirm you.', 'mb.myCompound': 'My compound', 'mb.grid': 'Grid',
  'mb.gridPending': 'to be assigned by the branch', 'mb.reportedAt': 'Reported in', 'mb.pendingHint': 'You can claim tasks once the branch confirms you.',
  'mb.moveHouse': 'Moved house? Transfer', 'mb.move': 'Transfer', 'mb.moved': 'Reported in to the new compound; your points and record move with you.',
  'mb.tab.tasks': 'Tasks', 'mb.tab.points': 'My points', 'mb.tab.shop': 'Points shop',
  'mb.openTasks': 'Open tasks in my compound', 'mb.noOpenTasks': 'No open tasks right now.', 'mb.points': '{n} points',
  'mb.placesLeft': '{n} places left', 'mb.claim': 'Claim', 'mb.claimed': 'Claimed “{title}”; waiting for the publisher to confirm.',
  'mb.withdraw': 'Withdraw', 'mb.withdrawn': 'Claim withdrawn.', 'mb.myTasks': 'My tasks', 'mb.noMyTasks': 'No tasks claimed yet.',
  'mb.waitConfirm': 'Waiting for the publisher to confirm.', 'mb.checkInTitle': 'Check in on site', 'mb.locate': 'Get my location',
  'mb.located': 'Location found ({lat}, {lng}, about {m} m)', 'mb.takePhoto': 'Take a photo on site',
  'mb.photoChosen': 'Photo: {name}', 'mb.checkIn': 'Check in', 'mb.checkedIn': 'Checked in.',
  'mb.needLocation': 'Get your location before checking in', 'mb.needPhoto': 'A check-in needs a photo taken on site',
  'mb.geo.denied': 'No permission to use your location, so you cannot check in. Allow it: in WeChat tap “…” at the top right and open the page in the browser, or allow WeChat to use location in the phone\'s Settings → Privacy → Location Services; in a browser tap the icon left of the address and allow Location. Then tap “Get my location” again.',
  'mb.geo.unavailable': 'The phone cannot find its position now: turn on location (GPS) and try again in the open.',
  'mb.geo.timeout': 'Locating took too long: step into the open and tap “Get my location” again.',
  'mb.geo.none': 'This browser cannot locate you: open the page in the phone\'s browser or in WeChat.',
  'mb.finishTitle': 'Finish', 'mb.evidence': 'What you did', 'mb.hours': 'Hours served', 'mb.finish': 'Submit',
  'mb.finished': 'Submitted; points follow once approved.', 'mb.waitApproval': 'Submitted; waiting for approval.',
  'mb.myPoints': 'Points in {year}', 'mb.score': 'Score', 'mb.spendable': 'Spendable', 'mb.earned': 'Earned this year',
  'mb.history': 'History', 'mb.noEntries': 'No points yet.', 'mb.shop': 'Points shop', 'mb.spendableNow': 'You can spend {n} points.',
  'mb.stock': '{n} in stock', 'mb.redeem': 'Redeem', 'mb.notEnough': 'Not enough points', 'mb.redeemed': 'Redeemed “{name}”; collect it at the community.',
  'mb.noItems': 'Nothing in this compound\'s shop yet.', 'mb.myRedemptions': 'My redemptions', 'mb.noRedemptions': 'No redemptions yet.',
  // the branch's page and the workplace organisation's page (members3)
  'page.branch': 'Party branch desk', 'page.branch.hint': 'Confirm members, publish tasks, approve points, hand over, publish',
  'page.workplace': 'Workplace organisation', 'page.workplace.hint': 'Your members\' report-in and participation; year-end sheet',
  'br.compound': 'Compound', 'br.toReviews': 'Year-end review', 'br.toWorkplaces': 'Workplaces', 'br.noCompounds': 'Your account manages no compound.',
  'br.tab.members': 'Report-ins', 'br.tab.tasks': 'Tasks and wishes', 'br.tab.exchange': 'Points shop', 'br.tab.disclosure': 'Quarterly publication',
  'br.tab.excellent': 'Excellent members',
  'br.pendingTitle': 'Waiting for confirmation', 'br.noPending': 'Nobody is waiting.', 'br.reportedAt': 'reported in {at}',
  'br.skills': 'skills: {list}', 'br.availability': 'available: {text}', 'br.grid': 'Grid', 'br.building': 'Building',
  'br.noBuilding': 'No building', 'br.confirm': 'Confirm', 'br.confirmed': '{name} confirmed.',
  'br.declineReason': 'Reason for declining', 'br.decline': 'Decline', 'br.declined': '{name} declined.',
  'br.confirmedTitle': 'Confirmed members and volunteers ({n})', 'br.noConfirmed': 'No confirmed members yet.',
  'br.name': 'Name', 'br.kind': 'Kind', 'br.phone': 'Phone', 'br.move': 'Grid and building', 'br.reassign': 'Move',
  'br.reassigned': '{name} moved.',
  'br.publishTitle': 'Publish a task or micro-wish', 'br.taskKind': 'Kind', 'br.kind.WISH': 'Micro-wish', 'br.kind.GRID_TASK': 'Grid task',
  'br.kind.EVENT': 'Volunteer event', 'br.title': 'Title', 'br.description': 'Description', 'br.place': 'Place', 'br.startsAt': 'Starts',
  'br.endsAt': 'Ends', 'br.places': 'People needed', 'br.points': 'Points', 'br.skills.label': 'Skills needed (optional)',
  'br.checkInRequired': 'On-site check-in required (location in the grid and a photo)', 'br.beijingTime': 'Times are Beijing time.', 'br.publish': 'Publish',
  'br.published': '“{title}” published.', 'br.tasksTitle': 'The compound\'s tasks', 'br.noTasks': 'No tasks yet.',
  'br.pointsN': '{n} points', 'br.placesLeft': '{n} of {of} places left', 'br.member': 'Member', 'br.claimState': 'State',
  'br.evidence': 'Work done', 'br.hours': 'Hours served', 'br.photos': 'Photos', 'br.noClaims': 'Nobody has claimed it yet.',
  'br.claimConfirm': 'Confirm', 'br.claimDecline': 'Decline', 'br.claimConfirmed': '{name} confirmed for “{title}”.',
  'br.claimDeclined': '{name}\'s claim declined.', 'br.approve': 'Approve', 'br.approved': '{name}\'s work approved; points granted.',
  'br.noShow': 'Record no-show', 'br.noShowDone': '{name} recorded as a no-show.', 'br.showPhotos': 'Show photos', 'br.photoOf': 'Photo by {name}',
  'br.cancelReason': 'Reason for cancelling', 'br.cancel': 'Cancel task', 'br.cancelled': '“{title}” cancelled.',
  'br.redemptionsTitle': 'Hand-over', 'br.noRedemptions': 'No redemptions.', 'br.item': 'Item', 'br.cost': 'Points',
  'br.requestedAt': 'Redeemed', 'br.handOverState': 'Hand-over', 'br.handedOverBy': '{label} ({at})', 'br.handOver': 'Handed over',
  'br.handedOver': '{name} received “{item}”.', 'br.catalogueTitle': 'Shop items', 'br.noItems': 'No items yet.',
  'br.stock': 'Stock', 'br.onSale': 'On sale', 'br.restocked': '“{name}” updated.', 'br.addItem': 'Add item',
  'br.itemDescription': 'Description', 'br.merchant': 'Provided by (optional)', 'br.itemAdded': '“{name}” added.',
  'br.discloseTitle': 'Publish the quarter\'s points', 'br.quarter': 'Quarter', 'br.quarterN': 'Q{n}', 'br.objectionDays': 'Objection window (days)',
  'br.disclose': 'Publish', 'br.disclosed': '{year} Q{quarter} published.',
  'br.disclosureOf': '{compound}: points of {year} Q{quarter}', 'br.window': 'published {at}, objections until {until}',
  'br.party': 'Party members', 'br.volunteers': 'Volunteers', 'br.score': 'Points', 'br.tasksDone': 'Tasks done',
  'br.objections': 'Objections', 'br.noObjections': 'No objections.', 'br.answer': 'Answer: {text} ({at})',
  'br.answerLabel': 'Answer', 'br.doAnswer': 'Answer', 'br.answered': '{name}\'s objection answered.', 'br.noDisclosures': 'Nothing published yet.',
  'br.excellentTitle': 'Select excellent citizen party members', 'br.excellentHint': 'Candidates: party members at the city\'s threshold without deductions; the branch confirms.',
  'br.noCandidates': 'No candidates this year.', 'br.select': 'Confirm as excellent', 'br.isExcellent': 'Confirmed',
  'br.selected': '{name} confirmed as an excellent citizen party member of {year}.',
  'wp.organisation': 'Workplace organisation', 'wp.none': 'You are no workplace organisation\'s contact and manage no compound they report to.',
  'wp.reportsTo': 'reports as a whole to {compound}', 'wp.contact': 'contact {name} {phone}', 'wp.firstSecretary': 'first secretary {name}',
  'wp.sheet': 'Year-end sheet (print)', 'wp.xlsx': 'Download sheet (XLSX)', 'wp.reported': 'Reported in', 'wp.confirmed': 'Confirmed',
  'wp.tasksDone': 'Tasks done', 'wp.hours': 'Hours served', 'wp.figuresTitle': 'Participation in {year}',
  'wp.membersTitle': 'Report-in', 'wp.state': 'State', 'wp.reportedAt': 'Reported (Beijing time)', 'wp.gridPending': 'to be assigned',
  'wp.noMembers': 'None of your members has reported in yet.',
  'role.RESIDENT': 'Resident', 'role.GRID_WORKER': 'Grid worker', 'role.PARTY_MEMBER': 'Party member',
  'role.COMMUNITY_STAFF': 'Community staff', 'role.STREET_DISPATCHER': 'Street dispatcher',
  'role.DISTRICT_DISPATCHER': 'District dispatcher', 'role.CITY_DISPATCHER': 'City dispatcher',
  'role.DEPARTMENT_OFFICER': 'Department officer', 'role.DEPARTMENT_LEADER': 'Department leader',
  'role.PROPERTY_STAFF': 'Property staff', 'role.LEADER': 'Leader', 'role.ADMINISTRATOR': 'Administrator',
  // 大屏 (screen.js)
  'page.screen': 'Wall screen', 'page.screen.hint': 'The command centre\'s wall: map, live feed, alarms, trends, rankings',
  'screen.rates': 'Key rates', 'screen.noRates': 'This month\'s figures are not ready yet',
  'screen.categories': 'Top categories (newest 50 open)', 'screen.onTime': 'On-time handling',
  'screen.satisfaction': 'Satisfaction', 'screen.noRanking': 'This month\'s ranking is not ready yet',
  'screen.partsRanking': 'Ranking of {level}', 'screen.partsRankingNone': 'Ranking', 'screen.unitsRanking': 'Ranking of departments',
  'screen.trend': 'Last 7 and 30 days', 'screen.trendSummary': 'Last 7 days: {r7} raised, {c7} closed; last 30 days: {r30} raised, {c30} closed',
  'screen.raised': 'Raised', 'screen.closed': 'Closed', 'screen.week': 'Last 7 days', 'screen.alarms': 'Deadline alarms',
  'screen.noAlarms': 'No ticket is close to its deadline', 'screen.waiting': 'Waiting for news…', someCategory: 'the category concerned',
  // 部门工作台 in the field (unit.js)
  'unit.address': 'Address', 'unit.navigate': 'Navigate there', 'unit.reporter': 'Reporter', 'unit.call': 'Call {phone}',
  'unit.noCall': 'You may not see the full number; ask the command centre', 'unit.noPhone': 'The reporter left no phone',
  'act.contacted': 'Contacted the reporter', 'unit.contactedNote': 'How it went (optional)',
  'unit.previews': 'Photos to upload', 'unit.dueSoonHint': 'due soon',
  'rp.mine': 'My whistles', 'rp.mineEmpty': 'You have not raised a whistle with this account yet.', 'rp.more': 'Load more',
  'rp.open': 'See progress', 'rp.steps': 'Progress', 'rp.liveOpen': 'Progress updates live', 'rp.liveRetrying': 'Reconnecting…',
  'rp.emergencyTitle': 'An emergency: call first!', 'rp.emergencyText': 'For a fire, a gas leak, or anyone trapped or hurt, call now; raise the whistle here after the call.',
  'rp.call119': 'Fire 119', 'rp.call110': 'Police 110', 'rp.call120': 'Ambulance 120', 'rp.urgentChosen': 'Marked as urgent for you.',
  'rp.place': 'Chosen place', 'rp.placeLooking': 'Looking up the address of this place…', 'rp.placeUnknown': 'No grid of the city covers this place: please write the address.',
  'rp.useAsAddress': 'Use as the address',
  'screen.points': 'the newest {n} open events (red: overdue, orange: urgent)', 'screen.pointsCluster': '{n}',
  'geo.denied': 'No permission to use your location. Allow it: in WeChat tap “…” at the top right and open the page in the browser, or allow WeChat to use location in the phone\'s Settings → Privacy → Location Services; in a browser tap the icon left of the address and allow Location. Then tap “Get my location” again, or drag the pin on the map.',
  'geo.unavailable': 'The phone cannot find its position now: turn on location (GPS), move into the open and try again, or drag the pin.',
  'geo.timeout': 'Locating took too long: move into the open and tap “Get my location” again, or drag the pin.',
  'geo.none': 'This browser cannot locate you: open the page in the phone\'s browser or in WeChat, or drag the pin.',
  'view.ACTION': 'Needs action', searchNumber: 'Find by ticket number', searchText: 'Find by address or words', search: 'Find',
  searchPhone: 'Find by caller\'s phone number', phoneFound: '{n} whistle(s) raised with this number in your area',
  phoneNone: 'No whistle raised with this number in your area', phoneMore: 'Only the latest 50 are listed',
  phoneNoTicket: 'Not yet filed', clearSearch: 'Clear', anyUnit: 'All units',
  byUnit2: 'Summoned unit', exportCsv: 'Export CSV', exportXlsx: 'Export Excel', timeLeft: 'Time left', noClock: '—',
  selectTicket: 'Select {n}', selectAll: 'Select this page', selectedCount: '{n} selected',
  'bulk.FILE': 'File selected', 'bulk.SUMMON': 'Summon for selected', 'bulk.CLOSE': 'Close selected', bulkDone: '{done} done, {refused} not done',
  bulkCloseConfirm: 'Close the {n} selected tickets? Verified tickets close; the others stay as they are, with the reason.',
  overdueList: 'Overdue and due soon', overdueHint: 'By time left: amber is due soon, red is overdue; whistles not yet filed included.',
  noOverdue: 'Nothing on this page is overdue or due soon', dueIn: '{t} left',
  closeConfirmTitle: 'Confirm closing', closeConfirm: 'Closing ends the loop; more work needs a reopen.',
  followUpStillOpen: 'The reporter has not answered the follow-up: the ticket closes as resolved; a later answer is still recorded.',
  coUnitsWillSettle: '{n} co-handling unit(s) have not reported in; their summons ends when the ticket closes.',
  settled: 'Ended with the case (never reported in)', someTicket: 'A selected ticket',
};

export const dictionaries = { 'zh-CN': zh, en };

export const locale = reactive({ lang: localStorage.getItem('whistle.lang') === 'en' ? 'en' : 'zh-CN' });

document.documentElement.lang = locale.lang;

export function toggleLanguage() {
  locale.lang = locale.lang === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('whistle.lang', locale.lang);
  document.documentElement.lang = locale.lang;
}

/** The text for a key in the current language, with {name} filled from params; the key itself when unknown. */
export function t(key, params = {}) {
  const text = dictionaries[locale.lang][key] ?? dictionaries['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)}/g, (_, name) => (params[name] ?? ''));
}

/** A date and time in Shanghai. */
export function time(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale.lang, {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hour12: false,
  }).format(new Date(iso));
}

/** A span of milliseconds as h:mm:ss (with days when longer), negative spans without their sign. */
export function span(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return days ? `${days}${locale.lang === 'en' ? 'd' : '天'} ${clock}` : clock;
}

/**
 * Milliseconds of an ISO-8601 duration as Java writes it ({@code PT2H30M}, {@code P2DT3H}, {@code PT-1H-30M},
 * {@code -PT5M}); null when it is none.
 */
export function isoMillis(iso) {
  const m = /^(-)?P(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(iso || '');
  if (!m) return null;
  const ms = ((+(m[2] || 0) * 24 + +(m[3] || 0)) * 60 + +(m[4] || 0)) * 60000 + Math.round(+(m[5] || 0) * 1000);
  return m[1] ? -ms : ms;
}

/** A duration for people: "2 天 3 小时", "48 小时", "30 分钟" (an ISO-8601 text or milliseconds); never the code. */
export function plainSpan(value) {
  const ms = typeof value === 'number' ? value : isoMillis(value);
  if (ms === null || ms === undefined) return '';
  const minutes = Math.round(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [];
  // Up to three days read as hours (48 小时: deadlines are set in hours); longer as days and hours.
  if (days >= 3) {
    parts.push(t('spanDays', { n: days }));
    if (hours) parts.push(t('spanHours', { n: hours }));
  } else if (days || hours) {
    parts.push(t('spanHours', { n: days * 24 + hours }));
  }
  if (rest || !parts.length) parts.push(t('spanMinutes', { n: rest }));
  return parts.join(' ');
}

/** Working time left on a clock: "剩余 3 个工作小时", "剩余 1 个工作小时 30 分钟", "已超出 20 分钟". */
export function workingTimeLeft(iso) {
  const ms = isoMillis(iso);
  if (ms === null) return '';
  const minutes = Math.round(Math.abs(ms) / 60000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const d = [hours ? t('workingHours', { h: hours }) : '', rest || !hours ? t('workingMinutes', { m: rest }) : '']
    .filter(Boolean).join(' ');
  return t(ms < 0 ? 'workingOver' : 'workingLeft', { d });
}

/**
 * What a clock of sla-service says to people, in parts joined by " · ": its due time in Beijing, the working time
 * left (working-time clocks), how it counts, each approved extension with who approved it, and the service's note.
 * {@code unitName} turns a unit's code into its name.
 */
export function clockDetails(c, unitName) {
  const parts = [t('dueBeijing', { t: time(c.dueAtBeijing || c.dueAt) })];
  if (c.countedIn === 'WORKING_TIME') {
    if (c.remainingWorkingTime && c.state !== 'STOPPED') parts.push(workingTimeLeft(c.remainingWorkingTime));
    parts.push(t('countedWorking'));
  } else if (c.countedIn === 'ROUND_THE_CLOCK') {
    parts.push(t('countedRound'));
  }
  for (const x of c.extensions || []) {
    const who = x.approvedByUnit ? unitName(x.approvedByUnit) : '';
    const approval = [who, x.approvedAt ? time(x.approvedAt) : ''].filter(Boolean).join(' ');
    parts.push(t('extendedBy', { d: plainSpan(x.extraTime) }) + (approval ? t('approval', { by: approval }) : ''));
  }
  if (c.note) parts.push(named(c.note, unitName));
  return parts;
}

// A unit's code as org-registry writes it (QQ-230225-ZJJ-LZG); ticket numbers (QQ-20261207-000001) are for people.
const UNIT_CODE = /\b[A-Z]{2,}-\d{6,}(?:-[A-Z][A-Z0-9]*)+\b/g;

/**
 * A note a service wrote, for people: each unit code in it replaced by the unit's name ({@code unitName}) and the
 * lead marked in words. Timeline entries are hash-chained and never rewritten, so entries written before the services
 * wrote names get them here, as they are read.
 */
export function named(text, unitName) {
  if (!text) return text;
  return text.replace(UNIT_CODE, (code) => unitName(code)).replace(/ \(lead\)/g, t('leadMark'));
}

/** The name of a category, unit or node in the current language, from an org-registry record. */
export function nameOf(record) {
  if (!record) return '';
  return (locale.lang === 'en' && record.nameEn) || record.name || record.code || '';
}
