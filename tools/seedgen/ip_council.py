#!/usr/bin/env python3
"""Generate the IP-network council report (答申) and its mapping from seed 003.

  catalogs/ip-council-report/                         the council report's items cited in seed 003:
      the congestion items of 4.2.2 in full (lines 28-50) and every item the mapping table names
  catalogs/mappings/mic-nw-safety__ip-council-report.yaml
      the table of lines 58-229: each item of the guideline's 設備基準/環境基準/管理基準 (held in
      catalogs/mic-nw-safety with its measure count <n>) beside the council items it is paired with

Every Japanese title is cut from the seed line it cites and checked against that line again
(white space ignored: the PDF extraction breaks cells with blanks). The table states each pairing,
so every mapping entry is `stated`, with the seed line of its row and the guideline item's count
<n> as printed. Rows labelled 追加 (an addition the council proposes to a category, with no
guideline item of its own) map from the category. English renderings are Anzen's own.

Usage: ANZEN_SEEDS=/path/to/seeds python3 tools/seedgen/ip_council.py
"""
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("ANZEN_SEEDS", ROOT.parent / "shared" / "seeds"))
DOC = "003_60eb2af73ad86bd5.txt"
KANA = "アイウエオカキクケコサシ"

_lines = None


def line(n):
    global _lines
    if _lines is None:
        _lines = (SEEDS / DOC).read_text(encoding="utf-8").split("\n")
    return _lines[n - 1]


def strip(s):
    return re.sub(r"[\s\u3000]+", "", s)


def check(ja, n):
    if strip(ja) not in strip(line(n)):
        sys.exit(f"seed 003 line {n} does not hold: {ja}")


# Sections of the council report named in seed 003: (id, title, line, en).
SECTIONS = [
    ("3.1.1", "基本指針、責任の明確化など組織・体制の整備", 195, "Organisation and structure, such as basic policies and clear responsibilities"),
    ("3.1.2", "故障・災害等によるICT障害に対する責任体制・管理体制の整備", 158, "Responsibility and management structures for ICT failures caused by faults, disasters and the like"),
    ("3.2.1", "人材の育成など人的資源のセキュリティ確保", 220, "Security of human resources, such as training people"),
    ("4.1.1", "ネットワークシステムの容量の適切な計画・設計", 144, "Appropriate capacity planning and design of network systems"),
    ("4.1.2", "開発及びサポートプロセスにおける管理", 152, "Management in development and support processes"),
    ("4.2.1", "故障検知・解析", 159, "Fault detection and analysis"),
    ("4.2.2", "ネットワークふくそう対策", 28, "Network congestion countermeasures"),
    ("4.2.3", "緊急時の情報連絡(迅速な連絡・対応・報告体制)及び連携", 226, "Communication in emergencies (prompt contact, response and reporting) and cooperation"),
    ("4.3.1", "社内の重要情報の管理", 74, "Management of critical information within the company"),
    ("4.3.2", "サイバー攻撃に備えた管理体制", 75, "Management structure prepared for cyber attacks"),
    ("4.3.3", "情報漏えい防止対策", 76, "Measures against information leaks"),
    ("4.3.4", "外部委託における情報セキュリティ確保のための対策", 155, "Measures for information security in outsourcing"),
    ("5.1.1", "バックアップ、分散化等のICT障害対策", 79, "Countermeasures against ICT failures such as backup and distribution"),
    ("5.1.2", "サイバー攻撃に備えた設備等に関する脆弱性への対策", 192, "Measures against vulnerabilities of facilities, prepared for cyber attacks"),
    ("5.1.3", "端末等に対する対策", 111, "Measures for terminals and the like"),
]

