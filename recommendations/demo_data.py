"""The demo dialogue loaded by `manage.py seed_demo`, as plain data.

An Australia-Japan Track 1.5 economic-security dialogue: two workshops (Canberra
and Tokyo) and four private meetings in the first half of 2025, the
recommendations they produced and what governments have done with them since.
Organisations named after real public agencies and universities are used only
as addressees; every company and think tank other than the programme's
organiser, every person, every event and every status update is invented.

Everything is keyed on a natural key (slug, code, email) so the loader can
update in place, and every date is fixed so each run produces the same rows.
"""

from datetime import date

# The date the dialogue's outcomes were put to governments: every status history starts here.
PUT_TO_GOVERNMENTS = date(2025, 7, 1)

POLICY_AREAS = [
    {
        "slug": "energy-security",
        "name": "Energy security",
        "order": 1,
        "description": (
            "Reliable and affordable access to fuel and power for both countries through the "
            "energy transition: LNG trade, emergency arrangements between buyers and "
            "suppliers, fuel stocks and planning information."
        ),
    },
    {
        "slug": "clean-energy-technology",
        "name": "Clean energy technology",
        "order": 2,
        "description": (
            "Developing, certifying, financing and manufacturing the technologies of a "
            "low-emission economy together: hydrogen and ammonia, batteries, grid storage "
            "and carbon capture."
        ),
    },
    {
        "slug": "ai-governance",
        "name": "AI governance",
        "order": 3,
        "description": (
            "Rules, safety evaluation and standards for artificial intelligence and other "
            "emerging technologies, and joint positions in the international bodies that "
            "set them."
        ),
    },
    {
        "slug": "critical-minerals",
        "name": "Critical minerals",
        "order": 4,
        "description": (
            "Exploration, processing, offtake and stockpiling of the minerals that energy, "
            "electronics and defence industries depend on, with the aim of reducing reliance "
            "on a single dominant processor."
        ),
    },
    {
        "slug": "critical-infrastructure-protection",
        "name": "Critical-infrastructure protection",
        "order": 5,
        "description": (
            "Protecting energy systems, ports, data centres and undersea cables against "
            "cyber attack, sabotage and risky foreign control, including the information "
            "the two governments share with operators."
        ),
    },
    {
        "slug": "supply-chains",
        "name": "Supply chains",
        "order": 6,
        "description": (
            "Early warning of shortages, traceability, mutual recognition of standards and "
            "shared stockpiles, so that disruption in one link does not halt production in "
            "either country."
        ),
    },
    {
        "slug": "economic-coercion",
        "name": "Economic coercion",
        "order": 7,
        "description": (
            "Deterring and responding to trade restrictions and other economic pressure used "
            "for political ends: coordinated diplomacy, support for targeted exporters and "
            "assessments of exposure."
        ),
    },
]

# Real agencies and universities appear as addressees only; companies and the
# Tokyo think tank are invented.
ORGANISATIONS = [
    {
        "slug": "dfat",
        "name": "Department of Foreign Affairs and Trade",
        "short_name": "DFAT",
        "country": "au",
        "sector": "government",
    },
    {
        "slug": "disr",
        "name": "Department of Industry, Science and Resources",
        "short_name": "DISR",
        "country": "au",
        "sector": "government",
    },
    {
        "slug": "cisc",
        "name": "Cyber and Infrastructure Security Centre",
        "short_name": "CISC",
        "country": "au",
        "sector": "government",
    },
    {
        "slug": "dcceew",
        "name": "Department of Climate Change, Energy, the Environment and Water",
        "short_name": "DCCEEW",
        "country": "au",
        "sector": "government",
    },
    {
        "slug": "anu",
        "name": "Australian National University",
        "short_name": "ANU",
        "country": "au",
        "sector": "academia",
    },
    {
        "slug": "ussc",
        "name": "United States Studies Centre",
        "short_name": "USSC",
        "country": "au",
        "sector": "think_tank",
    },
    {
        "slug": "southern-cross-rare-earths",
        "name": "Southern Cross Rare Earths Pty Ltd",
        "short_name": "Southern Cross RE",
        "country": "au",
        "sector": "industry",
    },
    {
        "slug": "meti",
        "name": "Ministry of Economy, Trade and Industry (経済産業省)",
        "short_name": "METI",
        "country": "jp",
        "sector": "government",
    },
    {
        "slug": "mofa-japan",
        "name": "Ministry of Foreign Affairs of Japan (外務省)",
        "short_name": "MOFA",
        "country": "jp",
        "sector": "government",
    },
    {
        "slug": "jogmec",
        "name": "Japan Organization for Metals and Energy Security (エネルギー・金属鉱物資源機構)",
        "short_name": "JOGMEC",
        "country": "jp",
        "sector": "government",
    },
    {
        "slug": "cabinet-office-japan",
        "name": "Cabinet Office of Japan (内閣府)",
        "short_name": "Cabinet Office",
        "country": "jp",
        "sector": "government",
    },
    {
        "slug": "university-of-tokyo",
        "name": "University of Tokyo (東京大学)",
        "short_name": "UTokyo",
        "country": "jp",
        "sector": "academia",
    },
    {
        "slug": "marunouchi-institute",
        "name": "Marunouchi Institute for Economic Security (丸の内経済安全保障研究所)",
        "short_name": "MIES",
        "country": "jp",
        "sector": "think_tank",
    },
    {
        "slug": "hoshizora-battery-materials",
        "name": "Hoshizora Battery Materials Co., Ltd. (星空電池材料株式会社)",
        "short_name": "Hoshizora",
        "country": "jp",
        "sector": "industry",
    },
]

