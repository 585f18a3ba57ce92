/** Messages of the dispersion analysis (plan task 2): Chinese defines the keys, English matches them. */
export const analysisZh = {
  tabAnalysis: '分析',
  groupAnalysis: '空间分散度分析',
};

export const analysisEn: Record<keyof typeof analysisZh, string> = {
  tabAnalysis: 'Analysis',
  groupAnalysis: 'Dispersion analysis',
};
