/**
 * A texts file can reword every message at any time (issue #12): the catalogues that load on
 * demand (GeoTIFF, FlatGeobuf, the source diagnosis, the report, …) are declared with their names
 * and keys up front (src/sources/message-catalogues.ts), and reworded texts apply when the
 * catalogue's module loads. The modules are imported only after the texts are applied.
 */
import { describe, expect, it } from 'vitest';
import {
  applyTexts,
  declareMessages,
  localizedMessage,
  messageDictionaries,
  registerMessages,
  translate,
  WidgetTextsError,
} from '../../src/core/messages.js';
import { LAZY_MESSAGE_CATALOGUES } from '../../src/sources/message-catalogues.js';

describe('message catalogues that load on demand', () => {
  it('rewords geotiff, flatgeobuf and diagnose texts before their modules load', async () => {
    expect(messageDictionaries()).toEqual(
      expect.arrayContaining(['geotiff', 'flatgeobuf', 'diagnose', 'report', 'scenario-summary']),
    );
    applyTexts(
      {
        geotiff: { unreadable: { nl: 'Rasterbestand van {name} is kapot. Bel team GIS.' } },
        flatgeobuf: { invalid: { en: 'FlatGeobuf of {name}: call the GIS team.' } },
        diagnose: { corsOk: { nl: 'CORS van {name} in orde.', fy: 'CORS fan {name} goed.' } },
      },
      'gemeente.texts.json',
    );
    const { geotiffMessages } = await import('../../src/sources/geotiff.js');
    const { flatgeobufMessages } = await import('../../src/sources/flatgeobuf.js');
    const { diagnoseMessages } = await import('../../src/sources/diagnose.js');
    expect(translate(geotiffMessages, 'unreadable', 'nl', { name: 'AHN' })).toBe(
      'Rasterbestand van AHN is kapot. Bel team GIS.',
    );
    // Not reworded: the shipped text.
    expect(translate(geotiffMessages, 'unreadable', 'en', { name: 'AHN' })).toBe(
      'The raster file of the source "AHN" cannot be read.',
    );
    expect(localizedMessage(flatgeobufMessages, 'invalid', { name: 'bodem.fgb' }).en).toBe(
      'FlatGeobuf of bodem.fgb: call the GIS team.',
    );
    expect(translate(diagnoseMessages, 'corsOk', 'nl', { name: 'PDOK' })).toBe(
      'CORS van PDOK in orde.',
    );
    expect(translate(diagnoseMessages, 'corsOk', 'fy', { name: 'PDOK' })).toBe(
      'CORS fan PDOK goed.',
    );
  });

  it('refuses a key a declared catalogue does not have, and changes nothing then', () => {
    expect(() =>
      applyTexts(
        {
          geotiff: { blocksTooLarge: { nl: 'Te groot.' } },
          flatgeobuf: { ongeldig: { nl: 'x' } },
        },
        'gemeente.texts.json',
      ),
    ).toThrow(WidgetTextsError);
    expect(() => applyTexts({ flatgeobuf: { ongeldig: { nl: 'x' } } }, 'g.json')).toThrow(
      /flatgeobuf has no message "ongeldig"/,
    );
    expect(() => applyTexts({ rasters: { unreadable: { nl: 'x' } } }, 'g.json')).toThrow(
      /unknown widget "rasters" \(known: .*geotiff/,
    );
  });

  it('every declared catalogue registers with exactly the declared keys', async () => {
    const modules = await Promise.all([
      import('../../src/sources/geotiff.js'),
      import('../../src/sources/flatgeobuf.js'),
      import('../../src/sources/diagnose.js'),
      import('../../src/core/style-export.js'),
      import('../../src/core/scenario/compare-messages.js'),
      import('../../src/core/groundwater.js'),
      import('../../src/core/report-messages.js'),
      import('../../src/core/schema-messages.js'),
      import('../../src/sources/http-messages.js'),
      import('../../src/sources/sources-file-messages.js'),
    ]);
    const dicts: Record<keyof typeof LAZY_MESSAGE_CATALOGUES, object> = {
      geotiff: modules[0].geotiffMessages,
      flatgeobuf: modules[1].flatgeobufMessages,
      diagnose: modules[2].diagnoseMessages,
      'style-export': modules[3].styleExportMessages,
      'scenario-summary': modules[4].compareMessages,
      groundwater: modules[5].groundwaterMessages,
      report: modules[6].reportMessages,
      schema: modules[7].schemaMessages,
      http: modules[8].httpMessages,
      'sources-file': modules[9].sourcesFileMessages,
    };
    for (const [name, keys] of Object.entries(LAZY_MESSAGE_CATALOGUES)) {
      expect(Object.keys(dicts[name as keyof typeof dicts]), name).toEqual([...keys]);
    }
  });

  it('a catalogue whose keys differ from its declaration is refused when it registers', () => {
    declareMessages('test-catalogue', ['one']);
    expect(() => registerMessages('test-catalogue', { two: { nl: 'twee', en: 'two' } })).toThrow(
      /differ from those declared/,
    );
    registerMessages('test-catalogue', { one: { nl: 'een', en: 'one' } });
    expect(() => declareMessages('test-catalogue', ['one', 'two'])).toThrow(/differ/);
  });
});
