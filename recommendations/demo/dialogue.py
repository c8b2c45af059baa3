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
        "name_ja": "エネルギー安全保障",
        "order": 1,
        "description": (
            "Reliable and affordable access to fuel and power for both countries through the "
            "energy transition: LNG trade, emergency arrangements between buyers and "
            "suppliers, fuel stocks and planning information."
        ),
        "description_ja": (
            "エネルギー転換の過程における両国の燃料・電力の安定的かつ低廉な確保。LNG取引、"
            "供給者・需要家間の緊急時の取決め、燃料備蓄及び計画策定に資する情報を含む。"
        ),
    },
    {
        "slug": "clean-energy-technology",
        "name": "Clean energy technology",
        "name_ja": "クリーンエネルギー技術",
        "order": 2,
        "description": (
            "Developing, certifying, financing and manufacturing the technologies of a "
            "low-emission economy together: hydrogen and ammonia, batteries, grid storage "
            "and carbon capture."
        ),
        "description_ja": (
            "低排出経済を支える技術の日豪共同による開発、認証、資金供給及び製造。水素・アンモニア、"
            "蓄電池、系統用蓄電及びCO2回収を含む。"
        ),
    },
    {
        "slug": "ai-governance",
        "name": "AI governance",
        "name_ja": "AIガバナンス",
        "order": 3,
        "description": (
            "Rules, safety evaluation and standards for artificial intelligence and other "
            "emerging technologies, and joint positions in the international bodies that "
            "set them."
        ),
        "description_ja": (
            "AIその他の新興技術に関するルール、安全性評価及び標準、"
            "並びにこれらを策定する国際的な場における日豪の共同ポジション。"
        ),
    },
    {
        "slug": "critical-minerals",
        "name": "Critical minerals",
        "name_ja": "重要鉱物",
        "order": 4,
        "description": (
            "Exploration, processing, offtake and stockpiling of the minerals that energy, "
            "electronics and defence industries depend on, with the aim of reducing reliance "
            "on a single dominant processor."
        ),
        "description_ja": (
            "エネルギー、エレクトロニクス及び防衛の各産業が依存する鉱物の探鉱、加工、"
            "引取り及び備蓄。加工工程で支配的な地位を占める特定国への依存の低減を目指す。"
        ),
    },
    {
        "slug": "critical-infrastructure-protection",
        "name": "Critical-infrastructure protection",
        "name_ja": "重要インフラ防護",
        "order": 5,
        "description": (
            "Protecting energy systems, ports, data centres and undersea cables against "
            "cyber attack, sabotage and risky foreign control, including the information "
            "the two governments share with operators."
        ),
        "description_ja": (
            "エネルギーシステム、港湾、データセンター及び海底ケーブルを、サイバー攻撃、"
            "破壊工作及びリスクのある外国からの支配から守る取組。"
            "両国政府が事業者と共有する情報を含む。"
        ),
    },
    {
        "slug": "supply-chains",
        "name": "Supply chains",
        "name_ja": "サプライチェーン強靱化",
        "order": 6,
        "description": (
            "Early warning of shortages, traceability, mutual recognition of standards and "
            "shared stockpiles, so that disruption in one link does not halt production in "
            "either country."
        ),
        "description_ja": (
            "供給不足の早期警戒、トレーサビリティ、基準の相互承認及び共同備蓄により、"
            "サプライチェーンの一部の途絶がいずれの国の生産停止にもつながらないようにする取組。"
        ),
    },
    {
        "slug": "economic-coercion",
        "name": "Economic coercion",
        "name_ja": "経済的威圧への対応",
        "order": 7,
        "description": (
            "Deterring and responding to trade restrictions and other economic pressure used "
            "for political ends: coordinated diplomacy, support for targeted exporters and "
            "assessments of exposure."
        ),
        "description_ja": (
            "政治的目的で用いられる貿易制限その他の経済的圧力の抑止及びこれへの対応。外交上の連携、"
            "標的とされた輸出事業者への支援及び脆弱性の評価を含む。"
        ),
    },
]

# Real agencies and universities appear as addressees only; companies and the
# Tokyo think tank are invented.
ORGANISATIONS = [
    {
        "slug": "dfat",
        "name": "Department of Foreign Affairs and Trade",
        "name_ja": "豪州外務貿易省",
        "short_name": "DFAT",
        "country": "au",
        "sector": "government",
    },
    {
        "slug": "disr",
        "name": "Department of Industry, Science and Resources",
        "name_ja": "豪州産業・科学・資源省",
        "short_name": "DISR",
        "country": "au",
        "sector": "government",
    },
    {
        "slug": "cisc",
        "name": "Cyber and Infrastructure Security Centre",
        "name_ja": "豪州サイバー・インフラセキュリティセンター",
        "short_name": "CISC",
        "country": "au",
        "sector": "government",
    },
    {
        "slug": "dcceew",
        "name": "Department of Climate Change, Energy, the Environment and Water",
        "name_ja": "豪州気候変動・エネルギー・環境・水省",
        "short_name": "DCCEEW",
        "country": "au",
        "sector": "government",
    },
    {
        "slug": "anu",
        "name": "Australian National University",
        "name_ja": "オーストラリア国立大学",
        "short_name": "ANU",
        "country": "au",
        "sector": "academia",
    },
    {
        "slug": "ussc",
        "name": "United States Studies Centre",
        "name_ja": "シドニー大学米国研究センター",
        "short_name": "USSC",
        "country": "au",
        "sector": "think_tank",
    },
    {
        "slug": "southern-cross-rare-earths",
        "name": "Southern Cross Rare Earths Pty Ltd",
        "name_ja": "サザンクロス・レアアース社",
        "short_name": "Southern Cross RE",
        "country": "au",
        "sector": "industry",
    },
    {
        "slug": "meti",
        "name": "Ministry of Economy, Trade and Industry",
        "name_ja": "経済産業省",
        "short_name": "METI",
        "short_name_ja": "経産省",
        "country": "jp",
        "sector": "government",
    },
    {
        "slug": "mofa-japan",
        "name": "Ministry of Foreign Affairs of Japan",
        "name_ja": "外務省",
        "short_name": "MOFA",
        "country": "jp",
        "sector": "government",
    },
    {
        "slug": "jogmec",
        "name": "Japan Organization for Metals and Energy Security",
        "name_ja": "エネルギー・金属鉱物資源機構",
        "short_name": "JOGMEC",
        "short_name_ja": "JOGMEC",
        "country": "jp",
        "sector": "government",
    },
    {
        "slug": "cabinet-office-japan",
        "name": "Cabinet Office of Japan",
        "name_ja": "内閣府",
        "short_name": "Cabinet Office",
        "country": "jp",
        "sector": "government",
    },
    {
        "slug": "university-of-tokyo",
        "name": "University of Tokyo",
        "name_ja": "東京大学",
        "short_name": "UTokyo",
        "short_name_ja": "東大",
        "country": "jp",
        "sector": "academia",
    },
    {
        "slug": "marunouchi-institute",
        "name": "Marunouchi Institute for Economic Security",
        "name_ja": "丸の内経済安全保障研究所",
        "short_name": "MIES",
        "country": "jp",
        "sector": "think_tank",
    },
    {
        "slug": "hoshizora-battery-materials",
        "name": "Hoshizora Battery Materials Co., Ltd.",
        "name_ja": "星空電池材料株式会社",
        "short_name": "Hoshizora",
        "short_name_ja": "星空電池材料",
        "country": "jp",
        "sector": "industry",
    },
]

