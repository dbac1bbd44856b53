"""Distance to 2030, pace and arrival year, change between two years, peer regions, honest ranks.

The method, one step each (pure): :mod:`.endvalues`, :mod:`.score`, :mod:`.pace`,
:mod:`.change`, :mod:`.peers`, :mod:`.ranks`; :mod:`.table` builds the whole table from the
app's data once per provider (``distance_table``). What the pages, downloads and deck show:
:mod:`.view` (view models), :mod:`.display` (words and tables per language), :mod:`.charts`,
:mod:`.slides`; :mod:`.ui` holds the Streamlit widgets. The method is written up in
docs/METHOD_DISTANCE.md.
"""
