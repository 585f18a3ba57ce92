/**
 * The 18 tasks of 《张江高新区杨浦园改革创新发展行动方案（2024-2026）》 (杨府发〔2024〕12号), part 二、重点任务.
 *
 * Titles are the plan's own headings; `quote_zh` is one key sentence (or clause) quoted verbatim from the plan's
 * Chinese text (tests/unit/tasks.test.ts checks it, whitespace ignored); `gloss_en` is an English gloss of that
 * quotation, not an official translation. No zod here: this module is bundled into the browser.
 */

export interface PlanTask {
  /** The plan's task number, 1–18. */
  n: number;
  /** The heading the task stands under, e.g. "（六）打造融合创新的科创新空间". */
  section_zh: string;
  section_en: string;
  /** The task's heading in the plan, without its number. */
  title_zh: string;
  title_en: string;
  /** A key sentence of the task, verbatim from the plan. */
  quote_zh: string;
  /** A faithful English gloss of `quote_zh`. */
  gloss_en: string;
}

/** The part of the plan the tasks belong to. */
export const TASKS_PART = { zh: '二、重点任务', en: 'II. Key tasks' } as const;

/** The plan's other two parts (cited in "about", not tasks). */
export const OTHER_PARTS = [
  { zh: '一、主要目标', en: 'I. Main targets' },
  { zh: '三、保障措施', en: 'III. Safeguards' },
] as const;

/** The six headings of part 二, with the tasks under each. */
export const SECTIONS = [
  { zh: '（一）深化园区管理体制机制创新', en: '(1) Deepen innovation in how the park is managed', tasks: [1, 2, 3] },
  { zh: '（二）形成原创引领的创新策源地', en: '(2) Become a source of original, leading innovation', tasks: [4, 5, 6] },
  { zh: '（三）构建现代化产业体系', en: '(3) Build a modern industrial system', tasks: [7, 8, 9] },
  { zh: '（四）推动大学科技园高质量发展', en: '(4) Develop the university science parks to a high standard', tasks: [10, 11] },
  { zh: '（五）营造充满活力的创新生态环境', en: '(5) Create a vibrant innovation ecosystem', tasks: [12, 13, 14, 15, 16] },
  { zh: '（六）打造融合创新的科创新空间', en: '(6) Build new spaces for integrated sci-tech innovation', tasks: [17, 18] },
] as const;

const section = (n: number): { section_zh: string; section_en: string } => {
  const s = SECTIONS.find((x) => (x.tasks as readonly number[]).includes(n));
  if (!s) throw new Error(`task ${n} is under no section`);
  return { section_zh: s.zh, section_en: s.en };
};

