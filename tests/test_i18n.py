import ast
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

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


# --------------------------------------------------------------------------------------------
# Every key is used, and every key the code asks for exists (in both languages).

SOURCE_DIRS = ("sistercities", "ui", "pages")
# Keys built from a template whose literal head does not say which keys it reaches, or built
# outside a t() call: template (as written in the source) -> the key prefixes it reaches.
INDIRECT_TEMPLATES = {
    "{colour_by}.{value}": ("continent.", "level."),  # figures/world_map.py, ColourBy
    "{split_by}.{group}": ("continent.", "level."),  # figures/overview.py, timeline.SplitBy
    "{prefix}.{value}": ("roster.role.",),  # alliance/roster.py _coded("roster.role", ...)
    "net.{name}": ("net.layout", "net.colour"),  # ui/views/network.py page_choice
    "net.{name}.{v}": ("net.layout.", "net.colour."),
    "alliance.title.{figure}": ("alliance.title.",),  # ui/views/alliance.py figure_title
    "imp.no_column.{name}": ("imp.no_column.",),  # importer/rows.py, a problem code
}


def _source_trees():
    root = Path(__file__).resolve().parent.parent
    files = [root / "dashboard.py"]
    for folder in SOURCE_DIRS:
        files += sorted((root / folder).rglob("*.py"))
    for path in files:
        if "i18n" not in path.relative_to(root).parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _template(node: ast.JoinedStr) -> str:
    """An f-string as written, each field as ``{expression}``."""
    return "".join(
        part.value if isinstance(part, ast.Constant) else "{" + ast.unparse(part.value) + "}"
        for part in node.values
    )


@dataclass
class KeyUses:
    literals: set[str] = field(default_factory=set)  # every string constant in the source
    asked: dict[str, str] = field(default_factory=dict)  # literal key of a t() call -> file
    templates: dict[str, str] = field(default_factory=dict)  # f-string key of a t() call
    all_fstrings: set[str] = field(default_factory=set)


def _collect(uses: KeyUses, name: str, tree: ast.AST) -> None:
    """Add the keys, templates and strings of one module to ``uses``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            uses.literals.add(node.value)
        elif isinstance(node, ast.JoinedStr):
            uses.all_fstrings.add(_template(node))
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("t", "problem")
        ):
            continue
        # t(key, lang, ...) and problem(file, code, ...): the key is a literal or an f-string
        position = 0 if node.func.id == "t" else 1
        if len(node.args) <= position:
            continue
        key = node.args[position]
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            uses.asked[key.value] = name
        elif isinstance(key, ast.JoinedStr):
            uses.templates[_template(key)] = name


@cache
def _key_uses() -> KeyUses:
    uses = KeyUses()
    for path, tree in _source_trees():
        _collect(uses, path.name, tree)
    return uses


def _prefixes(uses: KeyUses) -> set[str]:
    """Key prefixes reached through templates: the literal head, or the listed expansion."""
    found = set()
    for template in uses.templates:
        if template in INDIRECT_TEMPLATES:
            continue
        head = template.split("{", 1)[0]
        assert head.endswith((".", "_")), f"t(f{template!r}): list it in INDIRECT_TEMPLATES"
        found.add(head)
    for prefixes in INDIRECT_TEMPLATES.values():
        found.update(prefixes)
    return found


def test_table_entries_are_chinese_english_pairs():
    for key, value in translation_table().items():
        assert isinstance(value, tuple) and len(value) == 2, key
        assert all(isinstance(text, str) and text.strip() for text in value), key


def test_indirect_templates_are_still_in_the_source():
    stale = set(INDIRECT_TEMPLATES) - _key_uses().all_fstrings
    assert not stale, f"no longer in the source, drop from INDIRECT_TEMPLATES: {sorted(stale)}"


def test_every_key_the_code_asks_for_exists():
    uses = _key_uses()
    assert len(uses.asked) > 200 and len(uses.templates) > 20  # the scan found the calls
    missing = {key: where for key, where in uses.asked.items() if not has_key(key)}
    assert not missing, f"keys used but not in the translation table: {missing}"
    prefixes = _prefixes(uses)
    table = translation_table()
    unreached = sorted(p for p in prefixes if not any(key.startswith(p) for key in table))
    assert not unreached, f"templates that reach no key of the table: {unreached}"


def test_every_key_is_used():
    uses = _key_uses()
    prefixes = _prefixes(uses)
    unused = sorted(
        key
        for key in translation_table()
        if key not in uses.literals and not key.startswith(tuple(prefixes))
    )
    assert not unused, f"translation keys no code uses: {unused}"


def test_usage_scan_finds_literals_templates_and_problem_codes():
    uses = KeyUses()
    source = """
t("no.such.key", lang)
t(f"map.proj.{value}", lang)
problem(label, "val.no_such_code", row)
LABEL = "page.map"
"""
    _collect(uses, "example.py", ast.parse(source))
    assert uses.asked == {"no.such.key": "example.py", "val.no_such_code": "example.py"}
    assert not has_key("no.such.key") and not has_key("val.no_such_code")  # reported missing
    assert "map.proj." in _prefixes(uses)
    assert "page.map" in uses.literals


# --------------------------------------------------------------------------------------------
# English counts take the singular for one (issue #19 §5b: "1 pairs").

COUNTED = (
    "pair|college|tie|countr(?:y|ie)|row|warning|error|place|sheet|file|node|connection"
    "|communit(?:y|ie)|character"
)


NOT_COUNTS = {"share", "part", "name", "limit_mb"}  # a share, a name, a size: no count


def _filled(text: str, value: object) -> str:
    import string

    fields = {f.split(".")[0] for _, f, _, _ in string.Formatter().parse(text) if f}
    return t_text(text, **{f: "X" if f in NOT_COUNTS else value for f in fields})


def t_text(text: str, **params: object) -> str:
    from sistercities.i18n import _FORMATTER

    return _FORMATTER.format(text, **params)


def test_english_counts_agree_with_their_number():
    import re

    one = re.compile(rf"(?<![\d,.])1 (?:[\w-]+ ){{0,2}}?(?:{COUNTED})s\b")
    singular = COUNTED.replace("(?:y|ie)", "y")
    many = re.compile(rf"(?<![\d,.])2 (?:[\w-]+ ){{0,2}}?(?:{singular})\b(?! (?:tie|pair))")
    wrong = []
    for key, (_zh, en) in translation_table().items():
        if one.search(_filled(en, 1)) or many.search(_filled(en, 2)):
            wrong.append((key, _filled(en, 1)))
    assert not wrong, wrong


def test_counted_words_pick_singular_and_plural():
    assert t("map.drawn", "en", count=1) == "The map draws 1 pair."
    assert t("map.drawn", "en", count="1,200") == "The map draws 1,200 pairs."
    assert t("net.top.line", "en", rank=1, name="Japan", pairs=1) == "1. Japan · 1 pair"
    assert "1 more pair is not drawn" in t("map.not_drawn", "en", count=1)
    assert t("map.drawn", "zh", count=1) == "地图绘出 1 对友城。"


def test_every_text_formats_the_same_on_the_fast_path():
    """``t`` uses str.format unless a counted word may be asked for: same text either way."""
    import re

    from sistercities.i18n import _FORMATTER

    for key, texts in translation_table().items():
        for lang, text in zip(("zh", "en"), texts, strict=True):
            fields = set(re.findall(r"\{(\w+)", text))
            for value in (1, 2, "1,200", "<b>"):
                params = dict.fromkeys(fields, value) or {"unused": value}
                assert t(key, lang, **params) == _FORMATTER.format(text, **params), key