# Items: (section, kana or "", title, line, en).
ITEMS = [
    ("3.1.1", "ア", "各事業者における情報セキュリティ確保に関する基本指針の公表", 225, "Publication of each operator's basic policy on information security"),
    ("3.1.1", "イ", "記録媒体の性能向上やシステム間接続の拡充などによるリスク・脅威の拡大に応じた適時の点検・見直し", 204, "Timely checks and reviews as risks and threats grow with better storage media and more interconnected systems"),
    ("3.1.1", "エ", "システム管理のガイドラインの国際的な基準への反映と整合性の確保", 195, "Reflecting system-management guidelines in international standards and keeping them consistent"),
    ("3.1.2", "ア", "新卒の攻撃に対するハード・ソフト対策の体制強化", 190, "Stronger hardware and software countermeasures against new kinds of attack"),
    ("3.1.2", "イ", "非常時等のサービス復旧のための緊急対応の手順や管理体制の整備", 217, "Emergency procedures and management structures for restoring services in emergencies"),
    ("3.1.2", "ウ", "非常時等の事業者間の連携・連絡体制の整備", 158, "Cooperation and contact arrangements between operators in emergencies"),
    ("3.1.2", "エ", "迅速な原因分析のための事業者とベンダーの連携体制の確立", 173, "Cooperation between operators and vendors for prompt cause analysis"),
    ("3.1.2", "オ", "ソフトウェアの導入・更新時の信頼性確保のための体制", 70, "Structures ensuring reliability when software is introduced or updated"),
    ("3.2.1", "ア", "新たな技術やリスク管理等に対応した技術者を育成する機関の整備等", 220, "Institutions that train engineers for new technologies, risk management and the like"),
    ("4.1.1", "ア", "ルータ等の重要な設備の安全・信頼性基準・指標及び定期点検等の実施方法の策定と適切な見直し", 160, "Safety and reliability criteria, indicators and periodic inspection methods for important equipment such as routers, and their review"),
    ("4.1.1", "イ", "将来の利用動向に対応できる設備計画の策定及び障害の極小化対策等に関する設計指針等の策定", 161, "Facility plans that can meet future use, and design guidelines for minimising failures"),
    ("4.1.1", "ウ", "IP網における相互接続性を十分に確保するための試験・検証", 147, "Tests and verification that ensure interconnectivity in IP networks"),
    ("4.1.1", "エ", "サーバ等機器の事前機能確認の充実", 162, "Thorough advance checks of the functions of servers and other equipment"),
    ("4.1.2", "イ", "定期的なソフトウェアのリスク分析とバージョンアップの計画", 71, "Periodic software risk analysis and upgrade planning"),
    ("4.1.2", "ウ", "セキュリティチェックのための体制", 150, "Structure for security checks"),
    ("4.1.2", "オ", "工事実施者とネットワーク運用者による工事実施体制の確認や工事手順の策定", 154, "Confirming the works structure and drawing up works procedures with contractors and network operators"),
    ("4.1.2", "カ", "安全かつ容易な設備増強、拡張性確保手法の確立", 152, "Methods for safe and easy capacity expansion and scalability"),
    ("4.1.2", "キ", "ベンダーから提供されるシステムについての事業者における検査手法、品質評価手法の確立", 149, "Operators' inspection and quality-evaluation methods for systems supplied by vendors"),
    ("4.2.1", "ア", "運用監視体制の充実", 159, "Stronger operational monitoring"),
    ("4.2.1", "エ", "問題発生時に検知、通報させる機能や体制の確立", 168, "Functions and structures that detect and report problems when they occur"),
    ("4.2.1", "オ", "故障箇所特定のためのデータ取得手順、切り分け手順等の整備", 165, "Procedures for collecting data and isolating faults to locate them"),
    ("4.2.1", "カ", "故障箇所の特定及び故障原因の特定の迅速化対策", 166, "Faster identification of fault locations and causes"),
    ("4.2.2", "ア", "ふくそう監視手法や事業者間連携", 30, "Congestion monitoring methods and cooperation between operators"),
    ("4.2.2", "イ", "ふくそう時のユーザー間の公平性の確保", 34, "Fairness between users during congestion"),
    ("4.2.2", "ウ", "企画型ふくそうを防止するための情報収集の仕組み", 177, "Information gathering to prevent planned-event congestion"),
    ("4.2.2", "エ", "ふくそうの波及防止手順の整備及び長期的視点の対策", 39, "Procedures preventing congestion from spreading, and long-term measures"),
    ("4.2.2", "オ", "ノードが具備すべきふくそう対策", 41, "Congestion countermeasures that nodes should have"),
    ("4.2.2", "カ", "アクセス集中時のブロック、負荷分散機構等の機能の実現", 68, "Blocking and load-distribution functions for access concentration"),
    ("4.2.2", "キ", "ふくそう発生時のユーザー端末への自動通知", 43, "Automatic notice to user terminals when congestion occurs"),
    ("4.2.2", "ク", "災害用伝言ダイヤル等の利用促進によるふくそう軽減", 45, "Reducing congestion by promoting the disaster message dial and similar services"),
    ("4.2.2", "ケ", "災害時におけるユーザーの振る舞いや端末の挙動がネットワークに与える影響の事前検証", 150, "Advance verification of how users' and terminals' behaviour in disasters affects the network"),
    ("4.2.2", "シ", "障害時の集中呼のパターンを再現できる試験方法の確立", 47, "Test methods that reproduce the patterns of concentrated calls in failures"),
    ("4.2.3", "イ", "多様なメディアによる障害内容の利用者への提供", 226, "Informing users of failures through various media"),
    ("4.2.3", "ウ", "他社ユーザーへの障害情報等の提供", 227, "Giving failure information to other operators' users"),
    ("4.3.1", "ア", "ネットワーク内の装置類やサービスの属性に応じた情報の分類", 198, "Classifying information by the attributes of network equipment and services"),
    ("4.3.1", "イ", "情報の管理に関する内部統制ルールの整備", 198, "Internal-control rules for managing information"),
    ("4.3.1", "ウ", "情報の暗号化、アクセス権制御など情報の秘密を確保する対策・手順の明確化", 74, "Clear measures and procedures keeping information secret, such as encryption and access control"),
    ("4.3.1", "エ", "アクセスログの取得、適切な保管", 74, "Collecting access logs and keeping them properly"),
    ("4.3.2", "ア", "他の利用者へ悪影響を与えている利用者に対する一時利用停止の明確化", 191, "Clear rules for temporarily suspending users who harm other users"),
    ("4.3.2", "イ", "セキュリティ情報管理レベルの規定及び攻撃者への対処", 199, "Security-information management levels and action against attackers"),
    ("4.3.2", "ウ", "サイバー攻撃発生時の迅速な情報共有方法の確立", 191, "Prompt information sharing when cyber attacks occur"),
    ("4.3.3", "ア", "媒体の種類に応じた廃棄処分方法の明確化", 205, "Clear disposal methods for each type of medium"),
    ("4.3.3", "イ", "メール等を利用した情報交換におけるセキュリティの確保", 76, "Security of information exchanged by e-mail and the like"),
    ("4.3.3", "ウ", "外部監査のチェック項目の策定と定期的な内部・外部監査の実施", 193, "External-audit check items and regular internal and external audits"),
    ("4.3.3", "エ", "情報漏えい対策についての事業者間の情報・意見交換の場の設定", 208, "A forum where operators exchange information and views on leak prevention"),
    ("4.3.3", "オ", "個人情報以外の重要な設備情報(特に他社のセキュリティ情報等)の漏えいについての報告", 208, "Reporting leaks of important facility information other than personal data (especially other operators' security information)"),
    ("4.3.3", "カ", "コンピュータウイルス等による情報漏えい対策", 76, "Measures against leaks through computer viruses and the like"),
    ("4.3.4", "ア", "業務委託先の選別の評価要件の設定", 174, "Evaluation requirements for selecting contractors"),
    ("4.3.4", "イ", "守秘義務契約、誓約書、情報管理規定の保持", 155, "Confidentiality agreements, pledges and information-management rules"),
    ("4.3.4", "", "事業者からベンダーに送付される故障物品内に格納された情報の漏えい防止対策", 202, "Preventing leaks of information stored in faulty goods sent from operators to vendors"),
    ("5.1.1", "ア", "設備の規模に応じた予備電源による具体的な動作時間の設定", 110, "Concrete operating times on standby power according to the size of the facility"),
    ("5.1.1", "イ", "地下鉄構内等の携帯電話基地局等の予備電源の確保・充実", 110, "Standby power for mobile base stations in subway premises and the like"),
    ("5.1.1", "ウ", "障害の影響範囲を限定する対策", 64, "Measures limiting the extent of a failure's impact"),
    ("5.1.1", "エ", "障害発生箇所の特定の迅速化を図るため設備構成のシンプル化及び小規模分散化等の検討", 100, "Simpler, smaller and distributed configurations so that failure locations are found faster"),
    ("5.1.1", "オ", "事業者をまたがる標準的網管理インタフェースの検討", 185, "A standard network-management interface across operators"),
    ("5.1.1", "カ", "緊急通報確保のため稼働状態でメンテナンスを可能とするIP電話システムの実現", 79, "IP telephone systems that can be maintained while running, to secure emergency calls"),
    ("5.1.1", "キ", "コロケーション先の電気通信設備の保護", 103, "Protection of telecom equipment at colocation sites"),
    ("5.1.1", "ク", "セキュリティを保つべき領域の基準の明確化と重要度に応じた入出管理の導入", 119, "Clear criteria for secure areas and entry control according to importance"),
    ("5.1.1", "ケ", "予備電源設置・冗長化などの予備機器等の配備基準の明確化等", 228, "Clear criteria for deploying standby equipment such as standby power and redundancy"),
    ("5.1.2", "イ", "攻撃元を特定できる機能と攻撃元のトラフィックを遮断する仕組み等", 192, "Functions identifying attack sources and mechanisms blocking their traffic"),
    ("5.1.2", "ウ", "出荷前での端末機器の徹底的な脆弱性テストの実施と出荷後の迅速なパッチの適用", 72, "Thorough vulnerability tests of terminals before shipment and prompt patches after"),
    ("5.1.3", "ウ", "停電後の地域単位のセッションリクエストによるネットワーク負荷の分散", 111, "Spreading the network load of area-wide session requests after a power cut"),
    ("5.1.3", "エ", "端末の電力確保、バッテリー寿命延長の技術開発等", 229, "Technology for terminal power supply and longer battery life"),
]