WORKSHOPS = [
    {
        "slug": "canberra-workshop-2025",
        "kind": "workshop",
        "title": "Canberra workshop: towards a shared economic security agenda",
        "city": "Canberra",
        "country": "au",
        "start_date": date(2025, 2, 18),
        "end_date": date(2025, 2, 19),
        "host": "ussc",
        "summary": (
            "The first of the dialogue's two workshops mapped where the two economies depend "
            "on the same fragile links: processed critical minerals, LNG shipping and the "
            "digital systems that run energy networks. Sessions covered critical minerals "
            "finance, infrastructure security and the response to economic coercion, and "
            "produced the first draft of the dialogue's recommendations."
        ),
        "private_notes": (
            "Two officials asked to attend as observers only; seat them away from the "
            "rapporteurs' table next time. Day two ran 40 minutes over: trim the coercion "
            "session."
        ),
    },
    {
        "slug": "industry-consultation-perth-2025",
        "kind": "private_consultation",
        "title": "Private consultation with the resources and energy industry",
        "city": "Perth",
        "country": "au",
        "start_date": date(2025, 3, 11),
        "end_date": date(2025, 3, 11),
        "host": "ussc",
        "summary": (
            "Miners, processors, battery-materials firms and energy companies from both "
            "countries described what stops them investing in each other's supply chains: "
            "price risk in mid-stream processing, duplicate certification and slow approvals. "
            "Their points shaped the recommendations on processing finance and traceability."
        ),
        "private_notes": (
            "Company production figures were shared in confidence and are not in the "
            "rapporteur's notes. One firm asked to review any recommendation that names its "
            "sector before publication."
        ),
    },
    {
        "slug": "officials-consultation-tokyo-2025",
        "kind": "private_consultation",
        "title": "Private consultation with officials (in a private capacity)",
        "city": "Tokyo",
        "country": "jp",
        "start_date": date(2025, 4, 8),
        "end_date": date(2025, 4, 8),
        "host": "marunouchi-institute",
        "summary": (
            "Serving and former officials of both governments, speaking in a personal "
            "capacity, tested which proposals could fit existing budgets and legislation. "
            "The discussion focused on investment screening, coordinated responses to "
            "coercion and security requirements for AI in critical infrastructure."
        ),
        "private_notes": (
            "Held entirely in Japanese with consecutive interpretation; budget two interpreters "
            "for the Tokyo workshop. 次回も逐次通訳を手配すること。"
        ),
    },
    {
        "slug": "academic-consultation-sydney-2025",
        "kind": "private_consultation",
        "title": "Private consultation with academic experts",
        "city": "Sydney",
        "country": "au",
        "start_date": date(2025, 4, 29),
        "end_date": date(2025, 4, 29),
        "host": "ussc",
        "summary": (
            "Researchers in trade law, AI policy and energy economics reviewed the draft "
            "recommendations for evidence and feasibility, and proposed joint research to "
            "keep the dialogue's analysis current."
        ),
        "private_notes": (
            "Several academics offered to peer-review the outcomes report; follow up "
            "before the end of June."
        ),
    },
    {
        "slug": "tokyo-workshop-2025",
        "kind": "workshop",
        "title": "Tokyo workshop: from shared vulnerabilities to joint action",
        "city": "Tokyo",
        "country": "jp",
        "start_date": date(2025, 5, 27),
        "end_date": date(2025, 5, 28),
        "host": "ussc",
        "summary": (
            "The second workshop turned the Canberra findings into proposals addressed to "
            "named agencies. Participants found broad agreement on energy security, clean "
            "energy technology, AI governance and critical minerals, and on the need for "
            "standing bilateral arrangements rather than one-off projects."
        ),
        "private_notes": (
            "Japanese participants asked for the outcomes report to appear in both languages "
            "at the same time. Venue contract for a 2026 follow-up is pending."
        ),
    },
    {
        "slug": "industry-roundtable-osaka-2025",
        "kind": "roundtable",
        "title": "Industry roundtable on supply chains and economic coercion",
        "city": "Osaka",
        "country": "jp",
        "start_date": date(2025, 6, 12),
        "end_date": date(2025, 6, 12),
        "host": "marunouchi-institute",
        "summary": (
            "Manufacturers and logistics firms discussed early warning of shortages, shared "
            "stockpiles and how companies can prepare for trade restrictions imposed for "
            "political reasons."
        ),
        "private_notes": (
            "Roundtable ran under the Chatham House Rule with no officials at the table except "
            "two observers. Attendance list not to be shared with sponsors."
        ),
    },
]

# Every name is invented; emails use the reserved example domains.
PARTICIPANTS = [
    {
        "email": "alex.exampleton@example.org",
        "name": "Alex Exampleton",
        "organisation": "dfat",
        "notes": "Attends in a private capacity; never attribute remarks to the department.",
    },
    {
        "email": "brooke.sampleford@example.org",
        "name": "Brooke Sampleford",
        "organisation": "disr",
        "notes": "",
    },
    {
        "email": "casey.mockridge@example.org",
        "name": "Casey Mockridge",
        "organisation": "cisc",
        "notes": "",
    },
    {
        "email": "dana.placeholder@example.org",
        "name": "Dana Placeholder",
        "organisation": "dcceew",
        "notes": "",
    },
    {
        "email": "ellis.testwood@example.org",
        "name": "Dr Ellis Testwood",
        "organisation": "anu",
        "notes": "Offered to peer-review the AI governance recommendations.",
    },
    {
        "email": "frankie.demoson@example.org",
        "name": "Dr Frankie Demoson",
        "organisation": "ussc",
        "notes": "Programme lead and first contact for follow-up with both governments.",
    },
    {
        "email": "gemma.fictionby@example.org",
        "name": "Gemma Fictionby",
        "organisation": "ussc",
        "notes": "",
    },
    {
        "email": "harper.dummyvale@example.org",
        "name": "Harper Dummyvale",
        "organisation": "southern-cross-rare-earths",
        "notes": "",
    },
    {
        "email": "indigo.notreal@example.org",
        "name": "Indigo Notreal",
        "organisation": "anu",
        "notes": "",
    },
    {
        "email": "taro.yamada@example.jp",
        "name": "Taro Yamada (山田太郎)",
        "organisation": "meti",
        "notes": "",
    },
    {
        "email": "hanako.yamada@example.jp",
        "name": "Hanako Yamada (山田花子)",
        "organisation": "mofa-japan",
        "notes": "",
    },
    {
        "email": "jiro.kakuu@example.jp",
        "name": "Jiro Kakuu (架空次郎)",
        "organisation": "jogmec",
        "notes": "",
    },
    {
        "email": "kana.reidai@example.jp",
        "name": "Kana Reidai (例題佳奈)",
        "organisation": "cabinet-office-japan",
        "notes": "Prefers papers in Japanese a week ahead. 資料は一週間前に日本語で送付すること。",
    },
    {
        "email": "ken.mihon@example.jp",
        "name": "Prof. Ken Mihon (見本健)",
        "organisation": "university-of-tokyo",
        "notes": "",
    },
    {
        "email": "mai.tameshi@example.jp",
        "name": "Mai Tameshi (試舞)",
        "organisation": "marunouchi-institute",
        "notes": "Co-chair on the Japanese side.",
    },
    {
        "email": "naoki.kasou@example.jp",
        "name": "Naoki Kasou (仮想直樹)",
        "organisation": "hoshizora-battery-materials",
        "notes": "Asked that the supply figures he gave in Osaka not be circulated.",
    },
    {
        "email": "rie.dami@example.jp",
        "name": "Rie Dami (駄見理恵)",
        "organisation": "marunouchi-institute",
        "notes": "",
    },
    {
        "email": "shun.karina@example.jp",
        "name": "Shun Karina (仮名駿)",
        "organisation": "meti",
        "notes": "",
    },
]

