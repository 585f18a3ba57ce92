import { describe, expect, it } from 'vitest';
import { decodeText, detectBinary, scanUtf8 } from '../../src/lib/import/decode.ts';
import { MAX_FILE_BYTES } from '../../src/lib/import/files.ts';
import { message } from '../../src/lib/import/messages.ts';
import { readFile } from '../../src/lib/import/read.ts';
import { detectFormat } from '../../src/lib/import/parse.ts';
import { codes, domParser, fixtureBytes, readFixture, tableOf } from '../fixtures/listings/helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const fileErrorCodes = (name: string) => {
  const r = readFixture(name);
  return r.fileErrors ? codes(r.fileErrors) : [];
};

describe('readFile: formats and encodings', () => {
  it('reads a UTF-8 CSV with English headers', () => {
    const t = tableOf('valid-utf8.csv');
    expect(t.format).toBe('csv');
    expect(t.encoding).toBe('UTF-8');
    expect(t.rowKind).toBe('row');
    expect(t.headers).toEqual([
      'name',
      'building',
      'address',
      'area_m2',
      'space_type',
      'industries',
      'rent',
      'available_from',
      'operator',
      'contact',
      'url',
      'source',
      'date',
      'lon',
      'lat',
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(t.rows[0]!.values.address).toBe('2300 Yangshupu Rd, Yangpu');
    expect(codes(t.notes)).toEqual(['encoding']);
    expect(t.notes[0]!.params).toEqual({ encoding: 'UTF-8' });
  });

  it("reads Excel's UTF-8 CSV with a BOM and CRLF, Chinese headers kept as written", () => {
    const t = tableOf('chinese-headers.csv');
    expect(t.headers[0]).toBe('园区名称');
    expect(t.headers).toContain('可租面积(㎡)');
    expect(t.rows).toHaveLength(6);
    expect(t.rows[0]!.values['可租面积(㎡)']).toBe('1,200');
    expect(t.rows[0]!.values['备注']).toBe('南向');
  });

  it('reads the same file saved as GBK (Excel "CSV" on a Chinese Windows) to the same table', () => {
    const gbk = tableOf('valid-gbk.csv');
    const utf8 = tableOf('chinese-headers.csv');
    expect(gbk.encoding).toBe('GB18030');
    expect(gbk.notes[0]).toMatchObject({ code: 'encoding', params: { encoding: 'GB18030' } });
    expect(gbk.headers).toEqual(utf8.headers);
    expect(gbk.rows).toEqual(utf8.rows);
    // GBK bytes are not valid UTF-8: the fallback is what read them.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fixtureBytes('valid-gbk.csv'))).toThrow();
  });

  it('reads UTF-16LE with a BOM, tab-separated (Excel "Unicode text")', () => {
    const t = tableOf('unicode-text.txt');
    expect(t.encoding).toBe('UTF-16LE');
    expect(t.format).toBe('tsv');
    expect(t.headers).toEqual(['名称', '面积', '类型', '经度', '纬度']);
    expect(t.rows[1]!.values['名称']).toBe('复旦科技园（测试）');
  });

  it('reads GeoJSON: properties become cells, points their position, feature ids kept', () => {
    const t = tableOf('listings.geojson');
    expect(t.format).toBe('geojson');
    expect(t.rowKind).toBe('feature');
    expect(t.headers).toEqual(['name', 'area_m2', 'type', 'industries', 'rent_min', 'rent_max', 'operator', 'address']);
    expect(t.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.rows[0]).toMatchObject({ ref: 'a1', lonlat: [121.507, 31.293], values: { industries: 'ai, fintech', area_m2: '500' } });
    expect(t.rows[1]!.values.rent_min).toBe('');
    // A polygon stands for the point inside it; a line is refused; no geometry leaves the position to columns.
    expect(codes(t.rows[2]!.notes ?? [])).toEqual(['row-polygon-point']);
    const [lon, lat] = t.rows[2]!.lonlat!;
    expect(lon).toBeGreaterThan(121.5262);
    expect(lon).toBeLessThan(121.5289);
    expect(lat).toBeGreaterThan(31.2735);
    expect(lat).toBeLessThan(31.2762);
    expect(t.rows[3]!.errors?.[0]).toMatchObject({ code: 'row-geometry-unsupported', params: { type: 'LineString' } });
    expect(t.rows[4]!.lonlat).toBeUndefined();
  });

  it('reads KML through an injected DOMParser: ExtendedData become cells, styles are left out', () => {
    const t = tableOf('listings.kml');
    expect(t.format).toBe('kml');
    expect(t.headers).toEqual(['name', 'description', '面积', '类型', '租金', '运营方']);
    expect(t.rows.map((r) => r.ref)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(t.rows[0]!.lonlat).toEqual([121.52756, 31.27487]);
    // The CDATA description is kept as text, markup and all; it is never parsed as HTML.
    expect(t.rows[0]!.values.description).toBe('<b>South-facing</b> floor');
    expect(codes(t.rows[2]!.notes ?? [])).toEqual(['row-polygon-point']);
    expect(codes(t.rows[3]!.errors ?? [])).toEqual(['row-geometry-unsupported']);
  });

  it('uses the global DOMParser when none is injected, and says so when there is none', () => {
    const r = readFile({ name: 'a.kml', bytes: fixtureBytes('listings.kml') });
    expect(r.fileErrors?.map((e) => e.code)).toEqual(['file-kml-no-parser']);
  });

  it('detects the format from the content when the extension says nothing', () => {
    expect(detectFormat('export', '{"type":"FeatureCollection","features":[]}')).toBe('geojson');
    expect(detectFormat('data.txt', 'a\tb\tc\n1\t2\t3')).toBe('tsv');
    expect(detectFormat('data.txt', 'a,b,c\n1,2,3')).toBe('csv');
    expect(detectFormat('doc', '<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">')).toBe('kml');
    expect(detectFormat('doc', '<?xml version="1.0"?><gpx/>')).toBeNull();
    expect(detectFormat('notes.md', '# hello')).toBeNull();
  });

  it('skips a title row above the headers (a merged cell in Excel)', () => {
    const r = readFile({ name: 't.csv', bytes: enc('杨浦区可租空间清单,,,\n名称,面积,经度,纬度\nA,100,121.5,31.3\n') });
    expect(r.table?.headers).toEqual(['名称', '面积', '经度', '纬度']);
    expect(r.table?.rows[0]!.row).toBe(3);
    expect(codes(r.table!.notes)).toEqual(['encoding', 'title-row-skipped']);
  });

  it('skips rows starting with # as comments when asked, keeping spreadsheet row numbers, and says which', () => {
    const text = '# how to fill this in\n名称,面积,经度,纬度\n"# 示例：A",100,121.5,31.3\n  #x,1,2,3\nB,200,121.5,31.3\n';
    const r = readFile({ name: 't.csv', bytes: enc(text) }, { comments: true });
    expect(r.table?.headers).toEqual(['名称', '面积', '经度', '纬度']);
    expect(r.table?.rows.map((x) => [x.row, x.values['名称']])).toEqual([[5, 'B']]);
    expect(r.table!.notes.at(-1)).toMatchObject({ code: 'comment-rows-skipped', params: { count: 3, rows: '1, 3, 4' } });
    // Without the option a "#" is data: a listing may be called "#1 Building".
    const plain = readFile({ name: 't.csv', bytes: enc('名称,面积\n#1 Building,100\n') });
    expect(plain.table?.rows.map((x) => x.values['名称'])).toEqual(['#1 Building']);
    expect(codes(plain.table!.notes)).toEqual(['encoding']);
  });

  it('renames repeated and blank headers, and says so', () => {
    const r = readFile({ name: 't.csv', bytes: enc('name,name,,area\nA,B,C,1\n') });
    expect(r.table?.headers).toEqual(['name', 'name (2)', '#3', 'area']);
    expect(codes(r.table!.notes)).toEqual(['encoding', 'header-renamed', 'header-blank']);
    expect(r.table!.rows[0]!.values).toEqual({ name: 'A', 'name (2)': 'B', '#3': 'C', area: '1' });
  });

  it('reports malformed CSV row by row: extra cells, missing cells, stray and unclosed quotes', () => {
    const t = tableOf('malformed.csv');
    expect(t.rows.map((r) => [r.row, codes(r.errors ?? []), codes(r.notes ?? [])])).toEqual([
      [2, [], []],
      [3, ['row-too-many-cells'], []],
      [4, [], ['row-cells-missing']],
      [5, ['row-bad-quotes'], []],
      [6, [], []],
      // The unclosed quote swallows the rest of the file into this row.
      [7, ['row-unclosed-quote'], []],
    ]);
    expect(t.rows[1]!.errors![0]!.params).toEqual({ found: 6, expected: 4 });
  });
});

describe('readFile: files that cannot be read', () => {
  it.each([
    ['empty.csv', 'file-empty'],
    ['header-only.csv', 'file-no-rows'],
    ['image.png', 'file-binary'],
    ['workbook.xlsx', 'file-spreadsheet'],
    ['workbook-renamed.csv', 'file-spreadsheet'],
    ['broken-utf8.csv', 'file-encoding'],
    ['truncated.geojson', 'file-json-invalid'],
    ['topojson.json', 'file-not-geojson'],
    ['not-kml.kml', 'file-kml-root'],
    ['broken.kml', 'file-kml-syntax'],
    ['entity.kml', 'file-kml-entities'],
  ])('%s → %s', (name, code) => {
    expect(fileErrorCodes(name)).toEqual([code]);
  });

  it('explains the encoding problem with the offset of the first broken byte', () => {
    const r = readFixture('broken-utf8.csv');
    const params = r.fileErrors?.[0]!.params;
    expect(params?.encoding).toBe('UTF-8');
    // The byte is where the file breaks: every byte before it decodes.
    const at = Number(params?.byte);
    const bytes = fixtureBytes('broken-utf8.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at))).not.toThrow();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at + 4))).toThrow();
  });

  it('says where JSON breaks by line and character when the engine gives a position, in the reader’s words', () => {
    const json = (text: string) => readFile({ name: 'a.geojson', bytes: new TextEncoder().encode(text) }).fileErrors?.[0];
    const broken = json('{\n  "type": "FeatureCollection",\n  "features": [}\n');
    let position = -1;
    try {
      JSON.parse('{\n  "type": "FeatureCollection",\n  "features": [}\n');
    } catch (e) {
      position = Number(/position (\d+)/.exec(String(e))?.[1] ?? -1);
    }
    if (position >= 0) expect(broken).toMatchObject({ code: 'file-json-invalid-at', params: { line: 3, column: 16 } });
    else expect(broken?.code).toBe('file-json-invalid');
  });

  it('refuses entity declarations in KML before parsing', () => {
    expect(readFixture('entity.kml').fileErrors?.[0]!.code).toBe('file-kml-entities');
    expect(readFixture('not-kml.kml').fileErrors?.[0]!.params).toEqual({ root: 'gpx' });
  });

  it('refuses a file over the size limit before reading it (default 5 MB)', () => {
    expect(MAX_FILE_BYTES).toBe(5 * 1024 * 1024);
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41);
    const r = readFile({ name: 'big.csv', bytes: big });
    expect(r.fileErrors).toEqual([{ code: 'file-too-large', params: { sizeMB: 5, maxMB: 5 }, text: 'The file is 5 MB; the limit is 5 MB.' }]);
    const small = readFile({ name: 'a.csv', bytes: enc('name,area\nA,1\n') }, { maxBytes: 10 });
    expect(codes(small.fileErrors ?? [])).toEqual(['file-too-large']);
  });

  it('refuses more rows or columns than the limits', () => {
    const rows = ['name,area,lon,lat', ...Array.from({ length: 11 }, (_, i) => `P${i},1,121.5,31.3`)].join('\n');
    const r = readFile({ name: 'a.csv', bytes: enc(rows) }, { maxRows: 10 });
    expect(r.fileErrors?.[0]).toMatchObject({ code: 'file-too-many-rows', params: { rows: 11, max: 10 } });
    const wide = readFile({ name: 'a.csv', bytes: enc(`${Array.from({ length: 5 }, (_, i) => `c${i}`).join(',')}\n1,2,3,4,5`) }, { maxColumns: 4 });
    expect(wide.fileErrors?.[0]).toMatchObject({ code: 'file-too-many-columns', params: { columns: 5, max: 4 } });
    const features = JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 3 }, () => ({ type: 'Feature', properties: {}, geometry: null })),
    });
    // Counted as what the file holds: features, and a KML's placemarks, not "data rows".
    expect(readFile({ name: 'a.geojson', bytes: enc(features) }, { maxRows: 2 }).fileErrors).toEqual([message('file-too-many-features', { rows: 3, max: 2 })]);
    const placemarks = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${'<Placemark><name>P</name><Point><coordinates>121.5,31.3</coordinates></Point></Placemark>'.repeat(3)}</Document></kml>`;
    const kml = readFile({ name: 'a.kml', bytes: enc(placemarks) }, { maxRows: 2, domParser });
    expect(kml.fileErrors).toEqual([message('file-too-many-placemarks', { rows: 3, max: 2 })]);
    expect(kml.fileErrors![0]!.text).toBe('The file has 3 placemarks; the limit is 2.');
  });

  it('names a KML MultiGeometry as KML does, nested or not, and a GeoJSON collection as GeoJSON does', () => {
    const point = (x: number) => `<Point><coordinates>${x},31.3</coordinates></Point>`;
    const line = '<LineString><coordinates>121.5,31.3 121.6,31.3</coordinates></LineString>';
    const placemark = (geometry: string) => `<Placemark><name>P</name>${geometry}</Placemark>`;
    const doc = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${[
      placemark(`<MultiGeometry>${point(121.5)}${line}</MultiGeometry>`),
      placemark(`<MultiGeometry><MultiGeometry>${point(121.5)}${point(121.6)}</MultiGeometry>${line}</MultiGeometry>`),
    ].join('')}</Document></kml>`;
    const t = readFile({ name: 'multi.kml', bytes: enc(doc) }, { domParser }).table!;
    expect(t.rows.map((r) => r.errors)).toEqual([
      [message('row-geometry-unsupported', { type: 'MultiGeometry' })],
      [message('row-geometry-unsupported', { type: 'MultiGeometry' })],
    ]);
    const collection = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [121.5, 31.3] },
        { type: 'Point', coordinates: [121.6, 31.3] },
      ],
    };
    const json = JSON.stringify({ type: 'Feature', properties: { name: 'P' }, geometry: collection });
    expect(readFile({ name: 'c.geojson', bytes: enc(json) }).table!.rows[0]!.errors).toEqual([
      message('row-geometry-unsupported', { type: 'GeometryCollection' }),
    ]);
  });

  it('refuses whitespace-only text, web pages and unknown formats', () => {
    expect(codes(readFile({ name: 'a.csv', bytes: enc(' \n\r\n ') }).fileErrors ?? [])).toEqual(['file-empty']);
    expect(codes(readFile({ name: 'a.csv', bytes: enc('<!DOCTYPE html><html><body>hi</body></html>') }).fileErrors ?? [])).toEqual(['file-format-unknown']);
    expect(codes(readFile({ name: 'a.pdf.txt', bytes: enc('just some words') }).fileErrors ?? [])).toEqual(['file-format-unknown']);
    expect(codes(readFile({ name: 'a.kmz', bytes: enc('whatever') }).fileErrors ?? [])).toEqual(['file-kmz']);
  });

  it('checks every path with the injected parser without touching the global one', () => {
    expect(typeof (globalThis as { DOMParser?: unknown }).DOMParser).toBe('undefined');
    expect(readFile({ name: 'a.kml', bytes: fixtureBytes('listings.kml') }, { domParser }).table?.rows).toHaveLength(4);
  });
});

