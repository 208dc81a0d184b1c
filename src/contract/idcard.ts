import { z } from 'zod';

/** The three card types a second-generation reader reads (marker in the text block, see idcard-reader spec). */
export const IdCardType = z.enum(['resident', 'foreign-permanent', 'hmt-residence']);
export type IdCardType = z.infer<typeof IdCardType>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Everything read from a card. Personal data: stays on the privileged side unless a flow needs it. */
export const IdCard = z.object({
  cardType: IdCardType,
  name: z.string().min(1),
  nameEn: z.string().optional(),
  gender: z.enum(['male', 'female', 'unknown', 'unspecified']),
  nation: z.string().optional(),
  nationality: z.string().optional(),
  birthDate: isoDate,
  address: z.string().optional(),
  idNumber: z.string().min(1),
  issuer: z.string().optional(),
  validFrom: isoDate,
  /** ISO date, or 'long-term' (长期). */
  validUntil: z.union([isoDate, z.literal('long-term')]),
  /** Whether the number passed GB 11643 validation; a failing card is reported, never silently accepted. */
  idNumberValid: z.boolean(),
  hasPhoto: z.boolean(),
  /** Layout version of a foreigner's card: the 2017 card ('I') or the 2023 card ('Y'). */
  cardVersion: z.enum(['2017', '2023']).optional(),
  /** Raw codes beside the display names: GB/T 2261.1 gender, GB 3304 nation. */
  genderCode: z.string().optional(),
  nationCode: z.string().optional(),
  /** Why the number failed validation: the developer's detail in English (never the number itself), never shown to a citizen. */
  idNumberProblem: z.string().optional(),
  /** HK/Macao/Taiwan permit: the holder's entry/exit permit number and how often the permit was issued. */
  passNumber: z.string().optional(),
  issueCount: z.number().int().nonnegative().optional(),
  /** 2023 foreigner's card: renewal count and the number of the previous card. */
  renewalCount: z.number().int().nonnegative().optional(),
  previousCardNumber: z.string().optional(),
  /** The latest additional address (追加住址), when the card has one. */
  additionalAddress: z.string().optional(),
});
export type IdCard = z.infer<typeof IdCard>;

/** What may be shown on a screen that anyone passing by can see. */
export const IdCardSummary = z.object({
  cardType: IdCardType,
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  idNumberValid: z.boolean(),
});
export type IdCardSummary = z.infer<typeof IdCardSummary>;
