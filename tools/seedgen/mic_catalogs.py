#!/usr/bin/env python3
"""Generate the three 総務省 (MIC) catalogs from seeds 002 and 003.

  catalogs/mic-mgmt-rules/      管理規程に定める事項 (seed 002 lines 272-318)
  catalogs/mic-tech-selfcheck/  技術基準適合自己確認の届出書類 (seed 002 lines 239-268)
  catalogs/mic-nw-safety/       情報通信ネットワーク安全・信頼性基準 (seed 002 lines 320-381, seed 003)

Every Japanese string is cut out of the seed line it cites (never typed in), and the script
checks it against that line again before writing, so ja stays verbatim. Two layout artefacts
of the PDF extraction are removed: markdown bold markers (**) in seed 002, and the blanks that
a wrapped table cell leaves between two Japanese characters in seed 003 (e.g. 「設 置」). Both
are insignificant under the fidelity rule of docs/catalog-format.md (white space is ignored).
English renderings are Anzen's own.

Usage: python3 tools/seedgen/mic_catalogs.py   (writes the YAML; needs ../shared/seeds)
"""
import datetime
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("ANZEN_SEEDS", ROOT.parent / "shared" / "seeds"))  # override for worktrees
S002 = "002_ac92a8629397e6e2.txt"
S003 = "003_60eb2af73ad86bd5.txt"
DATE = datetime.date(2021, 5, 12)
# The author seed 002 names on its title page (lines 6-7); seed 003 names none. The ministry
# issues the underlying rules, but the seeds do not say so for these texts: the publisher is the
# document's author, not a guess.
MIC = {"ja": "電気通信事業ガバナンス検討会 事務局", "en": "Secretariat of the Study Group on Telecommunications Business Governance"}

_cache = {}


def seed(name):
    if name not in _cache:
        _cache[name] = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    return _cache[name]


def line(name, n):
    return seed(name)[n - 1]


def norm(s):
    return re.sub(r"\s+|\*\*|</?p>", "", s)


def unwrap(s):
    """Drop blanks left by wrapped table cells between two non-ASCII characters."""
    return re.sub(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])", "", s).strip()


def check(name, ja, first, last=None):
    text = "".join(seed(name)[first - 1:(last or first)])
    if norm(ja) not in norm(text):
        sys.exit(f"fidelity: {ja!r} not found in {name} lines {first}-{last or first}")


def src(first, last=None, document=None):
    s = {"document": document} if document else {}
    if last and last != first:
        s["lines"] = [first, last]
    else:
        s["line"] = first
    return s


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # no &id001 anchors for repeated values
        return True


