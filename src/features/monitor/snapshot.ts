import { codedMessage } from '../../lib/import/messages.ts';
// The messages' catalogue must be registered: codedMessage words them in English from it.
import './messages.ts';
import type { MonitorKey } from './messages.ts';
import type { ImportMessage } from '../../lib/import/types.ts';
import { MONITOR_LIMITS } from './link.ts';
import { indicator } from './indicators.ts';
import { validateTask } from './status.ts';
import { INDICATOR_IDS, type IndicatorId, type MonitorSnapshot, type Observation, type TaskProgress } from './types.ts';

/**
 * Read-only snapshots in a link: the figures and the tasks' progress as JSON, deflated (CompressionStream
 * 'deflate-raw') and written in base64url. A link is never trusted: decoding bounds every size (the text, the
 * inflated bytes, the lists, the strings), checks every field and refuses the whole snapshot at the first fault,
 * so nothing of a damaged or forged link is shown as if it were data.
 */

/** Longest snapshot a link carries, in characters (the link's own limit). */
export const SNAPSHOT_LIMIT = MONITOR_LIMITS.snapshotChars;
/** Most bytes a snapshot may inflate to: a deflate bomb stops here. */
export const SNAPSHOT_MAX_BYTES = 2_000_000;
/** Most figures and task records a snapshot may hold. */
export const SNAPSHOT_MAX_OBSERVATIONS = 20_000;
/** Longest source text of a figure kept in a snapshot. */
export const SNAPSHOT_MAX_SOURCE = 500;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const PLACE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PLACE_MAX = 100;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

/** Message codes of a snapshot link. */
export type SnapshotMessageCode = 'msnap-too-long' | 'msnap-bad-encoding' | 'msnap-damaged' | 'msnap-too-big' | 'msnap-version' | 'msnap-bad-field';

/** The catalogue key of a snapshot message code. */
export const snapshotMessageKey = (code: string): MonitorKey => `msnap.${code.replace(/^msnap-/, '')}` as MonitorKey;

/** Builds a snapshot message; its `text` is the English wording with the params filled in. */
export function snapshotMessage(code: SnapshotMessageCode, params?: Record<string, string | number>): ImportMessage {
  return codedMessage(code, snapshotMessageKey(code), params);
}

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates at most `max` bytes; more is a bomb (null is returned and the stream cancelled). Throws on damage. */
async function inflate(bytes: Uint8Array, max: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The snapshot as it travels: figures without their file rows (a colleague has no use for them). */
function wireForm(s: MonitorSnapshot): MonitorSnapshot {
  return {
    version: 1,
    createdAt: s.createdAt,
    observations: s.observations.map((o) => ({
      indicator: o.indicator,
      year: o.year,
      value: o.value,
      unit: o.unit,
      source: o.source,
      ...(o.place ? { place: o.place } : {}),
    })),
    tasks: s.tasks.map((t) => ({ n: t.n, status: t.status, ...(t.note ? { note: t.note } : {}), ...(t.date ? { date: t.date } : {}) })),
  };
}

/**
 * The snapshot of what the monitor shows now. A figure given in two imported files counts once, the later one's
 * (as the chart and the map count it), so the snapshot shows what the planner saw.
 */
export function makeSnapshot(observations: readonly Observation[], tasks: readonly TaskProgress[], options: { now?: Date } = {}): MonitorSnapshot {
  const latest = new Map<string, Observation>();
  for (const o of observations) {
    const key = `${o.indicator}|${o.year}|${o.place ?? ''}`;
    latest.delete(key);
    latest.set(key, o);
  }
  return { version: 1, createdAt: (options.now ?? new Date()).toISOString(), observations: [...latest.values()], tasks: [...tasks].sort((a, b) => a.n - b.n) };
}

/**
 * Encodes a snapshot for a link: JSON, deflate-raw, base64url. The result may be longer than
 * {@link SNAPSHOT_LIMIT}: the caller checks, and offers the JSON export instead.
 */
export async function encodeSnapshot(s: MonitorSnapshot): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(wireForm(s)));
  return toBase64url(await deflate(json));
}

class Fault extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

// Lengths in code points, as the import caps its texts.
function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || v.length > 2 * max || [...v].length > max || CONTROL.test(v)) throw new Fault(field);
  return v;
}

