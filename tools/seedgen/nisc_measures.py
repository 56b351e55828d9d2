#!/usr/bin/env python3
"""Generate catalogs/nisc-measures/ from seed 004 (NISC 安全基準等策定指針 対策編, edition unknown).

Usage: nisc_measures.py [SEED] [OUTDIR]
  SEED   defaults to /work/shared/seeds/004_fb161a60b58e45be.txt
  OUTDIR defaults to <repo>/catalogs/nisc-measures

The Japanese text is taken verbatim from the seed (PDF extraction: wrapped lines are joined,
blank lines and page numbers dropped, OCR typos kept). The English renderings are Anzen's own and
live at the end of this file: EN keyed by the Japanese text (so repeated example measures share
one rendering), ITEM_TEXT_EN keyed by item id. The script fails if any Japanese string lacks an English rendering.
"""
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

DOC = "004_fb161a60b58e45be.txt"
DEFAULT_SEED = os.path.join("/work/shared/seeds", DOC)
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "catalogs", "nisc-measures"))

KANA = {"ア": 1, "イ": 2, "ウ": 3, "エ": 4, "オ": 5}
GROUP_NO = {"１": 1, "２": 2}
TAG_RE = re.compile(r"\s*【\s*(要検討事項|参考事項)\s*】\s*$")

# Bullets the PDF extraction merged into one ("・" in the middle of a line). Keyed by the line on
# which the merged bullet starts; the parts, in order, must re-join (with "・") to the bullet text.
SPLITS = {
    82: ["グループ会社も含めた情報セキュリティに関する組織体制の整備（責任者・責任部門・委員会等の設置、役割・責任分担の明確化等）",
         "情報セキュリティ関係規程の整備（違反への対処、例外措置等）"],
    856: ["事業継続計画の策定", "事業継続計画の教育・訓練計画の策定", "訓練の実施"],
    860: ["事業継続計画の教育・訓練実施記録の保管", "緊急連絡ルールの確定（連絡先、連絡事項、連絡手段）"],
    1254: ["関係機関への周知", "情報漏えいに至った経緯・原因等の解析"],
}