def dump(path, header, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10000,
                     default_flow_style=False)
    path.write_text(header + body, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# 1. mic-mgmt-rules
# ---------------------------------------------------------------------------------------------
MR_SECTIONS_EN = {
    280: "Matters concerning the policy for managing telecommunications facilities for business use",
    288: "Matters concerning the structure for managing telecommunications facilities for business use",
    298: "Matters concerning the methods of managing telecommunications facilities for business use",
    314: "Matters concerning the appointment of the chief telecommunications facilities manager",
}
MR_EN = [
    "the organisation-wide, cross-departmental policy for managing facilities",
    "compliance with the relevant laws and regulations, the management rules and other rules",
    "a facility management policy that takes account of communications demand, interconnection and the like",
    "a facility management policy that takes account of disasters",
    "the policy for ensuring information security",
    "the duties of the executive responsible for management",
    "the duties of the chief telecommunications facilities manager",
    "the duties of the chief telecommunications engineer and who deputises for them",
    "matters concerning the duties of the head of each department",
    "the duties of each member of staff",
    "how coordination within the organisation is secured",
    "coordination with parties outside the organisation and the division of responsibilities with them",
    "the basic practices",
    "education, training and the like for those engaged in the design, construction, maintenance and operation of facilities",
    "the design, construction, maintenance and operation of facilities",
    "how adequate facility capacity is secured in view of fluctuations in traffic",
    "the information security measures",
    "how software reliability is ensured",
    "how important communications are secured and the measures against congestion",
    "how emergency calls are secured",
    "the crime-prevention (physical security) measures",
    "the survey, analysis and improvement of the current state, including how the practices are carried out",
    "reporting, recording, response and public notice in cases of congestion, accidents, disasters and other emergencies",
    "the information provided to users to protect their interests",
    "the measures to prevent accidents from recurring",
    "the appointment and dismissal of the chief telecommunications facilities manager",
    "the review of the management rules",
    "other matters",
]


def cap(s):
    return s[0].upper() + s[1:]


def title_en(s):
    """English title from an item phrase: drop a leading article, capitalise."""
    s = re.sub(r"^(the|a|an) ", "", s)
    return cap(s)


def gen_mgmt_rules():
    items, sec, n = [], 0, 0
    for ln in range(280, 319):
        t = line(S002, ln)
        if t.startswith("○"):
            sec += 1
            ja = t[1:].strip()
            check(S002, ja, ln)
            items.append({"id": f"S{sec}", "kind": "section",
                          "title": {"ja": ja, "en": MR_SECTIONS_EN[ln]}, "source": src(ln)})
        elif t.startswith("- "):
            m = re.fullmatch(r"- (.+?)\.{3,}○", t)
            assert m, t
            ja = m.group(1)
            check(S002, ja, ln)
            en = MR_EN[n]
            n += 1
            cid = f"MR-{n:02d}"
            items.append({
                "id": cid, "kind": "check", "parent": f"S{sec}", "label": ja,
                "title": {"ja": ja, "en": title_en(en)},
                "source": src(ln),
                "attributes": {"strength": "obligation"},
                "row": n,
                # The seed lists matters, not questions, and gives no operator/maker marks:
                # both are ours and say so (authored_by: anzen).
                "recommendation": {"operator": "recommended", "maker": "reference", "authored_by": "anzen"},
                "questions": [{"id": f"{cid}.1", "authored_by": "anzen", "text": {
                    "ja": f"管理規程に「{ja}」を定めているか",
                    "en": f"Does the management rules document set out {en}?"}}],
            })
    assert n == len(MR_EN) == 28 and sec == 4, (n, sec)

    ref = {
        "basis": [
            {"text": {"ja": line(S002, 272).strip(),
                      "en": "Matters to be set out in the management rules (Telecommunications Business Act, Art. 44)"},
             "line": 272},
            {"text": {"ja": line(S002, 276).strip(),
                      "en": "(Contents based on Art. 29 of the Enforcement Ordinance, in part also on public notices)"},
             "line": 276},
        ],
        "obligation": {
            "text": {"ja": line(S002, 270)[2:].strip(),
                     "en": "Telecom operators subject to the duty to keep their telecommunications facilities for business use "
                           "compliant with the technical standards must, to ensure the reliable and stable provision of "
                           "telecommunications services, set out as 'management rules' those matters among the practices needed "
                           "to prevent telecommunications accidents and to respond to them that are better secured by each "
                           "operator's own voluntary efforts suited to its characteristics than laid down uniformly in technical "
                           "standards, and notify them to the Minister for Internal Affairs and Communications (Art. 44 of the Act)."},
            "line": 270},
        "template_title": {
            "text": {"ja": line(S002, 278).strip(),
                     "en": "[Company name] Co., Ltd. management rules for telecommunications facilities for business use"},
            "line": 278},
        "mark": {
            "text": {"ja": "○",
                     "en": "Every line of the list ends in ○ in the column 「(施行規則第29条(一部は告示も含む)に基づく内容)」: "
                           "the matter is required by Art. 29 of the Enforcement Ordinance. Anzen records this as "
                           "attributes.strength = obligation on each check."},
            "lines": [282, 318]},
    }
    fw = {
        "id": "mic-mgmt-rules",
        "version": "2021",
        "title": {"ja": "事業用電気通信設備管理規程に定める事項",
                  "en": "Matters to be set out in the management rules for telecommunications facilities for business use"},
        "publisher": MIC,
        "date": DATE, "effective_from": DATE, "effective_to": None, "supersedes": None,
        "source": {"document": S002, "lines": [272, 318]},
        "kinds": ["section", "check"],
        "answer_scale": "compliance",
        "reference": ref,
    }
    return fw, items


# ---------------------------------------------------------------------------------------------
# 2. mic-tech-selfcheck
# ---------------------------------------------------------------------------------------------
TD_EN = [
    "configuration diagrams of the switching equipment, transmission line equipment and their ancillary equipment "
    "(including, where all or part of their functions are virtualised under software control and configured logically, "
    "configuration diagrams showing the logical configuration of those functions concretely), and their connection diagrams",
    "description of the standby equipment and the like installed in the switching equipment, transmission line equipment "
    "and their ancillary equipment",
    "description of the methods of detecting and notifying failures and the like in the switching equipment, transmission "
    "line equipment and their ancillary equipment",
    "description of the protective measures in the telecommunications facilities, such as restricting the functions of "
    "programs received from the telecommunications facilities of users or other telecom operators",
    "list of the main test equipment kept at the workplaces that construct, maintain and operate the telecommunications facilities",
    "list of the main emergency restoration materials kept at the workplaces that construct, maintain and operate the "
    "telecommunications facilities",
    "description of the methods of detecting abnormal congestion in the switching equipment and of countering it",
    "description of the measures against momentary, sudden increases in traffic and against increases in control signals",
    "description of the earthquake-resistance measures of the switching equipment, transmission line equipment and their "
    "ancillary equipment",
    "description of the measures against power outages",
    "description of the measures against electromagnetic induction in the line equipment",
    "description of the automatic fire alarm and fire-extinguishing equipment installed in the equipment rooms and the like "
    "housing the telecommunications facilities",
    "description of the installation of outdoor equipment",
    "description of the measures against natural disasters and the like and against unlawful intrusion in the buildings and "
    "the like housing the telecommunications facilities",
    "description of the measures keeping the content of communications confidential",
    "description of the measures protecting the information on users' communications stored in the telecommunications facilities",
    "description of the protective devices installed between the telecommunications facilities and the facilities of users "
    "or the telecommunications facilities for business use of other telecom operators",
    "description of the location of the demarcation points between the telecommunications facilities and users or other "
    "telecom operators",
    "description of the method of confirming the normal operation of the telecommunications facilities at the demarcation points",
    "documents on the conditions for connecting terminal equipment and the like to voice transmission facilities, and the test results",
    "description of the design values for connection quality and their basis",
    "description of the telecommunications facilities for business use that handle emergency calls",
    "description of the telecommunications facilities for business use that give priority to priority communications in disasters",
    "description of the measures preventing the transmission of a telecommunications number other than the proper one",
]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔"


def gen_tech_selfcheck():
    items, n = [], 0
    for ln in range(245, 269):
        t = line(S002, ln)
        m = re.fullmatch(r"- (.) (.+)", t)
        assert m and m.group(1) == CIRCLED[n], t
        label, ja = m.group(1), m.group(2).replace("**", "").strip()
        check(S002, ja, ln)
        en = TD_EN[n]
        n += 1
        cid = f"TD-{n:02d}"
        plural = en.startswith(("configuration diagrams", "documents"))
        items.append({
            "id": cid, "kind": "check", "label": label,
            "title": {"ja": ja, "en": cap(en)},
            "source": src(ln),
            "row": n,
            # The seed lists documents, not questions, and gives no operator/maker marks:
            # both are ours and say so (authored_by: anzen).
            "recommendation": {"operator": "recommended", "maker": "reference", "authored_by": "anzen"},
            "questions": [{"id": f"{cid}.1", "authored_by": "anzen", "text": {
                "ja": f"「{ja}」を作成し、最新の状態に保っているか",
                "en": f"{'Are' if plural else 'Is'} the {en} prepared and kept current?"}}],
        })
    assert n == 24

    ref = {
        "basis": [
            {"text": {"ja": line(S002, 239).lstrip("○").strip(),
                      "en": "Documents to be attached to the notification of self-confirmation of conformity with the technical standards"},
             "line": 239},
            {"text": {"ja": line(S002, 241).strip(),
                      "en": "(Enforcement Ordinance of the Telecommunications Business Act (ministerial ordinance) "
                            "(hereinafter 'the Enforcement Ordinance'), Art. 27-5)"},
             "line": 241},
        ],
        "obligation": {
            "text": {"ja": line(S002, 199)[2:].strip(),
                     "en": "When the above operators intend to start using telecommunications facilities for business use, they must "
                           "confirm for themselves that the facilities conform to the technical standards and notify the result to "
                           "the Minister for Internal Affairs and Communications before the facilities are put into use (Art. 42 of the Act)."},
            "line": 199},
        "groups": [
            {"id": "general", "name": {"ja": line(S002, 243).strip(), "en": "(General)"}, "line": 243,
             "items": [f"TD-{i:02d}" for i in range(1, 25)]},
        ],
    }
    fw = {
        "id": "mic-tech-selfcheck",
        "version": "2021",
        "title": {"ja": "技術基準適合自己確認の届出書類",
                  "en": "Documents for the notification of self-confirmation of conformity with the technical standards"},
        "publisher": MIC,
        "date": DATE, "effective_from": DATE, "effective_to": None, "supersedes": None,
        "source": {"document": S002, "lines": [239, 268]},
        "kinds": ["check"],
        "answer_scale": "document",
        "reference": ref,
    }
    return fw, items


# ---------------------------------------------------------------------------------------------
# 3. mic-nw-safety
# ---------------------------------------------------------------------------------------------
# Seed 002 (2021 edition): structure of the standard with item/measure counts.
STRUCT_2021 = [  # (id, parent, first line, last line, en)
    ("FAC", None, 324, 324, "Facility standards"),
    ("FAC.1", "FAC", 326, 326, "Equipment standards"),
    ("FAC.1.1", "FAC.1", 328, 328, "General standards"),
    ("FAC.1.2", "FAC.1", 330, 330, "Outdoor equipment"),
    ("FAC.1.3", "FAC.1", 332, 332, "Indoor equipment"),
    ("FAC.1.4", "FAC.1", 334, 334, "Power supply equipment"),
    ("FAC.2", "FAC", 336, 336, "Environmental standards"),
    ("FAC.2.1", "FAC.2", 338, 338, "Centre buildings"),
    ("FAC.2.2", "FAC.2", 340, 340, "Communications equipment rooms and the like"),
    ("FAC.2.3", "FAC.2", 342, 342, "Air-conditioning equipment"),
    ("MGT", None, 344, 344, "Management standards"),
    ("MGT.1", "MGT", 346, 346, "Policy"),
    ("MGT.1.1", "MGT.1", 348, 349, "Organisation-wide, cross-departmental facility management"),
    ("MGT.1.2", "MGT.1", 351, 352, "Compliance with the relevant laws and regulations"),
    ("MGT.1.3", "MGT.1", 354, 355, "Design and management of facilities"),
    ("MGT.1.4", "MGT.1", 357, 358, "Information security management"),
    ("MGT.2", "MGT", 360, 360, "Organisation"),
    ("MGT.2.1", "MGT.2", 362, 362, "Management organisation of the information and communications network"),
    ("MGT.2.2", "MGT.2", 364, 364, "Organisation at each stage"),
    ("MGT.3", "MGT", 366, 366, "Methods"),
    ("MGT.3.1", "MGT.3", 368, 368, "Practices in normal times"),
    ("MGT.3.2", "MGT.3", 370, 370, "Practices when an accident occurs"),
    ("MGT.3.3", "MGT.3", 372, 372, "Practices after an accident has been brought under control"),
]

FAC_TEXT_EN = ("Standards for the equipment that makes up information and communications networks and for the "
               "environment in which that equipment is installed")
MGT_TEXT_EN = ("Standards for managing the design, construction, maintenance and operation of information and "
               "communications networks")

# Seed 003 (older edition): the guideline column of its table. (item id, line, English title)
# Categories: (id, parent, line, number, English title, [(k, line, en), ...])
MT = "Clarifying the organisational structure"
OLD = [
    ("FAC-1-1", "FAC-1", 60, 1, "General standards", [
        (1, 60, "Distribution of communications centres"),
        (2, 61, "Setting up alternative connection routes"),
        (3, 62, "Installation of transmission line equipment on diverse routes"),
        (4, 63, "Distributed accommodation of telecommunications lines"),
        (5, 64, "Distribution and the like of the equipment for mobile Internet access services"),
        (6, 65, "Securing equipment capacity for mobile Internet access services"),
        (7, 66, "Measures against unsolicited advertising and the like by e-mail"),
        (8, 67, "Setting up standby telecommunications lines and the like"),
        (9, 68, "Monitoring the operating status of information and communications networks and the like"),
        (10, 71, "Measures to improve software reliability"),
        (11, 74, "Information security measures"),
        (12, 77, "Measures to prevent interruption of communications"),
        (13, 78, "Emergency restoration measures")]),
    ("FAC-1-2", "FAC-1", 80, 2, "Outdoor equipment", [
        (1, 80, "Measures against wind damage"), (2, 81, "Measures against vibration"),
        (3, 82, "Measures against lightning damage"), (4, 83, "Fire measures"),
        (5, 84, "Water-resistance and similar measures"), (6, 85, "Measures against flood damage"),
        (7, 86, "Measures against freezing"), (8, 87, "Measures against salt damage and the like"),
        (9, 88, "Measures against high and low temperatures"), (10, 89, "Measures against high humidity"),
        (11, 90, "High reliability"), (12, 91, "Preventing contact by third parties"),
        (13, 92, "Detecting and reporting failures and the like"),
        (14, 93, "Provision of standby equipment and the like"),
        (15, 94, "Laying communications cables underground")]),
    ("FAC-1-3", "FAC-1", 96, 3, "Indoor equipment", [
        (1, 96, "Earthquake measures"), (2, 97, "Measures against lightning damage"), (3, 98, "Fire measures"),
        (4, 99, "High reliability"), (5, 100, "Detecting and reporting failures and the like"),
        (6, 101, "Provision of test equipment"), (7, 102, "Provision of standby equipment and the like")]),
    ("FAC-1-4", "FAC-1", 104, 4, "Power supply equipment", [
        (1, 104, "Power supply conditions"), (2, 105, "Earthquake measures"),
        (3, 106, "Measures against lightning damage"), (4, 107, "Fire measures"), (5, 108, "High reliability"),
        (6, 109, "Detecting and reporting failures and the like"), (7, 110, "Measures against power outages")]),
    ("FAC-2-1", "FAC-2", 117, 1, "Centre buildings", [
        (1, 117, "Consideration of the site and its surroundings"), (2, 118, "Selection of buildings"),
        (3, 119, "Entry and exit restriction"), (4, 120, "Fire detection and extinguishing")]),
    ("FAC-2-2", "FAC-2", 121, 2, "Communications equipment rooms and the like", [
        (1, 121, "Location of equipment rooms"),
        (2, 122, "Installation of equipment and the like in equipment rooms"),
        (3, 123, "Conditions in equipment rooms"), (4, 124, "Entry and exit restriction"),
        (5, 125, "Storage of data and the like"), (6, 126, "Fire detection and extinguishing")]),
    ("FAC-2-3", "FAC-2", 127, 3, "Air-conditioning equipment", [
        (1, 127, "Installation of air-conditioning equipment"),
        (2, 128, "Restricting entry to air-conditioning plant rooms"), (3, 129, "Air-conditioning conditions"),
        (4, 130, "Freeze prevention"), (5, 131, "Leak prevention"), (6, 132, "Toxic gases and the like"),
        (7, 133, "Detecting and reporting failures and the like"), (8, 134, "Fire detection and extinguishing")]),
    ("MGT-1", "MGT", 144, 1, "Network design management", [
        (1, 144, MT), (2, 145, "Clarifying design guidelines and the like"),
        (3, 146, "Clarifying the design process and the like"), (4, 147, "Dealing with interconnection")]),
    ("MGT-2", "MGT", 151, 2, "Network construction management", [
        (1, 151, MT), (2, 152, "Clarifying work processes and the like"), (3, 153, "Dealing with interconnection"),
        (4, 154, "Management of contracted construction work"), (5, 156, "Management of acceptance tests")]),
    ("MGT-3", "MGT", 158, 3, "Network maintenance and operation management", [
        (1, 158, MT), (2, 160, "Setting criteria"), (3, 163, "Turning work into procedures"),
        (4, 168, "Monitoring, maintenance and control"), (5, 169, "Dealing with interconnection"),
        (6, 173, "Management of contracted maintenance"), (7, 175, "Management of maintenance tests"),
        (8, 176, "Collecting information"), (9, 178, "Congestion countermeasures")]),
    ("MGT-4", "MGT", 186, 4, "Management of facility replacement and relocation", [
        (1, 186, MT), (2, 187, "Clarifying work processes and the like")]),
    ("MGT-5", "MGT", 189, 5, "Information security management", [
        (1, 189, "Establishing an information security policy"), (2, 190, "Establishing a crisis management plan"),
        (3, 193, "Conducting information security audits"),
        (4, 194, "Setting up arrangements for urgent reporting of computer virus information"),
        (5, 195, "Collecting information on information security"),
        (6, 196, "Assigning persons with the necessary knowledge and skills"),
        (7, 197, "Informing users about information security")]),
    ("MGT-6", "MGT", 201, 6, "Data management", [
        (1, 201, MT), (2, 202, "Setting criteria"), (3, 203, "Turning work into procedures"),
        (4, 204, "Management of data recording media"), (5, 207, "Off-site storage of files and the like")]),
    ("MGT-7", "MGT", 209, 7, "Environment management", [
        (1, 209, "Maintenance of buildings"), (2, 210, "Maintenance of air-conditioning equipment")]),
    ("MGT-8", "MGT", 211, 8, "Crime-prevention management", [
        (1, 211, MT), (2, 212, "Turning management into procedures"),
        (3, 213, "Entry and exit control for buildings, equipment rooms and the like"),
        (4, 214, "Management of keys, PINs and the like"), (5, 215, "Management of security devices"),
        (6, 216, "Retention of entry and exit records")]),
    ("MGT-9", "MGT", 217, 9, "Response to emergencies", [
        (1, 217, MT), (2, 217, "Turning restoration measures into procedures")]),
    ("MGT-10", "MGT", 219, 10, "Education and training", [
        (1, 219, MT), (2, 220, "Content of education and training")]),
    ("MGT-11", "MGT", 221, 11, "Survey, analysis and improvement of the current state", [
        (1, 221, MT), (2, 222, "Setting criteria"), (3, 223, "Turning work into procedures"), (4, 224, "Improvement")]),
    ("MGT-12", "MGT", 225, 12, "Disclosure of information on ensuring safety and reliability", [
        (1, 225, "Status of efforts to ensure the safety and reliability of the network"),
        (2, 226, "Status of network accidents and failures")]),
]

OLDER = {"seed": "003", "edition": "older"}


def cut_item(ln, k):
    t = line(S003, ln)
    m = re.search(r"\(%d\)(.+?)(?:<(\d+)>|\t|$)" % k, t)
    assert m, (ln, k, t)
    return unwrap(m.group(1)), m.group(2)


def cut_category(ln, k):
    t = line(S003, ln)
    m = re.match(r"\s*%d\.(.+?)\s*\((\d+)項目(\d+)対策\)" % k, t)
    assert m, (ln, k, t)
    return unwrap(m.group(1)), m.group(2), m.group(3)


def gen_nw_safety():
    items = []
    struct = []
    for sid, parent, a, b, en in STRUCT_2021:
        raw = "".join(seed(S002)[a - 1:b])
        m = re.match(r"(\d\.|第\d) ?([^ (…]+)", raw.strip())
        c = re.search(r"(\d+)項目(\d+)対策\)?$", raw.strip())
        assert m and c, raw
        label, name = m.groups()
        n_items, n_meas = c.groups()
        check(S002, name, a, b)
        e = {"id": sid}
        if parent:
            e["parent"] = parent
        e.update({"label": label, "name": {"ja": name, "en": en}, "items": n_items, "measures": n_meas})
        e.update({"line": a} if a == b else {"lines": [a, b]})
        struct.append(e)
    # sums in seed 002 add up (checked so that a misread line fails loudly)
    by = {e["id"]: e for e in struct}
    for e in struct:
        kids = [c for c in struct if c.get("parent") == e["id"]]
        if kids:
            assert sum(int(c["items"]) for c in kids) == int(e["items"]), e
            assert sum(int(c["measures"]) for c in kids) == int(e["measures"]), e

    # top categories: 2021 edition (seed 002)
    for cid, ln, text_en in (("FAC", 324, FAC_TEXT_EN), ("MGT", 344, MGT_TEXT_EN)):
        t = line(S002, ln)
        m = re.match(r"(\d\.)(.+?) … (.+?)\((\d+)項目(\d+)対策\)$", t)
        assert m, t
        label, name, text, ni, nm = m.groups()
        items.append({
            "id": cid, "kind": "category", "label": label,
            "title": {"ja": name, "en": by[cid]["name"]["en"]},
            "text": {"ja": text, "en": text_en},
            "source": src(ln),
            "attributes": {"items": ni, "measures": nm, "edition": "2021"},
        })
        if cid == "FAC":
            # seed 003 splits 設備等基準 into 設備基準 / 環境基準 (002 numbers them 第1 / 第2)
            for fid, fln, fen in (("FAC-1", 52, "Equipment standards"), ("FAC-2", 113, "Environmental standards")):
                ja = line(S003, fln).strip()
                items.append({"id": fid, "kind": "category", "parent": "FAC",
                              "title": {"ja": ja, "en": fen},
                              "source": src(fln, document=S003), "attributes": dict(OLDER)})
                for cat in OLD:
                    if cat[1] == fid:
                        items.extend(old_category(cat))
        else:
            for cat in OLD:
                if cat[1] == "MGT":
                    items.extend(old_category(cat))

    # totals of the older edition quoted in reference.editions[older].note, summed from 003's headings
    def total(prefix):
        cats = [it for it in items if it["kind"] == "category" and it["id"].startswith(prefix)
                and "items" in it["attributes"] and it["attributes"].get("seed") == "003"]
        return (sum(int(c["attributes"]["items"]) for c in cats),
                sum(int(c["attributes"]["measures"]) for c in cats))
    assert (total("FAC-1-"), total("FAC-2-"), total("MGT-")) == ((42, 99), (18, 47), (50, 73))

    ref = nw_reference(struct)
    fw = {
        "id": "mic-nw-safety",
        "version": "2021",
        "title": {"ja": "情報通信ネットワーク安全・信頼性基準（収録項目）",
                  "en": "Safety and Reliability Standards for Information and Communications Networks (items recorded in the sources)"},
        "publisher": MIC,
        "date": DATE, "effective_from": DATE, "effective_to": None, "supersedes": None,
        "source": {"document": S002},
        "kinds": ["category", "item", "measure"],
        "answer_scale": "compliance",
        "reference": ref,
    }
    return fw, items


def old_category(cat):
    cid, parent, ln, k, en, its = cat
    name, ni, nm = cut_category(ln, k)
    check(S003, name, ln)
    out = [{"id": cid, "kind": "category", "parent": parent, "label": f"{k}.",
            "title": {"ja": name, "en": en}, "source": src(ln, document=S003),
            "attributes": {"items": ni, "measures": nm, **OLDER}}]
    total, known = 0, True
    assert len(its) == int(ni), (cid, len(its), ni)
    for k2, ln2, en2 in its:
        ja, n = cut_item(ln2, k2)
        check(S003, ja, ln2)
        attrs = dict(OLDER)
        if n is not None:
            attrs = {"measures": n, **OLDER}
            total += int(n)
        else:
            known = False
            missing_id = f"{cid}-{k2}"
        it = {"id": f"{cid}-{k2}", "kind": "item", "parent": cid, "label": f"({k2})",
              "title": {"ja": ja, "en": en2}, "source": src(ln2, document=S003), "attributes": attrs}
        out.append(it)
    if known:
        assert total == int(nm), (cid, total, nm)
    else:
        # seed 003 prints no <n> for one item; the category total implies it
        for it in out:
            if it["id"] == missing_id:
                it["attributes"] = {"measures_inferred": str(int(nm) - total), **OLDER}
    if cid == "MGT-3":
        out[-1]["threats"] = ["congestion"]
        out[-1]["attributes"]["detail_lines"] = "5-24"
        out.extend(congestion_measures())
    return out


def congestion_measures():
    # 管理基準 3(9) ふくそう対策 in full (seed 003 lines 5-24)
    assert norm(line(S003, 5)) == norm("管理基準 3 ネットワーク保全・運用管理 (9) ふくそう対策")

    def stmt(ln, label):
        t = line(S003, ln)
        assert t.startswith(label + " "), t
        return t[len(label) + 1:].strip()

    def bullet(ln):
        return line(S003, ln)[2:].strip()

    a = {
        "id": "MGT-3-9-a", "kind": "measure", "parent": "MGT-3-9", "label": "ア",
        "title": {"ja": stmt(7, "ア"),
                  "en": "To prevent congestion of the information and communications network and to use it effectively, "
                        "take measures to ask users for their cooperation and to inform them, as necessary."},
        "text": {"ja": line(S003, 9).strip(),
                 "en": "(Explanation) In operating the information and communications network, measures to ask users for their "
                       "cooperation and to inform them are taken as necessary, so as to ensure the network is used effectively."},
        "source": src(7, 12, document=S003),
        "bullets": [
            {"text": {"ja": bullet(11),
                      "en": "Example 1: In disasters such as earthquakes, heavy rain and typhoons, an increase in calls from the general "
                            "public, such as calls enquiring after people's safety, can cause congestion so that communications no longer "
                            "get through. As a way of avoiding congestion, users are therefore asked to cooperate, for example by "
                            "refraining from non-urgent calls, by methods such as the following. (The rest is omitted in the source.)"},
             "line": 11},
            {"text": {"ja": bullet(12),
                      "en": "Example 2: So that important communications can be secured even when congestion occurs in a disaster, "
                            "priority telephones are designated at the relevant bodies. Publicity is carried out so that they are "
                            "used effectively."},
             "line": 12},
        ],
        "attributes": dict(OLDER),
    }
    b = {
        "id": "MGT-3-9-b", "kind": "measure", "parent": "MGT-3-9", "label": "イ",
        "title": {"ja": stmt(16, "イ"),
                  "en": "When severe congestion occurs, or is likely to occur, in a disaster or the like, interconnected operators "
                        "cooperate in taking measures such as restricting communications, so that the information and "
                        "communications network is used effectively."},
        "text": {"ja": line(S003, 20).strip(),
                 "en": "(Explanation) When large-scale congestion occurs in a disaster, interconnected operators cooperate with "
                       "one another in congestion countermeasures such as connection restrictions, so that the information and "
                       "communications network is used effectively, including securing important communications such as "
                       "emergency calls."},
        "source": src(16, 20, document=S003),
        "attributes": dict(OLDER),
    }
    for it in (a, b):
        check(S003, it["title"]["ja"], *it["source"]["lines"])
        check(S003, it["text"]["ja"], *it["source"]["lines"])
    for bl in a["bullets"]:
        check(S003, bl["text"]["ja"], bl["line"])
    return [a, b]


def nw_reference(struct):
    desc = line(S002, 173).split("\t")[2].strip()
    assert desc.startswith("● 情報通信ネットワーク全体"), desc
    desc = desc[1:].strip()  # the table cell's bullet mark
    purpose_en = {
        320: "Drawn up as a recommended standard (guideline) on safety and reliability that comprehensively sorts out and "
             "examines the measures from the standpoint of the information and communications network as a whole, and takes "
             "in the functions hardware and software should have and the maintenance and operation of systems.",
        321: "Covers, besides the networks subject to the technical standards and the like (those of facilities-based operators, "
             "universal-service providers, and non-facilities-based operators providing paid services to one million users or "
             "more), private information and communications networks and user networks.",
        322: "The guidelines for opening specific base stations for nationwide 5G and the like require applicants, as a "
             "condition of certification, to bear this standard in mind, so as to encourage equipment procurement (base "
             "stations, network equipment) that takes supply-chain risk into account.",
    }
    parts = [
        {"id": "guidelines", "name": {"ja": line(S002, 374).strip(),
                                       "en": "Guidelines: guidelines based on the management standards"}, "line": 374,
         "documents": [
             {"name": {"ja": line(S002, 376).strip(), "en": "Guidelines for establishing an information security policy"},
              "line": 376},
             {"name": {"ja": line(S002, 378).strip(), "en": "Guidelines for establishing a crisis management plan"},
              "line": 378}]},
        {"id": "commentary", "name": {"ja": line(S002, 381).strip(),
                                       "en": "Commentary: explains, for reference, example measures and the like for every measure item"},
         "line": 381},
    ]
    return {
        "description": {
            "text": {"ja": desc,
                     "en": "A recommended standard (guideline) that sorts out basic, comprehensive indicators for safety and "
                           "reliability measures across the whole information and communications network. It is divided into "
                           "'facility standards' on facilities and the like and 'management standards' on design, construction, "
                           "operation and the like, and covers measures against large-scale Internet failures, improving "
                           "software reliability, disaster measures, disclosure of accident status and more. Private information "
                           "and communications networks and user networks are also covered. [Safety and Reliability Standards "
                           "for Information and Communications Networks (public notice)]"},
            "line": 173},
        "purpose": [{"text": {"ja": line(S002, n)[2:].strip(), "en": en}, "line": n} for n, en in purpose_en.items()],
        # edition facts: the tree of items comes from two editions, see editions below
        "editions": [
            {"id": "2021", "document": S002,
             "title": {"ja": line(S002, 3).strip(), "en": "Current situation and issues"},
             "issuer": {"ja": line(S002, 6).strip() + " " + line(S002, 7).strip(),
                        "en": "Secretariat of the Study Group on Governance in the Telecommunications Business"},
             "date": "2021-05-12", "lines": [3, 7],
             "note": "Gives the structure of the standard with item and measure counts: facility standards 65 items / "
                     "171 measures (line 324), management standards 43 items / 178 measures (line 344); per-category "
                     "counts in structure_2021. Seed 002 names no individual items. The framework's top categories "
                     "FAC and MGT (attributes.edition = 2021) carry these totals."},
            {"id": "older", "document": S003,
             "title": {"ja": line(S003, 3).strip(), "en": "Safety and reliability guideline (public notice)"},
             "report": {"ja": line(S003, 26).strip(),
                        "en": "Safety and reliability measures for IP-based networks (council report)"},
             "lines": [3, 26],
             "note": "Seed 003 (undated) maps the items of an older edition of the guideline to the council report. "
                     "Its table lists the items of 設備基準, 環境基準 and 管理基準 with measure counts <n>. Its totals "
                     "(設備基準 42 items / 99 measures, 環境基準 18 / 47, 管理基準 50 / 73, summed from its category "
                     "headings) differ from the 2021 edition, whose 管理基準 is regrouped under 方針 / 体制 / 方法. Every "
                     "item of this framework with attributes.seed = 003 (edition = older) comes from it; its source "
                     "lines are lines of seed 003 (named in source.document), not of seed 002."},
        ],
        "structure_2021": struct,
        "parts_2021": parts,
        "legend_003": [
            {"text": {"ja": line(S003, 54).strip(), "en": "Reinforced item"}, "line": 54, "document": S003},
            {"text": {"ja": line(S003, 56).strip(), "en": "Added item"}, "line": 56, "document": S003},
        ],
        "annotations_003": [
            {"item": "MGT-3-9-a", "text": {"ja": line(S003, 14).strip(), "en": "Add examples"}, "line": 14, "document": S003},
            {"item": "MGT-3-9-b", "text": {"ja": line(S003, 18).strip(), "en": "Supplement the measure"}, "line": 18, "document": S003},
            {"item": "MGT-3-9-b", "text": {"ja": line(S003, 22).strip(), "en": "Add an explanation"}, "line": 22, "document": S003},
            {"item": "MGT-3-9", "text": {"ja": line(S003, 24).strip(), "en": "Add measure items"}, "line": 24, "document": S003},
        ],
    }


# ---------------------------------------------------------------------------------------------
HEADERS = {
    "mic-mgmt-rules": (
        "# 管理規程に定める事項 (電気通信事業法第44条, 施行規則第29条) as an assessable checklist.\n"
        "# Source: seed 002_ac92a8629397e6e2.txt lines 272-318 (総務省, 電気通信事業ガバナンス検討会 資料, 2021-05-12).\n"
        "# Titles and reference texts are verbatim from the seed with their line numbers. The questions\n"
        "# (管理規程に「…」を定めているか) and the operator/maker recommendation marks are Anzen's own:\n"
        "# the seed gives neither, so both carry authored_by: anzen (shown as 本ツールによる設問).\n"
        "# English renderings are Anzen's own.\n"
        "# Generated by tools/seedgen/mic_catalogs.py. Format: docs/catalog-format.md\n"),
    "mic-tech-selfcheck": (
        "# 技術基準適合自己確認の届出書類 (施行規則第27条の5): the 24 documents as a document checklist.\n"
        "# Source: seed 002_ac92a8629397e6e2.txt lines 239-268 (総務省, 2021-05-12). Markdown bold (**) removed.\n"
        "# Titles and reference texts are verbatim from the seed with their line numbers. The questions\n"
        "# (「…」を作成し、最新の状態に保っているか) and the operator/maker recommendation marks are Anzen's own:\n"
        "# the seed gives neither, so both carry authored_by: anzen (shown as 本ツールによる設問).\n"
        "# English renderings are Anzen's own.\n"
        "# Generated by tools/seedgen/mic_catalogs.py. Format: docs/catalog-format.md\n"),
    "mic-nw-safety": (
        "# 情報通信ネットワーク安全・信頼性基準: the items present in seeds 002 and 003.\n"
        "# Two editions meet here (see reference.editions):\n"
        "#  - FAC / MGT (edition 2021) and reference.structure_2021 come from seed 002_ac92a8629397e6e2.txt\n"
        "#    lines 324-381: 設備等基準 65 items / 171 measures, 管理基準 43 items / 178 measures.\n"
        "#  - every element with attributes.seed = \"003\" (edition older) comes from seed 003_60eb2af73ad86bd5.txt:\n"
        "#    its source line is a line of seed 003 (source.document says so; the loader does not keep an\n"
        "#    item-level document, hence the attribute). 003 lists an older edition's items with measure counts.\n"
        "# Wrapped-cell blanks between Japanese characters in seed 003 are removed (「設 置」 -> 「設置」).\n"
        "# English renderings are Anzen's own. Generated by tools/seedgen/mic_catalogs.py.\n"),
}


def main():
    if not SEEDS.is_dir():
        sys.exit(f"seeds not found: {SEEDS}")
    for fid, gen in (("mic-mgmt-rules", gen_mgmt_rules), ("mic-tech-selfcheck", gen_tech_selfcheck),
                     ("mic-nw-safety", gen_nw_safety)):
        fw, items = gen()
        d = ROOT / "catalogs" / fid
        dump(d / "framework.yaml", HEADERS[fid], fw)
        dump(d / "items.yaml", HEADERS[fid], {"items": items})
        kinds = {}
        for it in items:
            kinds[it["kind"]] = kinds.get(it["kind"], 0) + 1
        print(fid, kinds)


if __name__ == "__main__":
    main()
