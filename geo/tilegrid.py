"""A tile-grid map of Thailand: each of the 77 provinces is one square tile at a fixed
(column, row), placed so the grid roughly follows the country's shape (the north at the
top, the northeast to the right, Bangkok and the central plain in the middle, the east
coast below it, the south running down the peninsula). Every tile is the same size, so a
small province counts as much as a large one, which is what a per-province share needs.

The layout is data: ``ROWS`` lists, top to bottom, the province codes (DOPA / TIS 1099) of
each row at their columns. ``tiles()`` turns it into (code, column, row).
"""

from __future__ import annotations

# row -> ((column, province code), ...)
ROWS: tuple[tuple[tuple[int, str], ...], ...] = (
    ((3, "57"),),  # เชียงราย
    ((1, "58"), (2, "50"), (3, "56"), (4, "55")),  # แม่ฮ่องสอน เชียงใหม่ พะเยา น่าน
    ((2, "51"), (3, "52"), (4, "54"), (5, "42"), (6, "43"), (7, "38")),  # ลำพูน ลำปาง แพร่ เลย หนองคาย บึงกาฬ
    ((1, "63"), (2, "64"), (3, "53"), (4, "65"), (5, "39"), (6, "41"), (7, "47"), (8, "48")),
    ((2, "62"), (3, "66"), (4, "67"), (5, "40"), (6, "46"), (7, "49")),
    ((2, "61"), (3, "60"), (4, "36"), (5, "44"), (6, "45"), (7, "35"), (8, "37")),
    ((1, "71"), (2, "72"), (3, "18"), (4, "16"), (5, "30"), (6, "31"), (7, "32"), (8, "33"), (9, "34")),
    ((1, "70"), (2, "73"), (3, "17"), (4, "15"), (5, "19"), (6, "26"), (7, "25"), (8, "27")),
    ((1, "76"), (2, "74"), (3, "12"), (4, "14"), (5, "13"), (6, "24")),
    ((1, "77"), (2, "75"), (3, "10"), (4, "11"), (5, "20"), (6, "21"), (7, "22"), (8, "23")),
    ((1, "86"),),  # ชุมพร
    ((0, "85"), (1, "84")),  # ระนอง สุราษฎร์ธานี
    ((0, "82"), (1, "81"), (2, "80")),  # พังงา กระบี่ นครศรีธรรมราช
    ((0, "83"), (1, "92"), (2, "93")),  # ภูเก็ต ตรัง พัทลุง
    ((1, "91"), (2, "90"), (3, "94")),  # สตูล สงขลา ปัตตานี
    ((3, "95"), (4, "96")),  # ยะลา นราธิวาส
)

COLUMNS = 1 + max(col for row in ROWS for col, _ in row)


def tiles() -> list[tuple[str, int, int]]:
    """(province code, column, row) of every tile, top to bottom, left to right."""
    return [(code, col, r) for r, row in enumerate(ROWS) for col, code in row]
