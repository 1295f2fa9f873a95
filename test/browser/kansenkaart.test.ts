import { expect } from '@open-wc/testing';
import type VectorLayer from 'ol/layer/Vector.js';
import type { Style } from 'ol/style.js';
import type { StyleFunction } from 'ol/style/Style.js';
import { STATE_COLOURS } from '../../src/core/kansenkaart/output.js';
import type { ActionState } from '../../src/core/kansenkaart/compute.js';
import type { KansenUnitInfo } from '../../src/map/kansenkaart-layer.js';
import '../../widgets/kansenkaart-layer/define.js';
import '../../widgets/kansenkaart-legend/define.js';
import type { NaKansenkaartLayer } from '../../widgets/kansenkaart-layer/kansenkaart-layer.js';
import type { NaKansenkaartLegend } from '../../widgets/kansenkaart-legend/kansenkaart-legend.js';
import { listenerSnapshot, makeMap, realClick, until } from './helpers/map.js';

const SRC = '/test/fixtures/kansenkaart/voorbeeldstad-2km.geojson';

function kansenLayer(map: import('ol/Map.js').default): VectorLayer {
  const layer = map
    .getLayers()
    .getArray()
    .find((l) => l.get('name') === 'na-kansenkaart');
  if (!layer) throw new Error('no kansenkaart layer on the map');
  return layer as VectorLayer;
}

describe('<na-kansenkaart-layer> and <na-kansenkaart-legend>', () => {
  it('draws the states of the chosen action, follows the legend, reports a click, and cleans up', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const before = listenerSnapshot(t.map);
    const layer = document.createElement('na-kansenkaart-layer') as NaKansenkaartLayer;
    layer.id = 'kansen';
    const legend = document.createElement('na-kansenkaart-legend') as NaKansenkaartLegend;
    legend.setAttribute('for', 'kansen');
    layer.map = t.map;
    layer.src = SRC;
    document.body.append(layer, legend);
    try {
      await until(() => layer.state === 'ready', 'the kansenkaart to load');
      const vector = kansenLayer(t.map);
      const features = vector.getSource()!.getFeatures();
      expect(features.length).to.be.greaterThan(10);
      const style = vector.getStyleFunction() as StyleFunction;
      const fillOf = (i: number): unknown =>
        (style(features[i]!, 4) as Style).getFill()?.getColor();
      for (let i = 0; i < features.length; i += 17)
        expect(fillOf(i)).to.equal(STATE_COLOURS[features[i]!.get('infiltreren') as ActionState]);

      // The legend's picker switches the layer to another action.
      await legend.updateComplete;
      const select = legend.shadowRoot!.querySelector('select')!;
      select.value = 'niet-diep-bouwen';
      select.dispatchEvent(new Event('change'));
      expect(layer.action).to.equal('niet-diep-bouwen');
      await layer.updateComplete;
      for (let i = 0; i < features.length; i += 17)
        expect(fillOf(i)).to.equal(
          STATE_COLOURS[features[i]!.get('niet_diep_bouwen') as ActionState],
        );

      // The summary table adds up the units in view.
      await until(
        () => legend.shadowRoot!.querySelector('caption')?.textContent?.includes('diep') === true,
        'the summary of the new action',
      );
      const inView = layer.unitsInView();
      expect(inView.length).to.be.greaterThan(0);
      const total = inView.reduce((s, u) => s + (u.area_ha as number), 0);
      const cells = [...legend.shadowRoot!.querySelectorAll('td.num')].map((td) =>
        Number((td.textContent ?? '').replace(/\./g, '').replace(',', '.')),
      );
      expect(cells.reduce((a, b) => a + b, 0)).to.be.closeTo(total, 0.05);
      expect(legend.csvOfView().split('\n')[0]).to.match(/^unit,tuple,area_ha/);

      // A click on a unit → na-kansenkaart-select with that unit's state.
      const selected = new Promise<KansenUnitInfo>((resolve) =>
        layer.addEventListener('na-kansenkaart-select', (e) =>
          resolve((e as CustomEvent<KansenUnitInfo>).detail),
        ),
      );
      realClick(t.map, { x: 193010, y: 445010, crs: 'EPSG:28992' });
      const detail = await selected;
      expect(detail.action).to.equal('niet-diep-bouwen');
      expect(detail.state).to.equal(detail.properties.niet_diep_bouwen);
      expect(detail.rd[0]).to.be.closeTo(193010, 5);
    } finally {
      layer.remove();
      legend.remove();
    }
    t.map.renderSync();
    expect(t.map.getLayers().getLength()).to.equal(before.layers);
    const after = listenerSnapshot(t.map);
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    expect(changed.map((k) => `${k}: ${before[k]} → ${after[k]}`)).to.deep.equal([]);
    t.dispose();
  });

  it('says what is missing without a map or a source (nl and en)', async () => {
    const layer = document.createElement('na-kansenkaart-layer') as NaKansenkaartLayer;
    document.body.append(layer);
    await layer.updateComplete;
    expect(layer.shadowRoot!.textContent).to.contain('Koppel een kaart');
    layer.lang = 'en';
    await layer.updateComplete;
    expect(layer.shadowRoot!.textContent).to.contain('Connect a map');
    layer.remove();
  });
});
