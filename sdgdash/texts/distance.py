"""Strings of the distance to 2030, pace and arrival, change, peer and rank figures (kk / ru / en)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # --- headings and column labels ---------------------------------------------------------
    "dist_heading": {
        "ru": "Расстояние до 2030 года",
        "kk": "2030 жылға дейінгі қашықтық",
        "en": "Distance to 2030",
    },
    "dist_score": {"ru": "Балл (0-100)", "kk": "Балл (0-100)", "en": "Score (0-100)"},
    "dist_distance": {
        "ru": "Расстояние до цели",
        "kk": "Мақсатқа дейінгі қашықтық",
        "en": "Distance to the end value",
    },
    "dist_lower": {
        "ru": "Нижняя граница (0 баллов)",
        "kk": "Төменгі шек (0 балл)",
        "en": "Lower bound (score 0)",
    },
    "dist_end_value": {
        "ru": "Целевое значение 2030 (100 баллов)",
        "kk": "2030 жылғы нысаналы мән (100 балл)",
        "en": "2030 end value (score 100)",
    },
    "dist_end_source": {
        "ru": "Откуда целевое значение",
        "kk": "Нысаналы мәннің дереккөзі",
        "en": "Where the end value comes from",
    },
    "dist_pace_observed": {
        "ru": "Наблюдаемый темп, в год",
        "kk": "Байқалған қарқын, жылына",
        "en": "Observed pace a year",
    },
    "dist_pace_needed": {
        "ru": "Нужный темп, в год",
        "kk": "Қажетті қарқын, жылына",
        "en": "Pace needed a year",
    },
    "dist_projected_2030": {
        "ru": "Прогноз на 2030 год при нынешнем темпе",
        "kk": "Қазіргі қарқынмен 2030 жылғы болжам",
        "en": "Projected 2030 value at the current pace",
    },
    "dist_arrival": {
        "ru": "Когда будет достигнуто",
        "kk": "Қашан қол жеткізіледі",
        "en": "When the end value is reached",
    },
    "dist_pace_window": {
        "ru": "Темп рассчитан по {n} значениям за {y0}-{y1} годы",
        "kk": "Қарқын {y0}-{y1} жылдардағы {n} мән бойынша есептелді",
        "en": "Pace from {n} values, {y0}-{y1}",
    },
    "dist_projection_clipped": {
        "ru": "Прогноз ограничен пределами 0-100 %: доля не может выйти за них.",
        "kk": "Болжам 0-100 % шегінде қалдырылды: үлес бұл шектен шыға алмайды.",
        "en": "The projection is held within 0-100 %: a share cannot go beyond.",
    },
    # --- arrival statuses --------------------------------------------------------------------
    "dist_arrival_reached": {
        "ru": "уже достигнуто",
        "kk": "қол жеткізілді",
        "en": "already reached",
    },
    "dist_arrival_arrives": {
        "ru": "в {year} году",
        "kk": "{year} жылы",
        "en": "in {year}",
    },
    "dist_arrival_beyond_horizon": {
        "ru": "после 2100 года",
        "kk": "2100 жылдан кейін",
        "en": "after 2100",
    },
    "dist_arrival_flat": {
        "ru": "не достигается: показатель не меняется",
        "kk": "қол жеткізілмейді: көрсеткіш өзгермейді",
        "en": "not reached: no movement",
    },
    "dist_arrival_moving_away": {
        "ru": "удаляется от цели",
        "kk": "мақсаттан алыстап барады",
        "en": "moving away",
    },
    # --- where the end value comes from ------------------------------------------------------
    "dist_basis_target": {
        "ru": "Числовой ориентир задачи ЦУР (срок - {year} год).",
        "kk": "ТДМ міндетінің сандық бағдары (мерзімі - {year} жыл).",
        "en": "The SDG target's number (due in {year}).",
    },
    "dist_basis_target_relative": {
        "ru": "Задача ЦУР задана относительно базового года: {factor} от значения региона в базовом году (2015 или первый год с данными), срок - {year} год.",
        "kk": "ТДМ міндеті базалық жылға қатысты берілген: өңірдің базалық жылдағы (2015 немесе деректері бар алғашқы жыл) мәнінің {factor} бөлігі, мерзімі - {year} жыл.",
        "en": "The SDG target is relative to the base year: {factor} times the region's value in its base year (2015 or its first year with data), due in {year}.",
    },
    "dist_basis_index": {
        "ru": "Верхняя граница регионального индекса ЦУР (методика SDSN), с обоснованием в таблице индекса.",
        "kk": "ТДМ өңірлік индексінің жоғарғы шегі (SDSN әдістемесі), негіздемесі индекс кестесінде.",
        "en": "The upper bound of the regional SDG index (SDSN method), with its basis in the index table.",
    },
    "dist_basis_curated": {
        "ru": "Значение из перечня целевых значений с указанием документа-источника.",
        "kk": "Дереккөз құжаты көрсетілген нысаналы мәндер тізбесіндегі мән.",
        "en": "A value from the curated end-value table, with the document it rests on.",
    },
    "dist_basis_best3": {
        "ru": "Числового ориентира нет, поэтому по правилу SDSN взято среднее трёх лучших регионов за {year} год: {regions}.",
        "kk": "Сандық бағдар жоқ, сондықтан SDSN ережесі бойынша {year} жылғы үш үздік өңірдің орташасы алынды: {regions}.",
        "en": "No numeric target, so by the SDSN rule the average of the three best regions in {year}: {regions}.",
    },
    # --- why a figure is missing -------------------------------------------------------------
    "dist_reason_no_data": {
        "ru": "нет данных по региону",
        "kk": "өңір бойынша деректер жоқ",
        "en": "no data for the region",
    },
    "dist_reason_no_data_since_base": {
        "ru": "нет данных с 2015 года",
        "kk": "2015 жылдан бері деректер жоқ",
        "en": "no data since 2015",
    },
    "dist_reason_too_few_points": {
        "ru": "меньше двух значений с 2015 года: темп не определить",
        "kk": "2015 жылдан бері екі мәннен аз: қарқынды анықтау мүмкін емес",
        "en": "fewer than two values since 2015: no pace",
    },
    "dist_reason_no_end_value": {
        "ru": "нет обоснованного целевого значения",
        "kk": "негізделген нысаналы мән жоқ",
        "en": "no justified end value",
    },
    "dist_reason_deadline_passed": {
        "ru": "срок ориентира уже прошёл",
        "kk": "бағдар мерзімі өтіп кетті",
        "en": "the target's deadline has passed",
    },
    "dist_reason_sign_change": {
        "ru": "значение сменило знак: темп роста не определён",
        "kk": "мән таңбасын өзгертті: өсу қарқыны анықталмайды",
        "en": "the value changed sign: no growth rate",
    },
    "dist_reason_zero_base": {
        "ru": "начальное значение равно нулю: темп роста не определён",
        "kk": "бастапқы мән нөлге тең: өсу қарқыны анықталмайды",
        "en": "the first value is zero: no growth rate",
    },
    "dist_reason_zero_end": {
        "ru": "темп роста не может довести значение до нуля или сменить его знак",
        "kk": "өсу қарқыны мәнді нөлге жеткізе алмайды немесе оның таңбасын өзгерте алмайды",
        "en": "a growth rate cannot bring the value to zero or across it",
    },
    "dist_reason_no_direction": {
        "ru": "нет обоснованного целевого значения: у показателя нет направления «лучше» или «хуже»",
        "kk": "негізделген нысаналы мән жоқ: көрсеткіштің «жақсы» не «нашар» бағыты жоқ",
        "en": "no justified end value: the indicator has no better or worse direction",
    },
    "dist_reason_size_dependent": {
        "ru": "нет обоснованного целевого значения: это абсолютная величина, зависящая от размера региона",
        "kk": "негізделген нысаналы мән жоқ: бұл өңірдің көлеміне байланысты абсолюттік шама",
        "en": "no justified end value: an absolute amount that grows with the region's size",
    },
    "dist_reason_money_amount": {
        "ru": "нет обоснованного целевого значения: денежная сумма в текущих ценах не имеет постоянного уровня к 2030 году",
        "kk": "негізделген нысаналы мән жоқ: ағымдағы бағадағы ақша сомасының 2030 жылға тұрақты деңгейі жоқ",
        "en": "no justified end value: a money amount in current prices has no fixed 2030 level",
    },
    "dist_reason_growth_rate": {
        "ru": "нет обоснованного целевого значения: это темп роста или индекс к базовому году, а не уровень",
        "kk": "негізделген нысаналы мән жоқ: бұл деңгей емес, өсу қарқыны немесе базалық жылға индекс",
        "en": "no justified end value: a growth rate or index to a base year, not a level",
    },
    "dist_reason_curated_none": {
        "ru": "нет обоснованного целевого значения (обоснование в таблице целевых значений).",
        "kk": "негізделген нысаналы мән жоқ (негіздемесі нысаналы мәндер кестесінде).",
        "en": "no justified end value (the reason is in the end-value table).",
    },
    "dist_reason_too_few_regions": {
        "ru": "нет обоснованного целевого значения: меньше трёх регионов с данными",
        "kk": "негізделген нысаналы мән жоқ: деректері бар өңірлер үшеуден аз",
        "en": "no justified end value: fewer than three regions with data",
    },
    "dist_reason_impossible_values": {
        "ru": "нет обоснованного целевого значения: в источнике есть доли больше 100 % или меньше 0",
        "kk": "негізделген нысаналы мән жоқ: дереккөзде 100 %-дан асатын немесе 0-ден кіші үлестер бар",
        "en": "no justified end value: the source has shares above 100 % or below 0",
    },
    "dist_reason_pre_split_extent": {
        "ru": "значения относятся к области в границах до разделения 2022 года",
        "kk": "мәндер облыстың 2022 жылғы бөлінуге дейінгі шекарасына қатысты",
        "en": "the values describe the region before its 2022 split",
    },
    "dist_reason_no_base_value": {
        "ru": "нет значения в базовом году, от которого отсчитывается задача",
        "kk": "міндет есептелетін базалық жылдың мәні жоқ",
        "en": "no base-year value for the target to start from",
    },
    "dist_reason_no_spread": {
        "ru": "все регионы у целевого значения: шкала не построена",
        "kk": "барлық өңір нысаналы мәнде: шкала құрылмайды",
        "en": "every region sits at the end value: no scale",
    },
    # --- series notes (layout changes) -------------------------------------------------------
    "dist_note_back_calculated": {
        "ru": "Значения до 2022 года пересчитаны источником в нынешних границах региона.",
        "kk": "2022 жылға дейінгі мәндерді дереккөз өңірдің қазіргі шекарасында қайта есептеген.",
        "en": "Values before 2022 were back-calculated by the source for the region's present borders.",
    },
    "dist_note_split_excluded": {
        "ru": "Значения до разделения 2022 года относятся к прежней, большей области и в темп не входят.",
        "kk": "2022 жылғы бөлінуге дейінгі мәндер бұрынғы, үлкенірек облысқа қатысты және қарқынға кірмейді.",
        "en": "Values before the 2022 split describe the larger former region and are left out of the pace.",
    },
    # --- change view -------------------------------------------------------------------------
    "dist_change_heading": {
        "ru": "Изменение с {y0} по {y1} год",
        "kk": "{y0}-{y1} жылдардағы өзгеріс",
        "en": "Change from {y0} to {y1}",
    },
    "dist_change_abs": {"ru": "Изменение", "kk": "Өзгеріс", "en": "Change"},
    "dist_change_pct": {"ru": "Изменение, %", "kk": "Өзгеріс, %", "en": "Change, %"},
    "dist_change_improved": {"ru": "улучшение", "kk": "жақсарды", "en": "improved"},
    "dist_change_worsened": {"ru": "ухудшение", "kk": "нашарлады", "en": "worsened"},
    "dist_change_unchanged": {"ru": "без изменений", "kk": "өзгеріссіз", "en": "unchanged"},
    "dist_change_no_direction": {
        "ru": "без оценки (нет направления)",
        "kk": "бағаланбайды (бағыты жоқ)",
        "en": "not rated (no direction)",
    },
    "dist_fastest_up": {
        "ru": "Быстрее всех улучшаются",
        "kk": "Ең жылдам жақсарып жатқандар",
        "en": "Fastest improvers",
    },
    "dist_fastest_down": {
        "ru": "Быстрее всех ухудшаются",
        "kk": "Ең жылдам нашарлап жатқандар",
        "en": "Fastest decliners",
    },
    "dist_left_out": {
        "ru": "Не сравниваются",
        "kk": "Салыстырылмайды",
        "en": "Not compared",
    },
    "dist_left_boundary_changed": {
        "ru": "границы области изменились между этими годами (разделение 2022 года)",
        "kk": "облыс шекарасы осы жылдар арасында өзгерді (2022 жылғы бөліну)",
        "en": "the region's borders changed between these years (the 2022 split)",
    },
    "dist_left_no_value_a": {
        "ru": "нет значения в первом году",
        "kk": "бірінші жылы мән жоқ",
        "en": "no value in the first year",
    },
    "dist_left_no_value_b": {
        "ru": "нет значения во втором году",
        "kk": "екінші жылы мән жоқ",
        "en": "no value in the second year",
    },
    "dist_left_not_in_layout": {
        "ru": "такой единицы нет на карте второго года",
        "kk": "екінші жылдың картасында мұндай бірлік жоқ",
        "en": "no such unit on the second year's map",
    },
    "dist_left_not_region_level": {
        "ru": "не область и не город республиканского значения",
        "kk": "облыс та, республикалық маңызы бар қала да емес",
        "en": "not a region or city of republican significance",
    },
    # --- peers and ranks ---------------------------------------------------------------------
    "dist_peers_heading": {
        "ru": "Похожие регионы",
        "kk": "Ұқсас өңірлер",
        "en": "Peer regions",
    },
    "dist_peers_basis": {
        "ru": "Похожесть определена по профилю ЦУР: по {n} показателям, общим для обоих регионов, сравнивается место каждого региона среди всех регионов (процентильный ранг); чем меньше средняя разница, тем регионы ближе. Данных о численности населения, площади или ВРП на душу по регионам в источнике нет.",
        "kk": "Ұқсастық ТДМ бейіні бойынша анықталды: екі өңірге ортақ {n} көрсеткіш бойынша әр өңірдің барлық өңірлер арасындағы орны (процентильдік ранг) салыстырылады; орташа айырма неғұрлым аз болса, өңірлер соғұрлым жақын. Дереккөзде өңірлер бойынша халық саны, аумақ немесе жан басына шаққандағы ЖӨӨ туралы деректер жоқ.",
        "en": "Similarity is read from the SDG profile: on the {n} indicators both regions have, each region's place among all regions (percentile rank) is compared; the smaller the mean difference, the closer the regions. The source has no population, area or GRP per person by region.",
    },
    "dist_peer_mean": {
        "ru": "Среднее похожих регионов",
        "kk": "Ұқсас өңірлердің орташасы",
        "en": "Peer average",
    },
    "dist_peer_range": {
        "ru": "Диапазон похожих регионов",
        "kk": "Ұқсас өңірлердің ауқымы",
        "en": "Peer range",
    },
    "dist_rank_among_peers": {
        "ru": "Место среди похожих регионов",
        "kk": "Ұқсас өңірлер арасындағы орны",
        "en": "Rank among peers",
    },
    "dist_rank_range": {
        "ru": "{label} из {n}",
        "kk": "{n} ішінен {label}",
        "en": "{label} of {n}",
    },
    "dist_rank_note": {
        "ru": "Регионы, чьи значения различаются меньше обычного годового колебания показателя ({noise}), не различаются по месту: вместо одного места показан диапазон мест.",
        "kk": "Мәндері көрсеткіштің әдеттегі жылдық ауытқуынан ({noise}) аз ерекшеленетін өңірлер орны бойынша ажыратылмайды: бір орынның орнына орындар ауқымы көрсетіледі.",
        "en": "Regions whose values differ by less than the indicator's typical yearly movement ({noise}) are not told apart: a range of ranks is shown instead of one rank.",
    },
    "dist_rank_noise_unknown": {
        "ru": "Колебание показателя оценить не по чему (слишком мало лет подряд): места показаны без диапазона.",
        "kk": "Көрсеткіштің ауытқуын бағалауға дерек жетпейді (қатарынан жылдар тым аз): орындар ауқымсыз көрсетілді.",
        "en": "Too few consecutive years to gauge the indicator's movement: ranks are shown without a range.",
    },
    # --- method, in a sentence each ----------------------------------------------------------
    "dist_method_score": {
        "ru": "Балл показывает, какую часть пути регион прошёл: 100 - целевое значение 2030 года, 0 - нижняя граница (2,5-й процентиль всех региональных значений с 2015 года, 97,5-й, если лучше меньшее). Расстояние до цели = 100 - балл. Балл цели - среднее баллов её показателей.",
        "kk": "Балл өңірдің жолдың қандай бөлігін жүріп өткенін көрсетеді: 100 - 2030 жылғы нысаналы мән, 0 - төменгі шек (2015 жылдан бергі барлық өңірлік мәндердің 2,5-процентилі, мәннің азы жақсы болса - 97,5-процентилі). Мақсатқа дейінгі қашықтық = 100 - балл. Мақсат балы - оның көрсеткіштері балдарының орташасы.",
        "en": "The score shows how much of the way a region has come: 100 is the 2030 end value, 0 the lower bound (the 2.5th percentile of all regional values since 2015, the 97.5th when lower is better). Distance = 100 - score. A goal's score is the mean of its indicators' scores.",
    },
    "dist_method_pace": {
        "ru": "Наблюдаемый темп - наклон линейного тренда с 2015 года, в котором более поздние годы весят больше (как в оценке прогресса ЕЭК ООН и ЭСКАТО). Прогноз на 2030 год и год достижения продолжают этот темп от последнего значения; нужный темп - от последнего значения до целевого к сроку.",
        "kk": "Байқалған қарқын - 2015 жылдан бергі сызықтық трендтің көлбеуі, онда кейінгі жылдардың салмағы көбірек (БҰҰ ЕЭК пен ЭСКАТО-ның прогресті бағалауындағыдай). 2030 жылғы болжам мен қол жеткізу жылы осы қарқынды соңғы мәннен бастап жалғастырады; қажетті қарқын - соңғы мәннен мерзімге дейін нысаналы мәнге жету үшін.",
        "en": "The observed pace is the slope of a linear trend since 2015 in which later years weigh more (as in the UNECE and ESCAP progress assessments). The 2030 projection and the arrival year carry that pace on from the latest value; the pace needed runs from the latest value to the end value by its deadline.",
    },
    "dist_method_change": {
        "ru": "Сравниваются только регионы в одних и тех же границах в оба года; Алматинская, Восточно-Казахстанская и Карагандинская области не сравниваются через разделение 2022 года, если значения не пересчитаны источником.",
        "kk": "Екі жылда да шекарасы бірдей өңірлер ғана салыстырылады; Алматы, Шығыс Қазақстан және Қарағанды облыстары, мәндерін дереккөз қайта есептемесе, 2022 жылғы бөліну арқылы салыстырылмайды.",
        "en": "Only regions within the same borders in both years are compared; Almaty, East Kazakhstan and Karaganda regions are not compared across the 2022 split unless the source back-calculated their values.",
    },
}
