"""Strings of downloads, shareable links, presentation mode, seminar decks and slides."""

from __future__ import annotations

STRINGS = {
    # downloads
    "exp_download_xlsx": {
        "ru": "Скачать Excel (XLSX)",
        "kk": "Excel жүктеу (XLSX)",
        "en": "Download Excel (XLSX)",
    },
    "exp_download_help": {
        "ru": "Ровно то, что показано в таблице; в XLSX второй лист — метаданные и источник",
        "kk": "Кестеде көрсетілгеннің дәл өзі; XLSX-тің екінші парағы — метадеректер мен дереккөз",
        "en": "Exactly what the table shows; the XLSX has a second sheet with metadata and source",
    },
    "exp_meta_title": {"ru": "Содержание", "kk": "Мазмұны", "en": "Content"},
    "exp_meta_field": {"ru": "Поле", "kk": "Өріс", "en": "Field"},
    "exp_meta_source_org": {
        "ru": "Организация-источник",
        "kk": "Дереккөз ұйым",
        "en": "Source organisation",
    },
    "exp_meta_source_data": {"ru": "Источник данных", "kk": "Деректер көзі", "en": "Data source"},
    "exp_meta_definition": {"ru": "Определение", "kk": "Анықтама", "en": "Definition"},
    "exp_meta_calculation": {"ru": "Метод расчёта", "kk": "Есептеу әдісі", "en": "Calculation"},
    "exp_meta_note": {"ru": "Примечание", "kk": "Ескерту", "en": "Note"},
    "exp_meta_repository": {
        "ru": "Репозиторий данных",
        "kk": "Деректер репозиторийі",
        "en": "Data repository",
    },
    "exp_meta_commit": {
        "ru": "Коммит источника сборки данных",
        "kk": "Деректер жинағының бастапқы коммиті",
        "en": "Data build source commit",
    },
    "exp_meta_licence": {"ru": "Лицензия", "kk": "Лицензия", "en": "Licence"},
    "exp_meta_exported": {"ru": "Выгружено", "kk": "Жүктелген уақыты", "en": "Exported"},
    "exp_meta_url": {"ru": "Ссылка на вид", "kk": "Көрініске сілтеме", "en": "View URL"},
    "exp_bulk_heading": {"ru": "Все данные", "kk": "Барлық деректер", "en": "All data"},
    "exp_bulk_text": {
        "ru": "Все {n} наблюдений: названия на выбранном языке, коды, файл и строка источника.",
        "kk": "Барлық {n} бақылау: таңдалған тілдегі атаулар, кодтар, дереккөз файлы мен жолы.",
        "en": "All {n} observations: names in the chosen language, codes, source file and row.",
    },
    "exp_bulk_title": {
        "ru": "Все наблюдения ЦУР по Казахстану",
        "kk": "Қазақстан бойынша ТДМ-нің барлық бақылаулары",
        "en": "All SDG observations for Kazakhstan",
    },
    "exp_bulk_prepare": {
        "ru": "Подготовить файлы",
        "kk": "Файлдарды дайындау",
        "en": "Prepare the files",
    },
    # shareable links
    "share_copy": {"ru": "Скопировать ссылку", "kk": "Сілтемені көшіру", "en": "Copy link"},
    "share_copied": {"ru": "Ссылка скопирована", "kk": "Сілтеме көшірілді", "en": "Link copied"},
    "share_help": {
        "ru": "Ссылка открывает этот же вид: язык, показатель, год, регионы",
        "kk": "Сілтеме дәл осы көріністі ашады: тіл, көрсеткіш, жыл, өңірлер",
        "en": "The link opens this same view: language, indicator, year, regions",
    },
    # presentation mode
    "present_toggle": {
        "ru": "Режим презентации",
        "kk": "Презентация режимі",
        "en": "Presentation mode",
    },
    "present_exit": {"ru": "Выйти из презентации", "kk": "Презентациядан шығу", "en": "Exit"},
    "present_prev": {"ru": "Назад", "kk": "Артқа", "en": "Previous"},
    "present_next": {"ru": "Далее", "kk": "Келесі", "en": "Next"},
    "present_step": {
        "ru": "Слайд {i} из {n}",
        "kk": "{n} слайдтың {i}-і",
        "en": "Slide {i} of {n}",
    },
    # seminar deck
    "nav_seminar": {"ru": "Семинар", "kk": "Семинар", "en": "Seminar"},
    "deck_add": {"ru": "Добавить в презентацию", "kk": "Презентацияға қосу", "en": "Add to deck"},
    "deck_added": {
        "ru": "Добавлено: вид {n} в презентации",
        "kk": "Қосылды: презентациядағы {n}-көрініс",
        "en": "Added: view {n} of the deck",
    },
    "deck_count": {
        "ru": "В презентации видов: {n}",
        "kk": "Презентациядағы көріністер: {n}",
        "en": "Views in the deck: {n}",
    },
    "deck_title": {"ru": "Название презентации", "kk": "Презентация атауы", "en": "Deck title"},
    "deck_default_title": {
        "ru": "ЦУР в регионе: семинар",
        "kk": "Өңірдегі ТДМ: семинар",
        "en": "SDGs in the region: seminar",
    },
    "deck_empty": {
        "ru": "Презентация пуста. Откройте любую страницу и нажмите «Добавить в презентацию» на боковой панели, или загрузите файл презентации.",
        "kk": "Презентация бос. Кез келген бетті ашып, бүйір панеліндегі «Презентацияға қосу» батырмасын басыңыз немесе презентация файлын жүктеңіз.",
        "en": "The deck is empty. Open any page and press “Add to deck” in the sidebar, or load a deck file.",
    },
    "deck_views": {"ru": "Виды", "kk": "Көріністер", "en": "Views"},
    "deck_view_title": {"ru": "Заголовок слайда", "kk": "Слайд тақырыбы", "en": "Slide title"},
    "deck_up": {"ru": "Выше", "kk": "Жоғары", "en": "Up"},
    "deck_down": {"ru": "Ниже", "kk": "Төмен", "en": "Down"},
    "deck_remove": {"ru": "Удалить", "kk": "Жою", "en": "Remove"},
    "deck_open": {"ru": "Открыть", "kk": "Ашу", "en": "Open"},
    "deck_start": {
        "ru": "Показать на весь экран",
        "kk": "Толық экранда көрсету",
        "en": "Show full screen",
    },
    "deck_save": {
        "ru": "Сохранить презентацию (JSON)",
        "kk": "Презентацияны сақтау (JSON)",
        "en": "Save the deck (JSON)",
    },
    "deck_load": {
        "ru": "Загрузить файл презентации",
        "kk": "Презентация файлын жүктеу",
        "en": "Load a deck file",
    },
    "deck_loaded": {
        "ru": "Загружена презентация: {n} видов",
        "kk": "Презентация жүктелді: {n} көрініс",
        "en": "Deck loaded: {n} views",
    },
    "deck_bad_file": {
        "ru": "Файл не принят, текущая презентация не изменена: {error}",
        "kk": "Файл қабылданбады, ағымдағы презентация өзгермеді: {error}",
        "en": "File rejected, the current deck is unchanged: {error}",
    },
    "deck_pptx_build": {
        "ru": "Собрать PowerPoint",
        "kk": "PowerPoint құрастыру",
        "en": "Build the PowerPoint file",
    },
    "deck_pptx": {
        "ru": "Скачать PowerPoint (PPTX)",
        "kk": "PowerPoint жүктеу (PPTX)",
        "en": "Download PowerPoint (PPTX)",
    },
    "deck_share": {
        "ru": "Ссылки на виды презентации",
        "kk": "Презентация көріністеріне сілтемелер",
        "en": "Links to the deck's views",
    },
    "deck_page": {"ru": "Страница", "kk": "Бет", "en": "Page"},
    # slides
    "slide_source": {"ru": "Источник", "kk": "Дереккөз", "en": "Source"},
    "slide_build": {"ru": "сборка данных", "kk": "деректер жинағы", "en": "data build"},
    "slide_index_title": {
        "ru": "Региональный индекс ЦУР, {year}",
        "kk": "Өңірлік ТДМ индексі, {year}",
        "en": "Regional SDG index, {year}",
    },
    "slide_goal_scores": {
        "ru": "{region}: оценки по целям, {year}",
        "kk": "{region}: мақсаттар бойынша бағалар, {year}",
        "en": "{region}: goal scores, {year}",
    },
    "slide_profile_table": {
        "ru": "{region}: показатели ({part})",
        "kk": "{region}: көрсеткіштер ({part})",
        "en": "{region}: indicators ({part})",
    },
    "slide_index_source": {
        "ru": "{n} показателей индекса (data/curated/index_indicators.csv)",
        "kk": "Индекстің {n} көрсеткіші (data/curated/index_indicators.csv)",
        "en": "{n} index indicators (data/curated/index_indicators.csv)",
    },
    "slide_profile_pptx": {
        "ru": "Профиль в PowerPoint",
        "kk": "Профиль PowerPoint-те",
        "en": "Profile as PowerPoint",
    },
    "slide_status_table": {
        "ru": "{title}: статус показателей ({part})",
        "kk": "{title}: көрсеткіштер мәртебесі ({part})",
        "en": "{title}: status of the indicators ({part})",
    },
    "slide_ranked": {
        "ru": "{title}: регионы по порядку",
        "kk": "{title}: өңірлер реті бойынша",
        "en": "{title}: regions ranked",
    },
    "slide_tag_links": {
        "ru": "{title}: связанные задачи и показатели ({part})",
        "kk": "{title}: байланысты міндеттер мен көрсеткіштер ({part})",
        "en": "{title}: linked targets and indicators ({part})",
    },
    "slide_no_data": {
        "ru": "Нет данных для этого вида",
        "kk": "Бұл көрініс үшін дерек жоқ",
        "en": "No data for this view",
    },
}