# A lettered item whose row prints no section number (line 170): kept, under a section of ours.
UNSECTIONED = ("イ", "相互接続時のネットワーク管理体制の強化等", 170, "Stronger network management when interconnecting")

# Bullets of the congestion items (lines 28-50), by item.
BULLETS = {("4.2.2", "ア"): [(32, "Study concrete congestion detection and control methods, and put matters common to operators into rules or guidelines.")],
           ("4.2.2", "イ"): [(36, "Each operator builds further know-how on preventing congestion from spreading, and sets up emergency procedures such as traffic restriction during congestion, and the management structure for them."),
                             (37, "Cooperation between operators for serious congestion affecting others: common terms, contact criteria and contact structures, and information to users.")],
           ("4.2.2", "シ"): [(49, "Procedures and contact structures for congestion when traffic surges, e.g. at events."),
                             (50, "Better development and test environments; exchanging and discussing analyses and improvements based on concrete failure cases.")]}

# The table (lines 58-229): (seed line, guideline item or category in mic-nw-safety, [council item]).
# A council item is "section/kana" ("4.3.4/" for the unlettered one, "-/イ" for line 170, a bare
# section when the row names no item).
ROWS = [
    (60, "FAC-1-1-1", ["5.1.1/ケ"]), (64, "FAC-1-1-5", ["5.1.1/ウ"]), (68, "FAC-1-1-9", ["4.2.2/カ", "4.2.2/キ"]),
    (69, "FAC-1-1-9", ["5.1.1/オ"]), (70, "FAC-1-1-9", ["3.1.2/オ"]), (71, "FAC-1-1-10", ["4.1.2/イ"]),
    (72, "FAC-1-1-10", ["5.1.2/ウ"]), (74, "FAC-1-1-11", ["4.3.1/ウ", "4.3.1/エ"]), (75, "FAC-1-1-11", ["4.3.2/ア"]),
    (76, "FAC-1-1-11", ["4.3.3/イ", "4.3.3/カ"]), (79, "FAC-1-1", ["5.1.1/カ"]), (100, "FAC-1-3-5", ["5.1.1/エ"]),
    (103, "FAC-1-3", ["5.1.1/キ"]), (110, "FAC-1-4-7", ["5.1.1/ア", "5.1.1/イ"]), (111, "FAC-1-4", ["5.1.3/ウ"]),
    (119, "FAC-2-1-3", ["5.1.1/ク"]), (124, "FAC-2-2-4", ["5.1.1/ク"]),
    (144, "MGT-1-1", ["4.1.1/エ"]), (145, "MGT-1-2", ["4.2.2/ア"]), (147, "MGT-1-4", ["4.1.1/ウ"]),
    (148, "MGT-1", ["4.1.1/エ"]), (149, "MGT-1", ["4.1.2/キ"]), (150, "MGT-1", ["4.1.2/ウ", "4.2.2/ケ"]),
    (152, "MGT-2-2", ["4.1.2/カ"]), (154, "MGT-2-4", ["4.1.2/オ"]), (155, "MGT-2-4", ["4.3.4/イ"]),
    (158, "MGT-3-1", ["3.1.2/ウ"]), (159, "MGT-3-1", ["4.2.1/ア"]), (160, "MGT-3-2", ["4.1.1/ア"]),
    (161, "MGT-3-2", ["4.1.1/イ"]), (162, "MGT-3-2", ["4.1.1/エ"]), (163, "MGT-3-3", ["4.1.1/ア"]),
    (164, "MGT-3-3", ["4.1.2"]), (165, "MGT-3-3", ["4.2.1/オ"]), (166, "MGT-3-3", ["4.2.1/カ"]),
    (167, "MGT-3-3", ["4.2.2/ア"]), (168, "MGT-3-4", ["4.2.1/エ"]), (169, "MGT-3-5", ["3.1.2/ウ"]),
    (170, "MGT-3-5", ["-/イ"]), (171, "MGT-3-5", ["4.2.1/オ"]), (173, "MGT-3-6", ["3.1.2/エ"]),
    (174, "MGT-3-6", ["4.3.4/ア"]), (176, "MGT-3-8", ["3.1.2/ウ"]), (177, "MGT-3-8", ["4.2.2/ウ"]),
    (178, "MGT-3-9", ["4.2.2/ア"]), (179, "MGT-3-9", ["4.2.2/イ"]), (180, "MGT-3-9", ["4.2.2/エ"]),
    (181, "MGT-3-9", ["4.2.2/オ"]), (182, "MGT-3-9", ["4.2.2/キ"]), (183, "MGT-3-9", ["4.2.2/ク"]),
    (184, "MGT-3-9", ["4.2.2/シ"]), (185, "MGT-3-9", ["5.1.1/オ"]),
    (189, "MGT-5-1", ["4.3.3/カ"]), (190, "MGT-5-2", ["3.1.2/ア"]), (191, "MGT-5-2", ["4.3.2/ア", "4.3.2/ウ"]),
    (192, "MGT-5-2", ["5.1.2/イ"]), (193, "MGT-5-3", ["4.3.3/ウ", "4.3.3/カ"]), (194, "MGT-5-4", ["4.3.2/ア", "4.3.2/ウ"]),
    (195, "MGT-5-5", ["3.1.1/エ"]), (198, "MGT-5", ["4.3.1/ア", "4.3.1/イ"]), (199, "MGT-5", ["4.3.2/イ", "4.3.2/ウ"]),
    (202, "MGT-6-2", ["4.3.4/"]), (204, "MGT-6-4", ["3.1.1/イ"]), (205, "MGT-6-4", ["4.3.3/ア"]),
    (206, "MGT-6-4", ["4.3.4/"]), (208, "MGT-6", ["4.3.3/エ", "4.3.3/オ"]),
    # Line 217 prints two guideline items in one cell, (1) and (2), beside one council item.
    (217, "MGT-9-1", ["3.1.2/イ"]), (217, "MGT-9-2", ["3.1.2/イ"]),
    (220, "MGT-10-2", ["3.2.1/ア"]), (225, "MGT-12-1", ["3.1.1/ア"]), (226, "MGT-12-2", ["4.2.3/イ"]),
    (227, "MGT-12-2", ["4.2.3/ウ"]), (228, "MGT-12", ["5.1.1/ケ"]), (229, "MGT-12", ["5.1.3/エ"]),
]


