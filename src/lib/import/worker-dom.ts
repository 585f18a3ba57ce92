import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import type { DomParserLike } from './parse.ts';

/**
 * The XML parser a read worker gives `readFile` for KML: a worker has no `DOMParser`, so xmldom's stands in. An
 * XML error stops it (as a browser's parser gives up with a `parsererror`), so a broken file is refused the same
 * way in either. Entity declarations never reach it: the KML reader refuses them first.
 */
export function workerDomParser(): DomParserLike {
  return new DOMParser({ onError: onErrorStopParsing });
}
