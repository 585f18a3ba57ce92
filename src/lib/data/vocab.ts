/**
 * The plan's vocabularies with their labels in both languages, for the browser.
 *
 * The one home of these tables: `plan-schema.ts` (which the build validates with) re-exports them, while the app
 * imports them from here, so the site's bundle needs no zod. `tests/unit/vocab.test.ts` checks that they label
 * exactly the schema's enumerations.
 */
import type { Bilingual } from '../i18n/index.ts';
import type { SearchEntry } from '../search/types.ts';
import type { Industry, PlanClass, PlanStatus } from './plan-schema.ts';

export const CLASS_LABELS: Record<PlanClass, Bilingual> = {
  zone: { zh: '功能区', en: 'Zone' },
  zone_component: { zh: '功能区板块', en: 'Zone component' },
  university_science_park: { zh: '国家大学科技园', en: 'National university science park' },
  specialty_park: { zh: '特色科技园', en: 'Specialty tech park' },
  incubator: { zh: '孵化器', en: 'Incubator' },
  platform: { zh: '创新平台', en: 'Innovation platform' },
  campus: { zh: '高校校区', en: 'University campus' },
  landmark: { zh: '地标', en: 'Landmark' },
  landing_site: { zh: '无人机起降点', en: 'Drone take-off / landing site' },
  drone_route: { zh: '无人机航线', en: 'Drone route' },
};

export const STATUS_LABELS: Record<PlanStatus, Bilingual> = {
  operating: { zh: '运营中', en: 'Operating' },
  planned: { zh: '规划中', en: 'Planned' },
  demonstration: { zh: '示范运行', en: 'Demonstration' },
};

export const INDUSTRY_LABELS: Record<Industry, Bilingual & { plan: string }> = {
  digital_economy: { zh: '数字经济', en: 'Digital economy', plan: 'targets; tasks 7, 9, 11, 18' },
  ai: { zh: '人工智能', en: 'Artificial intelligence', plan: 'tasks 4, 18' },
  online_economy: {
    zh: '在线新经济（互联网电商、互联网生活、在线文娱）',
    en: 'Online economy (e-commerce, internet services, online entertainment)',
    plan: 'tasks 7, 18',
  },
  fintech: { zh: '金融科技', en: 'Fintech', plan: 'task 11' },
  smart_city: { zh: '智慧城市 / 数字城市', en: 'Smart / digital city', plan: 'tasks 5, 10' },
  low_altitude: { zh: '低空经济', en: 'Low-altitude economy', plan: 'task 7' },
  life_health: { zh: '生命健康', en: 'Life & health', plan: 'targets; tasks 8, 10' },
  biotech: { zh: '生物技术', en: 'Biotechnology', plan: 'task 4' },
  medical_devices: { zh: '高端医疗器械 / 医疗装备', en: 'High-end medical devices', plan: 'tasks 5, 8' },
  marine_biomedicine: { zh: '海洋生物医药', en: 'Marine biomedicine', plan: 'task 11' },
  sport_health: { zh: '运动+科技+健康', en: 'Sport + tech + health', plan: 'task 11' },
  green_low_carbon: { zh: '绿色低碳', en: 'Green & low-carbon', plan: 'targets; task 8' },
  new_energy: { zh: '新能源（含新能源汽车）', en: 'New energy (incl. new-energy vehicles)', plan: 'tasks 8, 11' },
  smart_energy: { zh: '智慧能源管理 / 智能电网', en: 'Smart energy management / smart grid', plan: 'tasks 8, 11' },
  advanced_materials: { zh: '绿色材料', en: 'Green materials', plan: 'task 8' },
  tech_transfer: { zh: '成果转化 / 技术转移 / 技术交易', en: 'Tech transfer & technology markets', plan: 'tasks 10, 13, 17' },
  basic_research: { zh: '基础研究 / 原始创新', en: 'Basic research / original innovation', plan: 'tasks 4, 17' },
};

/** What a search entry is, for entries that are not plan features. */
export const KIND_LABELS: Record<SearchEntry['kind'], Bilingual> = {
  plan: { zh: '行动方案地点', en: 'Place in the plan' },
  station: { zh: '地铁站', en: 'Metro station' },
  road: { zh: '道路', en: 'Road' },
  elevated_road: { zh: '高架路', en: 'Elevated road' },
  district: { zh: '行政区', en: 'District' },
  subdistrict: { zh: '街道', en: 'Subdistrict' },
  campus: { zh: '高校校区', en: 'University campus' },
};

/** A label for a value outside a closed list (data newer than the app): the raw value in both languages. */
export function labelOf<K extends string>(table: Record<K, Bilingual>, key: string): Bilingual {
  // Own keys only: a value such as "constructor" or "__proto__" must come out as itself, not as Object's member.
  return Object.hasOwn(table, key) ? (table as Record<string, Bilingual>)[key]! : { zh: key, en: key };
}
