"""Demo data of the police plugin: the provincial police party committee: 19 chi bộ cơ sở and 9 đảng bộ cơ
sở holding 52 chi bộ, 1098 members; 34 admitted in 2022, 3% of the members (seed article 001)."""
from __future__ import annotations

from datetime import date

from devparty_admin.demo.tree import Unit, split

SOURCES = ("youth_union",)

USERS = [
    ("demo.congan", "Ban Tổ chức Đảng ủy Công an tỉnh", "committee", "CA"),
    ("demo.congan.cb01", "Bí thư Chi bộ Phòng Tham mưu", "branch", "CA-CB01"),
    ("demo.congan.chinhtri", "Cán bộ công tác chính trị", "police_vetting", "CA"),
]


def unit() -> Unit:
    branch_names = [
        "Phòng Tham mưu", "Phòng Tổ chức cán bộ", "Phòng Công tác Đảng và công tác chính trị",
        "Phòng An ninh đối ngoại", "Phòng An ninh chính trị nội bộ", "Phòng An ninh kinh tế",
        "Phòng An ninh mạng", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát kinh tế",
        "Phòng Cảnh sát ma túy", "Phòng Cảnh sát giao thông", "Phòng Cảnh sát cơ động",
        "Phòng Cảnh sát PCCC và CNCH", "Phòng Hậu cần", "Phòng Hồ sơ", "Phòng Cảnh sát điều tra",
        "Phòng Quản lý xuất nhập cảnh", "Phòng Cảnh sát quản lý hành chính", "Phòng Thanh tra",
    ]
    districts = ["thành phố", "thị xã Phổ Yên", "thành phố Sông Công", "huyện Đại Từ",
                 "huyện Định Hóa", "huyện Phú Lương", "huyện Đồng Hỷ", "huyện Võ Nhai",
                 "huyện Phú Bình"]
    branch_sizes = split(52, 9)
    member_counts = iter(split(1098, 19 + 52))
    stages = ["source", "sympathizer", "trained", "dossier", "proposed", "admitted",
              "probationary", "official"]
    branches = [
        Unit(f"CA-CB{i + 1:02d}", f"Chi bộ {name}", "Chi bộ cơ sở", "police",
             members=next(member_counts), candidates={stages[i % 8]: 1} if i < 8 else {},
             admissions={2022: 2} if i < 17 else {})
        for i, name in enumerate(branch_names)
    ]
    committees = [
        Unit(f"CA-DB{d + 1:02d}", f"Đảng bộ Công an {district}", "Đảng bộ cơ sở", "police",
             children=[
                 Unit(f"CA-DB{d + 1:02d}-{b + 1:02d}", f"Chi bộ Đội {b + 1} Công an {district}",
                      "Chi bộ trực thuộc", "police", members=next(member_counts),
                      candidates={"sympathizer": 1} if b == 0 else {})
                 for b in range(branch_sizes[d])
             ])
        for d, district in enumerate(districts)
    ]
    plans = [{"year": 2022, "number": "05-KH/ĐU", "issued_on": date(2022, 1, 20),
              "target_admissions": 40},
             {"year": date.today().year, "number": "03-KH/ĐU", "issued_on": date(date.today().year, 1, 15),
              "target_admissions": 30, "target_sympathizers": 40}]
    return Unit("CA", "Đảng bộ Công an tỉnh", "Đảng bộ cấp trên cơ sở", "police", sources=SOURCES,
                plans=plans, children=branches + committees)


DEMO_RANKS = ("Hạ sĩ", "Trung sĩ", "Thượng sĩ", "Thiếu úy", "Trung úy", "Thượng úy", "Đại úy",
              "Thiếu tá")


def rank_for(candidate) -> str:
    """A rank spread over the demo's people by their (deterministic) citizen id."""
    return DEMO_RANKS[int(candidate.national_id[-3:]) % len(DEMO_RANKS)]
