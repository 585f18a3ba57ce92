/*
 * A drawing's vertices as a link carries them: how many, and how finely. Apart from drawn-area.ts, whose geometry
 * only the features' drawings need: the link and the app's state need these two from the first view.
 */

/** The most vertices a drawing keeps (a drone sketch, a selection polygon): what a link can carry. */
export const DRAWN_VERTICES_MAX = 50;

// Six decimals: about 0.1 m, far finer than a click, and short in links.
export const roundVertex = ([lon, lat]: readonly [number, number]): [number, number] => [Number(lon.toFixed(6)), Number(lat.toFixed(6))];
