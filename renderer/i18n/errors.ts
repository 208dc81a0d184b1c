// The `errors.*` block of the i18n messages: every ErrorReason and IssueReason of the contract's registry
// (src/contract/error-reasons.ts) and a sentence per ErrorCode for anything without finer words. The types
// below make a reason without a sentence a compile error; errors.test.ts checks both languages and that each
// sentence uses only the parameters the registry names.
import type { ErrorCode, ErrorReason, IssueReason } from '../../src/contract';

type Group<R extends string> = R extends `${infer G}.${string}` ? G : never;
type Names<R extends string, G extends string> = R extends `${G}.${infer N}` ? N : never;

/** `{ catalog: { notLoaded: string, … }, … }` from the dotted reasons. */
export type ReasonWords = { readonly [G in Group<ErrorReason>]: { readonly [N in Names<ErrorReason, G>]: string } };

export interface ErrorWords {
  readonly code: { readonly [C in ErrorCode]: string };
  readonly reason: ReasonWords;
  readonly issue: { readonly [R in IssueReason]: string };
  /** Words for parameter values that are codes: device roles and DeviceResult codes. */
  readonly devices: { readonly idcard: string; readonly printer: string; readonly scanner: string; readonly evaluator: string; readonly camera: string };
  readonly deviceResults: Readonly<Record<'closed' | 'not-claimed' | 'disabled' | 'no-hardware' | 'offline' | 'busy' | 'timeout' | 'illegal' | 'unsupported' | 'failure' | 'extended', string>>;
  /** A failure that is not the terminal's typed answer (a fault in the page itself). */
  readonly unexpected: string;
}

const staff = '请联系工作人员';

