"""AppTest of the alliance page: shipped public data, the demo roster, good and bad uploads."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from sistercities.alliance import roster
from sistercities.paths import DEFAULT_DATA_DIR
from tests.fixtures_data import app_path, write_folder

HEADER = ",".join(roster.ROSTER_COLUMNS) + "\n"
GOOD = HEADER + (
    "u-g1,guangxi,甲职业学院,Upload College G1,cn-450300,hotel,2023,member,https://example.org/r,,high,college,\n"
    "u-f1,foreign,,Upload College F1,jpn-kumamoto,hotel,2023,member,,Alliance roster 2024,medium,college,\n"
)
BAD = HEADER + (
    "u-g1,guangxi,甲职业学院,Upload College G1,cn-459999,hotel,2023,member,https://example.org/r,,high,college,\n"
    "u-f1,overseas,,Upload College F1,jpn-kumamoto,hotel,2023,member,,,medium,college,\n"
)


def open_page(at: AppTest) -> AppTest:
    at.run()
    at.switch_page("pages/3_alliance.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def tiny_app(tmp_path, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(write_folder(tmp_path / "d")))
    return open_page(AppTest.from_file(app_path("dashboard.py"), default_timeout=60))


def metrics(at):
    return {m.label: (m.value, m.delta) for m in at.metric}


def texts(at):
    parts = [m.value for m in at.markdown] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [e.value for e in at.error]
    return "\n".join(parts)


def tables_with(at, column):
    """Tables shown with a given column header, in page order (read-only tables carry no key)."""
    return [d.value for d in at.dataframe if column in d.value.columns]


def members_text(at):
    """The members table (the first roster-shaped table; an upload preview comes after it)."""
    frames = tables_with(at, "名称") or tables_with(at, "Name")
    return frames[0].to_string()


def test_shipped_public_data(monkeypatch):
    monkeypatch.delenv("SISTERCITIES_DATA_DIR", raising=False)
    if not (DEFAULT_DATA_DIR / "places.csv").exists():
        pytest.fail("the shipped data/places.csv is missing")
    at = open_page(AppTest.from_file(app_path("dashboard.py"), default_timeout=90))
    values = metrics(at)
    assert values["广西职业院校"] == ("22", "公开点名 2 所")
    assert values["外方院校"] == ("37", "公开点名 1 所")
    assert values["国家"] == ("10", "公开点名 7 个")
    body = texts(at)
    assert "22 所广西院校中的 2 所" in body and "37 所外方院校中的 1 所" in body
    assert "带有院校联系的友城" in body  # the definition
    assert "2022-11-30" in at.caption[0].value or any("2022-11-30" in c.value for c in at.caption)
    assert "timesnewswire.com" in body  # sources
    assert not at.warning  # no demo banner
    members = members_text(at)
    assert "广西建设职业技术学院" in members and "虚构" not in members
    assert any(h.value == "联盟国家中的广西友城" for h in at.header)
    assert re.search(r"\d+ 对友城，分布在 \d+ 个联盟国家", body)  # context, never "members"
    # no named member sits in these countries, so none of their pairs can carry a tie
    assert "- 俄罗斯：数据中有" in body and "- 泰国：数据中有" in body
    assert len(at.get("plotly_chart")) == 2


def test_shipped_public_data_in_english(monkeypatch):
    monkeypatch.delenv("SISTERCITIES_DATA_DIR", raising=False)
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=90)
    at.query_params["lang"] = "en"
    at = open_page(at)
    body = texts(at)
    assert "Public reports name only 2 of the 22 Guangxi colleges and 1 of the 37" in body
    assert any(h.value == "Sister cities in alliance countries" for h in at.header)
    assert (
        "member"
        not in next(c.value for c in at.caption if "context only" in c.value).split(
            "not alliance members"
        )[0]
    )


def test_demo_roster_toggle_shows_banner_and_only_fictional_members(tiny_app):
    at = tiny_app
    assert not at.toggle(key="w.alliance.demo").value  # off by default
    assert "甲学院" in members_text(at)
    at.toggle(key="w.alliance.demo").set_value(True).run()
    assert not at.exception
    assert at.warning and "演示模式" in at.warning[0].value
    members = members_text(at)
    assert "甲学院" not in members and "College B" not in members  # never mixed with real ones
    assert members.count("虚构示例学院") == 59
    assert "条院校联系" in texts(at)
    at.toggle(key="w.alliance.demo").set_value(False).run()
    assert not at.warning and "甲学院" in members_text(at)


def test_good_upload_is_previewed_then_used_in_the_session(tiny_app):
    at = tiny_app
    at.file_uploader(key="w.alliance.upload").set_value(("good.csv", GOOD.encode(), "text/csv"))
    at.run()
    assert not at.exception
    assert any("校验通过：2 行" in s.value for s in at.success)
    preview = tables_with(at, "名称")[-1].to_string()
    assert "甲职业学院" in preview and "熊本市" in preview
    use = at.button(key="w.alliance.use")
    assert not use.disabled
    use.click().run()
    assert not at.exception
    assert any("good.csv" in i.value for i in at.info)  # the uploaded-roster notice
    members = members_text(at)
    assert "甲职业学院" in members and "甲学院" not in members
    assert "1 条院校联系" in texts(at)  # Guilin-Kumamoto carries the uploaded hotel tie
    by_field = tables_with(at, "专业领域")[0].to_string()
    assert "酒店管理" in by_field
    at.button(key="w.alliance.stop").click().run()
    assert "甲学院" in members_text(at)


def test_bad_upload_shows_row_level_messages_and_cannot_be_used(tiny_app):
    at = tiny_app
    at.file_uploader(key="w.alliance.upload").set_value(("bad.csv", BAD.encode(), "text/csv"))
    at.run()
    assert not at.exception
    assert at.error and "错误" in at.error[0].value
    report = tables_with(at, "问题")[0]
    rows = set(zip(report["行"], report["列"], strict=True))
    assert (2, "place_id") in rows and (3, "side") in rows and (3, "source_url") in rows
    assert at.button(key="w.alliance.use").disabled
    assert "甲学院" in members_text(at)  # the shipped members stay


def test_upload_handler_as_a_plain_function(tmp_path):
    from sistercities.dataset import load_dataset
    from ui.views.alliance import check_upload

    data = load_dataset(write_folder(tmp_path / "d")).dataset
    assert check_upload(data, GOOD.encode(), "good.csv").usable
    bad = check_upload(data, BAD.encode(), "bad.csv")
    assert not bad.usable and {p.row for p in bad.problems} == {2, 3}


def test_shared_field_filter_changes_ties_and_coverage(tiny_app):
    at = tiny_app
    assert "1 条院校联系" in texts(at)
    at.multiselect(key="w.f.fields").set_value(["hotel"]).run()
    assert metrics(at)["带有院校联系的友城"][0] == "0 / 0 对"
    assert "还没有院校联系" in texts(at)
    at.multiselect(key="w.f.fields").set_value(["it"]).run()
    assert metrics(at)["带有院校联系的友城"][0] == "1 / 1 对"
    assert at.query_params["field"] in ("it", ["it"])


def test_context_and_coverage_tables_follow_the_year_filter(monkeypatch):
    """The per-filter cuts of tables built once per data version match the filter's pairs."""
    from sistercities.alliance.ties import pairs_in_alliance_countries, roster_alliance_countries
    from sistercities.filters import LinkFilter, apply_filter
    from sistercities.i18n import t
    from sistercities.store import transactions as store

    monkeypatch.delenv("SISTERCITIES_DATA_DIR", raising=False)
    data = store.load_consistent(DEFAULT_DATA_DIR).dataset
    countries = roster_alliance_countries(data, data.alliance.members)
    at = open_page(AppTest.from_file(app_path("dashboard.py"), default_timeout=90))
    low, high = at.slider(key="w.f.years").min, at.slider(key="w.f.years").max
    seen = set()
    for start in (low, 2000, 2012, low):
        at.slider(key="w.f.years").set_value((start, high)).run()  # a fresh handle each run
        assert not at.exception
        kept = apply_filter(data.links, LinkFilter(year_from=None if start == low else start))
        pairs = pairs_in_alliance_countries(kept, countries)
        (context,) = [d.value for d in at.dataframe if t("alliance.h.partner", "zh") in d.value]
        assert len(context) == len(pairs)
        assert sorted(context[t("alliance.h.established", "zh")]) == sorted(
            v or t("date.unknown", "zh") for v in pairs["established"]
        )
        line = f"{len(pairs)} 对友城，分布在 {pairs['country_iso3'].nunique()} 个联盟国家"
        assert line in texts(at)
        (by_country,) = tables_with(at, t("alliance.h.share", "zh"))
        assert by_country[t("alliance.h.pairs", "zh")].sum() == len(kept)
        seen.add(len(pairs))
    assert len(seen) >= 2  # the filter changed what the tables hold
