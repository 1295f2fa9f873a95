#!/usr/bin/python3
"""Build a QGIS Server project that serves the ILLUSTRATIVE Voorbeeldstad demo data.

Run with Debian's Python (PyQGIS comes with qgis-server's python3-qgis), headless:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/qgis/make_project.py \
        --data-dir .cache/qgis --out .cache/qgis/project.qgs [--style zonering=path/to/style.sld]

--data-dir holds zonering.gpkg, soil.gpkg, groundwater.gpkg and landuse.gpkg (made by scripts/qgis/server.mjs with
`ogr2ogr -f GPKG -lco FID=fid -nlt PROMOTE_TO_MULTI`). The project publishes the three layers
(names `zonering`, `soil`, `groundwater`, `landuse`) for WMS (GetMap, GetFeatureInfo), WFS 1.1/2.0 (GeoJSON
output) and OGC API Features (/wfs3), in EPSG:28992, 3857 and 4326, with WMSExtent = data extent.

Styling is deliberately simple and replaceable: zonering is categorised by BKNSN_code, the others
get one outline style. `--style LAYER=FILE` (repeatable) replaces a layer's style with a QML
(`.qml`) or SLD (`.sld`) file, e.g. one exported from the library.
"""
import argparse
import hashlib
import os
import sys

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')

from qgis.core import (  # noqa: E402  (QT_QPA_PLATFORM must be set first)
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor  # noqa: E402

LAYERS = [
    # (layer name = short name = GeoPackage table, title)
    ('zonering', 'Landschapszonering Voorbeeldstad (illustratief)'),
    ('soil', 'Bodemkaart Voorbeeldstad (illustratief)'),
    ('groundwater', 'Grondwatertrappen Voorbeeldstad (illustratief)'),
    ('landuse', 'Grondgebruik Voorbeeldstad (illustratief)'),
]
CRS_LIST = ['EPSG:28992', 'EPSG:3857', 'EPSG:4326']

# Fill colours of the zonering by the landscape prefix of BKNSN_code (illustrative, not official).
PREFIX_COLOURS = {
    'Sw': '#c8a165',  # stuwwal
    'Dz': '#f1dc9a',  # dekzand
    'Rg': '#9fd08a',  # rivierengebied
    'Lv': '#b99ac9',  # laagveen
    'Dr': '#8cc7d9',  # droogmakerij
    'A': '#bdbdbd',  # bebouwd
    'W': '#5b9bd5',  # water
}


def fail(message):
    print('make_project.py: ' + message, file=sys.stderr)
    sys.exit(1)


def colour_for(code):
    prefix = ''.join(ch for ch in code if ch.isalpha())[:2]
    base = PREFIX_COLOURS.get(prefix) or PREFIX_COLOURS.get(prefix[:1])
    if base is None:
        digest = hashlib.sha1(code.encode('utf-8')).hexdigest()
        return QColor('#' + digest[:6])
    colour = QColor(base)
    # Vary the lightness a little by the number in the code (Dz1, Dz2, ...).
    digits = ''.join(ch for ch in code if ch.isdigit())
    return colour.darker(100 + 8 * int(digits)) if digits else colour


def default_style(layer, name):
    if name == 'zonering':
        field = 'BKNSN_code'
        index = layer.fields().indexOf(field)
        if index < 0:
            fail('zonering has no field %s' % field)
        categories = []
        for code in sorted(v for v in layer.uniqueValues(index) if v is not None):
            symbol = QgsFillSymbol.createSimple(
                {'color': colour_for(str(code)).name(), 'outline_color': '#555555', 'outline_width': '0.2'}
            )
            categories.append(QgsRendererCategory(code, symbol, str(code)))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    else:
        outline = '#7a4a1f' if name == 'soil' else '#1f5fa0'
        symbol = QgsFillSymbol.createSimple(
            {'color': '0,0,0,0', 'outline_color': outline, 'outline_width': '0.3'}
        )
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def apply_style(layer, path):
    if path.lower().endswith('.sld'):
        message, ok = layer.loadSldStyle(path)
    else:
        message, ok = layer.loadNamedStyle(path)
    if not ok:
        fail('cannot load style %s for layer %s: %s' % (path, layer.name(), message))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--data-dir', required=True, help='directory with <layer>.gpkg files')
    parser.add_argument('--out', required=True, help='project file to write (.qgs)')
    parser.add_argument('--style', action='append', default=[], metavar='LAYER=FILE',
                        help='replace the style of LAYER with a .qml or .sld file')
    args = parser.parse_args()

    styles = {}
    for item in args.style:
        name, sep, path = item.partition('=')
        if not sep or name not in [n for n, _ in LAYERS]:
            fail('--style needs LAYER=FILE with LAYER one of %s, got %r' % ([n for n, _ in LAYERS], item))
        if not os.path.isfile(path):
            fail('style file not found: %s' % path)
        styles[name] = os.path.abspath(path)

    app = QgsApplication([], False)
    app.initQgis()
    try:
        project = QgsProject.instance()
        project.setCrs(QgsCoordinateReferenceSystem('EPSG:28992'))
        project.setTitle('Voorbeeldstad (illustratief)')

        extent = QgsRectangle()
        extent.setMinimal()
        layer_ids = []
        for name, title in LAYERS:
            gpkg = os.path.abspath(os.path.join(args.data_dir, name + '.gpkg'))
            if not os.path.isfile(gpkg):
                fail('missing GeoPackage %s' % gpkg)
            layer = QgsVectorLayer(gpkg + '|layername=' + name, name, 'ogr')
            if not layer.isValid():
                fail('layer %s (%s) is not valid' % (name, gpkg))
            if layer.crs().authid() != 'EPSG:28992':
                fail('layer %s has CRS %s, expected EPSG:28992' % (name, layer.crs().authid()))
            layer.setShortName(name)
            layer.setTitle(title)
            layer.setAbstract('ILLUSTRATIVE demo data of the invented town Voorbeeldstad. Not real data.')
            if name in styles:
                apply_style(layer, styles[name])
            else:
                default_style(layer, name)
            project.addMapLayer(layer)
            extent.combineExtentWith(layer.extent())
            layer_ids.append(layer.id())
            print('layer %s: %d features, extent %s' % (name, layer.featureCount(), layer.extent().toString(0)))

        project.writeEntry('WMSServiceCapabilities', '/', True)
        project.writeEntry('WMSServiceTitle', '/', 'Voorbeeldstad (illustratief)')
        project.writeEntry('WMSServiceAbstract', '/', 'ILLUSTRATIVE demo data for natuurlijke-alliantie integration tests.')
        project.writeEntry('WMSCrsList', '/', CRS_LIST)
        project.writeEntry('WMSExtent', '/', [
            repr(extent.xMinimum()), repr(extent.yMinimum()), repr(extent.xMaximum()), repr(extent.yMaximum()),
        ])
        project.writeEntry('WMSAddWktGeometry', '/', True)
        project.writeEntry('WMSFeatureInfoUseAttributeFormSettings', '/', False)
        project.writeEntry('WFSLayers', '/', layer_ids)
        for layer_id in layer_ids:
            project.writeEntry('WFSLayersPrecision', '/' + layer_id, 3)

        out = os.path.abspath(args.out)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if not project.write(out):
            fail('could not write %s' % out)
        print('written: %s (extent %s)' % (out, extent.toString(0)))
    finally:
        app.exitQgis()


if __name__ == '__main__':
    main()
