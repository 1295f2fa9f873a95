/**
 * `<na-kansenkaart-layer sources=…>` draws the computed map as one image from the unit grid:
 * another action repaints it (no new computation), `lang` rewords the unit read out, forced
 * colours draw the states as black-and-white patterns, and an element removed mid-computation
 * and put back computes again.
 */
import { expect } from '@open-wc/testing';
import MapEvent from 'ol/MapEvent.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { STATE_COLOURS, STATE_LABELS } from '../../src/core/kansenkaart/output.js';
import type { Kansenkaart, KansenUnit } from '../../src/core/kansenkaart/compute.js';
import type { BBox } from '../../src/core/geometry.js';
import type { Action } from '../../src/core/types.js';
import type { KansenUnitInfo } from '../../src/map/kansenkaart-layer.js';
import '../../widgets/kansenkaart-layer/define.js';
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

/** Units of 3 × 3 cells or more whose centre is in the map's view. */
function sampleUnits(map: import('ol/Map.js').default, km: Kansenkaart): KansenUnit[] {
  const view = map.getView().calculateExtent(map.getSize());
  return km.units.filter((u) => {
    const [w, h] = unitCells(u, km.grid.cellSize);
    const [x, y] = unitCentre(u);
    return w >= 3 && h >= 3 && x > view[0]! && x < view[2]! && y > view[1]! && y < view[3]!;
  });
}

