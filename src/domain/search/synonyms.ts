// Common names citizens type or say, mapped to the catalogue's words. Aliases per item and bundle live in
// the catalogue; this table covers generic words that apply to many entries.
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  身份证: ['居民身份证'],
  户口: ['户籍', '出生登记', '户口登记'],
  落户: ['户口', '出生登记'],
  社保: ['社会保险', '社会保障'],
  医保: ['医疗保险'],
  公积金: ['住房公积金'],
  养老金: ['养老保险', '退休'],
  营业执照: ['市场主体登记', '开办企业', '个体工商户'],
  开公司: ['开办企业', '企业开办'],
  开店: ['个体工商户', '开办餐饮店'],
  过户: ['转移登记', '二手房'],
  房产证: ['不动产权证书', '不动产登记'],
  结婚: ['婚姻登记', '结婚登记'],
  离婚: ['婚姻登记', '离婚登记'],
  残疾证: ['残疾人证'],
  上学: ['入学', '教育入学'],
  生娃: ['出生', '新生儿'],
  去世: ['身后', '死亡'],
};