def read_seed(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def classify(s):
    """Kind of a stripped, non-empty line."""
    if re.fullmatch(r"\d+", s):
        return "page", None
    m = re.match(r"^（([１２])）(.+)$", s)
    if m:
        return "group", m
    m = re.match(r"^（([アイウエオ])）\s*(.+)$", s)
    if m:
        return "item", m
    m = re.match(r"^([アイウエオ])\s+(.+)$", s)
    if m:
        return "area", m
    if s.startswith("○"):
        return "heading", s[1:].strip()
    if s.startswith("・"):
        return "bullet", s[1:].strip()
    return "text", s


def line_span(starts, offset, length):
    """First and last seed line of the substring [offset, offset+length) of a joined text."""
    first = last = starts[0][1]
    for off, ln in starts:
        if off <= offset:
            first = ln
        if off < offset + length:
            last = ln
    return first, last


def src(first, last):
    return {"line": first} if first == last else {"lines": [first, last]}


def parse(lines):
    n = len(lines)
    groups, out = [], []  # out: flat list of dicts in document order
    cur_group = cur_area = cur_item = cur_heading = None
    cur_bullet = None
    body_start = next(i for i in range(1, n + 1) if lines[i - 1].strip().startswith("（１）"))
    i = body_start
    pending_title = None  # item whose 【…】 tag continues on the next line

    def close_bullet():
        nonlocal cur_bullet
        if cur_bullet is None:
            return
        b = cur_bullet
        cur_bullet = None
        text = "".join(t for _, t in b["parts"])
        starts, off = [], 0
        for ln, t in b["parts"]:
            starts.append((off, ln))
            off += len(t)
        pieces = SPLITS.get(b["line"])
        if pieces:
            if "・".join(pieces) != text:
                raise SystemExit(f"line {b['line']}: split table does not match {text!r}")
            off = 0
            for p in pieces:
                f, l = line_span(starts, off, len(p))
                b["item"]["examples"].append({"ja": p, "first": f, "last": l,
                                              "parent": b["parent"], "merged": True})
                off += len(p) + 1
        else:
            b["item"]["examples"].append({"ja": text, "first": b["line"], "last": b["parts"][-1][0],
                                          "parent": b["parent"], "merged": False})

    while i <= n:
        raw = lines[i - 1]
        s = raw.strip()
        if not s:
            i += 1
            continue
        if pending_title is not None:
            # continuation of an item heading whose 【…】 tag was wrapped
            pending_title["raw_title"] += s
            pending_title["title_last"] = i
            if "】" in s:
                pending_title = None
            i += 1
            continue
        kind, m = classify(s)
        if kind == "page":
            i += 1
            continue
        if kind == "group":
            close_bullet()
            cur_group = {"kind": "group", "id": str(GROUP_NO[m.group(1)]),
                         "label": f"（{m.group(1)}）", "title": m.group(2).strip(), "line": i,
                         "areas": []}
            groups.append(cur_group)
            cur_area = cur_item = cur_heading = None
        elif kind == "area":
            close_bullet()
            title = m.group(2).strip()
            cur_area = {"kind": "area", "id": f"{cur_group['id']}.{KANA[m.group(1)]}",
                        "label": m.group(1), "line": i, "items": []}
            cur_group["areas"].append(cur_area)
            cur_item = cur_heading = None
            tag = TAG_RE.search(title)
            if tag:
                # an area that is itself a measure item (2.5 オ): the item repeats the heading
                title = TAG_RE.sub("", title).strip()
                cur_item = {"id": f"{cur_area['id']}.1", "label": m.group(1), "line": i,
                            "title_last": i, "raw_title": s[1:].strip(), "text": [],
                            "headings": [], "examples": [], "last": i}
                cur_area["items"].append(cur_item)
            cur_area["title"] = title
        elif kind == "item":
            close_bullet()
            cur_item = {"id": f"{cur_area['id']}.{KANA[m.group(1)]}", "label": f"（{m.group(1)}）",
                        "line": i, "title_last": i, "raw_title": m.group(2).strip(), "text": [],
                        "headings": [], "examples": [], "last": i}
            cur_area["items"].append(cur_item)
            cur_heading = None
            if "【" in s and "】" not in s:
                pending_title = cur_item
        elif kind == "heading":
            close_bullet()
            k = len(cur_item["headings"]) + 1
            cur_heading = {"id": f"{cur_item['id']}.h{k}", "ja": m, "line": i}
            cur_item["headings"].append(cur_heading)
            cur_item["last"] = i
        elif kind == "bullet":
            close_bullet()
            parent = cur_heading["id"] if cur_heading else cur_item["id"]
            cur_bullet = {"item": cur_item, "parent": parent, "line": i, "parts": [(i, m)]}
            cur_item["last"] = i
        else:  # text
            if cur_bullet is not None:
                cur_bullet["parts"].append((i, m))
                cur_item["last"] = i
            elif cur_item is not None and not cur_item["headings"] and not cur_item["examples"]:
                cur_item["text"].append((i, m))
                cur_item["last"] = i
            else:
                raise SystemExit(f"line {i}: unexpected text {s!r}")
        i += 1
    close_bullet()
    return groups


def en(ja, where):
    if ja not in EN:
        MISSING.append((where, ja))
        return "TODO"
    return EN[ja]


MISSING = []


def example(e):
    ex = {"id": e["id"], "kind": "example", "parent": e["parent"], "label": "・",
          "title": {"ja": e["ja"], "en": en(e["ja"], e["id"])},
          "source": src(e["first"], e["last"])}
    if e["merged"]:
        ex["attributes"] = {"merged_bullet": "true"}
    if e["id"] in OCR:
        ex["ocr"] = OCR[e["id"]]
    return ex


def build(lines):
    groups = parse(lines)
    items = []
    stats = {"group": 0, "area": 0, "item": 0, "heading": 0, "example": 0}
    classes = {}
    for g in groups:
        items.append({"id": g["id"], "kind": "group", "label": g["label"],
                      "title": {"ja": g["title"], "en": en(g["title"], g["id"])},
                      "source": src(g["line"], g["line"])})
        stats["group"] += 1
        for a in g["areas"]:
            items.append({"id": a["id"], "kind": "area", "parent": g["id"], "label": a["label"],
                          "title": {"ja": a["title"], "en": en(a["title"], a["id"])},
                          "source": src(a["line"], a["line"])})
            stats["area"] += 1
            for it in a["items"]:
                tag = TAG_RE.search(it["raw_title"])
                if not tag:
                    raise SystemExit(f"item {it['id']}: no classification tag in {it['raw_title']!r}")
                cls = tag.group(1)
                classes[cls] = classes.get(cls, 0) + 1
                title = TAG_RE.sub("", it["raw_title"]).strip()
                text = "".join(t for _, t in it["text"])
                if it["id"] not in ITEM_TEXT_EN:
                    MISSING.append((it["id"] + " text", text))
                entry = {"id": it["id"], "kind": "item", "parent": a["id"], "label": it["label"],
                         "title": {"ja": title, "en": en(title, it["id"])},
                         "text": {"ja": text, "en": ITEM_TEXT_EN.get(it["id"], "TODO")},
                         "source": src(it["line"], it["last"]),
                         "threats": ["common"],
                         "attributes": {"classification": cls}}
                if it["id"] in OCR:
                    entry["ocr"] = OCR[it["id"]]
                items.append(entry)
                stats["item"] += 1
                # examples are numbered within the item (document order); item-level examples
                # precede the first heading, each heading is followed by its own examples
                by_parent = {}
                for k, e in enumerate(it["examples"], 1):
                    e["id"] = f"{it['id']}.e{k:03d}"
                    by_parent.setdefault(e["parent"], []).append(e)
                for e in by_parent.get(it["id"], []):
                    items.append(example(e))
                    stats["example"] += 1
                for h in it["headings"]:
                    items.append({"id": h["id"], "kind": "heading", "parent": it["id"],
                                  "label": "○",
                                  "title": {"ja": h["ja"], "en": en(h["ja"], h["id"])},
                                  "source": src(h["line"], h["line"])})
                    stats["heading"] += 1
                    for e in by_parent.get(h["id"], []):
                        items.append(example(e))
                        stats["example"] += 1
    return items, stats, classes


def main():
    seed = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SEED
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    lines = read_seed(seed)
    while lines and not lines[-1].strip():  # the seed ends with "\n " (a blank line 1490)
        lines = lines[:-1]
    items, stats, classes = build(lines)
    if MISSING:
        for where, ja in MISSING:
            print(f"missing en: {where}: {ja}", file=sys.stderr)
        if os.environ.get("NISC_ALLOW_MISSING") != "1":
            raise SystemExit(f"{len(MISSING)} Japanese string(s) lack an English rendering")
    os.makedirs(out, exist_ok=True)
    write_framework(out, lines)
    header = ("# 重要インフラにおける情報セキュリティ確保に係る安全基準等策定指針 対策編 — items.\n"
              "# Generated by tools/seedgen/nisc_measures.py from " + DOC + ".\n"
              "# Japanese text is verbatim from the seed (wrapped lines joined, OCR typos kept and noted\n"
              "# under `ocr`); English renderings are Anzen's own. Format: docs/catalog-format.md\n"
              "# Kinds: group （１）/（２）, area ア-オ, item （ア）… with 【要検討事項】/【参考事項】,\n"
              "# heading ○, example ・ (numbered within the item: <item>.eNNN).\n")
    with open(os.path.join(out, "items.yaml"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write(dump({"items": items}))
    print(stats, classes)


def dump(obj):
    return yaml.safe_dump(obj, allow_unicode=True, sort_keys=False, width=10000,
                          default_flow_style=False)


def joined(lines, a, b):
    return "".join(lines[i - 1].strip() for i in range(a, b + 1) if lines[i - 1].strip())


def write_framework(out, lines):
    note = joined(lines, 41, 45)
    positioning = joined(lines, 5, 27)
    usage = joined(lines, 35, 39)
    fw = {
        "id": "nisc-measures",
        # The seed names no edition and no date. It cites the 第２次行動計画 (line 92), so it is an
        # edition of that plan's time; the version key says so and is ours. Edition and dates are
        # unknown: null (shown as 不明), never guessed.
        "version": "2nd-action-plan",
        "title": {"ja": "重要インフラにおける情報セキュリティ確保に係る安全基準等策定指針 対策編",
                  "en": FRAMEWORK_EN["title"]},
        # 「新たに重要インフラ専門委員会にて決定し定めたものである」 (lines 9-11).
        "publisher": {"ja": "重要インフラ専門委員会", "en": FRAMEWORK_EN["publisher"]},
        "edition": None,
        "date": None,
        "effective_from": None,
        "effective_to": None,
        "supersedes": None,
        "source": {"document": DOC, "lines": [1, len(lines)]},
        "kinds": ["group", "area", "item", "heading", "example"],
        "answer_scale": "compliance",
        "numbering_only": False,
        "reference": {
            "positioning": {"ja": positioning, "en": FRAMEWORK_EN["positioning"], "lines": [5, 27]},
            "usage": {"ja": usage, "en": FRAMEWORK_EN["usage"], "lines": [35, 39]},
            "classification": [
                {"id": "要検討事項",
                 "name": {"ja": "要検討事項", "en": FRAMEWORK_EN["cls_consider"]},
                 "text": {"ja": note, "en": FRAMEWORK_EN["cls_note"]},
                 "lines": [41, 45]},
                {"id": "参考事項",
                 "name": {"ja": "参考事項", "en": FRAMEWORK_EN["cls_reference"]},
                 "text": {"ja": note, "en": FRAMEWORK_EN["cls_note"]},
                 "lines": [41, 45]},
            ],
        },
    }
    header = ("# NISC 重要インフラにおける情報セキュリティ確保に係る安全基準等策定指針 対策編:\n"
              "# the measures compendium (example measures for each measure item of the guideline).\n"
              "# Generated by tools/seedgen/nisc_measures.py from " + DOC + ". Format: docs/catalog-format.md\n"
              "# Japanese text is verbatim from the source document with its line numbers; English\n"
              "# renderings are Anzen's own. The seed carries no title, edition or date: the title is the\n"
              "# guideline's name (seed 001) with 対策編; edition and dates are null (unknown). It cites the\n"
              "# 第２次行動計画 (line 92), so it predates the 5th edition; the publisher is the body that\n"
              "# decided it, 重要インフラ専門委員会 (lines 9-11).\n")
    with open(os.path.join(out, "framework.yaml"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write(dump(fw))


# --- English renderings (Anzen's own) ---------------------------------------------------------
EN = {
    # groups and areas
    "４つの柱": "The four pillars",
    "５つの重点項目": "The five priority items",
    "組織・体制及び資源の対策": "Measures on organisation, structure and resources",
    "情報についての対策": "Measures concerning information",
    "情報セキュリティ要件の明確化に基づく対策": "Measures based on clarified information security requirements",
    "情報システムについての対策": "Measures concerning information systems",
    "IT 障害の観点から見た事業継続性確保のための対策": "Measures to ensure business continuity from the standpoint of IT failures",
    "情報漏えい防止のための対策": "Measures to prevent information leaks",
    "外部委託における情報セキュリティ確保のための対策": "Measures to ensure information security in outsourcing",
    "ＩＴ障害発生時の利用者の対応のための情報の提供等の対策": "Measures such as providing information so that users can respond when an IT failure occurs",
    "ＩＴに係る環境変化に伴う脅威のための対策": "Measures against threats arising from changes in the IT environment",
    # items
    "組織・体制及び人的資源の確保": "Securing the organisation, structure and human resources",
    "情報セキュリティ人材の育成等": "Developing information security personnel and related matters",
    "外部監査等による情報セキュリティ対策の評価": "Evaluation of information security measures through external audits and the like",
    "情報の格付け": "Classification of information",
    "情報の取扱い": "Handling of information",
    "情報セキュリティ確保のために求められる機能": "Functions required to ensure information security",
    "情報セキュリティについての脅威": "Threats to information security",
    "施設と環境": "Facilities and environment",
    "電子計算機": "Computers",
    "アプリケーションソフトウェア": "Application software",
    "通信回線及び通信回線装置": "Communication lines and communication line equipment",
    "事業継続性確保のための個別対策の実施": "Implementing individual measures to ensure business continuity",
    "事業継続計画との整合性への配慮": "Attention to consistency with the business continuity plan",
    "保護すべき情報の類型化": "Categorisation of information to be protected",
    "保護すべき情報の管理": "Management of information to be protected",
    "不正アクセスによる脅威への対策": "Measures against threats from unauthorised access",
    "内部関係者による脅威への対策": "Measures against threats from insiders",
    "情報漏えい発生時の対応策の整備": "Preparing responses for when an information leak occurs",
    "委託先管理の仕組み": "Arrangements for managing contractors",
    "外部委託実施における情報セキュリティ確保対策の徹底": "Thorough information security measures when outsourcing",
    "IT 障害発生時の対応策の整備": "Preparing responses for when an IT failure occurs",
    "ＩＴ障害による重要インフラサービスの停止等の情報の提供": "Providing information on outages and similar disruption of critical infrastructure services caused by IT failures",
    "ＩＴ障害防止のための取組みに関する情報の提供": "Providing information on efforts to prevent IT failures",
    # 1.1.1
    "組織・体制の確立": "Establishing the organisation and structure",
    "情報セキュリティ基本方針の策定": "Drawing up a basic information security policy",
    "グループ会社も含めた情報セキュリティに関する組織体制の整備（責任者・責任部門・委員会等の設置、役割・責任分担の明確化等）": "Setting up an information security organisation that also covers group companies (appointing responsible persons, responsible departments, committees and the like; clarifying roles and the division of responsibilities, etc.)",
    "情報セキュリティ関係規程の整備（違反への対処、例外措置等）": "Establishing information security rules (handling of violations, exceptions, etc.)",
    "人的資源確保（雇用条件の明示、守秘契約の締結、懲戒手続等）": "Securing human resources (stating terms of employment, concluding confidentiality agreements, disciplinary procedures, etc.)",
    "ＩＴ障害発生時の体制・対応手順の整備（「重要インフラの情報セキュリティ対策に係る第２次行動計画」が想定するサイバー攻撃、非意図的要因、災害や疾病等の脅威が引き起こすＩＴ障害に関わる情報の集約及び共有体制を含む）": "Establishing the structure and response procedures for when an IT failure occurs (including arrangements for collecting and sharing information on IT failures caused by the threats assumed in the 'Second Action Plan on Information Security Measures for Critical Infrastructure', such as cyber attacks, unintentional factors, disasters and disease)",
    "教育・訓練の実施": "Conducting education and training",
    "情報セキュリティ対策の教育・訓練計画の策定": "Drawing up an education and training plan for information security measures",
    "教育・訓練実施記録の保管": "Keeping records of education and training conducted",
    "自己点検・内部監査の実施": "Conducting self-inspection and internal audit",
    "自己点検の実施": "Conducting self-inspections",
    "内部監査の実施": "Conducting internal audits",
    "情報セキュリティ対策の見直し": "Reviewing information security measures",
    # 1.1.2, 1.1.3
    "情報セキュリティ人材の育成・活用・管理に関する規程の整備（情報処理技術者試験、情報システムユーザースキル標準等を活用し、社内人材育成マップ等の作成とこれに基づく社内教育コースの整備等を記載）": "Establishing rules on developing, deploying and managing information security personnel (describing, for example, the use of the Information Technology Engineers Examination, the Information Systems Users Skill Standards and the like, the creation of an in-house personnel development map and the in-house training courses built on it)",
    "インシデント発生時に対応ができる人材の計画的な育成": "Systematically developing personnel able to respond when an incident occurs",
    "情報セキュリティ監査等の実施": "Conducting information security audits and the like",
    # 1.2.1
    "重要性に応じた適切な措置": "Appropriate measures according to importance",
    "資産の洗出し（体制、洗出し項目、洗い出し基準等）": "Identifying assets (structure, items to identify, identification criteria, etc.)",
    "情報のライフサイクルと情報の格付けに応じた情報セキュリティ対策": "Information security measures according to the information life cycle and the classification of information",
    # 1.2.2 / 2.2.2
    "情報の作成と入手": "Creating and acquiring information",
    "目的外の作成・入手の禁止": "Prohibiting creation or acquisition for purposes other than the intended ones",
    "台帳等作成": "Preparing registers and the like",
    "作成・入手時における情報の格付けと取扱制限の決定": "Deciding the classification and handling restrictions of information when it is created or acquired",
    "作成時点の情報の格付けの継承": "Carrying over the classification the information had when it was created",
    "格付けの変更手続き": "Procedures for changing a classification",
    "情報の利用": "Using information",
    "情報の利用に関する許可及び届出に係る措置": "Measures for permission and notification concerning the use of information",
    "目的外利用の禁止": "Prohibiting use for purposes other than the intended ones",
    "格付け及び取扱制限に従った情報の取扱い": "Handling information in accordance with its classification and handling restrictions",
    "格付け及び取扱制限の見直し": "Reviewing classifications and handling restrictions",
    "アクセス履歴の保存": "Keeping access histories",
    "アクセス制御・出力制御": "Access control and output control",
    "離席時の対策（端末ロック等）": "Measures when leaving one's seat (locking the terminal, etc.)",
    "情報の保存": "Storing information",
    "格付けに応じた情報の保存（アクセス制御、記録媒体の保管、パスワード・電子署名・暗号化による保護、バックアップ・複写、更新履歴管理の取扱い等の記載）": "Storing information according to its classification (describing access control, safekeeping of recording media, protection by passwords, electronic signatures and encryption, backups and copies, management of update histories, etc.)",
    "情報の保存期間に従った管理": "Managing information in accordance with its retention period",
    "情報の移送": "Transferring information",
    "情報の移送に関する許可及び届出に係る措置": "Measures for permission and notification concerning the transfer of information",
    "作業責任者・手続きの明確化": "Clarifying the person responsible for the work and the procedures",
    "作業担当者の識別、認証、権限付与": "Identification, authentication and authorisation of the staff doing the work",
    "移送手段の選択": "Choosing the means of transfer",
    "書面の保護対策": "Protection of paper documents",
    "電磁的記録の保護対策（パスワード設定、暗号化、電子認証等））": "Protection of electronic records (setting passwords, encryption, electronic authentication, etc.)",
    "電磁的記録の保護対策（パスワード設定、暗号化、電子認証等）": "Protection of electronic records (setting passwords, encryption, electronic authentication, etc.)",
    "情報の提供": "Providing information",
    "提供に関する許可及び届出": "Permission and notification for provision",
    "情報の提供に関する許可及び届出": "Permission and notification for the provision of information",
    "付加情報の削除": "Removing additional information (metadata)",
    "情報の消去": "Erasing information",
    "情報の消去に関する許可及び届出": "Permission and notification for the erasure of information",
    "電磁的記録の消去手続き（消去の確認、消去記録の保管等）": "Procedures for erasing electronic records (confirming erasure, keeping erasure records, etc.)",
    # 1.3.1
    "主体認証": "Entity authentication",
    "主体認証機能の導入": "Introducing an entity authentication function",
    "主体認証技術の選択（知識、所有、生体認証、及び多要素認証等）": "Choosing the authentication technique (knowledge, possession, biometrics, multi-factor authentication, etc.)",
    "利用者ＩＤの管理（個人単位のＩＤ付与、不要ＩＤの削除等）": "Managing user IDs (issuing IDs to individuals, deleting unneeded IDs, etc.)",
    "主体認証情報の管理（暗号化、パスワードの定期変更・最低文字数の制限、ＩＤ毎に異なるパスワードの設定等）": "Managing authentication information (encryption, regular password changes and minimum password length, a different password for each ID, etc.)",
    "利用者の責任（パスワードの利用、端末管理、クリアデスク・クリアスクリーン方針）": "Users' responsibilities (use of passwords, terminal management, clear-desk and clear-screen policy)",
    "不正使用検知時における主体認証の利用停止措置": "Suspending authentication credentials when misuse is detected",
    "アクセス制御": "Access control",
    "アクセス制御機能の導入": "Introducing an access control function",
    "利用者アクセスの管理（利用者登録、特権管理、利用者パスワードの管理、利用者アクセス権のレビュー等）": "Managing user access (user registration, privilege management, management of user passwords, review of user access rights, etc.)",
    "ネットワークのアクセス制御方針の策定": "Drawing up an access control policy for the network",
    "利用者属性以外に基づくアクセス制御機能の導入（利用時間による制御、利用時間帯による制御、利用端末の識別、強制アクセス制御等）": "Introducing access control functions based on factors other than user attributes (control by usage time, control by time of day, identification of the terminal used, mandatory access control, etc.)",
    "権限管理": "Privilege management",
    "権限管理機能の導入実施": "Introducing a privilege management function",
    "利用者ＩＤと主体認証情報の付与管理": "Managing the issue of user IDs and authentication information",
    "利用者ＩＤと主体認証情報における代替手段等の適用": "Applying alternative means and the like for user IDs and authentication information",
    "証跡管理": "Audit-trail management",
    "証跡管理機能の導入実施": "Introducing an audit-trail management function",
    "証跡取得と保存": "Collecting and keeping audit trails",
    "取得した証跡の点検、分析及び報告": "Inspecting, analysing and reporting the audit trails collected",
    "証跡管理に関する利用者への周知": "Informing users about audit-trail management",
    "負荷分散": "Load balancing",
    "トラフィックの分散処理、予備機の設置": "Distributing traffic processing and installing standby equipment",
    "負荷状態の監視制御機能の充実": "Strengthening functions for monitoring and controlling load",
    "冗長化": "Redundancy",
    "ネットワークの適切な管理・制御、通信経路の迂回措置": "Appropriate management and control of the network; rerouting of communication paths",
    "ハードウェアの予備": "Spare hardware",
    "（アプリケーションを含めた）情報システムの冗長対策": "Redundancy for information systems (including applications)",
}

EN.update({
    # 1.3.2
    "セキュリティホール": "Security holes",
    "情報収集": "Gathering information",
    "対応計画の策定": "Drawing up a response plan",
    "対応内容の記録": "Recording the response taken",
    "定期チェック": "Regular checks",
    "不正アクセスの監視・検出（IDS の使用）": "Monitoring for and detecting unauthorised access (use of an IDS)",
    "通信フィルタリング（ファイアウォール、ウェブアプリケーションファイアウォール（WAF）等）": "Traffic filtering (firewalls, web application firewalls (WAF), etc.)",
    "外部ネットワークからの遮断等": "Isolation from external networks and the like",
    "アンチウイルスソフトウェアの使用（端末、ゲートウェイ）、メンテナンス、定期検査、セキュリティパッチ適用": "Using anti-virus software (on terminals and gateways), maintaining it, regular scans, applying security patches",
    "利用していない通信ポート等の非活性化、マクロ実行の抑制": "Disabling unused communication ports and the like; restricting macro execution",
    "早期発見・早期回復対策（監視、障害の検出、障害箇所の切り分け、障害時の縮退・再構成、取引制限、リカバリ機能）": "Early detection and early recovery (monitoring, fault detection, isolating the faulty part, degraded operation and reconfiguration during a failure, transaction restrictions, recovery functions)",
    "不正プログラム": "Malicious programs",
    "ＯＳ／アプリケーションのセキュリティ設定": "Security settings of the OS and applications",
    "アンチウイルスソフトウェアの導入": "Introducing anti-virus software",
    "パターンファイルの更新": "Updating signature (pattern) files",
    "パッチ適用・定期的なウイルス検査": "Applying patches; regular virus scans",
    "サービス不能攻撃": "Denial-of-service attacks",
    "通信フィルタリング": "Traffic filtering",
    "通信回線の冗長化": "Redundant communication lines",
    "通信事業者との連携": "Cooperation with telecommunications carriers",
    "電子計算機、通信回線装置及び通信回線の監視と記録": "Monitoring and logging of computers, communication line equipment and communication lines",
    # 1.4.1
    "入退出の管理": "Entry and exit control",
    "入退出管理（障壁、施錠、主体認証、入退出履歴の記録、継続的に立ち入る者の承認、侵入監視装置の設置、最小限の施設表示）": "Entry and exit control (barriers, locks, authentication, recording entry and exit histories, approval of persons who enter regularly, installing intrusion-monitoring devices, minimal facility signage)",
    "訪問者、清掃業者及び物品の搬出入業者の管理（身分の記録、入室審査手順、立ち入り制限区域の設定、職員等の立ち会い・付き添い、ストラップ・ID カード、情報システムに接触できない場所での受け渡し）": "Managing visitors, cleaning contractors and delivery and collection contractors (recording identity, entry screening procedures, designating restricted areas, presence or escort by staff, lanyards and ID cards, handing over goods where information systems cannot be reached)",
    "安全区域の確保": "Securing secure areas",
    "設置場所の配慮（バックアップセンターの設置、遠隔地でのバックアップ媒体保管、災害を受けにくい場所への設置等）": "Care in choosing the installation site (setting up a backup centre, storing backup media at a remote site, installing in places less exposed to disasters, etc.)",
    "物理的セキュリティ境界の設定": "Defining physical security perimeters",
    "電子計算機及び通信回線装置のセキュリティ確保（不正操作・盗み見等の防止対策）": "Securing computers and communication line equipment (preventing unauthorised operation, shoulder surfing and the like)",
    "安全区域内のセキュリティ管理策（身分証明書の携帯・常時視認、物品等の持ち込み・持ち出しの情報セキュリティ責任者の承認・記録、コンピュータ・外部記録媒体等の持ち込み制限、作業の監視）": "Security controls inside secure areas (carrying identification that is visible at all times, approval and recording by the information security officer of goods brought in or taken out, restrictions on bringing in computers, external storage media and the like, supervision of work)",
    "防犯対策（侵入防止装置、赤外線検知装置、トラップセンサーの設置、記録用機器の使用制限、盗難防止装置）": "Crime prevention (installing intrusion-prevention devices, infrared detectors and trap sensors; restricting the use of recording equipment; anti-theft devices)",
    "電力供給の途絶・通信の途絶・水道供給の途絶への対応": "Response to interruptions of power supply, communications and water supply",
    "防災対策（建物の耐震・免震構造及び防火構造化、設備の転倒等防止対策・防火対策・落雷対策・防水対策、監視設備・警報装置・非常口及び非常灯設置等)": "Disaster prevention (earthquake-resistant or seismically isolated and fire-resistant building structure; measures against equipment toppling, fire, lightning and water; installing monitoring equipment, alarms, emergency exits and emergency lighting, etc.)",
    "自家発電装置、無停電電源装置、予備電源": "Private generators, uninterruptible power supplies, standby power",
    "空調（加湿を含む）設備の冷却水の備蓄等": "Stockpiling cooling water for the air-conditioning (including humidification) equipment and the like",
    # 1.4.2
    "設置時": "At installation",
    "文書（仕様書・設計書、機種・利用ソフトウェアの種類及びバージョン情報、管理者・利用者情報、利用者ＩＤ管理情報、構成要素のセキュリティに関する手順等）整備及び変更管理手順の明確化": "Preparing documentation (specifications and design documents, models and the types and versions of the software used, administrator and user information, user-ID management information, security procedures for components, etc.) and clarifying change-management procedures",
    "供給元及び更新情報、保守期間等が明確な機器の利用": "Using equipment whose supplier, update information, maintenance period and the like are clear",
    "情報システムの受入れに必要な要求事項（受入れ基準）の明確化": "Clarifying the requirements for accepting an information system (acceptance criteria)",
    "情報システムの受入れ前試験実施と合否判定基準の明確化": "Conducting pre-acceptance tests of an information system and clarifying the pass/fail criteria",
    "サプライチェーンにおける情報セキュリティを考慮した機器の調達（信頼のできるベンダーから調達する等）": "Procuring equipment with information security in the supply chain in mind (procuring from trustworthy vendors, etc.)",
    "安全区域への設置": "Installing in a secure area",
    "防災対策（設備の転倒等防止対策・防火対策・落雷対策・防水対策、監視設備・警報装置・非常口及び非常灯設置等)": "Disaster prevention (measures against equipment toppling, fire, lightning and water; installing monitoring equipment, alarms, emergency exits and emergency lighting, etc.)",
    "電子計算機の十分な性能（処理能力・容量・拡張性）の確保": "Ensuring sufficient computer performance (processing power, capacity, scalability)",
    "電子計算機の負荷分散・冗長構成化": "Load balancing and redundant configuration of computers",
    "不要なアプリケーションの利用禁止・不要な機能の無効化・削除": "Prohibiting the use of unneeded applications; disabling or removing unneeded functions",
    "端末で利用可能なソフトウェアの制限": "Restricting the software that can be used on terminals",
    "端末の盗難防止対策": "Anti-theft measures for terminals",
    "モバイル端末に対するセキュリティ機能の装備（ワンタイムパスワード、暗号化、遠隔ロック、遠隔消去等）": "Equipping mobile devices with security functions (one-time passwords, encryption, remote lock, remote wipe, etc.)",
    "記録媒体を持たない端末の利用": "Using terminals without storage media (thin clients)",
    "サーバ装置に対する暗号化機能の装備（遠隔保守時）": "Equipping servers with encryption functions (for remote maintenance)",
    "障害時、緊急時の対応手順の策定": "Drawing up response procedures for failures and emergencies",
    "運用時（保守時含む）": "During operation (including maintenance)",
    "目的外利用の禁止（閲覧可能なウェブサイトの制限、私的目的による使用の禁止）": "Prohibiting use for other purposes (restricting the websites that can be viewed, prohibiting private use)",
    "定期的調査による利用ソフトウェアの把握": "Keeping track of the software in use through regular surveys",
    "不正行為及び不正アクセスの検知(アクセスログ確認、侵入検知システム・アンチウイルスソフトウェア使用等)": "Detecting misconduct and unauthorised access (checking access logs, using intrusion detection systems and anti-virus software, etc.)",
    "稼働状態監視（通常時、繁忙時のシステムの性能、容量、処理能力管理）による異常検知": "Detecting anomalies by monitoring operating status (management of system performance, capacity and processing power in normal and peak periods)",
    "運用管理記録、障害記録、作業記録の作成・管理": "Creating and managing operation logs, failure records and work records",
    "端末等の盗難防止対策": "Anti-theft measures for terminals and the like",
    "モバイル端末で利用する電磁的媒体の暗号化": "Encrypting electronic media used with mobile devices",
    "利用可能な通信回線、通信方法の制限": "Restricting the communication lines and methods that may be used",
    "情報システム内の時刻同期化": "Synchronising clocks within the information system",
    "構成管理（機器管理、外部接続管理）": "Configuration management (equipment management, management of external connections)",
    "情報システムの構成変更の定期的な確認": "Regularly checking changes to the configuration of the information system",
    "定期的なバックアップ取得とバックアップ媒体の安全管理（遠隔地保管等）": "Taking regular backups and keeping backup media safe (storage at a remote site, etc.)",
    "定期的なパスワードの変更": "Changing passwords regularly",
    "障害時、緊急時を想定した訓練（復旧テスト等）の実施": "Conducting drills that assume failures and emergencies (recovery tests, etc.)",
    "外部委託業者の作業の確認・点検": "Checking and inspecting the work of outsourced contractors",
    "利用ソフトウェアのアップデート、脆弱性に関する情報収集": "Updating the software in use; gathering information on vulnerabilities",
    "主体認証（ネットワーク接続時も含む）": "Entity authentication (including when connecting to the network)",
    "セキュリティホール対策（検査、対応）": "Measures against security holes (inspection and response)",
    "無線 LAN 使用時の対策（暗号化、主体認証、機器識別、証跡管理、アクセス制限、他ネットワークの利用制限、機密性確保、接続可能な機器の管理）": "Measures when using wireless LAN (encryption, authentication, device identification, audit-trail management, access restrictions, restrictions on using other networks, ensuring confidentiality, management of devices allowed to connect)",
    "内部と外部のネットワークの分離": "Separating internal and external networks",
    "防災対策の定期的な見直し": "Regularly reviewing disaster-prevention measures",
    "システム統合時": "At system integration",
    "統合に伴うリスク管理体制の構築": "Building a risk-management structure for the integration",
    "移行基準の明確化": "Clarifying migration criteria",
    "統合後の業務運営体制の検証": "Verifying the business operation structure after integration",
    "運用終了時": "At the end of operation",
    "廃棄計画・手順の策定": "Drawing up disposal plans and procedures",
    "電磁的記録（媒体）の情報抹消": "Erasing the information on electronic records (media)",
    # 1.4.3
    "導入時": "At introduction",
    "情報セキュリティ要件の検討、仕様化": "Considering information security requirements and writing them into specifications",
    "運用体制（管理者、障害時の連絡体制、委託先窓口等連絡先、通常時以外の特別体制）の決定及び周知": "Deciding and communicating the operating structure (administrators, contact arrangements during failures, contacts such as the contractor's point of contact, special arrangements outside normal times)",
    "バージョン管理": "Version control",
    "開発環境と本番環境の分離": "Separating development and production environments",
    "ソフトウェア開発を外部委託する場合の契約手順": "Contract procedures when software development is outsourced",
    "電子メールの不正中継禁止": "Preventing unauthorised e-mail relaying",
    "電子メール送信時及び受信時の送信ドメイン認証（ＳＰＦ等）": "Sender domain authentication (SPF, etc.) when sending and receiving e-mail",
    "ウェブにおける特殊文字使用の禁止、無効化": "Prohibiting or neutralising special characters on the web",
    "ウェブにおける脆弱性のある作り込みの回避": "Avoiding building vulnerabilities into web applications",
    "攻撃に利用されるウェブサーバ情報の送信を防ぐ対策": "Preventing the disclosure of web-server information that could be used in attacks",
    "公開するサーバ上に保存する情報の制限": "Restricting the information stored on public-facing servers",
    "電子証明書による正当性の証明": "Proving authenticity with digital certificates",
    "通信情報（データ）の暗号化": "Encrypting communicated information (data)",
    "利用ソフトウェア管理、バージョン管理": "Managing the software in use; version control",
    "電子署名による配布元の確認（ソフトウェアダウンロード時）": "Verifying the distributor by electronic signature (when downloading software)",
    "HTML メール使用時の注意": "Care when using HTML e-mail",
    "電子メールの対策・制限（添付ファイルの保護、不正中継禁止、送受信容量の制限、自動転送、業務外利用、送信先アドレス漏洩の防止、電子署名、暗号化、迷惑メールフィルター）": "E-mail measures and restrictions (protecting attachments, preventing unauthorised relaying, limits on the size sent and received, automatic forwarding, non-business use, preventing leaks of recipient addresses, electronic signatures, encryption, spam filters)",
    "外部ネットワークとの接続制限（プロキシ経由等）": "Restricting connections to external networks (via a proxy, etc.)",
    "データバックアップ、バックアップ媒体の安全管理": "Data backup; keeping backup media safe",
    "不正検知": "Detecting misuse",
    "稼働状態監視（通常時、繁忙時の性能、容量、処理能力管理）による異常検知": "Detecting anomalies by monitoring operating status (management of performance, capacity and processing power in normal and peak periods)",
    "無許可ネットワーク、外部ネットワーク接続の禁止": "Prohibiting connections to unauthorised networks and external networks",
    "運用管理記録、障害記録、作業記録の作成・管理（外部委託業者の作業管理も含む）": "Creating and managing operation logs, failure records and work records (including management of outsourced contractors' work)",
    # 1.4.4
    "構築時": "At construction",
    "未承認機器からの通信の遮断": "Blocking communication from unapproved devices",
    "通信の暗号化": "Encrypting communications",
    "通信性能の確保": "Ensuring communication performance",
    "遠隔地からの保守時の対策": "Measures for remote maintenance",
    "外部からの侵入が困難な回線の選択": "Choosing lines that are hard to intrude into from outside",
    "原則公衆回線からの接続の禁止（例外時はコールバックやユーザの限定）": "In principle prohibiting connections from public lines (in exceptional cases, using call-back or limiting users)",
    "移動、転倒防止措置": "Measures against displacement and toppling",
    "不特定多数が接続するネットワークとの接続禁止": "Prohibiting connection to networks that unspecified large numbers of people connect to",
    "改ざん防止対策": "Measures against tampering",
    "盗聴防止対策": "Measures against eavesdropping",
    "客観的に評価された製品等の導入の検討": "Considering the introduction of objectively evaluated products and the like",
    "文書（仕様書、規程、マニュアル、利用者管理）の整備及び変更管理手順の明確化": "Preparing documentation (specifications, rules, manuals, user management) and clarifying change-management procedures",
    "運用時": "During operation",
    "変更管理": "Change management",
    "運用管理記録の作成": "Creating operation logs",
    "稼働監視": "Operational monitoring",
    "利用する機器、利用者及び識別コードの管理": "Managing the devices used, users and identification codes",
    "リモートアクセス時の対策（主体認証、証跡管理、アクセス制限、機密性確保、利用可能な端末の管理）": "Measures for remote access (authentication, audit-trail management, access restrictions, ensuring confidentiality, management of terminals allowed to be used)",
    "不要なポートの閉塞": "Closing unneeded ports",
    "制御系ネットワークの分離": "Separating control-system networks",
    "ルータによる DoS 攻撃対策": "Countering DoS attacks with routers",
    "入退室管理（障壁、施錠、主体認証、記録、継続的に立ち入る者の承認、侵入監視装置の設置、施設の最小限表示）": "Room entry and exit control (barriers, locks, authentication, records, approval of persons who enter regularly, installing intrusion-monitoring devices, minimal facility signage)",
    "不正検知、異常（非日常状態の）検知": "Detecting misuse; detecting anomalies (out-of-the-ordinary states)",
    "稼働監視（通常時、繁忙時の性能、トラブル時の復旧時間、再発防止策の実施状況、システム容量・能力管理）": "Operational monitoring (performance in normal and peak periods, recovery time after trouble, implementation status of recurrence-prevention measures, management of system capacity and capability)",
    "情報収集（利用ソフトウェア）": "Gathering information (on the software in use)",
    "時刻同期": "Clock synchronisation",
    "ネットワーク構成等に関する情報の秘匿": "Keeping information on the network configuration and the like confidential",
})

EN.update({
    # 2.1.1
    "未然防止措置": "Preventive measures",
    "指揮命令系統の明確化": "Clarifying the chain of command",
    "権限委譲、代行順位の決定": "Deciding the delegation of authority and the order of deputies",
    "重要拠点（指揮拠点）の確保": "Securing key sites (command sites)",
    "事業継続計画の策定": "Drawing up a business continuity plan",
    "事業継続計画の教育・訓練計画の策定": "Drawing up an education and training plan for the business continuity plan",
    "訓練の実施": "Conducting drills",
    "事業継続計画の教育・訓練実施記録の保管": "Keeping records of education and training conducted on the business continuity plan",
    "緊急連絡ルールの確定（連絡先、連絡事項、連絡手段）": "Settling emergency contact rules (whom to contact, what to report, by what means)",
    "連絡不可能な場合（通信途絶等）の緊急時行動ルールの確定": "Settling emergency action rules for when contact is impossible (loss of communications, etc.)",
    "所管省庁への連絡体制": "Arrangements for contacting the competent ministry",
    "情報システム・通信回線の冗長化、代替手段の整備": "Redundant information systems and communication lines; preparing alternative means",
    "信頼性設計": "Design for reliability",
    "物理的な不正侵入の防止": "Preventing physical intrusion",
    "他情報システムとの独立、接続点の最小化": "Independence from other information systems; minimising connection points",
    "情報システムの定期点検及び更新": "Regular inspection and renewal of information systems",
    "緊急時の処理増加等を考慮した情報システムの余裕設計": "Designing information systems with headroom for increased processing in emergencies and the like",
    "代替情報システムの作業手順書策定": "Writing work procedures for alternative information systems",
    "早期発見のための措置": "Measures for early detection",
    "情報システムの稼働監視": "Monitoring the operation of information systems",
    "不正アクセス、不正トラフィックの監視": "Monitoring for unauthorised access and illegitimate traffic",
    "様々な主体が提供する災害・障害発生時の情報サービスの活用": "Using information services on disasters and failures provided by various bodies",
    "拡大防止・早期復旧のための措置": "Measures to prevent spread and to recover early",
    "複数の連絡手段の準備": "Preparing several means of communication",
    "自家発電装置等で使用する燃料の準備": "Preparing fuel for private generators and the like",
    "対外的な情報発信、情報共有": "External communication and information sharing",
    "バックアップシステムの整備、代替手段及び代替手段に必要なシステムの準備": "Setting up backup systems; preparing alternative means and the systems they require",
    "バックアップ稼働計画、復帰計画の策定": "Drawing up plans for running on backup and for returning to normal operation",
    "情報の格付けに応じたデータバックアップ（オンライン、媒体保管等）、遠隔地への保管": "Data backup according to the classification of information (online, storage on media, etc.); storage at remote sites",
    "通信途絶時でも必要最小限の業務を継続するための準備": "Preparing to continue the minimum necessary business even when communications are lost",
    "業界内での相互支援に備えたデータ形式の標準化推進": "Promoting standard data formats in preparation for mutual support within the industry",
    "広報、利用者からの問い合わせへの対応": "Public relations; handling enquiries from users",
    "社会全体で対応する脅威に対する準備": "Preparing for threats that society as a whole must address",
    "パンデミック対策（コンピュータセンターのオペレータ要員の確保等）": "Pandemic measures (securing computer-centre operators, etc.)",
    # 2.1.2
    "事業継続計画との整合性の確保": "Ensuring consistency with the business continuity plan",
    "事業継続計画の実施優先順位と判断基準の明確化": "Clarifying the implementation priorities of the business continuity plan and the criteria for decisions",
    "事業継続計画の実施条件の明確化": "Clarifying the conditions for invoking the business continuity plan",
    "事業継続計画の定期的な見直し": "Regularly reviewing the business continuity plan",
    "事業継続計画と情報セキュリティ対策との間の整合性確保": "Ensuring consistency between the business continuity plan and information security measures",
    "平時からのリスクコミュニケーションの実施（セプターカウンシルの活用等）": "Risk communication from normal times onwards (using the CEPTOAR Council, etc.)",
    # 2.2.1
    "情報分類の指針、情報のラベル付け及び取扱い、重要情報の格付け": "Guidelines for classifying information; labelling and handling of information; classification of important information",
    "情報資産の洗出し方法（体制、洗出し項目、洗出し基準）、情報、情報システムについてのランク付け": "How information assets are identified (structure, items to identify, identification criteria); ranking of information and information systems",
    "情報資産の機密性、完全性、可用性に基づく分類": "Classifying information assets by confidentiality, integrity and availability",
    "安全管理上の重要度に応じた分類（安全性が損なわれた場合の影響の大きさに応じた分類）": "Classification by importance for security management (according to the size of the impact if security were compromised)",
    "個人データ取扱台帳の整備、リスクアセスメント結果に応じた分類": "Keeping a register of personal-data handling; classification according to risk-assessment results",
    # 2.2.2 extras
    "要保護情報の利用にあたっての措置（情報交換の方針及び手順、取外し可能な媒体の管理、重要情報の内部漏えい、盗難、紛失、流出への対策）": "Measures when using information requiring protection (policies and procedures for information exchange, management of removable media, measures against internal leaks, theft, loss and outflow of important information)",
    "書類や電子媒体の持ち出し管理（書類等の保管ルール、端末への資料の保管、持出しに関するルールや制限）": "Controlling the taking out of documents and electronic media (rules for keeping documents, storage of material on terminals, rules and restrictions on taking things out)",
    "安全な場所への保管（自然災害を被る可能性が低い地域への保管、外部記録媒体の耐火、耐熱、耐水及び耐湿を講じた施設への保管）": "Storage in a safe place (in areas unlikely to suffer natural disasters; external storage media in facilities protected against fire, heat, water and humidity)",
    "内容表示の記号化（媒体等に保存情報内容が想定できるタイトル表示をすることの禁止）": "Coded content labels (prohibiting titles on media and the like from which the stored content could be guessed)",
    "バックアップの分散、隔地保管": "Distributing backups; storing them at separate sites",
    # 2.2.3
    "ＰＣや外部記録媒体の盗難、紛失を防止するための措置": "Measures to prevent the theft or loss of PCs and external storage media",
    "入退室管理": "Room entry and exit control",
    "ＰＣ・外部記録媒体の原則外部持ち出し禁止": "In principle prohibiting PCs and external storage media from being taken off the premises",
    "移動可能な機器の盗難防止策、情報盗難の防止等の措置の実施": "Implementing measures such as anti-theft measures for portable equipment and prevention of information theft",
    "ＰＣや外部記録媒体からの情報漏えいを防止するための措置": "Measures to prevent information leaks from PCs and external storage media",
    "安全管理措置を講ずるための組織体制の整備、規定整備とそれに従った運用": "Setting up an organisation for taking security-management measures; establishing rules and operating in accordance with them",
    "個人データの取扱状況を確認できる手段の整備": "Providing means to check how personal data are being handled",
    "雇用契約時及び委託契約時における非開示契約の締結": "Concluding non-disclosure agreements at the time of employment contracts and outsourcing contracts",
    "職員に対する教育・訓練の実施": "Educating and training staff",
    "保存の際のパスワード、暗号化等の対策の実施": "Applying passwords, encryption and similar measures when storing information",
    "電子メールを送信する場合の宛先確認": "Checking recipients when sending e-mail",
    "アプリケーションからの情報漏えいを防止するための措置": "Measures to prevent information leaks from applications",
    "取扱者の責任と権限の明確化": "Clarifying the responsibilities and authority of those handling information",
    "取扱手順の規定と実施状況の確認": "Specifying handling procedures and checking that they are followed",
    "主体認証機能、アクセス制御機能、権限管理機能": "Entity authentication, access control and privilege management functions",
    "データ漏洩防止（暗証番号等の漏洩防止、相手端末確認機能）": "Data-leak prevention (preventing leaks of PINs and the like, functions for verifying the peer terminal)",
    "破壊・改ざん防止（排他制限機能、不良データ検出機能、ファイル突合機能）": "Prevention of destruction and tampering (exclusive-control functions, invalid-data detection functions, file reconciliation functions)",
    "予防策（取引制限機能、事故時の取引禁止機能、電子的価値の保護機能、暗号鍵の保護機能、電子メール、ホームページ閲覧等の不正使用防止機能）": "Preventive measures (transaction-restriction functions, functions for prohibiting transactions in the event of an incident, protection of electronic value, protection of cryptographic keys, functions for preventing misuse of e-mail, web browsing and the like)",
    "ネットワーク上からの不正アクセス対策（ファイアウォール、アンチウイルスソフトウェア、IDS、WAF）、不正侵入防止機能（使用されていないポートの閉鎖、データの書き換えを検出する設定、定期的な改ざんの有無の検査）": "Measures against unauthorised access over the network (firewalls, anti-virus software, IDS, WAF) and intrusion-prevention functions (closing unused ports, settings that detect data being rewritten, regular checks for tampering)",
    "攻撃の記録の保存と関係機関との連携": "Keeping records of attacks and cooperating with relevant organisations",
    "検知策（アクセスログの取得・保管、不正アクセスの監視機能、不正な取引の検知機能、異例取引の監視機能）": "Detective measures (collecting and keeping access logs, functions for monitoring unauthorised access, detecting fraudulent transactions and monitoring unusual transactions)",
    "早期発見策（監視機能、障害の検出および障害箇所の切り分け機能）": "Early-detection measures (monitoring functions, functions for detecting failures and isolating the faulty part)",
    "早期回復対策（障害時の縮退・再構成機能、取引制限機能、リカバリ機能）": "Early-recovery measures (degraded operation and reconfiguration functions during failures, transaction-restriction functions, recovery functions)",
    # 2.2.4
    "内部関係者による情報漏えいを抑止するための措置": "Measures to deter information leaks by insiders",
    "個人データ管理責任者の選定（閲覧等の利用時の管理者の許可）": "Appointing a person responsible for personal data (permission by the manager for viewing and other use)",
    "役割・責任分担の明確化等": "Clarifying roles and the division of responsibilities, etc.",
    "外部での情報処理に関する規定の整備（事業者外での情報処理の制限）": "Establishing rules on processing information outside (restricting information processing outside the operator's premises)",
    "個人データを取り扱う職員及び権限の明確化": "Clarifying which staff handle personal data and their authority",
    "守秘・非開示契約の締結（不当な目的での使用等の禁止）": "Concluding confidentiality and non-disclosure agreements (prohibiting use for improper purposes, etc.)",
    "書類等の保管ルール（施錠可能なキャビネットへの保管、鍵の管理）": "Rules for keeping documents and the like (storage in lockable cabinets, key management)",
    "端末への資料の保管、持出しに関するルールや制限": "Rules and restrictions on storing material on terminals and on taking it out",
    "入退室管理や常時監視（カメラ）等の導入": "Introducing room entry and exit control, constant (camera) surveillance and the like",
    "破壊・改ざん防止（排他制限機能、アクセス制限機能、不良データ検出機能、ファイル突合機能、ID の不正使用防止機能）": "Prevention of destruction and tampering (exclusive-control functions, access-restriction functions, invalid-data detection functions, file reconciliation functions, functions preventing misuse of IDs)",
    "事業者支給以外のシステムによる情報処理の制限": "Restricting information processing on systems not supplied by the operator",
    "異常発見時の対応（管理者への連絡と適切な処置の実施）": "Response when an anomaly is found (notifying the manager and taking appropriate action)",
    "内部からの攻撃の監視（職員の監督とモニタリング）": "Monitoring for internal attacks (supervision and monitoring of staff)",
    "退職後の個人情報保護規程": "Rules on protecting personal information after staff leave",
    "情報漏えいの追跡性確保のための措置": "Measures to ensure that information leaks can be traced",
    "検知策（不正アクセスの監視機能、不正な取引の検知機能、異例取引の監視機能）": "Detective measures (functions for monitoring unauthorised access, detecting fraudulent transactions and monitoring unusual transactions)",
    "リテラシーを向上させるための措置": "Measures to raise literacy",
    "情報セキュリティ対策の教育・訓練": "Education and training in information security measures",
    "取扱いミスを低減させるための措置": "Measures to reduce handling errors",
    "取引制限機能、事故時の取引禁止機能": "Transaction-restriction functions; functions for prohibiting transactions in the event of an incident",
    "電子的価値の保護機能、暗号鍵の保護機能、電子メール、ホームページ閲覧等の不正使用防止機能": "Protection of electronic value; protection of cryptographic keys; functions for preventing misuse of e-mail, web browsing and the like",
    "外部ネットワークからのアクセス制限、不正侵入防止機能": "Restricting access from external networks; intrusion-prevention functions",
    # 2.2.5
    "体制": "Structure",
    "責任・権限を有する担当者の選任": "Appointing staff with responsibility and authority",
    "緊急連絡体制の構築": "Building emergency contact arrangements",
    "報告事項、対応措置、代替手段などの規定": "Specifying what to report, response actions, alternative means and the like",
    "対処手順": "Response procedures",
    "事実関係の把握、漏えい情報の範囲の特定": "Establishing the facts; identifying the extent of the leaked information",
    "情報漏えい経路の特定（システム・端末の調査等）": "Identifying the leak path (investigating systems and terminals, etc.)",
    "情報漏えい継続の阻止、被害の最小化（対象通信の遮断や対象サーバ等をネットワークから隔離するための運用フロー等の整備）": "Stopping the leak from continuing and minimising the damage (preparing operational flows and the like for cutting off the communications concerned and isolating the servers concerned from the network)",
    "本人への通知、事実関係の公表・広報等": "Notifying the persons concerned; publishing and publicising the facts, etc.",
    "所管省庁への報告": "Reporting to the competent ministry",
    "関係機関への周知": "Informing relevant organisations",
    "情報漏えいに至った経緯・原因等の解析": "Analysing how the leak came about, its causes and the like",
    "再発防止策の検討と対策の実施": "Considering and implementing measures to prevent recurrence",
    "情報漏えい事案等への対応状況の記録・分析": "Recording and analysing how information-leak cases and the like were handled",
    # 2.3.1
    "外部委託可能な範囲の明確化や委託先の選定基準": "Clarifying what may be outsourced and the criteria for selecting contractors",
    "委託目的の明確化": "Clarifying the purpose of outsourcing",
    "委託可能な業務範囲の明確化": "Clarifying the scope of work that may be outsourced",
    "委託先選定基準の明確化（経営状況、信頼度・受託実績、技術水準、情報セキュリティ対策の実施状況（諸規定整備含む）、障害発生時の対応力等）": "Clarifying the criteria for selecting contractors (financial condition, reliability and track record, technical level, implementation status of information security measures (including established rules), ability to respond when failures occur, etc.)",
    "委託先選定手続きの明確化": "Clarifying the procedure for selecting contractors",
    "委託先に求める情報セキュリティ対策項目": "Information security measures required of contractors",
    "委託元と同レベルの情報セキュリティ対策": "Information security measures at the same level as the outsourcing organisation's",
    "情報セキュリティ対策の遵守方法": "How compliance with information security measures is ensured",
    "委託先に求める情報セキュリティ対策の周知": "Communicating the information security measures required of contractors",
    "機密保持（機密保持契約）、目的外利用の禁止（確認書の提出）": "Confidentiality (confidentiality agreement); prohibition of use for other purposes (submission of a written confirmation)",
    "個人情報を扱う場合の要件の明確化": "Clarifying the requirements when personal information is handled",
    "委託先作業時の申請": "Applications for work by the contractor",
    "作業報告書の提出": "Submission of work reports",
    "事業者としての管理方法": "How the operator manages contractors",
    "提供する情報の最小化": "Minimising the information provided",
    "委託先がアクセス可能な情報資産の制限": "Restricting the information assets the contractor can access",
    "委託先の情報セキュリティ対策の実施状況の確認": "Checking the implementation status of the contractor's information security measures",
    "納品検査時の情報セキュリティ対策の確認": "Checking information security measures at delivery inspection",
    "委託先が再委託する際の対応策の整備": "Preparing measures for when the contractor subcontracts",
    "定期点検・監査の実施": "Conducting regular inspections and audits",
    "保守用専用アカウントの設定": "Setting up dedicated maintenance accounts",
    # 2.3.2
    "基本契約の締結": "Concluding a basic contract",
    "委託先の情報セキュリティ対策（委託元と同レベル）": "The contractor's information security measures (at the same level as the outsourcing organisation's)",
    "機密保持（機密保持契約）、目的外利用の禁止": "Confidentiality (confidentiality agreement); prohibition of use for other purposes",
    "再委託の制限": "Restrictions on subcontracting",
    "委託管理責任者の設置": "Appointing a person responsible for managing the outsourcing",
    "委託業務内容、委託業務の執行場所、作業者、作業内容の特定": "Specifying the outsourced work, where it is performed, the workers and the work content",
    "契約内容の遵守状況についての委託元による確認": "Checks by the outsourcing organisation on compliance with the contract",
    "契約内容が遵守されない場合の対処（損害賠償請求等）": "Action when the contract is not complied with (claims for damages, etc.)",
    "監査への協力": "Cooperation with audits",
    "契約の解約・解除に関する事項": "Provisions on cancellation and termination of the contract",
    "契約終了時の情報資産の返却及び消去": "Return and erasure of information assets when the contract ends",
    "情報の重要性に応じた対策事項の契約への盛り込み": "Including measures according to the importance of the information in the contract",
    "取扱う情報資産に応じた対策の選定": "Selecting measures according to the information assets handled",
    "データ等の取扱いに関する事項（保管場所・保管方法）": "Provisions on handling data and the like (where and how they are stored)",
    "委託元と同等以上の情報セキュリティ対策の実施": "Implementing information security measures equal to or stronger than the outsourcing organisation's",
    "契約者双方の責任の明確化と合意形成": "Clarifying the responsibilities of both parties and reaching agreement",
    "委託元・委託先双方の責任分界点の明確化": "Clarifying the demarcation of responsibilities between the outsourcing organisation and the contractor",
    "委託先に求める情報セキュリティ対策項目の遵守": "Compliance with the information security measures required of the contractor",
    "遵守方法及び管理体制に関する取り決め": "Arrangements on how compliance is ensured and on the management structure",
    "施設全体の運用業務全般にわたる取り決め": "Arrangements covering all operational work across the whole facility",
    "損害賠償に関する規定の合意": "Agreeing provisions on compensation for damages",
    # 2.3.3
    "ＩＴ障害発生時における委託先の措置": "The contractor's actions when an IT failure occurs",
    "対処方法を含んだ契約の締結": "Concluding a contract that includes how failures are dealt with",
    "対処方法の事前の周知": "Communicating how failures are dealt with in advance",
    "異常検知ツールの活用": "Using anomaly-detection tools",
    "異常状態の記録・保存": "Recording and keeping records of abnormal states",
    "連絡体制の整備": "Establishing contact arrangements",
    "障害箇所の切り離し": "Isolating the faulty part",
    "原因の特定": "Identifying the cause",
    "修正プログラムの適用": "Applying fixes (patches)",
    "重要インフラ事業者等としての対処方法": "How the critical infrastructure operator deals with failures",
    "問題発生時の対処の合意": "Agreeing on how problems will be dealt with",
    "利用者への説明責任の認識": "Recognising accountability to users",
    "行動基準の規定": "Specifying standards of conduct",
    "責任分界点の明示": "Stating the demarcation of responsibilities",
    "緊急時及び平常時の連絡体制の整備（業界内、ベンダー等）": "Establishing contact arrangements for emergencies and normal times (within the industry, with vendors, etc.)",
    "事実関係の確認": "Confirming the facts",
    "外部要因による障害の防止": "Preventing failures due to external factors",
    "委託先との情報共有": "Sharing information with the contractor",
    "他システムへの影響調査": "Investigating the impact on other systems",
    "IT 障害対応の訓練、演習の計画及び委託先を含めた実施": "Planning training and exercises in IT-failure response and conducting them together with contractors",
    # 2.4
    "サービス停止状況、復旧（見込み）情報の提供": "Providing information on service outages and (expected) restoration",
    "情報セキュリティ報告書、ＣＳＲ報告書、各種ディスクロージャ資料等の作成": "Producing information security reports, CSR reports, various disclosure documents and the like",
    "ウェブサイト、電子メール等による情報提供": "Providing information via websites, e-mail and the like",
    # 2.5
    "継続的な情報収集": "Continuous information gathering",
    "平時からの情報収集の実施": "Gathering information from normal times onwards",
    "新たな脅威が顕在化時点で速やかに検討体制が構築できる準備": "Preparing to set up a study team promptly as soon as a new threat materialises",
    "「暗号危殆化」に関する継続的な情報収集の実施（電子政府推奨暗号リスト等参照）": "Continuously gathering information on the 'compromise of cryptography' (referring to the e-Government Recommended Ciphers List and the like)",
    "「ＩＰｖ６移行」に関する継続的な情報収集と実装検討の実施": "Continuously gathering information on the 'migration to IPv6' and considering its implementation",
})

ITEM_TEXT_EN = {
    "1.1.1": "For the PDCA cycle of information security measures to work at each critical infrastructure operator, it is important to establish the organisation and structure for running it and to secure the resources that support them. Information security measures are achieved when every member of staff involved understands the authority and responsibilities assigned according to their position and duties and fulfils those responsibilities with the resources provided. For this reason, the organisation, structure and resources for implementing information security measures need to be stated explicitly. Securing the organisation, structure and resources covers concrete measure items ranging from fundamental, long-term efforts such as developing and educating information security personnel to the self-inspections and audits needed to make information security measures effective.",
    "1.1.2": "From the standpoint of people as an intellectual asset (「人財」, 'human assets'), it is desirable to develop information security personnel and to manage staff.",
    "1.1.3": "Technical measures are taken by many operators; from now on, it is desirable to have information security measures evaluated through external audits and the like.",
    "1.2.1": "So that appropriate measures are taken according to the importance of the information handled, the classification (rank) of information and handling restrictions (e.g. no copying, no taking out, no redistribution) should be stated explicitly from the standpoints of confidentiality, integrity and availability.",
    "1.2.2": "Focusing on the life cycle of information — creation, acquisition, use, storage, transfer, provision, erasure and so on — the information security measures for each stage should be stated explicitly.",
    "1.3.1": "The information security requirements to be built into the information system should be stated explicitly from the standpoint of basic information security functions such as entity authentication (authentication of users, devices and the like), access control, privilege management, audit-trail management, load balancing and redundancy.",
    "1.3.2": "The information security requirements to be built into the information system against various threats such as security holes, malicious programs and denial-of-service attacks should be stated explicitly.",
    "1.4.1": "Facility and environmental measures for installing and operating information systems, such as entry and exit control, securing secure areas and responding to power and water outages, should be stated explicitly.",
    "1.4.2": "Measures for computers at installation, during operation (including maintenance) and at the end of operation should be stated explicitly. Sufficient verification and the like are also desirable when systems are integrated or renewed.",
    "1.4.3": "Measures for application software at introduction, during operation (including maintenance) and at the end of operation should be stated explicitly. Sufficient verification and the like are also desirable when systems are integrated or renewed.",
    "1.4.4": "Measures for communication lines and communication line equipment, from construction through operation to the end or suspension of operation, should be stated explicitly.",
    "2.1.1": "Measures to prevent IT failures before they happen, measures to detect IT failures early, and measures to prevent the spread of an IT failure and to recover quickly when one occurs should be stated explicitly. In doing so, threats that society as a whole is expected to address, such as the wide-area disasters and compound failures seen in the Great East Japan Earthquake and new strains of influenza, should also be taken into account. In addition, given that the data needed for business continuity are concentrated in Tokyo, an earthquake directly beneath the capital should also be taken into account.",
    "2.1.2": "Where a business continuity plan is drawn up, a variety of cases should be assumed as IT failures likely to materialise and built into the plan, which should be checked as appropriate and its measures improved where necessary. In doing so, critical infrastructure sectors that depend on one another (the information and communications, electric power, water and similar sectors and the other sectors) should strive from normal times to liaise and cooperate, including through risk communication.",
    "2.2.1": "The information to be protected, which is the object of leak-prevention measures, should be categorised and stated explicitly.",
    "2.2.2": "Measures for handling information to be protected, and the media on which it is recorded, safely (creation, acquisition, use, storage, transfer, provision, erasure and so on) should be stated explicitly.",
    "2.2.3": "Measures to prevent the theft or loss of PCs and external storage media holding information to be protected and leaks of information from such PCs and media, and measures to prevent leaks of information from applications such as the web and e-mail that process information to be protected, should be stated explicitly.",
    "2.2.4": "Measures to deter information leaks by insiders and to ensure that information leaks can be traced, as well as measures to raise information security literacy and to reduce handling errors, should be stated explicitly.",
    "2.2.5": "In preparation for information leaks, the structure and procedures for responding to such events should be stated explicitly.",
    "2.3.1": "The scope of what may be outsourced, the criteria for selecting contractors, the information security measures required of contractors, the way the operator manages them and the like should be stated explicitly.",
    "2.3.2": "Clarification of the responsibilities of both contracting parties and the building of agreement should be stated explicitly, such as concluding a basic contract and, according to what is outsourced and the importance of the information handled, including in the contract strengthened measures such as the necessary safeguards against information leaks.",
    "2.3.3": "The contractor's actions when an IT failure occurs and the way the critical infrastructure operator deals with it (contact arrangements between the contractor and the outsourcing organisation, ways in which the contractor and the outsourcing organisation deal with trouble together, and the like) should be stated explicitly.",
    "2.4.1": "Means for providing timely information such as the status of critical infrastructure service outages and restoration (including the expected timing where possible) should be stated explicitly.",
    "2.4.2": "With a view to reassuring users, operators should strive to explain externally their efforts on information security measures to prevent the outage or degradation of critical infrastructure services, while taking care over the scope of what is disclosed.",
    "2.5.1": "Social and technological environments change from moment to moment, and new threats that cause IT failures can materialise. Such threats include the 'compromise of cryptography', whereby improved computer performance makes ciphers easier to break, and the 'migration to IPv6' that accompanies the exhaustion of IPv4 addresses brought about by the spread of the Internet. Appropriate measures to prevent IT failures should be considered in response to such changes in the social and technological environments that underpin information systems.",
}

FRAMEWORK_EN = {
    "title": "Guidelines for Formulating Safety Standards for Ensuring Information Security of Critical Infrastructure: Measures Compendium",
    "publisher": "Critical Infrastructure Expert Committee",
    "positioning": "This measures compendium is positioned as a collection of items giving concrete examples of the measure items of the main guideline, so as to make the guideline more useful for ensuring information security in critical infrastructure. In drawing it up, items were identified as comprehensively as possible with 1) greater concreteness and 2) consistency with domestic and international standards in mind, and it was newly decided and established by the Critical Infrastructure Expert Committee. When using this compendium, please refer to the guideline for its purpose and positioning, its scope, the threats it addresses and so on before proceeding. It is hoped that this compendium will be used as a checklist when each critical infrastructure sector considers concrete measure items in continuously improving its safety standards; each sector is expected to add, select and modify measure items as appropriate in light of its own characteristics, so that the continuous improvement of its 'safety standards, etc.' is promoted.",
    "usage": "Concrete examples of the measure items of the main guideline are as follows. So that the content of each measure item of the main guideline can be consulted as appropriate when using this compendium, the corresponding item is quoted (in a box).",
    "cls_consider": "Matter for consideration (a measure item each sector should consider for its safety standards)",
    "cls_reference": "Reference matter (a measure item given for reference)",
    "cls_note": "The classification into 'matters for consideration' (要検討事項) and 'reference matters' (参考事項) is set for each measure item in the main guideline; it does not concern how the individual examples in this compendium are treated.",
}

# OCR / extraction typos kept in ja (by example id) and fixed in en.
OCR = {
    "1.2.2.e020": [{"found": "電子認証等））", "intended": "電子認証等）"}],
}


if __name__ == "__main__":
    main()
