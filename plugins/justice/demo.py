"""Demo data of the justice plugin: the Department of Justice party committee with Chi bộ 01: 46
members, 43 official and 3 probationary (seed articles 002 and 003)."""
from __future__ import annotations

from devparty_admin.demo.tree import Unit

SOURCES = ("youth_union", "trade_union")

USERS = [
    ("demo.tuphap", "Đảng ủy Sở Tư pháp", "committee", "STP"),
    ("demo.tuphap.cb01", "Bí thư Chi bộ 01 Sở Tư pháp", "branch", "STP-01"),
]


def unit() -> Unit:
    return Unit("STP", "Đảng bộ Sở Tư pháp", "Đảng bộ cơ sở", "justice", sources=SOURCES, children=[
        Unit("STP-01", "Chi bộ 01", "Chi bộ trực thuộc", "justice", members=16, probationary=1,
             candidates={"source": 2, "sympathizer": 2, "trained": 1, "dossier": 1}),
        Unit("STP-02", "Chi bộ 02", "Chi bộ trực thuộc", "justice", members=15, probationary=1,
             candidates={"proposed": 1, "dropped": 1}),
        Unit("STP-03", "Chi bộ 03", "Chi bộ trực thuộc", "justice", members=15, probationary=1,
             candidates={"admitted": 1, "probationary": 1}),
    ])
