"""Distance to 2030, pace and arrival year, change between two years, peer regions, honest ranks.

Pure computations (no Streamlit): :mod:`.table` builds the whole table from the built data;
:mod:`.endvalues`, :mod:`.score`, :mod:`.pace`, :mod:`.change`, :mod:`.peers` and :mod:`.ranks`
hold the method, one step each. The method is written up in docs/METHOD_DISTANCE.md.
"""
