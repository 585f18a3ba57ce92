import { registerMessages, type Message } from '../i18n/index.ts';
/**
 * Messages of the listings import (file reading, column mapping, row report) and the labels of listing fields,
 * space types and coordinate systems. Chinese defines the keys, English matches them. An import message's key
 * is `import.<code>` (see `importKey`); `{name}` placeholders are filled from the message's params.
 */
export const importZh = {
  // File-level errors: nothing was read.
  'import.file-empty': '文件为空。',
  'import.file-too-large': '文件大小为 {sizeMB} MB，超过上限 {maxMB} MB。',
  'import.file-too-many-rows': '文件有 {rows} 行数据，超过上限 {max} 行。',
  'import.file-too-many-columns': '文件有 {columns} 列，超过上限 {max} 列。',
  'import.file-binary': '这不是文本文件（含二进制数据）。请导入 CSV、GeoJSON 或 KML 文件。',
  'import.file-spreadsheet': '这是 Excel/WPS 工作簿。请在表格软件中“另存为”CSV（UTF-8）后再导入。',
  'import.file-kmz': '这是 KMZ 压缩包。请解压后导入其中的 doc.kml。',
  'import.file-encoding': '无法识别文件的文字编码（{detail}）。请另存为 UTF-8 或 GBK 编码后重试。',
  'import.file-format-unknown': '无法识别的文件格式。请导入 .csv、.tsv、.geojson/.json 或 .kml 文件。',
  'import.file-json-invalid': '文件不是有效的 JSON：{detail}。',
  'import.file-not-geojson': '该 JSON 不是 GeoJSON 要素（Feature）或要素集（FeatureCollection）。',
  'import.file-kml-invalid': '文件不是有效的 KML：{detail}。',
  'import.file-no-header': '第一行（列标题）为空。',
  'import.file-no-rows': '文件中没有数据行。',
  // Notes about the whole file.
  'import.encoding': '文字编码：{encoding}。',
  'import.header-renamed': '列标题“{header}”重复，后一列改称“{renamed}”。',
  'import.header-blank': '第 {column} 列没有标题，改称“{renamed}”。',
  'import.title-row-skipped': '第 {row} 行只有一个单元格，视为表格标题跳过；列标题取下一行。',
  'import.columns-ignored': '未使用的列：{columns}。',
  'import.mapping-missing-name': '没有指定“名称”列：所有行都将被拒绝。',
  'import.mapping-missing-area': '没有指定“面积”列：所有行都将被拒绝。',
  'import.mapping-missing-coordinates': '没有指定经度、纬度列，文件中也没有点位：所有行都将被拒绝。',
  'import.crs-wgs84': '坐标按 WGS-84 读取，无需转换。',
  'import.crs-converted': '坐标按 {crs} 读取，并已转换为 WGS-84。',
  'import.offset-hint':
    '按 {current} 读取时，各点距最近地铁站的中位距离为 {currentM} 米；按 {suggested} 读取则为 {suggestedM} 米。文件可能使用的是 {suggested} 坐标。',
  // Row errors: the row is rejected.
  'import.row-bad-quotes': '此行的引号不配对，无法读取。',
  'import.row-unclosed-quote': '此行有一个引号没有闭合：此行及其后的内容都无法读取。',
  'import.row-too-many-cells': '此行有 {found} 个单元格，多于列标题的 {expected} 个。',
  'import.row-no-name': '缺少名称。',
  'import.row-no-area': '缺少可租面积。',
  'import.row-bad-area': '面积“{value}”不是有效的平方米数（应在 1 至 1,000,000 之间）。',
  'import.row-no-coordinates': '缺少坐标。',
  'import.row-not-geocoded': '只有地址、没有坐标：不做地址解析（{address}）。请补充经纬度。',
  'import.row-bad-coordinates': '坐标“{value}”不是数字。',
  'import.row-coordinates-swapped': '经纬度似乎填反了（{lon}, {lat}）：请交换经度、纬度两列。',
  'import.row-out-of-range': '坐标（{lon}, {lat}）不是有效的经纬度。',
  'import.row-outside-area': '点位（{lon}, {lat}）不在上海范围内。',
  'import.row-geometry-unsupported': '不支持 {type} 几何，请使用点（或面）。',
  'import.row-duplicate': '与第 {first} 行重复。',
  // Row notes: the row is kept.
  'import.row-polygon-point': '面已换成其内部的一个点。',
  'import.row-cells-missing': '此行只有 {found} 个单元格（列标题有 {expected} 个），缺少的按空白处理。',
  'import.row-type-unknown': '无法识别空间类型“{value}”，按“其他”处理。',
  'import.row-area-range': '面积“{value}”是一个范围，取最大值 {area} 平方米。',
  'import.row-bad-rent': '无法识别租金“{value}”，已略去。',
  'import.row-rent-monthly': '租金按“元/平方米/月”填写，已换算为元/平方米/天。',
  'import.row-rent-yearly': '租金按“元/平方米/年”填写，已换算为元/平方米/天。',
  'import.row-rent-high': '租金 {value} 元/平方米/天 异常偏高：是否按月填写？',
  'import.row-rent-swapped': '租金下限高于上限，已交换。',
  'import.row-bad-available-date': '无法识别可入驻日期“{value}”，已略去。',
  'import.row-bad-source-date': '无法识别信息日期“{value}”，已略去。',
  'import.row-url-dropped': '链接“{value}”不是网页地址（http/https），已删除。',
  'import.row-markup': '“{field}”中含有标记代码（如 <script>）：按纯文本保存和显示，不会执行。',
  'import.row-formula': '“{field}”看起来像表格公式：按纯文本保存；导出 CSV 时会加前缀，防止被表格软件当作公式执行。',
  'import.row-text-cleaned': '已从“{field}”中删除控制字符。',
  'import.row-text-truncated': '“{field}”过长，截取前 {max} 个字符。',
  'import.row-duplicate-id': '要素编号“{ref}”重复，此条改为“{id}”。',
  // Keeping inventories in the browser.
  'import.storage-unavailable': '此浏览器不允许保存数据（可能处于无痕/隐私模式，或已禁用网站存储）：导入的数据只在本页面打开期间有效。',
  'import.storage-full': '浏览器存储空间已满，未能保存。请移除一些已导入的数据后重试。',
  'import.storage-failed': '保存失败：{detail}。',
  // Labels of listing fields (the column-mapping step).
  'import.field.name': '名称（园区/楼宇）',
  'import.field.building': '楼栋',
  'import.field.address': '地址',
  'import.field.areaM2': '可租面积（平方米）',
  'import.field.spaceType': '空间类型',
  'import.field.industries': '产业方向',
  'import.field.rentMin': '最低租金（元/平方米/天）',
  'import.field.rentMax': '最高租金（元/平方米/天）',
  'import.field.rent': '租金（单值或范围）',
  'import.field.availableFrom': '可入驻日期',
  'import.field.operator': '运营方',
  'import.field.contact': '联系方式',
  'import.field.url': '网页链接',
  'import.field.source': '信息来源',
  'import.field.sourceDate': '信息日期',
  'import.field.lon': '经度',
  'import.field.lat': '纬度',
  'import.field.lonlat': '经纬度（一列）',
  // Space types.
  'import.type.office': '办公',
  'import.type.lab': '实验室',
  'import.type.light_industrial': '研发/轻工业',
  'import.type.incubator_desk': '孵化工位',
  'import.type.coworking': '共享办公',
  'import.type.other': '其他',
  // Coordinate systems.
  'import.crs.wgs84': 'WGS-84（GPS、天地图、OpenStreetMap）',
  'import.crs.gcj02': 'GCJ-02（高德、腾讯）',
  'import.crs.bd09': 'BD-09（百度）',
};

