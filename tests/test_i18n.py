import pytest

from sistercities.i18n import has_key, normalise_lang, pick, t, translation_table


def test_every_entry_has_both_languages():
    for key, (zh, en) in translation_table().items():
        assert zh.strip() and en.strip(), key


def test_chinese_entries_are_chinese():
    # Every Chinese text holds at least one CJK character (or is a deliberate code-like label).
    for key, (zh, _en) in translation_table().items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), key


def test_placeholders_match_between_languages():
    import string

    for key, (zh, en) in translation_table().items():
        fields_zh = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields_zh == fields_en, key


def test_translate_and_fill():
    assert t("as_of", "en", date="2024-11-12") == "As of 2024-11-12"
    assert t("as_of", "zh", date="2024-11-12") == "数据截至 2024-11-12"


def test_unknown_key_raises():
    with pytest.raises(KeyError):
        t("no.such.key", "en")
    assert not has_key("no.such.key")


@pytest.mark.parametrize(("raw", "lang"), [("en", "en"), ("zh", "zh"), ("fr", "zh"), (None, "zh")])
def test_normalise_lang(raw, lang):
    assert normalise_lang(raw) == lang


def test_pick_falls_back():
    assert pick("桂林", "Guilin", "en") == "Guilin"
    assert pick("", "Guilin", "zh") == "Guilin"