def item_id(ref):
    sec, _, kana = ref.partition("/")
    if sec == "-":
        return "x.170"
    if not _:
        return sec
    if not kana:
        return sec + ".x1"
    return f"{sec}.{KANA.index(kana) + 1}"


def build_items():
    items = []
    by_section = {}
    for sec, kana, ja, ln, en in ITEMS:
        by_section.setdefault(sec, []).append((kana, ja, ln, en))
    for sec, ja, ln, en in SECTIONS:
        check(sec, ln)
        check(ja, ln)
        items.append({"id": sec, "kind": "section", "label": sec, "title": {"ja": ja, "en": en}, "source": {"line": ln}})
        for kana, ija, iln, ien in by_section.get(sec, []):
            check(ija, iln)
            if kana:
                check(kana, iln)
            it = {"id": item_id(f"{sec}/{kana}"), "kind": "item", "parent": sec, "label": kana,
                  "title": {"ja": ija, "en": ien}, "source": {"line": iln}}
            if (sec, kana) in BULLETS:
                bl = []
                for bln, ben in BULLETS[(sec, kana)]:
                    text = re.sub(r"^-\s*・\s*", "", line(bln).strip())
                    bl.append({"text": {"ja": text, "en": ben}, "line": bln})
                it["bullets"] = bl
            if sec == "4.2.2" and iln <= 50:
                it["attributes"] = {"congestion_item": "true"}
            if sec == "3.1.2" and kana == "ア":
                it["ocr"] = [{"found": "新卒", "intended": "新種"}]
            if sec == "4.1.2" and kana == "ウ":
                it["attributes"] = {"layout": "line 150 prints this cell on the row of 4.2.2; its title fits 4.1.2"}
            items.append(it)
    kana, ja, ln, en = UNSECTIONED
    check(ja, ln)
    items.append({"id": "x", "kind": "section", "label": "", "authored_by": "anzen",
                  "title": {"ja": "節番号の記載のない項目", "en": "Item printed without a section number"},
                  "source": {"line": ln}})
    items.append({"id": "x.170", "kind": "item", "parent": "x", "label": kana, "title": {"ja": ja, "en": en},
                  "source": {"line": ln}})
    return items


