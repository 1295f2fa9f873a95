import { expect } from '@open-wc/testing';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import { VERSION } from 'ol/util.js';

describe('browser test setup', () => {
  it('creates a real OpenLayers map in Chromium', () => {
    const target = document.createElement('div');
    target.style.width = '200px';
    target.style.height = '200px';
    document.body.append(target);
    const map = new Map({ target, view: new View({ center: [0, 0], zoom: 2 }) });
    expect(map.getViewport()?.isConnected).to.equal(true);
    map.setTarget(undefined);
    target.remove();
  });

  it('runs on the OpenLayers version it is meant to (the ol matrix aliases another copy)', async () => {
    const expected = (await (await fetch('/__ol-version.json')).json()) as { version: string };
    expect(VERSION).to.equal(expected.version);
  });
});
