import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/**
 * Messages of the plan monitor's indicator import (file, column mapping, row report) and the labels of its
 * columns. Loaded with the monitor's chunk. Chinese defines the keys, English matches them. A message's key is
 * `mimport.<code>` (see `monitorImportKey`); `{name}` placeholders are filled from the message's params. Codes the
 * import kernel already has (file errors, encoding, ignored columns, cleaned text) keep their codes and texts
 * in src/lib/import/catalogue.ts.
 */
export const monitorImportZh = {
  // File-level error: nothing was read.
  'mimport.monitor-file-not-table': '这是地图文件（GeoJSON/KML）。指标数据是表格：请导入 CSV 或 TSV 文件（可先下载模板，按模板填写）。',
  // Notes about the whole file.
  'mimport.monitor-mapping-missing-indicator': '没有指定“指标”列：所有行都将被拒绝。',
  'mimport.monitor-mapping-missing-year': '没有指定“年份”列：所有行都将被拒绝。',
  'mimport.monitor-mapping-missing-value': '没有指定“数值”列：所有行都将被拒绝。',
  'mimport.monitor-mapping-missing-source': '没有指定“来源”列：所有行都将被拒绝。',
  'mimport.monitor-template-rows-skipped': '{count} 行只有指标和单位、未填年份、数值和来源（模板中未使用的行），已跳过：第 {rows} 行。',
  'mimport.monitor-nothing-filled': '文件中没有填写任何数据：请在模板的行中填写年份、数值和来源。',
  'mimport.monitor-total-mismatch': '{year} 年全区三大先导产业总规模为 {total}，而三个产业之和为 {sum}：请核对。',
  // Row errors: the row is rejected.
  'mimport.monitor-row-no-indicator': '缺少指标。请填写指标名称（如“{indicator}”）。',
  'mimport.monitor-row-unknown-indicator': '无法识别指标“{value}”。可填写的指标：{names}。',
  'mimport.monitor-row-no-year': '缺少年份。',
  'mimport.monitor-row-bad-year': '年份“{value}”不是四位数的年份（如 2025）。',
  'mimport.monitor-row-year-out-of-range': '年份 {value} 超出范围：只接受 {min} 至 {max} 年的数据（尚未开始的年份没有统计数据）。',
  'mimport.monitor-row-no-value': '缺少数值。',
  'mimport.monitor-row-bad-value': '数值“{value}”不是数字。请只填写数字（如 1234.5），单位写在“单位”列。',
  'mimport.monitor-row-unit-mismatch':
    '单位“{written}”与指标不符：{indicator}的单位是“{expected}”。请以“{expected}”为单位填写数值（必要时换算），并在“单位”列填写“{expected}”。',
  'mimport.monitor-row-value-out-of-range': '数值 {value} 超出合理范围（{min} 至 {max}）。',
  'mimport.monitor-row-value-not-whole': '数值 {value} 应为整数（单位：{unit}）。',
  'mimport.monitor-row-no-source': '缺少数据来源。请注明出处（如统计公报、部门报表及其年份）。',
  'mimport.monitor-row-unknown-place': '无法识别地点“{value}”。请填写方案中要素的编号（如 {example}）或其在地图上的名称；全区数据请留空。',
  'mimport.monitor-row-duplicate': '与第 {first} 行重复（同一指标、年份和地点，数值相同）。',
  'mimport.monitor-row-duplicate-conflict': '与第 {first} 行冲突：同一指标、年份和地点，第 {first} 行为 {firstValue}，此行为 {value}。请只保留正确的一行。',
  // Row notes: the row is kept.
  'mimport.monitor-row-unit-assumed': '未填写单位：按该指标的单位“{unit}”读取。',
  'mimport.monitor-row-percent-small': '比例 {value}% 很小：如果本意是 {percent}%，请按百分数填写（5% 填 5，不填 0.05）。',
  'mimport.monitor-row-place-by-name': '地点“{value}”按名称识别为 {id}。',
  // Labels of the columns (the column-mapping step).
  'mimport.field.indicator': '指标',
  'mimport.field.year': '年份',
  'mimport.field.value': '数值',
  'mimport.field.unit': '单位',
  'mimport.field.source': '数据来源',
  'mimport.field.place': '地点（可选）',
  // The template's and the export's column headers (the import reads them in either language).
  'mimport.header.indicator': '指标',
  'mimport.header.year': '年份',
  'mimport.header.value': '数值',
  'mimport.header.unit': '单位',
  'mimport.header.source': '数据来源',
  'mimport.header.place': '地点',
  'mimport.header.placeName': '地点名称',
  // The template's comment rows (the import skips rows starting with #): how to fill it in, and an example.
  'mimport.template.how':
    '# 填写说明（以 # 开头的行导入时跳过）：每行填写一个数值。指标写名称（见下方各行），年份为四位数，数值只写数字、单位写在“单位”列，数据来源必填；地点填写方案中要素的编号或名称，全区数据留空。',
  'mimport.template.example': '# 示例：{indicator}',
  'mimport.template.exampleSource': '杨浦区统计公报（2025）',
  'mimport.template.file': '杨浦园统计模板.csv',
};

