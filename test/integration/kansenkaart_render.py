"""Opens a vector file in QGIS (PyQGIS, headless), applies a .qml or .sld style, renders the
layer's extent to a PNG and prints JSON: whether the layer and the style loaded, the feature
count, CRS, and the renderer's attribute and categories. Used by kansenkaart-qgis.test.ts.

    python3 kansenkaart_render.py DATA STYLE OUT.png SIZE
"""
import json
import os
import sys

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main():
    data, style, out, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    app = QgsApplication([], False)
    app.initQgis()
    try:
        layer = QgsVectorLayer(data, 'kansenkaart', 'ogr')
        result = {'valid': layer.isValid()}
        if layer.isValid():
            if style.lower().endswith('.sld'):
                message, ok = layer.loadSldStyle(style)
            else:
                message, ok = layer.loadNamedStyle(style)
            result['styleLoaded'] = bool(ok)
            result['styleMessage'] = message
            result['featureCount'] = layer.featureCount()
            result['crs'] = layer.crs().authid()
            renderer = layer.renderer()
            result['renderer'] = renderer.type()
            if renderer.type() == 'categorizedSymbol':
                result['attr'] = renderer.classAttribute()
                result['categories'] = [
                    {'value': c.value(), 'label': c.label(), 'colour': c.symbol().color().name()}
                    for c in renderer.categories()
                ]
            elif renderer.type() == 'RuleRenderer':
                result['rules'] = [r.label() for r in renderer.rootRule().children()]
            extent = layer.extent()
            result['extent'] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
            settings = QgsMapSettings()
            settings.setLayers([layer])
            settings.setDestinationCrs(layer.crs())
            settings.setExtent(extent)
            settings.setOutputSize(QSize(size, size))
            settings.setBackgroundColor(QColor(0, 0, 0, 0))
            job = QgsMapRendererParallelJob(settings)
            job.start()
            job.waitForFinished()
            job.renderedImage().save(out, 'PNG')
            # The extent actually drawn (QGIS keeps the aspect ratio).
            visible = settings.visibleExtent()
            result['visibleExtent'] = [visible.xMinimum(), visible.yMinimum(), visible.xMaximum(), visible.yMaximum()]
        print(json.dumps(result), flush=True)
    finally:
        app.exitQgis()
    # PyQGIS 3.22 can crash while tearing down layers that belong to no project; the result is
    # printed, so leave without running the Python finalizers.
    os._exit(0)


if __name__ == '__main__':
    main()
