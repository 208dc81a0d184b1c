import type { IdCard } from '../../../src/contract';

/**
 * Invented people for the simulated profile and tests. Numbers carry correct GB 11643 check digits;
 * the names and addresses belong to no one.
 */
export const sampleCards: readonly { id: string; label: string; card: IdCard }[] = [
  {
    id: 'resident-zhang',
    label: '居民身份证 · 张三',
    card: {
      cardType: 'resident',
      name: '张三',
      gender: 'male',
      nation: '汉',
      birthDate: '1990-03-07',
      address: '湖南省长沙市芙蓉区五一大道100号',
      idNumber: '430102199003071234',
      issuer: '长沙市公安局芙蓉分局',
      validFrom: '2020-03-07',
      validUntil: '2040-03-07',
      idNumberValid: true,
      hasPhoto: false,
    },
  },
  {
    id: 'resident-li',
    label: '居民身份证 · 李小红',
    card: {
      cardType: 'resident',
      name: '李小红',
      gender: 'female',
      nation: '苗',
      birthDate: '1978-06-05',
      address: '上海市浦东新区世纪大道200号',
      idNumber: '310115197806050029',
      issuer: '上海市公安局浦东分局',
      validFrom: '2018-06-05',
      validUntil: 'long-term',
      idNumberValid: true,
      hasPhoto: false,
    },
  },
  {
    id: 'hmt-chen',
    label: '港澳台居民居住证 · 陈大文',
    card: {
      cardType: 'hmt-residence',
      name: '陈大文',
      gender: 'male',
      birthDate: '1992-02-15',
      address: '广东省深圳市福田区福华路300号',
      idNumber: '810000199202150034',
      issuer: '深圳市公安局',
      validFrom: '2024-01-10',
      validUntil: '2029-01-10',
      idNumberValid: true,
      hasPhoto: false,
    },
  },
  {
    id: 'foreign-smith',
    label: '外国人永久居留身份证 · JOHN SMITH',
    card: {
      cardType: 'foreign-permanent',
      name: '约翰·史密斯',
      nameEn: 'SMITH, JOHN',
      gender: 'male',
      nationality: 'USA',
      birthDate: '1988-08-08',
      idNumber: '930000198808080010',
      issuer: '国家移民管理局',
      validFrom: '2023-12-01',
      validUntil: '2033-12-01',
      idNumberValid: true,
      hasPhoto: false,
    },
  },
];
