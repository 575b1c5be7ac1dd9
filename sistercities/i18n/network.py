"""Strings of the network page: views, layouts, legend, hover, measures, communities, downloads."""

TEXTS: dict[str, tuple[str, str]] = {
    # Controls
    "net.title": ("友城网络图", "The sister-city network"),
    "net.view": ("视图", "View"),
    "net.view.place": ("按地点", "By place"),
    "net.view.country": ("按国家", "By country"),
    "net.view.continent": ("按大洲", "By continent"),
    "net.layout": ("布局", "Layout"),
    "net.layout.radial": ("放射（广西居中）", "Radial (Guangxi at the centre)"),
    "net.layout.force": ("力导向", "Force-directed"),
    "net.colour": ("颜色", "Colour"),
    "net.colour.continent": ("按大洲", "By continent"),
    "net.colour.level": ("按级别", "By level"),
    # Notices
    "net.place_limited": (
        "按地点视图最多显示 {limit} 对友城，当前筛选有 {count} 对；请缩小筛选范围后再切换。",
        "The place view shows at most {limit} {limit:pair|pairs} and the filters keep {count}; "
        "narrow them "
        "to switch to it.",
    ),
    "net.rolled_up": (
        "此视图中，县级友城计入所属设区市；节点大小表示连接数，菱形为广西行政单位。",
        "In this view a county's pairs count with its prefecture city. Node size shows the "
        "number of connections; diamonds are Guangxi's units.",
    ),
    "net.place_note": (
        "节点大小表示连接数，菱形为广西行政单位；虚线表示行政隶属关系，不计入各项指标。",
        "Node size shows the number of connections; diamonds are Guangxi's units. Dotted lines "
        "show which unit is part of which; they are left out of every measure.",
    ),
    "net.approximate": (
        "数据量大（{count} 对），中介中心性按 {sample} 个随机抽样节点估算（固定随机种子），"
        "为近似值；少于 {limit} 对时精确计算。",
        "With {count} {count:pair|pairs}, betweenness is estimated from a seeded sample of "
        "{sample} {sample:node|nodes} "
        "(an approximation); below {limit} {limit:pair|pairs} it is computed exactly.",
    ),
    "net.click_hint": (
        "点击节点可选中它并突出显示其友城（与世界地图共享选择）。",
        "Click a node to select it and highlight its partners (shared with the world map).",
    ),
    "net.selected": ("已选中：{name}", "Selected: {name}"),
    "net.selected_absent": (
        "已选中的 {name} 不在当前筛选结果中。",
        "The selected place, {name}, is not in the current filter result.",
    ),
    "net.clear": ("取消选择", "Clear selection"),
    # Legend and hover
    "net.legend.pair": ("友城关系", "Sister-city pair"),
    "net.legend.part_of": ("行政隶属（不计入指标）", "Part of (not measured)"),
    "net.legend.selected": ("所选节点的友城", "Pairs of the selection"),
    "net.legend.weight": ("友城对数（悬停查看）", "Number of pairs (hover)"),
    "net.group.home": ("广西", "Guangxi"),
    "net.group.mixed": ("多个级别", "Several levels"),
    "net.group.unknown": ("未知", "Unknown"),
    "net.kind.home": ("广西 · {level}", "Guangxi · {level}"),
    "net.kind.partner": ("伙伴城市 · {country}", "Partner · {country}"),
    "net.kind.country": ("伙伴国家 · {continent}", "Partner country · {continent}"),
    "net.kind.continent": ("大洲 · {continent}", "Continent · {continent}"),
    "net.hover.degree": (
        "连接数 {degree} · 友城 {pairs} 对",
        "{degree} {degree:connection|connections} · {pairs} {pairs:pair|pairs}",
    ),
    "net.hover.betweenness": ("中介中心性 {value}", "Betweenness {value}"),
    "net.hover.first": ("最早结好：{date}", "First pair: {date}"),
    "net.hover.edge": ("{a} — {b}：{pairs} 对", "{a} — {b}: {pairs} {pairs:pair|pairs}"),
    # Tables
    "net.ranking": ("排名", "Ranking"),
    "net.top.line": ("{rank}. {name} · {pairs} 对", "{rank}. {name} · {pairs} {pairs:pair|pairs}"),
    "net.top_cities": ("连接最多的广西城市", "Most connected Guangxi cities"),
    "net.top_countries": ("友城最多的国家", "Countries with the most pairs"),
    "net.col.id": ("编号", "ID"),
    "net.col.name": ("名称", "Name"),
    "net.col.rank": ("名次", "Rank"),
    "net.col.name_zh": ("中文名", "Chinese name"),
    "net.col.name_en": ("英文名", "English name"),
    "net.col.what": ("类别", "What"),
    "net.col.level": ("级别", "Level"),
    "net.col.country": ("国家", "Country"),
    "net.col.continent": ("大洲", "Continent"),
    "net.col.degree": ("连接数", "Connections"),
    "net.col.pairs": ("友城对数", "Pairs"),
    "net.col.betweenness": ("中介中心性", "Betweenness"),
    "net.col.first": ("最早结好", "First pair"),
    "net.col.community": ("社群", "Community"),
    "net.col.hub": ("核心广西城市", "Guangxi hub"),
    "net.col.members": ("节点数", "Nodes"),
    "net.col.source": ("起点", "Source"),
    "net.col.target": ("终点", "Target"),
    "net.col.source_name": ("起点名称", "Source name"),
    "net.col.target_name": ("终点名称", "Target name"),
    "net.col.tie": ("关系", "Tie"),
    "net.col.x": ("横坐标", "x"),
    "net.col.y": ("纵坐标", "y"),
    "net.tie.pair": ("友城", "sister-city pair"),
    "net.tie.part_of": ("隶属", "part of"),
    "net.communities": ("社群（模块度方法）", "Communities (modularity)"),
    "net.communities.caption": (
        "用 networkx 的 Louvain 模块度方法（固定随机种子）找到 {count} 个社群，"
        "模块度 {modularity}；按伙伴方占多数的国家或大洲命名。",
        "networkx's Louvain modularity method (seeded) finds {count} "
        "{count:community|communities}, modularity "
        "{modularity}; each is named by the country or continent most of its partners share.",
    ),
    "net.communities.none": ("没有可划分的社群。", "There are no communities to find."),
    "net.community.name": ("以{group}为主（{share}/{total}）", "Mostly {group} ({share}/{total})"),
    "net.community.lead": ("{group}等（{share}/{total}）", "{group} and others ({share}/{total})"),
    "net.community.unnamed": ("社群 {number}", "Community {number}"),
    # Downloads
    "net.downloads": ("下载", "Downloads"),
    "net.download.nodes": ("节点表 CSV", "Nodes CSV"),
    "net.download.edges": ("连线表 CSV", "Edges CSV"),
    "net.download.gexf": ("GEXF 文件（Gephi）", "GEXF (Gephi)"),
    "net.download.graphml": ("GraphML 文件", "GraphML"),
}
