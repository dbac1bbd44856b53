"""Boundaries and maps: the layouts of 2022 / 2018 / 2014, the rule choosing one, map figures."""
