/**
 * `<na-kansenkaart-layer sources=…>`: the kansenkaart computed in the browser, in its module
 * Worker (and on the main thread when Workers are off), from the demo sources file; the same map
 * as the core function on the main thread; a newer area or removal aborts a computation; keyboard
 * access to the units (focus ring, crosshair, live region, Enter selects); scale-dependent styling.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { STATE_COLOURS, summarizeKansenkaart } from '../../src/core/kansenkaart/output.js';
import type { BBox } from '../../src/core/geometry.js';
import type { KansenUnitInfo } from '../../src/map/kansenkaart-layer.js';
import { kansenkaartFromSources } from '../../src/sources/kansenkaart.js';
import '../../widgets/kansenkaart-layer/define.js';
import '../../widgets/kansenkaart-legend/define.js';
import { kansenkaartWorkerSettings } from '../../widgets/kansenkaart-layer/kansenkaart-runner.js';
import { demoSources } from './helpers/demo.js';
import { listenerSnapshot, makeMap, until } from './helpers/map.js';
import {
  computingLayer,
  kansenLayer,
  kansenPixel,
  shows,
  unitCells,
  unitCentre,
} from './helpers/kansenkaart.js';

const SOURCES = '/demo/data/sources.json';
const BOX: BBox = [191500, 443500, 194500, 446500];

describe('<na-kansenkaart-layer> computing in the browser', () => {
  afterEach(() => {
    kansenkaartWorkerSettings.enabled = true;
  });

  for (const worker of [true, false]) {
    it(`gives the core function's map and summary (${worker ? 'module Worker' : 'main thread'})`, async () => {
      kansenkaartWorkerSettings.enabled = worker;
      const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
      const before = listenerSnapshot(t.map);
      const el = computingLayer(t.map, { sources: SOURCES, bbox: BOX.join(',') });
      try {
        await until(() => el.state === 'ready', 'the computation', 30000);
        expect(el.computeMode).to.equal(worker ? 'worker' : 'main');
        const kb = defaultKnowledgeBase();
        const core = await kansenkaartFromSources(await demoSources(SOURCES), kb, {
          area: { bbox: BOX },
        });
        const got = el.kansenkaart!;
        expect(got.cells).to.equal(core.map.cells);
        expect(got.units).to.deep.equal(core.map.units);
        expect(got.tuples).to.deep.equal(core.map.tuples);
        expect(el.summary()).to.deep.equal(summarizeKansenkaart(core.map, kb));
        expect(el.skippedSources).to.deep.equal(core.skipped);
        // Drawn: the centre of every unit in view (3 cells or more across, away from the outlines)
        // shows the colour of its state.
        expect(kansenLayer(t.map)).to.not.equal(undefined);
        const view = t.map.getView().calculateExtent(t.map.getSize());
        const sampled = got.units.filter((u) => {
          const [w, h] = unitCells(u, got.grid.cellSize);
          const [x, y] = unitCentre(u);
          return w >= 3 && h >= 3 && x > view[0]! && x < view[2]! && y > view[1]! && y < view[3]!;
        });
        expect(sampled.length).to.be.greaterThan(3);
        await until(() => kansenPixel(t.map, unitCentre(sampled[0]!))[3] > 0, 'the image');
        for (const u of sampled)
          expect(
            shows(
              kansenPixel(t.map, unitCentre(u)),
              STATE_COLOURS[got.tuples[u.tuple]!.states.infiltreren],
            ),
            `unit ${u.id}`,
          ).to.equal(true);
        // Downloads of the view: GeoJSON of the units, the summary CSV.
        const geo = JSON.parse(el.geoJsonOfView()) as { features: unknown[] };
        expect(geo.features.length).to.equal(el.unitsInView().length);
        expect(geo.features.length).to.be.greaterThan(0);
        expect(el.summaryCsvOfView().split('\n')[0]).to.match(/^section,key,advised_ha/);
        // The legend offers the three downloads.
        el.id = 'kansen-computed';
        const legend = document.createElement('na-kansenkaart-legend');
        legend.setAttribute('for', el.id);
        document.body.append(legend);
        try {
          await until(
            () => legend.shadowRoot?.querySelectorAll('[part=downloads] button').length === 3,
            'the download buttons',
          );
          const labels = [...legend.shadowRoot!.querySelectorAll('[part=downloads] button')].map(
            (b) => b.textContent?.trim(),
          );
          expect(labels.join(' | ')).to.match(/CSV.*GeoJSON.*samenvatting/s);
        } finally {
          legend.remove();
        }
      } finally {
        el.remove();
        t.map.renderSync();
        expect(kansenLayer(t.map)).to.equal(undefined);
        expect(listenerSnapshot(t.map)).to.deep.equal(before);
        t.dispose();
      }
    });
  }

  it('computes the view (clipped to the coverage), again after a move; a newer view aborts the older', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const el = computingLayer(t.map, { sources: SOURCES });
    try {
      await until(() => el.state === 'ready', 'the first view', 30000);
      const first = el.kansenkaart!;
      // 400 × 300 px at 4 m/px = 1600 × 1200 m = 64 × 48 cells.
      expect(first.cells).to.equal(64 * 48);
      // Two moves at once: the first computation is aborted, the result is the second view's.
      t.map.getView().setCenter([193500, 445000]);
      t.map.renderSync();
      await until(() => el.state === 'computing', 'a new computation');
      t.map.getView().setCenter([194000, 445000]);
      t.map.renderSync();
      await el.whenComputed();
      await until(() => el.state === 'ready', 'the last view', 30000);
      expect(el.kansenkaart!.grid.x0).to.equal(194000 - 800);
      // Outside the data's coverage: nothing to compute, said so.
      t.map.getView().setCenter([100000, 400000]);
      t.map.renderSync();
      await until(() => el.state === 'empty', 'the empty state', 30000);
      expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain(
        'geen gegevens',
      );
    } finally {
      el.remove();
      t.dispose();
    }
  });

  it('removal during a computation aborts it and adds nothing to the map', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const before = listenerSnapshot(t.map);
    const el = computingLayer(t.map, { sources: SOURCES, area: 'coverage' });
    await until(() => el.state === 'computing', 'the computation to start');
    const pending = el.whenComputed();
    el.remove();
    await pending;
    // Not computing for ever: the state says the computation was stopped.
    expect(el.state).to.equal('aborted');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain('afgebroken');
    t.map.renderSync();
    expect(kansenLayer(t.map)).to.equal(undefined);
    expect(listenerSnapshot(t.map)).to.deep.equal(before);
    t.dispose();
  });

  it('a keyboard user hears the unit under the crosshair and selects it with Enter', async () => {
    const t = makeMap({ center: [193010, 445010], width: 400, height: 300 });
    const el = computingLayer(t.map, { sources: SOURCES, bbox: BOX.join(',') });
    try {
      await until(() => el.state === 'ready', 'the computation', 30000);
      const live = el.shadowRoot!.querySelector('[part=hover]')!;
      expect(live.getAttribute('role')).to.equal('status');
      // Tab into the map (keyboard focus: the ring and the crosshair show).
      const button = document.createElement('button');
      button.textContent = 'before';
      t.target.before(button);
      button.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(t.target);
      expect(t.map.getViewport()!.querySelector('.na-crosshair')).to.not.equal(null);
      await until(() => live.textContent !== '', 'the unit at the centre to be read out');
      const centre = t.map.getView().getCenter()!;
      const expected = el.kansenkaart!.units.find(
        (u) =>
          centre[0]! >= u.bbox[0] &&
          centre[0]! < u.bbox[2] &&
          centre[1]! >= u.bbox[1] &&
          centre[1]! < u.bbox[3],
      )!;
      const tuple = el.kansenkaart!.tuples[expected.tuple]!;
      expect(live.textContent).to.contain(
        {
          advised: 'Aanbevolen',
          discouraged: 'Afgeraden',
          missing: 'ontbrekende',
          neutral: 'Geen advies',
          'no-data': 'Geen gegevens',
        }[tuple.states.infiltreren],
      );
      // Arrow keys pan (the map's KeyboardPan); the text follows the new centre.
      const said = live.textContent;
      await sendKeys({ press: 'ArrowRight' });
      await until(
        () => !t.map.getView().getAnimating() && t.map.getView().getCenter()![0] !== centre[0],
        'the map to pan',
      );
      // Enter selects the unit at the centre, as a click does.
      const selected = new Promise<KansenUnitInfo>((resolve) =>
        el.addEventListener('na-kansenkaart-select', (e) =>
          resolve((e as CustomEvent<KansenUnitInfo>).detail),
        ),
      );
      await sendKeys({ press: 'Enter' });
      const detail = await selected;
      const now = t.map.getView().getCenter()!;
      expect(detail.rd[0]).to.be.closeTo(now[0]!, 0.001);
      expect(detail.rd[1]).to.be.closeTo(now[1]!, 0.001);
      expect(detail.action).to.equal('infiltreren');
      expect(typeof said).to.equal('string');
      // Leaving the map removes the crosshair and clears the text.
      button.focus();
      expect(t.map.getViewport()!.querySelector('.na-crosshair')).to.equal(null);
      await until(() => live.textContent === '', 'the text to clear');
    } finally {
      el.remove();
      t.dispose();
    }
  });

  it('styles by scale: tiny units hidden at regio/stad, outlines closer in, labels at straat', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const el = computingLayer(t.map, { sources: SOURCES, bbox: BOX.join(',') });
    try {
      await until(() => el.state === 'ready', 'the computation', 30000);
      const km = el.kansenkaart!;
      const cs = km.grid.cellSize;
      const colour = (u: (typeof km.units)[number]): string =>
        STATE_COLOURS[km.tuples[u.tuple]!.states.infiltreren];
      const at = (x: number, y: number): (typeof km.units)[number] | undefined =>
        km.units.find((u) => x >= u.bbox[0] && x < u.bbox[2] && y >= u.bbox[1] && y < u.bbox[3]);
      const view = t.map.getView();
      // A unit under 1 ha, 3 × 3 cells or more (its centre pixel is away from its edges).
      const tiny = km.units.find((u) => {
        const [w, h] = unitCells(u, cs);
        return (
          u.cells < 16 && w >= 3 && h >= 3 && km.tuples[u.tuple]!.states.infiltreren !== 'no-data'
        );
      });
      expect(tiny, 'a unit under 1 ha').to.not.equal(undefined);
      // regio/stad (20 m/px): the tiny unit is not drawn.
      view.setCenter(unitCentre(tiny!));
      view.setResolution(20);
      await until(() => kansenPixel(t.map, [BOX[0] + 10, BOX[1] + 10])[3] >= 0, 'a render');
      expect(kansenPixel(t.map, unitCentre(tiny!))[3]).to.equal(0);
      // wijk/dorp (4 m/px): it is, in its colour.
      view.setResolution(4);
      expect(shows(kansenPixel(t.map, unitCentre(tiny!)), colour(tiny!))).to.equal(true);
      // An edge between two units of the same colour: an outline at wijk/dorp, none at regio/stad.
      const edge = km.units
        .filter((u) => u.cells >= 16 && unitCells(u, cs)[1] >= 3)
        .map((u) => {
          const y = unitCentre(u)[1];
          const left = at(u.bbox[0] - cs / 2, y);
          return { u, left, y };
        })
        .find(
          ({ u, left }) => left !== undefined && left.cells >= 16 && colour(left) === colour(u),
        );
      expect(edge, 'two large units of one colour side by side').to.not.equal(undefined);
      const { u, y } = edge!;
      view.setCenter([u.bbox[0], y]);
      view.setResolution(4);
      const onEdge = (): [number, number, number, number] => {
        // The pixel the edge line crosses.
        const px = t.map.getPixelFromCoordinate([u.bbox[0], y])!;
        return kansenPixel(t.map, t.map.getCoordinateFromPixel([Math.floor(px[0]!) + 0.5, px[1]!]));
      };
      expect(shows(onEdge(), colour(u)), 'outline at wijk/dorp').to.equal(false);
      view.setResolution(20);
      expect(shows(onEdge(), colour(u)), 'no outline at regio/stad').to.equal(true);
      // straat (0.5 m/px): the state is written in a large unit (text pixels, not the fill).
      const large = km.units.find((v) => v.cells >= 16 && unitCells(v, cs)[0] >= 4)!;
      view.setCenter(unitCentre(large));
      view.setResolution(0.5);
      const [cx, cy] = t.map.getPixelFromCoordinate(unitCentre(large))!;
      let other = 0;
      for (let dx = -20; dx <= 20; dx += 2)
        for (let dy = -4; dy <= 4; dy += 2) {
          const c = t.map.getCoordinateFromPixel([cx! + dx, cy! + dy]);
          if (!shows(kansenPixel(t.map, c), colour(large))) other++;
        }
      expect(other, 'text pixels at straat').to.be.greaterThan(0);
      view.setResolution(4);
      expect(shows(kansenPixel(t.map, unitCentre(large)), colour(large))).to.equal(true);
    } finally {
      el.remove();
      t.dispose();
    }
  });
});
