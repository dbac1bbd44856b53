"""Small, hand-written Parquet tables in the built schema, for query and view tests.

These rows are test fixtures, not data: the values are made up and never shipped.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from sdgdash.data.catalog import DISAGGREGATIONS

OBS_CSV = """indicator_id,goal,target,year,ref_area,series,unit,sex,urbanisation,value,source_file,source_row,conflict_of,placeholder
1.2.1,1,1.2,2021,,,PT,,,5.2,data/indicator_1-2-1.csv,2,,
1.2.1,1,1.2,2021,KZAKM,,PT,,,6.0,data/indicator_1-2-1.csv,3,,
1.2.1,1,1.2,2021,KZALM,,PT,,,4.0,data/indicator_1-2-1.csv,4,,
1.2.1,1,1.2,2021,KZALM,,PT,F,,4.5,data/indicator_1-2-1.csv,5,,
1.2.1,1,1.2,2022,,,PT,,,5.1,data/indicator_1-2-1.csv,6,,
1.2.1,1,1.2,2022,KZAKM,,PT,,,5.0,data/indicator_1-2-1.csv,7,,
1.2.1,1,1.2,2022,KZALM,,PT,,,3.0,data/indicator_1-2-1.csv,8,,
1.2.1,1,1.2,2022,KZZHS,,PT,,,7.0,data/indicator_1-2-1.csv,9,,
1.2.1,1,1.2,2022,KZKRG,,PT,,,2.0,data/indicator_1-2-1.csv,10,,
1.2.1,1,1.2,2022,KZALM,,PT,,,3.3,data/indicator_1-2-1.csv,11,8,
7.1.1,7,7.1,2022,,,PT,,U,99.9,data/indicator_7-1-1.csv,2,,
"""


def observations(extra_rows: str = "") -> pd.DataFrame:
    """Observation rows in the built column order and types (``extra_rows``: more OBS_CSV lines)."""
    df = pd.read_csv(io.StringIO(OBS_CSV + extra_rows), dtype=str, keep_default_na=False)
    for col in DISAGGREGATIONS:
        if col not in df:
            df[col] = ""
    df = df[
        [
            "indicator_id",
            "goal",
            "target",
            "year",
            "ref_area",
            "series",
            "unit",
            *DISAGGREGATIONS,
            "value",
            "source_file",
            "source_row",
            "conflict_of",
            "placeholder",
        ]
    ]
    df["conflict_of"] = pd.to_numeric(df["conflict_of"].replace("", None)).astype("Int32")
    df["placeholder"] = df["placeholder"].replace("", None)
    return df.astype({"goal": "int8", "year": "int16", "value": "float64", "source_row": "int32"})


def write(data_dir: Path, extra_rows: str = "") -> Path:
    """Write the five tables as Parquet into ``data_dir`` and return it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    observations(extra_rows).to_parquet(data_dir / "observations.parquet", index=False)
    pd.DataFrame(
        {
            "indicator_id": ["1.2.1", "7.1.1", "3.1.1"],
            "goal": pd.array([1, 7, 3], dtype="int8"),
            "target": ["1.2", "7.1", "3.1"],
            "sort_key": [1002001, 7001001, 3001001],
            "name_national_ru": ["Доля бедных", "Доступ к электричеству", ""],
            "name_national_kk": ["Кедейлер үлесі", "", ""],
            "name_national_en": ["Poverty share", "Access to electricity", ""],
            "name_global_ru": ["", "", "Материнская смертность"],
            "name_global_kk": ["", "", ""],
            "name_global_en": ["", "", "Maternal mortality"],
            "reporting_status": ["complete", "complete", "notstarted"],
            "has_data": [True, True, False],
            "has_regional_data": [True, False, False],
            "n_obs": [9, 1, 0],
            "first_year": pd.array([2021, 2022, None], dtype="Int16"),
            "last_year": pd.array([2022, 2022, None], dtype="Int16"),
        }
    ).to_parquet(data_dir / "indicators.parquet", index=False)
    pd.DataFrame(
        {
            "goal": pd.array(range(1, 18), dtype="int8"),
            **{
                f"short_{lang}": [f"G{g} {lang}" for g in range(1, 18)]
                for lang in ("kk", "ru", "en")
            },
            **{
                f"title_{lang}": [f"Goal {g} {lang}" for g in range(1, 18)]
                for lang in ("kk", "ru", "en")
            },
            "colour": ["#E5243B"] * 17,
        }
    ).to_parquet(data_dir / "goals.parquet", index=False)
    pd.DataFrame(
        {
            "dimension": ["unit", "sex", "urbanisation"],
            "code": ["PT", "F", "U"],
            "label_kk": ["%", "әйелдер", "қала"],
            "label_ru": ["%", "женщины", "город"],
            "label_en": ["%", "female", "urban"],
        }
    ).to_parquet(data_dir / "codes.parquet", index=False)
    pd.DataFrame(
        {
            "ref_area": ["KZAKM", "KZALM", "KZZHS", "KZKRG"],
            "name_kk": ["Ақмола", "Алматы облысы", "Жетісу", "Қарағанды қ."],
            "name_ru": ["Акмолинская", "Алматинская", "Жетісу", "г.Караганда"],
            "name_en": ["Akmola", "Almaty", "Jetisu", "city Karagandy"],
            "kind": ["region", "region", "region", "city"],
            "parent": ["", "", "", "KZKAR"],
        }
    ).to_parquet(data_dir / "regions.parquet", index=False)
    return data_dir
