/**
 * Fault and diagnosis texts for the benchmark branch, as a counter writes them: a symptom or two in
 * the customer's words, sometimes with how it happened or a wish; one order in twenty in English, in
 * the style of the Open Repair records (curly apostrophes included). Varied enough that the trigram
 * index holds a realistic spread of words instead of ten strings repeated 300,000 times.
 */

type Category = '手机' | '电脑' | '平板' | '家电' | '汽车';

const SYMPTOMS: Record<Category, string[]> = {
  手机: [
    '屏幕碎裂',
    '屏幕碎裂，触摸失灵',
    '屏幕有绿线',
    '屏幕闪烁',
    '外屏裂了',
    '充电口接触不良',
    '充不进电',
    '充电很慢',
    '电池鼓包',
    '电池不耐用，半天就没电',
    '摄像头模糊',
    '后置摄像头打不开',
    '听筒没声音',
    '扬声器有杂音',
    '无法开机',
    '开机卡在logo',
    '自动重启',
    '信号差，经常无服务',
    '指纹识别失灵',
    'WiFi 连不上',
    '按键失灵',
    '后盖碎了',
    '发热严重',
  ],
  电脑: [
    '无法开机',
    '开机黑屏',
    '屏幕有亮点',
    '屏幕闪烁',
    '键盘部分按键失灵',
    '触控板失灵',
    '风扇噪音大',
    '发热严重，自动关机',
    '转轴断裂，屏幕晃动',
    '充电口接触不良',
    '电池无法充电',
    '系统卡顿频繁重启',
    '蓝屏',
    '硬盘有异响',
    '进水后无法开机',
    'USB 接口没反应',
    '无线网卡掉线',
    '需要清灰换硅脂',
  ],
  平板: ['屏幕碎裂', '触摸失灵', '充不进电', '电池鼓包', '无法开机', '屏幕有绿线', '按键失灵', '声音小'],
  家电: [
    '不制冷',
    '制冷效果差',
    '噪音大',
    '漏水',
    '不加热',
    '显示屏不亮',
    '遥控器没反应',
    '开机就跳闸',
    '有异味',
    '脱水时晃动厉害',
    '报错 E4',
    '门封条老化',
  ],
  汽车: [
    '发动机故障灯亮',
    '刹车异响',
    '空调不制冷',
    '电瓶亏电',
    '续航明显下降',
    '充电枪插上没反应',
    '车门异响',
    '胎压报警',
    '中控屏黑屏',
    '定期保养',
  ],
};

const HOW = [
  '',
  '',
  '',
  '',
  '摔了一下后',
  '进水后',
  '用了两年，',
  '客户说昨天开始',
  '更新系统后',
  '上次修过，',
];

const WISHES = [
  '',
  '',
  '',
  '',
  '',
  '，要求保留数据',
  '，加急',
  '，客户自带配件',
  '，先报价再修',
  '，下午来取',
];

/** Open Repair style, written by us; ’ and ' both occur, as in the real records. */
const ENGLISH = [
  'Won’t charge',
  "Won't charge, battery swollen",
  'Laptop won’t turn on',
  'Hinge broken, screen wobbles',
  'Cracked screen',
  'No power',
  'Keyboard not working',
  'Fan very noisy',
  'Overheats and shuts down',
  'No sound from speaker',
  'Charging port loose',
  'Stuck on boot logo',
  'Water damage',
  'Intermittent fault, cuts out',
];

const DIAGNOSES = [
  '主板供电芯片损坏，更换后正常',
  '尾插氧化，清洁后恢复',
  '屏幕总成损坏，需更换',
  '电池老化，建议更换',
  '排线松动，重新安装后正常',
  '散热器积灰，已清洁换硅脂',
  '转轴断裂，更换转轴',
  '硬盘坏道，已备份数据更换硬盘',
  '压缩机启动电容损坏',
  '传感器故障，已更换',
  '检测无故障，已告知客户',
  '进水腐蚀，主板需维修',
  'Charging IC faulty, replaced',
  'Hinge bracket cracked, replaced',
];

/** The reported fault of one order of a device in this category. */
export function faultText(r: () => number, category: string): string {
  if (r() < 0.05) return ENGLISH[Math.floor(r() * ENGLISH.length)] as string;
  const symptoms = SYMPTOMS[category as Category] ?? SYMPTOMS.手机;
  const pick = (list: string[]) => list[Math.floor(r() * list.length)] as string;
  const first = pick(symptoms);
  const second = r() < 0.3 ? pick(symptoms) : first;
  const body = second === first ? first : `${first}，${second}`;
  return `${pick(HOW)}${body}${pick(WISHES)}`;
}

/** A technician's finding, once the order has been looked at; '' before. */
export function diagnosisText(r: () => number, diagnosed: boolean): string {
  if (!diagnosed) return '';
  return DIAGNOSES[Math.floor(r() * DIAGNOSES.length)] as string;
}
