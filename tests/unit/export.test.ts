import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../support/features.ts';
// The export loads the panels' catalogue (units, legend words) before it draws: so do these tests.
import '../../src/lib/i18n/panels.ts';
import { defaultVisibility } from '../../src/lib/layers/registry.ts';
import { light } from '../../src/lib/layers/theme.ts';
import {
  attributionLayout,
  attributionText,
  exportFileName,
  LEGEND,
  legendEntries,
  legendLayout,
  metersPerPixel,
  niceScale,
  titleLayout,
  wrapText,
  type LegendEntry,
  type Measure,
} from '../../src/lib/map/export.ts';

/** A stand-in for canvas text metrics: 7 px a Latin character, 12 px a CJK one. */
const measure: Measure = (text) => [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 7), 0);

describe('scale bar', () => {
  it('computes metres per pixel for 512-pixel tiles (worked example at 31.3° N)', () => {
    // cos(31.3°) = 0.854459…; 40 075 016.686 × 0.854459 / (512 × 2^12) = 16.328 m, and 8 times less at zoom 15.
    expect(metersPerPixel(31.3, 12)).toBeCloseTo(16.328, 3);
    expect(metersPerPixel(31.3, 15)).toBeCloseTo(2.041, 3);
    expect(metersPerPixel(0, 0)).toBeCloseTo(78271.517, 3);
  });

  it('picks 1 km (61.2 px) at zoom 12 and 500 m (245.0 px) at zoom 15 within their widths', () => {
    // Zoom 12, 100 px: at most 1 632.8 m, so 1 km, drawn 1000 / 16.328 = 61.24 px long.
    const z12 = niceScale(metersPerPixel(31.3, 12), 100, 'en');
    expect(z12).toEqual({ meters: 1000, px: expect.closeTo(61.244, 3), label: '1 km' });
    // With 150 px, 2 km (122.49 px) fits.
    expect(niceScale(metersPerPixel(31.3, 12), 150, 'en')).toMatchObject({ meters: 2000, px: expect.closeTo(122.488, 3), label: '2 km' });
    // Zoom 15, 250 px: at most 510 m, so 500 m at 244.98 px; with 150 px (306 m) only 200 m (97.99 px).
    expect(niceScale(metersPerPixel(31.3, 15), 250, 'en')).toEqual({ meters: 500, px: expect.closeTo(244.977, 3), label: '500 m' });
    expect(niceScale(metersPerPixel(31.3, 15), 150, 'en')).toMatchObject({ meters: 200, px: expect.closeTo(97.991, 3), label: '200 m' });
  });

  it('never draws a bar longer than the width it is given, and is never less than a fifth of it', () => {
    for (let zoom = 8; zoom <= 18; zoom += 0.25) {
      for (const maxWidth of [60, 100, 123, 150, 240]) {
        const s = niceScale(metersPerPixel(31.3, zoom), maxWidth, 'en');
        expect(s.px, `zoom ${zoom}, ${maxWidth} px`).toBeLessThanOrEqual(maxWidth);
        // 1-2-5 steps: the next step up is at most 2.5 times longer, so the bar fills over 40 % of the room.
        expect(s.px, `zoom ${zoom}, ${maxWidth} px`).toBeGreaterThan(maxWidth * 0.4);
        expect(String(s.meters)).toMatch(/^[125]0*$|^0\.0*[125]$/);
      }
    }
    // Exactly fitting lengths are taken (no float slop either way).
    expect(niceScale(10, 50, 'en').meters).toBe(500);
    expect(niceScale(10, 49.999, 'en').meters).toBe(200);
  });

  it('labels metres below a kilometre and kilometres from there', () => {
    expect(niceScale(1, 120, 'en').label).toBe('100 m');
    expect(niceScale(1, 600, 'en').label).toBe('500 m');
    expect(niceScale(10, 120, 'en').label).toBe('1 km');
    expect(niceScale(100, 60, 'en').label).toBe('5 km');
    expect(() => niceScale(0, 100, 'en')).toThrow(RangeError);
  });

  it('labels the scale in the image’s language', () => {
    expect(niceScale(1, 120, 'zh').label).toBe('100 米');
    expect(niceScale(10, 120, 'zh').label).toBe('1 公里');
    expect(niceScale(metersPerPixel(31.3, 12), 150, 'zh')).toMatchObject({ meters: 2000, label: '2 公里' });
  });
});

