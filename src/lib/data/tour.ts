import type { Bilingual } from '../i18n/index.ts';

/** One stop of the guided tour: a plan place and the plan's own words about it. */
export interface TourStop {
  /** Stable id of the stop. */
  id: string;
  /** The search entry the stop shows: `plan:<plan feature id>`. */
  target: string;
  /** The task the quoted sentence belongs to. */
  task: number;
  title: Bilingual;
  /** `zh`: `任务N：「verbatim sentence from the plan」`; `en`: an English gloss, `Task N: …`. */
  text: Bilingual;
  /** Zoom for a point target (places with an extent are fitted to it instead). */
  zoom?: number;
}

/**
 * A short tour for visitors, north to south: Future Valley and its sub-centre, a university science park, a drone
 * route towards the river, then the Yang-Shu-Pu belt — Changyang Campus, the riverside and the belt as a whole.
 * Each quotation is verbatim (tests/unit/tasks.test.ts checks it against the plan's text).
 */
export const TOUR: TourStop[] = [
  {
    id: 'future-valley',
    target: 'plan:zone-future-valley',
    task: 4,
    title: { zh: '“未来谷”科技创新策源功能区', en: 'Future Valley' },
    text: {
      zh: '任务4：「将“未来谷”打造成为创新策源核心集聚区」',
      en: 'Task 4: make Future Valley the core cluster where innovation originates.',
    },
  },
  {
    id: 'wujiaochang',
    target: 'plan:zc-wujiaochang',
    task: 17,
    title: { zh: '五角场城市副中心', en: 'Wujiaochang city sub-centre' },
    text: {
      zh: '任务17：「以复旦大学江湾校区、邯郸校区为基础，整合大创智、环同济知识经济圈和五角场城市副中心等板块资源」',
      en: "Task 17: Future Valley builds on Fudan University's Jiangwan and Handan campuses and integrates the Greater KIC, the knowledge-economy circle around Tongji and the Wujiaochang city sub-centre.",
    },
  },
  {
    id: 'fudan-science-park',
    target: 'plan:sp-fudan',
    task: 10,
    title: { zh: '复旦大学国家大学科技园', en: 'Fudan University National University Science Park' },
    text: {
      zh: '任务10：「支持复旦大学国家大学科技园依托复旦理工科优势，打造验证中心、小试基地、联合实验室、技术转移等项目」',
      en: "Task 10: support Fudan's national university science park in building, on Fudan's strength in science and engineering, a verification centre, a pilot-scale base, joint laboratories and technology transfer.",
    },
    zoom: 15.5,
  },
  {
    id: 'drone-route',
    target: 'plan:dr-hopson-hulian-baodi',
    task: 7,
    title: { zh: '无人机航线：五角场合生汇—互联宝地', en: 'Drone route: Hopson One to Internet Baodi' },
    text: {
      zh: '任务7：「抢占低空经济发展先机，支持开设低空航线服务，建设低空经济示范场景」',
      en: 'Task 7: seize the lead in the low-altitude economy, support low-altitude route services and build demonstration scenarios.',
    },
  },
  {
    id: 'changyang-campus',
    target: 'plan:zc-changyang-campus',
    task: 18,
    title: { zh: '长阳创谷', en: 'Changyang Campus' },
    text: {
      zh: '任务18：「立足“科技创新+数字经济”“大厂+大学”的特色优势，培育壮大以人工智能、互联网电商、互联网生活、在线文娱为代表数字经济产业链」',
      en: 'Task 18: the belt builds on its strengths in "sci-tech innovation + digital economy" and "big firms + universities" to grow a digital-economy chain led by AI, e-commerce, internet services and online entertainment.',
    },
  },
  {
    id: 'riverside',
    target: 'plan:zc-yangpu-riverside',
    task: 18,
    title: { zh: '杨浦滨江', en: 'Yangpu riverside' },
    text: {
      zh: '任务18：「整合杨浦滨江地区、长阳创谷、互联宝地和大连路总部区等区域」',
      en: 'Task 18: integrate the Yangpu riverside, Changyang Campus, Internet Baodi, the Dalian Road headquarters zone and other areas.',
    },
  },
  {
    id: 'yangshupu',
    target: 'plan:zone-yangshupu-belt',
    task: 7,
    title: { zh: '“杨数浦”创新秀带', en: 'Yang-Shu-Pu innovation show belt' },
    text: {
      zh: '任务7：「打造集技术交易活跃、新兴产业孵化、龙头企业集聚、创新文化和谐于一体的数字经济创新创业集聚区」',
      en: 'Task 7: build a digital-economy cluster for innovation and start-ups that brings together lively technology trading, the incubation of emerging industries, leading firms and a harmonious culture of innovation.',
    },
  },
];