export const monitorImportEn: Record<keyof typeof monitorImportZh, string> = {
  'mimport.monitor-file-not-table':
    'This is a map file (GeoJSON/KML). Indicator figures are a table: import a CSV or TSV file (download the template and fill it in).',
  'mimport.monitor-mapping-missing-indicator': 'No column is chosen for the indicator: every row will be rejected.',
  'mimport.monitor-mapping-missing-year': 'No column is chosen for the year: every row will be rejected.',
  'mimport.monitor-mapping-missing-value': 'No column is chosen for the value: every row will be rejected.',
  'mimport.monitor-mapping-missing-source': 'No column is chosen for the source: every row will be rejected.',
  'mimport.monitor-template-rows-skipped':
    '{count} rows give only an indicator and its unit, with no year, value or source (template rows not used): skipped (rows {rows}).',
  'mimport.monitor-nothing-filled': 'The file holds no figures: fill in the year, value and source on the template’s rows.',
  'mimport.monitor-total-mismatch':
    'In {year}, the district’s three leading industries’ combined scale is given as {total}, but the three industries add up to {sum}: please check.',
  'mimport.monitor-row-no-indicator': 'No indicator. Write the indicator’s name (such as “{indicator}”).',
  'mimport.monitor-row-unknown-indicator': 'Indicator "{value}" not recognised. Indicators accepted: {names}.',
  'mimport.monitor-row-no-year': 'No year.',
  'mimport.monitor-row-bad-year': 'Year "{value}" is not a four-digit year (such as 2025).',
  'mimport.monitor-row-year-out-of-range':
    'Year {value} is out of range: only figures for {min} to {max} are accepted (a year not yet begun has no statistics).',
  'mimport.monitor-row-no-value': 'No value.',
  'mimport.monitor-row-bad-value': 'Value "{value}" is not a number. Write the number only (such as 1234.5) and the unit in the unit column.',
  'mimport.monitor-row-unit-mismatch':
    'Unit "{written}" does not match the indicator: “{indicator}” is given in {expected}. Give the figure in {expected} (convert it if need be) and write "{expected}" in the unit column.',
  'mimport.monitor-row-value-out-of-range': 'Value {value} is outside the plausible range ({min} to {max}).',
  'mimport.monitor-row-value-not-whole': 'Value {value} must be a whole number (unit: {unit}).',
  'mimport.monitor-row-no-source': 'No source. Say where the figure comes from (a statistical bulletin, a department’s report, and its year).',
  'mimport.monitor-row-unknown-place':
    'Place "{value}" not recognised. Write the id of a feature of the plan (such as {example}) or its name as the map shows it; leave it blank for a district-wide figure.',
  'mimport.monitor-row-duplicate': 'Same figure as row {first} (same indicator, year and place, same value).',
  'mimport.monitor-row-duplicate-conflict':
    'Conflicts with row {first}: same indicator, year and place, but row {first} says {firstValue} and this row {value}. Keep only the right one.',
  'mimport.monitor-row-unit-assumed': 'No unit given: read in the indicator’s unit, {unit}.',
  'mimport.monitor-row-percent-small': 'The share {value} % is very small: if {percent} % is meant, write it as a percentage (5 % as 5, not 0.05).',
  'mimport.monitor-row-place-by-name': 'Place "{value}" recognised by its name as {id}.',
  'mimport.field.indicator': 'Indicator',
  'mimport.field.year': 'Year',
  'mimport.field.value': 'Value',
  'mimport.field.unit': 'Unit',
  'mimport.field.source': 'Source',
  'mimport.field.place': 'Place (optional)',
  'mimport.header.indicator': 'indicator',
  'mimport.header.year': 'year',
  'mimport.header.value': 'value',
  'mimport.header.unit': 'unit',
  'mimport.header.source': 'source',
  'mimport.header.place': 'place',
  'mimport.header.placeName': 'place name',
  'mimport.template.how':
    '# How to fill this in (rows starting with # are skipped on import): one figure per row. The indicator by its name (as in the rows below), a four-digit year, the value as a number only with its unit in the unit column, and a source (required); the place as the id or name of a feature of the plan, blank for the whole district.',
  'mimport.template.example': '# Example: {indicator}',
  'mimport.template.exampleSource': 'Yangpu statistical bulletin (2025)',
  'mimport.template.file': 'yangpu-monitor-template.csv',
};

/** Catalogue keys of the monitor import. */
export type MonitorImportKey = keyof typeof monitorImportZh;

/** The monitor import's own message codes (keys without `mimport.`, column labels and the template's words left out); all start with `monitor-`. */
export type MonitorImportCode = Exclude<
  MonitorImportKey extends `mimport.${infer C}` ? C : never,
  `field.${string}` | `header.${string}` | `template.${string}`
>;

/** The catalogue key of a monitor import message code. */
export const monitorImportKey = (code: string): MonitorImportKey => `mimport.${code}` as MonitorImportKey;

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof monitorImportZh, Message> {}
}
registerMessages({ zh: monitorImportZh, en: monitorImportEn });

/** The one translation function, re-exported from here so that whoever words these messages has them registered. */
export { t } from '../../lib/i18n/index.ts';