describe('decode', () => {
  it('tells binary from text by magic numbers, NUL bytes and control characters', () => {
    expect(detectBinary(fixtureBytes('image.png'))?.code).toBe('file-binary');
    expect(detectBinary(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))?.code).toBe('file-binary'); // %PDF-
    expect(detectBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls')?.code).toBe('file-spreadsheet');
    // An old workbook renamed as a table gets the workbook's advice; an OLE file of another name stays binary.
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(readFile({ name: '房源.csv', bytes: ole }).fileErrors).toEqual([message('file-spreadsheet')]);
    expect(detectBinary(ole, 'list.txt')?.code).toBe('file-spreadsheet');
    expect(detectBinary(ole, 'minutes.doc')?.code).toBe('file-binary');
    expect(detectBinary(enc('a,b\n1,2\0'))?.code).toBe('file-binary');
    expect(detectBinary(new Uint8Array([1, 2, 3, 4, 5, 0x41]))?.code).toBe('file-binary');
    expect(detectBinary(enc('a,b\n1,2\n'))).toBeNull();
    // UTF-16 is full of NUL bytes but announced by its BOM.
    expect(detectBinary(fixtureBytes('unicode-text.txt'))).toBeNull();
  });

  it('decodes UTF-8 with or without BOM, UTF-16BE, and GB18030 as the fallback', () => {
    expect(decodeText(enc('名称'))).toEqual({ text: '名称', encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('名称')]))).toEqual({ text: '名称', encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x54, 0x0d, 0x79, 0xf0]))).toEqual({ text: '名称', encoding: 'UTF-16BE' });
    expect(decodeText(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6]))).toEqual({ text: '名称', encoding: 'GB18030' });
    // Latin-1 "Café," is neither UTF-8 nor GB18030 (0xE9 must be followed by a GB trail byte).
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c]))).toMatchObject({ error: { code: 'file-encoding-unknown' } });
    // A UTF-16 mark over text that is not UTF-16 (an unpaired surrogate).
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toMatchObject({
      error: { code: 'file-encoding-utf16', params: { encoding: 'UTF-16LE' } },
    });
  });

  it('counts UTF-8 sequences to refuse a broken UTF-8 file rather than read it as GBK', () => {
    const s = scanUtf8(fixtureBytes('broken-utf8.csv'));
    expect(s.bad).toBeGreaterThan(0);
    expect(s.multibyte).toBeGreaterThan(4 * s.bad);
    expect(scanUtf8(fixtureBytes('valid-gbk.csv')).multibyte).toBeLessThan(4 * scanUtf8(fixtureBytes('valid-gbk.csv')).bad);
  });
});
