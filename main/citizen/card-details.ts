// Turning a card read by the reader, or a principal keyed in for agent mode, into the details the form
// shows and pre-fills. Pure; the session decides who may see them.
import { checkIdNumber, idNumberIssue } from '../../src/kernel/id-number';
import { maskIdNumber, maskName } from '../../src/kernel/mask';
import type { AgentRelation, CardDetails, IdCard, Issue } from '../../src/contract';
import { err, ok } from '../../src/kernel/result';
import type { Result } from '../../src/kernel/result';

export function detailsOfCard(card: IdCard, holder: string): CardDetails {
  return {
    holder,
    cardType: card.cardType,
    name: card.name,
    gender: card.gender,
    ...(card.genderCode !== undefined ? { genderCode: card.genderCode } : {}),
    ...(card.nation !== undefined ? { nation: card.nation } : {}),
    ...(card.nationCode !== undefined ? { nationCode: card.nationCode } : {}),
    birthDate: card.birthDate,
    ...(card.address !== undefined ? { address: card.additionalAddress ?? card.address } : {}),
    idNumber: card.idNumber,
    idNumberValid: card.idNumberValid,
    maskedName: maskName(card.name),
    maskedIdNumber: maskIdNumber(card.idNumber),
    source: 'card',
  };
}

/** Plain-language name check for a keyed-in principal: Chinese characters and the middle dot. */
const CHINESE_NAME = /^[\u3400-\u9fff·]{1,30}$/u;

export interface Principal {
  readonly holder: string;
  readonly name: string;
  readonly idNumber: string;
  readonly relation: AgentRelation;
}

/** The principal's details, or the field issues that stop them. */
export type PrincipalCheck = Result<CardDetails, Issue[]>;

/** Validates the principal's name and number (GB 11643) and derives birth date and gender from the number. */
export function principalDetails(input: Principal, today: Date = new Date()): PrincipalCheck {
  const issues: Issue[] = [];
  const name = input.name.trim();
  if (!CHINESE_NAME.test(name)) issues.push({ path: 'name', reason: 'chineseName' });
  const idNumber = input.idNumber.trim().toUpperCase();
  const check = checkIdNumber(idNumber, today);
  if (!check.valid) issues.push({ path: 'idNumber', reason: idNumberIssue(check.problem) });
  if (issues.length > 0 || !check.valid) return err(issues);
  return ok({
    holder: input.holder,
    cardType: 'resident',
    name,
    gender: check.gender,
    genderCode: check.gender === 'male' ? '1' : '2',
    birthDate: check.birthDate,
    idNumber,
    idNumberValid: true,
    maskedName: maskName(name),
    maskedIdNumber: maskIdNumber(idNumber),
    source: 'typed',
  });
}
