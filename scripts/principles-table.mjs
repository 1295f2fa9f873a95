#!/usr/bin/env node
/**
 * Prints the design principles (inrichtingsprincipes) and the discouraged actions of the default
 * knowledge base as Markdown tables: id, scale, domain, actions, conditions, source.
 *
 * Usage:
 *   node scripts/principles-table.mjs           print the tables to stdout
 *   node scripts/principles-table.mjs --write   (re)write docs/principles.md
 *
 * Reads `src/core/kb/data/principles.json`, `principles-perceel.json`, `discouraged.json` and
 * `summary.json`; no dependencies.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, 'src/core/kb/data');
const principles = [
  ...JSON.parse(readFileSync(resolve(dataDir, 'principles.json'), 'utf8')),
  ...JSON.parse(readFileSync(resolve(dataDir, 'principles-perceel.json'), 'utf8')),
];
const summaryRules = JSON.parse(readFileSync(resolve(dataDir, 'summary.json'), 'utf8'));
const discouraged = JSON.parse(readFileSync(resolve(dataDir, 'discouraged.json'), 'utf8'));

const SCALES = ['regio/stad', 'wijk/dorp', 'straat', 'perceel/tuin'];
const DOMAINS = ['bodem', 'water', 'groen', 'klimaat'];
const ACTIONS = [
  'infiltreren',
  'vasthouden',
  'bergen',
  'afvoeren-vertraagd',
  'grondwater-hoog',
  'ruimte-voor-water',
  'kwel-benutten',
  'koelen',
  'vergroenen',
  'boomsoort-afstemmen',
  'bodem-beschermen',
  'niet-diep-bouwen',
  'waterbestendig-bouwen',
];

/** A range `{min, max}` as `a–b`, `≥ a` or `≤ b`, with a unit. */
function range(r, unit = '') {
  const u = unit ? ` ${unit}` : '';
  if (r.min !== undefined && r.max !== undefined) return `${r.min}–${r.max}${u}`;
  if (r.min !== undefined) return `≥ ${r.min}${u}`;
  if (r.max !== undefined) return `≤ ${r.max}${u}`;
  return 'any';
}

/** Conditions in one line: keys joined by "and", alternatives by "or". */
function conditions(c) {
  const parts = [];
  for (const key of [
    'landscapeType',
    'zone',
    'notZone',
    'texture',
    'soilLayer',
    'groundwater',
    'infiltration',
    'infiltrationReason',
    'seepage',
    'position',
    'landUse',
    'waterQuality',
    'notWaterQuality',
  ]) {
    const name =
      key === 'notZone'
        ? 'not zone'
        : key === 'notWaterQuality'
          ? 'waterQuality not (or unknown)'
          : key;
    if (c[key]) parts.push(`${name} ${c[key].join(' / ')}`);
  }
  if (c.ghg) parts.push(`GHG ${range(c.ghg, 'cm')}`);
  if (c.gt) {
    const gt =
      c.gt.min && c.gt.max
        ? `${c.gt.min}–${c.gt.max}`
        : c.gt.min
          ? `${c.gt.min} or drier`
          : `${c.gt.max} or wetter`;
    parts.push(`Gt ${gt}`);
  }
  if (c.heat) parts.push(`heat ${range(c.heat, '°C PET')}`);
  if (c.flood) parts.push(`flood ${range(c.flood, 'm')}`);
  if (c.elevation) parts.push(`elevation ${range(c.elevation, 'm NAP')}`);
  if (c.anyOf) parts.push(`(${c.anyOf.map(conditions).join(' **or** ')})`);
  return parts.length > 0 ? parts.join(' and ') : '_always_';
}

function source(s) {
  return `${s.ref}${s.tag ? ` [${s.tag}]` : ''}`;
}

const cell = (text) => String(text).replace(/\|/g, '\\|');

function principleTable() {
  const rows = [
    '| id | title (nl) | scale | domain | actions | conditions | source |',
    '|---|---|---|---|---|---|---|',
  ];
  const sorted = [...principles].sort(
    (a, b) => SCALES.indexOf(a.scale) - SCALES.indexOf(b.scale) || a.id.localeCompare(b.id),
  );
  for (const p of sorted) {
    rows.push(
      `| \`${p.id}\` | ${cell(p.title.nl)} | ${p.scale} | ${p.domain} | ${cell(p.actions.join(', '))} | ${cell(conditions(p.conditions) + unless(p))} | ${cell(source(p.source))} |`,
    );
  }
  return rows.join('\n');
}

