"""Strings of regional plan targets (input checks, template, status, the rule) and the region brief."""

from __future__ import annotations

STRINGS = {
    # Input checks (sdgdash/features/plans/validate.py PLAN_CODES)
    "plan_err_unknown_place": {
        "kk": "Белгісіз өңір немесе пилоттық аумақ: {value}.",
        "ru": "Неизвестный регион или пилотная территория: {value}.",
        "en": "Unknown region or pilot territory: {value}.",
    },
    "plan_err_wrong_place": {
        "kk": "Жолда басқа орын көрсетілген ({value}); файл {place} үшін жүктеледі.",
        "ru": "В строке указано другое место ({value}); файл загружается для {place}.",
        "en": "The row names another place ({value}); the file is loaded for {place}.",
    },
    "plan_err_no_indicator_data": {
        "kk": "{indicator} көрсеткішінің {region} өңірі бойынша ұлттық деректері жоқ.",
        "ru": "У показателя {indicator} нет национальных данных по региону {region}.",
        "en": "Indicator {indicator} has no national data for region {region}.",
    },
    "plan_err_no_year_columns": {
        "kk": "Жоспарлы жылдардың бағандары жоқ (мысалы, 2025, 2030).",
        "ru": "Нет столбцов плановых лет (например, 2025, 2030).",
        "en": "No planned-year columns (for example 2025, 2030).",
    },
    "plan_err_no_plan_value": {
        "kk": "Кемінде бір жылға жоспарлы мән енгізіңіз.",
        "ru": "Укажите плановое значение хотя бы на один год.",
        "en": "Enter a planned value for at least one year.",
    },
    "plan_err_plan_year_order": {
        "kk": "Жоспарлы жыл {year} базалық жылдан ({baseline}) кейін болуы керек.",
        "ru": "Плановый год {year} должен быть позже базового ({baseline}).",
        "en": "Planned year {year} must come after the baseline year ({baseline}).",
    },
    "plan_err_duplicate_plan_year": {
        "kk": "{year} жылы екі рет берілген.",
        "ru": "Год {year} указан дважды.",
        "en": "Year {year} is given twice.",
    },
    "plan_err_duplicate_plan": {
        "kk": "{first}-жолдың қайталануы: сол көрсеткіш және сол бөліністер.",
        "ru": "Повтор строки {first}: тот же показатель и те же разрезы.",
        "en": "Repeats row {first}: same indicator and breakdown.",
    },
    "plan_err_bad_date": {
        "kk": "«{value}» — күн емес (2024-03-15 немесе 15.03.2024 түрінде жазыңыз).",
        "ru": "«{value}» — не дата (пишите 2024-03-15 или 15.03.2024).",
        "en": '"{value}" is not a date (write 2024-03-15 or 15.03.2024).',
    },
    "plan_err_date_out_of_range": {
        "kk": "Құжат күні {lo} мен {hi} аралығында болуы керек.",
        "ru": "Дата документа должна быть между {lo} и {hi}.",
        "en": "The document's date must be between {lo} and {hi}.",
    },
    "plan_err_text_missing": {
        "kk": "Жоспарлау құжатының атауын енгізіңіз.",
        "ru": "Укажите название планового документа.",
        "en": "Enter the name of the planning document.",
    },
    "plan_err_text_too_long": {
        "kk": "Мәтін тым ұзын (ең көбі {max} таңба).",
        "ru": "Слишком длинный текст (не более {max} символов).",
        "en": "The text is too long (at most {max} characters).",
    },
    "plan_err_bad_text": {
        "kk": "Мәтінде басқару таңбалары бар.",
        "ru": "В тексте есть управляющие символы.",
        "en": "The text contains control characters.",
    },
    # The template's "about" sheet
    "plan_tpl_column": {"kk": "Баған", "ru": "Столбец", "en": "Column"},
    "plan_tpl_meaning": {"kk": "Мағынасы", "ru": "Что указать", "en": "What to enter"},
    "plan_tpl_place": {
        "kk": "Өңір коды (KZKAR) немесе пилоттық аумақтың идентификаторы; үлгіде толтырылған.",
        "ru": "Код региона (KZKAR) или идентификатор пилотной территории; заполнен в шаблоне.",
        "en": "Region code (KZKAR) or pilot territory id; filled in by the template.",
    },
    "plan_tpl_indicator": {
        "kk": "Көрсеткіш нөмірі (1.2.1); үлгіде толтырылған.",
        "ru": "Номер показателя (1.2.1); заполнен в шаблоне.",
        "en": "Indicator number (1.2.1); filled in by the template.",
    },
    "plan_tpl_label": {
        "kk": "Көрсеткіш пен бөліністің атауы, тек оқу үшін (жүктегенде ескерілмейді).",
        "ru": "Название показателя и разреза, только для чтения (при загрузке не учитывается).",
        "en": "Name of the indicator and breakdown, for reading only (ignored on upload).",
    },
    "plan_tpl_series": {
        "kk": "Ұлттық деректердегі қатар коды; үлгіде толтырылған, өзгертпеңіз.",
        "ru": "Код ряда в национальных данных; заполнен в шаблоне, не меняйте.",
        "en": "Series code of the national data; filled in by the template, do not change.",
    },
    "plan_tpl_unit_measure": {
        "kk": "Өлшем бірлігінің коды; үлгіде толтырылған, өзгертпеңіз.",
        "ru": "Код единицы измерения; заполнен в шаблоне, не меняйте.",
        "en": "Unit code; filled in by the template, do not change.",
    },
    "plan_tpl_disaggregation": {
        "kk": "Бөлініс коды (жынысы, жасы, қала/ауыл...); бос — жиыны.",
        "ru": "Код разреза (пол, возраст, город/село...); пусто — итог.",
        "en": "Breakdown code (sex, age, urban/rural...); empty: total.",
    },
    "plan_tpl_baseline_year": {
        "kk": "Жоспардағы базалық жыл.",
        "ru": "Базовый год, указанный в плане.",
        "en": "The baseline year the plan gives.",
    },
    "plan_tpl_baseline_value": {
        "kk": "Жоспардағы базалық мән (ондық бөлшек үтір немесе нүкте арқылы).",
        "ru": "Базовое значение из плана (десятичная запятая или точка).",
        "en": "The baseline value the plan gives (decimal comma or point).",
    },
    "plan_tpl_year": {
        "kk": "Жыл атауымен аталған әр баған — сол жылға жоспарлы мән; бос ұяшық — мақсат жоқ. Бағандарды қосуға немесе алып тастауға болады.",
        "ru": "Каждый столбец с названием-годом — плановое значение на этот год; пустая ячейка — цели нет. Столбцы можно добавлять и удалять.",
        "en": "Each column named by a year holds the value planned for that year; an empty cell: no target. Add or remove year columns as needed.",
    },
    "plan_tpl_document": {
        "kk": "Жоспарлау құжатының атауы (мысалы, облысты дамыту жоспары).",
        "ru": "Название планового документа (например, план развития области).",
        "en": "Name of the planning document (for example the region's development plan).",
    },
    "plan_tpl_document_date": {
        "kk": "Құжаттың бекітілген күні: 2024-03-15 немесе 15.03.2024.",
        "ru": "Дата утверждения документа: 2024-03-15 или 15.03.2024.",
        "en": "Date the document was adopted: 2024-03-15 or 15.03.2024.",
    },
    "plan_tpl_document_ref": {
        "kk": "Бап, бөлім немесе бет (міндетті емес).",
        "ru": "Статья, раздел или страница (необязательно).",
        "en": "Article, section or page (optional).",
    },
    # Status (sdgdash/features/plans/status.py)
    "plan_status_on_plan": {"kk": "жоспар бойынша", "ru": "по плану", "en": "on plan"},
    "plan_status_behind_plan": {
        "kk": "жоспардан артта",
        "ru": "отстаёт от плана",
        "en": "behind plan",
    },
    "plan_status_ahead_of_plan": {
        "kk": "жоспардан алда",
        "ru": "опережает план",
        "en": "ahead of plan",
    },
    "plan_status_no_actual": {
        "kk": "базалық жылдан кейінгі нақты мән жоқ",
        "ru": "нет фактического значения после базового года",
        "en": "no actual value since the baseline year",
    },
    "plan_status_not_assessed": {
        "kk": "бағаланбайды (бағыты белгісіз)",
        "ru": "не оценивается (направление не определено)",
        "en": "not assessed (no direction)",
    },
    "plan_basis_regional_plan": {
        "kk": "өңірлік жоспар",
        "ru": "региональный план",
        "en": "regional plan",
    },
    "plan_basis_national_2030": {
        "kk": "өңірлік жоспар жоқ: ұлттық 2030 мақсаты",
        "ru": "регионального плана нет: национальная цель 2030",
        "en": "no regional plan: national 2030 target",
    },
    "plan_rule": {
        "kk": "Жоспар сызығы базалық мәннен жоспарлы мәндерге дейін түзу сызықпен жүргізіледі. Соңғы нақты жылдағы мән сол жылғы жоспар сызығымен салыстырылады: айырма жоспардың толық өзгерісінің 10 %-ынан (және жарияланған дәлдіктің жартысынан) аспаса — «жоспар бойынша», артық болса, көрсеткіштің бағытына қарай «жоспардан алда» немесе «жоспардан артта».",
        "ru": "Линия плана соединяет прямыми базовое значение и плановые значения. Значение последнего фактического года сравнивается с линией плана в этом году: если разница не больше 10 % всего планового изменения (и не меньше половины шага опубликованной точности), — «по плану», иначе, в зависимости от направления показателя, — «опережает план» или «отстаёт от плана».",
        "en": "The plan line joins the baseline and the planned values with straight lines. The latest actual value is compared with the plan line in its year: within 10 % of the plan's whole change (and at least half the published precision) it is on plan; beyond that, by the indicator's direction, ahead of plan or behind plan.",
    },
    "plan_stand_in_note": {
        "kk": "Өңірлік жоспарда мән жоқ жерде ұлттық 2030 мақсаты қолданылады (белгіленген).",
        "ru": "Где в региональном плане нет значения, используется национальная цель 2030 (отмечено).",
        "en": "Where the regional plan has no value, the national 2030 target stands in (marked).",
    },
    "plan_example_note": {
        "kk": "МЫСАЛ — нақты мәндер емес: файл тек жүктеуді сынап көру үшін.",
        "ru": "ПРИМЕР — не реальные значения: файл только для пробы загрузки.",
        "en": "EXAMPLE — not real values: the file is only for trying the upload.",
    },
    "plan_col_baseline": {"kk": "Базалық мән", "ru": "Базовое значение", "en": "Baseline"},
    "plan_col_plan": {"kk": "Жоспар", "ru": "План", "en": "Plan"},
    "plan_col_status": {"kk": "Жоспарға қатысты", "ru": "Относительно плана", "en": "Against plan"},
    "plan_col_document": {
        "kk": "Жоспарлау құжаты",
        "ru": "Плановый документ",
        "en": "Planning document",
    },
    # The region brief (sdgdash/features/brief)
    "brief_title": {
        "kk": "{name}: ТДМ бойынша анықтама",
        "ru": "{name}: справка по ЦУР",
        "en": "{name}: SDG brief",
    },
    "brief_generated": {
        "kk": "sdgdash {date} күні Қазақстанның ТДМ бойынша ұлттық есептілік платформасының деректерінен жасады.",
        "ru": "Подготовлено sdgdash {date} по данным Национальной платформы отчётности по ЦУР Казахстана.",
        "en": "Prepared by sdgdash on {date} from the data of Kazakhstan's national SDG reporting platform.",
    },
    "brief_data_commit": {
        "kk": "Деректер нұсқасы: {commit}.",
        "ru": "Версия данных: {commit}.",
        "en": "Data version: {commit}.",
    },
    "brief_h_headline": {
        "kk": "Өңірдің жағдайы",
        "ru": "Положение региона",
        "en": "Where the region stands",
    },
    "brief_no_index": {
        "kk": "ТДМ индексінде орны жоқ (деректер жеткіліксіз).",
        "ru": "Место в индексе ЦУР не определено (недостаточно данных).",
        "en": "No rank in the SDG index (not enough data).",
    },
    "brief_col_peers": {"kk": "Ұқсас өңірлер", "ru": "Сопоставимые регионы", "en": "Peers"},
    "brief_h_behind": {
        "kk": "Жоспардан немесе 2030 мақсатынан ең көп артта қалған бес көрсеткіш",
        "ru": "Пять показателей, сильнее всего отстающих от плана или цели 2030",
        "en": "Five indicators furthest behind their plan or 2030 target",
    },
    "brief_behind_note": {
        "kk": "Айырма = нақты мән минус сол жылғы жоспар сызығы. «2030» белгісі: өңірлік жоспар жоқ, ұлттық 2030 мақсатына дейінгі сызық қолданылды.",
        "ru": "Разница = факт минус линия плана в том же году. Отметка «2030»: регионального плана нет, использована линия до национальной цели 2030.",
        "en": "Gap = actual minus the plan line in the same year. Marked “2030”: no regional plan, the line to the national 2030 target is used.",
    },
    "brief_col_actual": {"kk": "Нақты", "ru": "Факт", "en": "Actual"},
    "brief_col_expected": {"kk": "Жоспар сызығы", "ru": "Линия плана", "en": "Plan line"},
    "brief_col_gap": {"kk": "Айырма", "ru": "Разница", "en": "Gap"},
    "brief_col_final": {"kk": "Мақсат", "ru": "Цель", "en": "Target"},
    "brief_mark_2030": {"kk": "2030", "ru": "2030", "en": "2030"},
    "brief_none_behind": {
        "kk": "Жоспардан немесе 2030 сызығынан артта қалған көрсеткіш жоқ.",
        "ru": "Нет показателей, отстающих от плана или линии 2030.",
        "en": "No indicator is behind its plan or its 2030 line.",
    },
    "brief_h_improvements": {
        "kk": "Ең жылдам жақсарғандар",
        "ru": "Наибольшие улучшения",
        "en": "Fastest improvements",
    },
    "brief_h_deteriorations": {
        "kk": "Ең жылдам нашарлағандар",
        "ru": "Наибольшие ухудшения",
        "en": "Fastest deteriorations",
    },
    "brief_none_improvements": {
        "kk": "Жақсарған көрсеткіш жоқ.",
        "ru": "Улучшившихся показателей нет.",
        "en": "No indicator improved.",
    },
    "brief_none_deteriorations": {
        "kk": "Нашарлаған көрсеткіш жоқ.",
        "ru": "Ухудшившихся показателей нет.",
        "en": "No indicator deteriorated.",
    },
    "brief_col_from": {"kk": "Бастап", "ru": "С", "en": "From"},
    "brief_col_to": {"kk": "Дейін", "ru": "По", "en": "To"},
    "brief_col_change": {"kk": "Өзгеріс", "ru": "Изменение", "en": "Change"},
    "brief_h_tags": {
        "kk": "Проблемалық тақырыптар",
        "ru": "Проблемные темы",
        "en": "Problem tags",
    },
    "brief_col_tag": {"kk": "Тақырып", "ru": "Тема", "en": "Tag"},
    "brief_col_note": {"kk": "Неге осында", "ru": "Почему здесь", "en": "Why here"},
    "brief_none_tags": {
        "kk": "Бұл орын үшін проблемалық тақырып жоқ.",
        "ru": "Для этого места проблемных тем нет.",
        "en": "No problem tags for this place.",
    },
    "brief_h_findings": {
        "kk": "Семинарлардың соңғы қорытындылары",
        "ru": "Последние итоги семинаров",
        "en": "Recent seminar findings",
    },
    "brief_col_date": {"kk": "Күні", "ru": "Дата", "en": "Date"},
    "brief_col_event": {"kk": "Іс-шара", "ru": "Мероприятие", "en": "Event"},
    "brief_col_finding": {"kk": "Қорытынды", "ru": "Итог", "en": "Finding"},
    "brief_none_findings": {
        "kk": "Семинар қорытындылары жазылмаған.",
        "ru": "Итоги семинаров не записаны.",
        "en": "No seminar findings recorded.",
    },
    "brief_h_local": {
        "kk": "Аумақтың жергілікті деректері",
        "ru": "Местные данные территории",
        "en": "The territory's local data",
    },
    "brief_none_local": {
        "kk": "Жергілікті деректер жүктелмеген.",
        "ru": "Местные данные не загружены.",
        "en": "No local data uploaded.",
    },
    "brief_h_sources": {"kk": "Дереккөздер", "ru": "Источники", "en": "Sources"},
    "brief_none_sources": {
        "kk": "Дереккөздер жоқ.",
        "ru": "Источников нет.",
        "en": "No sources.",
    },
    "brief_src_platform": {
        "kk": "Қазақстанның ТДМ бойынша ұлттық есептілік платформасы, {indicator} көрсеткіші, {file} файлы, {row}-жол",
        "ru": "Национальная платформа отчётности по ЦУР Казахстана, показатель {indicator}, файл {file}, строка {row}",
        "en": "Kazakhstan national SDG reporting platform, indicator {indicator}, file {file}, row {row}",
    },
    "brief_src_plan": {
        "kk": "Жоспарлау құжаты: {name}, {date}, {ref}",
        "ru": "Плановый документ: {name}, {date}, {ref}",
        "en": "Planning document: {name}, {date}, {ref}",
    },
    "brief_src_target": {
        "kk": "Ұлттық 2030 мақсаты: {text}",
        "ru": "Национальная цель 2030: {text}",
        "en": "National 2030 target: {text}",
    },
    "brief_download_docx": {
        "kk": "Өңір анықтамасы (DOCX)",
        "ru": "Справка по региону (DOCX)",
        "en": "Region brief (DOCX)",
    },
    "brief_download_pdf": {
        "kk": "Өңір анықтамасы (PDF)",
        "ru": "Справка по региону (PDF)",
        "en": "Region brief (PDF)",
    },
}
