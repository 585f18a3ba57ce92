import { createExpression, type ExpressionSpecification, type StylePropertySpecification, latest } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import '../../lib/i18n/english.ts';
import { light } from '../../lib/layers/theme.ts';
import { LISTING_REGISTRY } from './layers.ts';

/** The name a listing's label shows, as MapLibre evaluates the label layer's `text-field` for its properties. */
function labelOf(layerId: string, lang: 'zh' | 'en', properties: Record<string, string>): string {
  const row = LISTING_REGISTRY.find((r) => r.style(light, lang).some((s) => s.layer.id === layerId))!;
  const layer = row.style(light, lang).find((s) => s.layer.id === layerId)!.layer as { layout: { 'text-field': ExpressionSpecification } };
  const parsed = createExpression(layer.layout['text-field'], 'text-field', latest.layout_symbol['text-field'] as unknown as StylePropertySpecification);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const value = parsed.value.evaluate({ zoom: 15 }, { type: 'Point', properties } as never);
  return String(value);
}

describe("the listings' labels", () => {
  it('mark a sample listing once, in the language of the page, whether or not its name says so already', () => {
    expect(labelOf('listings-sample-label', 'zh', { name: '复旦大学国家大学科技园（示例）' })).toBe('复旦大学国家大学科技园（示例）');
    expect(labelOf('listings-sample-label', 'zh', { name: '某园区' })).toBe('某园区（示例）');
    expect(labelOf('listings-sample-label', 'en', { name_en: 'Fudan University National University Science Park (sample)' })).toBe(
      'Fudan University National University Science Park (sample)',
    );
    expect(labelOf('listings-sample-label', 'en', { name_en: 'Some park' })).toBe('Some park (sample)');
  });

  it('leave an operator’s listing as it is named', () => {
    expect(labelOf('listings-label', 'zh', { name: '某园区' })).toBe('某园区');
    expect(labelOf('listings-label', 'en', { name_en: 'Some park' })).toBe('Some park');
  });
});
