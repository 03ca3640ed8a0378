"""The tile-grid map's layout: every province the portal loads (geothai, DOPA codes) has
exactly one tile, and no two tiles share a place."""

import geothai

from geo.tilegrid import COLUMNS, ROWS, tiles


def test_the_grid_places_each_of_the_77_provinces_once():
    layout = tiles()
    assert sorted(code for code, _, _ in layout) == sorted(p.code for p in geothai.provinces())
    assert len(layout) == 77
    assert len({(col, row) for _, col, row in layout}) == 77
    assert all(0 <= col < COLUMNS for _, col, _ in layout) and len(ROWS) == 16


def test_the_grid_keeps_the_country_shape():
    where = {code: (col, row) for code, col, row in tiles()}
    assert where["57"][1] == 0  # Chiang Rai at the top
    assert where["96"][1] == len(ROWS) - 1  # Narathiwat at the bottom
    assert where["34"][0] == COLUMNS - 1  # Ubon Ratchathani furthest east
    assert where["10"][1] < where["86"][1] < where["90"][1]  # Bangkok, then Chumphon, then Songkhla
