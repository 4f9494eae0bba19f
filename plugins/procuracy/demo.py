"""Demo data of the procuracy plugin: the provincial procuracy: 75 members among 77 staff at the province
and 119 among 149 in the districts, with the Phú Bình branch, which admitted 5 since 2018
(seed article 000).

On 1/7/2025 regional procuracies replace the district ones: the nine district branches merge
into three regional branches (staff numbers carried); Phú Bình's figures read by the tree as it
was."""
from __future__ import annotations

from datetime import date

from devparty_admin.demo.tree import Reorganization, Unit, split

SOURCES = ("youth_union", "trade_union")

USERS = [
    ("demo.vks", "Văn phòng Đảng ủy VKSND tỉnh", "committee", "VKS"),
    ("demo.vks.phubinh", "Bí thư Chi bộ VKSND khu vực 1 (Phú Bình)", "branch", "VKS-H1"),
]


def unit() -> Unit:
    office = [("Văn phòng", 26, 25), ("Phòng 1 và Phòng 2", 26, 25), ("Phòng 7 và Phòng 9", 25, 25)]
    districts = ["Phú Bình", "Đại Từ", "Định Hóa", "Phú Lương", "Đồng Hỷ", "Võ Nhai", "Phổ Yên",
                 "Sông Công", "thành phố Thái Nguyên"]
    staff, members = split(149, 9), split(119, 9)
    children = [Unit(f"VKS-T{i + 1}", f"Chi bộ {name} VKSND tỉnh", "Chi bộ trực thuộc",
                     "procuracy", staff=s, members=m) for i, (name, s, m) in enumerate(office)]
    children += [
        Unit(f"VKS-H{i + 1}", f"Chi bộ VKSND huyện {name}", "Chi bộ cơ sở", "procuracy",
             staff=staff[i], members=members[i],
             candidates={"sympathizer": 1, "trained": 1} if i == 0 else {},
             admissions={year: 1 for year in range(2018, 2023)} if i == 0 else {})
        for i, name in enumerate(districts)
    ]
    plans = [{"year": date.today().year, "number": "07-KH/ĐU", "issued_on": date(date.today().year, 2, 1),
              "target_admissions": 4, "target_sympathizers": 6}]
    # Staff are counted where they work: 77 in the provincial office's branches, 149 in districts.
    return Unit("VKS", "Đảng bộ Viện Kiểm sát nhân dân tỉnh", "Đảng bộ cơ sở", "procuracy", sources=SOURCES,
                place="Thái Nguyên", plans=plans, children=children)


REGIONS = [("VKS-KV1", "Chi bộ VKSND khu vực 1", ["VKS-H1", "VKS-H7", "VKS-H8"]),
           ("VKS-KV2", "Chi bộ VKSND khu vực 2", ["VKS-H2", "VKS-H3", "VKS-H4"]),
           ("VKS-KV3", "Chi bộ VKSND khu vực 3", ["VKS-H5", "VKS-H6", "VKS-H9"])]

REORGANIZATIONS = [Reorganization(
    "215-QĐ/ĐU", date(2025, 7, 1), "Ban Thường vụ Đảng ủy VKSND tỉnh",
    establish=[(Unit(code, name, "Chi bộ cơ sở", "procuracy"), "VKS") for code, name, _ in REGIONS],
    merge=[(districts, code) for code, _name, districts in REGIONS])]
