// Contract handlers of the citizen session and the application in progress (kiosk role only; the
// dispatcher enforces the roles declared in src/contract/methods/{session,application}.ts).
import { ContractError } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import { decide, fieldCheck, precheckWire } from './decide';
import { hanziCandidates } from './hanzi';
import { printOneTimeNotice } from './notice';
import { decodePage } from './page-input';
import { progressByCard, progressByCode } from './progress';
import { localIso, printReceiptOf, submitApplication } from './submit';
import type { CitizenDeps } from './submit';

type CitizenMethod =
  | 'session.begin'
  | 'session.end'
  | 'session.state'
  | 'session.assist'
  | 'session.useCard'
  | 'session.setAgent'
  | 'session.clearAgent'
  | 'application.check'
  | 'application.addPage'
  | 'application.removePage'
  | 'application.precheck'
  | 'application.printNotice'
  | 'application.submit'
  | 'application.reprint'
  | 'application.progress'
  | 'input.hanzi';

export function citizenHandlers(deps: CitizenDeps): Pick<Handlers, CitizenMethod> {
  const { session } = deps;
  const today = () => localIso(deps.now()).slice(0, 10);
  return {
    'session.begin': () => {
      const view = session.begin();
      deps.log('citizen session begins', {});
      return view;
    },
    'session.end': () => {
      const ended = session.end();
      if (ended) deps.log('citizen session ends', {});
      return { ended };
    },
    'session.state': () => session.view(),
    'session.assist': ({ staffNo }) => session.assist(staffNo),
    'session.useCard': ({ holder }) => session.useCard(holder),
    'session.setAgent': (input) => session.setAgent(input, new Date(`${today()}T12:00:00`)),
    'session.clearAgent': () => session.clearAgent(),
    'application.check': ({ subject, values, fields }) => {
      session.requireOpen();
      return fieldCheck(decide(deps.catalog, session, subject, values, [], today()).result, fields);
    },
    'application.addPage': ({ material, jpeg }) => ({ material, pages: session.addPage(material, decodePage(jpeg)) }),
    'application.removePage': ({ material, index }) => ({ material, pages: session.removePage(material, index) }),
    'application.precheck': ({ subject, values, promised }) => {
      session.requireOpen();
      return precheckWire(decide(deps.catalog, session, subject, values, promised, today()).result);
    },
    'application.printNotice': ({ subject, values, promised, english }) => {
      session.requireOpen();
      return printOneTimeNotice(deps, decide(deps.catalog, session, subject, values, promised, today()), english ?? false);
    },
    'application.submit': ({ subject, values, promised, english }) => submitApplication(deps, subject, values, promised, english ?? false),
    'application.reprint': ({ english }) => {
      session.requireOpen();
      const last = session.lastSubmission();
      if (!last) throw new ContractError('NOT_FOUND', 'application.nothingSubmitted', { detail: 'nothing was submitted in this session' });
      return printReceiptOf(deps, last, english ?? false);
    },
    'input.hanzi': ({ pinyin }) => ({ candidates: hanziCandidates(pinyin) }),
    'application.progress': (input) =>
      ({ applications: input.by === 'card' ? progressByCard(deps.store, session, deps.catalog()) : progressByCode(deps.store, session, deps.catalog(), input.text) }),
  };
}
