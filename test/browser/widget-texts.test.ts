import { expect } from '@open-wc/testing';
import '../../widgets/location-check/define.js';
import '../../widgets/zonering-legend/define.js';
import { applyWidgetTexts, WidgetTextsError } from '../../widgets/shared/lang.js';

const shadowText = (el: Element): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

async function mount(
  tag: string,
  lang: string,
): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  el.setAttribute('lang', lang);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('interface texts from a data file (a municipality adds a language or rewords)', () => {
  before(async () => {
    const file = await (await fetch('/demo/data/gemeente-voorbeeldstad.texts.json')).json();
    applyWidgetTexts(file, 'gemeente-voorbeeldstad.texts.json');
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('na-location-check, na-zonering-legend'))
      el.remove();
  });

  it('shows an added language (Frisian), falling back to Dutch where it has no text', async () => {
    const el = await mount('na-location-check', 'fy');
    const text = shadowText(el);
    expect(text).to.include('Wat past hjir?');
    expect(text).to.include('Der is noch gjin kaart keppele');
    const legend = await mount('na-zonering-legend', 'fy-NL');
    expect(shadowText(legend)).to.include('Lânskipssonearing');
    // No Frisian text for this one: Dutch.
    expect(shadowText(legend)).to.include('Koppel een zoneringlaag');
  });

  it('rewords a Dutch text and leaves English alone', async () => {
    expect(shadowText(await mount('na-location-check', 'nl'))).to.include('Wat past op deze plek?');
    expect(shadowText(await mount('na-location-check', 'en'))).to.include('What fits here?');
  });

  it('names what is wrong in a bad file, and changes nothing then', async () => {
    const bad = (data: unknown) => () => applyWidgetTexts(data, 'x.json');
    expect(bad({ 'kaart-widget': {} })).to.throw(WidgetTextsError, /unknown widget "kaart-widget"/);
    expect(bad({ 'location-check': { titel: { fy: 'x' } } })).to.throw(/has no message "titel"/);
    expect(bad({ 'location-check': { title: { Frysk: 'x' } } })).to.throw(/not a language code/);
    expect(bad({ 'location-check': { noMap: { fy: 'Oars' }, title: { fy: 3 } } })).to.throw(
      /title\.fy must be a string/,
    );
    // The valid part of the rejected file was not applied.
    expect(shadowText(await mount('na-location-check', 'fy'))).to.include('Der is noch gjin kaart');
  });

  it('rewords the errors of the sources too (sources-file, http), and refuses a broken message', async () => {
    applyWidgetTexts(
      {
        'sources-file': {
          listNotFound: { nl: 'Bronnenlijst {file} ontbreekt (HTTP {status}). Bel team GIS.' },
        },
        http: { timeout: { nl: 'Bron "{name}" is te traag.' } },
      },
      'gemeente.texts.json',
    );
    const el = document.createElement('na-location-check') as HTMLElement & {
      updateComplete: Promise<unknown>;
      state: string;
    };
    el.setAttribute('lang', 'nl');
    el.setAttribute('sources', '/test/fixtures/sources/ontbreekt.json');
    document.body.append(el);
    for (let i = 0; i < 200 && el.state !== 'error'; i++)
      await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(shadowText(el)).to.include(
      'Bronnenlijst ontbreekt.json ontbreekt (HTTP 404). Bel team GIS.',
    );
    expect(() =>
      applyWidgetTexts({ http: { network: { nl: 'Geen {name verbinding' } } }, 'y.json'),
    ).to.throw(WidgetTextsError, /http\.network\.nl is not a valid message text/);
    expect(() => applyWidgetTexts({ http: { netwerk: { nl: 'x' } } }, 'y.json')).to.throw(
      /http has no message "netwerk"/,
    );
  });

  it('rewords the catalogues that load on demand (geotiff, flatgeobuf, diagnose) on first load', () => {
    expect(() =>
      applyWidgetTexts(
        {
          geotiff: { unreadable: { nl: 'Rasterbestand van {name} is kapot.' } },
          flatgeobuf: { noRangeSupport: { nl: 'Server van {name} kan geen deelverzoeken.' } },
          diagnose: { corsBlocked: { nl: 'CORS van {name} dicht.' } },
        },
        'gemeente.texts.json',
      ),
    ).to.not.throw();
    expect(() => applyWidgetTexts({ geotiff: { kapot: { nl: 'x' } } }, 'y.json')).to.throw(
      WidgetTextsError,
      /geotiff has no message "kapot"/,
    );
  });
});
