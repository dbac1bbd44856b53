"""Interface strings of the problem tags, the tag page and the events timeline."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "tag_nav": {"kk": "Проблемалық тақырыптар", "ru": "Проблемные темы", "en": "Problem tags"},
    "tag_filter": {"kk": "Проблемалық тақырып", "ru": "Проблемная тема", "en": "Problem tag"},
    "tag_all": {"kk": "Барлық тақырыптар", "ru": "Все темы", "en": "All tags"},
    "tag_filter_help": {
        "kk": "Тек осы тақырыпқа байланысты көрсеткіштерді қалдыру",
        "ru": "Оставить только показатели, связанные с этой темой",
        "en": "Keep only the indicators linked to this tag",
    },
    "tag_filter_no_regional": {
        "kk": "«{tag}» тақырыбының өңірлік деректері бар көрсеткіші жоқ: барлық көрсеткіштер ұсынылады.",
        "ru": "У темы «{tag}» нет показателей с региональными данными: предлагаются все показатели.",
        "en": "The tag “{tag}” has no indicator with regional data: all indicators are offered.",
    },
    "tag_open_page": {
        "kk": "Тақырып беті: {name}",
        "ru": "Страница темы: {name}",
        "en": "Tag page: {name}",
    },
    "tag_seminar": {
        "kk": "2022 жылғы көшпелі семинарларда өңірлер атаған мәселе",
        "ru": "Проблема, названная регионами на выездных семинарах 2022 года",
        "en": "A problem the regions raised at the 2022 field seminars",
    },
    "tag_source": {"kk": "Дереккөз: {text}", "ru": "Источник: {text}", "en": "Source: {text}"},
    "tag_targets_heading": {
        "kk": "ТДМ міндеттері",
        "ru": "Задачи ЦУР",
        "en": "SDG targets",
    },
    "tag_target": {"kk": "{target} міндеті", "ru": "Задача {target}", "en": "Target {target}"},
    "tag_indicators_heading": {
        "kk": "Өлшейтін көрсеткіштер",
        "ru": "Показатели, которые её измеряют",
        "en": "Indicators that measure it",
    },
    "tag_col_rationale": {"kk": "Неліктен байланысты", "ru": "Почему связан", "en": "Why linked"},
    "tag_col_regional": {"kk": "Деректер", "ru": "Данные", "en": "Data"},
    "tag_col_years": {"kk": "Жылдар", "ru": "Годы", "en": "Years"},
    "tag_col_kind": {"kk": "Түрі", "ru": "Вид", "en": "Kind"},
    "tag_col_ref": {"kk": "Код", "ru": "Код", "en": "Code"},
    "tag_kind_target": {"kk": "міндет", "ru": "задача", "en": "target"},
    "tag_kind_indicator": {"kk": "көрсеткіш", "ru": "показатель", "en": "indicator"},
    "tag_yes": {"kk": "өңірлер бойынша", "ru": "по регионам", "en": "by region"},
    "tag_national_only": {
        "kk": "тек ел бойынша",
        "ru": "только по стране",
        "en": "national only",
    },
    "tag_no_data": {"kk": "деректер жоқ", "ru": "нет данных", "en": "no data"},
    "tag_map_heading": {
        "kk": "Өңірлер картасында",
        "ru": "На карте регионов",
        "en": "On the map of regions",
    },
    "tag_map_indicator": {
        "kk": "Картадағы көрсеткіш",
        "ru": "Показатель на карте",
        "en": "Indicator on the map",
    },
    "tag_latest_caption": {
        "kk": "Әр көрсеткіштің өңірлік деректері бар соңғы жылы: {year}",
        "ru": "Последний год с региональными данными: {year}",
        "en": "Latest year with regional values: {year}",
    },
    "tag_across_heading": {
        "kk": "Өңірлер бойынша",
        "ru": "По регионам",
        "en": "Across regions",
    },
    "tag_across_caption": {
        "kk": "Өңірлер (дереккөз негізінен қалалар бойынша берсе, қалалар да) жақсысынан нашарына қарай (бағыты белгісіз болса, мәні бойынша) реттелген; үзік сызық – Қазақстан бойынша мән; көк – Қазақстаннан жақсы немесе тең, сарғылт – нашар.",
        "ru": "Регионы (и города, если источник даёт в основном городские значения) упорядочены от лучшего к худшему (если направление не задано – по значению); пунктир – значение по Казахстану; синий – не хуже Казахстана, оранжевый – хуже.",
        "en": "Regions (and cities, where the source gives mostly city values) ordered from better to worse (by value where no direction is set); the dashed line is Kazakhstan's value; blue: as good as Kazakhstan or better, orange: worse.",
    },
    "tag_open_map": {
        "kk": "Көрсеткіштер картасында ашу: {ind}",
        "ru": "Открыть на карте показателей: {ind}",
        "en": "Open on the indicator map: {ind}",
    },
    "tag_no_regional": {
        "kk": "Бұл тақырыптың өңірлік деректері бар көрсеткіші жоқ.",
        "ru": "У этой темы нет показателей с региональными данными.",
        "en": "No indicator of this tag has regional data.",
    },
    "tag_links_csv": {
        "kk": "Байланыстар (CSV)",
        "ru": "Связи (CSV)",
        "en": "Links (CSV)",
    },
    "tag_values_heading": {
        "kk": "Картадағы мәндер",
        "ru": "Значения на карте",
        "en": "Values on the map",
    },
    "tag_events_heading": {
        "kk": "Осы мәселе талқыланған оқиғалар",
        "ru": "События, где обсуждалась эта проблема",
        "en": "Events where this problem came up",
    },
    "tags_column": {"kk": "Тақырыптар", "ru": "Темы", "en": "Tags"},
    "tags_label": {"kk": "Тақырыптар", "ru": "Темы", "en": "Tags"},
    "event_heading": {
        "kk": "ТДМ локализациясының хронологиясы",
        "ru": "Хронология локализации ЦУР",
        "en": "SDG localization timeline",
    },
    "event_region_heading": {
        "kk": "Осы өңірге қатысты оқиғалар",
        "ru": "События, касающиеся региона",
        "en": "Events concerning this region",
    },
    "event_none": {
        "kk": "Оқиғалар жоқ.",
        "ru": "Событий нет.",
        "en": "No events.",
    },
    "event_all_regions": {"kk": "барлық өңірлер", "ru": "все регионы", "en": "all regions"},
    "event_scope_all": {
        "kk": "Барлық өңірлер",
        "ru": "Все регионы",
        "en": "All regions",
    },
    "event_scope_some": {
        "kk": "Жекелеген өңірлер",
        "ru": "Отдельные регионы",
        "en": "Particular regions",
    },
    "event_col_date": {"kk": "Күні", "ru": "Дата", "en": "Date"},
    "event_col_start": {"kk": "Басталуы", "ru": "Начало", "en": "Start"},
    "event_col_end": {"kk": "Аяқталуы", "ru": "Окончание", "en": "End"},
    "event_col_title": {"kk": "Оқиға", "ru": "Событие", "en": "Event"},
    "event_col_summary": {"kk": "Қысқаша", "ru": "Кратко", "en": "Summary"},
    "event_col_regions": {"kk": "Өңірлер", "ru": "Регионы", "en": "Regions"},
    "event_col_territories": {
        "kk": "Пилоттық аумақтар",
        "ru": "Пилотные территории",
        "en": "Pilot territories",
    },
    "event_col_goals": {"kk": "Мақсаттар", "ru": "Цели", "en": "Goals"},
    "event_regions": {"kk": "Өңірлер: {names}", "ru": "Регионы: {names}", "en": "Regions: {names}"},
    "event_territories": {
        "kk": "Пилоттық аумақтар: {names}",
        "ru": "Пилотные территории: {names}",
        "en": "Pilot territories: {names}",
    },
    "event_goals": {"kk": "Мақсаттар: {goals}", "ru": "Цели: {goals}", "en": "Goals: {goals}"},
}
