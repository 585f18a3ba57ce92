import type { LegendSymbol } from '../layers/registry.ts';
import type { ExportPalette } from '../layers/theme.ts';
import { withAlpha } from '../layers/theme-css.ts';
import { EXPORT_FONT, type ScaleBar, type TextLine } from './export-layout.ts';

type Ctx = CanvasRenderingContext2D;

/** Draws a legend symbol in a 28 × 16 box at (x, y), as `ui/Legend.svelte` draws it in SVG. */
export function drawLegendSymbol(ctx: Ctx, symbol: LegendSymbol, x: number, y: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.lineCap = 'butt';
  if (symbol.kind === 'fill') {
    const outline = () => {
      ctx.beginPath();
      ctx.roundRect(1, 1, 26, 14, 2);
    };
    ctx.fillStyle = symbol.fill;
    outline();
    ctx.fill();
    ctx.strokeStyle = symbol.line;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(symbol.dashed ? [3, 2] : []);
    outline();
    ctx.stroke();
  } else if (symbol.kind === 'line') {
    const colours = Array.isArray(symbol.color) ? symbol.color : [symbol.color];
    ctx.lineWidth = colours.length > 1 ? 2.5 : symbol.width;
    ctx.setLineDash(symbol.dashed ? [4, 3] : []);
    colours.forEach((colour, i) => {
      const ly = 8 + (i - (colours.length - 1) / 2) * 3.5;
      ctx.strokeStyle = colour;
      ctx.beginPath();
      ctx.moveTo(2, ly);
      ctx.lineTo(26, ly);
      ctx.stroke();
    });
  } else {
    ctx.fillStyle = symbol.fill;
    ctx.strokeStyle = symbol.line;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(14, 8, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

export function drawText(ctx: Ctx, line: TextLine, dx = 0, dy = 0): void {
  ctx.font = line.font;
  ctx.fillStyle = line.color;
  ctx.textAlign = line.align;
  ctx.textBaseline = 'middle';
  ctx.fillText(line.text, line.x + dx, line.y + dy + line.height / 2);
}

/** A translucent rounded panel behind the legend or the scale bar, so that they read over any map. */
export function panel(ctx: Ctx, colours: ExportPalette, x: number, y: number, w: number, h: number, radius = 4, alpha = 0.92): void {
  ctx.save();
  ctx.fillStyle = withAlpha(colours.panel, alpha);
  ctx.strokeStyle = withAlpha(colours.panelLine, 0.25);
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, radius);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

export function drawScaleBar(ctx: Ctx, colours: ExportPalette, scale: ScaleBar, x: number, y: number): { width: number; height: number } {
  const pad = 6;
  const font = `600 11px ${EXPORT_FONT}`;
  ctx.font = font;
  const labelWidth = ctx.measureText(scale.label).width;
  const width = Math.max(scale.px, labelWidth) + 2 * pad;
  const height = pad + 14 + 7 + pad;
  panel(ctx, colours, x, y, width, height, 3, 0.85);
  const bx = x + pad;
  const by = y + pad + 15;
  // Two halves, dark and light, outlined: the usual way a printed map shows its scale.
  ctx.fillStyle = colours.ink;
  ctx.fillRect(bx, by, scale.px / 2, 5);
  ctx.fillStyle = colours.scaleLight;
  ctx.fillRect(bx + scale.px / 2, by, scale.px / 2, 5);
  ctx.strokeStyle = colours.ink;
  ctx.lineWidth = 1;
  ctx.strokeRect(bx, by, scale.px, 5);
  ctx.fillStyle = colours.ink;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(scale.label, bx + scale.px / 2, y + pad + 7);
  return { width, height };
}

export function drawNorthArrow(ctx: Ctx, colours: ExportPalette, bearing: number, cx: number, cy: number, label: string): void {
  const r = 18;
  ctx.save();
  ctx.fillStyle = withAlpha(colours.panel, 0.9);
  ctx.strokeStyle = withAlpha(colours.panelLine, 0.35);
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.translate(cx, cy);
  // The map turned by `bearing` clockwise: north points that far anticlockwise from the top.
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.fillStyle = colours.north;
  ctx.beginPath();
  ctx.moveTo(0, -r + 4);
  ctx.lineTo(5, 2);
  ctx.lineTo(-5, 2);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = colours.south;
  ctx.beginPath();
  ctx.moveTo(0, r - 4);
  ctx.lineTo(5, 2);
  ctx.lineTo(-5, 2);
  ctx.closePath();
  ctx.fill();
  ctx.font = `700 11px ${EXPORT_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.strokeStyle = colours.scaleLight;
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeText(label, 0, -r - 7);
  ctx.fillStyle = colours.ink;
  ctx.fillText(label, 0, -r - 7);
  ctx.restore();
}
