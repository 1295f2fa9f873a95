/**
 * The computed kansenkaart redraws into the canvases it already has: a new canvas of the map's
 * size costs Chromium tens of milliseconds on its first use, so one per redraw made every
 * redraw (another action, a move, new data) a long task on the main thread.
 */
import { expect } from '@open-wc/testing';
import type { Action } from '../../src/core/types.js';
import { FrameCanvases } from '../../src/map/kansenkaart-raster-draw.js';
import '../../widgets/kansenkaart-layer/define.js';
import { makeMap, until } from './helpers/map.js';
import { computingLayer, kansenPixel } from './helpers/kansenkaart.js';

describe('kansenkaart frames', () => {
  it('FrameCanvases gives the same canvas, cleared, and a new size only when asked', () => {
    const frames = new FrameCanvases();
    const a = frames.take('frame', 20, 10);
    a.getContext('2d')!.fillRect(0, 0, 20, 10);
    const b = frames.take('frame', 20, 10);
    expect(b).to.equal(a);
    expect([...b.getContext('2d')!.getImageData(5, 5, 1, 1).data]).to.deep.equal([0, 0, 0, 0]);
    const c = frames.take('frame', 30, 10);
    expect(c).to.equal(a);
    expect(c.width).to.equal(30);
    expect(frames.take('pattern', 30, 10)).to.not.equal(a);
    frames.clear();
    expect(a.width).to.equal(0);
  });

  it('switching the action and moving the map create no canvas', async () => {
    const t = makeMap({ center: [193000, 445000], width: 400, height: 300 });
    const el = computingLayer(t.map, {
      sources: '/demo/data/sources.json',
      bbox: '191500,443500,194500,446500',
    });
    const create = document.createElement.bind(document);
    let made = 0;
    try {
      await until(() => el.state === 'ready', 'the computation', 30000);
      await until(() => kansenPixel(t.map, [193000, 445000])[3] > 0, 'the first frame');
      document.createElement = ((name: string, options?: ElementCreationOptions) => {
        if (name.toLowerCase() === 'canvas') made++;
        return create(name, options);
      }) as typeof document.createElement;
      for (const action of ['bergen', 'koelen', 'infiltreren'] as Action[]) {
        el.action = action;
        await el.updateComplete;
        t.map.renderSync();
      }
      // Far enough to leave the image drawn for the first view: a redraw.
      t.map.getView().setCenter([194200, 446200]);
      t.map.renderSync();
      expect(made, 'canvases made by the redraws').to.equal(0);
    } finally {
      document.createElement = create;
      el.remove();
      t.dispose();
    }
  });
});