# Who attended what, in which role: {workshop slug: [(participant email, role), ...]}.
ATTENDANCE = {
    "canberra-workshop-2025": [
        ("frankie.demoson@example.org", "chair"),
        ("alex.exampleton@example.org", "speaker"),
        ("brooke.sampleford@example.org", "speaker"),
        ("ellis.testwood@example.org", "speaker"),
        ("taro.yamada@example.jp", "speaker"),
        ("casey.mockridge@example.org", "participant"),
        ("dana.placeholder@example.org", "participant"),
        ("harper.dummyvale@example.org", "participant"),
        ("hanako.yamada@example.jp", "participant"),
        ("mai.tameshi@example.jp", "participant"),
        ("gemma.fictionby@example.org", "rapporteur"),
        ("shun.karina@example.jp", "observer"),
    ],
    "industry-consultation-perth-2025": [
        ("frankie.demoson@example.org", "chair"),
        ("harper.dummyvale@example.org", "speaker"),
        ("naoki.kasou@example.jp", "speaker"),
        ("jiro.kakuu@example.jp", "participant"),
        ("brooke.sampleford@example.org", "participant"),
        ("gemma.fictionby@example.org", "rapporteur"),
        ("dana.placeholder@example.org", "observer"),
    ],
    "officials-consultation-tokyo-2025": [
        ("mai.tameshi@example.jp", "chair"),
        ("taro.yamada@example.jp", "speaker"),
        ("hanako.yamada@example.jp", "participant"),
        ("kana.reidai@example.jp", "participant"),
        ("alex.exampleton@example.org", "participant"),
        ("casey.mockridge@example.org", "participant"),
        ("rie.dami@example.jp", "rapporteur"),
        ("shun.karina@example.jp", "observer"),
    ],
    "academic-consultation-sydney-2025": [
        ("ellis.testwood@example.org", "chair"),
        ("ken.mihon@example.jp", "speaker"),
        ("frankie.demoson@example.org", "participant"),
        ("mai.tameshi@example.jp", "participant"),
        ("indigo.notreal@example.org", "rapporteur"),
        ("gemma.fictionby@example.org", "observer"),
    ],
    "tokyo-workshop-2025": [
        ("frankie.demoson@example.org", "chair"),
        ("mai.tameshi@example.jp", "chair"),
        ("taro.yamada@example.jp", "speaker"),
        ("kana.reidai@example.jp", "speaker"),
        ("ken.mihon@example.jp", "speaker"),
        ("alex.exampleton@example.org", "speaker"),
        ("brooke.sampleford@example.org", "participant"),
        ("casey.mockridge@example.org", "participant"),
        ("dana.placeholder@example.org", "participant"),
        ("ellis.testwood@example.org", "participant"),
        ("hanako.yamada@example.jp", "participant"),
        ("jiro.kakuu@example.jp", "participant"),
        ("naoki.kasou@example.jp", "participant"),
        ("gemma.fictionby@example.org", "rapporteur"),
        ("rie.dami@example.jp", "rapporteur"),
        ("shun.karina@example.jp", "observer"),
    ],
    "industry-roundtable-osaka-2025": [
        ("mai.tameshi@example.jp", "chair"),
        ("naoki.kasou@example.jp", "speaker"),
        ("harper.dummyvale@example.org", "speaker"),
        ("jiro.kakuu@example.jp", "participant"),
        ("brooke.sampleford@example.org", "participant"),
        ("rie.dami@example.jp", "rapporteur"),
        ("taro.yamada@example.jp", "observer"),
        ("alex.exampleton@example.org", "observer"),
    ],
}

# The first entry of every history: the outcomes report put the recommendation to governments.
PUT_FORWARD = {
    "as_of": PUT_TO_GOVERNMENTS,
    "status": "proposed",
    "summary": "Put to the responsible bodies in the dialogue's outcomes report.",
    "evidence": ("https://example.org/ussc/australia-japan-economic-security-outcomes-2025",),
}

# A draft's only entry: recorded, but not yet cleared for publication.
HELD_BACK = {
    "as_of": PUT_TO_GOVERNMENTS,
    "status": "proposed",
    "summary": "Recorded by the secretariat; awaiting clearance before publication.",
}

