// Code tables on the card (spec §7): GB/T 2261.1 gender and GB 3304 nation codes.

export type Gender = 'male' | 'female' | 'unknown' | 'unspecified';

/** 0 unknown, 1 male, 2 female, 9 unstated. Anything else is reported as unknown, never guessed. */
export function genderFromCode(code: string): Gender {
  switch (code) {
    case '1':
      return 'male';
    case '2':
      return 'female';
    case '9':
      return 'unspecified';
    default:
      return 'unknown';
  }
}

export function genderToCode(gender: Gender): string {
  return { male: '1', female: '2', unknown: '0', unspecified: '9' }[gender];
}

const NATIONS = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

const OTHER_NATIONS: Readonly<Record<string, string>> = { '97': '其他', '98': '外国血统中国籍人士' };

/** Nation name without the 族 suffix (the UI adds it except for 97/98); `undefined` for an unknown code. */
export function nationFromCode(code: string): string | undefined {
  if (!/^\d{2}$/.test(code)) return undefined;
  const n = Number(code);
  if (n >= 1 && n <= NATIONS.length) return NATIONS[n - 1];
  return OTHER_NATIONS[code];
}

export function nationToCode(name: string): string | undefined {
  const bare = name.endsWith('族') && !NATIONS.includes(name as (typeof NATIONS)[number]) ? name.slice(0, -1) : name;
  const i = NATIONS.indexOf(bare as (typeof NATIONS)[number]);
  if (i >= 0) return String(i + 1).padStart(2, '0');
  return Object.entries(OTHER_NATIONS).find(([, v]) => v === name)?.[0];
}

export const nationCount = NATIONS.length;
