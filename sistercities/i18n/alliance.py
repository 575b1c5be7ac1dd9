"""Texts of the alliance page: founding facts, college ties, coverage and roster import."""

TEXTS: dict[str, tuple[str, str]] = {
    # Founding facts
    "alliance.founded": (
        "{date} 成立于{place}（{format}）",
        "Founded on {date} in {place} ({format})",
    ),
    "alliance.founded_plain": ("{date} 成立于{place}", "Founded on {date} in {place}"),
    "alliance.guiding": ("指导单位", "Guided by"),
    "alliance.initiators": ("发起单位", "Initiated by"),
    "alliance.fields_all": ("联盟涵盖的专业领域（{count} 个）", "The alliance's fields ({count})"),
    "alliance.sources": ("来源", "Sources"),
    "alliance.at_founding": ("成立时（{date}）", "At founding ({date})"),
    "alliance.m.guangxi_colleges": ("广西职业院校", "Guangxi vocational colleges"),
    "alliance.m.guangxi_cities": ("所在广西城市", "Guangxi cities"),
    "alliance.m.foreign_colleges": ("外方院校", "Foreign colleges"),
    "alliance.m.foreign_cities": ("外方友城", "Foreign sister cities"),
    "alliance.m.countries": ("国家", "Countries"),
    "alliance.m.named": ("公开点名 {count} 所", "{count} named publicly"),
    "alliance.m.countries_named": ("公开点名 {count} 个", "{count} named publicly"),
    "alliance.named_statement": (
        "公开报道只点名了 {guangxi_total} 所广西院校中的 {guangxi_named} 所、"
        "{foreign_total} 所外方院校中的 {foreign_named} 所；完整名单由联盟掌握，尚未公开。",
        "Public reports name only {guangxi_named} of the {guangxi_total} Guangxi "
        "{guangxi_total:college|colleges} and "
        "{foreign_named} of the {foreign_total} foreign {foreign_total:college|colleges}; the "
        "full roster is held by "
        "the alliance and has not been published.",
    ),
    "alliance.definition": (
        "**什么是“带有院校联系的友城”：** "
        "一对友城的两地都有联盟成员院校时，这对友城即“带有院校联系”。"
        "县里的院校也计入其所属设区市和自治区的友城；外方城市的院校同样计入其所属省、州的友城。"
        "名单列出专业领域时，双方院校列有同一领域，才算该领域的联系。"
        "另行登记的院校间对口联系，直接连接这两所院校。友协等非院校发起单位不计入院校联系。",
        "**What 'carries a college tie' means:** a sister-city pair carries a college tie when "
        "alliance member colleges sit in both of its places. A college in a county also counts "
        "for its prefecture's and the region's pairs; a foreign college likewise counts for the "
        "pairs of the province or state that contains its city. Where the roster lists fields, a "
        "pair carries a tie in a field when a college on each side lists that field. A tie "
        "recorded between two colleges joins them directly. Founders that are not colleges "
        "(such as the friendship association) carry no college tie.",
    ),
    # Ties: map and network
    "alliance.ties_header": ("院校联系", "College ties"),
    "alliance.tab.map": ("地图", "Map"),
    "alliance.tab.network": ("网络图", "Network graph"),
    "alliance.ties_summary": (
        "{ties} 条院校联系，经由 {pairs} 对友城，"
        "连接 {guangxi} 所广西院校与 {foreign} 所外方院校。",
        "{ties} college {ties:tie|ties}, through {pairs} sister-city {pairs:pair|pairs}, "
        "{ties:joins|join} {guangxi} Guangxi and "
        "{foreign} foreign {foreign:college|colleges}.",
    ),
    "alliance.no_ties": (
        "在当前名单和筛选下，没有一对友城的两地都有成员院校，因此还没有院校联系。"
        "地图和网络图仍标出各院校的位置。",
        "With the current roster and filters no sister-city pair has member colleges in both of "
        "its places, so there is no college tie yet. The map and the graph still show where the "
        "colleges are.",
    ),
    "alliance.map_note": (
        "线条连接两所院校；线上菱形的颜色表示联系所属的专业领域（灰色为未注明领域）。",
        "Lines join two colleges; the colour of the diamond on each line is the tie's field "
        "(grey: field not given).",
    ),
    "alliance.network_note": (
        "左列为广西院校（按城市排列），右列为外方院校（按国家排列）；连线颜色表示专业领域。",
        "Left: Guangxi colleges (by city); right: foreign colleges (by country); the colour of a "
        "line is its field.",
    ),
    "alliance.title.map": ("职教联盟院校联系（地图）", "College ties of the alliance (map)"),
    "alliance.title.network": (
        "职教联盟院校联系（网络图）",
        "College ties of the alliance (graph)",
    ),
    "alliance.title.map.demo": (
        "虚构演示名单：院校联系（地图），并非真实成员",
        "FICTIONAL demo roster: college ties (map), not real members",
    ),
    "alliance.title.network.demo": (
        "虚构演示名单：院校联系（网络图），并非真实成员",
        "FICTIONAL demo roster: college ties (graph), not real members",
    ),
    "alliance.field_none": ("未注明领域", "field not given"),
    "alliance.legend.guangxi": ("广西院校", "Guangxi college"),
    "alliance.legend.foreign": ("外方院校", "Foreign college"),
    "alliance.legend.tie": ("院校联系", "College tie"),
    # Coverage
    "alliance.coverage_header": ("覆盖情况", "Coverage"),
    "alliance.coverage_metric": ("带有院校联系的友城", "Pairs carrying a college tie"),
    "alliance.of": ("{part} / {whole} 对", "{part} of {whole}"),
    "alliance.filter_caption": ("当前筛选：{description}", "Current filter: {description}"),
    "alliance.by_country": ("按伙伴国家", "By partner country"),
    "alliance.by_field": ("按专业领域", "By professional field"),
    "alliance.fields_unassigned": (
        "名单没有为成员注明专业领域（公开资料也没有），因此暂无按领域的统计。"
        "上传注明领域的名单，或打开演示名单，即可查看。",
        "The roster gives no member a field (nor do public sources), so there is no breakdown "
        "by field yet. Upload a roster with fields, or switch on the demo roster, to see one.",
    ),
    "alliance.h.country": ("国家", "Country"),
    "alliance.h.pairs": ("友城对数", "Pairs"),
    "alliance.h.carrying": ("带有院校联系", "Carrying a tie"),
    "alliance.h.share": ("占比", "Share"),
    "alliance.h.field": ("专业领域", "Field"),
    "alliance.h.home": ("广西一方", "Guangxi side"),
    "alliance.h.partner": ("外方", "Partner"),
    "alliance.h.level": ("级别", "Level"),
    "alliance.h.established": ("结好时间", "Established"),
    "alliance.uncovered_header": (
        "还没有友城带有院校联系的联盟国家",
        "Alliance countries with no pair carrying a tie yet",
    ),
    "alliance.uncovered_item": (
        "{country}：数据中有 {pairs} 对友城",
        "{country}: {pairs} {pairs:pair|pairs} in the data",
    ),
    "alliance.uncovered_none": (
        "每个联盟国家都至少有一对友城带有院校联系。",
        "Every alliance country has at least one pair carrying a college tie.",
    ),
    "alliance.uncovered_note": (
        "按全部友城统计，不受筛选影响。联盟国家：成立报道点名的国家，加上名单中外方院校所在的国家。",
        "Counted over all pairs in the data, whatever the filter. Alliance countries: those "
        "named in founding reports plus those of the roster's foreign colleges.",
    ),
    # Members and context
    "alliance.members_header": ("成员名单", "Members"),
    "alliance.members_shipped": (
        "公开来源点名的成员和发起单位（含一个非院校的发起单位）。",
        "Members and founders named in public sources (including one founder that is not a "
        "college).",
    ),
    "alliance.context_header": ("联盟国家中的广西友城", "Sister cities in alliance countries"),
    "alliance.context_caption": (
        "以下是广西在联盟国家的友城，仅作背景：它们不是联盟成员，也不表示这些城市有院校加入联盟。",
        "Guangxi's sister-city pairs in the alliance's countries, as context only: they are not "
        "alliance members, and do not mean that a college in these cities has joined.",
    ),
    "alliance.context_count": (
        "{pairs} 对友城，分布在 {countries} 个联盟国家",
        "{pairs} {pairs:pair|pairs} in {countries} alliance {countries:country|countries}",
    ),
    "alliance.context_none": (
        "当前筛选下，联盟国家中没有广西友城。",
        "No Guangxi pair in an alliance country under the current filters.",
    ),
    "alliance.demo_banner": (
        "演示模式：本页名单是根据数据集中的地点自动生成的虚构名单，每个名称都标有“虚构”，"
        "不是联盟的真实成员，只用于预览名单完整时页面的样子。",
        "Demo mode: the roster on this page is fictional, generated from the dataset's places, "
        "and every name says 'fictional'. These are not real alliance members; the demo only "
        "previews how the page looks with a full roster.",
    ),
    "alliance.uploaded_banner": (
        "正在使用上传的名单“{name}”（仅限本次会话，未保存）："
        "{guangxi} 所广西院校、{foreign} 所外方院校。"
        "如需保存供所有人使用，请到“数据”页面。",
        "Using the uploaded roster '{name}' (this session only, not saved): {guangxi} Guangxi "
        "and {foreign} foreign {foreign:college|colleges}. To save it for everyone, use the Data "
        "page.",
    ),
    # Roster import
    "roster.header": ("导入成员名单", "Import a member roster"),
    "roster.intro": (
        "下载模板，按列填写名单：第一行是列名，第二行是中文列名（可保留或删除），中文或英文表头均可。"
        "上传后先校验、再预览，确认后只在本次会话中使用。",
        "Download a template and fill in one member per row: row 1 holds the column names, "
        "row 2 their Chinese names (keep or delete it); Chinese or English headers both work. "
        "An upload is checked and previewed first, then used in this session only.",
    ),
    "roster.download_csv": ("下载模板（CSV）", "Download template (CSV)"),
    "roster.download_xlsx": ("下载模板（Excel）", "Download template (Excel)"),
    "roster.upload": ("上传填好的名单（CSV 或 Excel）", "Upload a filled roster (CSV or Excel)"),
    "roster.valid": (
        "名单校验通过：{rows} 行，{warnings} 个警告。",
        "The roster is valid: {rows} {rows:row|rows}, {warnings} {warnings:warning|warnings}.",
    ),
    "roster.invalid": (
        "名单有 {errors} 个错误，请修正后重新上传：",
        "The roster has {errors} {errors:error|errors}; fix them and upload again:",
    ),
    "roster.preview": ("预览", "Preview"),
    "roster.use": ("在本次会话中使用此名单", "Use this roster in this session"),
    "roster.stop": ("停止使用上传的名单", "Stop using the uploaded roster"),
    "roster.demo_toggle": ("显示虚构演示名单", "Show the fictional demo roster"),
    "roster.demo_help": (
        "用虚构院校预览名单完整时的页面；不会与真实成员混在一起，也不会保存。",
        "Preview the page with fictional colleges; never mixed with real members, never saved.",
    ),
    "roster.no_rows": ("名单中没有数据行", "the roster has no data rows"),
    "roster.unknown_column": ("未知的列，已忽略", "unknown column, ignored"),
    "roster.duplicate_column": (
        "重复的列（两个表头指向同一列）",
        "duplicate column (two headers name the same column)",
    ),
    "roster.side.guangxi": ("广西", "Guangxi"),
    "roster.side.foreign": ("外方", "foreign"),
    "roster.role.initiator": ("发起单位", "initiator"),
    "roster.role.member": ("成员", "member"),
    "roster.role.participant": ("参会单位（成员身份未明确）", "participant (membership implied)"),
    "roster.h.name": ("名称", "Name"),
    "roster.h.side": ("所属方", "Side"),
    "roster.h.place": ("所在地", "Place"),
    "roster.h.country": ("国家", "Country"),
    "roster.h.fields": ("专业领域", "Fields"),
    "roster.h.role": ("角色", "Role"),
    "roster.h.confidence": ("可信度", "Confidence"),
    "roster.h.source": ("来源", "Source"),
    "roster.col.member_id": (
        "成员编号，唯一，如 gx-ncvt",
        "member id, unique, e.g. gx-ncvt",
    ),
    "roster.col.side": ("所属方：guangxi（广西）或 foreign（外方）", "side: guangxi or foreign"),
    "roster.col.name_zh": (
        "中文名称（与英文名称至少填一项）",
        "Chinese name (this or the English)",
    ),
    "roster.col.name_en": (
        "英文名称（与中文名称至少填一项）",
        "English name (this or the Chinese)",
    ),
    "roster.col.place_id": (
        "所在地点编号，须为 places.csv 中的地点（见 places 工作表）",
        "place id: a place of places.csv (see the places sheet)",
    ),
    "roster.col.fields": (
        "专业领域编号，多个用分号分隔（见 fields 工作表），可留空",
        "field ids separated by ';' (see the fields sheet); may be blank",
    ),
    "roster.col.joined": ("加入日期，可留空", "date joined; may be blank"),
    "roster.col.role": (
        "角色：initiator（发起单位）、member（成员）等",
        "role: initiator, member…",
    ),
    "roster.col.source_url": (
        "来源网址（与来源说明至少填一项）",
        "source URL (this or a source note)",
    ),
    "roster.col.source_note": (
        "来源说明（与来源网址至少填一项）",
        "source note (this or a source URL)",
    ),
    "roster.col.confidence": ("可信度：high、medium 或 low", "confidence: high, medium or low"),
    "roster.col.kind": (
        "类型：college（院校）或 organisation（机构），可留空",
        "kind: college or organisation; may be blank",
    ),
    "roster.col.notes": ("备注，可留空", "notes; may be blank"),
}
