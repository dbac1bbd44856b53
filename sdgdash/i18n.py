"""Interface strings in Kazakh, Russian and English, and number formatting per language."""

from __future__ import annotations

import math

from babel.numbers import format_decimal

from sdgdash.data.catalog import DEFAULT_LANG, LANGS
from sdgdash.texts import feature_strings

LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

# key -> {lang: text}. Every key has all three languages (tests/core/test_views.py checks).
STRINGS: dict[str, dict[str, str]] = {
    "app_title": {
        "ru": "ЦУР в регионах Казахстана",
        "kk": "Қазақстан өңірлеріндегі ТДМ",
        "en": "SDGs in Kazakhstan's regions",
    },
    "app_subtitle": {
        "ru": "Локализация Целей устойчивого развития: показатели по регионам на карте",
        "kk": "Тұрақты даму мақсаттарын оқшаулау: өңірлер бойынша көрсеткіштер картада",
        "en": "Localizing the Sustainable Development Goals: regional indicators on the map",
    },
    "language": {"ru": "Язык", "kk": "Тіл", "en": "Language"},
    "nav_overview": {"ru": "Обзор", "kk": "Шолу", "en": "Overview"},
    "nav_map": {"ru": "Карта показателей", "kk": "Көрсеткіштер картасы", "en": "Indicator map"},
    "nav_section_main": {"ru": "Дашборд", "kk": "Дашборд", "en": "Dashboard"},
    "goals_heading": {
        "ru": "17 Целей устойчивого развития",
        "kk": "Тұрақты дамудың 17 мақсаты",
        "en": "The 17 Sustainable Development Goals",
    },
    "all_goals": {"ru": "Все цели", "kk": "Барлық мақсаттар", "en": "All goals"},
    "goal": {"ru": "Цель", "kk": "Мақсат", "en": "Goal"},
    "indicators": {"ru": "Показатели", "kk": "Көрсеткіштер", "en": "Indicators"},
    "indicator": {"ru": "Показатель", "kk": "Көрсеткіш", "en": "Indicator"},
    "n_indicators": {"ru": "показателей", "kk": "көрсеткіш", "en": "indicators"},
    "n_with_data": {"ru": "с данными", "kk": "деректері бар", "en": "with data"},
    "n_regional": {
        "ru": "по регионам",
        "kk": "өңірлер бойынша",
        "en": "by region",
    },
    "latest_year": {"ru": "последний год", "kk": "соңғы жыл", "en": "latest year"},
    "kpi_indicators": {"ru": "Показателей ЦУР", "kk": "ТДМ көрсеткіштері", "en": "SDG indicators"},
    "kpi_regional": {
        "ru": "С данными по регионам",
        "kk": "Өңірлік деректері бар",
        "en": "With regional data",
    },
    "kpi_observations": {"ru": "Значений", "kk": "Мәндер", "en": "Values"},
    "kpi_years": {"ru": "Годы", "kk": "Жылдар", "en": "Years"},
    "tiles_caption": {
        "ru": "На плитке: показателей с данными по регионам / всего показателей цели",
        "kk": "Тақтада: өңірлік деректері бар көрсеткіштер / мақсаттың барлық көрсеткіштері",
        "en": "On each tile: indicators with regional data / all indicators of the goal",
    },
    "featured_map": {
        "ru": "Показатель на карте регионов",
        "kk": "Көрсеткіш өңірлер картасында",
        "en": "Indicator on the map of regions",
    },
    "year": {"ru": "Год", "kk": "Жыл", "en": "Year"},
    "region": {"ru": "Регион", "kk": "Өңір", "en": "Region"},
    "value": {"ru": "Значение", "kk": "Мәні", "en": "Value"},
    "unit": {"ru": "Единица", "kk": "Өлшем бірлігі", "en": "Unit"},
    "series": {"ru": "Ряд", "kk": "Қатар", "en": "Series"},
    "rank": {"ru": "Место", "kk": "Орны", "en": "Rank"},
    "rank_of": {"ru": "{rank} из {n}", "kk": "{n} ішінен {rank}", "en": "{rank} of {n}"},
    "national": {"ru": "Казахстан", "kk": "Қазақстан", "en": "Kazakhstan"},
    "national_value": {
        "ru": "По Казахстану",
        "kk": "Қазақстан бойынша",
        "en": "Kazakhstan as a whole",
    },
    "no_data": {"ru": "нет данных", "kk": "деректер жоқ", "en": "no data"},
    "source": {"ru": "Источник", "kk": "Дереккөз", "en": "Source"},
    "source_row": {"ru": "Строка источника", "kk": "Дереккөз жолы", "en": "Source row"},
    "source_line": {
        "ru": "Источник: Национальная платформа отчётности по ЦУР, {file}",
        "kk": "Дереккөз: ТДМ бойынша ұлттық есептілік платформасы, {file}",
        "en": "Source: Kazakhstan national SDG reporting platform, {file}",
    },
    "source_many": {
        "ru": "{n} файлов данных (файл и строка — в столбцах «Источник» таблицы)",
        "kk": "{n} деректер файлы (файл мен жол — кестенің «Дереккөз» бағандарында)",
        "en": "{n} data files (file and line in the table's Source columns)",
    },
    "layout": {"ru": "Границы", "kk": "Шекаралар", "en": "Boundaries"},
    "layout_2022": {
        "ru": "20 регионов (с июня 2022)",
        "kk": "20 өңір (2022 жылғы маусымнан бастап)",
        "en": "20 units (since June 2022)",
    },
    "layout_2018": {
        "ru": "17 регионов (2018-2022)",
        "kk": "17 өңір (2018-2022)",
        "en": "17 units (2018-2022)",
    },
    "layout_2014": {
        "ru": "16 регионов (до июня 2018, с Южно-Казахстанской областью)",
        "kk": "16 өңір (2018 жылғы маусымға дейін, Оңтүстік Қазақстан облысымен)",
        "en": "16 units (before June 2018, with South Kazakhstan region)",
    },
    "not_drawn_heading": {
        "ru": "Значения, которые нельзя показать на карте",
        "kk": "Картада көрсетуге болмайтын мәндер",
        "en": "Values that cannot be drawn on the map",
    },
    "reason": {"ru": "Причина", "kk": "Себебі", "en": "Reason"},
    "reason_overlap_split_region": {
        "ru": "Южно-Казахстанская область разделена в 2018 г.; её территория показана как Туркестанская область и Шымкент, у которых есть свои значения",
        "kk": "Оңтүстік Қазақстан облысы 2018 жылы бөлінді; оның аумағы өз мәндері бар Түркістан облысы мен Шымкент ретінде көрсетілген",
        "en": "South Kazakhstan region was split in 2018; its area is drawn as Turkistan region and Shymkent, which have their own values",
    },
    "reason_not_in_layout": {
        "ru": "Единицы нет в этой схеме границ",
        "kk": "Бұл шекаралар схемасында мұндай бірлік жоқ",
        "en": "Not a unit of this boundary layout",
    },
    "reason_no_boundary_subregion": {
        "ru": "Город, посёлок или особая зона внутри региона: границ на уровне регионов нет",
        "kk": "Өңір ішіндегі қала, кент немесе ерекше аймақ: өңірлік деңгейде шекарасы жоқ",
        "en": "City, village or special zone within a region: no region-level boundary",
    },
    "reason_unknown_code": {
        "ru": "Код территории не описан на платформе",
        "kk": "Аумақ коды платформада сипатталмаған",
        "en": "Territory code not described by the platform",
    },
    "reason_conflicting_duplicate": {
        "ru": "В источнике для этого региона, года и разреза есть другое значение выше по файлу; на карте — первое",
        "kk": "Дереккөзде осы өңір, жыл және бөлініс үшін файлдың жоғарғы жағында басқа мән бар; картада — біріншісі",
        "en": "The source has another value for this region, year and breakdown earlier in the file; the map shows the first",
    },
    # Placeholder values (data/curated/placeholder_values.csv, column reason; sdgdash/flags.py).
    "reason_placeholder_border_change": {
        "ru": "Заглушка в источнике, а не измерение: показатель к базовому году (2005 г., цены 2010 г.) нельзя рассчитать для региона, границы которого изменились в июне 2022 г.",
        "kk": "Дереккөздегі толтырғыш мән, өлшем емес: шекарасы 2022 жылғы маусымда өзгерген өңір үшін базалық жылға (2005 ж., 2010 ж. бағалары) қатысты көрсеткішті есептеу мүмкін емес",
        "en": "Placeholder in the source, not a measurement: a value against a base year (2005, 2010 prices) cannot be computed for a region whose borders changed in June 2022",
    },
    "reason_placeholder_contradicted": {
        "ru": "Заглушка в источнике, а не измерение: другие данные источника по этому региону за этот год показывают ненулевую величину",
        "kk": "Дереккөздегі толтырғыш мән, өлшем емес: дереккөздің осы өңір мен жыл бойынша басқа деректері нөлдік емес шаманы көрсетеді",
        "en": "Placeholder in the source, not a measurement: the source's other figures for this region and year show a non-zero amount",
    },
    "drawn_count": {
        "ru": "На карте {n} из {total} значений",
        "kk": "Картада {total} мәннің {n}",
        "en": "{n} of {total} values on the map",
    },
    "download_csv": {"ru": "Скачать CSV", "kk": "CSV жүктеу", "en": "Download CSV"},
    "attribution_heading": {
        "ru": "Источники и лицензии",
        "kk": "Дереккөздер мен лицензиялар",
        "en": "Sources and licences",
    },
    "attribution_text": {
        "ru": "Данные: Национальная платформа отчётности по ЦУР Казахстана (github.com/kazstat/sdg-data-kazstat, коммит {commit}, лицензия MIT). Границы: © участники OpenStreetMap (ODbL 1.0); схема 2018 г. — с платформы ЦУР (MIT).",
        "kk": "Деректер: Қазақстанның ТДМ бойынша ұлттық есептілік платформасы (github.com/kazstat/sdg-data-kazstat, коммит {commit}, MIT лицензиясы). Шекаралар: © OpenStreetMap қатысушылары (ODbL 1.0); 2018 жылғы схема — ТДМ платформасынан (MIT).",
        "en": "Data: Kazakhstan national SDG reporting platform (github.com/kazstat/sdg-data-kazstat, commit {commit}, MIT licence). Boundaries: © OpenStreetMap contributors (ODbL 1.0); the 2018 layout from the SDG platform (MIT).",
    },
    "notice_bad_param": {
        "ru": "Параметр ссылки «{name}» не распознан, использовано значение по умолчанию.",
        "kk": "Сілтеменің «{name}» параметрі танылмады, әдепкі мән қолданылды.",
        "en": "The link parameter “{name}” was not recognised; the default is used.",
    },
    "data_missing": {
        "ru": "Данные не найдены. Соберите их командой `python -m sdgdash.ingest`.",
        "kk": "Деректер табылмады. Оларды `python -m sdgdash.ingest` командасымен жинаңыз.",
        "en": "Data not found. Build it with `python -m sdgdash.ingest`.",
    },
    "open_map_page": {
        "ru": "Открыть на карте показателей",
        "kk": "Көрсеткіштер картасында ашу",
        "en": "Open in the indicator map",
    },
    "classes": {"ru": "Классы", "kk": "Кластар", "en": "Classes"},
    "classes_continuous": {"ru": "Непрерывная шкала", "kk": "Үздіксіз шкала", "en": "Continuous"},
    "classes_quantiles": {"ru": "Квантили (5)", "kk": "Квантильдер (5)", "en": "Quantiles (5)"},
    "classes_equal": {
        "ru": "Равные интервалы (5)",
        "kk": "Тең аралықтар (5)",
        "en": "Equal intervals (5)",
    },
    "palette": {"ru": "Палитра", "kk": "Палитра", "en": "Palette"},
    "better": {"ru": "лучше", "kk": "жақсырақ", "en": "better"},
    "direction_higher": {
        "ru": "Чем выше значение, тем лучше",
        "kk": "Мән неғұрлым жоғары болса, соғұрлым жақсы",
        "en": "Higher is better",
    },
    "direction_lower": {
        "ru": "Чем ниже значение, тем лучше",
        "kk": "Мән неғұрлым төмен болса, соғұрлым жақсы",
        "en": "Lower is better",
    },
    "direction_neutral": {
        "ru": "Без оценки «лучше/хуже» (нейтральная шкала)",
        "kk": "«Жақсы/нашар» бағасыз (бейтарап шкала)",
        "en": "No better/worse reading (neutral scale)",
    },
    "pilots_toggle": {
        "ru": "Пилотные территории (GLocal)",
        "kk": "Пилоттық аумақтар (GLocal)",
        "en": "Pilot territories (GLocal)",
    },
    "view_mode": {"ru": "Вид", "kk": "Көрініс", "en": "View"},
    "mode_map": {"ru": "Карта", "kk": "Карта", "en": "Map"},
    "mode_3d": {"ru": "3D", "kk": "3D", "en": "3D"},
    "mode_years": {"ru": "По годам", "kk": "Жылдар бойынша", "en": "Over the years"},
    "play": {
        "ru": "▶ Показать по годам",
        "kk": "▶ Жылдар бойынша көрсету",
        "en": "▶ Play the years",
    },
    "years_shown": {"ru": "Годы на панели", "kk": "Панельдегі жылдар", "en": "Years shown"},
    "values_heading": {
        "ru": "Значения на карте",
        "kk": "Картадағы мәндер",
        "en": "Values on the map",
    },
    "selected_region": {"ru": "Регион", "kk": "Өңір", "en": "Region"},
    "pick_region": {
        "ru": "Нажмите на регион на карте или выберите его",
        "kk": "Картадағы өңірді басыңыз немесе таңдаңыз",
        "en": "Click a region on the map or choose it",
    },
    "none_selected": {"ru": "— не выбран —", "kk": "— таңдалмаған —", "en": "— none —"},
    "vs_country": {"ru": "к Казахстану", "kk": "Қазақстанға қарағанда", "en": "vs Kazakhstan"},
    "trend_heading": {"ru": "Динамика", "kk": "Серпін", "en": "Over time"},
    "no_regional_values": {
        "ru": "Для этого выбора нет значений по регионам.",
        "kk": "Бұл таңдау үшін өңірлік мәндер жоқ.",
        "en": "There are no regional values for this selection.",
    },
    "nav_region": {"ru": "Профиль региона", "kk": "Өңір профилі", "en": "Region profile"},
    "nav_compare": {
        "ru": "Сравнение регионов",
        "kk": "Өңірлерді салыстыру",
        "en": "Compare regions",
    },
    "kind_region": {"ru": "область", "kk": "облыс", "en": "region"},
    "kind_city_republican": {
        "ru": "город республиканского значения",
        "kk": "республикалық маңызы бар қала",
        "en": "city of republican significance",
    },
    "kind_city": {"ru": "город", "kk": "қала", "en": "city"},
    "kind_village": {"ru": "посёлок", "kk": "кент", "en": "village"},
    "kind_special_zone": {"ru": "особая зона", "kk": "ерекше аймақ", "en": "special zone"},
    "kind_unknown": {"ru": "территория", "kk": "аумақ", "en": "territory"},
    "pilot_here": {
        "ru": "Пилотные территории локализации ЦУР (GLocal): {names}",
        "kk": "ТДМ оқшаулаудың пилоттық аумақтары (GLocal): {names}",
        "en": "SDG localization pilot territories (GLocal): {names}",
    },
    "profile_indicators": {
        "ru": "Показатели региона",
        "kk": "Өңір көрсеткіштері",
        "en": "The region's indicators",
    },
    "vs_country_better": {
        "ru": "лучше страны",
        "kk": "елден жақсы",
        "en": "better than the country",
    },
    "vs_country_worse": {"ru": "хуже страны", "kk": "елден нашар", "en": "worse than the country"},
    "vs_country_same": {"ru": "как по стране", "kk": "ел деңгейінде", "en": "same as the country"},
    "vs_country_": {"ru": "—", "kk": "—", "en": "—"},
    "trend": {"ru": "Динамика", "kk": "Серпін", "en": "Trend"},
    "goals_filter": {"ru": "Цели", "kk": "Мақсаттар", "en": "Goals"},
    "compare_regions": {
        "ru": "Регионы (от 2 до 4)",
        "kk": "Өңірлер (2-ден 4-ке дейін)",
        "en": "Regions (2 to 4)",
    },
    "compare_need_two": {
        "ru": "Выберите от 2 до 4 регионов.",
        "kk": "2-ден 4-ке дейін өңір таңдаңыз.",
        "en": "Choose 2 to 4 regions.",
    },
    "compare_table": {
        "ru": "Показатели рядом: значение и место",
        "kk": "Көрсеткіштер қатар: мәні мен орны",
        "en": "Indicators side by side: value and rank",
    },
    "compare_chart": {
        "ru": "Показатель во времени",
        "kk": "Көрсеткіш уақыт бойынша",
        "en": "An indicator over time",
    },
    "best_worst_note": {
        "ru": "Зелёным — лучший из выбранных регионов, красным — худший (по направлению показателя).",
        "kk": "Жасылмен — таңдалған өңірлердің ең жақсысы, қызылмен — ең нашары (көрсеткіш бағыты бойынша).",
        "en": "Green marks the best of the chosen regions, red the worst (in the indicator's direction).",
    },
    "nav_index": {
        "ru": "Индекс ЦУР регионов",
        "kk": "Өңірлердің ТДМ индексі",
        "en": "Regional SDG index",
    },
    "index_year": {"ru": "Год оценки", "kk": "Бағалау жылы", "en": "Scoring year"},
    "index": {"ru": "Индекс", "kk": "Индекс", "en": "Index"},
    "goals_covered": {
        "ru": "Целей с данными",
        "kk": "Деректері бар мақсаттар",
        "en": "Goals with data",
    },
    "withheld": {
        "ru": "Индекс не рассчитан: данных нет более чем по 20% целей",
        "kk": "Индекс есептелмеді: мақсаттардың 20%-дан астамы бойынша деректер жоқ",
        "en": "Index withheld: more than 20% of the goals have no data",
    },
    "ranking_heading": {
        "ru": "Рейтинг регионов по индексу и по целям",
        "kk": "Өңірлердің индекс және мақсаттар бойынша рейтингі",
        "en": "Regions ranked by the index and by goal",
    },
    "ranking_note": {
        "ru": "Баллы 0-100; цвет ячейки цели — оценка цели (зелёный, жёлтый, оранжевый, красный).",
        "kk": "Ұпайлар 0-100; мақсат ұяшығының түсі — мақсаттың бағасы (жасыл, сары, қызғылт сары, қызыл).",
        "en": "Scores 0-100; a goal cell's colour is the goal's rating (green, yellow, orange, red).",
    },
    "method_heading": {"ru": "Методика", "kk": "Әдістеме", "en": "Method"},
    "index_indicators_heading": {
        "ru": "Показатели индекса: границы, пороги и обоснования",
        "kk": "Индекс көрсеткіштері: шекаралар, шектер және негіздемелер",
        "en": "Indicators of the index: bounds, thresholds and rationale",
    },
    "download_scores": {
        "ru": "Скачать баллы по всем показателям (CSV)",
        "kk": "Барлық көрсеткіштер бойынша ұпайларды жүктеу (CSV)",
        "en": "Download the scores of every indicator (CSV)",
    },
    "rating": {"ru": "Оценка", "kk": "Баға", "en": "Rating"},
    "rating_green": {"ru": "зелёный", "kk": "жасыл", "en": "green"},
    "rating_yellow": {"ru": "жёлтый", "kk": "сары", "en": "yellow"},
    "rating_orange": {"ru": "оранжевый", "kk": "қызғылт сары", "en": "orange"},
    "rating_red": {"ru": "красный", "kk": "қызыл", "en": "red"},
    "trend_on_track": {"ru": "на пути к цели", "kk": "мақсатқа қарай", "en": "on track"},
    "trend_moderately_improving": {
        "ru": "умеренный прогресс",
        "kk": "орташа ілгерілеу",
        "en": "moderately improving",
    },
    "trend_stagnating": {"ru": "стагнация", "kk": "тоқырау", "en": "stagnating"},
    "trend_decreasing": {"ru": "ухудшение", "kk": "нашарлау", "en": "decreasing"},
    "trend_insufficient": {"ru": "мало данных", "kk": "деректер аз", "en": "too few data"},
    "trend_status": {"ru": "Тенденция", "kk": "Үрдіс", "en": "Trend"},
    "score": {"ru": "Балл", "kk": "Ұпай", "en": "Score"},
    "goal_scores_heading": {
        "ru": "Баллы по целям (0-100) на фоне всех регионов",
        "kk": "Мақсаттар бойынша ұпайлар (0-100) барлық өңірлер аясында",
        "en": "Goal scores (0-100) against all regions",
    },
    "range_regions": {
        "ru": "разброс по регионам",
        "kk": "өңірлер арасындағы шашырау",
        "en": "range across regions",
    },
    "middle_half": {
        "ru": "средняя половина регионов",
        "kk": "өңірлердің орта жартысы",
        "en": "middle half of regions",
    },
    "index_rank_line": {
        "ru": "Индекс ЦУР {year}: {value} — {rank} место из {n}",
        "kk": "ТДМ индексі {year}: {value} — {n} өңірдің ішінде {rank} орын",
        "en": "SDG index {year}: {value} — rank {rank} of {n}",
    },
    "open_profile": {
        "ru": "Профиль региона: {name}",
        "kk": "Өңір профилі: {name}",
        "en": "Region profile: {name}",
    },
    "status_complete": {"ru": "есть данные", "kk": "деректер бар", "en": "reported"},
    "total": {"ru": "Всего", "kk": "Барлығы", "en": "Total"},
}


def _merge_features() -> None:
    for module, strings in feature_strings().items():
        clash = sorted(set(strings) & set(STRINGS))
        if clash:
            raise ValueError(f"sdgdash.texts.{module} redefines strings: {', '.join(clash)}")
        STRINGS.update(strings)


_merge_features()


def t(key: str, lang: str, **kwargs: object) -> str:
    """The interface string ``key`` in ``lang`` (falling back to Russian), formatted with kwargs."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**kwargs) if kwargs else text


def fmt_number(value: float | int | None, lang: str, digits: int | None = None) -> str:
    """Format a number the way readers of ``lang`` expect (1 234,5 in kk/ru, 1,234.5 in en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    locale = lang if lang in LANGS else DEFAULT_LANG
    if digits is None:
        # Show the value as the source gives it: up to 6 decimals, no trailing zeros.
        pattern = "#,##0.######"
    else:
        pattern = "#,##0." + "0" * digits if digits > 0 else "#,##0"
    return format_decimal(value, format=pattern, locale=locale)