export const errorsZh = {
  code: {
    BAD_INPUT: '填写的内容有误，请检查后再试',
    BAD_OUTPUT: `终端出现异常，请稍后再试或${staff}`,
    UNKNOWN_METHOD: `终端版本不一致，${staff}`,
    NOT_FOUND: '没有找到相关信息',
    CONFLICT: '情况已有变化，请重新操作',
    FORBIDDEN: '此操作在这里不可用',
    UNAUTHENTICATED: '请先输入运维密码',
    DEVICE_UNAVAILABLE: `设备暂时无法使用，${staff}`,
    DEVICE_ERROR: `设备出现故障，${staff}`,
    TIMEOUT: '等待超时，请再试一次',
    TRANSPORT: '暂时无法连接终端服务，请稍后再试',
    INTERNAL: `终端出现异常，请稍后再试或${staff}`,
  },
  reason: {
    contract: {
      unknownMethod: `终端版本不一致，${staff}`,
      wrongRole: '此功能在本屏幕上不可用',
      needsTechnician: '请先输入运维密码',
      badInput: '填写的内容有误，请检查标出的项目',
      badOutput: `终端出现异常，请稍后再试或${staff}`,
      internal: `终端出现异常，请稍后再试或${staff}`,
      noAnswer: '暂时无法连接终端服务，请稍后再试',
      unknownReason: `操作未能完成，请稍后再试或${staff}`,
    },
    catalog: {
      notLoaded: '服务目录正在加载，请稍后再试',
      itemNotFound: '没有找到该事项',
      bundleNotFound: '没有找到该“一件事”',
      formNotFound: '没有找到该事项的申请表',
      broken: `服务目录数据有误，${staff}`,
    },
    session: { notOpen: '本次办理已结束，请重新开始' },
    idcard: {
      readerMissing: `读卡器未连接，${staff}`,
      noCard: '请放置身份证',
      nextCard: '请拿开上一张证件，放置下一位的身份证',
      alreadyUsed: '这张证件刚才已经读取过，请放置另一人的身份证',
      numberInvalid: '证件号码未通过校验，请到人工窗口办理',
    },
    agent: {
      cardFirst: '请先放置代办人（您本人）的身份证',
      principalInvalid: '申请人信息有误，请检查标出的项目',
      samePerson: '代办人与申请人不能是同一人',
    },
    pages: {
      limitReached: '拍摄的页数已达上限',
      notBase64: '照片未能保存，请重拍',
      tooLarge: '照片太大（上限 {{maxMb}} MB），请重拍',
      notJpeg: '照片格式不正确，请重拍',
    },
    application: {
      notAtKiosk: '该事项不能在自助终端提交，请到窗口办理',
      identifyFirst: '请先读取申请人的身份证',
      incomplete: '申请还有需要补正的地方',
      nothingToNotify: '预审没有发现问题，无需打印告知书',
      nothingSubmitted: '本次还没有提交过申请',
    },
    progress: { notOurReceipt: '这不是本大厅的办件回执二维码' },
    evaluation: {
      alreadyRated: '该办件已经评价过了，每次服务只能评价一次',
      notThisSession: '只能评价您本次刚提交的办件',
      applicationUnknown: '本终端没有该办件',
      notRequested: '没有待评价的办件',
      reasonRequired: '请至少选择一项原因或填写说明',
      textTooLong: '评价内容不能超过 {{max}} 字',
      invalid: '评价未能记录，请重试',
      noApplicationYet: '本终端还没有办件，请先在自助终端提交一件',
    },
    simulator: {
      notAvailable: '模拟设备仅在模拟模式下可用',
      noSuchSample: '没有这张样例证件',
      noCable: '这个模拟读卡器不能拔出',
      noSuchKey: '模拟评价器没有这个按键',
      notAcknowledged: '评价器没有响应按键',
    },
    printer: { notConfigured: '未配置打印机' },
    device: { failed: `{{device}}出现故障（{{result}}），${staff}` },
    binding: {
      invalid: '{{role}}的设备配置有误，请检查标出的项目',
      simulatedOnly: '模拟设备只能在模拟模式下绑定',
      buildFailed: '无法启动{{role}}，请检查连接设置',
      candidateUnavailable: '该设备不能用于此角色，或已不在列表中，请重新搜索设备',
    },
    technician: {
      noConnection: '无法识别本次连接，请刷新页面后重试',
      sessionEnded: '运维会话已结束，请重新输入密码',
      wrongCurrentPin: '当前运维密码不正确',
      samePin: '新密码不能与当前密码相同',
    },
    sync: { noDeadLetter: '该记录已不在拒收列表中' },
    window: {
      signInFirst: '请先登录',
      locked: '屏幕已锁定，请输入密码',
      sessionEnded: '登录已失效，请重新登录',
      notThisWindow: '本窗口不受理该类事项',
      applicationNotFound: '没有找到该办件',
      offlineNoCopy: '平台暂时无法连接，且本机没有该办件的副本',
      revealNeedsPlatform: '显示完整信息需要连接平台',
      materialUnavailable: '材料暂时无法获取',
      intakeChanged: '受理中的事项已变更，请重新开始',
      mailTrackingRequired: '邮寄送达须填写运单号',
      ticksNeeded: '请勾选需要补正的全部材料',
      legalReasonNeeded: '不予受理须写明理由和依据',
      chooseProcedure: '请选择特别程序',
      reasonRequired: '请填写理由',
      identityMismatch: '领取人既不是申请人本人，也不是登记的代领人，不能出件',
      collectorCard: '请领取人将身份证放在读卡器上',
      offline: '平台暂时无法连接，出件需在线核验身份',
      platformRefused: '平台未执行该操作，请刷新后重试',
    },
  },
  issue: {
    required: '请填写此项',
    invalidType: '填写的格式不正确',
    tooShort: '至少 {{min}} 个字',
    tooLong: '不能超过 {{max}} 个字',
    exactLength: '应为 {{length}} 位',
    tooSmall: '不能小于 {{min}}',
    tooBig: '不能大于 {{max}}',
    tooFew: '至少选择 {{min}} 项',
    tooMany: '最多 {{max}} 项',
    notMultipleOf: '须为 {{step}} 的整数倍',
    pattern: '格式不正确',
    invalidFormat: '格式不正确',
    invalidOption: '请从选项中选择',
    invalidDate: '日期不正确',
    notAllowed: '此项不能在这里填写',
    invalid: '填写有误，请检查',
    idNumberLegacy: '15 位旧号码已停用，请使用 18 位公民身份号码',
    idNumberFormat: '身份号码应为 18 位，最后一位可为 X',
    idNumberRegion: '身份号码的地区码不正确',
    idNumberBirthDate: '身份号码中的出生日期不正确',
    idNumberCheckDigit: '身份号码校验位不正确，请核对',
    idNumberCardType: '号码与证件类型不符',
    mobile: '请输入 11 位手机号码',
    uscc: '统一社会信用代码不正确',
    notNumber: '请输入数字',
    notAfter: '不能晚于 {{date}}',
    notBefore: '不能早于 {{date}}',
    withinDays: '须在 {{days}} 日以内',
    consentRequired: '须阅读并同意',
    chooseOne: '请选择',
    chooseAtLeast: '至少选择 {{min}} 项',
    birthDateMismatch: '与出生日期不一致',
    genderMismatch: '与性别不一致',
    chineseName: '姓名应为汉字',
    sameAsAgent: '代办人与申请人不能是同一人',
    cardFirst: '请先读取身份证',
    samePin: '新密码不能与当前密码相同',
    pinWeak: '不能是相同数字或连续数字',
    ratingReasonNeeded: '请至少选择一项原因或填写说明',
    ruleFailed: '不符合办理条件：{{condition}}',
    materialMissing: '缺少此材料',
    materialPromiseOrCapture: '请拍摄此材料，或勾选承诺后补交',
    materialTooFewPages: '至少需要 {{needed}} 页，只拍摄了 {{got}} 页',
    materialPromise: '可容缺受理，须书面承诺 {{days}} 个工作日内补交',
    materialOriginal: '自助拍摄件须到窗口核验原件',
  },
  devices: { idcard: '读卡器', printer: '打印机', scanner: '扫码器', evaluator: '评价器', camera: '高拍仪' },
  deviceResults: {
    closed: '未打开',
    'not-claimed': '未占用',
    disabled: '未启用',
    'no-hardware': '未检测到设备',
    offline: '已断开',
    busy: '正忙',
    timeout: '无响应',
    illegal: '当前不能执行',
    unsupported: '不支持',
    failure: '设备报错',
    extended: '设备报告异常',
  },
  unexpected: `终端出现异常，请稍后再试或${staff}`,
} as const satisfies ErrorWords;
