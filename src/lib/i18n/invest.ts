/** Messages of the investors' view: Chinese defines the keys, English matches them. */
export const investZh = {
  tabInvest: '招商',
  groupInvest: '可用空间',
};

export const investEn: Record<keyof typeof investZh, string> = {
  tabInvest: 'Space',
  groupInvest: 'Available space',
};
