"""Demo data of the commune plugin: the Nông Cống district with the Trường Sơn commune: 11 hamlet
branches, 306 members (seed article 004)."""
from __future__ import annotations

from devparty_admin.demo.tree import Unit, split

SOURCES = ("high_school", "discharged_soldier", "enterprise_worker", "women_union", "youth_union")

USERS = [
    ("demo.nongcong", "Ban Tổ chức Huyện ủy Nông Cống", "committee", "NC"),
    ("demo.truongson", "Đảng ủy xã Trường Sơn", "committee", "TS"),
    ("demo.truongson.thon1", "Bí thư Chi bộ thôn 1", "branch", "TS-01"),
    ("demo.kiemtra", "Ủy ban Kiểm tra Huyện ủy (xem)", "viewer", "NC"),
]


def unit() -> Unit:
    hamlets = [Unit(f"TS-{i + 1:02d}", f"Chi bộ thôn {i + 1}", "Chi bộ trực thuộc", "commune",
                    members=m, candidates={stage: 1 for stage in stages})
               for i, (m, stages) in enumerate(zip(split(306, 11), [
                   ["source", "sympathizer"], ["source", "trained"], ["dossier"], ["proposed"],
                   ["admitted", "source"], ["probationary"], ["official", "rejected"],
                   ["sympathizer"], ["source"], ["struck_off"], ["sympathizer", "trained"]]))]
    commune = Unit("TS", "Đảng bộ xã Trường Sơn", "Đảng bộ cơ sở", "commune", children=hamlets)
    return Unit("NC", "Đảng bộ huyện Nông Cống", "Đảng bộ cấp trên cơ sở", "commune", sources=SOURCES,
                children=[commune])
