import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from './mask';

describe('masking', () => {
  it('masks Chinese names keeping the surname', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(maskName('')).toBe('');
  });

  it('masks Latin names per word', () => {
    expect(maskName('JOHN SMITH')).toBe('J*** S****');
  });

  it('masks 18-digit ID numbers as 4 + 10 stars + 4', () => {
    expect(maskIdNumber('430102199003071234')).toBe('4301**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks short identifiers without revealing most of them', () => {
    expect(maskIdNumber('AB123456')).toBe('AB****56');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('masks phones and addresses', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('湖南省长沙市芙蓉区五一大道100号')).toBe('湖南省长沙市********');
  });

  it('finds ID and mobile numbers inside free text', () => {
    const text = 'read card 430102199003071234 for 13812345678 at 2026-01-01';
    expect(maskPersonalDataInText(text)).toBe('read card 4301**********1234 for 138****5678 at 2026-01-01');
  });
});
