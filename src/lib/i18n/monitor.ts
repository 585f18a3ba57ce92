import { translator } from './index.ts';

/**
 * The plan monitor's messages. Loaded with the monitor's chunk, not with the first view: the monitor's components
 * use `tm` instead of `t`. Chinese defines the keys.
 */
export const monitorZh = {
  monitorPanel: '方案监测',
} as const;

/** English messages of the plan monitor. */
export const monitorEn: Record<keyof typeof monitorZh, string> = {
  monitorPanel: 'Plan monitor',
};

export type MonitorKey = keyof typeof monitorZh;

/** Looks up a monitor message (see `t`). */
export const tm = translator<MonitorKey>({ zh: monitorZh, en: monitorEn });
