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
  camera: {
    capture: '拍照',
    captureAgain: '重拍这一页',
    retake: '重拍',
    delete: '删除',
    done: '完成',
    pages: '已拍 {{count}} 页',
    retaking: '正在重拍第 {{page}} 页',
    pageAlt: '第 {{page}} 页',
    status: {
      off: '摄像头已关闭',
      starting: '正在打开摄像头…',
      live: '',
      denied: '摄像头未获授权，请联系工作人员',
      'no-camera': '未找到高拍仪，请联系工作人员',
      error: '摄像头出现故障，请联系工作人员',
    },
  },
  technician: {
    title: '运维控制台',
    devices: '设备状态',
    cameraTest: '高拍仪测试',
    startCameraTest: '开始测试高拍仪',
    endCameraTest: '结束测试',
    connected: '已连接',
    disconnected: '未连接',
    roles: { idcard: '身份证阅读器', printer: '凭条打印机', scanner: '扫码器', evaluator: '评价器', camera: '高拍仪' },
    states: { closed: '已关闭', idle: '就绪', busy: '工作中', error: '故障' },
    noDevices: '没有已配置的设备',
  },
  simulator: {
    title: '模拟设备',
    place: '放置',
    remove: '移走身份证',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
