"""Typed records shared by queries, charts and pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sdgdash.data.catalog import DISAGGREGATIONS, SELECTION_COLUMNS


@dataclass(frozen=True)
class Selection:
    """One series of an indicator: series, unit and a value for every disaggregation ("" = total)."""

    indicator_id: str
    series: str = ""
    unit: str = ""
    sex: str = ""
    age: str = ""
    urbanisation: str = ""
    education_lev: str = ""
    income_wealth_quantile: str = ""
    activity: str = ""
    composite_breakdown: str = ""

    def key(self) -> dict[str, str]:
        """The selection columns and their values, in catalog order."""
        return {c: getattr(self, c) for c in SELECTION_COLUMNS}

    def disaggregation(self) -> dict[str, str]:
        """Only the disaggregations that are not totals."""
        return {c: getattr(self, c) for c in DISAGGREGATIONS if getattr(self, c)}

    def as_dict(self) -> dict[str, str]:
        """All fields as a plain dict."""
        return asdict(self)

    @classmethod
    def from_mapping(cls, indicator_id: str, values: dict[str, object]) -> Selection:
        """Build from any mapping that has (some of) the selection columns; missing or null -> ""."""
        names = {f.name for f in fields(cls)} - {"indicator_id"}
        clean = {}
        for name in names:
            v = values.get(name, "")
            clean[name] = "" if v is None or (isinstance(v, float) and v != v) else str(v)
        return cls(indicator_id=indicator_id, **clean)
