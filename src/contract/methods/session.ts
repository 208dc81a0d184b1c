// The citizen session on the privileged side: opened when a citizen touches the attract screen, ended on
// goodbye, idle wipe or restart. The card read during a session is held there in full; the renderer gets
// the details a form shows only when it binds that card to a card holder of the form (applicant, mother…).
import { z } from 'zod';
import { method } from '../define';
import { Empty } from '../empty';
import { IdCardType } from '../idcard';

/** A card holder role of a merged form's pre-fill (applicant, mother, father, deceased, agent…). */
export const CardHolder = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, 'holder like applicant or mother');
export type CardHolder = z.infer<typeof CardHolder>;

/** Staff number of the person assisting (帮办); letters and digits only. */
export const StaffNo = z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'staff number: 1-16 letters or digits');

/**
 * What the identify and review pages show of a card, and what pre-fills the form. Personal data: shown
 * in full only on those pages, masked everywhere else, wiped with the session.
 */
export const CardDetails = z.object({
  holder: CardHolder,
  cardType: IdCardType,
  name: z.string(),
  gender: z.enum(['male', 'female', 'unknown', 'unspecified']),
  /** GB/T 2261.1 code (1 male, 2 female) as the forms store it. */
  genderCode: z.string().optional(),
  nation: z.string().optional(),
  /** GB 3304 code as the forms store it. */
  nationCode: z.string().optional(),
  birthDate: z.string(),
  address: z.string().optional(),
  idNumber: z.string(),
  idNumberValid: z.boolean(),
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  /** 'typed' when the details were keyed in for a principal (agent mode) instead of read from a card. */
  source: z.enum(['card', 'typed']),
});
export type CardDetails = z.infer<typeof CardDetails>;

/** Relation of an agent to the principal (代办人与申请人关系). */
export const AgentRelation = z.enum(['spouse', 'parent', 'child', 'relative', 'entrusted']);
export type AgentRelation = z.infer<typeof AgentRelation>;

export const SessionView = z.object({
  open: z.boolean(),
  /** 帮办: a staff member is helping at the kiosk (recorded as the actor of the submission). */
  assisted: z.boolean(),
  /** 'agent': the card on the reader is the agent's; the applicant is the principal keyed in. */
  mode: z.enum(['self', 'agent']),
  /** Masked: who is bound to which holder role. */
  holders: z.array(z.object({ holder: CardHolder, maskedName: z.string(), maskedIdNumber: z.string() })),
  /** Set while a card read in this session is waiting to be bound to a holder. */
  cardWaiting: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

export const PrincipalInput = z
  .object({
    /** The holder role the principal takes in the form (its first card holder, usually applicant). */
    holder: CardHolder,
    name: z.string().trim().min(1).max(30),
    idNumber: z.string().trim().toUpperCase().min(1).max(18),
    relation: AgentRelation,
  })
  .strict();

const kiosk = ['kiosk'] as const;

export const sessionMethods = {
  'session.begin': method({
    description: 'A citizen starts at the kiosk: opens a fresh privileged-side session (any previous one is wiped).',
    input: Empty,
    output: SessionView,
    roles: kiosk,
  }),
  'session.end': method({
    description: 'Goodbye, idle wipe or cancel: forgets the cards, principal, captured pages and submission of the session.',
    input: Empty,
    output: z.object({ ended: z.boolean() }),
    roles: kiosk,
  }),
  'session.state': method({
    description: 'The session as the UI may see it (masked).',
    input: Empty,
    output: SessionView,
    roles: kiosk,
  }),
  'session.assist': method({
    description: '帮办: a staff member helps at the kiosk (staff number recorded with the submission); null turns it off.',
    input: z.object({ staffNo: StaffNo.nullable() }).strict(),
    output: SessionView,
    roles: kiosk,
  }),
  'session.useCard': method({
    description: 'Binds the card read during this session to a holder role of the form and returns its details for pre-fill.',
    input: z.object({ holder: CardHolder }).strict(),
    output: CardDetails,
    roles: kiosk,
  }),
  'session.setAgent': method({
    description: "Agent mode: the agent's card is bound as holder 'agent'; the principal is keyed in (GB 11643 check) and becomes the applicant.",
    input: PrincipalInput,
    output: CardDetails,
    roles: kiosk,
  }),
  'session.clearAgent': method({
    description: 'Leaves agent mode: forgets the principal and the agent card binding.',
    input: Empty,
    output: SessionView,
    roles: kiosk,
  }),
} as const;

/**
 * Card fields a citizen may change after pre-fill: the address (people move; the card shows the address at
 * issue). Everything else read from a card is read-only on the form and enforced on the privileged side.
 */
export const EDITABLE_CARD_FIELDS: readonly string[] = ['address'];

/** The form value a card field pre-fills (catalogue `prefill.cardField`), or undefined when the card lacks it. */
export function cardFieldValue(details: CardDetails, cardField: string): string | undefined {
  switch (cardField) {
    case 'name':
      return details.name;
    case 'idNumber':
      return details.idNumber;
    case 'genderCode':
      return details.genderCode;
    case 'nationCode':
      return details.nationCode;
    case 'birthDate':
      return details.birthDate;
    case 'address':
      return details.address;
    default:
      return undefined;
  }
}
