import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/*
 * Printing a brief as a reader's "Save as PDF" does, and reading the PDF back with poppler-utils (pdfinfo, pdftotext,
 * pdftoppm; installed by scripts/ensure-system.sh test). For the briefs' tests: zone and task here, site and
 * shortlist in the investors' tests.
 */

/** Where the PDFs (and their pages as PNGs) are written: a folder of the run's own under the system's temp. */
export const PRINTS = join(tmpdir(), 'yangpu-briefs');

export interface PrintedBrief {
  /** The PDF's page count. */
  pages: number;
  /** Its text, as pdftotext reads it in the page's own order (-raw: a link broken at a hyphen keeps its hyphen). */
  text: string;
  /** The PDF file. */
  file: string;
  /** Its pages as PNGs at 60 dpi, for looking at: `<prefix>-1.png`, `<prefix>-2.png`, … */
  pngPrefix: string;
}

/** Waits until the open print view's brief is ready (its map excerpt drawn or given up). */
export async function briefReady(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="brief-page"][data-ready="true"]').waitFor({ timeout });
}

/**
 * Prints the open brief to an A4 PDF with `page.pdf` (the print stylesheet applies; the browser's own headers and
 * footers are off), writes it as `<name>.pdf`, reads back its page count and text and renders its pages as PNGs.
 */
export async function printBrief(page: Page, name: string): Promise<PrintedBrief> {
  await briefReady(page);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  mkdirSync(PRINTS, { recursive: true });
  const file = join(PRINTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pngPrefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '60', file, pngPrefix]);
  return { pages, text, file, pngPrefix };
}

/** Text with every run of white space removed: what survives the PDF's line breaks (a long link, a wrapped quote). */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');
