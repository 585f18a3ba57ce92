/**
 * The finder's keys of a link. The first view carries only these names (the investors' door lists them among its link
 * keys): what they hold is read by the finder's codec (link.ts), which comes with the Space tab's chunk; until then
 * the keys pass through the link as written.
 */
export const FINDER_KEYS = ['fi', 'farea', 'fppl', 'fbud', 'fbudm', 'fby', 'fmetro', 'fnear', 'fzone', 'fseat', 'fmust', 'fw'] as const;
