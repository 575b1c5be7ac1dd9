"""Write the official-list fixtures: ``official_list.xlsx`` and ``official_list_gb18030.csv``.

Usage: ``python -m tests.import_fixtures.build``. Every pair is one of data/links.csv (same
places, dates and levels, written the way officials' lists write them), except row 14, a
clearly fictional row (虚构, 测试) for the error cases. The XLSX has a merged title row, a
Guangxi cell merged over two rows, a real date cell, an Excel serial number, full-width
characters and trailing spaces; the CSV holds the same rows in GB18030 with dates as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
TITLE = "广西壮族自治区国际友好城市名录（截至2024年11月）"
HEADER = ["序号", "中方城市 ", "外方城市", "所在国", "结好时间", "级别"]
ROWS: list[list[object]] = [
    [1, "广西壮族自治区", "熊本县", "日本", "1982.5.20", "自治区级"],
    [2, "桂林市", "熊本市", "日本", dt.datetime(1979, 10, 1), "设区市级"],
    [3, "柳州市", "辛辛那提", "美国", "1988-04", "设区市级"],
    [4, "南宁市", "仰光市", "缅甸", "2009年7月11日", ""],
    [5, "梧州市", "尖竹汶府", "泰国", "", ""],
    [6, "南宁市", "班达伯格", "澳大利亚", "1998年5月12日", ""],
    [7, "东兴市", "芒街市", "越南", "2015年10月", "县级"],
    [8, "桂林市\u3000", "托伦市 ", "波兰", "２０１０．８．２９", ""],
    [9, "北海市", "苏瓦市", "斐济", 1998, ""],
    [10, None, "三宝垄", "印度尼西亚", 39735, ""],
    [11, "玉林市", "北榄坡府", "泰国", "", ""],
    [12, "崇左市", "谅山市", "越南", "2013", ""],
    [13, "桂林市", "黑斯廷斯", "", "1981年3月4日", ""],
    [14, "虚构县（测试）", "不存在城（测试）", "日本", "某年", ""],
    ["合计", "", "", "", "", ""],
]
CSV_DATES = {2: "1979/10/1", 10: "2008-10-14"}
"""The CSV is text: the date cell and the serial number are written as an export would."""


def xlsx_bytes() -> bytes:
    """The workbook: merged title, header on row 2, the Beihai cell merged over rows 11-12."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "友城名录"
    sheet.append([TITLE])
    sheet.merge_cells("A1:F1")
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet.merge_cells("B11:B12")
    sheet["E4"].number_format = "yyyy/m/d"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes() -> bytes:
    """The same rows as GB18030 CSV with a title line (no merged cells: the cell is repeated)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([TITLE])
    writer.writerow(HEADER)
    for row in ROWS:
        cells = ["" if c is None else c for c in row]
        if row[0] in CSV_DATES:
            cells[4] = CSV_DATES[row[0]]  # type: ignore[index]
        writer.writerow(cells)
    return buffer.getvalue().encode("gb18030")


def main() -> None:
    """Write both files beside this script."""
    (HERE / "official_list.xlsx").write_bytes(xlsx_bytes())
    (HERE / "official_list_gb18030.csv").write_bytes(csv_bytes())


if __name__ == "__main__":
    main()
