// The registry of every failure a person may be told about: a fine machine `reason` for each ContractError
// (next to its coarse ErrorCode) and a reason for each field issue, with the names of their parameters.
// The renderer words each one in the person's language (renderer/i18n/errors*.ts); a test checks that
// every reason here has a zh-CN and an en sentence that uses only the parameters listed. Nothing here is
// words: only codes and parameter names. Parameters never carry personal data.

/** A parameter value: a number, a date, a device role, a code — never a name, ID number or address. */
export type ErrorParamValue = string | number;
export type ErrorParams = Readonly<Record<string, ErrorParamValue>>;

/** Reasons of ContractErrors, `group.name`, with their parameter names. */
export const errorReasons = {
  // The dispatcher and the client (any method).
  'contract.unknownMethod': [],
  'contract.wrongRole': [],
  'contract.needsTechnician': [],
  'contract.badInput': [],
  'contract.badOutput': [],
  'contract.internal': [],
  'contract.noAnswer': [],
  /** A reason this build does not know (a newer privileged side): worded by its code. */
  'contract.unknownReason': [],

  'catalog.notLoaded': [],
  'catalog.itemNotFound': [],
  'catalog.bundleNotFound': [],
  'catalog.formNotFound': [],
  /** The loaded catalogue refers to something it does not define (a broken import). */
  'catalog.broken': [],

  'session.notOpen': [],

  'idcard.readerMissing': [],
  'idcard.noCard': [],
  'idcard.nextCard': [],
  'idcard.alreadyUsed': [],
  'idcard.numberInvalid': [],

  'agent.cardFirst': [],
  'agent.principalInvalid': [],
  'agent.samePerson': [],

  'pages.limitReached': [],
  'pages.notBase64': [],
  'pages.tooLarge': ['maxMb'],
  'pages.notJpeg': [],

  'application.notAtKiosk': [],
  'application.identifyFirst': [],
  'application.incomplete': [],
  'application.nothingToNotify': [],
  'application.nothingSubmitted': [],

  'progress.notOurReceipt': [],

  'evaluation.alreadyRated': [],
  'evaluation.notThisSession': [],
  'evaluation.applicationUnknown': [],
  'evaluation.notRequested': [],
  'evaluation.reasonRequired': [],
  'evaluation.textTooLong': ['max'],
  'evaluation.invalid': [],
  'evaluation.noApplicationYet': [],

  'simulator.notAvailable': [],
  'simulator.noSuchSample': [],
  'simulator.noCable': [],
  'simulator.noSuchKey': [],
  'simulator.notAcknowledged': [],

  'printer.notConfigured': [],
  /** A device answered with a failure: `device` is its role, `result` its DeviceResult code. */
  'device.failed': ['device', 'result'],

  'binding.invalid': ['role'],
  'binding.simulatedOnly': [],
  'binding.buildFailed': ['role'],
  'binding.candidateUnavailable': [],

  'technician.noConnection': [],
  'technician.sessionEnded': [],
  'technician.wrongCurrentPin': [],
  'technician.samePin': [],

  'sync.noDeadLetter': [],

  'window.signInFirst': [],
  'window.locked': [],
  'window.sessionEnded': [],
  'window.notThisWindow': [],
  'window.applicationNotFound': [],
  'window.offlineNoCopy': [],
  'window.revealNeedsPlatform': [],
  'window.materialUnavailable': [],
  'window.intakeChanged': [],
  'window.mailTrackingRequired': [],
  'window.ticksNeeded': [],
  'window.legalReasonNeeded': [],
  'window.chooseProcedure': [],
  'window.reasonRequired': [],
  'window.identityMismatch': [],
  'window.collectorCard': [],
  'window.offline': [],
  /** The platform said no for a reason the window has no finer word for (its code is in the detail). */
  'window.platformRefused': [],
} as const satisfies Readonly<Record<`${string}.${string}`, readonly string[]>>;

export type ErrorReason = keyof typeof errorReasons;
export const errorReasonNames = Object.keys(errorReasons) as [ErrorReason, ...ErrorReason[]];

/**
 * Reasons of field issues (BAD_INPUT `issues`, form field problems, pre-check problems): our own codes for
 * zod's issue kinds and for the domain's field and material checks.
 */
export const issueReasons = {
  required: [],
  invalidType: [],
  tooShort: ['min'],
  tooLong: ['max'],
  exactLength: ['length'],
  tooSmall: ['min'],
  tooBig: ['max'],
  tooFew: ['min'],
  tooMany: ['max'],
  notMultipleOf: ['step'],
  pattern: [],
  invalidFormat: [],
  invalidOption: [],
  invalidDate: [],
  notAllowed: [],
  invalid: [],

  idNumberLegacy: [],
  idNumberFormat: [],
  idNumberRegion: [],
  idNumberBirthDate: [],
  idNumberCheckDigit: [],
  idNumberCardType: [],
  mobile: [],
  uscc: [],
  notNumber: [],
  notAfter: ['date'],
  notBefore: ['date'],
  withinDays: ['days'],
  consentRequired: [],
  chooseOne: [],
  chooseAtLeast: ['min'],
  birthDateMismatch: [],
  genderMismatch: [],
  chineseName: [],
  sameAsAgent: [],
  cardFirst: [],
  samePin: [],
  pinWeak: [],
  ratingReasonNeeded: [],
  /** A form rule failed: `condition` is the catalogue's own text of the condition (content, not our words). */
  ruleFailed: ['condition'],
  materialMissing: [],
  materialPromiseOrCapture: [],
  materialTooFewPages: ['needed', 'got'],
  materialPromise: ['days'],
  materialOriginal: [],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type IssueReason = keyof typeof issueReasons;
export const issueReasonNames = Object.keys(issueReasons) as [IssueReason, ...IssueReason[]];

type ParamsOf<List extends readonly string[]> = { readonly [K in List[number]]: ErrorParamValue };
export type ReasonParams<R extends ErrorReason> = ParamsOf<(typeof errorReasons)[R]>;
export type IssueParams<R extends IssueReason> = ParamsOf<(typeof issueReasons)[R]>;

/** One field issue: where, what kind (our code), and the numbers the sentence needs. */
export type Issue = {
  [R in IssueReason]: (typeof issueReasons)[R] extends readonly [] ? { readonly path: string; readonly reason: R; readonly params?: undefined } : { readonly path: string; readonly reason: R; readonly params: IssueParams<R> };
}[IssueReason];

/** The same without a path: what a check of one value found. */
export type IssueKind = Issue extends infer I ? (I extends Issue ? Omit<I, 'path'> : never) : never;

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && Object.hasOwn(errorReasons, value);
}

export function isIssueReason(value: unknown): value is IssueReason {
  return typeof value === 'string' && Object.hasOwn(issueReasons, value);
}

/** An issue kind at a path (the types keep reason and params together). */
export function issueAt(path: string, kind: IssueKind): Issue {
  return { path, ...kind } as Issue;
}