export const TASKS: PlanTask[] = [
  {
    n: 1,
    ...section(1),
    title_zh: '强化园区工作机制改革',
    title_en: 'Reform how the park is run',
    quote_zh: '设立中共上海市杨浦区委创新发展委员会，建立由区委、区政府主要领导亲自挂帅、统筹协调的工作机制',
    gloss_en:
      'Set up the Innovation and Development Committee of the CPC Yangpu District Committee, with a working mechanism led in person and coordinated by the principal leaders of the district Party committee and government.',
  },
  {
    n: 2,
    ...section(2),
    title_zh: '改革实施园区分类发展体系',
    title_en: 'Reform the system of classified park development',
    quote_zh: '结合区内实际情况，进一步优化杨浦园空间布局，切实解决园区空间分散问题',
    gloss_en:
      "In the light of the district's actual conditions, further optimise the spatial layout of the Yangpu park and effectively solve the problem of scattered park space.",
  },
  {
    n: 3,
    ...section(3),
    title_zh: '做强专业化园区运营机构',
    title_en: 'Strengthen professional park operators',
    quote_zh: '为低效空间载体聘请国际化、专业化运营团队，提供高品质运营服务',
    gloss_en: 'Engage international, professional operating teams for low-efficiency spaces and provide high-quality operating services.',
  },
  {
    n: 4,
    ...section(4),
    title_zh: '打造全球一流的原始创新高地',
    title_en: 'Build a world-class highland of original innovation',
    quote_zh: '充分发挥复旦大学、同济大学等高水平研究型大学科创引领作用，将“未来谷”打造成为创新策源核心集聚区',
    gloss_en:
      'Give full play to the leading role of Fudan, Tongji and other high-level research universities in science and innovation, and make "Future Valley" the core cluster where innovation originates.',
  },
  {
    n: 5,
    ...section(5),
    title_zh: '布局建设重点创新平台',
    title_en: 'Lay out and build key innovation platforms',
    quote_zh: '加快上海智能产业创新研究院、中国（上海）数字城市研究院、上海市高端医疗装备创新中心等高校重点创新平台建设',
    gloss_en:
      "Speed up the building of the universities' key innovation platforms such as the Shanghai Intelligent Industry Innovation Institute, the China (Shanghai) Digital City Research Institute and the Shanghai High-end Medical Equipment Innovation Center.",
  },
  {
    n: 6,
    ...section(6),
    title_zh: '加快建设新型研发机构和创新联合体',
    title_en: 'Speed up new R&D institutions and innovation consortia',
    quote_zh: '加快建设长三角国家技术创新中心等新型研发机构，推动重大创新成果在杨浦产业化',
    gloss_en:
      'Speed up the building of new R&D institutions such as the Yangtze River Delta National Technology Innovation Center, and bring major innovations into industrial production in Yangpu.',
  },
  {
    n: 7,
    ...section(7),
    title_zh: '打造“杨数浦”数字经济产业集聚区',
    title_en: 'Build the "Yang-Shu-Pu" digital-economy industry cluster',
    quote_zh: '聚焦“长阳秀带”在线新经济生态园，推进新载体项目建设，带动上下游企业集聚，形成若干具有国际竞争力的企业群落',
    gloss_en:
      'Focus on the "Changyang Belt" online new-economy eco-park: push on with new premises, draw upstream and downstream firms together, and form several internationally competitive business communities.',
  },
  {
    n: 8,
    ...section(8),
    title_zh: '培育发展两大特色产业',
    title_en: 'Grow two specialty industries',
    quote_zh: '培育发展生命健康和绿色低碳两大特色产业',
    gloss_en: 'Cultivate and develop two specialty industries: life and health, and green and low-carbon.',
  },
  {
    n: 9,
    ...section(9),
    title_zh: '培育世界一流科技领军企业',
    title_en: 'Grow world-class leading technology firms',
    quote_zh: '落实重点产业链链长制工作方案，以推行链长制为抓手，全力建链、补链、强链、延链，实现以企兴链、以链兴群',
    gloss_en:
      'Carry out the chain-leader work plan for key industrial chains and, through the chain-leader system, build, complete, strengthen and extend the chains, so that firms make chains thrive and chains make clusters thrive.',
  },
  {
    n: 10,
    ...section(10),
    title_zh: '打造引领未来的大学科技园示范园',
    title_en: 'Build model university science parks that lead the future',
    quote_zh: '引导大学科技园加速促进高校成果转化、服务师生创新创业',
    gloss_en:
      "Guide the university science parks to speed up the transfer of the universities' research results and to serve the innovation and start-ups of teachers and students.",
  },
  {
    n: 11,
    ...section(11),
    title_zh: '推动具有特色的大学科技园转型升级',
    title_en: 'Transform and upgrade the distinctive university science parks',
    quote_zh: '支持上海财经大学国家大学科技园聚焦学科特色，加快推动数字经济和金融科技企业集聚',
    gloss_en:
      "Support the Shanghai University of Finance and Economics national university science park in focusing on its disciplines' strengths and attracting digital-economy and fintech firms.",
  },
  {
    n: 12,
    ...section(12),
    title_zh: '培育引进高质量孵化器',
    title_en: 'Grow and attract high-quality incubators',
    quote_zh: '支持复旦、同济、上理工和杨浦创业中心等科技园区建设专业领域的高质量孵化器',
    gloss_en:
      'Support the science parks of Fudan, Tongji, USST, the Yangpu Business Incubation Center and others in building high-quality incubators for specialised fields.',
  },
  {
    n: 13,
    ...section(13),
    title_zh: '推动提升国家级技术要素市场',
    title_en: 'Raise the national technology markets',
    quote_zh:
      '推动上海技术交易所、国家技术转移东部中心等国家级平台建设，与高校、大学科技园、孵化器和大企业等紧密合作，促进更多科研成果落地转化',
    gloss_en:
      'Develop national platforms such as the Shanghai Technology Exchange and the National Technology Transfer Center (East China), working closely with universities, university science parks, incubators and large firms so that more research results are put to use.',
  },
  {
    n: 14,
    ...section(14),
    title_zh: '发挥科创金融全生命周期赋能作用',
    title_en: 'Let sci-tech finance support firms through their whole life cycle',
    quote_zh: '发挥“数宇鼎元母基金”等产业基金引导作用，鼓励社会资本投早、投小、投长期、投硬科技',
    gloss_en:
      'Use industry funds such as the "Shuyu Dingyuan fund of funds" to lead the way, and encourage private capital to invest early, in small firms, for the long term and in hard technology.',
  },
  {
    n: 15,
    ...section(15),
    title_zh: '打造人才全流程服务体系',
    title_en: 'Build a full-process service system for talent',
    quote_zh: '支持海聚英才创新创业示范基地发挥品牌效应，加快集聚海外人才',
    gloss_en: 'Support the "Haiju Yingcai" innovation and entrepreneurship demonstration base in using its brand to attract talent from overseas faster.',
  },
  {
    n: 16,
    ...section(16),
    title_zh: '推动更高水平开放创新',
    title_en: 'Open innovation to a higher level',
    quote_zh: '发挥湾区委员会上海代表处、北欧创新中心等平台作用，推动国际创新资源集聚',
    gloss_en:
      "Make use of platforms such as the Bay Area Council's Shanghai office and the Nordic Innovation Center to draw international innovation resources together.",
  },
  {
    n: 17,
    ...section(17),
    title_zh: '高标准规划“未来谷”科技创新策源功能区',
    title_en: 'Plan the "Future Valley" sci-tech innovation source zone to a high standard',
    quote_zh: '以复旦大学江湾校区、邯郸校区为基础，整合大创智、环同济知识经济圈和五角场城市副中心等板块资源',
    gloss_en:
      "Building on Fudan University's Jiangwan and Handan campuses, integrate the resources of the Greater KIC, the knowledge-economy circle around Tongji and the Wujiaochang city sub-centre.",
  },
  {
    n: 18,
    ...section(18),
    title_zh: '高起点打造“杨数浦”创新秀带',
    title_en: 'Build the "Yang-Shu-Pu" innovation show belt from a high starting point',
    quote_zh: '整合杨浦滨江地区、长阳创谷、互联宝地和大连路总部区等区域，依托“长阳秀带”在线新经济生态园建设',
    gloss_en:
      'Integrate the Yangpu riverside, Changyang Campus, Internet Baodi, the Dalian Road headquarters zone and other areas, building on the "Changyang Belt" online new-economy eco-park.',
  },
];

/** The task numbered `n`, if there is one. */
export const taskByNumber = (n: number): PlanTask | undefined => TASKS.find((t) => t.n === n);