/** The actions that must not be discouraged where a rule applies. */
function unless(rule) {
  const parts = [];
  if (rule.ifDiscouraged) parts.push(` and ${rule.ifDiscouraged.join(' / ')} discouraged`);
  if (rule.unlessDiscouraged)
    parts.push(` and ${rule.unlessDiscouraged.join(' / ')} not discouraged`);
  return parts.join('');
}

function summaryTable() {
  const rows = ['| id | topic | line (nl) | conditions | source |', '|---|---|---|---|---|'];
  for (const r of summaryRules) {
    rows.push(
      `| \`${r.id}\` | ${r.topic} | ${cell(r.text.nl)} | ${cell(conditions(r.conditions) + unless(r))} | ${cell(source(r.source))} |`,
    );
  }
  return rows.join('\n');
}

function discouragedTable() {
  const rows = ['| id | action | conditions | source |', '|---|---|---|---|'];
  for (const d of discouraged) {
    rows.push(
      `| \`${d.id}\` | ${d.action} | ${cell(conditions(d.conditions))} | ${cell(source(d.source))} |`,
    );
  }
  return rows.join('\n');
}

function counts() {
  const by = (list, key) =>
    list.map((v) => `${v} ${principles.filter((p) => key(p, v)).length}`).join(' · ');
  return [
    `- **${principles.length} principles**, ${discouraged.length} discouraged actions.`,
    `- Per scale: ${by(SCALES, (p, v) => p.scale === v)}.`,
    `- Per domain: ${by(DOMAINS, (p, v) => p.domain === v)}.`,
    `- Per action: ${by(ACTIONS, (p, v) => p.actions.includes(v))}.`,
    `- Per source tag: ${by(['V', 'S', 'U'], (p, v) => p.source.tag === v)}.`,
  ].join('\n');
}

const doc = `# Design principles and discouraged actions

<!-- Generated by \`node scripts/principles-table.mjs --write\` from src/core/kb/data/*.json. Do not edit by hand. -->

The knowledge base holds the inrichtingsprincipes of de Natuurlijke Alliantie as data
(\`src/core/kb/data/principles.json\`) and the actions to avoid (\`discouraged.json\`). The rule engine
(\`assess\`) applies a principle where all its conditions hold; a principle whose other conditions
hold but that tests a fact the location lacks is listed as *missing* (see ADR 0003). The condition
keys are what the report shows under "waarom hier?".

Source tags: **V** = taken from the cahier (page given where known; pages are the spreads of the
printed cahier and approximate) or from a fact the BRIEF marks as verified; **S** = synthesis from
the BRIEF (a sensible default a municipality can override or disable in its own file);
**U** = unverified.

The eight \`isolatie-*\` principles are the eight points of the Isolatiemodel in bijlage 1 of the
cahier. They apply where the cahier's "TOEPASSING" holds: a clayey or peaty soil (or peat under
clay) **and** shallow groundwater (GHG < 40 cm). The third criterion, "geen goede waterkwaliteit",
is an optional fact (\`waterQuality\`) that no default principle tests yet.

\`groundwater\`, \`ghg\`, \`infiltration\` and \`infiltrationReason\` come from the wetness model
(\`src/core/wetness.ts\`): depth classes from the GHG/GLG range, never from the Gt main class.
\`infiltreren\` is discouraged exactly where the wetness verdict is *discouraged*; every principle
that recommends it needs the verdict *works* or *partial*. See docs/domain-review.md.

## Counts

${counts()}

## Principles

${principleTable()}

## Discouraged actions

${discouragedTable()}

## Summary lines ("the answer first")

Every report opens with three to five short lines for residents (\`summary\` in the JSON report),
from the rules in \`src/core/kb/data/summary.json\`: per topic the first rule whose conditions hold
gives the line. Plot-scale principles (\`perceel/tuin\`, \`principles-perceel.json\`) and summary rules
that depend on infiltration name the action (\`infiltreren\` not discouraged) instead of repeating
its conditions, so they share one truth with the discouraged actions above. The publications
behind the source references are in \`citations.json\`; users see those, never the references.

${summaryTable()}
`;

if (process.argv.includes('--write')) {
  writeFileSync(resolve(root, 'docs/principles.md'), doc);
  console.log('wrote docs/principles.md');
} else {
  process.stdout.write(doc);
}
