// Pinyin → Chinese character candidates for the on-screen keyboard (a kiosk has no IME). The 6,763
// characters of GB 2312 (level 1, the common ones, before level 2), each under every reading pinyin-pro
// gives it; characters common in names and addresses come first. Built once, on first use (~0.1 s).
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';

/** Surnames, then characters frequent in given names and addresses, then frequent characters in general. */
const PREFERRED =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
  '省市区县镇乡村路街道号楼室栋单元小区花园大巷弄组社东南西北中新城山河湖海州' +
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅文斌宇浩鹏飞婷雪琳晓建国志德安宁春' +
  '的一是不了在人有我他这个们来上为和地到以说时要就出会可也你对生能而子那得着下自之年过发后作里用行所然家种事成多经么去法学如都同现当没动面起看定天分还进好部其些主样理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情性知全三正';

const MAX_CANDIDATES = 40;

let index: Map<string, string[]> | null = null;
let readings: string[] = [];
let order = new Map<string, number>();

function gb2312(): string[] {
  const chars: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi += 1) {
    for (let lo = 0xa1; lo <= 0xfe; lo += 1) {
      const ch = iconv.decode(Buffer.from([hi, lo]), 'gb2312');
      if (/^[\u4e00-\u9fff]$/u.test(ch)) chars.push(ch);
    }
  }
  return chars;
}

function build(): Map<string, string[]> {
  const rank = new Map<string, number>();
  Array.from(PREFERRED).forEach((ch, i) => {
    if (!rank.has(ch)) rank.set(ch, i);
  });
  const chars = gb2312();
  order = new Map(chars.map((ch, i) => [ch, (rank.get(ch) ?? PREFERRED.length) * 10_000 + i]));
  const map = new Map<string, string[]>();
  for (const ch of chars) {
    for (const reading of pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true })) {
      const list = map.get(reading) ?? [];
      if (!list.includes(ch)) list.push(ch);
      map.set(reading, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  readings = [...map.keys()].sort();
  return map;
}

/** Characters read as `typed` (ü typed as v), then, most common first, those whose reading starts with it; at most 40. */
export function hanziCandidates(typed: string): string[] {
  const key = typed.trim().toLowerCase();
  if (!/^[a-z]{1,6}$/.test(key)) return [];
  index ??= build();
  const exact = index.get(key) ?? [];
  const seen = new Set(exact);
  const longer: string[] = [];
  for (const reading of readings) {
    if (reading === key || !reading.startsWith(key)) continue;
    for (const ch of index.get(reading) ?? []) {
      if (!seen.has(ch)) longer.push(ch);
      seen.add(ch);
    }
  }
  longer.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return [...exact, ...longer].slice(0, MAX_CANDIDATES);
}