WORKSHOPS = [
    {
        "slug": "canberra-workshop-2025",
        "kind": "workshop",
        "title": "Canberra workshop: towards a shared economic security agenda",
        "title_ja": "キャンベラ・ワークショップ：経済安全保障に関する共通アジェンダの構築に向けて",
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
        "summary_ja": (
            "日豪経済安全保障対話における2回のワークショップのうち第1回。"
            "両国経済が共通して依存する脆弱な結節点として、加工済み重要鉱物、"
            "LNG輸送及びエネルギー網を制御するデジタルシステムを特定した。重要鉱物への資金供給、"
            "インフラの安全確保及び経済的威圧への対応をテーマにセッションを行い、"
            "本対話の提言の第1次案を取りまとめた。"
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
        "title_ja": "資源・エネルギー業界との非公開協議",
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
        "summary_ja": (
            "両国の鉱山会社、加工事業者、電池材料メーカー及びエネルギー企業から、"
            "相互のサプライチェーンへの投資を妨げている要因として、中流工程における価格リスク、"
            "認証の重複及び許認可手続の遅延が示された。これらの指摘は、"
            "加工事業への資金供給及びトレーサビリティに関する提言に反映された。"
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
        "title_ja": "政府関係者との非公開協議（個人の資格による参加）",
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
        "summary_ja": (
            "両国政府の現職及び元職の関係者が個人の資格で参加し、"
            "各提案が既存の予算及び法制度の範囲内で実施可能かを検証した。議論は、投資審査、"
            "威圧への協調対応及び重要インフラにおけるAIのセキュリティ要件を中心に行われた。"
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
        "title_ja": "東京ワークショップ：共通の脆弱性から共同行動へ",
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
        "summary_ja": (
            "第2回ワークショップでは、キャンベラでの議論の結果を、"
            "特定の担当機関に宛てた提案に具体化した。エネルギー安全保障、クリーンエネルギー技術、"
            "AIガバナンス及び重要鉱物について幅広い合意が得られたほか、"
            "単発の事業ではなく常設の二国間枠組みが必要との認識が共有された。"
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
        "title_ja": "サプライチェーン強靱化及び経済的威圧への対応に関する産業界ラウンドテーブル",
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
        "summary_ja": (
            "製造業及び物流企業の参加を得て、供給不足の早期警戒、共同備蓄、"
            "政治的理由による貿易制限に企業がいかに備えるかについて議論した。"
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
    "summary_ja": "本対話の成果報告書において担当機関に提示した。",
    "evidence": ("https://example.org/ussc/australia-japan-economic-security-outcomes-2025",),
}

# The recommendations left in English only (to show the fallback) start in English only too.
ENGLISH_ONLY_PUT_FORWARD = {**PUT_FORWARD, "summary_ja": ""}

# A draft's only entry: recorded, but not yet cleared for publication.
HELD_BACK = {
    "as_of": PUT_TO_GOVERNMENTS,
    "status": "proposed",
    "summary": "Recorded by the secretariat; awaiting clearance before publication.",
    "summary_ja": "事務局において登録済みであり、公開に向けた確認を待っている。",
}

# Each history lists its updates oldest first; "evidence" holds links, "note" the private note.
RECOMMENDATIONS = [
    {
        "code": "AJ-2025-001",
        "title": "Create a joint facility to finance critical minerals processing",
        "title_ja": "重要鉱物の中流工程に対する日豪共同融資枠組みの創設",
        "text": (
            "Australia and Japan should set up a jointly governed facility that co-finances "
            "mid-stream processing of lithium, nickel and rare earths in Australia, with a "
            "Japanese offtake commitment attached to every project it supports. The facility "
            "should publish its investment criteria and report each year on the processing "
            "capacity it has financed."
        ),
        "text_ja": (
            "日豪両国は、共同で運営する融資枠組みを創設し、豪州におけるリチウム、"
            "ニッケル及びレアアースの中流工程（加工）に協調融資を行うべきである。"
            "支援対象となる全ての事業には、日本側の引取りコミットメントを付すこととする。"
            "同枠組みは投資基準を公表するとともに、融資した加工能力について毎年報告すべきである。"
        ),
        "rationale": (
            "Australia mines a large share of several critical minerals but processes little "
            "of it at home, while Japanese manufacturers need secure processed supply. Linking "
            "finance to offtake removes the price risk that keeps private lenders away."
        ),
        "rationale_ja": (
            "豪州は複数の重要鉱物で大きな採掘シェアを有するが、国内での加工はわずかである。一方、"
            "日本の製造業は加工済み原料の安定確保を必要としている。融資と引取りを結び付けることで、"
            "民間金融機関の参入を阻んできた価格リスクを取り除くことができる。"
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
                "summary_ja": (
                    "両国の担当者が、加工事業への資金供給に関する作業部会の付託事項に合意した。"
                ),
                "evidence": ("https://example.gov.au/disr/processing-finance-working-group",),
            },
            {
                "as_of": date(2026, 8, 14),
                "status": "partially_implemented",
                "summary": (
                    "Two processing projects have received joint finance; the investment "
                    "criteria are still in draft and have not been published."
                ),
                "summary_ja": (
                    "加工事業2件に対する協調融資が決定した。投資基準は案の段階にとどまり、"
                    "未公表である。"
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
        "title_ja": "JOGMECの出資・引取保証制度の豪州レアアース分離事業への適用拡大",
        "text": (
            "JOGMEC should make rare-earth separation and refining projects located in "
            "Australia eligible for its equity investment and offtake guarantee programmes, "
            "with an allocation reserved for projects that supply Japanese magnet makers."
        ),
        "text_ja": (
            "JOGMECは、豪州に所在するレアアースの分離・精製事業を出資及び引取保証制度の対象とし、"
            "日本の磁石メーカーに供給する事業向けの枠を確保すべきである。"
        ),
        "rationale": (
            "Separation is the narrowest point of the rare-earth magnet supply chain. Japanese "
            "public finance has experience in this segment and can carry risk that commercial "
            "lenders will not yet take."
        ),
        "rationale_ja": (
            "分離工程は、レアアース磁石のサプライチェーンにおける最大のボトルネックである。"
            "日本の公的金融はこの分野での経験を有しており、"
            "民間金融機関が現時点では負わないリスクを引き受けることができる。"
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
                    "JOGMEC replied that it will consider the proposal in its next budget cycle."
                ),
                "summary_ja": "JOGMECから、次年度予算の編成過程で検討するとの回答があった。",
            },
            {
                "as_of": date(2026, 2, 16),
                "status": "in_progress",
                "summary": (
                    "A call for proposals that includes Australian separation projects opened."
                ),
                "summary_ja": "豪州の分離事業を対象に含む公募が開始された。",
                "evidence": ("https://example.go.jp/jogmec/rare-earths/call-2026",),
            },
            {
                "as_of": date(2026, 9, 30),
                "status": "implemented",
                "summary": (
                    "Two Australian rare-earth separation projects received equity under the "
                    "widened programme."
                ),
                "summary_ja": "拡充後の制度の下で、豪州のレアアース分離事業2件への出資が決定した。",
                "evidence": ("https://example.go.jp/jogmec/rare-earths/equity-decisions-2026",),
            },
        ],
    },
    {
        "code": "AJ-2025-003",
        "title": "Publish the design of the critical minerals reserve, including partner offtake",
        "title_ja": "重要鉱物戦略備蓄の制度設計の公表（パートナー国による引取りを含む）",
        "text": (
            "The Australian Government should publish how its critical minerals strategic "
            "reserve will operate, including the terms on which partners such as Japan may "
            "contract for reserve volumes during a supply disruption."
        ),
        "text_ja": (
            "豪州政府は、重要鉱物戦略備蓄の運用方法を公表すべきである。その際、"
            "供給途絶時に日本等のパートナー国が備蓄分を契約により確保する場合の条件を"
            "含めるべきである。"
        ),
        "rationale": (
            "A reserve that partners can draw on in a crisis deters supply cut-offs better than "
            "a purely domestic stockpile, and published rules give investors confidence."
        ),
        "rationale_ja": (
            "危機時にパートナー国が利用できる備蓄は、国内向けに限った備蓄よりも供給停止に対する"
            "抑止効果が高い。また、ルールを公表することで投資家の信頼が高まる。"
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
                "summary_ja": (
                    "備蓄の制度設計に関するパブリックコンサルテーションが開始された。"
                    "パートナー国による引取りに関する設問も含まれている。"
                ),
                "evidence": ("https://example.gov.au/disr/strategic-reserve-consultation",),
            },
            {
                "as_of": date(2026, 10, 15),
                "status": "partially_implemented",
                "summary": (
                    "The design paper was published; rules for partner offtake were deferred "
                    "to a second stage."
                ),
                "summary_ja": (
                    "制度設計に関する文書が公表された。パートナー国による引取りに関するルールは"
                    "第2段階に先送りされた。"
                ),
                "evidence": ("https://example.gov.au/disr/strategic-reserve-design-paper",),
            },
        ],
    },
    {
        "code": "AJ-2025-004",
        "title": "Agree a common traceability standard for critical mineral supply chains",
        "title_ja": "重要鉱物サプライチェーンに関する共通トレーサビリティ基準の合意",
        "text": (
            "The two governments should agree a common data standard for tracing critical "
            "minerals from mine to component, covering origin, place of processing and "
            "environmental and labour performance, and should recognise each other's "
            "certification schemes built on it."
        ),
        "text_ja": (
            "両国政府は、重要鉱物を鉱山から部品に至るまで追跡するための共通データ基準（原産地、"
            "加工地並びに環境面及び労働面のパフォーマンスを対象とする。）に合意し、"
            "同基準に基づく相互の認証制度を承認すべきである。"
        ),
        "rationale": (
            "Buyers in both countries must show where their minerals come from. One standard "
            "lowers the cost of doing so and makes it harder for material of unknown origin "
            "to enter allied supply chains."
        ),
        "rationale_ja": (
            "両国の需要家は、調達する鉱物の出所を示す必要がある。"
            "基準を一本化することでその負担が軽減され、出所不明の原料が同盟国・同志国の"
            "サプライチェーンに流入しにくくなる。"
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
                "summary_ja": "両国政府とも趣旨に賛同したが、作業計画は未策定である。",
            },
            {
                "as_of": date(2026, 4, 9),
                "status": "in_progress",
                "summary": (
                    "A technical group of the two countries' standards bodies began drafting "
                    "the data standard."
                ),
                "summary_ja": "両国の標準化機関による技術部会が、データ基準の起草を開始した。",
                "evidence": ("https://example.go.jp/meti/traceability-technical-group",),
            },
        ],
    },
    {
        "code": "AJ-2025-005",
        "title": "Agree rules for swapping LNG cargoes in a supply emergency",
        "title_ja": "供給緊急時におけるLNGカーゴ融通ルールの合意",
        "text": (
            "Japan's Ministry of Economy, Trade and Industry should agree with Australian "
            "counterparts a framework under which Japanese utilities can swap or redirect "
            "Australian LNG cargoes at short notice in a supply emergency, with triggers and "
            "pricing rules settled in advance."
        ),
        "text_ja": (
            "経済産業省は、豪州側当局との間で、供給緊急時に日本の電力・ガス事業者が豪州産LNGの"
            "カーゴを短期間で融通又は仕向地変更できる枠組みに合意すべきである。"
            "発動要件及び価格決定ルールはあらかじめ定めておくこととする。"
        ),
        "rationale": (
            "Australia is Japan's largest LNG supplier. Rules agreed before a crisis shorten "
            "the response to a disruption and prevent allies bidding against each other."
        ),
        "rationale_ja": (
            "豪州は日本にとって最大のLNG供給国である。危機の発生前にルールに合意しておくことで、"
            "供給途絶への対応が迅速化し、同盟国・同志国間での調達競合を防ぐことができる。"
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
                    "redirecting cargoes."
                ),
                "summary_ja": (
                    "経済産業省と豪州側当局が、カーゴの仕向地変更に関する初の机上演習を実施した。"
                ),
                "evidence": ("https://example.go.jp/meti/lng/tabletop-exercise-2025",),
            },
            {
                "as_of": date(2026, 6, 22),
                "status": "implemented",
                "summary": (
                    "A memorandum setting triggers and pricing rules for emergency cargo swaps "
                    "was signed."
                ),
                "summary_ja": (
                    "緊急時のカーゴ融通に係る発動要件及び価格決定ルールを定めた覚書が署名された。"
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
            ENGLISH_ONLY_PUT_FORWARD,
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
        "title_ja": "単一の共通証明書による水素・アンモニア輸送パイロット事業の実施",
        "text": (
            "Australia and Japan should co-fund a pilot that ships low-emission ammonia from an "
            "Australian producer to a Japanese power station, using a single certificate of "
            "origin and emissions intensity that both governments accept."
        ),
        "text_ja": (
            "日豪両国は、豪州の生産者から日本の発電所へ低排出アンモニアを輸送するパイロット事業に"
            "共同で資金を拠出すべきである。その際、原産地及び排出原単位について両国政府が受け入れる"
            "単一の証明書を用いることとする。"
        ),
        "rationale": (
            "Each country's hydrogen strategy depends on the other, but projects stall over "
            "whose certification applies. A pilot with one certificate proves the trade works."
        ),
        "rationale_ja": (
            "両国の水素戦略は互いに依存しているが、いずれの国の認証を適用するかをめぐり案件が"
            "停滞している。単一の証明書を用いたパイロット事業により、"
            "この取引が成立することを実証できる。"
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
                "summary_ja": "両国政府が提言を原則として受け入れた。",
            },
            {
                "as_of": date(2026, 3, 10),
                "status": "in_progress",
                "summary": (
                    "The pilot's partners were named and work on the shared certificate began."
                ),
                "summary_ja": (
                    "パイロット事業の参加企業が決定し、共通証明書の策定作業が開始された。"
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
        "title_ja": "日本の蓄電池関連補助金の豪州所在前駆体工場への対象拡大",
        "text": (
            "The Japanese Government should make Japanese companies that build precursor "
            "cathode material plants in Australia eligible for its battery supply chain "
            "subsidies, where the plant's output is committed to Japanese cell makers."
        ),
        "text_ja": (
            "日本政府は、豪州に正極材前駆体の工場を建設する日本企業について、"
            "当該工場の生産物が日本の電池セルメーカーへの供給に充てられる場合には、"
            "蓄電池サプライチェーンに係る補助金の対象とすべきである。"
        ),
        "rationale": (
            "Japanese battery makers rely on precursor materials processed mostly in one "
            "country. Producing them next to Australian lithium and nickel shortens and "
            "diversifies the chain."
        ),
        "rationale_ja": (
            "日本の電池メーカーは、大半が一か国で加工される前駆体材料に依存している。"
            "豪州産のリチウム及びニッケルの産地近くで生産することで、"
            "サプライチェーンの短縮と多角化が図られる。"
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
                    "supply Japan; the first applications are being assessed."
                ),
                "summary_ja": (
                    "補助金の交付要綱が改定され、日本に供給する海外の前駆体工場が補助対象に"
                    "追加された。初回の申請を審査中である。"
                ),
                "evidence": ("https://example.go.jp/meti/battery-subsidy-guidelines-2026",),
            },
        ],
    },
    {
        "code": "AJ-2025-009",
        "title": "Fund testing for clean-energy start-ups seeking Japanese customers",
        "title_ja": "日本の顧客獲得を目指すクリーンエネルギー分野スタートアップへの試験費用支援",
        "text": (
            "The Department of Industry, Science and Resources should pay for Australian "
            "clean-energy start-ups to use testing and certification facilities recognised by "
            "Japanese buyers, so that a product is qualified once for both markets."
        ),
        "text_ja": (
            "豪州産業・科学・資源省は、豪州のクリーンエネルギー分野のスタートアップが、"
            "日本の需要家に認められた試験・認証施設を利用する費用を負担し、"
            "一度の製品認証で両市場に対応できるようにすべきである。"
        ),
        "rationale": (
            "Start-ups reported that repeating product qualification for Japanese customers "
            "adds a year or more to their first export sale."
        ),
        "rationale_ja": (
            "スタートアップからは、日本の顧客向けに製品認証をやり直すことで、"
            "最初の輸出販売までに1年以上余計に時間を要しているとの報告があった。"
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
        "title_ja": "AI安全性評価に関する常設パートナーシップの構築",
        "text": (
            "Australia and Japan should set up a standing partnership between the bodies that "
            "evaluate advanced AI systems in each country, to share test methods, run joint "
            "evaluations and publish common findings where they can."
        ),
        "text_ja": (
            "日豪両国は、それぞれの国で先端AIシステムの評価を担う機関の間に常設のパートナーシップを"
            "構築し、試験手法の共有、共同評価の実施及び可能な範囲での共通の評価結果の公表を"
            "行うべきである。"
        ),
        "rationale": (
            "Neither country can evaluate every advanced model on its own. Shared methods and "
            "results let each benefit from the other's work and give both more weight in "
            "international discussions."
        ),
        "rationale_ja": (
            "いずれの国も、単独で全ての先端モデルを評価することはできない。"
            "手法と結果を共有することで互いの成果を活用でき、"
            "国際的な議論における両国の発言力も高まる。"
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
                    "The two governments exchanged letters of intent on AI safety evaluation."
                ),
                "summary_ja": "両国政府が、AI安全性評価に関する意図表明書を交換した。",
                "evidence": ("https://example.go.jp/cao/ai/letter-of-intent-australia",),
            },
            {
                "as_of": date(2026, 7, 7),
                "status": "partially_implemented",
                "summary": (
                    "A first joint evaluation was completed; a standing work programme has not "
                    "yet been agreed."
                ),
                "summary_ja": "初の共同評価が完了した。常設の作業計画については未合意である。",
                "evidence": ("https://example.gov.au/disr/ai/joint-evaluation-2026",),
            },
        ],
    },
    {
        "code": "AJ-2025-011",
        "title": "Align AI incident reporting categories with Australian guidance",
        "title_ja": "AIインシデント報告の分類の豪州ガイダンスとの整合",
        "text": (
            "Japan's Cabinet Office should align the categories in its voluntary AI incident "
            "reporting guidance with those Australia uses, so that companies operating in both "
            "markets can report an incident once."
        ),
        "text_ja": (
            "内閣府は、AIインシデントの任意報告に関するガイダンスの分類を豪州が用いる分類と"
            "整合させ、両市場で事業を行う企業が一度の報告で対応できるようにすべきである。"
        ),
        "rationale": (
            "Firms active in both markets currently classify the same incident twice, which "
            "delays reports and makes bilateral comparison impossible."
        ),
        "rationale_ja": (
            "両市場で事業を行う企業は、現在、同一のインシデントを二度にわたり分類しており、"
            "報告の遅延を招くとともに、二国間での比較を不可能にしている。"
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
                "summary_ja": "内閣府が提言の受領を確認した。",
            },
            {
                "as_of": date(2026, 2, 5),
                "status": "not_accepted",
                "summary": (
                    "The Cabinet Office will follow the international categories now being "
                    "developed rather than align bilaterally."
                ),
                "summary_ja": (
                    "内閣府から、二国間での整合ではなく、現在策定中の国際的な分類に準拠する方針との"
                    "回答があった。"
                ),
                "evidence": ("https://example.go.jp/cao/ai/incident-reporting-response",),
            },
        ],
    },
    {
        "code": "AJ-2025-012",
        "title": "Finalise guardrails for high-risk AI that map onto Japan's guidelines",
        "title_ja": (
            "日本の「AI事業者ガイドライン」との対応関係を明確にした高リスクAIガードレールの策定"
        ),
        "text": (
            "The Australian Government should finalise its guardrails for AI used in high-risk "
            "settings in a form that maps clearly onto Japan's AI business guidelines, and "
            "publish that mapping."
        ),
        "text_ja": (
            "豪州政府は、高リスクの場面で用いられるAIに関するガードレールを、"
            "日本のAI事業者ガイドラインとの対応関係が明確な形で最終化し、"
            "その対応表を公表すべきである。"
        ),
        "rationale": (
            "Companies in both markets want one set of controls. A published mapping shows "
            "where the two regimes already agree and where they differ."
        ),
        "rationale_ja": (
            "両市場の企業は、単一の管理措置の体系を求めている。対応表を公表することで、"
            "両制度の一致点と相違点が明らかになる。"
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
                "summary_ja": (
                    "ガードレールに関する意見募集が終了し、豪州産業・科学・資源省が案を"
                    "作成中である。"
                ),
                "evidence": ("https://example.gov.au/disr/ai/guardrails-consultation",),
            },
            {
                "as_of": date(2026, 6, 18),
                "status": "partially_implemented",
                "summary": (
                    "The guardrails were issued as a voluntary standard with the mapping to "
                    "Japan's guidelines as an annex; mandatory elements were deferred."
                ),
                "summary_ja": (
                    "ガードレールは任意の標準として公表され、"
                    "日本のガイドラインとの対応表が附属文書とされた。義務的な要素は先送りされた。"
                ),
                "evidence": ("https://example.gov.au/disr/ai/voluntary-standard-2026",),
            },
        ],
    },
    {
        "code": "AJ-2025-013",
        "title": "Coordinate positions in international standards bodies on AI",
        "title_ja": "AIに関する国際標準化機関における日豪の立場の調整",
        "text": (
            "DFAT and Japan's Ministry of Foreign Affairs should meet before each major "
            "session of the international bodies that set standards for AI and emerging "
            "technologies, and nominate experts to the same working groups."
        ),
        "text_ja": (
            "豪州外務貿易省及び外務省は、AI及び新興技術の標準を策定する国際機関の主要な会合に先立ち"
            "協議を行うとともに、同一の作業部会に専門家を推薦すべきである。"
        ),
        "rationale": (
            "Standards written now will shape markets for decades. Two democracies speaking "
            "together carry more weight than either alone."
        ),
        "rationale_ja": (
            "現在策定される標準は、今後数十年にわたり市場の在り方を左右する。"
            "二つの民主主義国が足並みをそろえることで、単独の場合よりも大きな影響力を"
            "持つことができる。"
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
                "summary_ja": "標準化機関の総会に先立ち、初の調整会合が開催された。",
            },
            {
                "as_of": date(2026, 11, 10),
                "status": "implemented",
                "summary": (
                    "Coordination meetings were held before two plenaries and are now a "
                    "standing arrangement."
                ),
                "summary_ja": (
                    "2回の総会に先立ち調整会合が開催され、定例の協議枠組みとして定着した。"
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
        "title_ja": "重要インフラの運用に用いるAIのセキュリティ要件の策定",
        "text": (
            "Japan should issue security requirements for AI systems that operate critical "
            "infrastructure, covering where models come from, testing before deployment and "
            "human override, and share them with Australia as a basis for common requirements."
        ),
        "text_ja": (
            "日本は、重要インフラを運用するAIシステムについて、モデルの出所、"
            "導入前の試験及び人間による介入（オーバーライド）を対象とするセキュリティ要件を策定し、"
            "共通要件の基礎として豪州と共有すべきである。"
        ),
        "rationale": (
            "Operators are adopting AI for grid and network control faster than regulators are "
            "setting expectations. Requirements written once can serve both countries."
        ),
        "rationale_ja": (
            "事業者による電力網・通信網の制御へのAI導入は、"
            "規制当局による要求水準の提示を上回る速度で進んでいる。一度策定した要件は、"
            "両国で活用することができる。"
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
                "summary_ja": "内閣府から、提言に留意するとの回答があった。",
            },
            {
                "as_of": date(2026, 4, 22),
                "status": "in_progress",
                "summary": "An expert panel began drafting the requirements.",
                "summary_ja": "専門家会合において要件の検討が開始された。",
                "evidence": ("https://example.go.jp/cao/ai/critical-infrastructure-panel",),
            },
        ],
    },
    {
        "code": "AJ-2025-015",
        "title": "Include Japanese-owned operators in critical infrastructure threat briefings",
        "title_ja": "重要インフラに関する脅威情報ブリーフィングの日系事業者への対象拡大",
        "text": (
            "The Cyber and Infrastructure Security Centre should give security-cleared staff of "
            "Japanese-owned operators of Australian critical infrastructure the same threat "
            "briefings that Australian-owned operators receive."
        ),
        "text_ja": (
            "豪州サイバー・インフラセキュリティセンターは、"
            "豪州の重要インフラを運営する日系事業者のうちセキュリティ・クリアランスを有する職員に"
            "対し、豪州系事業者と同等の脅威情報ブリーフィングを提供すべきである。"
        ),
        "rationale": (
            "Japanese investors own and run significant Australian energy and port assets. "
            "Leaving them out of briefings leaves gaps in the defence of those assets."
        ),
        "rationale_ja": (
            "日本の投資家は、豪州の主要なエネルギー資産及び港湾資産を保有・運営している。"
            "これらの事業者をブリーフィングの対象外とすることは、当該資産の防護に空白を生じさせる。"
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
                "summary_ja": "ブリーフィング制度の参加資格要件の見直しが進められている。",
            },
            {
                "as_of": date(2026, 3, 25),
                "status": "implemented",
                "summary": (
                    "The briefing programme now includes cleared staff of Japanese-owned "
                    "operators; the first sessions have been held."
                ),
                "summary_ja": (
                    "ブリーフィング制度の対象に日系事業者のクリアランス保有職員が加わり、"
                    "初回のセッションが実施された。"
                ),
                "evidence": ("https://example.gov.au/cisc/threat-briefings-eligibility",),
                "note": "Three operators took part in the first round; two more are being cleared.",
            },
        ],
    },
    {
        "code": "AJ-2025-016",
        "title": "Hold a yearly joint exercise on undersea cable and energy disruption",
        "title_ja": "海底ケーブル及びエネルギー供給の途絶を想定した年次共同演習の実施",
        "text": (
            "Australia and Japan should hold a yearly exercise with operators that simulates "
            "simultaneous damage to undersea cables and energy infrastructure, and publish "
            "the lessons that can be made public."
        ),
        "text_ja": (
            "日豪両国は、海底ケーブルとエネルギーインフラが同時に損傷を受ける事態を想定した演習を"
            "事業者の参加を得て毎年実施し、公表可能な教訓を公表すべきである。"
        ),
        "rationale": (
            "Both countries depend on a few cable routes and energy links. Practising the "
            "response together exposes gaps before a real incident does."
        ),
        "rationale_ja": (
            "両国は、少数のケーブルルート及びエネルギー網に依存している。"
            "対応を共同で訓練することで、実際の事案が発生する前に課題を把握することができる。"
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
                "summary_ja": "両国政府が演習の実施に合意した。日程は未定である。",
            },
            {
                "as_of": date(2026, 5, 12),
                "status": "in_progress",
                "summary": (
                    "Planning for the first exercise has begun with cable and energy operators."
                ),
                "summary_ja": (
                    "初回演習に向けて、ケーブル事業者及びエネルギー事業者との調整が開始された。"
                ),
            },
        ],
    },
    {
        "code": "AJ-2025-017",
        "title": "Screen foreign investment in ports and logistics on shared criteria",
        "title_ja": "港湾・物流分野の対内投資審査における共通基準の適用",
        "text": (
            "Japan should review how it screens foreign investment in ports, logistics hubs and "
            "data centres against the criteria Australia applies, and the two governments "
            "should exchange information on transactions of concern."
        ),
        "text_ja": (
            "日本は、港湾、物流拠点及びデータセンターへの外国投資の審査の在り方を、"
            "豪州が適用する基準に照らして見直すべきである。また、両国政府は、"
            "懸念のある取引に関する情報を交換すべきである。"
        ),
        "rationale": (
            "An investor turned away in one country can try the other. Shared criteria and "
            "information exchange close that route."
        ),
        "rationale_ja": (
            "一方の国で投資を拒否された投資家が、他方の国で同じ投資を試みるおそれがある。"
            "共通の基準と情報交換により、この抜け道を塞ぐことができる。"
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
                    "investment screening."
                ),
                "summary_ja": "投資審査を所管する省庁に本提言の検討が付託された。",
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
            ENGLISH_ONLY_PUT_FORWARD,
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
        "title_ja": "供給不足に関する二国間早期警戒メカニズムの創設",
        "text": (
            "Australia and Japan should share in confidence early indicators of shortages in an "
            "agreed list of critical goods, such as fertiliser inputs, medical supplies, "
            "semiconductors and battery materials, and consult within two weeks of either side "
            "raising an alert."
        ),
        "text_ja": (
            "日豪両国は、肥料原料、医療物資、半導体、電池材料など、"
            "あらかじめ合意した重要物資について供給不足の兆候を非公開で共有し、"
            "いずれかの国が警報を発してから2週間以内に協議を行うべきである。"
        ),
        "rationale": (
            "Shortages are easier to manage when they are seen coming. Each country has data "
            "the other lacks."
        ),
        "rationale_ja": (
            "供給不足は、事前に察知できれば対処しやすい。両国は、"
            "それぞれ相手国が持たないデータを有している。"
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
                "summary_ja": "担当者間で、同メカニズムの対象とする重要物資のリストが合意された。",
            },
            {
                "as_of": date(2026, 5, 28),
                "status": "implemented",
                "summary": (
                    "The mechanism is operating and held its first consultation on an alert."
                ),
                "summary_ja": (
                    "早期警戒メカニズムの運用が開始され、警報に基づく初の協議が行われた。"
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
        "title_ja": "日本の特定重要物資の備蓄の一部の豪州における保管",
        "text": (
            "Japan should allow part of the stockpile of specified critical materials held "
            "under its economic security law to be stored in Australia, close to production, "
            "under an agreement giving both countries defined access in an emergency."
        ),
        "text_ja": (
            "日本は、経済安全保障推進法に基づき保有する特定重要物資の備蓄の一部を、"
            "生産地に近い豪州で保管することを認めるべきである。その際、"
            "緊急時における両国の利用権を定めた取決めを締結することとする。"
        ),
        "rationale": (
            "Storing material near the mine cuts cost and gives Australia a stake in the "
            "stockpile's purpose without weakening Japan's control of it."
        ),
        "rationale_ja": (
            "鉱山の近くで保管することで費用が削減されるとともに、"
            "豪州も備蓄の目的に関与することとなる。日本による備蓄の管理が損なわれることはない。"
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
                "summary_ja": (
                    "経済産業省において、備蓄の海外保管に係る法的根拠を検討することとなった。"
                ),
            },
            {
                "as_of": date(2026, 9, 8),
                "status": "in_progress",
                "summary": (
                    "A feasibility study of storage sites in Western Australia is under way."
                ),
                "summary_ja": (
                    "西オーストラリア州における保管候補地の実現可能性調査が進められている。"
                ),
                "evidence": ("https://example.go.jp/jogmec/stockpile-feasibility-australia",),
            },
        ],
    },
    {
        "code": "AJ-2025-021",
        "title": "Publish a guide to Japanese public procurement for Australian suppliers",
        "title_ja": "豪州の供給事業者向け日本の公共調達ガイドの公表",
        "text": (
            "DFAT should publish, with Japanese counterparts, a practical guide for Australian "
            "firms bidding to supply critical goods to Japanese public buyers."
        ),
        "text_ja": (
            "豪州外務貿易省は、日本側の関係機関と協力し、"
            "日本の公的調達機関に重要物資を供給しようとする豪州企業向けの実務ガイドを"
            "公表すべきである。"
        ),
        "rationale": (
            "Australian suppliers at the Osaka roundtable found Japanese public tenders hard to "
            "locate and qualify for."
        ),
        "rationale_ja": (
            "大阪のラウンドテーブルに参加した豪州の供給事業者から、"
            "日本の公共入札は案件の把握も参加資格の取得も難しいとの指摘があった。"
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
        "title_ja": "系統用蓄電池及び水電解装置の適合性評価の相互承認",
        "text": (
            "Australia and Japan should conclude a mutual recognition arrangement so that a "
            "grid battery or electrolyser tested and certified in one country can be sold in "
            "the other without repeat testing."
        ),
        "text_ja": (
            "日豪両国は相互承認取決めを締結し、一方の国で試験・認証を受けた系統用蓄電池又は"
            "水電解装置を、他方の国で再試験なしに販売できるようにすべきである。"
        ),
        "rationale": (
            "Duplicate testing adds cost and delay to the equipment both countries need most "
            "for the energy transition."
        ),
        "rationale_ja": (
            "試験の重複は、エネルギー転換に向けて両国が最も必要とする機器の費用を押し上げ、"
            "導入を遅らせている。"
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
                "summary_ja": "両国は、2026-27年度中に取決めの範囲を検討することで一致した。",
            },
        ],
    },
    {
        "code": "AJ-2025-023",
        "title": "Set up a rapid-response fund for exporters hit by coercive trade measures",
        "title_ja": "威圧的な貿易措置の影響を受けた輸出事業者のための迅速対応基金の創設",
        "text": (
            "DFAT should establish a standing fund, with eligibility criteria published in "
            "advance, that gives temporary support and help finding new markets to Australian "
            "exporters targeted by coercive trade measures."
        ),
        "text_ja": (
            "豪州外務貿易省は、威圧的な貿易措置の標的となった豪州の輸出事業者に対し、"
            "一時的な支援と新市場開拓の支援を行う常設の基金を、"
            "適格要件を事前に公表した上で設置すべきである。"
        ),
        "rationale": (
            "Support announced only after a measure is imposed arrives late. A standing fund "
            "with known rules reduces the pressure a coercing state can apply."
        ),
        "rationale_ja": (
            "措置の発動後に発表される支援は時機を失する。ルールが明らかな常設の基金があれば、"
            "威圧を行う国が加え得る圧力は低減する。"
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
                "summary_ja": "豪州外務貿易省において提言を検討中である。",
            },
            {
                "as_of": date(2026, 1, 29),
                "status": "not_accepted",
                "summary": (
                    "The government will rely on existing export assistance programmes rather "
                    "than create a dedicated fund."
                ),
                "summary_ja": (
                    "豪州政府は、専用の基金を創設せず、既存の輸出支援制度で対応する方針である。"
                ),
                "evidence": ("https://example.gov.au/dfat/response-export-support",),
                "note": "Officials expect the question to return if a new measure is imposed.",
            },
        ],
    },
    {
        "code": "AJ-2025-024",
        "title": "Agree a protocol for joint responses to economic coercion",
        "title_ja": "経済的威圧への共同対応に関する協議手順の合意",
        "text": (
            "Japan's Ministry of Foreign Affairs and DFAT should agree a protocol to consult "
            "within 72 hours when either country is targeted by economic coercion, and to issue "
            "joint or parallel statements where both agree."
        ),
        "text_ja": (
            "外務省及び豪州外務貿易省は、いずれかの国が経済的威圧の標的となった場合に72時間以内に"
            "協議を行い、双方が同意する場合には共同又は並行して声明を発出するための協議手順に"
            "合意すべきである。"
        ),
        "rationale": (
            "Coercion works by isolating its target. A prompt, visible joint response raises "
            "its cost."
        ),
        "rationale_ja": (
            "威圧は、標的を孤立させることで効果を発揮する。迅速かつ目に見える形での共同対応は、"
            "威圧の代償を高める。"
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
                "summary": "A draft consultation protocol has been prepared by officials.",
                "summary_ja": "事務レベルで協議手順の案が作成された。",
            },
            {
                "as_of": date(2026, 10, 6),
                "status": "partially_implemented",
                "summary": (
                    "The protocol was agreed at officials' level; joint statements have not yet "
                    "been used."
                ),
                "summary_ja": (
                    "事務レベルで協議手順が合意された。共同声明が発出された実績はまだない。"
                ),
                "evidence": ("https://example.go.jp/mofa/economic-coercion-protocol",),
            },
        ],
    },
    {
        "code": "AJ-2025-025",
        "title": "Assess each country's exposure to coercion through its key exports",
        "title_ja": "主要輸出品を通じた威圧に対する各国の脆弱性の評価",
        "text": (
            "The two countries' policy institutes should jointly assess which of each "
            "country's main exports are most exposed to coercive trade measures, and publish "
            "the method and findings."
        ),
        "text_ja": (
            "両国の政策研究機関は、各国の主要輸出品のうち威圧的な貿易措置に対して最も脆弱なものを"
            "共同で評価し、その手法と結果を公表すべきである。"
        ),
        "rationale": (
            "Governments and firms need a shared, public picture of where they are exposed "
            "before they can reduce that exposure."
        ),
        "rationale_ja": (
            "政府と企業が脆弱性を低減するためには、まず、"
            "どこに脆弱性があるかについて公開された共通認識を持つ必要がある。"
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
                "summary_ja": "両研究機関が評価手法に合意し、データ収集を開始した。",
            },
            {
                "as_of": date(2026, 8, 20),
                "status": "implemented",
                "summary": "The joint assessment was published in English and Japanese.",
                "summary_ja": "共同評価報告書が日英両言語で公表された。",
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
        "title_ja": "通商交渉方針への反威圧条項の盛り込み",
        "text": (
            "DFAT should include in its negotiating mandates for new trade agreements "
            "provisions that commit parties to consult and respond together when a party is "
            "coerced, and should report on progress to Parliament."
        ),
        "text_ja": (
            "豪州外務貿易省は、新たな貿易協定の交渉方針に、"
            "締約国が威圧を受けた場合に協議し共同で対応することを約束する条項を盛り込み、"
            "その進捗を議会に報告すべきである。"
        ),
        "rationale": (
            "Trade agreements are the main tool Australia has to shape partners' conduct; few "
            "of them address coercion."
        ),
        "rationale_ja": (
            "貿易協定は、豪州がパートナー国の行動に影響を与えるための主要な手段であるが、"
            "威圧に対処する協定はほとんどない。"
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
        "title_ja": "日本の排出事業者向け豪州CO2貯留適地への共同投資",
        "text": (
            "METI and JOGMEC should co-invest with Australian partners in assessing and "
            "developing offshore carbon storage sites that can take captured carbon dioxide "
            "shipped from Japanese industry."
        ),
        "text_ja": (
            "経済産業省及びJOGMECは、豪州のパートナーと共同で、"
            "日本の産業から船舶輸送される回収CO2を受け入れることができる海域の貯留適地の"
            "評価・開発に投資すべきである。"
        ),
        "rationale": (
            "Japan has limited storage capacity of its own; Australia has large, well-studied "
            "basins. A cross-border chain needs public investment to start."
        ),
        "rationale_ja": (
            "日本は国内の貯留可能量が限られている一方、豪州には大規模で調査の進んだ堆積盆地がある。"
            "国境を越えたCCSバリューチェーンの立ち上げには、公的投資が必要である。"
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
                "summary_ja": (
                    "経済産業省において、CCSに関するロードマップの中で本提案を"
                    "検討することとなった。"
                ),
            },
            {
                "as_of": date(2026, 7, 30),
                "status": "in_progress",
                "summary": "JOGMEC joined a site appraisal in an Australian offshore basin.",
                "summary_ja": "JOGMECが、豪州沖合の堆積盆地における貯留適地評価に参画した。",
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
            ENGLISH_ONLY_PUT_FORWARD,
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
        "title_ja": "エネルギー分野の制御システム（OT）に関する脅威情報の共有",
        "text": (
            "The Cyber and Infrastructure Security Centre and METI should set up a channel for "
            "sharing threat information about the control systems that run power plants, "
            "pipelines and LNG terminals, including with cleared operators."
        ),
        "text_ja": (
            "豪州サイバー・インフラセキュリティセンター及び経済産業省は、発電所、"
            "パイプライン及びLNG基地を運用する制御システムに関する脅威情報を共有するための枠組みを"
            "設けるべきである。共有先には、クリアランスを有する事業者を含めることとする。"
        ),
        "rationale": (
            "Attacks on industrial control systems often reuse the same tools across "
            "countries. Early warning from one side protects the other."
        ),
        "rationale_ja": (
            "産業制御システムへの攻撃では、同じツールが複数の国で繰り返し用いられることが多い。"
            "一方の国の早期警戒は、他方の国の防護につながる。"
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
                "summary_ja": "両機関が、共有する脅威情報の取扱いルールに合意した。",
            },
            {
                "as_of": date(2026, 9, 17),
                "status": "partially_implemented",
                "summary": (
                    "Government-to-government sharing has begun; operators are not yet connected."
                ),
                "summary_ja": "政府間での情報共有は開始されたが、事業者への展開は未了である。",
                "evidence": ("https://example.gov.au/cisc/ot-threat-sharing",),
            },
        ],
    },
    {
        "code": "AJ-2025-030",
        "title": "Fund joint geological surveys of under-explored mineral provinces",
        "title_ja": "未探査の鉱物資源地域における共同地質調査への資金拠出",
        "text": (
            "JOGMEC should co-fund with Australian geological agencies surveys of "
            "under-explored provinces likely to hold critical minerals, with results made "
            "public."
        ),
        "text_ja": (
            "JOGMECは、重要鉱物の賦存が見込まれる未探査地域の調査に豪州の地質調査機関と共同で資金を"
            "拠出し、その結果を公開すべきである。"
        ),
        "rationale": (
            "Pre-competitive data attracts exploration investment from both countries and "
            "widens the pipeline of future supply."
        ),
        "rationale_ja": (
            "前競争段階の地質データは両国からの探鉱投資を呼び込み、将来の供給源の裾野を広げる。"
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
        "title_ja": "経済安全保障と技術に関する共同研究フェローシップの創設",
        "text": (
            "The Australian National University and the University of Tokyo should establish "
            "an exchange fellowship for early-career researchers working on economic security, "
            "critical technologies and AI policy."
        ),
        "text_ja": (
            "オーストラリア国立大学及び東京大学は、経済安全保障、"
            "重要技術及びAI政策に取り組む若手研究者を対象とした交流フェローシップを"
            "創設すべきである。"
        ),
        "rationale": (
            "The dialogue depends on a small pool of experts who know both systems. A "
            "fellowship builds the next generation of them."
        ),
        "rationale_ja": (
            "本対話は、両国の制度に通じた少数の専門家に支えられている。フェローシップにより、"
            "次世代の専門家を育成する。"
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
                "summary_ja": "両大学が、フェローシップへの資金拠出に関する協定を締結した。",
            },
            {
                "as_of": date(2026, 10, 28),
                "status": "implemented",
                "summary": "The first six fellows were appointed.",
                "summary_ja": "第1期のフェロー6名が採用された。",
                "evidence": ("https://example.org/anu/economic-security-fellowship",),
            },
        ],
    },
    {
        "code": "AJ-2025-032",
        "title": "Offer production tax credits for processing sold to allied buyers",
        "title_ja": "同盟国・同志国向けに販売される加工品に対する生産税額控除の導入",
        "text": (
            "The Australian Government should offer a production tax credit for critical "
            "minerals processed in Australia, with a higher rate for output sold under "
            "long-term contracts to buyers in partner countries such as Japan."
        ),
        "text_ja": (
            "豪州政府は、豪州国内で加工された重要鉱物に対する生産税額控除を導入し、"
            "日本等のパートナー国の需要家との長期契約により販売される生産物には、"
            "より高い控除率を適用すべきである。"
        ),
        "rationale": (
            "Processing margins are thin and volatile. A credit tied to output rewards "
            "production rather than announcements."
        ),
        "rationale_ja": (
            "加工事業の利幅は薄く、変動も大きい。生産量に連動した税額控除は、"
            "計画の発表ではなく実際の生産に報いるものである。"
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
                "summary_ja": "税額控除に係る法案の草案が意見募集のため公表された。",
                "evidence": ("https://example.gov.au/disr/processing-tax-credit-draft",),
            },
            {
                "as_of": date(2026, 4, 30),
                "status": "partially_implemented",
                "summary": "The credit was legislated; the higher rate for allied offtake is pending regulations.",
                "summary_ja": (
                    "税額控除が法制化された。同盟国・同志国向けの引取りに対する上乗せ率は、"
                    "規則の制定待ちである。"
                ),
            },
            {
                "as_of": date(2026, 7, 1),
                "status": "implemented",
                "summary": "Regulations setting the higher rate for allied offtake took effect.",
                "summary_ja": (
                    "同盟国・同志国向けの引取りに対する上乗せ率を定める規則が施行された。"
                ),
                "evidence": ("https://example.gov.au/disr/processing-tax-credit-regulations",),
            },
        ],
    },
    {
        "code": "AJ-2025-033",
        "title": "Open Japan's green innovation fund to consortia with Australian partners",
        "title_ja": "豪州のパートナーを含むコンソーシアムへのグリーンイノベーション基金の開放",
        "text": (
            "METI should allow consortia that include Australian companies or universities to "
            "apply to its green innovation fund for projects that strengthen supply chains "
            "serving Japan."
        ),
        "text_ja": (
            "経済産業省は、日本に供給するサプライチェーンの強化に資する事業について、"
            "豪州の企業又は大学を含むコンソーシアムがグリーンイノベーション基金に"
            "応募できるようにすべきである。"
        ),
        "rationale": (
            "Many of the technologies the fund supports depend on Australian resources and "
            "research; excluding Australian partners narrows the options."
        ),
        "rationale_ja": (
            "同基金が支援する技術の多くは豪州の資源と研究に依存しており、"
            "豪州のパートナーを除外することは選択肢を狭めることになる。"
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
                "summary_ja": "経済産業省が提言の受領を確認した。",
            },
            {
                "as_of": date(2026, 3, 12),
                "status": "not_accepted",
                "summary": (
                    "METI replied that the fund's eligibility is set by its governing rules and "
                    "will not change."
                ),
                "summary_ja": (
                    "経済産業省から、基金の対象は制度上国内事業者に限られており、"
                    "変更しないとの回答があった。"
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
        "history": [ENGLISH_ONLY_PUT_FORWARD],
    },
    {
        "code": "AJ-2025-035",
        "title": "Form an industry council on battery and magnet supply chains",
        "title_ja": "蓄電池・磁石サプライチェーンに関する産業界協議会の設置",
        "text": (
            "The two governments should convene a standing council of Australian and Japanese "
            "firms across the battery and magnet supply chains, to advise on investment "
            "barriers and to match suppliers with buyers."
        ),
        "text_ja": (
            "両国政府は、蓄電池及び磁石のサプライチェーン全体にわたる日豪企業による常設の協議会を"
            "設置し、投資障壁について助言を得るとともに、"
            "供給者と需要家のマッチングを行うべきである。"
        ),
        "rationale": (
            "Firms at the roundtable knew little about potential partners in the other country. "
            "A standing council turns one-off contacts into deals."
        ),
        "rationale_ja": (
            "ラウンドテーブルに参加した企業は、相手国の潜在的なパートナーについてほとんど"
            "把握していなかった。常設の協議会により、単発の接点を具体的な"
            "取引につなげることができる。"
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
                "summary_ja": "産業界の共同議長が任命され、参加企業への招待状が送付された。",
            },
            {
                "as_of": date(2026, 2, 18),
                "status": "implemented",
                "summary": "The council held its first meeting and agreed a work plan.",
                "summary_ja": "協議会の初会合が開催され、作業計画が合意された。",
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
        "title_ja": "日豪経済安全保障対話の閣僚級への格上げ",
        "text": (
            "Australia and Japan should hold a yearly ministerial meeting on economic security, "
            "supported by the officials' mechanisms recommended elsewhere in this report, to "
            "set priorities and review progress."
        ),
        "text_ja": (
            "日豪両国は、本報告書の他の提言で示した事務レベルの枠組みに支えられた経済安全保障に"
            "関する閣僚会合を毎年開催し、優先事項の設定及び進捗の確認を行うべきである。"
        ),
        "rationale": (
            "Cooperation that rests on officials alone stalls when priorities shift. A "
            "ministerial meeting gives it lasting political direction."
        ),
        "rationale_ja": (
            "事務レベルのみに依拠した協力は、優先事項が変化すると停滞する。閣僚会合により、"
            "協力に持続的な政治的方向性が与えられる。"
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


# Target dates the secretariat moved later after publishing (the public slip log): code ->
# (the target first set, the day it was moved to the one in RECOMMENDATIONS).
TARGET_DATE_MOVES = {
    "AJ-2025-002": (date(2026, 6, 30), date(2026, 7, 3)),
    "AJ-2025-007": (date(2026, 12, 31), date(2026, 2, 16)),
    "AJ-2025-013": (date(2026, 9, 30), date(2026, 9, 8)),
}
