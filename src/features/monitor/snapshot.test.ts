import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { monitorEn, monitorZh } from './messages.ts';
import { decodeSnapshot, encodeSnapshot, makeSnapshot, SNAPSHOT_LIMIT, SNAPSHOT_MAX_BYTES, snapshotMessageKey } from './snapshot.ts';
import type { MonitorSnapshot } from './types.ts';
import { MONITOR_LIMITS, parseMonitorLink } from './link.ts';

const SNAPSHOT: MonitorSnapshot = {
  version: 1,
  createdAt: '2026-11-30T05:10:00.000Z',
  observations: [
    { indicator: 'leading_industries_revenue', year: 2024, value: 1102.5, unit: '亿元', source: '杨浦区统计公报 2024', row: 2 },
    { indicator: 'rd_intensity', year: 2024, value: 4.2, unit: '%', source: 'District S&T report <b>2024</b>' },
    { indicator: 'gazelle_firms', year: 2025, value: 37, unit: '家', source: '区科委', place: 'future-valley' },
  ],
  tasks: [
    { n: 2, status: 'under_way', note: '“一园多区” <script>alert(1)</script>' },
    { n: 17, status: 'done', date: '2026-05-10' },
  ],
};

/** Encodes any JSON value as a link would carry it, bypassing the encoder's shaping. */
const raw = (value: unknown): string => deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url');
const errorCode = async (text: string) => {
  const r = await decodeSnapshot(text);
  return 'error' in r ? r.error.code : 'ok';
};
const field = async (text: string) => {
  const r = await decodeSnapshot(text);
  return 'error' in r ? r.error.params?.field : 'ok';
};