describe('legend rows', () => {
  it('lists the visible rows in registry order, in the language asked for, and leaves unavailable rows out', () => {
    const visible = defaultVisibility(REGISTRY);
    const ids = REGISTRY.map((d) => d.id);
    // Hide one row that is on by default, show one that is off (if any), and make a basemap row unavailable.
    const hidden = ids.find((id) => visible[id])!;
    visible[hidden] = false;
    const missing = REGISTRY.find((d) => d.source === 'basemap' && visible[d.id])!.id;
    const entries = legendEntries({ registry: REGISTRY, visible, unavailable: new Set([missing]) }, 'en');
    const expected = REGISTRY.filter((d) => visible[d.id] && d.id !== missing).map((d) => d.id);
    expect(entries.map((e) => e.id)).toEqual(expected);
    expect(entries.map((e) => e.id)).not.toContain(hidden);
    expect(entries.map((e) => e.id)).not.toContain(missing);
    expect(entries.length).toBeGreaterThan(5);
    // Labels in the current language, symbols from the registry.
    const first = REGISTRY.find((d) => d.id === expected[0])!;
    expect(entries[0]).toEqual({ id: first.id, label: first.label.en, symbol: first.legend(light) });
    const zh = legendEntries({ registry: REGISTRY, visible, unavailable: new Set([missing]) }, 'zh');
    expect(zh.map((e) => e.label)).toEqual(REGISTRY.filter((d) => expected.includes(d.id)).map((d) => d.label.zh));
  });

  it('labels every row of the registry in one language at a time, so the image’s legend is in the reader’s', () => {
    const everything = { registry: REGISTRY, visible: Object.fromEntries(REGISTRY.map((d) => [d.id, true])), unavailable: new Set<string>() };
    for (const e of legendEntries(everything, 'en')) expect(e.label, e.id).not.toMatch(/[\u4e00-\u9fff]/);
    for (const e of legendEntries(everything, 'zh')) expect(e.label, e.id).not.toMatch(/[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}/);
  });

  it('keeps the rows in that order in the layout, one column when they fit', () => {
    const entries = legendEntries({ registry: REGISTRY, visible: defaultVisibility(REGISTRY), unavailable: new Set() }, 'en');
    const layout = legendLayout(entries, { measure, maxWidth: 520, maxHeight: 2000, heading: 'Legend' });
    expect(layout.columns).toBe(1);
    expect(layout.omitted).toBe(0);
    expect(layout.items.map((i) => i.entry.id)).toEqual(entries.map((e) => e.id));
    // Rows go down the column without overlapping, below the heading.
    let y = LEGEND.padding + LEGEND.headingHeight;
    for (const item of layout.items) {
      expect(item.x).toBe(LEGEND.padding);
      expect(item.y).toBe(y);
      y += item.height + LEGEND.rowGap;
    }
    expect(layout.height).toBe(y - LEGEND.rowGap + LEGEND.padding);
    expect(layout.width).toBeLessThanOrEqual(520);
  });

  const rows = (n: number): LegendEntry[] =>
    Array.from({ length: n }, (_, i) => ({ id: `r${i}`, label: `Row ${i}`, symbol: { kind: 'circle', fill: '#000', line: '#000' } }));

  it('wraps into more columns, filled in order and balanced, when the rows are too many for the height', () => {
    // 10 rows of 16 px + 4 px gap: 196 px in one column. 150 px of room would take 7 rows, then 3; balanced, 5 and 5.
    const maxHeight = 150 + 2 * LEGEND.padding;
    const layout = legendLayout(rows(10), { measure, maxWidth: 400, maxHeight });
    expect(layout.omitted).toBe(0);
    expect(layout.columns).toBe(2);
    expect(layout.items.map((i) => i.entry.id)).toEqual(rows(10).map((r) => r.id));
    const xs = layout.items.map((i) => i.x);
    expect(xs.slice(0, 5).every((x) => x === xs[0])).toBe(true);
    expect(xs.slice(5).every((x) => x > xs[0]!)).toBe(true);
    // The second column starts at the top, beside the first, clear of its widest label.
    expect(layout.items[5]!.y).toBe(layout.items[0]!.y);
    expect(xs[5]).toBe(LEGEND.padding + LEGEND.symbolWidth + LEGEND.symbolGap + measure('Row 0', '') + LEGEND.columnGap);
    expect(layout.height).toBe(2 * LEGEND.padding + 5 * 16 + 4 * LEGEND.rowGap);
    expect(layout.width).toBeLessThanOrEqual(400);
  });

  it('leaves off the rows that fit nowhere, with room for the "+N more" line inside the box', () => {
    const maxHeight = 100 + 2 * LEGEND.padding;
    // Narrow: one column only (two would leave less than the minimum label width).
    const layout = legendLayout(rows(12), { measure, maxWidth: 120, maxHeight });
    expect(layout.columns).toBe(1);
    // 100 px: five rows end at 96; the sixth would end at 116. The "+N more" line (15 px) needs 96 + 4 + 15 > 100, so four rows.
    expect(layout.items.map((i) => i.entry.id)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(layout.omitted).toBe(8);
    expect(layout.moreY).toBe(LEGEND.padding + 4 * 20);
    expect(layout.moreY + LEGEND.lineHeight).toBeLessThanOrEqual(layout.height - LEGEND.padding);
    expect(layout.height).toBeLessThanOrEqual(maxHeight);
  });

  it('wraps long labels within the column and makes the row taller', () => {
    const entries: LegendEntry[] = [
      { id: 'a', label: 'Drone delivery routes (indicative straight lines)', symbol: { kind: 'line', color: '#000', width: 2 } },
      { id: 'b', label: 'Incubators', symbol: { kind: 'circle', fill: '#000', line: '#000' } },
    ];
    const layout = legendLayout(entries, { measure, maxWidth: 200, maxHeight: 500 });
    const labelRoom = 200 - 2 * LEGEND.padding - LEGEND.symbolWidth - LEGEND.symbolGap;
    expect(layout.items[0]!.lines.length).toBeGreaterThan(1);
    for (const line of layout.items[0]!.lines) expect(measure(line, '')).toBeLessThanOrEqual(labelRoom);
    expect(layout.items[0]!.lines.join(' ')).toBe(entries[0]!.label);
    expect(layout.items[0]!.height).toBe(layout.items[0]!.lines.length * LEGEND.lineHeight);
    expect(layout.items[1]!.y).toBe(layout.items[0]!.y + layout.items[0]!.height + LEGEND.rowGap);
    expect(layout.width).toBeLessThanOrEqual(200);
  });
});

describe('text layout', () => {
  it('breaks English at spaces and Chinese between characters, never before closing punctuation', () => {
    expect(wrapText('one two three four', 60, '', measure)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('杨浦区交互地图', 36, '', measure)).toEqual(['杨浦区', '交互地', '图']);
    // 《行动方案》: the closing bracket stays with the text before it.
    const lines = wrapText('《行动方案》', 60, '', measure);
    expect(lines.join('')).toBe('《行动方案》');
    for (const line of lines) expect(line).not.toMatch(/^[》）]/);
    expect(lines.some((l) => l.endsWith('《'))).toBe(false);
    // A word longer than the line is cut.
    expect(wrapText('GCJ-02→WGS-84', 35, '', measure)).toEqual(['GCJ-0', '2→WGS', '-84']);
    expect(wrapText('', 100, '', measure)).toEqual(['']);
  });

  it('wraps the attribution on a phone-wide image and keeps it on one line on a wide one', () => {
    const text = '© OpenStreetMap contributors (ODbL) · District outlines: echarts 4.9.0 (Apache-2.0) · Plan: 杨府发〔2024〕12号';
    expect(attributionLayout(text, 2000, measure).lines).toHaveLength(1);
    const phone = attributionLayout(text, 390, measure);
    expect(phone.lines.length).toBeGreaterThan(1);
    // Nothing lost: the lines hold the whole text (a line may break between 〕 and 12, where no space was).
    expect(
      phone.lines
        .map((l) => l.text)
        .join('')
        .replace(/\s/g, ''),
    ).toBe(text.replace(/\s/g, ''));
    for (const line of phone.lines) expect(measure(line.text, '')).toBeLessThanOrEqual(390 - 16);
    expect(phone.height).toBe(phone.lines.length * 15 + 8);
  });

  it('puts the date beside the title when there is room, under it otherwise', () => {
    const texts = { title: 'Yangpu Innovation Map', subtitle: 'Action plan 2024–2026', date: 'Exported 2 March 2025' };
    const wide = titleLayout(texts, 1200, measure);
    const date = wide.lines.find((l) => l.text === texts.date)!;
    expect(date).toMatchObject({ align: 'right', x: 1200 - 12, y: 8 });
    const narrow = titleLayout(texts, 300, measure);
    const under = narrow.lines.find((l) => l.text === texts.date)!;
    expect(under.align).toBe('left');
    expect(under.y).toBeGreaterThan(narrow.lines.find((l) => l.text === texts.subtitle)!.y);
    expect(narrow.height).toBeGreaterThan(wide.height);
  });

  it('credits the basemap first, then each other source once, as plain text', () => {
    const base = '© OpenStreetMap contributors (ODbL)';
    expect(attributionText(base, [base, undefined, 'Plan places: <a href="x">project dataset</a>', 'Plan places: project dataset'])).toBe(
      '© OpenStreetMap contributors (ODbL) · Plan places: project dataset',
    );
    expect(attributionText(base, [])).toBe(base);
  });

  it('names the file after the local date and time', () => {
    expect(exportFileName(new Date(2025, 0, 2, 9, 5))).toBe('yangpu-map-20250102-0905.png');
    expect(exportFileName(new Date(2024, 11, 31, 23, 59))).toBe('yangpu-map-20241231-2359.png');
  });
});
