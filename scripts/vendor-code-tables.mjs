#!/usr/bin/env node
/**
 * Vendors the official code tables the runtime needs from the shared domain folder into
 * `src/core/data/` (plain JSON, imported by the pure core):
 *
 * - `bro-soil-classes.json`: the 342 BRO Bodemkaart (SGM) soil classes (`Bodemklasse`), the
 *   special codes (`BodemkundigBelang`, e.g. `|h BEBOUW`), the map-unit prefixes
 *   (`BodemkenmerkenBovenlaag`) and suffixes (`BodemkenmerkenOnderlaag`), the main classes
 *   (`Bodemhoofdklasse`) and spelling aliases found in the older Bodemkaart unit list.
 * - `bro-gt-classes.json`: the current BRO groundwater classes (`Grondwatertrapklasse` of the
 *   WDM catalogue), parsed into GHG/GLG ranges in cm below the surface (`null` = open end).
 *
 * Usage: `node scripts/vendor-code-tables.mjs` (no dependencies). The shared folder is taken from
 * NA_SHARED_DIR, else the vendored `test/fixtures/shared`, else `../shared`. When the project's
 * own Prettier is installed the outputs are formatted with it, so `prettier --check` stays clean.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'src/core/data');

function sharedDir() {
  // The vendored copy in the repository first (test/fixtures/shared), so a clone runs alone.
  const candidates = [
    process.env.NA_SHARED_DIR,
    resolve(root, 'test/fixtures/shared'),
    resolve(root, '../shared'),
  ];
  for (const c of candidates) {
    if (c && existsSync(resolve(c, 'domain/codes/bro-sgm-codelists.json'))) return c;
  }
  throw new Error(
    'The shared folder with domain/codes/ was not found; set NA_SHARED_DIR to its location.',
  );
}

const codesDir = resolve(sharedDir(), 'domain/codes');

/** Reads one BRO catalogue list as `{ code, description }` entries, failing loudly when absent. */
function catalogueList(lists, name) {
  const list = lists[name];
  if (!Array.isArray(list)) throw new Error(`bro-sgm-codelists.json has no list "${name}"`);
  return list.map((e) => {
    if (typeof e.code !== 'string' || typeof e.omschrijving !== 'string') {
      throw new Error(`Malformed entry in ${name}: ${JSON.stringify(e)}`);
    }
    return { code: e.code, description: e.omschrijving.trim() };
  });
}

/** `k...` → `k`, `...x` → `x`: the catalogue writes prefixes and suffixes with dots. */
function stripDots(entries) {
  return entries.map((e) => ({ ...e, code: e.code.replace(/\.\.\./g, '') }));
}

// ---------------------------------------------------------------------------------------------
// Soil classes
// ---------------------------------------------------------------------------------------------
const sgm = JSON.parse(readFileSync(resolve(codesDir, 'bro-sgm-codelists.json'), 'utf8'));
const classes = catalogueList(sgm, 'Bodemklasse');
const special = catalogueList(sgm, 'BodemkundigBelang');
const prefixes = stripDots(catalogueList(sgm, 'BodemkenmerkenBovenlaag'));
const suffixes = stripDots(catalogueList(sgm, 'BodemkenmerkenOnderlaag'));
const mainClasses = catalogueList(sgm, 'Bodemhoofdklasse');

if (classes.length !== 342) {
  throw new Error(`Expected 342 Bodemklasse entries, found ${classes.length}`);
}
const classCodes = new Set(classes.map((c) => c.code));
if (classCodes.size !== classes.length) throw new Error('Duplicate Bodemklasse codes');

// Aliases: codes of the older Bodemkaart 1:50 000 unit list (GIS-hulp CSV, ISO-8859-1, `~`
// separated) that differ from a BRO class only in letter case, e.g. `BLb5` there vs `Blb5` in BRO.
const aliases = {};
const unitsCsv = readFileSync(resolve(codesDir, 'bodemkaart-units-groups.csv'), 'latin1');
const byLower = new Map(classes.map((c) => [c.code.toLowerCase(), c.code]));
for (const line of unitsCsv.split(/\r?\n/).slice(1)) {
  const code = line.split('~')[0]?.trim();
  if (!code || classCodes.has(code)) continue;
  const target = byLower.get(code.toLowerCase());
  if (target) aliases[code] = target;
}