describe('snapshot links', () => {
  it('round-trips figures and task progress (file rows dropped), and the link accepts what it writes', async () => {
    const encoded = await encodeSnapshot(SNAPSHOT);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    const r = await decodeSnapshot(encoded);
    expect('snapshot' in r).toBe(true);
    const { row: _row, ...first } = SNAPSHOT.observations[0]!;
    expect(r).toEqual({ snapshot: { ...SNAPSHOT, observations: [first, ...SNAPSHOT.observations.slice(1)] } });
    expect(parseMonitorLink(new URLSearchParams({ msnap: encoded }))?.snapshot).toBe(encoded);
  });

  it('is read by a plain inflater (deflate-raw, base64url)', async () => {
    const { inflateRawSync } = await import('node:zlib');
    const json = JSON.parse(inflateRawSync(Buffer.from(await encodeSnapshot(SNAPSHOT), 'base64url')).toString('utf8'));
    expect(json.version).toBe(1);
    expect(json.tasks).toHaveLength(2);
  });

  it('fits a plausible year of figures well inside the limit', async () => {
    const observations = [];
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      for (let p = 0; p < 40; p++) {
        observations.push({ indicator: 'gazelle_firms' as const, year, value: 10 + p, unit: '家' as const, source: '区科委统计', place: `park-${p}` });
      }
    }
    const encoded = await encodeSnapshot({ ...SNAPSHOT, observations });
    expect(encoded.length).toBeLessThan(SNAPSHOT_LIMIT / 4);
    expect((await decodeSnapshot(encoded)) as object).toHaveProperty('snapshot.observations.length', 200);
  });

  it('refuses damaged text: not base64url, truncated, bit-flipped, not JSON, not UTF-8, empty', async () => {
    const good = await encodeSnapshot(SNAPSHOT);
    expect(await errorCode('abc$def')).toBe('msnap-bad-encoding');
    expect(await errorCode('')).toBe('msnap-bad-encoding');
    expect(await errorCode('A')).toBe('msnap-bad-encoding');
    expect(await errorCode(good.slice(0, Math.floor(good.length / 2)))).toMatch(/^msnap-(damaged|bad-encoding)$/);
    const flipped = good.slice(0, 10) + (good[10] === 'A' ? 'B' : 'A') + good.slice(11);
    expect(await errorCode(flipped)).not.toBe('ok');
    expect(await errorCode(Buffer.from('hello').toString('base64url'))).toBe('msnap-damaged');
    expect(await errorCode(deflateRawSync(Buffer.from('{"version":1,')).toString('base64url'))).toBe('msnap-damaged');
    expect(await errorCode(deflateRawSync(Buffer.from([0xff, 0xfe, 0x7b])).toString('base64url'))).toBe('msnap-damaged');
  });

  it('refuses a link over the length limit before reading it, and stops a decompression bomb', async () => {
    expect(await errorCode('A'.repeat(MONITOR_LIMITS.snapshotChars + 1))).toBe('msnap-too-long');
    // 40 MB of spaces deflate to ~39 KB: short enough for a link, far too big once inflated.
    const bomb = deflateRawSync(Buffer.alloc(40_000_000, 0x20), { level: 9 }).toString('base64url');
    expect(bomb.length).toBeLessThanOrEqual(SNAPSHOT_LIMIT);
    const r = await decodeSnapshot(bomb);
    expect(r).toEqual({ error: expect.objectContaining({ code: 'msnap-too-big', params: { max: SNAPSHOT_MAX_BYTES } }) });
  });

  it('refuses another version', async () => {
    const r = await decodeSnapshot(raw({ ...SNAPSHOT, version: 2 }));
    expect(r).toEqual({ error: expect.objectContaining({ code: 'msnap-version', text: 'Unsupported snapshot version (2)' }) });
  });

  it('checks every field and refuses the whole snapshot at the first bad one, naming it', async () => {
    const obs = (patch: object) => raw({ ...SNAPSHOT, observations: [{ ...SNAPSHOT.observations[1], ...patch }] });
    const task = (t: unknown) => raw({ ...SNAPSHOT, tasks: [t] });
    const cases: [string, string][] = [
      [raw([]), 'snapshot'],
      [raw({ ...SNAPSHOT, createdAt: 'yesterday' }), 'createdAt'],
      [raw({ ...SNAPSHOT, createdAt: '3026-01-01T00:00:00Z' }), 'createdAt'],
      [raw({ ...SNAPSHOT, observations: 'none' }), 'observations'],
      [obs({ indicator: 'gdp' }), 'observations[0].indicator'],
      [obs({ indicator: '__proto__' }), 'observations[0].indicator'],
      [obs({ year: 2024.5 }), 'observations[0].year'],
      [obs({ year: 1800 }), 'observations[0].year'],
      [obs({ value: 250 }), 'observations[0].value'],
      [obs({ value: '4.2' }), 'observations[0].value'],
      [obs({ value: null }), 'observations[0].value'],
      [obs({ unit: '亿元' }), 'observations[0].unit'],
      [obs({ source: '' }), 'observations[0].source'],
      [obs({ source: 'x'.repeat(501) }), 'observations[0].source'],
      [obs({ source: 'evil\u202etxt.exe' }), 'observations[0].source'],
      [obs({ place: 'Future Valley' }), 'observations[0].place'],
      [obs({ place: '../../etc' }), 'observations[0].place'],
      [raw({ ...SNAPSHOT, observations: [SNAPSHOT.observations[0], { ...SNAPSHOT.observations[0], value: 1 }] }), 'observations[1]'],
      [raw({ ...SNAPSHOT, observations: [{ indicator: 'gazelle_firms', year: 2024, value: 3.5, unit: '家', source: 's' }] }), 'observations[0].value'],
      [raw({ ...SNAPSHOT, tasks: {} }), 'tasks'],
      [task({ n: 19, status: 'done' }), 'tasks[0]'],
      [task({ n: 3, status: 'maybe' }), 'tasks[0]'],
      [task({ n: 3, status: 'done', note: 'x'.repeat(501) }), 'tasks[0]'],
      [task({ n: 3, status: 'done', date: '2026-02-31' }), 'tasks[0]'],
      [raw({ ...SNAPSHOT, tasks: [SNAPSHOT.tasks[0], SNAPSHOT.tasks[0]] }), 'tasks[1].n'],
      [raw({ ...SNAPSHOT, tasks: Array.from({ length: 19 }, (_, i) => ({ n: (i % 18) + 1, status: 'done' })) }), 'tasks'],
    ];
    for (const [text, name] of cases) expect(await field(text), name).toBe(name);
  });

  it('keeps hostile text as text, and drops fields it does not know', async () => {
    const r = await decodeSnapshot(raw({ ...SNAPSHOT, __proto__x: 1, evil: '<img onerror=alert(1)>', tasks: [{ ...SNAPSHOT.tasks[0], html: '<b>' }] }));
    if (!('snapshot' in r)) throw new Error(r.error.text);
    expect(r.snapshot.tasks[0]).toEqual({ n: 2, status: 'under_way', note: '“一园多区” <script>alert(1)</script>' });
    expect(Object.keys(r.snapshot)).toEqual(['version', 'createdAt', 'observations', 'tasks']);
  });

  it('an empty snapshot is a snapshot (no figures, no task records), not an error', async () => {
    const r = await decodeSnapshot(await encodeSnapshot({ version: 1, createdAt: SNAPSHOT.createdAt, observations: [], tasks: [] }));
    expect(r).toEqual({ snapshot: { version: 1, createdAt: SNAPSHOT.createdAt, observations: [], tasks: [] } });
  });

  it('snapshots what the monitor shows: a figure given in two files once, the later import’s', async () => {
    const [a, b, c] = SNAPSHOT.observations;
    const newer = { ...a!, value: 1110, source: 'revised bulletin' };
    const s = makeSnapshot(
      [a!, b!, c!, newer],
      [
        { n: 17, status: 'done' },
        { n: 2, status: 'under_way' },
      ],
      { now: new Date('2026-11-30T06:00:00Z') },
    );
    expect(s.createdAt).toBe('2026-11-30T06:00:00.000Z');
    expect(s.observations).toEqual([b, c, newer]);
    expect(s.tasks.map((t) => t.n)).toEqual([2, 17]);
    // Two files with the same figure would otherwise make a link its own decoder refuses.
    expect(await decodeSnapshot(await encodeSnapshot(s))).toHaveProperty('snapshot');
  });

  it('has every message in both languages', () => {
    for (const c of ['too-long', 'bad-encoding', 'damaged', 'too-big', 'version', 'bad-field']) {
      const key = snapshotMessageKey(`msnap-${c}`);
      expect(monitorZh[key], key).toBeTruthy();
      expect(monitorEn[key], key).toBeTruthy();
    }
  });
});