def build_mappings(items):
    known = {it["id"] for it in items}
    nw = {}
    for it in yaml.safe_load((ROOT / "catalogs" / "mic-nw-safety" / "items.yaml").read_text(encoding="utf-8"))["items"]:
        nw[it["id"]] = it
    entries = []
    for ln, frm, tos in ROWS:
        assert frm in nw, frm
        src = nw[frm]
        addition = src["kind"] == "category"
        for to in tos:
            tid = item_id(to)
            assert tid in known, (ln, to)
            e = {"from": frm, "to": tid, "relationship": "intersects", "origin": "stated", "line": ln}
            count = src.get("attributes", {}).get("measures")
            if count and not addition:
                check(src["title"]["ja"] + f"<{count}>", src["source"]["line"])  # the <n> printed beside the item
                e["count"] = int(count)
            if addition:
                e["rationale"] = {"ja": "追加項目：答申が「" + src["title"]["ja"] + "」に加えるよう求める取組（ガイドラインに対応する項目はない）",
                                  "en": "Addition: a measure the council report asks to add to this category (no guideline item of its own)"}
            entries.append(e)
    return entries


HEADER_FW = """# ネットワークのIP化に対応した安全・信頼性対策（答申）: the council report's items as seed 003 cites
# them. The congestion items of 4.2.2 (lines 28-50) are complete with their bullets; the other
# items are those the mapping table (lines 58-229) names, title only. The seed names no publisher,
# edition or date: they are null (shown as 不明). Titles are verbatim (blanks of wrapped cells
# removed); English renderings are Anzen's own.
# GENERATED by tools/seedgen/ip_council.py from seeds/003_60eb2af73ad86bd5.txt — edit the generator.
"""
HEADER_MAP = """# 情報通信ネットワーク安全・信頼性基準 (mic-nw-safety, the older edition of seed 003) -> the IP-network
# council report (ip-council-report): the table of seed 003 lines 58-229. The table states each
# pairing, so every entry is stated, with its row's line and the guideline item's measure count
# <n> as printed (count). Rows marked 追加 map from the category the council adds to.
# GENERATED by tools/seedgen/ip_council.py — edit the generator.
"""