function observation(raw: unknown, i: number): Observation {
  const at = `observations[${i}]`;
  if (!isObject(raw)) throw new Fault(at);
  if (typeof raw.indicator !== 'string' || !(INDICATOR_IDS as readonly string[]).includes(raw.indicator)) throw new Fault(`${at}.indicator`);
  const ind = indicator(raw.indicator as IndicatorId);
  const year = raw.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MONITOR_LIMITS.year[0] || year > MONITOR_LIMITS.year[1]) {
    throw new Fault(`${at}.year`);
  }
  const value = raw.value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < ind.min || value > ind.max || (ind.integer && !Number.isInteger(value))) {
    throw new Fault(`${at}.value`);
  }
  if (raw.unit !== ind.unit) throw new Fault(`${at}.unit`);
  const source = text(raw.source, `${at}.source`, SNAPSHOT_MAX_SOURCE).trim();
  if (!source) throw new Fault(`${at}.source`);
  const out: Observation = { indicator: ind.id, year, value, unit: ind.unit, source };
  if (raw.place !== undefined) {
    if (typeof raw.place !== 'string' || raw.place.length > PLACE_MAX || !PLACE_ID.test(raw.place)) throw new Fault(`${at}.place`);
    out.place = raw.place;
  }
  return out;
}

/** Checks a decoded snapshot field by field and builds a fresh one; throws a Fault naming the first bad field. */
function validate(data: unknown): MonitorSnapshot {
  if (!isObject(data)) throw new Fault('snapshot');
  const createdAt = text(data.createdAt, 'createdAt', 40);
  const time = Date.parse(createdAt);
  const year = new Date(time).getUTCFullYear();
  if (!/^\d{4}-\d{2}-\d{2}T/.test(createdAt) || !Number.isFinite(time) || year < MONITOR_LIMITS.year[0] || year > MONITOR_LIMITS.year[1]) {
    throw new Fault('createdAt');
  }
  if (!Array.isArray(data.observations) || data.observations.length > SNAPSHOT_MAX_OBSERVATIONS) throw new Fault('observations');
  const observations = data.observations.map(observation);
  // Two figures for the same indicator, year and place would be two truths: the link is not one we wrote.
  const seen = new Set<string>();
  observations.forEach((o, i) => {
    const key = `${o.indicator}|${o.year}|${o.place ?? ''}`;
    if (seen.has(key)) throw new Fault(`observations[${i}]`);
    seen.add(key);
  });
  if (!Array.isArray(data.tasks) || data.tasks.length > 18) throw new Fault('tasks');
  const tasks: TaskProgress[] = [];
  data.tasks.forEach((raw, i) => {
    const r = validateTask(raw, i + 1);
    if ('errors' in r) throw new Fault(`tasks[${i}]`);
    if (tasks.some((t) => t.n === r.task.n)) throw new Fault(`tasks[${i}].n`);
    tasks.push(r.task);
  });
  return { version: 1, createdAt, observations, tasks: tasks.sort((a, b) => a.n - b.n) };
}

/**
 * Decodes a snapshot from a link. Refuses, with one message and nothing else, a text too long or not base64url,
 * data that does not inflate or inflates past {@link SNAPSHOT_MAX_BYTES}, JSON that is not a version-1 snapshot,
 * and any field out of place (an unknown indicator or task, a value out of range, a unit that is not the indicator's,
 * a control character in a text…). Extra fields are dropped.
 */
export async function decodeSnapshot(text: string): Promise<{ snapshot: MonitorSnapshot } | { error: ImportMessage }> {
  if (typeof text !== 'string' || text.length > SNAPSHOT_LIMIT) {
    return { error: snapshotMessage('msnap-too-long', { length: typeof text === 'string' ? text.length : 0, max: SNAPSHOT_LIMIT }) };
  }
  const bytes = text ? fromBase64url(text) : null;
  if (!bytes) return { error: snapshotMessage('msnap-bad-encoding') };
  let json: Uint8Array | null;
  try {
    json = await inflate(bytes, SNAPSHOT_MAX_BYTES);
  } catch {
    return { error: snapshotMessage('msnap-damaged') };
  }
  if (!json) return { error: snapshotMessage('msnap-too-big', { max: SNAPSHOT_MAX_BYTES }) };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { error: snapshotMessage('msnap-damaged') };
  }
  if (isObject(data) && data.version !== 1) {
    const v = data.version;
    return { error: snapshotMessage('msnap-version', { version: typeof v === 'number' && Number.isFinite(v) ? v : '?' }) };
  }
  try {
    return { snapshot: validate(data) };
  } catch (e) {
    if (e instanceof Fault) return { error: snapshotMessage('msnap-bad-field', { field: e.field }) };
    throw e;
  }
}