export const importEn: Record<keyof typeof importZh, string> = {
  'import.file-empty': 'The file is empty.',
  'import.file-too-large': 'The file is {sizeMB} MB; the limit is {maxMB} MB.',
  'import.file-too-many-rows': 'The file has {rows} data rows; the limit is {max}.',
  'import.file-too-many-columns': 'The file has {columns} columns; the limit is {max}.',
  'import.file-binary': 'This is not a text file (it holds binary data). Import a CSV, GeoJSON or KML file.',
  'import.file-spreadsheet':
    'This is an Excel/WPS workbook. Save it as CSV (UTF-8) in your spreadsheet program ("Save as") and import the CSV.',
  'import.file-kmz': 'This is a KMZ archive. Unzip it and import the doc.kml inside.',
  'import.file-encoding': 'The text encoding could not be read ({detail}). Save the file as UTF-8 or GBK and try again.',
  'import.file-format-unknown': 'Unknown file format. Import a .csv, .tsv, .geojson/.json or .kml file.',
  'import.file-json-invalid': 'The file is not valid JSON: {detail}.',
  'import.file-not-geojson': 'The JSON is not a GeoJSON Feature or FeatureCollection.',
  'import.file-kml-invalid': 'The file is not valid KML: {detail}.',
  'import.file-no-header': 'The first row (the column headers) is empty.',
  'import.file-no-rows': 'The file has no data rows.',
  'import.encoding': 'Text encoding: {encoding}.',
  'import.header-renamed': 'Column header "{header}" repeats; the later column is called "{renamed}".',
  'import.header-blank': 'Column {column} has no header; it is called "{renamed}".',
  'import.title-row-skipped': 'Row {row} holds a single cell: taken as a title and skipped; the headers are on the next row.',
  'import.columns-ignored': 'Columns not used: {columns}.',
  'import.mapping-missing-name': 'No column is chosen for the name: every row will be rejected.',
  'import.mapping-missing-area': 'No column is chosen for the floor area: every row will be rejected.',
  'import.mapping-missing-coordinates':
    'No longitude and latitude columns are chosen and the file has no points: every row will be rejected.',
  'import.crs-wgs84': 'Coordinates read as WGS-84: no conversion.',
  'import.crs-converted': 'Coordinates read as {crs} and converted to WGS-84.',
  'import.offset-hint':
    'Read as {current}, the points lie a median {currentM} m from the nearest metro station; read as {suggested}, {suggestedM} m. The file may be in {suggested}.',
  'import.row-bad-quotes': 'The quotes in this row do not pair up: it could not be read.',
  'import.row-unclosed-quote': 'A quote opened in this row is never closed: this row and everything after it could not be read.',
  'import.row-too-many-cells': 'The row has {found} cells, more than the {expected} column headers.',
  'import.row-no-name': 'No name.',
  'import.row-no-area': 'No floor area.',
  'import.row-bad-area': 'Floor area "{value}" is not a number of m² (1 to 1,000,000).',
  'import.row-no-coordinates': 'No coordinates.',
  'import.row-not-geocoded': 'Address without coordinates: not geocoded ({address}). Add longitude and latitude.',
  'import.row-bad-coordinates': 'Coordinates "{value}" are not numbers.',
  'import.row-coordinates-swapped': 'Latitude and longitude look swapped ({lon}, {lat}): swap the two columns.',
  'import.row-out-of-range': 'Coordinates ({lon}, {lat}) are not a valid longitude and latitude.',
  'import.row-outside-area': 'The point ({lon}, {lat}) is outside Shanghai.',
  'import.row-geometry-unsupported': 'Geometry {type} is not supported; use a point (or a polygon).',
  'import.row-duplicate': 'Same listing as row {first}.',
  'import.row-polygon-point': 'The polygon was replaced by a point inside it.',
  'import.row-cells-missing':
    'The row has only {found} cells (the header has {expected}); the missing ones are taken as blank.',
  'import.row-type-unknown': 'Space type "{value}" not recognised: shown as "other".',
  'import.row-area-range': 'Floor area "{value}" is a range: the largest, {area} m², is used.',
  'import.row-bad-rent': 'Rent "{value}" not understood: left out.',
  'import.row-rent-monthly': 'Rent given per m² per month: converted to 元/m²/day.',
  'import.row-rent-yearly': 'Rent given per m² per year: converted to 元/m²/day.',
  'import.row-rent-high': 'Rent {value} 元/m²/day is unusually high: is it per month?',
  'import.row-rent-swapped': 'The minimum rent was above the maximum: swapped.',
  'import.row-bad-available-date': 'Available-from date "{value}" not understood: left out.',
  'import.row-bad-source-date': 'Source date "{value}" not understood: left out.',
  'import.row-url-dropped': 'Link "{value}" is not a web address (http/https) and was dropped.',
  'import.row-markup': '"{field}" contains markup (such as <script>): kept and shown as plain text, never run.',
  'import.row-formula':
    '"{field}" looks like a spreadsheet formula: kept as plain text; CSV exports prefix it so that spreadsheets do not run it.',
  'import.row-text-cleaned': 'Control characters were removed from "{field}".',
  'import.row-text-truncated': '"{field}" is too long: cut to {max} characters.',
  'import.row-duplicate-id': 'Feature id "{ref}" repeats: this one is "{id}".',
  'import.storage-unavailable':
    'This browser does not allow saving data (private mode, or site storage switched off): the imported data lasts only while this page is open.',
  'import.storage-full': 'The browser\'s storage is full: nothing was saved. Remove some imported data and try again.',
  'import.storage-failed': 'Saving failed: {detail}.',
  'import.field.name': 'Name (park / building)',
  'import.field.building': 'Building',
  'import.field.address': 'Address',
  'import.field.areaM2': 'Floor area available (m²)',
  'import.field.spaceType': 'Space type',
  'import.field.industries': 'Industry focus',
  'import.field.rentMin': 'Rent from (元/m²/day)',
  'import.field.rentMax': 'Rent to (元/m²/day)',
  'import.field.rent': 'Rent (single value or range)',
  'import.field.availableFrom': 'Available from',
  'import.field.operator': 'Operator',
  'import.field.contact': 'Contact',
  'import.field.url': 'Web page',
  'import.field.source': 'Source',
  'import.field.sourceDate': 'Source date',
  'import.field.lon': 'Longitude',
  'import.field.lat': 'Latitude',
  'import.field.lonlat': 'Longitude, latitude (one column)',
  'import.type.office': 'Office',
  'import.type.lab': 'Lab',
  'import.type.light_industrial': 'R&D / light industrial',
  'import.type.incubator_desk': 'Incubator desk',
  'import.type.coworking': 'Coworking',
  'import.type.other': 'Other',
  'import.crs.wgs84': 'WGS-84 (GPS, Tianditu, OpenStreetMap)',
  'import.crs.gcj02': 'GCJ-02 (Amap, Tencent)',
  'import.crs.bd09': 'BD-09 (Baidu)',
};

/** Catalogue keys of import messages. */
export type ImportKey = keyof typeof importZh;

/** The message codes (catalogue keys without the `import.` prefix and without field/type/crs labels). */
export type ImportCode = Exclude<
  ImportKey extends `import.${infer C}` ? C : never,
  `field.${string}` | `type.${string}` | `crs.${string}`
>;

/** The catalogue key of an import message code, for `t(lang, importKey(m.code), m.params)`. */
export const importKey = (code: string): ImportKey => `import.${code}` as ImportKey;

declare module '../i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof importZh, Message> {}
}
registerMessages({ zh: importZh, en: importEn });

/** The one translation function, re-exported from here so that whoever words these messages has them registered. */
export { t } from '../i18n/index.ts';
