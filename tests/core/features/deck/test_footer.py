"""Slide footers name the data's source version, and say "unknown source version" when the
build could not tell it (never a bare "unknown" where a commit would stand)."""

from __future__ import annotations

import pytest

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.deck import document
from sdgdash.features.deck.model import View
from sdgdash.features.deck.parts import commit, footer
from sdgdash.features.territory import slides as territory_slides
from sdgdash.features.territory import view as territory_view
from sdgdash.i18n import LANGS, t


class Unversioned(Source):
    """The committed data as if built from a copy without .git, SOURCE.txt or --source-*."""

    def build_info(self) -> dict:
        info = dict(super().build_info())
        info["source"] = {"repository": None, "commit": None, "date": None, "licence_file": None}
        return info


DATA = Source(Settings.from_env({}))
UNVERSIONED = Unversioned(Settings.from_env({}))


@pytest.mark.parametrize("lang", LANGS)
def test_footers_name_the_build_commit(lang: str) -> None:
    short = DATA.build_info()["source"]["commit"][:10]
    assert commit(DATA, lang) == f"{t('slide_build', lang)} {short}"
    assert footer(DATA, lang, ["1.2.1"]).endswith(f" · {t('slide_build', lang)} {short}")


@pytest.mark.parametrize("lang", LANGS)
def test_footers_of_a_source_without_identity_say_unknown_source_version(lang: str) -> None:
    unknown = t("refresh_unknown_version", lang)
    assert commit(UNVERSIONED, lang) == unknown
    assert footer(UNVERSIONED, lang, ["1.2.1"]).endswith(f" · {unknown}")


def test_a_deck_slide_and_the_territory_map_of_an_unknown_version_say_so() -> None:
    unknown = t("refresh_unknown_version", "ru")
    (slide,) = document.slide_for(UNVERSIONED, View("compare"), "ru")
    assert slide.footer.endswith(f" · {unknown}")
    terr, _ = territory_view.query_from_params(UNVERSIONED, {})
    locator = territory_slides.locator_slide(UNVERSIONED, "x", terr, "ru")
    assert locator.footer.endswith(f" · {unknown}")
