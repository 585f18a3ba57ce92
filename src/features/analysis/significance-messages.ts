import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/** The dashboard's significance tests in words: Chinese defines the keys, English matches them. */
export const significanceZh = {
  sigHeading: '是否比随机更集中？',
  sigIntro: '把同样数量的园区在杨浦区界内随机放置许多次，看实际分布落在哪里。园区数量少时，这比单看 R 值可靠。',
  sigCounts: '选定 {places} 处地点 → {sites} 个不同场所（其中 {duplicates} 处与其他地点同址，同址只计一次）→ 检验计入 {n} 个{outside}。',
  sigOutside: '（{count} 个在杨浦区界外，不计入）',
  sigMonteCarlo: '蒙特卡洛检验（把 {n} 个园区在杨浦区界内随机放置 {m} 次）：园区{direction}（R = {r}），{significance}（双侧 p = {p}）。',
  sigCloser: '比随机放置更靠近',
  sigFarther: '比随机放置更分散',
  sigSame: '与随机放置一样疏密',
  sigSignificant: '在 5% 水平上显著',
  sigNotSignificant: '在 5% 水平上不显著',
  sigDonnelly: 'Clark–Evans 指数经 Donnelly 边缘校正：R = {r}，z = {z}。不校正时为 {raw}，偏高：靠近区界的园区，其最近的邻居可能在界外。',
  sigLAbove: 'Ripley L 函数：在 {from}–{to} 范围内，园区彼此之间的邻居多于 {m} 次随机放置中的任何一次（聚集）。',
  sigLBelow: 'Ripley L 函数：在 {from}–{to} 范围内，园区彼此之间的邻居少于 {m} 次随机放置中的任何一次（相互远离）。',
  sigLBoth: 'Ripley L 函数：在 {aboveFrom}–{aboveTo} 范围内邻居多于随机放置（聚集），在 {belowFrom}–{belowTo} 范围内少于随机放置。',
  sigLInside: 'Ripley L 函数：在 0–{max} 的每个距离上都落在 {m} 次随机放置的范围内。',
  sigLGlobal: '整体包络检验 p = {p}。',
  sigSeeded: '随机放置使用固定种子：同一链接得到相同的 p 值。',
  sigWaiting: '正在与随机放置比较……',
  sigTooFew: '园区少于 3 个，无法检验。',
  sigNoArea: '没有杨浦区界，无法检验。',
  sigChartTitle: 'Ripley L 函数（L(r) − r）与随机放置的范围',
  sigChartDesc: '线在阴影之上：该距离内的邻居多于随机放置（聚集）；在阴影之下：少于随机放置（相互远离）。阴影为 {m} 次随机放置的最小到最大值。',
  sigChartX: '距离 r',
  sigChartY: 'L(r) − r（米）',
  sigChartLow: '随机放置最小值',
  sigChartHigh: '随机放置最大值',
  sigChartObserved: '实际 L(r) − r',
  sigChartTable: '图表数据',
} as const;

export const significanceEn: Record<keyof typeof significanceZh, Message> = {
  sigHeading: 'More clustered than chance?',
  sigIntro:
    'The same number of parks is placed at random inside Yangpu many times, and the real pattern is compared with those placements. With few parks this is more reliable than the ratio R alone.',
  sigCounts:
    '{places} places chosen → {sites} distinct sites ({duplicates} of the places share a site with another; a shared site counts once) → {n} in the tests{outside}.',
  sigOutside: " ({count} outside Yangpu's outline, left out)",
  sigMonteCarlo:
    'Monte Carlo test ({m} random placements of {n} parks inside Yangpu): the parks are {direction} (R = {r}), {significance} (two-sided p = {p}).',
  sigCloser: 'closer together than random placement',
  sigFarther: 'farther apart than random placement',
  sigSame: 'as close together as random placement',
  sigSignificant: 'significantly so at the 5 % level',
  sigNotSignificant: 'but not significantly at the 5 % level',
  sigDonnelly:
    "Clark–Evans ratio with Donnelly's edge correction: R = {r}, z = {z}. Without the correction it reads {raw}, too high: near Yangpu's edge a park's nearest neighbour may lie outside.",
  sigLAbove: "Ripley's L: between {from} and {to} the parks have more neighbours than in any of {m} random placements (clustering).",
  sigLBelow: "Ripley's L: between {from} and {to} the parks have fewer neighbours than in any of {m} random placements (spacing).",
  sigLBoth: "Ripley's L: more neighbours than random placement between {aboveFrom} and {aboveTo} (clustering), fewer between {belowFrom} and {belowTo}.",
  sigLInside: "Ripley's L: within the range of {m} random placements at every distance up to {max}.",
  sigLGlobal: 'Global envelope test p = {p}.',
  sigSeeded: 'The random placements are seeded: the same link gives the same p-values.',
  sigWaiting: 'Comparing with random placements…',
  sigTooFew: 'Fewer than 3 parks: nothing to test.',
  sigNoArea: "Without Yangpu's outline there is nothing to place parks in: no test.",
  sigChartTitle: "Ripley's L function (L(r) − r) and the range of random placements",
  sigChartDesc:
    'Above the band: more neighbours within that distance than random placement gives (clustering); below it: fewer (spacing). The band runs from the least to the greatest of {m} random placements.',
  sigChartX: 'Distance r',
  sigChartY: 'L(r) − r (m)',
  sigChartLow: 'Random placements, least',
  sigChartHigh: 'Random placements, greatest',
  sigChartObserved: 'Observed L(r) − r',
  sigChartTable: 'Chart data',
};

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof significanceZh, Message> {}
}
registerMessages({ zh: significanceZh, en: significanceEn });

export { t } from '../../lib/i18n/index.ts';