# Each history lists its updates oldest first; "evidence" holds links, "note" the private note.
RECOMMENDATIONS = [
    {
        "code": "AJ-2025-001",
        "title": "Create a joint facility to finance critical minerals processing",
        "text": (
            "Australia and Japan should set up a jointly governed facility that co-finances "
            "mid-stream processing of lithium, nickel and rare earths in Australia, with a "
            "Japanese offtake commitment attached to every project it supports. The facility "
            "should publish its investment criteria and report each year on the processing "
            "capacity it has financed."
        ),
        "rationale": (
            "Australia mines a large share of several critical minerals but processes little "
            "of it at home, while Japanese manufacturers need secure processed supply. Linking "
            "finance to offtake removes the price risk that keeps private lenders away."
        ),
        "areas": ["critical-minerals", "supply-chains"],
        "workshops": ["canberra-workshop-2025", "industry-consultation-perth-2025"],
        "bodies": ["disr", "meti"],
        "lead": "joint",
        "priority": "high",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 11, 20),
                "status": "in_progress",
                "summary": (
                    "Officials from both countries agreed terms of reference for a working "
                    "group on processing finance."
                ),
                "evidence": ("https://example.gov.au/disr/processing-finance-working-group",),
            },
            {
                "as_of": date(2026, 8, 14),
                "status": "partially_implemented",
                "summary": (
                    "Two processing projects have received joint finance; the investment "
                    "criteria are still in draft and have not been published. "
                    "2件の加工事業に協調融資が決定したが、投資基準はまだ公表されていない。"
                ),
                "evidence": (
                    "https://example.gov.au/disr/processing-finance-first-projects",
                    "https://example.go.jp/meti/critical-minerals/joint-finance-2026",
                ),
                "note": "Criteria held up by a disagreement over the share of offtake at market price.",
            },
        ],
    },
    {
        "code": "AJ-2025-002",
        "title": "Open JOGMEC equity and offtake support to Australian rare-earth separation",
        "text": (
            "JOGMEC should make rare-earth separation and refining projects located in "
            "Australia eligible for its equity investment and offtake guarantee programmes, "
            "with an allocation reserved for projects that supply Japanese magnet makers."
        ),
        "rationale": (
            "Separation is the narrowest point of the rare-earth magnet supply chain. Japanese "
            "public finance has experience in this segment and can carry risk that commercial "
            "lenders will not yet take."
        ),
        "areas": ["critical-minerals"],
        "workshops": ["tokyo-workshop-2025"],
        "bodies": ["jogmec"],
        "lead": "jp",
        "priority": "high",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 10, 6),
                "status": "not_started",
                "summary": (
                    "JOGMEC replied that it will consider the proposal in its next budget "
                    "cycle. 次年度予算の編成過程で検討するとの回答があった。"
                ),
            },
            {
                "as_of": date(2026, 2, 16),
                "status": "in_progress",
                "summary": (
                    "A call for proposals that includes Australian separation projects opened. "
                    "豪州の分離事業を対象に含む公募が開始された。"
                ),
                "evidence": ("https://example.go.jp/jogmec/rare-earths/call-2026",),
            },
            {
                "as_of": date(2026, 9, 30),
                "status": "implemented",
                "summary": (
                    "Two Australian rare-earth separation projects received equity under the "
                    "widened programme. 豪州のレアアース分離事業2件への出資が決定した。"
                ),
                "evidence": ("https://example.go.jp/jogmec/rare-earths/equity-decisions-2026",),
            },
        ],
    },
    {
        "code": "AJ-2025-003",
        "title": "Publish the design of the critical minerals reserve, including partner offtake",
        "text": (
            "The Australian Government should publish how its critical minerals strategic "
            "reserve will operate, including the terms on which partners such as Japan may "
            "contract for reserve volumes during a supply disruption."
        ),
        "rationale": (
            "A reserve that partners can draw on in a crisis deters supply cut-offs better than "
            "a purely domestic stockpile, and published rules give investors confidence."
        ),
        "areas": ["critical-minerals", "economic-coercion"],
        "workshops": ["canberra-workshop-2025"],
        "bodies": ["disr", "dfat"],
        "lead": "au",
        "priority": "medium",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2026, 1, 28),
                "status": "in_progress",
                "summary": "Public consultation on the reserve's design opened, including a question on partner offtake.",
                "evidence": ("https://example.gov.au/disr/strategic-reserve-consultation",),
            },
            {
                "as_of": date(2026, 10, 15),
                "status": "partially_implemented",
                "summary": (
                    "The design paper was published; rules for partner offtake were deferred "
                    "to a second stage."
                ),
                "evidence": ("https://example.gov.au/disr/strategic-reserve-design-paper",),
            },
        ],
    },
    {
        "code": "AJ-2025-004",
        "title": "Agree a common traceability standard for critical mineral supply chains",
        "text": (
            "The two governments should agree a common data standard for tracing critical "
            "minerals from mine to component, covering origin, place of processing and "
            "environmental and labour performance, and should recognise each other's "
            "certification schemes built on it."
        ),
        "rationale": (
            "Buyers in both countries must show where their minerals come from. One standard "
            "lowers the cost of doing so and makes it harder for material of unknown origin "
            "to enter allied supply chains."
        ),
        "areas": ["supply-chains", "critical-minerals"],
        "workshops": ["industry-consultation-perth-2025", "industry-roundtable-osaka-2025"],
        "bodies": ["disr", "meti", "southern-cross-rare-earths"],
        "lead": "joint",
        "priority": "medium",
        "target_date": date(2026, 9, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 10, 20),
                "status": "not_started",
                "summary": "Both governments supported the aim; no work plan has been set.",
            },
            {
                "as_of": date(2026, 4, 9),
                "status": "in_progress",
                "summary": (
                    "A technical group of the two countries' standards bodies began drafting "
                    "the data standard. 両国の標準化機関による技術部会が起草を開始した。"
                ),
                "evidence": ("https://example.go.jp/meti/traceability-technical-group",),
            },
        ],
    },
    {
        "code": "AJ-2025-005",
        "title": "Agree rules for swapping LNG cargoes in a supply emergency",
        "text": (
            "Japan's Ministry of Economy, Trade and Industry should agree with Australian "
            "counterparts a framework under which Japanese utilities can swap or redirect "
            "Australian LNG cargoes at short notice in a supply emergency, with triggers and "
            "pricing rules settled in advance."
        ),
        "rationale": (
            "Australia is Japan's largest LNG supplier. Rules agreed before a crisis shorten "
            "the response to a disruption and prevent allies bidding against each other."
        ),
        "areas": ["energy-security"],
        "workshops": ["tokyo-workshop-2025", "officials-consultation-tokyo-2025"],
        "bodies": ["meti", "dcceew"],
        "lead": "jp",
        "priority": "high",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 12, 3),
                "status": "in_progress",
                "summary": (
                    "METI and Australian officials ran a first tabletop exercise on "
                    "redirecting cargoes. 豪州側と貨物融通に関する机上演習を実施した。"
                ),
                "evidence": ("https://example.go.jp/meti/lng/tabletop-exercise-2025",),
            },
            {
                "as_of": date(2026, 6, 22),
                "status": "implemented",
                "summary": (
                    "A memorandum setting triggers and pricing rules for emergency cargo swaps "
                    "was signed. 緊急時の貨物融通に関する覚書が署名された。"
                ),
                "evidence": (
                    "https://example.go.jp/meti/lng/emergency-swap-memorandum",
                    "https://example.gov.au/dcceew/lng-emergency-arrangements",
                ),
            },
        ],
    },
    {
        "code": "AJ-2025-006",
        "title": "Publish an annual energy security outlook that includes export commitments",
        "text": (
            "The Department of Climate Change, Energy, the Environment and Water should "
            "publish each year an outlook that sets expected domestic gas and fuel needs "
            "alongside Australia's contracted exports to partners such as Japan, so that "
            "buyers and investors in both markets can plan."
        ),
        "rationale": (
            "Uncertainty about domestic gas policy worries long-term buyers. A regular public "
            "outlook shows how domestic and export needs will be balanced."
        ),
        "areas": ["energy-security"],
        "workshops": ["canberra-workshop-2025"],
        "bodies": ["dcceew"],
        "lead": "au",
        "priority": "medium",
        "target_date": date(2026, 3, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 11, 12),
                "status": "not_started",
                "summary": (
                    "The department noted the recommendation and will consider it alongside "
                    "its existing energy statements."
                ),
                "note": "Informally: a combined outlook is unlikely before the next budget.",
            },
        ],
    },
    {
        "code": "AJ-2025-007",
        "title": "Run a hydrogen and ammonia shipping pilot under one shared certificate",
        "text": (
            "Australia and Japan should co-fund a pilot that ships low-emission ammonia from an "
            "Australian producer to a Japanese power station, using a single certificate of "
            "origin and emissions intensity that both governments accept."
        ),
        "rationale": (
            "Each country's hydrogen strategy depends on the other, but projects stall over "
            "whose certification applies. A pilot with one certificate proves the trade works."
        ),
        "areas": ["clean-energy-technology", "energy-security"],
        "workshops": ["canberra-workshop-2025", "tokyo-workshop-2025"],
        "bodies": ["dcceew", "meti"],
        "lead": "joint",
        "priority": "high",
        "target_date": date(2027, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 9, 18),
                "status": "not_started",
                "summary": "Both governments accepted the recommendation in principle.",
            },
            {
                "as_of": date(2026, 3, 10),
                "status": "in_progress",
                "summary": (
                    "The pilot's partners were named and work on the shared certificate began. "
                    "共通証明書の策定作業が始まった。"
                ),
                "evidence": (
                    "https://example.gov.au/dcceew/hydrogen/ammonia-pilot",
                    "https://example.go.jp/meti/hydrogen/ammonia-pilot",
                ),
            },
        ],
    },
    {
        "code": "AJ-2025-008",
        "title": "Extend Japan's battery subsidies to precursor plants in Australia",
        "text": (
            "The Japanese Government should make Japanese companies that build precursor "
            "cathode material plants in Australia eligible for its battery supply chain "
            "subsidies, where the plant's output is committed to Japanese cell makers."
        ),
        "rationale": (
            "Japanese battery makers rely on precursor materials processed mostly in one "
            "country. Producing them next to Australian lithium and nickel shortens and "
            "diversifies the chain."
        ),
        "areas": ["clean-energy-technology", "supply-chains"],
        "workshops": ["industry-roundtable-osaka-2025"],
        "bodies": ["meti", "hoshizora-battery-materials"],
        "lead": "jp",
        "priority": "medium",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2026, 5, 19),
                "status": "in_progress",
                "summary": (
                    "Revised subsidy guidelines now cover overseas precursor plants that "
                    "supply Japan; the first applications are being assessed. "
                    "補助対象に海外の前駆体工場が追加された。"
                ),
                "evidence": ("https://example.go.jp/meti/battery-subsidy-guidelines-2026",),
            },
        ],
    },
    {
        "code": "AJ-2025-009",
        "title": "Fund testing for clean-energy start-ups seeking Japanese customers",
        "text": (
            "The Department of Industry, Science and Resources should pay for Australian "
            "clean-energy start-ups to use testing and certification facilities recognised by "
            "Japanese buyers, so that a product is qualified once for both markets."
        ),
        "rationale": (
            "Start-ups reported that repeating product qualification for Japanese customers "
            "adds a year or more to their first export sale."
        ),
        "areas": ["clean-energy-technology"],
        "workshops": ["industry-consultation-perth-2025"],
        "bodies": ["disr"],
        "lead": "au",
        "priority": "low",
        "target_date": date(2027, 3, 31),
        "is_published": False,
        "history": [
            {
                **HELD_BACK,
                "note": "Waiting for the firms that raised it to confirm they can be quoted.",
            },
        ],
    },
    {
        "code": "AJ-2025-010",
        "title": "Set up a standing partnership on AI safety evaluation",
        "text": (
            "Australia and Japan should set up a standing partnership between the bodies that "
            "evaluate advanced AI systems in each country, to share test methods, run joint "
            "evaluations and publish common findings where they can."
        ),
        "rationale": (
            "Neither country can evaluate every advanced model on its own. Shared methods and "
            "results let each benefit from the other's work and give both more weight in "
            "international discussions."
        ),
        "areas": ["ai-governance"],
        "workshops": ["tokyo-workshop-2025", "academic-consultation-sydney-2025"],
        "bodies": ["disr", "cabinet-office-japan"],
        "lead": "joint",
        "priority": "high",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 12, 10),
                "status": "in_progress",
                "summary": (
                    "The two governments exchanged letters of intent on AI safety evaluation. "
                    "AI安全性評価に関する意図表明書が交換された。"
                ),
                "evidence": ("https://example.go.jp/cao/ai/letter-of-intent-australia",),
            },
            {
                "as_of": date(2026, 7, 7),
                "status": "partially_implemented",
                "summary": (
                    "A first joint evaluation was completed; a standing work programme has not "
                    "yet been agreed."
                ),
                "evidence": ("https://example.gov.au/disr/ai/joint-evaluation-2026",),
            },
        ],
    },
    {
        "code": "AJ-2025-011",
        "title": "Align AI incident reporting categories with Australian guidance",
        "text": (
            "Japan's Cabinet Office should align the categories in its voluntary AI incident "
            "reporting guidance with those Australia uses, so that companies operating in both "
            "markets can report an incident once."
        ),
        "rationale": (
            "Firms active in both markets currently classify the same incident twice, which "
            "delays reports and makes bilateral comparison impossible."
        ),
        "areas": ["ai-governance"],
        "workshops": ["tokyo-workshop-2025"],
        "bodies": ["cabinet-office-japan"],
        "lead": "jp",
        "priority": "medium",
        "target_date": date(2026, 3, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 10, 28),
                "status": "not_started",
                "summary": "The Cabinet Office acknowledged the recommendation.",
            },
            {
                "as_of": date(2026, 2, 5),
                "status": "not_accepted",
                "summary": (
                    "The Cabinet Office will follow the international categories now being "
                    "developed rather than align bilaterally. "
                    "二国間での調整ではなく、国際的な分類に合わせる方針との回答があった。"
                ),
                "evidence": ("https://example.go.jp/cao/ai/incident-reporting-response",),
            },
        ],
    },
    {
        "code": "AJ-2025-012",
        "title": "Finalise guardrails for high-risk AI that map onto Japan's guidelines",
        "text": (
            "The Australian Government should finalise its guardrails for AI used in high-risk "
            "settings in a form that maps clearly onto Japan's AI business guidelines, and "
            "publish that mapping."
        ),
        "rationale": (
            "Companies in both markets want one set of controls. A published mapping shows "
            "where the two regimes already agree and where they differ."
        ),
        "areas": ["ai-governance"],
        "workshops": ["academic-consultation-sydney-2025"],
        "bodies": ["disr"],
        "lead": "au",
        "priority": "medium",
        "target_date": date(2026, 9, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 11, 25),
                "status": "in_progress",
                "summary": "Consultation on the guardrails closed; the department is drafting.",
                "evidence": ("https://example.gov.au/disr/ai/guardrails-consultation",),
            },
            {
                "as_of": date(2026, 6, 18),
                "status": "partially_implemented",
                "summary": (
                    "The guardrails were issued as a voluntary standard with the mapping to "
                    "Japan's guidelines as an annex; mandatory elements were deferred."
                ),
                "evidence": ("https://example.gov.au/disr/ai/voluntary-standard-2026",),
            },
        ],
    },
    {
        "code": "AJ-2025-013",
        "title": "Coordinate positions in international standards bodies on AI",
        "text": (
            "DFAT and Japan's Ministry of Foreign Affairs should meet before each major "
            "session of the international bodies that set standards for AI and emerging "
            "technologies, and nominate experts to the same working groups."
        ),
        "rationale": (
            "Standards written now will shape markets for decades. Two democracies speaking "
            "together carry more weight than either alone."
        ),
        "areas": ["ai-governance", "supply-chains"],
        "workshops": ["tokyo-workshop-2025"],
        "bodies": ["dfat", "mofa-japan"],
        "lead": "joint",
        "priority": "medium",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2026, 1, 20),
                "status": "in_progress",
                "summary": "The first coordination meeting was held ahead of a standards plenary.",
            },
            {
                "as_of": date(2026, 11, 10),
                "status": "implemented",
                "summary": (
                    "Coordination meetings were held before two plenaries and are now a "
                    "standing arrangement. 定例の協議枠組みとして定着した。"
                ),
                "evidence": (
                    "https://example.gov.au/dfat/ai-standards-coordination",
                    "https://example.go.jp/mofa/ai-standards-coordination",
                ),
            },
        ],
    },
    {
        "code": "AJ-2025-014",
        "title": "Set security requirements for AI used to run critical infrastructure",
        "text": (
            "Japan should issue security requirements for AI systems that operate critical "
            "infrastructure, covering where models come from, testing before deployment and "
            "human override, and share them with Australia as a basis for common requirements."
        ),
        "rationale": (
            "Operators are adopting AI for grid and network control faster than regulators are "
            "setting expectations. Requirements written once can serve both countries."
        ),
        "areas": ["ai-governance", "critical-infrastructure-protection"],
        "workshops": ["officials-consultation-tokyo-2025"],
        "bodies": ["cabinet-office-japan"],
        "lead": "jp",
        "priority": "high",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 9, 30),
                "status": "not_started",
                "summary": "The Cabinet Office noted the recommendation.",
            },
            {
                "as_of": date(2026, 4, 22),
                "status": "in_progress",
                "summary": (
                    "An expert panel began drafting the requirements. "
                    "専門家会合で要件の検討が始まった。"
                ),
                "evidence": ("https://example.go.jp/cao/ai/critical-infrastructure-panel",),
            },
        ],
    },
    {
        "code": "AJ-2025-015",
        "title": "Include Japanese-owned operators in critical infrastructure threat briefings",
        "text": (
            "The Cyber and Infrastructure Security Centre should give security-cleared staff of "
            "Japanese-owned operators of Australian critical infrastructure the same threat "
            "briefings that Australian-owned operators receive."
        ),
        "rationale": (
            "Japanese investors own and run significant Australian energy and port assets. "
            "Leaving them out of briefings leaves gaps in the defence of those assets."
        ),
        "areas": ["critical-infrastructure-protection"],
        "workshops": ["canberra-workshop-2025"],
        "bodies": ["cisc"],
        "lead": "au",
        "priority": "high",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 10, 14),
                "status": "in_progress",
                "summary": "Eligibility rules for the briefing programme are being revised.",
            },
            {
                "as_of": date(2026, 3, 25),
                "status": "implemented",
                "summary": (
                    "The briefing programme now includes cleared staff of Japanese-owned "
                    "operators; the first sessions have been held."
                ),
                "evidence": ("https://example.gov.au/cisc/threat-briefings-eligibility",),
                "note": "Three operators took part in the first round; two more are being cleared.",
            },
        ],
    },
    {
        "code": "AJ-2025-016",
        "title": "Hold a yearly joint exercise on undersea cable and energy disruption",
        "text": (
            "Australia and Japan should hold a yearly exercise with operators that simulates "
            "simultaneous damage to undersea cables and energy infrastructure, and publish "
            "the lessons that can be made public."
        ),
        "rationale": (
            "Both countries depend on a few cable routes and energy links. Practising the "
            "response together exposes gaps before a real incident does."
        ),
        "areas": ["critical-infrastructure-protection"],
        "workshops": ["canberra-workshop-2025", "tokyo-workshop-2025"],
        "bodies": ["cisc", "cabinet-office-japan"],
        "lead": "joint",
        "priority": "high",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 11, 5),
                "status": "not_started",
                "summary": "Both governments agreed to hold the exercise; no date is set.",
            },
            {
                "as_of": date(2026, 5, 12),
                "status": "in_progress",
                "summary": (
                    "Planning for the first exercise has begun with cable and energy operators. "
                    "初回演習に向けた事業者との調整が始まった。"
                ),
            },
        ],
    },
    {
        "code": "AJ-2025-017",
        "title": "Screen foreign investment in ports and logistics on shared criteria",
        "text": (
            "Japan should review how it screens foreign investment in ports, logistics hubs and "
            "data centres against the criteria Australia applies, and the two governments "
            "should exchange information on transactions of concern."
        ),
        "rationale": (
            "An investor turned away in one country can try the other. Shared criteria and "
            "information exchange close that route."
        ),
        "areas": ["critical-infrastructure-protection", "supply-chains"],
        "workshops": ["officials-consultation-tokyo-2025"],
        "bodies": ["meti", "mofa-japan"],
        "lead": "jp",
        "priority": "medium",
        "target_date": date(2026, 3, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 12, 15),
                "status": "not_started",
                "summary": (
                    "The recommendation was referred to the ministries responsible for "
                    "investment screening. 投資審査の所管省庁に検討が付託された。"
                ),
                "note": "Needs the Ministry of Finance, which has not yet been engaged.",
            },
        ],
    },
    {
        "code": "AJ-2025-018",
        "title": "Require energy export terminals to plan for disruption to customer countries",
        "text": (
            "Australia should require operators of LNG and future hydrogen export terminals to "
            "include in their risk management programmes how they would keep supplying "
            "partner countries during a cyber or physical attack."
        ),
        "rationale": (
            "An outage at one export terminal can cut a large share of a partner's fuel supply. "
            "Current plans focus on the domestic market."
        ),
        "areas": ["critical-infrastructure-protection", "energy-security"],
        "workshops": ["industry-consultation-perth-2025"],
        "bodies": ["cisc", "dcceew"],
        "lead": "au",
        "priority": "medium",
        "target_date": date(2026, 9, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 12, 2),
                "status": "not_accepted",
                "summary": (
                    "The government considers the existing risk management programme rules "
                    "sufficient and will not add a requirement."
                ),
                "evidence": ("https://example.gov.au/cisc/government-response-2025",),
            },
        ],
    },
    {
        "code": "AJ-2025-019",
        "title": "Create a bilateral early-warning mechanism for supply shortages",
        "text": (
            "Australia and Japan should share in confidence early indicators of shortages in an "
            "agreed list of critical goods, such as fertiliser inputs, medical supplies, "
            "semiconductors and battery materials, and consult within two weeks of either side "
            "raising an alert."
        ),
        "rationale": (
            "Shortages are easier to manage when they are seen coming. Each country has data "
            "the other lacks."
        ),
        "areas": ["supply-chains"],
        "workshops": ["industry-roundtable-osaka-2025", "industry-consultation-perth-2025"],
        "bodies": ["dfat", "mofa-japan"],
        "lead": "joint",
        "priority": "high",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 10, 30),
                "status": "in_progress",
                "summary": "Officials agreed the list of critical goods the mechanism will cover.",
            },
            {
                "as_of": date(2026, 5, 28),
                "status": "implemented",
                "summary": (
                    "The mechanism is operating and held its first consultation on an alert. "
                    "早期警戒の枠組みが運用を開始した。"
                ),
                "evidence": (
                    "https://example.gov.au/dfat/supply-chain-early-warning",
                    "https://example.go.jp/mofa/supply-chain-early-warning",
                ),
            },
        ],
    },
    {
        "code": "AJ-2025-020",
        "title": "Store part of Japan's critical materials stockpile in Australia",
        "text": (
            "Japan should allow part of the stockpile of specified critical materials held "
            "under its economic security law to be stored in Australia, close to production, "
            "under an agreement giving both countries defined access in an emergency."
        ),
        "rationale": (
            "Storing material near the mine cuts cost and gives Australia a stake in the "
            "stockpile's purpose without weakening Japan's control of it."
        ),
        "areas": ["supply-chains", "critical-minerals"],
        "workshops": ["industry-roundtable-osaka-2025"],
        "bodies": ["meti", "jogmec"],
        "lead": "jp",
        "priority": "medium",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 11, 18),
                "status": "not_started",
                "summary": "METI will examine the legal basis for storing stockpiles abroad.",
            },
            {
                "as_of": date(2026, 9, 8),
                "status": "in_progress",
                "summary": (
                    "A feasibility study of storage sites in Western Australia is under way. "
                    "西オーストラリア州での保管候補地の調査が進められている。"
                ),
                "evidence": ("https://example.go.jp/jogmec/stockpile-feasibility-australia",),
            },
        ],
    },
    {
        "code": "AJ-2025-021",
        "title": "Publish a guide to Japanese public procurement for Australian suppliers",
        "text": (
            "DFAT should publish, with Japanese counterparts, a practical guide for Australian "
            "firms bidding to supply critical goods to Japanese public buyers."
        ),
        "rationale": (
            "Australian suppliers at the Osaka roundtable found Japanese public tenders hard to "
            "locate and qualify for."
        ),
        "areas": ["supply-chains"],
        "workshops": ["industry-roundtable-osaka-2025"],
        "bodies": ["dfat"],
        "lead": "au",
        "priority": "low",
        "target_date": date(2027, 6, 30),
        "is_published": False,
        "history": [HELD_BACK],
    },
    {
        "code": "AJ-2025-022",
        "title": "Recognise each other's conformity assessment for grid batteries and electrolysers",
        "text": (
            "Australia and Japan should conclude a mutual recognition arrangement so that a "
            "grid battery or electrolyser tested and certified in one country can be sold in "
            "the other without repeat testing."
        ),
        "rationale": (
            "Duplicate testing adds cost and delay to the equipment both countries need most "
            "for the energy transition."
        ),
        "areas": ["supply-chains", "clean-energy-technology"],
        "workshops": ["tokyo-workshop-2025"],
        "bodies": ["disr", "meti"],
        "lead": "joint",
        "priority": "medium",
        "target_date": date(2027, 3, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2026, 2, 11),
                "status": "not_started",
                "summary": "Both sides agreed to scope the arrangement during 2026-27.",
            },
        ],
    },
    {
        "code": "AJ-2025-023",
        "title": "Set up a rapid-response fund for exporters hit by coercive trade measures",
        "text": (
            "DFAT should establish a standing fund, with eligibility criteria published in "
            "advance, that gives temporary support and help finding new markets to Australian "
            "exporters targeted by coercive trade measures."
        ),
        "rationale": (
            "Support announced only after a measure is imposed arrives late. A standing fund "
            "with known rules reduces the pressure a coercing state can apply."
        ),
        "areas": ["economic-coercion"],
        "workshops": ["canberra-workshop-2025", "academic-consultation-sydney-2025"],
        "bodies": ["dfat"],
        "lead": "au",
        "priority": "high",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 10, 9),
                "status": "not_started",
                "summary": "DFAT is considering the recommendation.",
            },
            {
                "as_of": date(2026, 1, 29),
                "status": "not_accepted",
                "summary": (
                    "The government will rely on existing export assistance programmes rather "
                    "than create a dedicated fund."
                ),
                "evidence": ("https://example.gov.au/dfat/response-export-support",),
                "note": "Officials expect the question to return if a new measure is imposed.",
            },
        ],
    },
    {
        "code": "AJ-2025-024",
        "title": "Agree a protocol for joint responses to economic coercion",
        "text": (
            "Japan's Ministry of Foreign Affairs and DFAT should agree a protocol to consult "
            "within 72 hours when either country is targeted by economic coercion, and to issue "
            "joint or parallel statements where both agree."
        ),
        "rationale": (
            "Coercion works by isolating its target. A prompt, visible joint response raises "
            "its cost."
        ),
        "areas": ["economic-coercion"],
        "workshops": ["officials-consultation-tokyo-2025"],
        "bodies": ["mofa-japan", "dfat"],
        "lead": "jp",
        "priority": "high",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2026, 2, 24),
                "status": "in_progress",
                "summary": (
                    "A draft consultation protocol has been prepared by officials. "
                    "協議手順の案が作成された。"
                ),
            },
            {
                "as_of": date(2026, 10, 6),
                "status": "partially_implemented",
                "summary": (
                    "The protocol was agreed at officials' level; joint statements have not yet "
                    "been used. 事務レベルで手順が合意された。"
                ),
                "evidence": ("https://example.go.jp/mofa/economic-coercion-protocol",),
            },
        ],
    },
    {
        "code": "AJ-2025-025",
        "title": "Assess each country's exposure to coercion through its key exports",
        "text": (
            "The two countries' policy institutes should jointly assess which of each "
            "country's main exports are most exposed to coercive trade measures, and publish "
            "the method and findings."
        ),
        "rationale": (
            "Governments and firms need a shared, public picture of where they are exposed "
            "before they can reduce that exposure."
        ),
        "areas": ["economic-coercion", "supply-chains"],
        "workshops": ["industry-roundtable-osaka-2025", "tokyo-workshop-2025"],
        "bodies": ["ussc", "marunouchi-institute"],
        "lead": "joint",
        "priority": "medium",
        "target_date": date(2026, 9, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 12, 8),
                "status": "in_progress",
                "summary": "The two institutes agreed a method and began collecting data.",
            },
            {
                "as_of": date(2026, 8, 20),
                "status": "implemented",
                "summary": (
                    "The joint assessment was published in English and Japanese. "
                    "共同評価報告書が日英両言語で公表された。"
                ),
                "evidence": (
                    "https://example.org/ussc/coercion-exposure-assessment",
                    "https://example.jp/mies/coercion-exposure-assessment",
                ),
            },
        ],
    },
    {
        "code": "AJ-2025-026",
        "title": "Include anti-coercion provisions in trade negotiating mandates",
        "text": (
            "DFAT should include in its negotiating mandates for new trade agreements "
            "provisions that commit parties to consult and respond together when a party is "
            "coerced, and should report on progress to Parliament."
        ),
        "rationale": (
            "Trade agreements are the main tool Australia has to shape partners' conduct; few "
            "of them address coercion."
        ),
        "areas": ["economic-coercion"],
        "workshops": ["academic-consultation-sydney-2025"],
        "bodies": ["dfat"],
        "lead": "au",
        "priority": "medium",
        "target_date": date(2026, 3, 31),
        "is_published": True,
        "history": [PUT_FORWARD],
    },
    {
        "code": "AJ-2025-027",
        "title": "Co-invest in carbon storage sites in Australia for Japanese emitters",
        "text": (
            "METI and JOGMEC should co-invest with Australian partners in assessing and "
            "developing offshore carbon storage sites that can take captured carbon dioxide "
            "shipped from Japanese industry."
        ),
        "rationale": (
            "Japan has limited storage capacity of its own; Australia has large, well-studied "
            "basins. A cross-border chain needs public investment to start."
        ),
        "areas": ["clean-energy-technology", "energy-security"],
        "workshops": ["tokyo-workshop-2025"],
        "bodies": ["meti", "jogmec"],
        "lead": "jp",
        "priority": "medium",
        "target_date": date(2027, 3, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 12, 19),
                "status": "not_started",
                "summary": "METI will consider the proposal within its carbon capture roadmap.",
            },
            {
                "as_of": date(2026, 7, 30),
                "status": "in_progress",
                "summary": (
                    "JOGMEC joined a site appraisal in an Australian offshore basin. "
                    "豪州沖合の貯留適地調査にJOGMECが参画した。"
                ),
                "evidence": ("https://example.go.jp/jogmec/ccs/australia-appraisal",),
            },
        ],
    },
    {
        "code": "AJ-2025-028",
        "title": "Map Australia's fuel import dependence and share it with Japan",
        "text": (
            "The Department of Climate Change, Energy, the Environment and Water should map "
            "which refineries and shipping routes Australia's imported fuels depend on, and "
            "share the map with Japan to inform joint contingency planning."
        ),
        "rationale": (
            "Both countries import refined fuel through the same regional refineries and sea "
            "lanes, so a disruption would hit them at the same time."
        ),
        "areas": ["energy-security"],
        "workshops": ["industry-consultation-perth-2025"],
        "bodies": ["dcceew"],
        "lead": "au",
        "priority": "low",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2026, 1, 15),
                "status": "in_progress",
                "summary": "The department commissioned the mapping work.",
            },
            {
                "as_of": date(2026, 6, 10),
                "status": "implemented",
                "summary": "The map was completed and shared with Japanese officials.",
                "evidence": ("https://example.gov.au/dcceew/fuel-import-dependence",),
            },
        ],
    },
    {
        "code": "AJ-2025-029",
        "title": "Share threat information on energy-sector operational technology",
        "text": (
            "The Cyber and Infrastructure Security Centre and METI should set up a channel for "
            "sharing threat information about the control systems that run power plants, "
            "pipelines and LNG terminals, including with cleared operators."
        ),
        "rationale": (
            "Attacks on industrial control systems often reuse the same tools across "
            "countries. Early warning from one side protects the other."
        ),
        "areas": ["energy-security", "critical-infrastructure-protection"],
        "workshops": ["canberra-workshop-2025"],
        "bodies": ["cisc", "meti"],
        "lead": "joint",
        "priority": "medium",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2026, 3, 3),
                "status": "in_progress",
                "summary": "The two agencies agreed handling rules for shared threat information.",
            },
            {
                "as_of": date(2026, 9, 17),
                "status": "partially_implemented",
                "summary": (
                    "Government-to-government sharing has begun; operators are not yet "
                    "connected. 政府間の共有は開始されたが、事業者への展開は未了。"
                ),
                "evidence": ("https://example.gov.au/cisc/ot-threat-sharing",),
            },
        ],
    },
    {
        "code": "AJ-2025-030",
        "title": "Fund joint geological surveys of under-explored mineral provinces",
        "text": (
            "JOGMEC should co-fund with Australian geological agencies surveys of "
            "under-explored provinces likely to hold critical minerals, with results made "
            "public."
        ),
        "rationale": (
            "Pre-competitive data attracts exploration investment from both countries and "
            "widens the pipeline of future supply."
        ),
        "areas": ["critical-minerals"],
        "workshops": ["industry-consultation-perth-2025"],
        "bodies": ["jogmec"],
        "lead": "jp",
        "priority": "low",
        "target_date": date(2027, 6, 30),
        "is_published": False,
        "history": [HELD_BACK],
    },
    {
        "code": "AJ-2025-031",
        "title": "Establish a joint research fellowship on economic security and technology",
        "text": (
            "The Australian National University and the University of Tokyo should establish "
            "an exchange fellowship for early-career researchers working on economic security, "
            "critical technologies and AI policy."
        ),
        "rationale": (
            "The dialogue depends on a small pool of experts who know both systems. A "
            "fellowship builds the next generation of them."
        ),
        "areas": ["ai-governance", "economic-coercion"],
        "workshops": ["academic-consultation-sydney-2025"],
        "bodies": ["anu", "university-of-tokyo"],
        "lead": "joint",
        "priority": "low",
        "target_date": date(2026, 12, 31),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2026, 2, 2),
                "status": "in_progress",
                "summary": "The two universities signed an agreement to fund the fellowship.",
            },
            {
                "as_of": date(2026, 10, 28),
                "status": "implemented",
                "summary": (
                    "The first six fellows were appointed. 第1期のフェロー6名が採用された。"
                ),
                "evidence": ("https://example.org/anu/economic-security-fellowship",),
            },
        ],
    },
    {
        "code": "AJ-2025-032",
        "title": "Offer production tax credits for processing sold to allied buyers",
        "text": (
            "The Australian Government should offer a production tax credit for critical "
            "minerals processed in Australia, with a higher rate for output sold under "
            "long-term contracts to buyers in partner countries such as Japan."
        ),
        "rationale": (
            "Processing margins are thin and volatile. A credit tied to output rewards "
            "production rather than announcements."
        ),
        "areas": ["critical-minerals", "supply-chains"],
        "workshops": ["industry-consultation-perth-2025", "canberra-workshop-2025"],
        "bodies": ["disr"],
        "lead": "au",
        "priority": "high",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 9, 25),
                "status": "in_progress",
                "summary": "Draft legislation for the credit was released for comment.",
                "evidence": ("https://example.gov.au/disr/processing-tax-credit-draft",),
            },
            {
                "as_of": date(2026, 4, 30),
                "status": "partially_implemented",
                "summary": "The credit was legislated; the higher rate for allied offtake is pending regulations.",
            },
            {
                "as_of": date(2026, 7, 1),
                "status": "implemented",
                "summary": "Regulations setting the higher rate for allied offtake took effect.",
                "evidence": ("https://example.gov.au/disr/processing-tax-credit-regulations",),
            },
        ],
    },
    {
        "code": "AJ-2025-033",
        "title": "Open Japan's green innovation fund to consortia with Australian partners",
        "text": (
            "METI should allow consortia that include Australian companies or universities to "
            "apply to its green innovation fund for projects that strengthen supply chains "
            "serving Japan."
        ),
        "rationale": (
            "Many of the technologies the fund supports depend on Australian resources and "
            "research; excluding Australian partners narrows the options."
        ),
        "areas": ["clean-energy-technology"],
        "workshops": ["tokyo-workshop-2025"],
        "bodies": ["meti", "university-of-tokyo"],
        "lead": "jp",
        "priority": "medium",
        "target_date": date(2026, 9, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 10, 17),
                "status": "not_started",
                "summary": "METI acknowledged the recommendation.",
            },
            {
                "as_of": date(2026, 3, 12),
                "status": "not_accepted",
                "summary": (
                    "METI replied that the fund's eligibility is set by its governing rules and "
                    "will not change. 制度上、対象は国内事業者に限られるとの回答があった。"
                ),
                "evidence": ("https://example.go.jp/meti/green-innovation-fund-response",),
            },
        ],
    },
    {
        "code": "AJ-2025-034",
        "title": "Publish guidance on AI use by critical infrastructure operators",
        "text": (
            "The Cyber and Infrastructure Security Centre should publish guidance on how "
            "operators of critical infrastructure should assess and manage the risks of the AI "
            "systems they deploy, drawing on Japan's work in the same area."
        ),
        "rationale": (
            "Operators asked for clear expectations before they commit to AI in control rooms."
        ),
        "areas": ["ai-governance", "critical-infrastructure-protection"],
        "workshops": ["canberra-workshop-2025"],
        "bodies": ["cisc"],
        "lead": "au",
        "priority": "medium",
        "target_date": date(2027, 3, 31),
        "is_published": True,
        "history": [PUT_FORWARD],
    },
    {
        "code": "AJ-2025-035",
        "title": "Form an industry council on battery and magnet supply chains",
        "text": (
            "The two governments should convene a standing council of Australian and Japanese "
            "firms across the battery and magnet supply chains, to advise on investment "
            "barriers and to match suppliers with buyers."
        ),
        "rationale": (
            "Firms at the roundtable knew little about potential partners in the other country. "
            "A standing council turns one-off contacts into deals."
        ),
        "areas": ["clean-energy-technology", "supply-chains"],
        "workshops": ["industry-roundtable-osaka-2025"],
        "bodies": ["disr", "meti", "southern-cross-rare-earths", "hoshizora-battery-materials"],
        "lead": "joint",
        "priority": "medium",
        "target_date": date(2026, 6, 30),
        "is_published": True,
        "history": [
            PUT_FORWARD,
            {
                "as_of": date(2025, 10, 2),
                "status": "in_progress",
                "summary": "Industry co-chairs were appointed and membership invitations sent.",
            },
            {
                "as_of": date(2026, 2, 18),
                "status": "implemented",
                "summary": (
                    "The council held its first meeting and agreed a work plan. "
                    "評議会の初会合が開催され、作業計画が合意された。"
                ),
                "evidence": (
                    "https://example.gov.au/disr/battery-magnet-industry-council",
                    "https://example.go.jp/meti/battery-magnet-industry-council",
                ),
            },
        ],
    },
    {
        "code": "AJ-2025-036",
        "title": "Raise the economic security dialogue to ministerial level",
        "text": (
            "Australia and Japan should hold a yearly ministerial meeting on economic security, "
            "supported by the officials' mechanisms recommended elsewhere in this report, to "
            "set priorities and review progress."
        ),
        "rationale": (
            "Cooperation that rests on officials alone stalls when priorities shift. A "
            "ministerial meeting gives it lasting political direction."
        ),
        "areas": ["economic-coercion", "supply-chains"],
        "workshops": ["officials-consultation-tokyo-2025", "tokyo-workshop-2025"],
        "bodies": ["dfat", "mofa-japan"],
        "lead": "joint",
        "priority": "high",
        "target_date": date(2027, 6, 30),
        "is_published": False,
        "history": [
            {**HELD_BACK, "note": "Not for publication until both ministers have been briefed."},
        ],
    },
]