const soil = {
  _source: {
    files: ['bro-sgm-codelists.json', 'bodemkaart-units-groups.csv (aliases only)'],
    origin:
      'BRO (Basisregistratie Ondergrond) catalogue of the Bodemkaart / Bodemkundig Model (SGM): lists Bodemklasse, BodemkundigBelang, BodemkenmerkenBovenlaag, BodemkenmerkenOnderlaag, Bodemhoofdklasse.',
    licence:
      'BRO data and its catalogue are open data (CC0 1.0, as published by BRO/PDOK). The aliases come from bodemkaart-units-groups.csv, MIT licence, Copyright (c) 2017 GIS-hulp.',
    generatedBy: 'scripts/vendor-code-tables.mjs',
    notes:
      'Descriptions are the Dutch catalogue texts (omschrijving), trimmed. Prefix and suffix codes are given without the dots of the catalogue (k... -> k, ...x -> x).',
  },
  classes,
  special,
  prefixes,
  suffixes,
  mainClasses,
  aliases,
};

// ---------------------------------------------------------------------------------------------
// Groundwater classes
// ---------------------------------------------------------------------------------------------
const wdm = JSON.parse(readFileSync(resolve(codesDir, 'bro-wdm-grondwatertrappen.json'), 'utf8'));
const gtList = wdm.Grondwatertrapklasse;
if (!Array.isArray(gtList))
  throw new Error('bro-wdm-grondwatertrappen.json has no Grondwatertrapklasse');

/** Parses `< 25`, `> 140`, `50 - 80` into `{ min, max }` (cm below surface, null = open end). */
function parseRange(text, context) {
  const t = text.trim();
  let m = /^<\s*(\d+)$/.exec(t);
  if (m) return { min: null, max: Number(m[1]) };
  m = /^>\s*(\d+)$/.exec(t);
  if (m) return { min: Number(m[1]), max: null };
  m = /^(\d+)\s*-\s*(\d+)$/.exec(t);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  throw new Error(`Cannot parse range "${text}" in ${context}`);
}

const gtClasses = gtList.map((entry) => {
  const [code, description] = entry;
  const m =
    /GHG\)\s*in cm-mv:\s*([^;]+);\s*Gemiddeld Laagste Grondwaterstand \(GLG\)\s*in cm-mv:\s*(.+)$/.exec(
      description,
    );
  if (!m) throw new Error(`Cannot parse Gt description of ${code}: ${description}`);
  return {
    code,
    ghg: parseRange(m[1], code),
    glg: parseRange(m[2], code),
    description,
  };
});

const gt = {
  _source: {
    file: 'bro-wdm-grondwatertrappen.json',
    origin:
      'BRO catalogue of the Waterhuishouding / Grondwaterspiegeldiepte model (WDM): list Grondwatertrapklasse.',
    licence: 'BRO data and its catalogue are open data (CC0 1.0, as published by BRO/PDOK).',
    generatedBy: 'scripts/vendor-code-tables.mjs',
    notes:
      'GHG and GLG in cm below the surface (cm-mv); null is an open end: "< 25" -> {min: null, max: 25}, "> 140" -> {min: 140, max: null}.',
  },
  classes: gtClasses,
};

// ---------------------------------------------------------------------------------------------
mkdirSync(outDir, { recursive: true });
const outputs = [
  [resolve(outDir, 'bro-soil-classes.json'), soil],
  [resolve(outDir, 'bro-gt-classes.json'), gt],
];
for (const [file, data] of outputs) {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`wrote ${relative(root, file)}`);
}

const prettier = resolve(root, 'node_modules/.bin/prettier');
if (existsSync(prettier)) {
  execFileSync(prettier, ['--write', ...outputs.map(([f]) => f)], { stdio: 'inherit' });
} else {
  console.log('Prettier not installed: outputs left as JSON.stringify wrote them.');
}
console.log(
  `${classes.length} soil classes, ${special.length} special codes, ${prefixes.length} prefixes, ${suffixes.length} suffixes, ${Object.keys(aliases).length} aliases; ${gtClasses.length} Gt classes.`,
);
