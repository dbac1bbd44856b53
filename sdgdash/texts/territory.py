"""Strings of the pilot territory page and of local data uploads (kk / ru / en)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "nav_territory": {
        "ru": "Пилотные территории",
        "kk": "Пилоттық аумақтар",
        "en": "Pilot territories",
    },
    "terr_pick": {"ru": "Территория", "kk": "Аумақ", "en": "Territory"},
    "terr_kind_district": {"ru": "район", "kk": "аудан", "en": "district"},
    "terr_kind_town": {"ru": "город", "kk": "қала", "en": "town"},
    "terr_kind_village": {"ru": "село", "kk": "ауыл", "en": "village"},
    "terr_kind_rural_district": {
        "ru": "сельский округ",
        "kk": "ауылдық округ",
        "en": "rural district",
    },
    "terr_kind_city": {"ru": "город", "kk": "қала", "en": "city"},
    "terr_in_region": {"ru": "в регионе: {region}", "kk": "өңірі: {region}", "en": "in {region}"},
    "terr_programme": {"ru": "Программа", "kk": "Бағдарлама", "en": "Programme"},
    "terr_since": {
        "ru": "пилотная территория с {date}",
        "kk": "{date} бастап пилоттық аумақ",
        "en": "pilot territory since {date}",
    },
    "terr_source": {"ru": "Источник", "kk": "Дереккөз", "en": "Source"},
    "terr_open_region": {
        "ru": "Профиль региона: {name}",
        "kk": "Өңір профилі: {name}",
        "en": "Region profile: {name}",
    },
    "terr_map_caption": {
        "ru": "Регион территории закрашен, соседние регионы обведены. Границы: OpenStreetMap (ODbL), Who's On First (CC0).",
        "kk": "Аумақ орналасқан өңір боялған, көрші өңірлердің шекаралары көрсетілген. Шекаралар: OpenStreetMap (ODbL), Who's On First (CC0).",
        "en": "The territory's region is shaded, neighbouring regions are outlined. Boundaries: OpenStreetMap (ODbL), Who's On First (CC0).",
    },
    "terr_context_heading": {
        "ru": "Контекст: показатели региона {region}",
        "kk": "Контекст: {region} өңірінің көрсеткіштері",
        "en": "Context: indicators of {region}",
    },
    "terr_context_note": {
        "ru": "Официальная статистика публикуется по регионам; по району или селу отдельных данных на национальной платформе нет. Место — среди регионов в том же году, «По Казахстану» — значение по стране.",
        "kk": "Ресми статистика өңірлер бойынша жарияланады; аудан немесе ауыл бойынша жеке деректер ұлттық платформада жоқ. Орны — сол жылғы өңірлер арасындағы орын, «Қазақстан бойынша» — ел бойынша мән.",
        "en": 'Official statistics are published by region; the national platform has no separate data for a district or village. Rank is among the regions in the same year; "Kazakhstan as a whole" is the country\'s value.',
    },
    "terr_priority_goals": {
        "ru": "Приоритетные цели территории: {goals}",
        "kk": "Аумақтың басым мақсаттары: {goals}",
        "en": "The territory's priority goals: {goals}",
    },
    "terr_no_priority": {
        "ru": "Приоритетные цели этой территории не опубликованы: показаны все цели, выберите цель.",
        "kk": "Бұл аумақтың басым мақсаттары жарияланбаған: барлық мақсаттар көрсетілген, мақсатты таңдаңыз.",
        "en": "No priority goals are published for this territory: all goals are shown; choose a goal.",
    },
    "terr_goal": {"ru": "Цель", "kk": "Мақсат", "en": "Goal"},
    "terr_no_context": {
        "ru": "Для этой цели нет региональных данных.",
        "kk": "Бұл мақсат бойынша өңірлік деректер жоқ.",
        "en": "There are no regional data for this goal.",
    },
    "terr_local_heading": {
        "ru": "Местные данные: территория / регион / Казахстан",
        "kk": "Жергілікті деректер: аумақ / өңір / Қазақстан",
        "en": "Local data: territory / region / Kazakhstan",
    },
    "terr_local_empty": {
        "ru": "Местные данные ещё не загружены.",
        "kk": "Жергілікті деректер әлі жүктелмеген.",
        "en": "No local data uploaded yet.",
    },
    "terr_local_empty_detail": {
        "ru": "Здесь появятся показатели, измеренные для самой территории, рядом со значениями региона и страны за тот же год — после загрузки файла редактором.",
        "kk": "Редактор файл жүктегеннен кейін мұнда аумақтың өзі үшін өлшенген көрсеткіштер сол жылғы өңір мен ел мәндерінің қасында шығады.",
        "en": "Indicators measured for the territory itself will appear here beside the region's and the country's values for the same year, once an editor uploads a file.",
    },
    "terr_col_territory": {"ru": "Территория", "kk": "Аумақ", "en": "Territory"},
    "terr_col_region": {"ru": "Регион", "kk": "Өңір", "en": "Region"},
    "terr_col_national": {"ru": "Казахстан", "kk": "Қазақстан", "en": "Kazakhstan"},
    "terr_col_selection": {"ru": "Разрез", "kk": "Бөлініс", "en": "Breakdown"},
    "terr_col_section": {"ru": "Раздел", "kk": "Бөлім", "en": "Section"},
    "terr_section_context": {
        "ru": "контекст (регион)",
        "kk": "контекст (өңір)",
        "en": "context (region)",
    },
    "terr_section_local": {"ru": "местные данные", "kk": "жергілікті деректер", "en": "local data"},
    "terr_col_upload_source": {
        "ru": "Источник (загрузка)",
        "kk": "Дереккөз (жүктеу)",
        "en": "Source (upload)",
    },
    "terr_total": {"ru": "всего", "kk": "барлығы", "en": "total"},
    "terr_download_profile": {
        "ru": "Профиль территории (CSV): контекст и местные данные",
        "kk": "Аумақ профилі (CSV): контекст және жергілікті деректер",
        "en": "Territory profile (CSV): context and local data",
    },
    "terr_bad_config": {
        "ru": "Файл территорий содержит ошибку: {error}",
        "kk": "Аумақтар файлында қате бар: {error}",
        "en": "The territories file has an error: {error}",
    },
    # Uploads
    "ld_heading": {
        "ru": "Загрузка местных данных",
        "kk": "Жергілікті деректерді жүктеу",
        "en": "Uploading local data",
    },
    "ld_intro": {
        "ru": "Файл CSV или XLSX в формате Open SDG по одному показателю: Year, SERIES, UNIT_MEASURE, столбцы разрезов (SEX, AGE, …), Value. Перед сохранением файл проверяется; при любой ошибке ничего не сохраняется.",
        "kk": "Бір көрсеткіш бойынша Open SDG пішіміндегі CSV немесе XLSX файлы: Year, SERIES, UNIT_MEASURE, бөлініс бағандары (SEX, AGE, …), Value. Сақтау алдында файл тексеріледі; кез келген қате болса, ештеңе сақталмайды.",
        "en": "A CSV or XLSX file in the Open SDG layout for one indicator: Year, SERIES, UNIT_MEASURE, disaggregation columns (SEX, AGE, …), Value. The file is checked before it is stored; if anything is wrong, nothing is stored.",
    },
    "ld_indicator": {"ru": "Показатель", "kk": "Көрсеткіш", "en": "Indicator"},
    "ld_template_csv": {"ru": "Шаблон CSV", "kk": "CSV үлгісі", "en": "Template (CSV)"},
    "ld_template_xlsx": {"ru": "Шаблон XLSX", "kk": "XLSX үлгісі", "en": "Template (XLSX)"},
    "ld_template_note": {
        "ru": "Шаблон содержит заголовки и коды рядов и единиц показателя, без значений; на втором листе XLSX — допустимые коды.",
        "kk": "Үлгіде көрсеткіштің тақырыптары, қатар және өлшем бірлігі кодтары бар, мәндері жоқ; XLSX-тің екінші парағында рұқсат етілген кодтар.",
        "en": "The template has the headers and the indicator's series and unit codes, no values; the XLSX's second sheet lists the allowed codes.",
    },
    "ld_file": {
        "ru": "Файл (CSV или XLSX)",
        "kk": "Файл (CSV немесе XLSX)",
        "en": "File (CSV or XLSX)",
    },
    "ld_no_store": {
        "ru": "Редактируемое хранилище не настроено: файл можно проверить, но не сохранить.",
        "kk": "Өңделетін қойма бапталмаған: файлды тексеруге болады, бірақ сақтауға болмайды.",
        "en": "The editable store is not configured: a file can be checked here but not stored.",
    },
    "ld_login": {
        "ru": "Чтобы сохранить данные, войдите как редактор.",
        "kk": "Деректерді сақтау үшін редактор ретінде кіріңіз.",
        "en": "Log in as an editor to store data.",
    },
    "ld_problems": {
        "ru": "Файл не принят: проблем — {n}. Ничего не сохранено.",
        "kk": "Файл қабылданбады: {n} мәселе. Ештеңе сақталған жоқ.",
        "en": "File not accepted: {n} problem(s). Nothing was stored.",
    },
    "ld_ok": {
        "ru": "Файл проверен: {n} строк без ошибок. Ниже — то, что будет сохранено.",
        "kk": "Файл тексерілді: {n} жол қатесіз. Төменде — сақталатын деректер.",
        "en": "File checked: {n} rows, no problems. Below is what will be stored.",
    },
    "ld_confirm": {
        "ru": "Сохранить для территории",
        "kk": "Аумақ үшін сақтау",
        "en": "Store for the territory",
    },
    "ld_saved": {
        "ru": "Сохранено (загрузка {id}). Предыдущая версия сохранена как заменённая.",
        "kk": "Сақталды (жүктеу {id}). Алдыңғы нұсқа ауыстырылған ретінде сақталды.",
        "en": "Stored (upload {id}). The previous version is kept as replaced.",
    },
    "ld_save_failed": {
        "ru": "Не удалось сохранить: {error}. Ранее сохранённые данные не изменены.",
        "kk": "Сақтау мүмкін болмады: {error}. Бұрын сақталған деректер өзгермеді.",
        "en": "Could not store: {error}. Data stored earlier is unchanged.",
    },
    "ld_uploads": {
        "ru": "Загрузки и версии",
        "kk": "Жүктеулер мен нұсқалар",
        "en": "Uploads and versions",
    },
    "ld_no_uploads": {
        "ru": "Загрузок пока нет.",
        "kk": "Әзірге жүктеулер жоқ.",
        "en": "No uploads yet.",
    },
    "ld_replace_note": {
        "ru": "Чтобы заменить данные, загрузите новый файл по тому же показателю: прежняя версия сохранится.",
        "kk": "Деректерді ауыстыру үшін сол көрсеткіш бойынша жаңа файл жүктеңіз: бұрынғы нұсқа сақталады.",
        "en": "To replace data, upload a new file for the same indicator: the previous version is kept.",
    },
    "ld_pick_upload": {"ru": "Загрузка", "kk": "Жүктеу", "en": "Upload"},
    "ld_withdraw": {"ru": "Отозвать", "kk": "Кері қайтару", "en": "Withdraw"},
    "ld_withdrawn": {
        "ru": "Загрузка {id} отозвана (файл сохранён).",
        "kk": "{id} жүктеуі кері қайтарылды (файл сақталды).",
        "en": "Upload {id} withdrawn (the file is kept).",
    },
    "ld_download_original": {
        "ru": "Скачать исходный файл",
        "kk": "Бастапқы файлды жүктеу",
        "en": "Download the original file",
    },
    "ld_col_row": {"ru": "Строка", "kk": "Жол", "en": "Row"},
    "ld_col_column": {"ru": "Столбец", "kk": "Баған", "en": "Column"},
    "ld_col_problem": {"ru": "Проблема", "kk": "Мәселе", "en": "Problem"},
    "ld_whole_file": {"ru": "весь файл", "kk": "бүкіл файл", "en": "whole file"},
    # Problems (one per code of sdgdash.localdata.PROBLEM_CODES)
    "ld_empty_file": {
        "ru": "Файл пуст: нет строк с данными под заголовком.",
        "kk": "Файл бос: тақырыптың астында деректер жолы жоқ.",
        "en": "The file is empty: no data rows under the header.",
    },
    "ld_file_too_large": {
        "ru": "Файл слишком большой: {size} байт, допустимо не более {max}.",
        "kk": "Файл тым үлкен: {size} байт, ең көбі {max} рұқсат.",
        "en": "The file is too large: {size} bytes, at most {max} allowed.",
    },
    "ld_too_many_rows": {
        "ru": "Слишком много строк: допустимо не более {max}.",
        "kk": "Жолдар тым көп: ең көбі {max} рұқсат.",
        "en": "Too many rows: at most {max} allowed.",
    },
    "ld_bad_encoding": {
        "ru": "Неподдерживаемая кодировка ({encoding}): сохраните файл в UTF-8 (или Windows-1251).",
        "kk": "Қолдау көрсетілмейтін кодтау ({encoding}): файлды UTF-8 (немесе Windows-1251) пішімінде сақтаңыз.",
        "en": "Unsupported encoding ({encoding}): save the file as UTF-8 (or Windows-1251).",
    },
    "ld_bad_delimiter": {
        "ru": "Неверный разделитель ({found}): столбцы должны разделяться запятой или точкой с запятой.",
        "kk": "Бөлгіш дұрыс емес ({found}): бағандар үтірмен немесе нүктелі үтірмен бөлінуі керек.",
        "en": "Wrong delimiter ({found}): columns must be separated by a comma or a semicolon.",
    },
    "ld_bad_file": {
        "ru": "Файл не читается как CSV или XLSX ({detail}).",
        "kk": "Файл CSV немесе XLSX ретінде оқылмайды ({detail}).",
        "en": "The file cannot be read as CSV or XLSX ({detail}).",
    },
    "ld_unknown_indicator": {
        "ru": "Неизвестный показатель {indicator}: у него нет данных на национальной платформе.",
        "kk": "Белгісіз көрсеткіш {indicator}: ұлттық платформада оның деректері жоқ.",
        "en": "Unknown indicator {indicator}: it has no data on the national platform.",
    },
    "ld_missing_column": {
        "ru": "Нет обязательного столбца.",
        "kk": "Міндетті баған жоқ.",
        "en": "A required column is missing.",
    },
    "ld_unknown_column": {
        "ru": "Столбец не относится к этому показателю; допустимы: {allowed}.",
        "kk": "Баған бұл көрсеткішке жатпайды; рұқсат етілгендер: {allowed}.",
        "en": "This column does not belong to the indicator; allowed: {allowed}.",
    },
    "ld_duplicate_column": {
        "ru": "Столбец повторяется.",
        "kk": "Баған қайталанады.",
        "en": "The column appears twice.",
    },
    "ld_wrong_field_count": {
        "ru": "В строке {found} полей, а в заголовке {expected}.",
        "kk": "Жолда {found} өріс, ал тақырыпта {expected}.",
        "en": "The row has {found} fields, the header {expected}.",
    },
    "ld_missing_value": {
        "ru": "Пустое значение.",
        "kk": "Мән бос.",
        "en": "The value is empty.",
    },
    "ld_bad_year": {
        "ru": "«{value}» — не год.",
        "kk": "«{value}» — жыл емес.",
        "en": '"{value}" is not a year.',
    },
    "ld_year_out_of_range": {
        "ru": "Год {value} вне диапазона {lo}–{hi}.",
        "kk": "{value} жылы {lo}–{hi} аралығынан тыс.",
        "en": "Year {value} is outside {lo}–{hi}.",
    },
    "ld_non_numeric": {
        "ru": "«{value}» — не число.",
        "kk": "«{value}» — сан емес.",
        "en": '"{value}" is not a number.',
    },
    "ld_unknown_series": {
        "ru": "Неизвестный ряд «{value}» для этого показателя; допустимы: {allowed}.",
        "kk": "Бұл көрсеткіш үшін белгісіз қатар «{value}»; рұқсат етілгендер: {allowed}.",
        "en": 'Unknown series "{value}" for this indicator; allowed: {allowed}.',
    },
    "ld_unknown_unit": {
        "ru": "Неизвестная единица «{value}» для этого показателя; допустимы: {allowed}.",
        "kk": "Бұл көрсеткіш үшін белгісіз өлшем бірлігі «{value}»; рұқсат етілгендер: {allowed}.",
        "en": 'Unknown unit "{value}" for this indicator; allowed: {allowed}.',
    },
    "ld_unknown_code": {
        "ru": "Неизвестный код «{value}»; допустимы: {allowed}.",
        "kk": "Белгісіз код «{value}»; рұқсат етілгендер: {allowed}.",
        "en": 'Unknown code "{value}"; allowed: {allowed}.',
    },
    "ld_duplicate_row": {
        "ru": "Повтор строки {first}: тот же год и те же разрезы.",
        "kk": "{first}-жолдың қайталануы: сол жыл және сол бөліністер.",
        "en": "Repeats row {first}: same year and breakdown.",
    },
}
