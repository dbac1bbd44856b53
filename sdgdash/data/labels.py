"""Names of goals, indicators, regions and codes in kk / ru / en, from the built tables."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.data.catalog import DISAGGREGATIONS, SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.i18n import DEFAULT_LANG, LANGS, t


def _lang(lang: str) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def _pick(row: pd.Series | dict, stem: str, lang: str) -> str:
    """``row[stem_lang]`` with fallbacks ru -> en -> kk, or "" when none has text."""
    for code in (_lang(lang), "ru", "en", "kk"):
        value = row.get(f"{stem}_{code}")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


@dataclass(frozen=True)
class Labels:
    """Lookup tables for display names; build once with :meth:`from_tables` and cache."""

    goals: dict[int, dict]
    indicators: dict[str, dict]
    regions: dict[str, dict]
    codes: dict[tuple[str, str], dict]

    @classmethod
    def from_tables(
        cls,
        goals: pd.DataFrame,
        indicators: pd.DataFrame,
        regions: pd.DataFrame,
        codes: pd.DataFrame,
    ) -> Labels:
        """Index the four small tables by their keys."""
        return cls(
            goals={int(r["goal"]): r for r in goals.to_dict("records")},
            indicators={r["indicator_id"]: r for r in indicators.to_dict("records")},
            regions={r["ref_area"]: r for r in regions.to_dict("records")},
            codes={(r["dimension"], r["code"]): r for r in codes.to_dict("records")},
        )

    def goal_short(self, goal: int, lang: str) -> str:
        """Short goal name, e.g. "No poverty"."""
        return _pick(self.goals.get(int(goal), {}), "short", lang) or f"{t('goal', lang)} {goal}"

    def goal_title(self, goal: int, lang: str) -> str:
        """Full goal title."""
        return _pick(self.goals.get(int(goal), {}), "title", lang) or self.goal_short(goal, lang)

    def goal_colour(self, goal: int) -> str:
        """The official SDG colour of a goal as #RRGGBB."""
        return str(self.goals.get(int(goal), {}).get("colour") or "#666666")

    def indicator_name(self, indicator_id: str, lang: str) -> str:
        """The national indicator title, else the global one, else the id."""
        row = self.indicators.get(indicator_id, {})
        return _pick(row, "name_national", lang) or _pick(row, "name_global", lang) or indicator_id

    def indicator_label(self, indicator_id: str, lang: str, width: int | None = None) -> str:
        """ "1.2.1 Name", optionally shortened to ``width`` characters for select boxes."""
        text = f"{indicator_id} {self.indicator_name(indicator_id, lang)}"
        if width and len(text) > width:
            text = text[: width - 1].rstrip() + "…"
        return text

    def region_name(self, ref_area: str, lang: str) -> str:
        """Region name; the empty code is Kazakhstan as a whole; unknown codes show as themselves."""
        if not ref_area:
            return t("national", lang)
        return _pick(self.regions.get(ref_area, {}), "name", lang) or ref_area

    def region_kind(self, ref_area: str) -> str:
        """Kind of territory (region, city_republican, city, village, special_zone, unknown)."""
        return str(self.regions.get(ref_area, {}).get("kind") or "unknown")

    def region_kinds(self) -> dict[str, str]:
        """ref_area -> kind for every known code."""
        return {code: str(r.get("kind") or "unknown") for code, r in self.regions.items()}

    def code_label(self, dimension: str, code: str, lang: str) -> str:
        """Label of a code of a dimension (unit, series, sex, ...); "" stays "" (total)."""
        if not code:
            return ""
        row = self.codes.get((dimension, code), {})
        return _pick(row, "label", lang) or code

    def dimension_name(self, dimension: str, lang: str) -> str:
        """Display name of a selection column (catalog key ``dim_<column>``)."""
        # The platform's translations name codes, not dimensions: the names are interface strings.
        return t(f"dim_{dimension}", lang) if dimension in SELECTION_COLUMNS else dimension

    def selection_label(self, sel: Selection, lang: str, with_unit: bool = True) -> str:
        """Human description of a selection: series, disaggregations and (optionally) unit."""
        parts = []
        if sel.series:
            parts.append(self.code_label("series", sel.series, lang))
        for dim in DISAGGREGATIONS:
            code = getattr(sel, dim)
            if code:
                parts.append(
                    f"{self.dimension_name(dim, lang)}: {self.code_label(dim, code, lang)}"
                )
        if with_unit and sel.unit:
            parts.append(self.code_label("unit", sel.unit, lang))
        return " · ".join(parts) if parts else t("total", lang)
