#!/usr/bin/env node
/**
 * `npm run build:styles`: writes the zonering style for QGIS and map servers, from the built core
 * (run `npm run build:lib` first; `npm run build` does both):
 *
 * - dist/styles/zonering.sld: OGC SLD 1.1, one rule per BKNSN zone code, zone colours when zoomed
 *   in and landscape-type colours beyond 1:50,000 (as the web map);
 * - dist/styles/zonering.qml: QGIS layer style, categorized on `BKNSN_code` (zone colours);
 * - dist/styles/zonering-types.qml: the same with the landscape-type colours (regio/stad).
 *
 * Options: --out <dir> (default dist/styles), --lang nl|en, --opacity 0..1, --zone-property <name>.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist/styles' },
    lang: { type: 'string', default: 'nl' },
    opacity: { type: 'string' },
    'zone-property': { type: 'string', default: 'BKNSN_code' },
  },
});
const core = await import(pathToFileURL(resolve(root, 'dist/src/index.js')).href);
const kb = core.defaultKnowledgeBase();
const options = {
  lang: values.lang === 'en' ? 'en' : 'nl',
  zoneProperty: values['zone-property'],
  ...(values.opacity === undefined ? {} : { opacity: Number(values.opacity) }),
};
const out = resolve(root, values.out);
mkdirSync(out, { recursive: true });
const files = {
  'zonering.sld': core.zoneringSld(kb, options),
  'zonering.qml': core.zoneringQml(kb, options),
  'zonering-types.qml': core.zoneringQml(kb, { ...options, scale: 'regio/stad' }),
};
for (const [name, text] of Object.entries(files)) {
  writeFileSync(resolve(out, name), text);
  console.log(`export-styles: wrote ${resolve(out, name)} (${text.length} bytes)`);
}
