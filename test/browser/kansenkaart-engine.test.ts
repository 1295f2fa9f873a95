/**
 * The kansenkaart elements' first load (issue #11): the engine (default knowledge base, map layers,
 * sources-file loader, proj4; widgets/kansenkaart-layer/engine.ts) is imported only when the layer
 * has a map and something to show, or a legend needs its labels. One page per test file, so the
 * engine is not loaded when this test starts.
 */
import { expect } from '@open-wc/testing';
import '../../widgets/kansenkaart-layer/define.js';
import '../../widgets/kansenkaart-legend/define.js';
import { engineModule } from '../../widgets/kansenkaart-layer/engine-loader.js';
import type { NaKansenkaartLayer } from '../../widgets/kansenkaart-layer/kansenkaart-layer.js';
import type { NaKansenkaartLegend } from '../../widgets/kansenkaart-legend/kansenkaart-legend.js';
import { makeMap, until } from './helpers/map.js';

const SRC = '/test/fixtures/kansenkaart/voorbeeldstad-2km.geojson';

describe('the kansenkaart elements load their engine on first use', () => {
  it('not without a map or a source; the legend loads it for its labels; the layer to show an export', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const layer = document.createElement('na-kansenkaart-layer') as NaKansenkaartLayer;
    layer.id = 'kansen-engine';
    const legend = document.createElement('na-kansenkaart-legend') as NaKansenkaartLegend;
    legend.setAttribute('for', 'kansen-engine');
    try {
      document.body.append(layer);
      await until(() => layer.state === 'no-map', 'the layer without a map');
      layer.map = t.map;
      await until(() => layer.state === 'no-source', 'the layer without a source');
      expect(engineModule.loaded(), 'engine without a source').to.equal(undefined);
      expect(layer.summary()).to.equal(undefined);

      // The legend names the actions with the default knowledge base's labels: it loads the engine.
      // Until it has, the legend says it is loading (no action ids instead of their names).
      // Every text the legend shows before the engine has loaded is recorded.
      const before: string[] = [];
      const record = (): void => {
        if (engineModule.loaded() === undefined)
          before.push(legend.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
      };
      const watch = new MutationObserver(record);
      document.body.append(legend);
      watch.observe(legend.shadowRoot!, { childList: true, subtree: true, characterData: true });
      record();
      await until(() => engineModule.loaded() !== undefined, 'the engine for the legend');
      watch.disconnect();
      expect(
        before.some((t) => t.includes('Legenda laden')),
        before.join(' | '),
      ).to.equal(true);
      expect(
        before.some((t) => t.includes('infiltreren')),
        before.join(' | '),
      ).to.equal(false);
      await until(
        () =>
          legend
            .shadowRoot!.querySelector('caption')
            ?.textContent?.includes('Regenwater in de bodem laten zakken') === true,
        'the label of the action in the legend',
      );

      layer.src = SRC;
      await until(() => layer.state === 'ready', 'the export to load');
      expect(layer.unitsInView().length).to.be.greaterThan(0);
      expect(
        t.map
          .getLayers()
          .getArray()
          .some((l) => l.get('name') === 'na-kansenkaart'),
      ).to.equal(true);
    } finally {
      layer.remove();
      legend.remove();
      t.dispose();
    }
  });
});
