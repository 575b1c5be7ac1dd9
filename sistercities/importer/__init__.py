"""Import an official list of pairs as officials hold it: guess columns, resolve names, apply.

Modules: :mod:`.text` (normalising cells), :mod:`.headers` (column mapping), :mod:`.dates`
(official date styles), :mod:`.read` (raw grids from CSV/XLSX), :mod:`.gazetteer` (Guangxi
units, countries, first-level divisions and GeoNames, loaded lazily), :mod:`.resolve`
(each row to places), :mod:`.compare` (against the data) and :mod:`.apply` (rows to the
contract tables, written through the store).
"""
