/**
 * The state of one action in one unit of the kansenkaart, apart from the computation (compute.ts
 * re-exports it): the legend and the map's texts need it up front, the clipping kernel not.
 */
export const ACTION_STATES = ['advised', 'discouraged', 'missing', 'neutral', 'no-data'] as const;
export type ActionState = (typeof ACTION_STATES)[number];
