"""Strings of the editable store: login, seminar findings and their input checks."""

from __future__ import annotations

STRINGS = {
    # Input checks (sdgdash/store/validate.py)
    "store_err_place_one": {
        "kk": "Өңірді немесе пилоттық аумақты таңдаңыз (екеуінің біреуін ғана).",
        "ru": "Выберите регион или пилотную территорию (только одно из двух).",
        "en": "Choose a region or a pilot territory (exactly one of the two).",
    },
    "store_err_region": {
        "kk": "Белгісіз өңір коды: {value}.",
        "ru": "Неизвестный код региона: {value}.",
        "en": "Unknown region code: {value}.",
    },
    "store_err_territory": {
        "kk": "Белгісіз пилоттық аумақ: {value}.",
        "ru": "Неизвестная пилотная территория: {value}.",
        "en": "Unknown pilot territory: {value}.",
    },
    "store_err_date": {
        "kk": "Күні {first} жылдың 1 қаңтары мен бүгінгі күн ({today}) аралығында болуы керек.",
        "ru": "Дата должна быть между 1 января {first} года и сегодняшним днём ({today}).",
        "en": "The date must be between 1 January {first} and today ({today}).",
    },
    "store_err_event": {
        "kk": "Іс-шара атауы {max} таңбадан аспауы және басқару таңбаларынсыз болуы керек.",
        "ru": "Название события — не более {max} символов, без управляющих символов.",
        "en": "The event is at most {max} characters, without control characters.",
    },
    "store_err_tag": {
        "kk": "Белгісіз тег: {value}.",
        "ru": "Неизвестный тег: {value}.",
        "en": "Unknown tag: {value}.",
    },
    "store_err_tags_many": {
        "kk": "Тегтер тым көп (ең көбі {max}).",
        "ru": "Слишком много тегов (не более {max}).",
        "en": "Too many tags (at most {max}).",
    },
    "store_err_goals": {
        "kk": "Басым ТДМ 1-ден 17-ге дейінгі сандар болуы керек.",
        "ru": "Приоритетные ЦУР — числа от 1 до 17.",
        "en": "Priority SDGs are numbers from 1 to 17.",
    },
    "store_err_text": {
        "kk": "Мәтін бос болмауы және {max} таңбадан аспауы керек.",
        "ru": "Текст не должен быть пустым и длиннее {max} символов.",
        "en": "The text must not be empty nor longer than {max} characters.",
    },
    "store_err_control": {
        "kk": "Мәтінде басқару таңбалары бар (мысалы, NUL): оларды алып тастаңыз.",
        "ru": "В тексте есть управляющие символы (например, NUL): удалите их.",
        "en": "The text holds control characters (such as NUL): remove them.",
    },
    "store_err_source": {
        "kk": "Дереккөзді көрсетіңіз ({max} таңбаға дейін).",
        "ru": "Укажите источник (до {max} символов).",
        "en": "Give the source (up to {max} characters).",
    },
    # Login (sdgdash/ui/auth.py)
    "auth_heading": {"kk": "Редактор кіруі", "ru": "Вход для редактора", "en": "Editor login"},
    "auth_username": {"kk": "Пайдаланушы аты", "ru": "Имя пользователя", "en": "Username"},
    "auth_password": {"kk": "Құпиясөз", "ru": "Пароль", "en": "Password"},
    "auth_submit": {"kk": "Кіру", "ru": "Войти", "en": "Log in"},
    "auth_logout": {"kk": "Шығу", "ru": "Выйти", "en": "Log out"},
    "auth_signed_in": {
        "kk": "Кірген пайдаланушы: {name} ({role})",
        "ru": "Вы вошли как {name} ({role})",
        "en": "Logged in as {name} ({role})",
    },
    "auth_wrong": {
        "kk": "Пайдаланушы аты немесе құпиясөз қате.",
        "ru": "Неверное имя пользователя или пароль.",
        "en": "Wrong username or password.",
    },
    "auth_locked": {
        "kk": "Сәтсіз әрекеттер тым көп. {minutes} минуттан кейін қайталаңыз.",
        "ru": "Слишком много неудачных попыток. Повторите через {minutes} минут.",
        "en": "Too many failed attempts. Try again in {minutes} minutes.",
    },
    "auth_oidc_login": {
        "kk": "Сәйкестендіру провайдері арқылы кіру",
        "ru": "Войти через поставщика удостоверений",
        "en": "Log in with the identity provider",
    },
    "auth_oidc_not_editor": {
        "kk": "{email} редактор ретінде тіркелмеген: әкімшіге хабарласыңыз.",
        "ru": "{email} не зарегистрирован как редактор: обратитесь к администратору.",
        "en": "{email} is not registered as an editor: ask an administrator.",
    },
    "auth_store_error": {
        "kk": "Деректер қоймасы қолжетімсіз: жазбалар уақытша көрсетілмейді.",
        "ru": "Хранилище недоступно: записи временно не показываются.",
        "en": "The store is unavailable: records are not shown for now.",
    },
    "auth_role_editor": {"kk": "редактор", "ru": "редактор", "en": "editor"},
    "auth_role_admin": {"kk": "әкімші", "ru": "администратор", "en": "administrator"},
    # Findings page and block
    "nav_findings": {
        "kk": "Семинар қорытындылары",
        "ru": "Итоги семинаров",
        "en": "Seminar findings",
    },
    "findings_title": {
        "kk": "Семинарлардағы қорытындылар",
        "ru": "Выводы семинаров",
        "en": "Findings from the seminars",
    },
    "findings_intro": {
        "kk": "Өңірлердегі семинарларда аталған жергілікті мәселелер мен басым ТДМ, "
        "редакторлар тіркеген.",
        "ru": "Местные проблемы и приоритетные ЦУР, названные на семинарах в регионах, "
        "записанные редакторами.",
        "en": "Local problems and priority SDGs named at the regional seminars, "
        "recorded by editors.",
    },
    "findings_block_heading": {
        "kk": "Семинар қорытындылары",
        "ru": "Выводы семинаров",
        "en": "Seminar findings",
    },
    "findings_none": {
        "kk": "Әзірге тіркелген қорытынды жоқ.",
        "ru": "Записанных выводов пока нет.",
        "en": "No findings recorded yet.",
    },
    "findings_count": {
        "kk": "Қорытындылар саны: {n}",
        "ru": "Выводов: {n}",
        "en": "Findings: {n}",
    },
    "findings_place": {"kk": "Орын", "ru": "Место", "en": "Place"},
    "findings_all_places": {"kk": "Барлық орындар", "ru": "Все места", "en": "All places"},
    "findings_tag": {"kk": "Тег", "ru": "Тег", "en": "Tag"},
    "findings_all_tags": {"kk": "Барлық тегтер", "ru": "Все теги", "en": "All tags"},
    "findings_goal": {"kk": "Мақсат", "ru": "Цель", "en": "Goal"},
    "findings_all_goals": {"kk": "Барлық мақсаттар", "ru": "Все цели", "en": "All goals"},
    "findings_col_date": {"kk": "Күні", "ru": "Дата", "en": "Date"},
    "findings_col_place": {"kk": "Орын", "ru": "Место", "en": "Place"},
    "findings_col_event": {"kk": "Іс-шара", "ru": "Событие", "en": "Event"},
    "findings_col_tags": {"kk": "Тегтер", "ru": "Теги", "en": "Tags"},
    "findings_col_goals": {"kk": "Басым ТДМ", "ru": "Приоритетные ЦУР", "en": "Priority SDGs"},
    "findings_col_text": {"kk": "Қорытынды", "ru": "Вывод", "en": "Finding"},
    "findings_col_source": {"kk": "Дереккөз", "ru": "Источник", "en": "Source"},
    "findings_col_by": {"kk": "Жазған", "ru": "Записал", "en": "Recorded by"},
    "findings_col_at": {"kk": "Жазылған уақыты", "ru": "Когда записано", "en": "Recorded at"},
    "findings_chart_title": {
        "kk": "Семинарларда аталған басым ТДМ, өңірлер бойынша",
        "ru": "Приоритетные ЦУР, названные на семинарах, по регионам",
        "en": "Priority SDGs named at the seminars, by region",
    },
    "findings_chart_count": {
        "kk": "Атаулар саны",
        "ru": "Число упоминаний",
        "en": "Times named",
    },
    "findings_chart_none": {
        "kk": "Сүзгіге сай қорытындыларда басым ТДМ аталмаған.",
        "ru": "В выводах по фильтру приоритетные ЦУР не названы.",
        "en": "No priority SDGs are named in the findings shown.",
    },
    "findings_add_heading": {
        "kk": "Жаңа қорытынды қосу",
        "ru": "Добавить вывод",
        "en": "Add a finding",
    },
    "findings_login_to_add": {
        "kk": "Қорытынды қосу үшін бүйірлік панельде редактор ретінде кіріңіз.",
        "ru": "Чтобы добавить вывод, войдите как редактор на боковой панели.",
        "en": "To add a finding, log in as an editor in the sidebar.",
    },
    "findings_kind": {"kk": "Қайда", "ru": "Где", "en": "Where"},
    "findings_kind_region": {"kk": "Өңір", "ru": "Регион", "en": "Region"},
    "findings_kind_territory": {
        "kk": "Пилоттық аумақ",
        "ru": "Пилотная территория",
        "en": "Pilot territory",
    },
    "findings_date": {"kk": "Күні", "ru": "Дата", "en": "Date"},
    "findings_event": {
        "kk": "Іс-шара (міндетті емес)",
        "ru": "Событие (необязательно)",
        "en": "Event (optional)",
    },
    "findings_tags": {"kk": "Тегтер", "ru": "Теги", "en": "Tags"},
    "findings_tags_free": {
        "kk": "Тегтер, үтір арқылы (мысалы: waste, heating)",
        "ru": "Теги через запятую (например: waste, heating)",
        "en": "Tags, comma-separated (for example: waste, heating)",
    },
    "findings_goals": {
        "kk": "Қатысушылар атаған басым ТДМ",
        "ru": "Приоритетные ЦУР, названные участниками",
        "en": "Priority SDGs named by participants",
    },
    "findings_text": {"kk": "Қорытынды мәтіні", "ru": "Текст вывода", "en": "Finding text"},
    "findings_source": {
        "kk": "Дереккөз (хаттама, есеп, сілтеме)",
        "ru": "Источник (протокол, отчёт, ссылка)",
        "en": "Source (minutes, report, link)",
    },
    "findings_save": {"kk": "Сақтау", "ru": "Сохранить", "en": "Save"},
    "findings_saved": {
        "kk": "Қорытынды сақталды (№{id}).",
        "ru": "Вывод сохранён (№{id}).",
        "en": "Finding saved (no. {id}).",
    },
    "findings_not_saved": {
        "kk": "Қорытынды сақталмады:",
        "ru": "Вывод не сохранён:",
        "en": "The finding was not saved:",
    },
    "findings_mine": {
        "kk": "Менің қорытындыларым",
        "ru": "Мои выводы",
        "en": "My findings",
    },
    "findings_withdraw": {
        "kk": "Қорытындыны кері қайтару",
        "ru": "Отозвать вывод",
        "en": "Withdraw a finding",
    },
    "findings_withdraw_button": {"kk": "Кері қайтару", "ru": "Отозвать", "en": "Withdraw"},
    "findings_withdrawn": {
        "kk": "№{id} қорытынды кері қайтарылды (сақталған, бірақ көрсетілмейді).",
        "ru": "Вывод №{id} отозван (сохранён, но не показывается).",
        "en": "Finding no. {id} withdrawn (kept, no longer shown).",
    },
    "findings_source_line": {
        "kk": "Дереккөз: редакторлар тіркеген семинар қорытындылары (әр жолда дереккөзі бар).",
        "ru": "Источник: выводы семинаров, записанные редакторами (источник в каждой строке).",
        "en": "Source: seminar findings recorded by editors (each row names its source).",
    },
}
