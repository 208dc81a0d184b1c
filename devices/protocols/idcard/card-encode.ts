import type { IdCard } from '../../../src/contract';
import { genderToCode, nationToCode } from './codes';
import { foreign2017Fields, foreign2023Fields, hmtFields, MARKER_OFFSET, markerOf, residentFields, TEXT_LENGTH } from './layouts';
import type { Layout } from './layouts';
import { writeField } from './ucs2';

const compact = (iso: string) => (iso === 'long-term' ? '长期' : iso.replaceAll('-', ''));

export function layoutForCard(card: IdCard): Layout {
  if (card.cardType === 'resident') return 'resident';
  if (card.cardType === 'hmt-residence') return 'hmt';
  return card.cardVersion === '2017' ? 'foreign-2017' : 'foreign-2023';
}

/** Builds the 256-byte text block a SAM would return for `card` (used by the simulator and tests). */
export function encodeCardText(card: IdCard): Uint8Array {
  const text = new Uint8Array(TEXT_LENGTH);
  writeField(text, 0, TEXT_LENGTH, '');
  const layout = layoutForCard(card);
  const gender = card.genderCode ?? genderToCode(card.gender);
  switch (layout) {
    case 'resident':
    case 'hmt': {
      const fields = residentFields;
      writeField(text, fields.name.offset, fields.name.bytes, card.name);
      writeField(text, fields.gender.offset, fields.gender.bytes, gender);
      if (layout === 'resident') {
        writeField(text, fields.nation.offset, fields.nation.bytes, card.nationCode ?? nationToCode(card.nation ?? '') ?? '');
      }
      writeField(text, fields.birth.offset, fields.birth.bytes, compact(card.birthDate));
      writeField(text, fields.address.offset, fields.address.bytes, card.address ?? '');
      writeField(text, fields.number.offset, fields.number.bytes, card.idNumber);
      writeField(text, fields.issuer.offset, fields.issuer.bytes, card.issuer ?? '');
      writeField(text, fields.validFrom.offset, fields.validFrom.bytes, compact(card.validFrom));
      writeField(text, fields.validTo.offset, fields.validTo.bytes, compact(card.validUntil));
      if (layout === 'hmt') {
        writeField(text, hmtFields.passNumber.offset, hmtFields.passNumber.bytes, card.passNumber ?? '');
        writeField(text, hmtFields.issueCount.offset, hmtFields.issueCount.bytes, String(card.issueCount ?? 1).padStart(2, '0'));
      }
      break;
    }
    case 'foreign-2017': {
      const fields = foreign2017Fields;
      writeField(text, fields.nameEn.offset, fields.nameEn.bytes, card.nameEn ?? card.name);
      writeField(text, fields.gender.offset, fields.gender.bytes, gender);
      writeField(text, fields.number.offset, fields.number.bytes, card.idNumber);
      writeField(text, fields.nationality.offset, fields.nationality.bytes, card.nationality ?? '');
      writeField(text, fields.nameZh.offset, fields.nameZh.bytes, card.nameEn !== undefined && card.name === card.nameEn ? '' : card.name);
      writeField(text, fields.validFrom.offset, fields.validFrom.bytes, compact(card.validFrom));
      writeField(text, fields.validTo.offset, fields.validTo.bytes, compact(card.validUntil));
      writeField(text, fields.birth.offset, fields.birth.bytes, compact(card.birthDate));
      writeField(text, fields.version.offset, fields.version.bytes, '01');
      break;
    }
    case 'foreign-2023': {
      const fields = foreign2023Fields;
      const nameEn = card.nameEn ?? '';
      writeField(text, fields.nameZh.offset, fields.nameZh.bytes, card.nameEn !== undefined && card.name === card.nameEn ? '' : card.name);
      writeField(text, fields.gender.offset, fields.gender.bytes, gender);
      writeField(text, fields.renewalCount.offset, fields.renewalCount.bytes, String(card.renewalCount ?? 0).padStart(2, '0'));
      writeField(text, fields.birth.offset, fields.birth.bytes, compact(card.birthDate));
      writeField(text, fields.nameEn1.offset, fields.nameEn1.bytes, nameEn.slice(0, 35));
      writeField(text, fields.number.offset, fields.number.bytes, card.idNumber);
      writeField(text, fields.validFrom.offset, fields.validFrom.bytes, compact(card.validFrom));
      writeField(text, fields.validTo.offset, fields.validTo.bytes, compact(card.validUntil));
      writeField(text, fields.nameEn2.offset, fields.nameEn2.bytes, nameEn.slice(35));
      writeField(text, fields.nationality.offset, fields.nationality.bytes, card.nationality ?? '');
      writeField(text, fields.previousNumber.offset, fields.previousNumber.bytes, card.previousCardNumber ?? '');
      break;
    }
  }
  if (layout !== 'resident') {
    text[MARKER_OFFSET] = markerOf[layout];
    text[MARKER_OFFSET + 1] = 0;
  }
  return text;
}
