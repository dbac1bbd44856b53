"""Strings of the goal pages: progress statuses, their explanation, coverage and equity gaps."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "goal_nav": {"ru": "Цели", "kk": "Мақсаттар", "en": "Goals"},
    "goal_area": {
        "ru": "Казахстан или регион",
        "kk": "Қазақстан немесе өңір",
        "en": "Kazakhstan or a region",
    },
    "goal_open": {"ru": "Страница цели", "kk": "Мақсат беті", "en": "Goal page"},
    "goal_open_n": {"ru": "Цель {goal}", "kk": "{goal}-мақсат", "en": "Goal {goal}"},
    "goal_caption": {
        "ru": "{n} показателей · {n_data} с данными · {n_regional} с данными по регионам",
        "kk": "{n} көрсеткіш · {n_data} деректері бар · {n_regional} өңірлік деректері бар",
        "en": "{n} indicators · {n_data} with data · {n_regional} with regional data",
    },
    "goal_summary_heading": {
        "ru": "Прогресс по показателям цели",
        "kk": "Мақсат көрсеткіштері бойынша ілгерілеу",
        "en": "Progress on the goal's indicators",
    },
    "goal_summary_caption": {
        "ru": "Число показателей в каждом статусе (метод Open SDG, базовый год 2015), "
        "по Казахстану и по выбранному региону",
        "kk": "Әр мәртебедегі көрсеткіштер саны (Open SDG әдісі, базалық жыл 2015), "
        "Қазақстан және таңдалған өңір бойынша",
        "en": "Number of indicators in each status (Open SDG method, base year 2015), "
        "for Kazakhstan and the chosen region",
    },
    "goal_n_indicators": {"ru": "Показателей", "kk": "Көрсеткіштер", "en": "Indicators"},
    "goal_table_heading": {
        "ru": "Показатели: статус и как он получен — {area}",
        "kk": "Көрсеткіштер: мәртебесі және қалай есептелгені — {area}",
        "en": "Indicators: status and how it was computed — {area}",
    },
    "goal_status": {"ru": "Статус", "kk": "Мәртебесі", "en": "Status"},
    "goal_explanation": {
        "ru": "Как получено",
        "kk": "Қалай есептелді",
        "en": "How it was computed",
    },
    "goal_reporting": {
        "ru": "Статус отчётности",
        "kk": "Есептілік мәртебесі",
        "en": "Reporting status",
    },
    "goal_data": {"ru": "Данные", "kk": "Деректер", "en": "Data"},
    "goal_data_regional": {
        "ru": "страна и регионы",
        "kk": "ел және өңірлер",
        "en": "national and regional",
    },
    "goal_data_national": {"ru": "только страна", "kk": "тек ел бойынша", "en": "national only"},
    "goal_data_none": {"ru": "нет", "kk": "жоқ", "en": "none"},
    "goal_reporting_complete": {"ru": "заполнен", "kk": "толтырылған", "en": "complete"},
    "goal_reporting_notstarted": {"ru": "не начат", "kk": "басталмаған", "en": "not started"},
    "goal_reporting_notapplicable": {
        "ru": "неприменим",
        "kk": "қолданылмайды",
        "en": "not applicable",
    },
    "goal_base": {"ru": "База", "kk": "База", "en": "Base"},
    "goal_latest": {"ru": "Последнее", "kk": "Соңғы", "en": "Latest"},
    "goal_cagr": {
        "ru": "Темп в год, %",
        "kk": "Жылдық қарқын, %",
        "en": "Growth a year, %",
    },
    "goal_required": {
        "ru": "Нужный темп, %",
        "kk": "Қажетті қарқын, %",
        "en": "Required a year, %",
    },
    "goal_ratio": {"ru": "Отношение", "kk": "Арақатынас", "en": "Ratio"},
    "goal_target_value": {"ru": "Цель (значение)", "kk": "Мақсат (мән)", "en": "Target value"},
    "goal_target_year": {"ru": "Срок цели", "kk": "Мақсат мерзімі", "en": "Target year"},
    "goal_series_chart": {"ru": "Динамика", "kk": "Серпіні", "en": "Over time"},
    "goal_sdg_target": {"ru": "Задача ЦУР", "kk": "ТДМ міндеті", "en": "SDG target"},
    "goal_status_target_achieved": {
        "ru": "Цель достигнута",
        "kk": "Мақсатқа қол жеткізілді",
        "en": "Target achieved",
    },
    "goal_status_substantial_progress": {
        "ru": "Значительный прогресс",
        "kk": "Айтарлықтай ілгерілеу",
        "en": "Substantial progress",
    },
    "goal_status_moderate_progress": {
        "ru": "Умеренный прогресс (нужно ускорение)",
        "kk": "Орташа ілгерілеу (жеделдету қажет)",
        "en": "Moderate progress (needs acceleration)",
    },
    "goal_status_limited_progress": {
        "ru": "Ограниченный прогресс",
        "kk": "Шектеулі ілгерілеу",
        "en": "Limited progress",
    },
    "goal_status_deterioration": {"ru": "Ухудшение", "kk": "Нашарлау", "en": "Deterioration"},
    "goal_status_insufficient": {
        "ru": "Недостаточно данных",
        "kk": "Деректер жеткіліксіз",
        "en": "Insufficient data",
    },
    "goal_status_not_assessed": {
        "ru": "Не оценивается",
        "kk": "Бағаланбайды",
        "en": "Not assessed",
    },
    "goal_status_no_data": {"ru": "Нет данных", "kk": "Деректер жоқ", "en": "No data"},
    "goal_why_growth": {
        "ru": "С {y0} ({v0}) по {y1} год ({v1}) значение {moved}.",
        "kk": "{y0} жылдан ({v0}) {y1} жылға дейін ({v1}) мәні {moved}.",
        "en": "From {y0} ({v0}) to {y1} ({v1}) the value {moved}.",
    },
    "goal_moved_up": {
        "ru": "росло на {rate} в год",
        "kk": "жылына {rate} өсті",
        "en": "rose {rate} a year",
    },
    "goal_moved_down": {
        "ru": "снижалось на {rate} в год",
        "kk": "жылына {rate} төмендеді",
        "en": "fell {rate} a year",
    },
    "goal_moved_flat": {"ru": "не изменилось", "kk": "өзгерген жоқ", "en": "did not change"},
    "goal_why_target": {
        "ru": "Для цели {target} к {ty} году нужно {req} в год: отношение {ratio} → {status}.",
        "kk": "{ty} жылға қарай {target} мақсатына жету үшін жылына {req} қажет: "
        "арақатынас {ratio} → {status}.",
        "en": "The {ty} target of {target} needs {req} a year: ratio {ratio} → {status}.",
    },
    "goal_why_achieved": {
        "ru": "Цель {target} к {ty} году уже достигнута.",
        "kk": "{ty} жылға арналған {target} мақсатына қол жеткізілді.",
        "en": "The {ty} target of {target} is already met.",
    },
    "goal_why_target_equal": {
        "ru": "Цель {target} к {ty} году равна базовому значению и не достигнута → {status}.",
        "kk": "{ty} жылға арналған {target} мақсаты базалық мәнге тең және орындалмаған → {status}.",
        "en": "The {ty} target of {target} equals the base value and is not met → {status}.",
    },
    "goal_target_relative": {
        "ru": "{target} ({factor} × значение {y0} года)",
        "kk": "{target} ({y0} жылғы мән × {factor})",
        "en": "{target} ({factor} × the {y0} value)",
    },
    "goal_why_no_target_higher": {
        "ru": "Числовой цели нет; чем выше, тем лучше, поэтому прогресс {rate} в год → {status} "
        "(пороги: 1,5 % и 0,5 % в год).",
        "kk": "Сандық мақсат жоқ; мәні жоғары болған сайын жақсы, сондықтан ілгерілеу жылына "
        "{rate} → {status} (шектер: жылына 1,5 % және 0,5 %).",
        "en": "No numeric target; higher is better, so progress is {rate} a year → {status} "
        "(thresholds: 1.5 % and 0.5 % a year).",
    },
    "goal_why_no_target_lower": {
        "ru": "Числовой цели нет; чем ниже, тем лучше, поэтому прогресс {rate} в год → {status} "
        "(пороги: 1,5 % и 0,5 % в год).",
        "kk": "Сандық мақсат жоқ; мәні төмен болған сайын жақсы, сондықтан ілгерілеу жылына "
        "{rate} → {status} (шектер: жылына 1,5 % және 0,5 %).",
        "en": "No numeric target; lower is better, so progress is {rate} a year → {status} "
        "(thresholds: 1.5 % and 0.5 % a year).",
    },
    "goal_why_zero_base": {
        "ru": "Базовое значение 0 заменено на 0,001, как в методе Open SDG.",
        "kk": "Open SDG әдісіндегідей 0 базалық мәні 0,001-ге ауыстырылды.",
        "en": "The base value 0 is replaced by 0.001, as in the Open SDG method.",
    },
    "goal_why_zero_target": {
        "ru": "Цель 0 заменена на 0,001, как в методе Open SDG.",
        "kk": "Open SDG әдісіндегідей 0 мақсаты 0,001-ге ауыстырылды.",
        "en": "The target 0 is replaced by 0.001, as in the Open SDG method.",
    },
    "goal_why_no_data": {"ru": "Нет данных.", "kk": "Деректер жоқ.", "en": "No data."},
    "goal_why_no_data_since_base": {
        "ru": "С 2015 года значений нет (последнее — {y1}: {v1}).",
        "kk": "2015 жылдан бері мән жоқ (соңғысы — {y1}: {v1}).",
        "en": "No value since 2015 (the latest is {y1}: {v1}).",
    },
    "goal_why_one_point": {
        "ru": "С 2015 года только одно значение ({y0}: {v0}); для оценки нужно два.",
        "kk": "2015 жылдан бері бір ғана мән бар ({y0}: {v0}); бағалау үшін екеуі қажет.",
        "en": "Only one value since 2015 ({y0}: {v0}); an assessment needs two.",
    },
    "goal_why_sign_change": {
        "ru": "Значение сменило знак ({y0}: {v0}, {y1}: {v1}): темп роста не вычисляется.",
        "kk": "Мәннің таңбасы өзгерді ({y0}: {v0}, {y1}: {v1}): өсу қарқыны есептелмейді.",
        "en": "The value changed sign ({y0}: {v0}, {y1}: {v1}): no growth rate exists.",
    },
    "goal_why_no_direction": {
        "ru": "{y0}: {v0}, {y1}: {v1}. Направление (лучше выше или ниже) не задано и числовой "
        "цели нет, поэтому статус не оценивается.",
        "kk": "{y0}: {v0}, {y1}: {v1}. Бағыты (жоғары ма, төмен бе жақсы) анықталмаған және "
        "сандық мақсат жоқ, сондықтан мәртебе бағаланбайды.",
        "en": "{y0}: {v0}, {y1}: {v1}. No direction (whether higher or lower is better) is "
        "curated and there is no numeric target, so the status is not assessed.",
    },
    "goal_method_heading": {
        "ru": "Как рассчитывается статус",
        "kk": "Мәртебе қалай есептеледі",
        "en": "How the status is computed",
    },
    "goal_method": {
        "ru": "Метод Open SDG. Базовый год — 2015 (или первый более поздний год с данными). "
        "Среднегодовой темп роста: (последнее / базовое)^(1 / лет) − 1. "
        "**С числовой целью** (таблица `data/curated/indicator_targets.csv`, источник — текст "
        "задачи ЦУР или названный план): нужный темп = (цель / базовое)^(1 / (год цели − базовый "
        "год)) − 1; отношение фактического темпа к нужному: не менее 0,95 — значительный "
        "прогресс (по плану), не менее 0,60 — умеренный (нужно ускорение), не менее 0 — "
        "ограниченный, ниже 0 — ухудшение; если цель уже достигнута — «цель достигнута». "
        "**Без цели**: темп в направлении показателя (для «чем ниже, тем лучше» знак меняется): "
        "не менее 1,5 % в год — значительный, не менее 0,5 % — умеренный, не менее 0 — "
        "ограниченный, ниже 0 — ухудшение. Для каждого показателя берётся один ряд — итоговый "
        "(без разбивок), как на карте.",
        "kk": "Open SDG әдісі. Базалық жыл — 2015 (немесе деректері бар келесі алғашқы жыл). "
        "Орташа жылдық өсу қарқыны: (соңғы / базалық)^(1 / жылдар) − 1. "
        "**Сандық мақсат болса** (`data/curated/indicator_targets.csv` кестесі, дереккөзі — ТДМ "
        "міндетінің мәтіні немесе аталған жоспар): қажетті қарқын = (мақсат / базалық)^(1 / "
        "(мақсат жылы − базалық жыл)) − 1; нақты қарқынның қажеттіге қатынасы: кемінде 0,95 — "
        "айтарлықтай ілгерілеу (жоспар бойынша), кемінде 0,60 — орташа (жеделдету қажет), "
        "кемінде 0 — шектеулі, 0-ден төмен — нашарлау; мақсатқа жетсе — «мақсатқа қол "
        "жеткізілді». **Мақсат болмаса**: көрсеткіш бағытындағы қарқын (төмен болғаны жақсы "
        "болса, таңбасы ауысады): жылына кемінде 1,5 % — айтарлықтай, кемінде 0,5 % — орташа, "
        "кемінде 0 — шектеулі, 0-ден төмен — нашарлау. Әр көрсеткіш үшін бір қатар — "
        "жиынтық қатар (бөлусіз), картадағыдай.",
        "en": "Open SDG method. Base year 2015 (or the first later year with data). Compound "
        "annual growth: (latest / base)^(1 / years) − 1. **With a numeric target** (the file "
        "`data/curated/indicator_targets.csv`, sourced from the SDG target text or a named plan): "
        "required growth = (target / base)^(1 / (target year − base year)) − 1; the ratio of "
        "observed to required growth: at least 0.95 substantial progress (on track), at least "
        "0.60 moderate (needs acceleration), at least 0 limited, below 0 deterioration; a target "
        "already met is 'target achieved'. **Without a target**: growth read in the indicator's "
        "direction (sign flipped when lower is better): at least 1.5 % a year substantial, at "
        "least 0.5 % moderate, at least 0 limited, below 0 deterioration. Each indicator is "
        "followed through one series, its headline (totals), as on the map.",
    },
    "goal_split_note": {
        "ru": "Алматинская, Восточно-Казахстанская и Карагандинская области сохранили коды, но в "
        "2022 году уменьшились (выделены области Жетісу, Абай и Ұлытау): их ряды охватывают две "
        "территории.",
        "kk": "Алматы, Шығыс Қазақстан және Қарағанды облыстары кодтарын сақтады, бірақ 2022 "
        "жылы кішірейді (Жетісу, Абай және Ұлытау облыстары бөлінді): олардың қатарлары екі "
        "аумақты қамтиды.",
        "en": "Almaty, East Kazakhstan and Karaganda regions kept their codes but lost territory in "
        "2022 (Zhetisu, Abai and Ulytau regions): their series span two extents.",
    },
    "goal_coverage_heading": {
        "ru": "Охват данных: показатели × регионы",
        "kk": "Деректермен қамту: көрсеткіштер × өңірлер",
        "en": "Data coverage: indicators × regions",
    },
    "goal_coverage_caption": {
        "ru": "В клетке — последний год, за который есть значение (любой ряд); пусто — данных нет",
        "kk": "Ұяшықта — мәні бар соңғы жыл (кез келген қатар); бос — деректер жоқ",
        "en": "Each cell: the latest year with a value (any series); blank: no data",
    },
    "goal_coverage_colour": {"ru": "Последний год", "kk": "Соңғы жыл", "en": "Latest year"},
    "goal_gaps_heading": {
        "ru": "Никого не оставить позади: женщины и мужчины, село и город — {area}",
        "kk": "Ешкімді қалдырмау: әйелдер мен ерлер, ауыл мен қала — {area}",
        "en": "Leave no one behind: women and men, rural and urban — {area}",
    },
    "goal_gaps_caption": {
        "ru": "Значения последнего года, где есть обе группы, в итоговом ряду показателя",
        "kk": "Екі топ та бар соңғы жылдың мәндері, көрсеткіштің жиынтық қатарында",
        "en": "Values of the latest year with both groups, in the indicator's headline series",
    },
    "goal_gaps_none": {
        "ru": "Для этой цели и территории нет данных с разбивкой по полу или типу местности.",
        "kk": "Бұл мақсат пен аумақ үшін жынысы немесе елді мекен түрі бойынша деректер жоқ.",
        "en": "No data by sex or by urban / rural for this goal and area.",
    },
    "goal_gaps_table": {
        "ru": "Значения и источники",
        "kk": "Мәндер және дереккөздер",
        "en": "Values and sources",
    },
    "goal_required_path": {
        "ru": "Нужный путь к цели",
        "kk": "Мақсатқа қажетті жол",
        "en": "Path needed to reach the target",
    },
    "goal_detail_heading": {
        "ru": "Показатель подробно",
        "kk": "Көрсеткіш толығырақ",
        "en": "One indicator in detail",
    },
    "goal_detail_pick": {
        "ru": "Показатель",
        "kk": "Көрсеткіш",
        "en": "Indicator",
    },
    "goal_group": {"ru": "Группа", "kk": "Топ", "en": "Group"},
    "goal_dimension": {"ru": "Разбивка", "kk": "Бөлу", "en": "Breakdown"},
    "goal_no_indicators": {
        "ru": "У этой цели нет показателей в данных платформы.",
        "kk": "Бұл мақсаттың платформа деректерінде көрсеткіштері жоқ.",
        "en": "This goal has no indicators in the platform's data.",
    },
}