describe('<na-kansenkaart-layer> drawing the computed map as an image', () => {
  it('another action repaints the states without a new computation', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const el = computingLayer(t.map, { sources: SOURCES, bbox: BOX.join(',') });
    try {
      await until(() => el.state === 'ready', 'the computation', 30000);
      const km = el.kansenkaart!;
      const units = sampleUnits(t.map, km);
      const stateOf = (u: KansenUnit, a: Action): string =>
        STATE_COLOURS[km.tuples[u.tuple]!.states[a]];
      // Units whose colour differs between the two actions show that the image was repainted.
      const differ = units.filter((u) => stateOf(u, 'infiltreren') !== stateOf(u, 'bergen'));
      expect(differ.length, 'units that change colour').to.be.greaterThan(0);
      await until(() => kansenPixel(t.map, unitCentre(units[0]!))[3] > 0, 'the image');
      for (const u of differ)
        expect(shows(kansenPixel(t.map, unitCentre(u)), stateOf(u, 'infiltreren'))).to.equal(true);
      el.action = 'bergen';
      await el.updateComplete;
      for (const u of units)
        expect(
          shows(kansenPixel(t.map, unitCentre(u)), stateOf(u, 'bergen')),
          `unit ${u.id}`,
        ).to.equal(true);
      expect(el.kansenkaart).to.equal(km);
      expect(el.state).to.equal('ready');
    } finally {
      el.remove();
      t.dispose();
    }
  });

  it('lang rewords the unit read out and the selected unit, without a new computation', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const el = computingLayer(t.map, { sources: SOURCES, bbox: BOX.join(',') });
    try {
      await until(() => el.state === 'ready', 'the computation', 30000);
      const km = el.kansenkaart!;
      // A unit with a reason for infiltreren, in view: the crosshair goes to its centre.
      const unit = sampleUnits(t.map, km).find(
        (u) => km.tuples[u.tuple]!.reasons.infiltreren !== undefined,
      )!;
      expect(unit, 'a unit with a reason').to.not.equal(undefined);
      const tuple = km.tuples[unit.tuple]!;
      const state = tuple.states.infiltreren;
      const reason = tuple.reasons.infiltreren!;
      t.map.getView().setCenter(unitCentre(unit));
      t.map.renderSync();
      const button = document.createElement('button');
      button.textContent = 'before';
      t.target.before(button);
      button.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(t.target);
      const live = el.shadowRoot!.querySelector('[part=hover]')!;
      await until(() => live.textContent !== '', 'the unit at the centre to be read out');
      expect(live.textContent).to.equal(`${STATE_LABELS[state].nl}: ${reason.nl}`);
      el.lang = 'en';
      await el.updateComplete;
      expect(live.textContent).to.equal(`${STATE_LABELS[state].en}: ${reason.en}`);
      expect(el.kansenkaart).to.equal(km);
      // Enter selects the unit, its reason in English.
      const selected = new Promise<KansenUnitInfo>((resolve) =>
        el.addEventListener('na-kansenkaart-select', (e) =>
          resolve((e as CustomEvent<KansenUnitInfo>).detail),
        ),
      );
      await sendKeys({ press: 'Enter' });
      const detail = await selected;
      expect(detail.reason).to.equal(reason.en);
      expect(detail.properties.unit).to.equal(unit.id);
      // And back.
      el.lang = 'nl';
      await el.updateComplete;
      expect(live.textContent).to.equal(`${STATE_LABELS[state].nl}: ${reason.nl}`);
      button.remove();
    } finally {
      el.remove();
      t.dispose();
    }
  });

  it('forced colours: the states as black-and-white patterns', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const el = computingLayer(t.map, { sources: SOURCES, bbox: BOX.join(',') });
    try {
      await until(() => el.state === 'ready', 'the computation', 30000);
      const km = el.kansenkaart!;
      const units = sampleUnits(t.map, km);
      const of = (s: string): KansenUnit | undefined =>
        units.find((u) => km.tuples[u.tuple]!.states.infiltreren === s);
      const discouraged = of('discouraged');
      const plain = of('neutral') ?? of('no-data');
      expect(discouraged, 'a discouraged unit').to.not.equal(undefined);
      await until(() => kansenPixel(t.map, unitCentre(discouraged!))[3] > 0, 'the image');
      expect(
        shows(kansenPixel(t.map, unitCentre(discouraged!)), STATE_COLOURS.discouraged),
      ).to.equal(true);
      await executeServerCommand('na-emulate-media', { colorScheme: '', forcedColors: 'active' });
      try {
        await until(
          () => shows(kansenPixel(t.map, unitCentre(discouraged!)), '#000000'),
          'discouraged drawn black',
        );
        if (plain) expect(shows(kansenPixel(t.map, unitCentre(plain)), '#ffffff')).to.equal(true);
      } finally {
        await executeServerCommand('na-emulate-media', { colorScheme: '', forcedColors: '' });
      }
      await until(
        () => shows(kansenPixel(t.map, unitCentre(discouraged!)), STATE_COLOURS.discouraged),
        'the colours back',
      );
    } finally {
      el.remove();
      t.dispose();
    }
  });

  it('a moveend that keeps the view does not compute again', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const el = computingLayer(t.map, { sources: SOURCES });
    try {
      await until(() => el.state === 'ready', 'the view', 30000);
      const km = el.kansenkaart;
      // As OpenLayers fires it after a render that did not move the view (e.g. a layer added).
      t.map.dispatchEvent(new MapEvent('moveend', t.map));
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      expect(el.kansenkaart).to.equal(km);
      // A real move does.
      t.map.getView().setCenter([193400, 445000]);
      t.map.renderSync();
      await until(() => el.state === 'ready' && el.kansenkaart !== km, 'the new view', 30000);
    } finally {
      el.remove();
      t.dispose();
    }
  });

  it('removed mid-computation: aborted; put back: computes again; removed: the map as before', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const before = listenerSnapshot(t.map);
    const el = computingLayer(t.map, { sources: SOURCES, bbox: BOX.join(',') });
    await until(() => el.state === 'computing', 'the computation to start');
    const pending = el.whenComputed();
    el.remove();
    await pending;
    await el.updateComplete;
    expect(el.state).to.equal('aborted');
    t.map.renderSync();
    expect(kansenLayer(t.map)).to.equal(undefined);
    expect(listenerSnapshot(t.map)).to.deep.equal(before);
    document.body.append(el);
    await until(() => el.state === 'ready', 'the computation after putting it back', 30000);
    expect(kansenLayer(t.map)).to.not.equal(undefined);
    el.remove();
    t.map.renderSync();
    expect(kansenLayer(t.map)).to.equal(undefined);
    expect(listenerSnapshot(t.map)).to.deep.equal(before);
    t.dispose();
  });
});
