// The core entry in a module worker: no window, no document.
import {
  assess,
  defaultKnowledgeBase,
  localizeReport,
  zoneringQml,
  type Fact,
} from 'natuurlijke-alliantie';

const kb = defaultKnowledgeBase();
const facts: Fact[] = [
  { name: 'zone', status: 'ok', value: 'Dz1', provenance: { sourceId: 'test', title: 'test' } },
];
const localized = localizeReport(assess(facts, kb), kb, 'nl');
postMessage({
  hasDocument: typeof (globalThis as { document?: unknown }).document !== 'undefined',
  zone: localized.landscape.zone?.code ?? null,
  principles: localized.principles.length,
  qmlBytes: zoneringQml(kb).length,
});
