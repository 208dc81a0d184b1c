export const zhCN = {
  attract: {
    title: '政务服务自助终端',
    prompt: '请放置身份证',
    hint: '将身份证平放在下方读卡区',
    cardRead: '读卡成功',
    invalidNumber: '身份号码校验未通过，请到人工窗口办理',
    readerOffline: '读卡器未连接',
    readerOfflineHint: '请联系工作人员，或稍候再试',
    serviceOffline: '正在连接终端服务…',
    cardTypes: {
      resident: '居民身份证',
      'foreign-permanent': '外国人永久居留身份证',
      'hmt-residence': '港澳台居民居住证',
    },
  },
  language: { switchTo: 'English' },
  preferences: { elderly: '长辈模式 · 大字', standard: '标准模式' },
  simulator: {
    title: '模拟设备',
    place: '放置',
    remove: '移走身份证',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