def dump(path, header, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.dump(data, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")


def main():
    if not (SEEDS / DOC).exists():
        sys.exit(f"seed not found: {SEEDS / DOC}")
    items = build_items()
    title = "ネットワークのIP化に対応した安全・信頼性対策（答申）"
    check(title, 26)
    fw = {
        "id": "ip-council-report", "version": "cited",
        "title": {"ja": title, "en": "Safety and reliability measures for IP-based networks (council report)"},
        "publisher": None, "edition": None, "date": None, "effective_from": None, "effective_to": None,
        "supersedes": None,
        "source": {"document": DOC, "lines": [26, 229]},
        "kinds": ["section", "item"],
        "answer_scale": "compliance",
        "reference": {"heading": {"text": {"ja": line(28).strip(), "en": "4.2.2 Network congestion countermeasures"}, "line": 28}},
    }
    dump(ROOT / "catalogs" / "ip-council-report" / "framework.yaml", HEADER_FW, fw)
    dump(ROOT / "catalogs" / "ip-council-report" / "items.yaml", HEADER_FW, {"items": items})
    entries = build_mappings(items)
    dump(ROOT / "catalogs" / "mappings" / "mic-nw-safety__ip-council-report.yaml", HEADER_MAP,
         {"id": "mic-nw-safety__ip-council-report", "source": "mic-nw-safety", "target": "ip-council-report",
          "entries": entries})
    print(len(items), "items,", len(entries), "mapping entries")


if __name__ == "__main__":
    main()
