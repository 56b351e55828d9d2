#!/usr/bin/env python3
"""Generate catalogs/nisc-guideline-5/ from seed 001 (NISC 安全基準等策定指針 第5版（案）).

Japanese text is taken verbatim from the seed by line number (page headers dropped, paragraphs
split by page breaks re-joined); every hand-written Japanese string is checked against its seed
line(s). English renderings are Anzen's own and live in this file, keyed by id.

Usage: python3 tools/seedgen/nisc_guideline_5.py [SEED] [OUTDIR]
"""
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SEED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds/001_f2e85bdd67adfa8d.txt"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "catalogs", "nisc-guideline-5")
DOC = "001_f2e85bdd67adfa8d.txt"

with open(SEED, encoding="utf-8") as f:
    LINES = f.read().split("\n")
LAST = len(LINES) if LINES[-1] != "" else len(LINES) - 1

TAG = re.compile(r"<[^>]+>")


def raw(n):
    return LINES[n - 1]


def clean(s):
    s = TAG.sub(" ", s)
    return re.sub(r"[ \t\u3000]+", " ", s).strip()


def norm(s):
    return re.sub(r"[\s\u3000・•]+", "", TAG.sub("", s))


def chk(ja, *lines):
    """Assert that `ja` occurs (ignoring white space, tags and bullets) in the given seed lines."""
    hay = norm("".join(raw(n) for n in lines))
    if norm(ja) not in hay:
        raise SystemExit(f"seed check failed: {ja!r} not in line(s) {lines}")
    return ja


def line_text(n):
    s = raw(n).strip()
    if s.startswith("- "):
        s = s[2:].strip()
        if not re.match(r"^[①-⑳]", s):
            s = "・" + s
    return s


def J(*segs):
    """Join seed lines into a paragraph text; a tuple joins page-split pieces without a break."""
    out = []
    for s in segs:
        if isinstance(s, tuple):
            out.append("".join(line_text(n) for n in s))
        else:
            out.append(line_text(s))
    for p in out:
        assert p, segs
    return "\n".join(out)


def T(ja, en):
    assert ja and en, (ja, en)
    return {"ja": ja, "en": en}


def lines(a, b=None):
    return {"line": a} if b is None or b == a else {"lines": [a, b]}


# ---------------------------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------------------------
ITEMS = []


def item(id, kind, parent, label, title_ja, title_en, src, text=None, en=None, heading=None,
         **extra):
    if heading:
        chk(title_ja, heading)
    d = {"id": id, "kind": kind}
    if parent:
        d["parent"] = parent
    if label:
        chk(label, heading or src[0])
        d["label"] = label
    d["title"] = T(title_ja, title_en)
    if text is not None:
        d["text"] = T(text, en)
        assert text.count("\n") == en.count("\n"), (id, text.count("\n"), en.count("\n"))
    d["source"] = lines(*src)
    d.update(extra)
    ITEMS.append(d)
    return d


# --- Part I ---------------------------------------------------------------------------------
item("I", "part", None, "I.", "目的及び位置付け", "Purpose and positioning", (85, 154), heading=85)

item("I.1", "part", "I", "1.", "重要インフラにおける情報セキュリティ対策の重要性",
     "Importance of information security measures in critical infrastructure", (87, 103),
     J(89, 91, 93, 95, 97, 99, 101, 103),
     "People's lives and socio-economic activity are supported by a variety of critical infrastructure services, and information systems are widely used to deliver their functions.\n"
     "Because critical infrastructure by its nature must provide its services safely and continuously, protecting it requires — in line with the 'function assurance' approach set out in the 'Fourth Action Plan on Information Security Measures for Critical Infrastructure' (the 'Fourth Action Plan') — securing the information systems needed to provide the services, reducing as far as possible the occurrence of critical infrastructure service failures caused by cyber attacks and the like, and detecting failures early and restoring service quickly when they occur. Moreover, since a stoppage or degradation of critical infrastructure services could have an enormous impact, they must be protected as a priority through close public-private cooperation.\n"
     "The function assurance approach\n"
     "Critical infrastructure services are themselves a foundation supporting people's lives and socio-economic activity, and any disruption in their provision may have a direct and serious negative effect on the safety and security of the public. Every party concerned is therefore required to work to provide critical infrastructure services safely and continuously (function assurance).\n"
     "In this Action Plan, 'function assurance' does not mean that each party guarantees the protection or continued functioning of critical infrastructure services; it means that each party takes responsibility for, and vouches for, the processes for protecting them and maintaining their functions. In other words, it is the approach that requires each party to make, appropriately, the efforts in information security measures needed to achieve the purpose of critical infrastructure protection.\n"
     "(Excerpt from the Fourth Action Plan on Information Security Measures for Critical Infrastructure)\n"
     "Critical infrastructure operators, with the necessary support of government bodies, are required to have their management actively involved, to position preparedness for information security risks as part of their management strategy, and to take measures such as risk reduction strategically on the basis of risk assessment results (i.e. to practise risk management for information security). They are also required to put in place an appropriate response capability so that, through prompt detection of and proper response to cyber attacks and the like, the safety of critical infrastructure services is ensured and their provision can continue while avoiding, as far as possible, any stoppage or degradation that they and their stakeholders cannot tolerate.\n"
     "What is especially important in advancing these efforts is that critical infrastructure operators recognise that they are both business entities and parties bearing social responsibility, steadily implement the information security measures that are necessary or desirable for the characteristics of their sector, and continuously improve those measures along the PDCA cycle while keeping track of changes in the business environment.",
     heading=87)

item("I.2", "part", "I", "2.", "「安全基準等」とは何か", "What are 'safety standards and the like'?",
     (107, 123), J(109, 111, 113, 115, 117, 119, 121, 123),
     "Each critical infrastructure operator conducts its business under the legal framework of its sector and in accordance with the relevant standards.\n"
     "In view of this, the Guideline calls the documents that serve as standards for, or references to, the judgements and actions of each critical infrastructure operator 'safety standards and the like'. They fall into the following four classes, ① to ④:\n"
     "① 'Mandatory standards' set by the State on the basis of the relevant laws and regulations\n"
     "② 'Recommended standards' and 'guidelines' set by the State in accordance with the relevant laws and regulations\n"
     "③ Cross-industry 'industry standards' and 'guidelines' set by industry associations and the like to meet the relevant laws and regulations and the expectations of the public\n"
     "④ 'Internal rules' and the like set by critical infrastructure operators themselves to meet the relevant laws and regulations and the expectations of the public, users and others\n"
     "* Note that the documents counted as 'safety standards and the like' are not limited to those written to achieve 'safety'.\n"
     "To ensure that critical infrastructure operators implement the necessary or desirable information security measures, the items and levels of those measures need to be stated explicitly in writing in these 'safety standards and the like'. That is, by referring to ① to ④ above, everyone involved in critical infrastructure business is expected to be able to understand 'what they should do' and 'to what extent'.",
     heading=107)

item("I.3", "part", "I", "3.", "指針の位置付け", "Positioning of the Guideline", (125, 140),
     J(127, 129, 132, 134, 138, 140),
     "This Guideline aims to support the drafting and revision of 'safety standards and the like' by organising and setting out the items that it is desirable to specify in them, with a view to achieving the safe and continuous provision of critical infrastructure services in line with the function assurance approach for critical infrastructure.\n"
     "To this end, the Guideline describes the information security measure items along the PDCA cycle so that critical infrastructure operators can easily refer to them in their voluntary efforts and continuous improvement. (Figure 1 shows the overall picture of information security measures for critical infrastructure in this Guideline.)\n"
     "Since this Guideline focuses on 'information security measures' and describes only the items considered highly necessary from a cross-sector view of critical infrastructure, the following two points need to be kept in mind when each critical infrastructure sector or operator drafts or revises its 'safety standards and the like':\n"
     "・Depending on the sector or operator, some items in this Guideline may not need to be specified in the 'safety standards and the like', because of the nature of its business or for other reasons.\n"
     "・Depending on the sector or operator, items not described in this Guideline may need to be specified in the 'safety standards and the like', because of the nature of its business or for other reasons.\n"
     "In which 'safety standards and the like' the measure items described in this Guideline and their levels are to be specified is expected to be considered by each sector or operator, taking into account the provisions of the relevant laws and regulations of each sector and the structure of the existing 'safety standards and the like'.",
     heading=125)

item("I.4", "part", "I", "4.", "指針を踏まえた「安全基準等」の継続的改善及び浸透への期待",
     "Expectations for the continuous improvement and dissemination of 'safety standards and the like' based on the Guideline",
     (146, 154), J(148, 150, 152, 154),
     "The information security environment is changing at an accelerating pace, and the importance of continuously improving the 'safety standards and the like' that critical infrastructure operators refer to or set themselves grows year by year.\n"
     "Because threats previously judged not to require a response may come to require one as the environment changes, operators are expected to refer to this Guideline, together with periodic checks of the impact of environmental changes, and to judge whether their 'safety standards and the like' need to be reviewed.\n"
     "In continuously improving the 'safety standards and the like', since, as noted above, this Guideline is limited to the items considered highly necessary from a cross-sector view of critical infrastructure, it is desirable to refer as appropriate to related standards and to domestic and international best practices in addition to this Guideline.\n"
     "Those who draw up 'safety standards and the like' are also expected to strive on a day-to-day basis to spread them among everyone involved in critical infrastructure business and, in view of the great impact of critical infrastructure on people's lives and in order to foster public reassurance, to publish the content of the 'safety standards and the like' widely in a form that does not hinder the advancement of information security measures.",
     heading=146)

# --- Part II --------------------------------------------------------------------------------
item("II", "part", None, "II.", "「安全基準等」で規定が望まれる項目",
     "Items desirable to specify in 'safety standards and the like'", (156, 562),
     J(170, 172, 174, 176),
     "4. Measure items\n"
     "Bearing in mind that they are in a position of social responsibility for achieving the safe and continuous provision of critical infrastructure services, critical infrastructure operators consider whether to adopt each of the following measure items, listed along the PDCA cycle of information security measures.\n"
     "In the PDCA cycle of information security measures, the usual flow is to derive measures from the results of analysis in Plan, put them into practice in Do, evaluate in Check after a certain period whether the measures need to be reviewed, and make improvements in Act; in actual operation, however, it must be recognised that, depending on the results of monitoring and detection in Do, dynamic responses such as urgently revising measures may be needed.\n"
     "Documents giving concrete examples for each measure item are listed in '[Appendix 4] Where to find concrete examples of the measure items'. Refer to them as needed when introducing each measure item.",
     heading=156)

item("II.1", "part", "II", "1.", "策定目的", "Purpose of the standards", (158, 160), J(160),
     "State that, in critical infrastructure, it is necessary — in line with the function assurance approach — to work on the PDCA cycle of information security measures in the light of the content of the 'safety standards and the like', in order to reduce as far as possible the occurrence of critical infrastructure service failures that affect the safe and continuous provision of critical infrastructure services and to restore service promptly when they occur.",
     heading=158)
item("II.2", "part", "II", "2.", "対象範囲", "Scope", (162, 164), J(164),
     "State the scope covered by the provisions of the 'safety standards and the like' in question, taking into account the 'examples of target critical systems' in '[Appendix 1] Target critical infrastructure operators and examples of critical systems' and the 'critical infrastructure services (including procedures)', 'examples of critical infrastructure service failures', 'service maintenance levels' and so on in '[Appendix 2] Descriptions of critical infrastructure services and examples of critical infrastructure service failures'.",
     heading=162)
item("II.3", "part", "II", "3.", "関係主体の役割", "Roles of the parties concerned", (166, 168), J(168),
     "List comprehensively and concretely the parties concerned (see 'Definitions and glossary') in the critical infrastructure sector covered by the 'safety standards and the like', and state clearly the role of each in information security measures. In particular, for the role of critical infrastructure operators, also describe the efforts of management, referring to 'the desired stance of management of critical infrastructure operators' and other parts of the Fourth Action Plan.",
     heading=166)

PHASE_EN = {"4.1": "'Plan' perspective", "4.2": "'Do' perspective", "4.3": "'Check' perspective",
            "4.4": "'Act' perspective"}
PERSP_EN = {"4.1.1": "'Context of the organisation' perspective", "4.1.2": "'Leadership' perspective",
            "4.1.3": "'Planning' perspective", "4.1.4": "'Support' perspective",
            "4.2.1": "'Operation' perspective", "4.3.1": "'Evaluation' perspective",
            "4.4.1": "'Improvement' perspective"}


def phase(id, ln, src):
    title = raw(ln).strip()[len(id) + 2:].strip()
    item(id, "phase", "II", id + ".", title, PHASE_EN[id], src, heading=ln,
         attributes={"pdca": {"4.1": "plan", "4.2": "do", "4.3": "check", "4.4": "act"}[id]})


def persp(id, parent, ln, src):
    title = raw(ln).strip()[len(id) + 2:].strip()
    item(id, "perspective", parent, id + ".", title, PERSP_EN[id], src, heading=ln)


def label_title(ln):
    s = raw(ln).strip()
    m = re.match(r"^([（(][0-9０-９ア-ンｱ-ﾝ一-龥]+[）)])\s*(.+)$", s)
    assert m, s
    return m.group(1), m.group(2)


def it(id, parent, ln, src, text, en, **extra):
    label, title = label_title(ln)
    d = item(id, "item", parent, label, title, TITLE_EN[id], src, text, en, heading=ln, **extra)
    d["threats"] = ["common"]
    # keep threats after source for readability
    return d


TITLE_EN = {
    "4.1.1.1": "Understanding the external and internal environment",
    "4.1.1.2": "Understanding the requirements of the parties concerned and others",
    "4.1.2.1": "Commitment of management",
    "4.1.2.2": "Establishing the information security policy",
    "4.1.2.3": "Assigning responsibilities and authorities for organisational roles",
    "4.1.3.1": "Information security risk assessment",
    "4.1.3.2": "Deciding the information security risk treatment",
    "4.1.3.3": "Establishing topic-specific policies for security controls",
    "4.1.3.4": "Drawing up the information security risk treatment plan",
    "4.1.4.1": "Securing resources",
    "4.1.4.2": "Developing personnel and raising awareness",
    "4.1.4.3": "Communication",
    "4.2.1.1": "Introducing and operating information security measures",
    "4.2.1.2": "Responding to critical infrastructure service failures",
    "4.2.1.3": "Conducting exercises and drills",
    "4.3.1.1": "Monitoring and audit",
    "4.3.1.2": "Review by management",
    "4.4.1.1": "Corrective action and continual improvement",
}

# --- 4.1 Plan -------------------------------------------------------------------------------
phase("4.1", 178, (178, 468))
persp("4.1.1", "4.1", 180, (180, 194))
it("4.1.1.1", "4.1.1", 182, (182, 188), J((184, 188)),
   "Organise the state of the critical infrastructure operator's external and internal environment that is expected to affect the capabilities needed for the safe and continuous provision of critical infrastructure services, including the situation in the near future. In doing so, it is especially important to grasp accurately the 'dependencies' between the supply chain (suppliers, contractors, etc.) and the organisation, by identifying and analysing the various operations involved in providing critical infrastructure services.")
it("4.1.1.2", "4.1.1", 190, (190, 194), J(192, 194),
   "Organise the requirements of the parties concerned, customers, suppliers, contractors and others regarding the critical infrastructure operator's information security efforts (including initial response and recovery when a critical infrastructure service failure occurs). The requirements include obligations laid down in the relevant laws and regulations of each sector, in contracts and the like.\n"
   "The organised content, together with the state of the external and internal environment described above, is to be a factor to consider when carrying out 'establishing the information security policy', 'information security risk assessment' and the like. It is also expected that the organised content be shared throughout the organisation, with a view to raising staff awareness of information security efforts.")

persp("4.1.2", "4.1", 196, (196, 255))
it("4.1.2.1", "4.1.2", 198, (198, 223), J(200, 202, 204, 206, 207, 219, 220, 221, 223),
   "The management of a critical infrastructure operator declares inside and outside the organisation that it will assess information security risks¹ and deal with them appropriately, in order to run the business in line with the 'function assurance' approach required of critical infrastructure operators. In making the declaration, the 'information security policy' of (2) on the next page and the like are to be used.\n"
   "In dealing with information security risks, management is also expected to recognise 'the desired stance of management of critical infrastructure operators' below and to act appropriately, referring to 'Cybersecurity concepts for corporate management²', the 'Cybersecurity Management Guidelines³' and the like.\n"
   "[The desired stance of management of critical infrastructure operators]\n"
   "・Ensuring information security is a responsibility that management must fulfil; executives themselves exercise leadership and work on information security measures in line with the function assurance approach.\n"
   "・Recognising that the company's efforts also contribute to the development of society as a whole, work on information security measures that include the supply chain (business partners, subsidiaries and affiliates).\n"
   "・With a view to fostering stakeholders' trust and reassurance regarding information security, work on disclosing information such as the stance taken on information security measures in normal times and the response when incidents occur.\n"
   "・Gather accurately the information needed for each of the above efforts, continuously secure the necessary management resources such as budget, organisation and personnel, and allocate them appropriately on a risk-based approach.\n"
   "・Based on the results of verifying the effects and impacts that the response to information security risks has had on the business, decide at the board of directors and other important management meetings whether the information security risk response strategy needs further review and what that review should be.\n"
   "* Based on the content of the Fourth Action Plan, with the additions and partial amendments needed for drafting this Guideline.")
it("4.1.2.2", "4.1.2", 225, (225, 229), J(227, 229),
   "The critical infrastructure operator establishes an 'information security policy' as an official document addressed inside and outside the organisation. In the policy, the operator — which is in a position of social responsibility for providing critical infrastructure services safely and continuously — sets out the purpose and direction of its information security efforts and shows management's commitment to, among other things, meeting the requirements of the parties concerned and others relating to those efforts and continuously improving them.\n"
   "The information security policy is communicated within the organisation and made available, as needed, to parties concerned and others outside it. Whether the policy remains appropriate and effective is checked at planned intervals and also when a major change occurs in the circumstances surrounding the organisation.")
it("4.1.2.3", "4.1.2", 231, (231, 253), J(233, 235, 237, 241, 243, 245, 246, 247, 248, 249, 250, 251, 252, 253),
   "To ensure its information security efforts, the management of the critical infrastructure operator decides the departments and staff that are to promote information security measures, assigns them responsibilities and authorities within an appropriate scope, and communicates the assignments within the organisation so that staff share the same understanding.\n"
   "In doing so, among the people who promote information security measures, it is especially important to identify clearly the risk owners, who are responsible for monitoring and dealing with the risks identified in the risk assessment and who are required to give clear explanations and to be accountable for what they have explained.\n"
   "It is also expected that a person (such as a CISO) be secured who connects management and practitioners, plans information security measures based on the business strategy and the like, and can direct the practitioners.\n"
   "Furthermore, where the operator has environments in which control systems and the like are operated, it is expected to take into account that personnel from OT⁴-related departments are needed to prevent and recover from critical infrastructure service failures caused by cyber attacks and the like.\n"
   "Roles such as the following may also be considered in addition to the above:\n"
   "・Collecting threat information and the like, and sharing information with the parties concerned\n"
   "・Managing security incidents (CSIRT, etc.)\n"
   "・Executing the contingency plan and business continuity plan\n"
   "・Internal audit of information security efforts as a whole\n"
   "・Managing information security efforts in the supply chain (suppliers, contractors, etc.)\n"
   "・Managing the competence requirements of security personnel, and education and training\n"
   "・Operating information systems (including networks)\n"
   "・Managing each asset (information systems, software, information, etc.)\n"
   "・Managing facilities that require physical security")

persp("4.1.3", "4.1", 257, (257, 446))
it("4.1.3.1", "4.1.3", 259, (259, 278), J(261, 263, 264, 265, 266, 268, 270, 272, (274, 278)),
   "To manage appropriately the information security risks that affect the safe and continuous provision of critical infrastructure services, carry out an information security risk assessment by a procedure such as the following.\n"
   "① In the light of the ever-changing circumstances surrounding the organisation and the needs of the parties concerned and others, clarify the scope and level of the operations needed to provide critical infrastructure services and the risk appetite, risk tolerance and the like, and identify the management resources, such as information systems, needed to carry out those operations.\n"
   "② Identify the 'information security risks' to management resources such as information systems (risk identification).\n"
   "③ Taking risk appetite, risk tolerance and the like into account, determine the magnitude of the identified risks using risk criteria built on evaluation axes such as 'the degree of impact of the consequences of an event on services and operations' and 'the likelihood of the event' (risk analysis).\n"
   "④ Extract the risks whose magnitude is at or above the threshold value and, also taking individual circumstances into account, extract the risks to be treated (risk evaluation).\n"
   "* The National center of Incident readiness and Strategy for Cybersecurity's 'Risk assessment handbook based on the function assurance approach for critical infrastructure' describes the viewpoints of risk assessment based on the function assurance approach and the details of the above procedure; refer to it together with this document.\n"
   "* Depending on the characteristics and environment of the organisation's business, applying the methods of other handbooks may also be effective. For example, IPA's 'Security risk analysis guide for industrial control systems' describes a risk analysis method combining an asset-based approach and a business-impact-based (scenario-based) approach, together with concrete working procedures for effective security measures.\n"
   "To provide critical infrastructure services safely and continuously, it is expected that, depending on the sector and the characteristics of the service, risks from the viewpoint of HSE⁵ and the like are also identified, analysed and evaluated in addition to information security risks. HSE viewpoints include, for example, ensuring the occupational safety and health of the staff who provide critical infrastructure services, ensuring the safety and health of the users of those services, and reducing the environmental burden of providing them.\n"
   "Risks not selected for treatment by the above method also need to be managed. Where the departments in charge are made responsible for managing such risks, it is expected that a mechanism be put in place that allows each department's management status (whether security controls have been introduced, etc.) to be checked in a timely manner.")
it("4.1.3.2", "4.1.3", 280, (280, 436), J(282, 284, 286),
   "Decide the concrete way to treat the information security risks extracted in the risk assessment. The options for risk treatment are 'reduction⁶', 'avoidance⁷', 'transfer (sharing)⁸' and 'retention (acceptance)⁹'; select the one considered appropriate in the light of 'the degree of impact of the consequences of an event on operations', 'the likelihood of the event' and the like.\n"
   "Next, decide the security controls that implement the selected risk treatment. For reference, '(ア) Human resource security (outsourcing)' to '(コ) Information security incident management' below set out security controls that, from the standpoint of critical infrastructure protection, are expected to be included in safety standards and the like.\n"
   "Security controls are also set out in the 'ISO/IEC 27000 family of standards', the 'Framework for Improving Critical Infrastructure Cybersecurity (NIST)', the 'CSMS certification criteria (IEC 62443-2-1)' and others. It is expected that, referring to these standards and also to examples of security controls introduced by other critical infrastructure operators in the same industry, the organisation continuously verifies that it has not overlooked any security control it needs.", ocr=[{"found": "見落とししていないか", "intended": "見落としていないか"}])

CATS = [
    # id, heading line, source range, en title, areas: (heading line, src range, segs, en title, en text)
    ("a", 288, (288, 300), "Human resource security (outsourcing)", [
        (290, (290, 296), (292, 294, 296), "Matters before outsourcing (selection and contract terms)",
         "When selecting contractors for operations involved in critical infrastructure services, take into account, in addition to business requirements, the classification of the information to be accessed, the identified risks and the like.\n"
         "The outsourcing contract and similar documents between the organisation and the contractor include the contractor's responsibility to implement information security measures that meet the organisation's information security requirements, its responsibility to provide its staff with education and training to raise their awareness, and the information security responsibilities and obligations that remain valid after the outsourcing ends.\n"
         "Since the contract wording may need to be revised depending on the results of the continuing risk assessment, it is expected that opportunities for exchanging information among the security department, the legal department and others be set up regularly."),
        (298, (298, 300), (300,), "Matters during the outsourcing period",
         "To ensure that the information security requirements placed on the contractor are reliably met, check the contractor's efforts regularly and request the necessary improvements."),
    ]),
    ("b", 310, (310, 322), "Asset management", [
        (312, (312, 316), (314, 316), "Responsibility for assets",
         "Identify assets such as the information systems, software and information involved in providing critical infrastructure services, and prepare and maintain an inventory of assets. Along with this, also prepare network configuration diagrams, data flow diagrams and the like. Where information system facilities and their operation are replaced by services provided by external suppliers (e.g. suppliers of IT services or of components of IT infrastructure), prepare and maintain a list of those services.\n"
         "Also clarify the acceptable use of assets and make staff, contractors and others comply, as a rule, with use within the acceptable range."),
        (318, (318, 322), (320, 322), "Information classification and handling",
         "Classify the information handled by the critical infrastructure operator from the viewpoints of confidentiality, integrity and availability according to its importance, legal requirements, impact on public reassurance and the like, and label the information media (paper, electronic).\n"
         "Also, taking into account the information life cycle — creation, acquisition, use, storage, transfer, provision and erasure — define and apply the necessary handling restrictions (e.g. no copying, no taking out, no distribution)."),
    ]),
    ("c", 324, (324, 334), "Access control", [
        (326, (326, 328), (328,), "User access management",
         "To manage appropriately the users who access the information systems, information and the like involved in providing critical infrastructure services and their access rights, clarify the application route, approvers, operators and so on of the formal process for registering, changing and deleting users and access rights, and review user access rights periodically during operation. Allocate and use privileged access rights to information systems under particularly strict control."),
        (330, (330, 334), (332, 334), "Access control for information systems and the like",
         "Restrict access (including remote access) to the information systems and information involved in providing critical infrastructure services, based on the principles of least privilege and segregation of duties.\n"
         "Also put in place secure log-on procedures (e.g. limiting the number of failed log-in attempts) and mechanisms that ensure the use of good-quality passwords (e.g. character types and lengths that raise security strength) and, depending on the importance of the information systems and information, consider using stronger authentication such as multi-factor authentication."),
    ]),
    ("d", 336, (336, 340), "Cryptography", [
        (338, (338, 340), (340,), "Information management using cryptography",
         "When cryptographic technology is used to protect the confidentiality and other properties of information involved in providing critical infrastructure services, establish a policy on the use of cryptography and a policy on the management of the keys used for encryption (cryptographic keys). Be aware of the existence of domestic and foreign laws and regulations on cryptographic technology."),
    ]),
    ("e", 342, (342, 354), "Physical and environmental security", [
        (344, (344, 348), (346, 348), "Areas where security must be ensured",
         "To protect the areas where the information systems and information involved in providing critical infrastructure services are located (areas where information security, safety and the like must be ensured), set up physical security perimeters and build mechanisms for monitoring the physical environment and for appropriate entry and exit control that admits only authorised staff and contractors.\n"
         "Also, to prevent malicious activity, restrict bringing unauthorised articles into those areas and working alone in them."),
        (350, (350, 354), (352, 354), "Equipment management",
         "Install the equipment (information systems, etc.) involved in providing critical infrastructure services so as to reduce opportunities for unauthorised access, and maintain it properly so that its availability and integrity are kept continuously. Route telecommunications and power cables taking into account the possibility of interception and damage.\n"
         "Also, to prevent leaks of confidential information triggered by the theft of equipment such as removable external storage media, put in place restrictions on the use of such equipment and a prior-approval mechanism for taking it out. Consider the possibility of information leaks also when disposing of or reusing equipment."),
    ]),
    ("f", 356, (356, 394), "Operations security", [
        (358, (358, 364), (360, 362, 364), "Operating procedures and responsibilities",
         "Prepare the procedure manuals for operating the information systems and the like involved in providing critical infrastructure services with a view not only to ensuring the accuracy of the work but also to ensuring operation that meets security standards.\n"
         "Since changes to information systems, peripheral equipment and the like (maintenance, repair, etc.) may adversely affect the information security measures in place, define in advance a change management process that includes an approval procedure by the person responsible, and carry out changes according to it. Tools used for maintenance and repair are, in principle, to be approved and managed ones.\n"
         "Furthermore, to prevent unauthorised access and the like to the operational environment of critical infrastructure services, separate the operational environment from the development and test environments."),
        (366, (366, 372), (368, (370, 372)), "Protection from malware",
         "Since malware that infects information systems through targeted attack e-mails, USB memory sticks and the like may cause critical infrastructure service failures, put in place in advance mechanisms for detecting and preventing malware, and establish measures and procedures for early recovery should an infection nevertheless occur.\n"
         "For high-priority critical systems, it is also expected that, to raise malware detection rates and for similar reasons, the use of multi-engine malware detection software, whitelist-based malware neutralisation functions and the like be considered."),
        (374, (374, 378), (376, 378), "Backup",
         "Anticipating the possibility of abnormal states of the information systems involved in providing critical infrastructure services and of erroneous deletion of important data and the like (including unauthorised encryption of data by ransomware and the like), prepare in advance a backup policy and procedures for system images, data and so on. From the standpoint of ensuring availability, backups are expected to be taken with sufficient capacity.\n"
         "Since backups must be usable without problems when needed, carry out periodic backup recovery tests."),
        (380, (380, 384), (382, 384), "Logging",
         "To monitor unauthorised access to and operations on the information systems involved in providing critical infrastructure services, record the event logs of the information systems and the work logs of operators. When considering the capacity of log storage devices, the availability of the logs is also expected to be taken into account.\n"
         "Also manage the logs so that they are not deliberately altered or deleted by malicious persons, malware and the like, and check for tampering with the logs by periodic inspections suited to the nature of the logs."),
        (386, (386, 388), (388,), "Management of operational software",
         "So that support from software vendors and others can be obtained promptly when a critical infrastructure service failure occurs or signs of a cyber attack or the like are recognised, update the software used in the information systems involved in providing critical infrastructure services to supported versions in a planned manner, and endeavour routinely to organise and keep track of the parameters in operation."),
        (390, (390, 394), (392, 394), "Technical vulnerability management",
         "Routinely collect the information on technical vulnerabilities of information systems provided by information security organisations and others, and check whether they affect the information systems in operation. Periodic vulnerability scanning is also expected.\n"
         "For dealing with technical vulnerabilities, establish in advance the working policy and work content, bearing in mind that the impact of applying patches to existing information systems needs to be checked. For example, even in situations requiring urgent patching, organise the minimum confirmation tests to be carried out and carry them out. Where patching is difficult even in an emergency, take compensating measures such as strengthening the monitoring of the information systems."),
    ]),
    ("g", 396, (396, 404), "Communications security", [
        (398, (398, 400), (400,), "Network security management",
         "To protect the confidentiality, integrity and the like of the information handled by the information systems and the like involved in providing critical infrastructure services, ensure network security by using leased lines and cryptographic technology, separating networks, detecting cyber attacks through logging and monitoring, and the like."),
        (402, (402, 404), (404,), "Information transfer",
         "When important information and the like involved in providing critical infrastructure services is transferred by means of communication such as e-mail, electronic data interchange (EDI) or instant messaging, organise in advance the policy and procedures for ensuring security such as confidentiality and integrity, and reach agreement on them with the parties concerned and others that are the recipients of the transfer."),
    ]),
    ("h", 406, (406, 412), "System acquisition, development and maintenance", [
        (408, (408, 412), (410, 412), "Acquisition of information systems based on information security requirements",
         "When newly acquiring or developing information systems involved in providing critical infrastructure services, or improving existing ones, consider requirements for information security as part of the system requirements, in line with the 'security by design¹⁰' approach (and, as needed, also requirements from the HSE and similar viewpoints described above). Since some critical infrastructure sectors have third-party certification schemes based on international standards for the security of information systems, also consider, as needed, using certified information systems.\n"
         "Also put in place policies, procedures, environments and the like for achieving development and construction that take information security into account. In particular, at acceptance of an information system, check the information-security-related requirements and, depending on the importance of the system, consider whether a vulnerability assessment is needed. Furthermore, when system development is outsourced, check periodically that the contractor complies with the development policy that takes information security into account."),
    ]),
    ("i", 414, (414, 428), "Supplier relationships", [
        (416, (416, 424), (418, (420, 424)), "Information security in supplier relationships",
         "Where information system facilities and their operation involved in providing critical infrastructure services are replaced by services provided by external suppliers (e.g. suppliers of IT services or of components of IT infrastructure), organise information security requirements for reducing the risk of suppliers, their subcontractors and others accessing the critical infrastructure operator's assets, and agree on them with the suppliers in advance.\n"
         "Where suppliers exist in several tiers, improve information security across the supply chain by having each supplier impose the same requirements on the supplier one tier below it."),
        (426, (426, 428), (428,), "Management of supplier service delivery",
         "To ensure compliance with the agreed information security conditions, monitor suppliers' service delivery on a regular basis and carry out reviews of the reports prepared by suppliers, audits and the like. Also manage changes to the services provided by suppliers, given the possible need to reassess risks and the like."),
    ]),
    ("j", 430, (430, 436), "Information security incident management", [
        (432, (432, 436), (434, 436), "Management of information security incidents and improvements",
         "To respond quickly and effectively to information security incidents that affect the safe and continuous provision of critical infrastructure services, appoint a person responsible for incident management and put in place procedures for reporting inside and outside the organisation, collecting evidence and the like.\n"
         "Also establish a mechanism for using the knowledge gained through responding to incidents as preparation for future incidents."),
    ]),
]

for cid, ln, src, cen, areas in CATS:
    label, title = label_title(ln)
    cat_id = "4.1.3.2." + cid
    item(cat_id, "category", "4.1.3.2", label, title, cen, src, heading=ln)
    for n, (aln, asrc, segs, aen_title, aen) in enumerate(areas, 1):
        head = raw(aln).strip()
        assert head.startswith("●"), head
        aid = f"{cat_id}.{n}"
        item(aid, "area", cat_id, "●", head[1:], aen_title, asrc, J(*segs), aen, heading=aln)

it("4.1.3.3", "4.1.3", 438, (438, 442), J(440, 442),
   "Compile, as topic-specific policies (e.g. access control policy, information classification policy), the standards for the conduct and judgements to be observed in each security control decided in the information security risk treatment, and communicate them within the organisation. Also communicate them to contractors as needed.\n"
   "As with the information security policy, check the appropriateness, effectiveness and the like of the content of the topic-specific policies at planned intervals and also when there is a major change in the environment.")
it("4.1.3.4", "4.1.3", 444, (444, 446), J(446),
   "Draw up an 'information security risk treatment plan' that sets out the objectives based on the content of the information security policy and the criteria for judging their achievement, together with the actions, schedule and the like for introducing the decided security controls.")

persp("4.1.4", "4.1", 448, (448, 468))
it("4.1.4.1", "4.1.4", 450, (450, 454), J(452, 454),
   "Clarify the resources (personnel, budget, etc.) needed to advance the PDCA cycle of information security measures — that is, to establish, implement, maintain and continuously improve the PDCA cycle — and allocate them appropriately within the organisation under the direction of management.\n"
   "Also, with a view to countering declines in the level of information security measures caused by environmental changes and the like, management endeavours to secure the necessary resources continuously.")
it("4.1.4.2", "4.1.4", 456, (456, 462), J(458, 460, 462),
   "For the security personnel who drive information security measures, it is important to consider in advance their career paths and pay policy within the critical infrastructure operator, with a view to securing and retaining the capabilities and numbers needed for the safe and continuous provision of critical infrastructure services.\n"
   "Also, so that the operator's staff can fulfil their obligations and responsibilities under the information security policy and the topic-specific policies for security controls, provide staff with sufficient information-security-related education and training (also at contractors, as needed). In particular, in developing the security personnel who drive information security measures, it is also expected that the human resource development programmes of government bodies, training provided by security vendors and the like be used, and that they take part in exercises and drills held jointly with the parties concerned and others (see 4.2.1.(3)).\n"
   "Furthermore, raise awareness — for example by showing examples of the impact that insufficient efforts would have — in order to promote understanding of the information security policy and to make staff recognise the importance and necessity of their own involvement in information security efforts.")
it("4.1.4.3", "4.1.4", 464, (464, 468), J(466, 468),
   "Set up regular opportunities for dialogue between management, which is responsible for responding to the information security risks recognised through risk assessment, and practitioners, who advance information security measures under management's control (direction, monitoring, evaluation, etc.). It is important that practitioners, through these opportunities for dialogue, give management accurate information and advice so that management can grasp accurately the status of the response to information security risks and make sound judgements and adjustments according to the situation.\n"
   "Also, with a view to achieving the safe and continuous provision of critical infrastructure services across the whole critical infrastructure sector to which the organisation belongs, exchange views with other critical infrastructure operators, the responsible ministries and other parties concerned on their respective roles and division of responsibilities, arrangements for information sharing and reporting, and the like.")

# --- 4.2 Do ---------------------------------------------------------------------------------
phase("4.2", 470, (470, 534))
persp("4.2.1", "4.2", 472, (472, 534))
it("4.2.1.1", "4.2.1", 474, (474, 496), J(476, 478, 480, (482, 486), 488, 490, 492, 494, 496),
   "(ア) Introducing security controls and establishing and executing operating processes\n"
   "Based on the 'information security risk treatment plan', proceed with the introduction of the 'security controls' decided in the information security risk treatment, and establish and execute processes for operating them effectively and reliably.\n"
   "(イ) Detecting events that could lead to critical infrastructure service failures, and judging the response promptly\n"
   "Establish the baseline of the data showing the operating state of the information systems and the like involved in providing critical infrastructure services, build a mechanism for early detection of events that could lead to critical infrastructure service failures (cyber attacks, abnormal states of information systems, etc.) by combining several monitoring results such as alerts and logs, and establish the operating processes that follow detection, such as sharing the event with the relevant departments and triage (analysing the impact of events such as cyber attacks and prioritising the response).\n"
   "It is also important, when signs of a particular cyber attack are recognised through the monitoring and detection mechanism above, to judge promptly whether the security controls already introduced can deal with that attack ('deployment of a monitor function') and, depending on the result, to respond dynamically, for example by revising the security controls already introduced (including tuning various devices) or introducing new security controls.\n"
   "(ウ) Checking threat information and analysis and countermeasure information\n"
   "Routinely check the threat information provided by information security organisations and others and the analysis and countermeasure information about it. If there is threat information or the like judged to be highly urgent, carry out an information security risk assessment urgently and judge whether additional risk treatment is needed.\n"
   "(エ) Taking part in highly sector-specific information-sharing activities\n"
   "Since cyber attack methods are constantly being devised and sophisticated cyber attacks targeting particular critical infrastructure sectors are also conceivable, take part, as one countermeasure, in highly sector-specific information-sharing activities such as ISACs¹¹, and use the information gathered there in day-to-day risk treatment.", ocr=[{"found": "ISAAC", "intended": "ISAC"}])
it("4.2.1.2", "4.2.1", 498, (498, 526), J(500, 502, 504, (506, 514), 516, 518, 520, 522, 524, 526),
   "(ア) Drawing up a contingency plan and business continuity plan in preparation for cyber attacks\n"
   "When a critical infrastructure service failure occurs, safety must be ensured and the service restored to an acceptable level within an acceptable time, so it is important to put in place in advance a response capability in preparation for such failures.\n"
   "Accordingly, draw up a 'contingency plan¹²' setting out the policy and the like for the initial response (emergency response) and a 'business continuity plan¹³' setting out the policy and the like for recovery aimed at business continuity (or plans setting out equivalent policies), and put in place the organisational structure needed to execute them.\n"
   "In particular, when drawing up or revising the contingency plan and business continuity plan to prepare for 'cyber attacks', one of the events that cause critical infrastructure service failures, it is expected that '[Appendix 3] Characteristics of cyber-attack risk and considerations for response and countermeasures in putting a response capability in place' be referred to. Critical infrastructure operators that already have a business continuity plan are also expected to draw up separately a plan aimed at full recovery from the recovery target level to the normal service level (business recovery plan).\n"
   "(イ) Setting up a CSIRT or the like, and agreeing the division of roles and the like with related departments\n"
   "As one of the organisational structures needed to execute a contingency plan and business continuity plan that take the characteristics of cyber-attack risk into account, set up a CSIRT¹⁴ (or an organisation with equivalent functions) within the critical infrastructure operator. It is important that the CSIRT or similar organisation agree in advance with the related departments on the division of roles, response procedures and the like.\n"
   "In particular, critical infrastructure operators that have operational environments for control systems and the like need to be fully aware that the expertise of OT-related departments may be required in responding to critical infrastructure service failures.\n"
   "(ウ) Preventing the spread of damage and restoring service according to the response plans\n"
   "When an event such as a cyber attack is actually detected and triage determines that a response is needed, carry out, in accordance with the contingency plan and business continuity plan, a detailed analysis of the event (including forensics on information systems and the like), information sharing and coordination with the parties concerned and others, prevention of the spread of damage, restoration of service and the like.\n"
   "New lessons and the like learned from responding to critical infrastructure service failures are incorporated into the continuous improvement process of the contingency plan and business continuity plan so that they can be used in future response activities and measures.")
it("4.2.1.3", "4.2.1", 528, (528, 532), J(530, 532),
   "Conduct exercises and drills regularly to ensure that the response plans for critical infrastructure service failures (contingency plan, business continuity plan, etc.) can be executed, to improve the skills of response staff, and the like. From the standpoint of improving the protection capability of critical infrastructure as a whole, it is also expected that joint exercises and drills and case studies (studies of other operators' past incident responses) be conducted with other critical infrastructure operators in the same industry, the supply chain, the parties concerned and others.\n"
   "Joint exercises and drills include the 'Cross-Sector Exercise' hosted by the National center of Incident readiness and Strategy for Cybersecurity and those hosted by parties concerned such as the ministries responsible for critical infrastructure and information security organisations.")

# --- 4.3 Check ------------------------------------------------------------------------------
phase("4.3", 536, (536, 550))
persp("4.3.1", "4.3", 538, (538, 550))
it("4.3.1.1", "4.3.1", 540, (540, 546), J(542, 544, 546),
   "Monitor the achievement of the objectives set based on the information security policy, the progress of the information security risk treatment plan, the progress of education and training for raising information security awareness and the like, and check whether the various efforts are proceeding as planned.\n"
   "Risk owners also periodically monitor changes in the state of risks accompanying the introduction and operation of security controls (changes in the frequency of events, in the severity of their consequences, etc.). It is expected that changes in the state of individual risks be visualised and that changes in the state of risk across the whole organisation can be grasped.\n"
   "Furthermore, carry out internal audits at planned intervals (where this is difficult, at minimum a self-inspection by the risk owners) to confirm that the PDCA cycle of information security measures has been properly established based on the information security policy and is maintained in an effective state. It is expected that the operator endeavour to develop the internal auditors needed for this and, as needed, check the situation with the support of external persons with advanced expertise¹⁵.", ocr=[{"found": "P D C A", "intended": "PDCA"}])
it("4.3.1.2", "4.3.1", 548, (548, 550), J(550),
   "The management of the critical infrastructure operator checks at planned intervals the status of the organisation's information security efforts and identifies where improvement or revision is needed. In doing so, it checks, in addition to the results of monitoring and audit, the status of the actions taken on previous reviews, changes in the external and internal environment, feedback from the parties concerned and others, and the like. The review results are documented and, after checking the current state of the resources (personnel, budget, etc.) needed for improvement or revision, management gives instructions for improvement or revision.")

# --- 4.4 Act --------------------------------------------------------------------------------
phase("4.4", 552, (552, 562))
persp("4.4.1", "4.4", 554, (554, 562))
it("4.4.1.1", "4.4.1", 556, (556, 560), J(558, 560),
   "When the results of monitoring and audit reveal unmet objectives, delays in progress, points in security controls needing improvement and the like, or when management has instructed improvements, promptly take the necessary action and devise measures to prevent recurrence in future. Repeat this to increase the effectiveness of information security efforts.\n"
   "Also, periodically compile the status of the PDCA cycle of information security measures into an 'information security report' and, through opportunities for dialogue between the operator's management and the parties concerned and others that make use of the report, recognise the requirements of the parties concerned and others and use them to improve the PDCA cycle.",
   ocr=[{"found": "P D C A", "intended": "PDCA"}])

# reorder keys so that threats follow source (cosmetic)
for d in ITEMS:
    if "threats" in d:
        th = d.pop("threats")
        rest = {k: d.pop(k) for k in list(d) if k in ("attributes", "ocr")}
        d["threats"] = th
        d.update(rest)

# ---------------------------------------------------------------------------------------------
# Reference data (framework.yaml)
# ---------------------------------------------------------------------------------------------
REF = {}


def txl(ja, en, ln):
    """Like tx, for a stand-alone heading: keeps its seed line."""
    return {**tx(ja, en, ln), "line": ln}


def tx(ja, en, *ln):
    """A verbatim Japanese excerpt checked against seed line(s), with its English rendering."""
    chk(ja, *ln)
    return T(ja, en)


# はじめに (本指針の要点), lines 11-35
REF["preface"] = {
    "heading": txl("はじめに (本指針の要点)", "Introduction (key points of this Guideline)", 11),
    "positioning": {
        "heading": tx("本指針の位置付け、構成", "Positioning and structure of this Guideline", 13),
        "text": T(J(15, 17),
                  "Critical infrastructure operators are in a position of social responsibility for providing critical infrastructure services safely and continuously, and it is important that they take the necessary measures in line with the 'function assurance approach' set out in the Fourth Action Plan. Concretely, this means, among other things, being prepared as necessary for information security risks and responding appropriately in an emergency; the matters to be considered in doing so should desirably be specified in the 'safety standards and the like', the standards by which critical infrastructure operators conduct their business. This Guideline organises and sets out the items that it is desirable to specify in such safety standards and the like.\n"
                  "The items described in this Guideline are information security measure items along the PDCA cycle. In drafting it, in addition to the international information security standard 'information security management systems', information security standards related to critical infrastructure sectors such as NIST's 'Framework for Improving Critical Infrastructure Cybersecurity' and the 'CSMS certification criteria' were taken into account, so that this Guideline covers the main standards relating to critical infrastructure."),
        "lines": [13, 17],
    },
    "key_points_heading": txl("情報セキュリティ対策のPDCAサイクルに取り組む際の重要事項",
                             "Important matters when working on the PDCA cycle of information security measures", 19),
    "key_points": [
        {"id": "management_actions",
         "title": tx("経営層に求められる行動", "Actions required of management", 21),
         "text": T(J(23), "Recognise that 'information security risk' makes business operation based on the 'function assurance approach' uncertain, and instruct that the information security risk assessment needed to decide how to deal with it be carried out. In advancing the PDCA cycle of information security measures, endeavour to secure continuously and allocate appropriately the necessary resources (budget, organisation, personnel, etc.). Furthermore, periodically verify the effects and impacts on the business of the response to information security risks, and make decisions on matters such as whether the information security risk response strategy needs to be reviewed. In these efforts, refer to 'Cybersecurity concepts for corporate management', the 'Cybersecurity Management Guidelines' and the like."),
         "lines": [21, 23]},
        {"id": "periodic_risk_assessment",
         "title": tx("定期的な情報セキュリティリスクアセスメントの実施", "Periodic information security risk assessment", 25),
         "text": T(J(27), "Information security risks change constantly, owing not only to new threats and the discovery of technical vulnerabilities but also to changes in the business environment surrounding critical infrastructure operators and new demands from stakeholders. Therefore, referring to the 'Risk assessment handbook based on the function assurance approach for critical infrastructure' and the like, carry out risk assessments periodically and reassess the impact of changes in information security risks on the safe and continuous provision of critical infrastructure services."),
         "lines": [25, 27]},
        {"id": "response_plans",
         "title": tx("サイバー攻撃の特性を踏まえた対応計画の策定", "Drawing up response plans based on the characteristics of cyber attacks", 29),
         "text": T(J(31), "To achieve a rapid and appropriate initial response when a cyber attack — one of the events that cause critical infrastructure service failures — occurs, draw up in advance a 'contingency plan' that sets out concretely the policy, procedures and the like for the initial response. In addition, draw up a 'business continuity plan' that sets out the policy, procedures and the like for recovery from critical infrastructure service failures caused by cyber attacks and the like. In drawing up these response plans, take into account the 'characteristics of cyber-attack risk' and the 'considerations for response and countermeasures' described in this Guideline."),
         "lines": [29, 31],
         "ocr": [{"found": "コンテイングエンシープラン", "intended": "コンティンジェンシープラン"}]},
        {"id": "rapid_response",
         "title": tx("迅速かつ柔軟な対処態勢の整備", "Putting in place a rapid and flexible response capability", 33),
         "text": T(J(35), "In addition to responding to information security risks from a medium- to long-term perspective based on the PDCA cycle, put in place a capability that allows rapid and flexible responses to signs of cyber attacks and the like detected daily by the monitoring mechanisms built by critical infrastructure operators."),
         "lines": [33, 35]},
    ],
}

# I.2: the four classes of 「安全基準等」
REF["standard_types"] = [
    {"id": "mandatory", "number": "①", "text": tx("関係法令に基づき国が定める「強制基準」", "'Mandatory standards' set by the State on the basis of the relevant laws and regulations", 113), "line": 113},
    {"id": "recommended", "number": "②", "text": tx("関係法令に準じて国が定める「推奨基準」及び「ガイドライン」", "'Recommended standards' and 'guidelines' set by the State in accordance with the relevant laws and regulations", 115), "line": 115},
    {"id": "industry", "number": "③", "text": tx("関係法令や国民からの期待に応えるべく業界団体等が定める業界横断的な「業界標準」及び「ガイドライン」", "Cross-industry 'industry standards' and 'guidelines' set by industry associations and the like to meet the relevant laws and regulations and the expectations of the public", 117), "line": 117},
    {"id": "internal", "number": "④", "text": tx("関係法令や国民・利用者等からの期待に応えるべく重要インフラ事業者等が自ら定める「内規」等", "'Internal rules' and the like set by critical infrastructure operators themselves to meet the relevant laws and regulations and the expectations of the public, users and others", 119), "line": 119},
]

# Roles named in the body (the glossary defines none of them; the document does not use the
# terms 戦略マネジメント層 / 経営層・CISO・実務者層 as a three-layer model beyond these passages).
REF["roles"] = [
    {"id": "management", "name": tx("経営層", "Management", 200),
     "text": tx("情報セキュリティの確保は経営層が果たすべき責任であり、経営者自らがリーダーシップを発揮し、機能保証の考え方を踏まえ、情報セキュリティ対策に取り組むこと。",
                "Ensuring information security is a responsibility that management must fulfil; executives themselves exercise leadership and work on information security measures in line with the function assurance approach.", 206),
     "duties": [
         {"text": tx("情報セキュリティリスク¹を評価し、適切に対処することを組織の内外に対して宣言する", "Declares inside and outside the organisation that information security risks will be assessed and dealt with appropriately", 200), "line": 200, "item": "4.1.2.1"},
         {"text": tx("情報セキュリティ対策を推進する役割を担う部署及び職員を決定するとともに、それらに対して責任及び権限を適切な範囲で割り当て", "Decides the departments and staff that promote information security measures and assigns them responsibilities and authorities within an appropriate scope", 233), "line": 233, "item": "4.1.2.3"},
         {"text": tx("経営層は必要な資源の継続的な確保に努める", "Endeavours to secure the necessary resources continuously", 454), "line": 454, "item": "4.1.4.1"},
         {"text": tx("リスクアセスメントを通じて認識された情報セキュリティリスクへの対応に責任を持つ経営層", "Is responsible for responding to the information security risks recognised through risk assessment", 466), "line": 466, "item": "4.1.4.3"},
         {"text": tx("定められた間隔で自組織の情報セキュリティ対策の取組状況を確認し、改善や見直しが必要な箇所を認識する", "Checks at planned intervals the status of the organisation's information security efforts and identifies where improvement or revision is needed", 550), "line": 550, "item": "4.3.1.2"},
     ],
     "lines": [200, 550]},
    {"id": "ciso", "name": tx("CISO等", "CISO or equivalent", 237),
     "text": tx("経営層と実務者層をつなぐとともに、事業戦略等を踏まえた情報セキュリティ対策を計画し、実務者層を指揮できる人材（CISO等）",
                "A person (such as a CISO) who connects management and practitioners, plans information security measures based on the business strategy and the like, and can direct the practitioners", 237),
     "note": tx("情報セキュリティ対策を実施する上で責任者となる担当幹部（CISO等）", "The executive in charge who is responsible for implementing information security measures (CISO, etc.) — wording of footnote 3", 213),
     "lines": [213, 237], "item": "4.1.2.3"},
    {"id": "practitioner", "name": tx("実務者層", "Practitioners", 237),
     "text": tx("経営層による管理（指示、モニタ、評価等）の下で情報セキュリティ対策を推進する実務者層",
                "Practitioners, who advance information security measures under management's control (direction, monitoring, evaluation, etc.)", 466),
     "duties": [
         {"text": tx("対話の機会を通じて、経営層に対して正確な情報提供や進言を行うことが重要となる", "It is important that they give management accurate information and advice through the opportunities for dialogue", 466), "line": 466, "item": "4.1.4.3"},
     ],
     "lines": [237, 466]},
    {"id": "risk_owner", "name": tx("リスクオーナー", "Risk owner", 235),
     "text": tx("リスクアセスメントで抽出されたリスクの監視及び対処の責任を持つとともに、明確な説明を行い、説明した内容に対して責任を取ることが要求されるリスクオーナー",
                "The risk owner, who is responsible for monitoring and dealing with the risks identified in the risk assessment and who is required to give clear explanations and to be accountable for what has been explained", 235),
     "duties": [
         {"text": tx("リスクオーナーは、セキュリティ管理策の導入・運用に伴うリスクの状況変化（事象の発生頻度の変化や、事象の結果の影響度の変化等）を定期的にモニタリングする。", "Risk owners periodically monitor changes in the state of risks accompanying the introduction and operation of security controls (changes in the frequency of events, in the severity of their consequences, etc.).", 544), "line": 544, "item": "4.3.1.1"},
         {"text": tx("内部監査（難しい場合は最低でもリスクオーナーによる自己点検）", "Internal audit (where difficult, at minimum a self-inspection by the risk owners)", 546), "line": 546, "item": "4.3.1.1"},
     ],
     "lines": [235, 546]},
    {"id": "csirt", "name": tx("CSIRT", "CSIRT", 518),
     "text": tx("Computer Security Incident Response Team の略。サイバー攻撃による情報システムの不具合など、コンピュータセキュリティにかかるインシデントに対処するための組織のこと。なお、事業者によってCSIRTを組織として常設している場合とインシデント発生時のみ設置する場合がある。",
                "Abbreviation of Computer Security Incident Response Team: an organisation for dealing with computer security incidents, such as information system malfunctions caused by cyber attacks. Some operators maintain a CSIRT as a permanent organisation and others set one up only when an incident occurs.", 534),
     "duties": [
         {"text": tx("CSIRT等の組織は、役割分担や対応手順等について、あらかじめ関連部門と合意しておくことが重要である。", "It is important that the CSIRT or similar organisation agree in advance with the related departments on the division of roles, response procedures and the like.", 518), "line": 518, "item": "4.2.1.2"},
     ],
     "lines": [518, 534]},
]

# 4.1.2.3: other roles "that may also be considered" (lines 241-253)
REF["role_examples"] = [
    {"id": "ot_staff", "text": tx("OT⁴関連部門の人材", "Personnel of OT-related departments", 241), "line": 241},
    {"id": "threat_intel", "text": tx("脅威情報等の収集及び関係主体との情報共有担当", "Collecting threat information and the like, and sharing information with the parties concerned", 245), "line": 245},
    {"id": "incident_mgmt", "text": tx("セキュリティインシデントの管理担当（CSIRT等）", "Managing security incidents (CSIRT, etc.)", 246), "line": 246},
    {"id": "cp_bcp", "text": tx("コンティンジェンシープラン及び事業継続計画の実行担当", "Executing the contingency plan and business continuity plan", 247), "line": 247},
    {"id": "internal_audit", "text": tx("情報セキュリティ対策の取組全般に対する内部監査担当", "Internal audit of information security efforts as a whole", 248), "line": 248},
    {"id": "supply_chain", "text": tx("サプライチェーン（サプライヤー、委託先等）における情報セキュリティ対策の取組の管理担当", "Managing information security efforts in the supply chain (suppliers, contractors, etc.)", 249), "line": 249},
    {"id": "training", "text": tx("セキュリティ人材の職能要件の管理及び教育・研修担当", "Managing the competence requirements of security personnel, and education and training", 250), "line": 250},
    {"id": "operations", "text": tx("情報システム（ネットワークを含む）の運用担当", "Operating information systems (including networks)", 251), "line": 251},
    {"id": "asset_mgmt", "text": tx("各資産（情報システム、ソフトウェア、情報等）の管理担当", "Managing each asset (information systems, software, information, etc.)", 252), "line": 252},
    {"id": "facilities", "text": tx("物理的セキュリティが要求される施設の管理担当", "Managing facilities that require physical security", 253), "line": 253},
]

# 4.1.3.2 risk treatment options with their footnotes 6-9
REF["treatment_options"] = [
    {"id": "reduce", "name": tx("低減", "Reduce", 282), "footnote": 6,
     "text": tx("リスクに対して適切な管理策を適用すること。", "Applying appropriate controls to the risk.", 302), "lines": [282, 302]},
    {"id": "avoid", "name": tx("回避", "Avoid", 282), "footnote": 7,
     "text": tx("リスクを生じさせる活動を開始又は継続しないことを決定することにより、リスクを回避すること。", "Avoiding the risk by deciding not to start or continue the activity that gives rise to it.", 304), "lines": [282, 304]},
    {"id": "transfer", "name": tx("移転（共有）", "Transfer (share)", 282), "footnote": 8,
     "text": tx("一つ以上の他者とリスクの全部又は一部を共有すること。", "Sharing all or part of the risk with one or more other parties.", 306), "lines": [282, 306]},
    {"id": "accept", "name": tx("保有（受容）", "Retain (accept)", 282), "footnote": 9,
     "text": tx("情報に基づく意思決定により、リスクを保有（受容）すること。", "Retaining (accepting) the risk by an informed decision.", 308), "lines": [282, 308]},
]

# Footnotes of section II (¹-¹⁵)
FOOTNOTES = [
    (1, 209, "4.1.2.1", "Risk recognised from the consequences of events (critical infrastructure service failures caused by cyber attacks and the like) relating to information assets — information, information systems, IT-based control systems and the like — that a critical infrastructure operator owns, uses or manages to carry out the operations needed to provide its services."),
    (2, 211, "4.1.2.1", "Sets out the basic concepts of cybersecurity for corporate management, compiled by the 'Working Group on Corporate Management with a Security Mindset' set up under the 'Expert Panel on Awareness Raising and Human Resource Development' (decided by the Cybersecurity Strategic Headquarters on 10 February 2015)."),
    (3, 213, "4.1.2.1", "Summarises the 'principles' that executives need to recognise to protect companies from cyber attacks and the 'important items' they should instruct the executive in charge of implementing information security measures (CISO, etc.) to address. Drawn up by the Ministry of Economy, Trade and Industry and the Information-technology Promotion Agency, Japan."),
    (4, 255, "4.1.2.3", "In this Guideline, operational technology for control systems and the like that use information and communication technology (IT)."),
    (5, 276, "4.1.3.1", "Health, Safety and Environment. The CSMS certification criteria (Ver. 1.0), a cybersecurity management system standard for industrial automation and control systems, require the results of physical risk assessment, HSE risk assessment and cybersecurity risk assessment to be integrated."),
    (6, 302, "4.1.3.2", "Applying appropriate controls to the risk."),
    (7, 304, "4.1.3.2", "Avoiding the risk by deciding not to start or continue the activity that gives rise to it."),
    (8, 306, "4.1.3.2", "Sharing all or part of the risk with one or more other parties."),
    (9, 308, "4.1.3.2", "Retaining (accepting) the risk by an informed decision."),
    (10, 422, "4.1.3.2.h.1", "Measures for ensuring information security from the planning and design stage."),
    (11, 508, "4.2.1.1", "Abbreviation of Information Sharing and Analysis Center. ISACs in Japan include ICT-ISAC, Financials ISAC and Electricity ISAC."),
    (12, 510, "4.2.1.2", "In the Fourth Action Plan, a document setting out concretely in advance, from the standpoint of execution, the policy, procedures, arrangements and the like for the initial response (emergency response) to be taken by management, staff and others after a critical infrastructure operator recognises that a critical infrastructure service failure has occurred or may occur."),
    (13, 512, "4.2.1.2", "In the Fourth Action Plan, a document setting out in advance the recovery target levels, priorities and other policies, procedures, arrangements and the like, with the aim — in line with the function assurance approach — of restoring critical infrastructure services affected by a critical infrastructure service failure to an acceptable level within an acceptable time."),
    (14, 534, "4.2.1.2", "Abbreviation of Computer Security Incident Response Team: an organisation for dealing with computer security incidents, such as information system malfunctions caused by cyber attacks. Some operators maintain a CSIRT as a permanent organisation and others set one up only when an incident occurs."),
    (15, 562, "4.3.1.1", "Under the Ministry of Economy, Trade and Industry's 'Information Security Audit System', a 'Register of Information Security Audit Companies' listing the bodies that perform 'information security audits' (audit firms, information security vendors, system vendors, specialist information security companies, system audit companies, etc.) is maintained and published."),
]
def sup(n):
    return "".join("⁰¹²³⁴⁵⁶⁷⁸⁹"[int(c)] for c in str(n))


REF["footnotes"] = []
for n, ln, itm, en in FOOTNOTES:
    s = raw(ln).strip()
    assert s.startswith(sup(n)), (n, s)
    REF["footnotes"].append({"number": n, "item": itm, "text": T(s[len(sup(n)):].strip(), en), "line": ln})

# ---------------------------------------------------------------------------------------------
# 別紙1: sectors, target operators and example critical systems (lines 564-581)
# ---------------------------------------------------------------------------------------------
def L(ln, pairs):
    return [tx(ja, en, ln) for ja, en in pairs]


SECTORS = [
    ("info_comm", 567, "情報通信", "Information and communications", None,
     [("主要な電気通信事業者", "Major telecommunications carriers"),
      ("主要な地上基幹放送事業者", "Major terrestrial core broadcasters"),
      ("主要なケーブルテレビ事業者", "Major cable television operators")],
     [("ネットワークシステム", "Network systems"),
      ("オペレーションサポートシステム", "Operation support systems"),
      ("編成・運行システム", "Programme scheduling and playout systems")]),
    ("finance", 568, "金融", "Finance",
     [("銀行等", "Banks, etc."), ("生命保険", "Life insurance"), ("損害保険", "Non-life insurance"), ("証券", "Securities")],
     [("銀行、信用金庫、信用組合、労働金庫、農業協同組合等", "Banks, shinkin banks, credit cooperatives, labour banks, agricultural cooperatives, etc."),
      ("資金清算機関", "Funds clearing institutions"),
      ("電子債権記録機関", "Electronic monetary claim recording institutions"),
      ("生命保険", "Life insurers"),
      ("損害保険", "Non-life insurers"),
      ("証券会社", "Securities companies"),
      ("金融商品取引所", "Financial instruments exchanges"),
      ("振替機関", "Book-entry transfer institutions"),
      ("金融商品取引清算機関 等", "Financial instruments clearing organisations, etc.")],
     [("勘定系システム", "Core accounting systems"),
      ("資金証券系システム", "Funds and securities systems"),
      ("国際系システム", "International business systems"),
      ("対外接続系システム", "External connection systems"),
      ("金融機関相互ネットワークシステム", "Inter-institution network systems"),
      ("電子債権記録機関システム", "Electronic monetary claim recording institution systems"),
      ("保険業務システム", "Insurance business systems"),
      ("証券取引システム", "Securities trading systems"),
      ("取引所システム", "Exchange systems"),
      ("振替システム", "Book-entry transfer systems"),
      ("清算システム 等", "Clearing systems, etc.")]),
    ("aviation", 569, "航空", "Aviation", None,
     [("主たる定期航空運送事業者", "Principal scheduled air carriers")],
     [("運航システム", "Flight operations systems"), ("予約・搭乗システム", "Reservation and boarding systems"),
      ("整備システム", "Maintenance systems"), ("貨物システム", "Cargo systems")]),
    ("railway", 570, "鉄道", "Railways", None,
     [("JR各社及び大手民間鉄道事業者等の主要な鉄道事業者", "Major railway operators such as the JR companies and large private railway companies")],
     [("列車運行管理システム", "Train operation management systems"), ("電力管理システム", "Power management systems"),
      ("座席予約システム", "Seat reservation systems")]),
    ("electricity", 571, "電力", "Electricity", None,
     [("一般送配電事業者、主要な発電事業者 等", "General electricity transmission and distribution utilities, major power generation companies, etc.")],
     [("電力制御システム", "Power control systems"), ("スマートメーターシステム", "Smart meter systems")]),
    ("gas", 572, "ガス", "Gas", None,
     [("主要なガス事業者", "Major gas utilities")],
     [("プラント制御システム", "Plant control systems"), ("遠隔監視・制御システム", "Remote monitoring and control systems")]),
    ("government", 573, "政府・行政サービス", "Government and administrative services", None,
     [("各府省庁", "Ministries and agencies"), ("地方公共団体", "Local governments")],
     [("各府省庁及び地方公共団体の情報システム (電子政府・電子自治体への対応)", "Information systems of ministries, agencies and local governments (supporting e-government and e-local government)")]),
    ("medical", 574, "医療", "Medical services", None,
     [("医療機関 (ただし、小規模なものを除く。)", "Medical institutions (excluding small ones)")],
     [("診療録等の管理システム等(電子カルテシステム、遠隔画像診断システム等、医用電気機器等)", "Systems for managing medical records and the like (electronic medical record systems, remote diagnostic imaging systems, etc., medical electrical equipment, etc.)")]),
    ("water", 575, "水道", "Water", None,
     [("水道事業者及び水道用水供給事業者 (ただし、小規模なものを除く。)", "Water utilities and bulk water suppliers (excluding small ones)")],
     [("水道施設や水道水の監視システム", "Monitoring systems for waterworks facilities and tap water"), ("水道施設の制御システム等", "Control systems for waterworks facilities, etc.")]),
    ("logistics", 576, "物流", "Logistics", None,
     [("大手物流事業者", "Major logistics operators")],
     [("集配管理システム", "Pickup and delivery management systems"), ("貨物追跡システム", "Cargo tracking systems"),
      ("倉庫管理システム", "Warehouse management systems")]),
    ("chemical", 577, "化学", "Chemicals", None,
     [("主要な石油化学事業者", "Major petrochemical companies")],
     [("プラント制御システム", "Plant control systems")]),
    ("credit", 578, "クレジット", "Credit cards", None,
     [("主要なクレジットカード会社 等", "Major credit card companies, etc.")],
     [("クレジットカード決済システム", "Credit card payment systems")]),
    ("petroleum", 579, "石油", "Petroleum", None,
     [("主要な石油精製・元売事業者", "Major oil refiners and primary distributors")],
     [("受発注システム", "Order management systems"), ("生産管理システム", "Production management systems"),
      ("生産出荷システム 等", "Production and shipping systems, etc.")]),
]
REF["sectors_heading"] = txl("【別紙1】対象となる重要インフラ事業者等と重要システム例",
                            "[Appendix 1] Target critical infrastructure operators and examples of critical systems", 564)
REF["sectors"] = []
for sid, ln, ja, en, subs, ops, syss in SECTORS:
    assert raw(ln).startswith(ja + "\t"), (ln, ja)
    e = {"id": sid, "name": T(ja, en)}
    if subs:
        e["sub_sectors"] = L(ln, subs)
    e["operators"] = L(ln, ops)
    e["critical_systems"] = L(ln, syss)
    e["line"] = ln
    REF["sectors"].append(e)
# The only date the draft gives for its content (its own date line is blank).
REF["as_of"] = {
    "text": tx("別紙2に記載された内容は平成30年3月現在のものである。",
               "The content of Appendix 2 is as of March 2018 (平成30年3月).", 633),
    "line": 633}
REF["sectors_note"] = {
    "text": tx("ここに掲げている者は、重点的に対策を実施すべき重要インフラ事業者等であり、行動計画の見直しの際に、事業環境の変化及びITへの依存度の進展等を踏まえ、対象とする者の見直しを行う。",
               "Those listed here are the critical infrastructure operators that should implement measures as a priority; the operators covered are reviewed when the Action Plan is revised, taking into account changes in the business environment, growing dependence on IT and the like.", 581),
    "label": "注1", "line": 581}

# ---------------------------------------------------------------------------------------------
# 別紙2: services, example failures, reporting basis and service maintenance levels (583-633)
# ---------------------------------------------------------------------------------------------
SECTOR_NAME = {s["id"]: s["name"] for s in REF["sectors"]}
SUB = {"銀行等": "Banks, etc.", "生命保険": "Life insurance", "損害保険": "Non-life insurance", "証券": "Securities"}
CLEARING_GUIDE = ("清算・振替機関等向けの総合的な監督指針", "Comprehensive Guidelines for Supervision of Clearing and Book-entry Transfer Institutions, etc.")
INSURANCE_GUIDE = ("保険会社向けの総合的な監督指針", "Comprehensive Guidelines for Supervision of Insurance Companies")


def svc(sector, ln, services, descriptions, outages, reporting, levels=None, sub=None,
        sub_printed=True, notes=None):
    e = {"sector": sector}
    if sub:
        if sub_printed:
            chk(sub, ln)
        e["sub_sector"] = T(sub, SUB[sub])
        if not sub_printed:
            e["sub_sector_printed"] = False
    e["services"] = L(ln, services)
    if descriptions:
        e["descriptions"] = L(ln, descriptions)
    if outages:
        e["outage_examples"] = L(ln, outages)
    if reporting:
        e["reporting_basis"] = L(ln, reporting)
    if levels:
        e["service_levels"] = []
        for ja, en, th in levels:
            d = {"text": tx(ja, en, ln)}
            d["thresholds"] = th
            e["service_levels"].append(d)
    if notes:
        e["notes"] = {**notes, "authored_by": "anzen"}  # our remark on the extraction, not the guideline's words
    e["line"] = ln
    return e


REF["service_levels_heading"] = txl("【別紙2】重要インフラサービスの説明と重要インフラサービス障害の例",
                                   "[Appendix 2] Descriptions of critical infrastructure services and examples of critical infrastructure service failures", 583)
REF["service_levels_as_of"] = {"text": tx("平成30年3月時点", "As of March 2018", 585), "line": 585}
REF["service_levels"] = [
    svc("info_comm", 589,
        [("電気通信役務", "Telecommunications services")],
        [("電気通信設備を用いて他人の通信を媒介し、その他電気通信設備を他人の通信の用に供すること（電気通信事業法第2条）",
          "Intermediating the communications of others using telecommunications facilities, and otherwise providing telecommunications facilities for the communications of others (Telecommunications Business Act, Art. 2)")],
        [("電気通信サービスの停止", "Stoppage of telecommunications services"),
         ("電気通信サービスの安全・安定供給に対する支障", "Impairment of the safe and stable provision of telecommunications services")],
        [("電気通信事業法（業務停止等の報告）第28条", "Telecommunications Business Act (reports of business suspension etc.), Art. 28"),
         ("電気通信事業法施行規則（報告を要する重大な事故）第58条", "Ordinance for Enforcement of the Telecommunications Business Act (serious accidents requiring a report), Art. 58")],
        [("電気通信設備の故障により、役務提供の停止・品質の低下が、3万以上の利用者に対し2時間以上継続する事故が生じないこと",
          "No accident occurs in which, owing to a failure of telecommunications facilities, a stoppage or quality degradation of service provision affecting 30,000 or more users continues for 2 hours or more",
          {"cause": "facility_failure", "affected_users_min": 30000, "duration_min_minutes": 120})]),
    svc("info_comm", 590,
        [("放送", "Broadcasting")],
        [("公衆によって直接受信されることを目的とする電気通信の送信（放送法第2条）",
          "Transmission of telecommunications intended to be received directly by the public (Broadcast Act, Art. 2)")],
        [("放送サービスの停止", "Stoppage of broadcasting services")],
        [("放送法（重大事故の報告）第113条、第122条", "Broadcast Act (reports of serious accidents), Arts. 113 and 122"),
         ("放送法施行規則（報告を要する重大な事故）第125条", "Ordinance for Enforcement of the Broadcast Act (serious accidents requiring a report), Art. 125")],
        [("基幹放送設備の故障により、放送の停止が15分以上継続する事故が生じないこと",
          "No accident occurs in which, owing to a failure of core broadcasting facilities, a stoppage of broadcasting continues for 15 minutes or more",
          {"cause": "facility_failure", "duration_min_minutes": 15}),
         ("特定地上基幹放送局等設備及び基幹放送局設備の故障により、放送の停止が15分以上（中継局の無線設備にあっては、2時間以上）継続する事故が生じないこと",
          "No accident occurs in which, owing to a failure of specified terrestrial core broadcasting station facilities and the like or of core broadcasting station facilities, a stoppage of broadcasting continues for 15 minutes or more (2 hours or more for the radio equipment of relay stations)",
          {"cause": "facility_failure", "duration_min_minutes": 15, "relay_station_duration_min_minutes": 120})]),
    svc("info_comm", 591,
        [("ケーブルテレビ", "Cable television")],
        [("公衆によって直接受信されることを目的とする電気通信の送信（放送法第2条）",
          "Transmission of telecommunications intended to be received directly by the public (Broadcast Act, Art. 2)")],
        [("放送サービスの停止", "Stoppage of broadcasting services")],
        [("放送法（重大事故の報告）第137条", "Broadcast Act (reports of serious accidents), Art. 137"),
         ("放送法施行規則（報告を要する重大な事故）第157条", "Ordinance for Enforcement of the Broadcast Act (serious accidents requiring a report), Art. 157")],
        [("有線一般放送の業務に用いられる電気通信設備の故障により、放送の停止を受けた利用者の数が3万以上、かつ、停止時間が2時間以上の事故が生じないこと",
          "No accident occurs in which, owing to a failure of telecommunications facilities used for wired general broadcasting, the number of users whose broadcasting is stopped is 30,000 or more and the stoppage lasts 2 hours or more",
          {"cause": "facility_failure", "affected_users_min": 30000, "duration_min_minutes": 120})]),
    svc("finance", 597,
        [("預金", "Deposits"), ("貸付", "Loans"), ("為替", "Exchange (fund transfers)")],
        None,
        [("預金の払戻しの遅延・停止", "Delay or stoppage of deposit withdrawals"),
         ("融資業務の遅延・停止", "Delay or stoppage of lending operations"),
         ("振込等資金移動の遅延・停止", "Delay or stoppage of fund transfers such as remittances")],
        [("主要行等向けの総合的な監督指針", "Comprehensive Guidelines for Supervision of Major Banks, etc."),
         ("中小・地域金融機関向けの総合的な監督指針", "Comprehensive Guidelines for Supervision of Small and Medium-sized and Regional Financial Institutions"),
         ("系統金融機関向けの総合的な監督指針", "Comprehensive Guidelines for Supervision of Cooperative Financial Institutions")],
        sub="銀行等",
        notes=T("（抽出テキストではこの行の「サービスの説明」欄が空）", "The 'description' cell of this row is empty in the text extraction.")),
    svc("finance", 598,
        [("資金清算", "Funds clearing")],
        [("資金清算（資金決済に関する法律第2条第5項）", "Funds clearing (Payment Services Act, Art. 2(5))")],
        None,
        [CLEARING_GUIDE],
        sub="銀行等", sub_printed=False,
        notes=T("（抽出テキストではこの行の「障害の例」欄が欠落）", "The 'example failures' cell of this row is missing in the text extraction.")),
    svc("finance", 599,
        [("電子記録等", "Electronic recording, etc.")],
        [("電子記録（電子記録債権法第56条）", "Electronic recording (Electronically Recorded Monetary Claims Act, Art. 56)"),
         ("資金決済に関する情報提供（電子記録債権法第62条及び第63条）", "Provision of information on fund settlement (Electronically Recorded Monetary Claims Act, Arts. 62 and 63)")],
        [("電子記録、資金決済に関する情報提供の遅延・停止", "Delay or stoppage of electronic recording and of provision of information on fund settlement")],
        [("事務ガイドライン第三分冊：金融会社関係（12電子債権記録機関関係）", "Administrative Guidelines, Volume 3: Financial Companies (12. Electronic Monetary Claim Recording Institutions)")],
        sub="銀行等", sub_printed=False),
    svc("finance", 600,
        [("保険金等の支払い", "Payment of insurance claims, etc.")],
        [("保険金等の支払請求の受付", "Receiving claims for payment of insurance benefits, etc."),
         ("保険金等の支払審査", "Reviewing claims for payment of insurance benefits, etc."),
         ("保険金等の支払い", "Paying insurance benefits, etc.")],
        [("保険金等の支払いの遅延・停止", "Delay or stoppage of payment of insurance claims, etc.")],
        [INSURANCE_GUIDE],
        sub="生命保険"),
    svc("finance", 601,
        [("保険金等の支払い", "Payment of insurance claims, etc.")],
        [("事故受付", "Receiving accident reports"), ("損害調査等", "Loss investigation, etc."),
         ("保険金等の支払い", "Paying insurance benefits, etc.")],
        [("保険金等の支払いの遅延・停止", "Delay or stoppage of payment of insurance claims, etc.")],
        [INSURANCE_GUIDE],
        sub="損害保険"),
    svc("finance", 602,
        [("有価証券の売買等", "Purchase and sale of securities, etc."),
         ("有価証券の売買等の取引の媒介、取次ぎ又は代理", "Intermediation, brokerage or agency for transactions such as the purchase and sale of securities"),
         ("有価証券等清算取次ぎ", "Brokerage for clearing of securities, etc.")],
        [("有価証券の売買、市場デリバティブ取引又は外国市場デリバティブ取引（金融商品取引法第2条第8項第1号）",
          "Purchase and sale of securities, market derivatives transactions or foreign market derivatives transactions (Financial Instruments and Exchange Act, Art. 2(8)(i))"),
         ("有価証券の売買、市場デリバティブ取引又は外国市場デリバティブ取引の媒介、取次ぎ又は代理（金融商品取引法第2条第8項第2号）",
          "Intermediation, brokerage or agency for the purchase and sale of securities, market derivatives transactions or foreign market derivatives transactions (Financial Instruments and Exchange Act, Art. 2(8)(ii))"),
         ("有価証券等清算取次ぎ（金融商品取引法第2条第8項第5号）", "Brokerage for clearing of securities, etc. (Financial Instruments and Exchange Act, Art. 2(8)(v))")],
        [("有価証券売買の遅延・停止", "Delay or stoppage of securities trading")],
        [("金融商品取引業者等向けの総合的な監督指針", "Comprehensive Guidelines for Supervision of Financial Instruments Business Operators, etc.")],
        sub="証券"),
    svc("finance", 603,
        [("金融商品市場の開設", "Operating a financial instruments market")],
        [("有価証券の売買又は市場デリバティブ取引を行うための市場施設の提供、その他取引所金融商品市場の開設に係る業務（金融商品取引法第2条第14項及び第16項、第80条並びに第84条）",
          "Providing market facilities for the purchase and sale of securities or market derivatives transactions, and other business relating to operating a financial instruments exchange market (Financial Instruments and Exchange Act, Art. 2(14) and (16), Arts. 80 and 84)")],
        [("有価証券の売買、市場デリバティブ取引等の遅延・停止", "Delay or stoppage of the purchase and sale of securities, market derivatives transactions, etc.")],
        [("金融商品取引所等に関する内閣府令第112条", "Cabinet Office Order on Financial Instruments Exchanges, etc., Art. 112")],
        sub="証券", sub_printed=False),
    svc("finance", 607,
        [("振替業", "Book-entry transfer business")],
        [("社債等の振替に関する業務（社債、株式等の振替に関する法律第8条）", "Business relating to the book-entry transfer of corporate bonds, etc. (Act on Book-Entry Transfer of Company Bonds, Shares, etc., Art. 8)")],
        [("社債・株式等の振替等の遅延・停止", "Delay or stoppage of book-entry transfers of bonds, shares, etc.")],
        [("社債、株式等の振替に関する法律（事故の報告）第19条", "Act on Book-Entry Transfer of Company Bonds, Shares, etc. (reports of accidents), Art. 19"),
         ("一般振替機関の監督に関する命令（事故）第17条", "Order on the Supervision of General Book-Entry Transfer Institutions (accidents), Art. 17"),
         CLEARING_GUIDE],
        sub="証券", sub_printed=False),
    svc("finance", 608,
        [("金融商品債務引受業", "Financial instruments obligation assumption business")],
        [("有価証券の売買等対象取引に基づく債務の引受、更改等により負担する業務（金融商品取引法第2条第28項）",
          "Business of bearing obligations arising from covered transactions such as the purchase and sale of securities, through assumption, novation, etc. (Financial Instruments and Exchange Act, Art. 2(28))")],
        [("金融商品取引の清算等の遅延・停止", "Delay or stoppage of the clearing etc. of financial instruments transactions")],
        [("金融商品取引法（金融商品取引業者の業務等に関する書類の作成、保存及び報告の義務）第188条",
          "Financial Instruments and Exchange Act (obligation to prepare, keep and report documents on the business of financial instruments business operators, etc.), Art. 188"),
         ("金融商品取引清算機関等に関する内閣府令（金融商品取引清算機関の業務に関する提出書類）第48条",
          "Cabinet Office Order on Financial Instruments Clearing Organisations, etc. (documents to be submitted on the business of financial instruments clearing organisations), Art. 48"),
         CLEARING_GUIDE],
        sub="証券", sub_printed=False),
    svc("aviation", 609,
        [("旅客、貨物の航空輸送サービス", "Passenger and cargo air transport services"),
         ("予約、発券、搭乗・搭載手続", "Reservation, ticketing, boarding and loading procedures"),
         ("運航整備", "Line maintenance"), ("飛行計画作成", "Flight planning")],
        [("他人の需要に応じ、航空機を使用して有償で旅客又は貨物を運送する事業（航空法第2条）",
          "Business of carrying passengers or cargo by aircraft for remuneration in response to the demand of others (Civil Aeronautics Act, Art. 2)"),
         ("航空旅客の予約、航空貨物の予約", "Reservations for air passengers and air cargo"),
         ("航空券の発券、料金徴収", "Issuing air tickets and collecting fares"),
         ("航空旅客のチェックイン・搭乗、航空貨物の搭載", "Check-in and boarding of air passengers, loading of air cargo"),
         ("航空機の点検・整備", "Inspection and maintenance of aircraft"),
         ("飛行計画の作成、航空局への提出", "Preparing flight plans and submitting them to the Civil Aviation Bureau")],
        [("航空機の安全運航に対する支障", "Impairment of the safe operation of aircraft"),
         ("運航の遅延・欠航", "Flight delays and cancellations")],
        [("航空運送事業者における情報セキュリティ確保に係る安全ガイドライン", "Safety guidelines for ensuring information security at air carriers")]),
    svc("railway", 610,
        [("旅客輸送サービス", "Passenger transport services"), ("発券、入出場手続", "Ticketing and entry/exit procedures")],
        [("他人の需要に応じ、鉄道による旅客又は貨物の運送を行う事業（鉄道事業法第2条）",
          "Business of carrying passengers or cargo by railway in response to the demand of others (Railway Business Act, Art. 2)"),
         ("座席の予約、乗車券の販売、入出場の際の乗車券等の確認", "Seat reservations, sale of tickets, and checking of tickets etc. at entry and exit")],
        [("列車運行の遅延・運休", "Train delays and cancellations"),
         ("列車の安全安定輸送に対する支障", "Impairment of safe and stable train transport")],
        [("鉄道事業法（事故等の報告）第19条、第19条の2", "Railway Business Act (reports of accidents etc.), Arts. 19 and 19-2"),
         ("鉄道事故等報告規則（鉄道運転事故等の報告）第5条", "Rules on Reporting of Railway Accidents etc. (reports of railway operation accidents etc.), Art. 5")]),
    svc("electricity", 611,
        [("一般送配電事業", "General electricity transmission and distribution business"),
         ("発電事業（一定規模を超える発電事業）", "Power generation business (above a certain scale)")],
        [("供給区域において託送供給及び発電量調整供給を行う事業（電気事業法第2条8項）",
          "Business of providing wheeling service and balancing supply in its service area (Electricity Business Act, Art. 2(8))"),
         ("小売電気事業、一般送配電事業又は特定送配電事業の用に供するための電気を発電する事業（電気事業法第2条14項）",
          "Business of generating electricity for use in retail electricity business, general transmission and distribution business or specified transmission and distribution business (Electricity Business Act, Art. 2(14))")],
        [("電力供給の停止", "Stoppage of electricity supply"),
         ("電力プラントの安全運用に対する支障", "Impairment of the safe operation of power plants")],
        [("電気関係報告規則（事故報告）第3条", "Rules on Electricity-related Reports (accident reports), Art. 3")],
        [("システムの不具合により、供給支障電力が10万キロワット以上で、その支障時間が10分以上の供給支障事故が生じないこと",
          "No supply disruption accident occurs in which, owing to a system malfunction, the disrupted supply is 100,000 kW or more and the disruption lasts 10 minutes or more",
          {"cause": "system_malfunction", "disrupted_power_min_kw": 100000, "duration_min_minutes": 10})]),
    svc("gas", 615,
        [("一般ガス導管事業", "General gas pipeline service business"), ("ガス製造事業", "Gas manufacturing business")],
        [("自らが維持し、及び運用する導管によりその供給区域において託送供給を行う事業（ガス事業法第2条）",
          "Business of providing wheeling service in its service area through pipelines it maintains and operates (Gas Business Act, Art. 2)"),
         ("自らが維持し、及び運用する液化ガス貯蔵設備等を用いてガスを製造する事業であつて、その事業の用に供する液化ガス貯蔵設備が経済産業令で定める要件に該当するもの（ガス事業法第2条）",
          "Business of manufacturing gas using liquefied gas storage facilities and the like that it maintains and operates, where the liquefied gas storage facilities used for the business meet the requirements set by ordinance of the Ministry of Economy, Trade and Industry (Gas Business Act, Art. 2)")],
        [("ガスの供給の停止", "Stoppage of gas supply"), ("ガスプラントの安全運用に対する支障", "Impairment of the safe operation of gas plants")],
        [("ガス関係報告規則第4条", "Rules on Gas-related Reports, Art. 4")],
        [("システムの不具合により、供給支障戸数が30以上の供給支障事故が生じないこと",
          "No supply disruption accident occurs in which, owing to a system malfunction, 30 or more households suffer a supply disruption",
          {"cause": "system_malfunction", "affected_households_min": 30})],
        notes=T("経済産業令（経済産業省令の脱字と思われる）", "'経済産業令' in the Japanese is presumably a typo for 経済産業省令 (METI ordinance).")),
    svc("government", 616,
        [("地方公共団体の行政サービス", "Administrative services of local governments")],
        [("地域における事務、その他の事務で法律又はこれに基づく政令により処理することとされるもの（地方自治法第2条第2項）",
          "Local affairs and other affairs to be handled under laws or cabinet orders based on them (Local Autonomy Act, Art. 2(2))")],
        [("政府・行政サービスに対する支障", "Impairment of government and administrative services"),
         ("住民等の権利利益保護に対する支障", "Impairment of the protection of the rights and interests of residents and others")],
        None),
    svc("medical", 617,
        [("診療", "Medical care")],
        [("診察や治療等の行為", "Acts such as examination and treatment")],
        [("診療支援部門における業務への支障", "Impairment of operations in clinical support departments"),
         ("生命に危機を及ぼす医療機器の誤作動", "Malfunction of medical devices endangering life")],
        [("医療情報システムの安全管理に関するガイドライン", "Guidelines for the Security Management of Medical Information Systems")]),
    svc("water", 618,
        [("水道による水の供給", "Water supply by waterworks")],
        [("一般の需要に応じ、導管及びその他工作物により飲用水を供給する事業（水道法第3条及び第15条）",
          "Business of supplying drinking water through pipes and other structures in response to general demand (Waterworks Act, Arts. 3 and 15)")],
        [("水道による水の供給の停止", "Stoppage of water supply by waterworks"),
         ("不適當な水質の水の供給", "Supply of water of unsuitable quality")],
        [("健康危機管理の適正な実施並びに水道施設への被害情報及び水質事故等に関する情報の提供について」（平成25年10月25日付け厚生労働省健康局水道課長通知）",
          "'On the proper implementation of health crisis management and the provision of information on damage to waterworks facilities, water quality accidents, etc.' (notice of the Director of the Water Supply Division, Health Service Bureau, Ministry of Health, Labour and Welfare, 25 October 2013)"),
         ("水道分野における情報セキュリティガイドライン", "Information security guidelines for the water sector")],
        notes=T("通知名の開き括弧「が抽出テキストで欠落", "The opening bracket 「 of the notice title is missing in the text extraction.")),
    svc("logistics", 619,
        [("貨物自動車運送事業", "Motor truck transport business"), ("船舶運航事業", "Shipping business"),
         ("港湾運送事業", "Port transport business"), ("倉庫業", "Warehousing business")],
        [("他人の需要に応じ、有償で、自動車を使用して貨物を運送する事業（貨物自動車運送事業法第2条）",
          "Business of carrying cargo by motor vehicle for remuneration in response to the demand of others (Motor Truck Transportation Business Act, Art. 2)"),
         ("船舶により物の運送をする事業（海上運送法第2条）", "Business of carrying goods by ship (Marine Transportation Act, Art. 2)"),
         ("他人の需要に応じ、港湾においてする船舶への貨物の積込又は船舶からの貨物の取卸の行為等を行う事業（港湾運送事業法第2条）",
          "Business of loading cargo onto or unloading cargo from ships in ports, and the like, in response to the demand of others (Port Transportation Business Act, Art. 2)"),
         ("寄託を受けた物品の倉庫における保管を行う事業（倉庫業法第2条）", "Business of storing deposited goods in warehouses (Warehousing Business Act, Art. 2)")],
        [("輸送の遅延・停止", "Delay or stoppage of transport"), ("貨物の所在追跡困難", "Difficulty in tracking the location of cargo")],
        [("物流分野における情報セキュリティ確保に係る安全ガイドライン", "Safety guidelines for ensuring information security in the logistics sector")]),
    svc("chemical", 620,
        [("石油化学工業", "Petrochemical industry")],
        [("石油化学製品の製造、加工及び売買", "Manufacture, processing and sale of petrochemical products")],
        [("プラントの停止", "Plant shutdown"), ("長期に渡る製品供給の停止", "Long-term stoppage of product supply")],
        [("石油化学分野における情報セキュリティ確保に係る安全基準", "Safety standard for ensuring information security in the petrochemical sector")]),
    svc("credit", 624,
        [("クレジットカード決済", "Credit card payment")],
        [("クレジットカード決済サービス（割賦販売法第2条第3項第1号及び第2号並びに第35条の16第2項） ^(注3)",
          "Credit card payment services (Installment Sales Act, Art. 2(3)(i) and (ii) and Art. 35-16(2)) (note 3)")],
        [("クレジットカード決済サービスの遅延・停止、カード情報の大規模漏えい",
          "Delay or stoppage of credit card payment services; large-scale leak of card information")],
        [("クレジットCEPTOARにおける情報セキュリティガイドライン", "Information security guidelines of the Credit CEPTOAR"),
         ("(※) 今後、割賦販売法（後払分野）に基づく監督の基本方針において規定する予定",
          "(*) To be specified in future in the basic supervisory policy under the Installment Sales Act (deferred payment)")]),
    svc("petroleum", 625,
        [("石油の供給", "Petroleum supply")],
        [("石油の輸入、精製、物流、販売", "Import, refining, distribution and sale of petroleum")],
        [("石油の供給の停止", "Stoppage of petroleum supply"), ("製油所の安全運転に対する支障", "Impairment of the safe operation of refineries")],
        [("石油分野における情報セキュリティ確保に係る安全ガイドライン", "Safety guidelines for ensuring information security in the petroleum sector")]),
]
printed_at = {}  # the line where a merged (row-spanning) cell is printed, by its text
for e in REF["service_levels"]:
    e["sector_name"] = SECTOR_NAME[e["sector"]]
    first = raw(e["line"]).split("\t")[0].strip()
    assert first in ("", e["sector_name"]["ja"]), (e["line"], first)
    # A sector or sub-sector cell spans several rows of the table: it is printed once, on the
    # first; the later rows say where.
    for key in ("sector_name", "sub_sector"):
        if key not in e:
            continue
        ja = e[key]["ja"]
        if norm(ja) in norm(raw(e["line"])):
            printed_at[ja] = e["line"]
        elif ja in printed_at:
            e[key] = {**e[key], "line": printed_at[ja]}
REF["service_levels_notes"] = [
    {"label": "注1", "text": tx("ITを全く利用していないサービスについては対象外。", "Services that make no use of IT at all are out of scope.", 627), "line": 627},
    {"label": "注2", "text": tx("重要インフラサービス障害に係る基準がない分野については、システムの不具合が引き起こす重要インフラサービス障害が生じないことをサービス維持レベルとみなしている。",
                               "In sectors that have no criteria for critical infrastructure service failures, the absence of critical infrastructure service failures caused by system malfunctions is regarded as the service maintenance level.", 629), "line": 629},
    {"label": "注3", "text": tx("改正割賦販売法（施行は、公布（2016年12月9日）から1年6か月以内の政令で定める日）においては、法第2条第3項第1号及び第2号、第35条の16第1項第2号及び第2項。",
                               "Under the amended Installment Sales Act (in force on a date set by cabinet order within one year and six months of promulgation on 9 December 2016): Art. 2(3)(i) and (ii), and Art. 35-16(1)(ii) and (2).", 631), "line": 631},
    {"label": "注4", "text": tx("別紙2に記載された内容は平成30年3月現在のものである。法令等の最新の状況については、必要に応じて、所管省庁等へ確認すること。",
                               "The content of Appendix 2 is as of March 2018. Check the latest status of laws and regulations with the responsible ministries and others as needed.", 633), "line": 633},
]
for i, e in enumerate(REF["service_levels"]):
    REF["service_levels"][i] = {"sector": e.pop("sector"), "sector_name": e.pop("sector_name"), **e}


# ---------------------------------------------------------------------------------------------
# 別紙3: seven characteristics of cyber-attack risk (lines 635-815)
# ---------------------------------------------------------------------------------------------
REF["characteristics_heading"] = txl("【別紙3】対処態勢整備に係るサイバー攻撃リスクの特性並びに対応及び対策の考慮事項",
                                    "[Appendix 3] Characteristics of cyber-attack risk and considerations for response and countermeasures in putting a response capability in place", 635)
REF["characteristics_intro"] = {
    "text": T(J(637, 640, 642, 644, 652),
              "The characteristics of cyber-attack risk and the considerations for response and countermeasures shown from the next page onwards are expected to be taken into account by critical infrastructure operators mainly when drawing up or revising a contingency plan (CP) and a business continuity plan (BCP).\n"
              "The CP and BCP are defined in 4.2.1.(2)(ア) of this document, but since their names, scope, timing of activation and so on may differ by sector and operator, the documents to be drawn up or revised taking the following characteristics into account (the 'target documents') need to be considered according to each operator's situation.\n"
              "As a reference for deciding the target documents, Figure 1 shows examples of the flow from the occurrence of a cyber attack to recovery. Both examples in Figure 1 (Examples 1 and 2) show a series of processes in which an abnormality is caused by a cyber attack, the service level falls over time, and the service level is then restored through responses based on the CP and BCP.\n"
              "In Example 1, response based on the BCP is started early to restore service quickly. In Example 2, by contrast, the service is intentionally stopped as a safety measure and response based on the BCP is started after the response under the security regulations and the like. In both examples the CP and BCP are target documents that should take the following characteristics into account. The response under the security regulations and the like in Example 2 focuses on reducing and containing damage and generally does not change depending on whether the cause of the damage is a cyber attack. Where IT is used in that response, however, the following characteristics are expected to be taken into account.\n"
              "The characteristics of cyber-attack risk described below are interrelated, and considerations for one characteristic may also be effective for others. In drawing up and revising the CP and BCP, it is therefore necessary to consider responses and countermeasures based not only on the considerations for a particular characteristic but also on those for the others."),
    "figure": "図1 サイバー攻撃の発生から復旧までのフローの例 (line 646; the figure itself is not in the text extraction)",
    "lines": [637, 652]}


def bl(ln, en):
    return {"text": T(line_text(ln).lstrip("・"), en), "line": ln}


CHARS = [
    dict(n=1, head=654, name=656, name_en="Existence of attackers and diverse attack objectives",
         text=(658,), text_en="Unlike natural disasters and the like, cyber attacks are caused by attackers with objectives. Those objectives have become diverse: theft of money or information, expression of a cause or opinion, stopping services by destroying systems, and so on. Attacks by various methods according to the diverse attackers and objectives are conceivable, from organised, planned attacks to insider attacks, but in many cases it is difficult to know the attacker or the objective in advance.",
         point=664, point_en="Recognising cyber-attack risk and creating scenarios leading to damage",
         cons=[(668, "Identify the cyber-attack threats that could lead to failures of the organisation's critical infrastructure services (targeted attacks using malware and the like, DDoS attacks, etc.) and their impact, and, for threats with a particularly large impact on the business, create scenarios leading to damage and consider the response to those scenarios."),
               (672, "Take into account that, even in situations where a cyber attack may occur — such as when an attack notice, a suspected information leak or signs of an attack (suspicious communications, an increase in logs, etc.) are detected — responses such as moving to an alert posture in preparation for an attack or failure and urgently checking the state of countermeasures may be needed.")],
         peace=[],
         examples=[(669, 671, "Example of a scenario leading to damage",
                    "Maintenance staff bring in a device infected with malware (terminal, USB memory stick, etc.); the malware infects information systems within the organisation, then penetrates over the network the critical system that is the ultimate target of the attack, causing alteration or destruction of the system, leaks of confidential information and the like. As a result, the continuity of services and business is seriously affected."),
                   (673, 675, "Example of a situation in which a cyber attack may occur",
                    "A demand is made for money, the cessation of particular business activities or the like, with the threat of a DDoS attack on a system that provides critical infrastructure services over the Internet.")],
         end=675),
    dict(n=2, head=677, name=679, name_en="Increasingly sophisticated attack methods",
         text=(681, 683), text_en="Cyber attack methods are constantly being devised and becoming more sophisticated. Attacks that are hard to avoid with countermeasures based on current technology alone, such as attacks exploiting new vulnerabilities, and attacks using new methods not anticipated by the operator are conceivable.\n"
         "When an attack uses a new method, it may not be possible to grasp accurately the degree and extent of its impact.",
         point=689, point_en="Daily collection of information on attack methods and timely review of the CP and BCP",
         cons=[(693, "Collect daily the information on attack methods and the like provided by parties concerned such as JPCERT/CC, check whether the current CP and BCP can deal with new attack methods, and revise them as needed."),
               (694, "To keep up with increasingly sophisticated cyber attack methods, include people with sufficient cybersecurity knowledge and judgement in drafting and revising the CP and BCP and in the response organisation. Use external specialist organisations as needed."),
               (695, "So that the minimum service level required for providing critical infrastructure services can be maintained even when the extent of impact and the like cannot be grasped accurately, consider the necessary investigation items and their priority when drawing up the CP and BCP.")],
         peace=[(699, "When a new attack method is recognised as a cyber-attack risk, make sure that the staff who may be involved in the response when the plans are activated understand the policy for managing that risk and the revised CP and BCP.")],
         examples=[], end=699),
    dict(n=3, head=701, name=703, name_en="Possibility of attacks leading to a rapid spread of damage",
         text=(705,), text_en="Damage from a cyber attack may spread rapidly over networks from the point attacked. Conceivable cases include malware that has infected a particular terminal copying itself to other terminals on the same organisation's network and spreading the damage, damage from a cyber attack on a contractor spreading to the company's own systems, and the company's own systems being manipulated without authorisation and used to attack other companies, putting the company itself in the position of an offender.",
         point=711, point_en="Dealing with the spread of damage, including measures that interrupt service",
         cons=[(715, "To prevent the spread of cyber-attack damage, include cutting off communications, stopping critical systems and the like among the options. Grasp the network and system configuration and consider in advance the points at which to cut off or stop."),
               (716, "Since cutting off or stopping may greatly affect the continuity of critical infrastructure services, clarify in advance the person responsible for deciding to do so. Also, to enable sound decisions, organise when drawing up the plan the timing and duration for which stopping is possible, the extent of impact if stopped, the availability of alternatives and so on."),
               (717, "Since some information needed for investigation can no longer be obtained after cutting off or stopping, collect information as far as time permits before doing so. Examples of information to collect include memory and process information lost by cutting off or stopping and logs that cannot be obtained while cut off or stopped; consider acquisition methods and procedures suited to the environment in advance."),
               (718, "Consider in advance sharing the response status with contractors to which cyber-attack damage may mutually extend, and publishing the response status to users of critical infrastructure services and others. Characteristic information to consider publishing in the case of a cyber attack includes the attack methods found through response and investigation, the causes of damage (software vulnerabilities, misconfiguration, etc.), the status of the response to the attack (interim measures to prevent the spread of damage, fundamental measures against the causes), and whether secondary damage to customers and others has occurred or may occur.")],
         peace=[(722, "Consider introducing, as needed, measures that prevent further attacks from an attacked system on other systems over the network (dividing network segments according to the function and importance of systems, restricting suspicious communications with IPS, proxy servers, etc.).")],
         examples=[], end=722),
    dict(n=4, head=724, name=726, name_en="Possibility of persistent attacks",
         text=(728, 730), text_en="Cyber attacks may be carried out persistently until their objective is achieved. Conceivable cases include the same attack being repeated and causing damage again when a system is carelessly restored to its state before the damage, another attack during system recovery, and a renewed attack by a method that circumvents the countermeasures taken.\n"
         "Even in closed environments not connected to the Internet or environments consisting of less general-purpose systems, attacks may be carried out after information on the system configuration, system specifications and the like has been collected over time by various means.",
         point=736, point_en="Considering the possibility of recurrence of cyber attacks and the special nature of the environment",
         cons=[(740, "Before restoring critical infrastructure services, analyse, identify and deal with the cause of the damage (software vulnerabilities, misconfiguration, etc.) (patching, malware removal, system rebuilding, etc.). When service is restored using an emergency system, also deal with attacks by the same method on the emergency system before putting it into operation."),
               (741, "In case of another cyber attack during recovery, separate the team dealing with the cyber attack from the team restoring critical infrastructure services, and consider in advance their division of roles and how they will cooperate."),
               (742, "If investigation of logs and the like shows traces of persistent cyber attacks (repeated attempts over a long period, recurrence after countermeasures, etc.), strengthen monitoring functions and arrangements for a certain period even after critical infrastructure services have been restored."),
               (743, "If systems must be restored before the cause of the damage has been sufficiently identified, assume that programs and the like planted by the attacker may remain, and strengthen monitoring functions and arrangements not only for the damaged systems but also for the surrounding systems."),
               (744, "In responding in environments containing less general-purpose systems, take into account constraints on the responses possible for those systems (e.g. patches cannot be applied for fear of affecting system operation), constraints on the equipment and networks usable in the response (e.g. special communication specifications make it difficult to connect investigation equipment or analyse traffic), and constraints on the staff who can be involved (e.g. staff who understand the special system specifications are needed).")],
         peace=[(748, "Recognising that cyber-attack damage can occur even in closed environments and less general-purpose systems, consider the necessary measures such as monitoring.")],
         examples=[], end=748),
    dict(n=5, head=750, name=752, name_en="Possibility of simultaneous attacks",
         text=(754,), text_en="In cyber attacks, a wide range of targets can be attacked simultaneously regardless of physical distance. Conceivable cases include simultaneous attacks on several sites of the organisation, on the organisation's systems and its suppliers' systems, and on the main system and the emergency system.",
         point=760, point_en="Dealing with simultaneous attacks on the premise of cooperation with the parties concerned and others",
         cons=[(764, "When several incidents occur at once, it is necessary to decide whether and in what order to respond in the light of business impact, risk tolerance, the resources needed for the response and so on, so clarify the decision criteria when drawing up the plans."),
               (765, "In case suppliers or contractors involved in providing critical infrastructure services suffer a cyber attack, check the state of their CP and BCP and the content of their cooperation with the organisation during a response."),
               (766, "Considering that similar cyber attacks may be carried out on several critical infrastructure operators, actively share, through sector industry associations, CEPTOARs, information security organisations and others, information that helps prevent damage at other organisations — such as the methods, sources and characteristic traces of the cyber attacks the organisation has suffered — and work across the whole sector to prevent further damage.")],
         peace=[(770, "Consider measures that reduce the possibility of the main system and the emergency system becoming unusable at the same time. Examples include blocking communications other than those needed for operations (data copying and backups between the main and emergency systems, etc.) and separating the networks of the main and emergency systems."),
                (771, "Assuming cases in which maintaining critical infrastructure services by systems becomes difficult, prepare alternatives such as manual control of functions, substitute work by staff and provision of substitute services."),
                (772, "For sharing information with parties inside and outside the organisation, prepare several means in advance, considering that the usual means such as e-mail may become unusable owing to a cyber attack.")],
         examples=[], end=772),
    dict(n=6, head=774, name=776, name_en="Possibility of attacks that are hard to detect",
         text=(778,), text_en="If sufficient detection measures against cyber attacks are not in place, an attack may go unrecognised and continue for a long period. There are also cases in which attackers try to evade detection by deleting the logs that would lead to the detection of wrongdoing, or commit wrongdoing while displaying figures that differ from reality to make it appear that systems are operating normally; the later the detection, the more likely the damage is to spread. Even after an attack has been detected, it is often difficult to identify the attacker and the attack objective.",
         point=784, point_en="Clarifying the procedures for disclosing information for impact investigation",
         cons=[(788, "For attacks whose extent of impact is difficult for maintenance contractors such as system vendors to identify, the organisation may ask external security vendors, incident response organisations and the like to cooperate in the investigation; since disclosure of logs, compromised equipment and the like may then be required, clarify in advance the necessary procedures (the person responsible for disclosure and the decision criteria, the organisations to which disclosure is possible, the means of provision for safely conveying information including confidential information, etc.), the information to be disclosed (log items, formats, etc.) and its restrictions (types of information that cannot be disclosed, such as confidential or personal information).")],
         peace=[(792, "To investigate traces of abnormalities caused by attacks, grasp the configuration of critical systems and understand their normal behaviour and the content of the logs they output. Also take measures to protect logs from alteration, deletion and the like."),
                (793, "To investigate retrospectively attacks that went undetected for a long period, retain the various logs acquired in normal times for a certain period. Decide the retention period taking into account, among other things, the log retention periods recommended by information security organisations and security vendors. Also, referring to information published by information security organisations and others, check whether the logs recommended to be acquired in normal times for investigation are being acquired, and consider acquiring them as needed.")],
         examples=[], end=793),
    dict(n=7, head=795, name=797, name_en="Possibility of attacks that induce wrong judgements or responses",
         text=(799,), text_en="Cyber attacks may induce wrong judgements or responses. Examples include making the management systems used for monitoring, control and the like display alerts or figures that differ from reality so as to mislead judgement, and altering systems without authorisation so that system operations during failure response cause unintended behaviour (an operation to raise a value lowers it, an operation to stop a system does not stop it, etc.).",
         point=805, point_en="Grasping the situation accurately by combining different types of monitoring information",
         cons=[(809, "While the extent of impact of a cyber attack has not been identified, consider the possibility that the attack has also affected management systems, and check for traces of alteration, inconsistencies between monitoring information and the like."),
               (810, "Where a management system is suspected of having been altered, consider in advance several response procedures, such as monitoring and controlling by other reliable means — visual checks of the provision of critical infrastructure services, manual physical control operations and the like.")],
         peace=[(814, "Consider arrangements and mechanisms for checking whether unauthorised changes have been made to systems. Examples of what to check include the hardware configuration (connected devices, etc.), software configuration, file configuration and system settings."),
                (815, "Prepare several means of monitoring, in case a cyber attack on the monitoring functions of critical infrastructure services causes monitoring information that differs from reality to be displayed, and the like.")],
         examples=[], end=815),
]
CIRCLED = "①②③④⑤⑥⑦"
REF["characteristics"] = []
for c in CHARS:
    assert raw(c["head"]).strip() == "サイバー攻撃リスクの特性" + CIRCLED[c["n"] - 1], c["head"]
    assert raw(c["point"] - 2).strip() == "【ポイント】", c["point"]
    e = {"id": f"c{c['n']}", "number": CIRCLED[c["n"] - 1],
         "name": T(raw(c["name"]).strip(), c["name_en"]),
         "text": T(J(*c["text"]), c["text_en"]),
         "point": T(raw(c["point"]).strip(), c["point_en"]),
         "considerations": [bl(ln, en) for ln, en in c["cons"]]}
    for ln, _ in c["cons"]:
        assert raw(ln).startswith("- "), ln
    if c["peace"]:
        e["peacetime_measures"] = [bl(ln, en) for ln, en in c["peace"]]
        for ln, _ in c["peace"]:
            assert raw(ln).startswith("- "), ln
    if c["examples"]:
        e["examples"] = []
        for h, b, ten, ben in c["examples"]:
            title = re.sub(r"^[-\s▶*]+|\*+$", "", raw(h).strip()).strip()
            e["examples"].append({"title": T(title, ten), "text": T(raw(b).strip(), ben), "lines": [h, b]})
    e["lines"] = [c["head"], c["end"]]
    REF["characteristics"].append(e)
REF["characteristics_legend"] = {
    "point": tx("【ポイント】", "Key point", 662),
    "considerations": tx("CP及びBCPの策定・改定における考慮事項", "Considerations in drawing up and revising the CP and BCP", 691),
    "peacetime_measures": tx("CP及びBCPの発動に備えた平時の対策", "Peacetime measures in preparation for activating the CP and BCP", 697),
    "lines": [662, 697]}

# ---------------------------------------------------------------------------------------------
# 別紙4: references per measure item (lines 817-883)
# ---------------------------------------------------------------------------------------------
DOC_EN = {
    "情報セキュリティ管理基準（平成28年改正版）": "Information Security Management Standards (2016 revision), METI",
    "ISO/IEC 27002:2013": "ISO/IEC 27002:2013",
    "企業経営のためのサイバーセキュリティの考え方": "Cybersecurity concepts for corporate management (NISC)",
    "サイバーセキュリティ経営ガイドライン Ver.2.0": "Cybersecurity Management Guidelines Ver. 2.0 (METI/IPA)",
    "IoTセキュリティガイドライン ver.1.0": "IoT Security Guidelines ver. 1.0",
    "重要インフラにおける機能保証の考え方に基づくリスクアセスメント手引書": "Risk assessment handbook based on the function assurance approach for critical infrastructure (NISC)",
    "制御システムのセキュリティリスク分析ガイド": "Security risk analysis guide for industrial control systems (IPA)",
    "CSMS 認証基準 Ver.2.0": "CSMS certification criteria Ver. 2.0",
    "CSMS ユーザーズガイド Ver.1.2": "CSMS user's guide Ver. 1.2",
    "政府機関等の情報セキュリティ対策のための統一基準群（平成28年度版）": "Common standards for information security measures for government agencies and related agencies (FY2016 edition)",
    "外部委託等における情報セキュリティ上のサプライチェーン・リスク対応のための仕様書策定手引書": "Handbook for drafting specifications to address information-security supply-chain risks in outsourcing and the like (NISC)",
    "輸出貿易管理令別表第1第9項(7)暗号装置又はその部分品": "Export Trade Control Order, Appended Table 1, item 9(7): cryptographic devices or parts thereof",
    "高度サイバー攻撃への対処におけるログの活用と分析方法": "Using and analysing logs in dealing with advanced cyber attacks (JPCERT/CC)",
    "IT製品の調達におけるセキュリティ要件リスト": "Security requirements list for the procurement of IT products (METI)",
    "IT製品の調達におけるセキュリティ要件リスト活用ガイドブック": "Guidebook for using the security requirements list for the procurement of IT products (IPA)",
    "情報システムに係る政府調達におけるセキュリティ要件策定マニュアル": "Manual for defining security requirements in government procurement of information systems (NISC)",
    "ISO/IEC 27014:2013": "ISO/IEC 27014:2013",
    "高度サイバー攻撃 (APT) への備えと対応ガイド～企業や組織に薦める一連のプロセスについて": "Guide to preparing for and responding to advanced persistent threats (APT): a recommended process for companies and organisations (JPCERT/CC)",
    "インシデントハンドリングマニュアル": "Incident handling manual (JPCERT/CC)",
    "ISO/IEC 22301:2012": "ISO 22301:2012 (printed as ISO/IEC 22301:2012)",
    "中央省庁における情報システム運用継続計画ガイドライン～策定手引書（第2版）～": "Guidelines for IT service continuity plans in central government ministries: drafting handbook (2nd edition) (NISC)",
    "IT-BCP 策定モデル": "IT-BCP drafting model (NISC)",
    "CSIRT マテリアル": "CSIRT materials (JPCERT/CC)",
    "ISO 19011:2011": "ISO 19011:2011",
}
# seed line of each 別紙4 row that cites documents -> item id
MAP_ROWS = [
    (822, "4.1.1.1"), (823, "4.1.1.2"), (825, "4.1.2.1"), (826, "4.1.2.2"), (827, "4.1.2.3"),
    (829, "4.1.3.1"), (832, "4.1.3.2.a.1"), (833, "4.1.3.2.a.2"), (835, "4.1.3.2.b.1"),
    (836, "4.1.3.2.b.2"), (838, "4.1.3.2.c.1"), (839, "4.1.3.2.c.2"), (841, "4.1.3.2.d.1"),
    (843, "4.1.3.2.e.1"), (844, "4.1.3.2.e.2"), (846, "4.1.3.2.f.1"), (848, "4.1.3.2.f.2"),
    (849, "4.1.3.2.f.3"), (850, "4.1.3.2.f.4"), (851, "4.1.3.2.f.5"), (852, "4.1.3.2.f.6"),
    (854, "4.1.3.2.g.1"), (855, "4.1.3.2.g.2"), (857, "4.1.3.2.h.1"), (859, "4.1.3.2.i.1"),
    (860, "4.1.3.2.i.2"), (862, "4.1.3.2.j.1"), (863, "4.1.3.3"), (864, "4.1.3.4"),
    (866, "4.1.4.1"), (867, "4.1.4.2"), (868, "4.1.4.3"), (874, "4.2.1.1"), (875, "4.2.1.2"),
    (876, "4.2.1.3"), (879, "4.3.1.1"), (880, "4.3.1.2"), (883, "4.4.1.1"),
]
# heading rows of 別紙4 (marked —) -> item id, to check that every row is accounted for
MAP_HEADINGS = {820: "4.1", 821: "4.1.1", 824: "4.1.2", 828: "4.1.3", 830: "4.1.3.2", 831: "4.1.3.2.a",
                834: "4.1.3.2.b", 837: "4.1.3.2.c", 840: "4.1.3.2.d", 842: "4.1.3.2.e", 845: "4.1.3.2.f",
                853: "4.1.3.2.g", 856: "4.1.3.2.h", 858: "4.1.3.2.i", 861: "4.1.3.2.j", 865: "4.1.4",
                872: "4.2", 873: "4.2.1", 877: "4.3", 878: "4.3.1", 881: "4.4", 882: "4.4.1"}
BY_ID = {d["id"]: d for d in ITEMS}


def expand(clauses):
    out = []
    for part in [p.strip() for p in clauses.split(",") if p.strip()]:
        m = re.match(r"^(\d+(?:\.\d+)*)\.(\d+)\s*~\s*(\d+(?:\.\d+)*)\.(\d+)$", part)
        if m:
            assert m.group(1) == m.group(3), part
            out += [f"{m.group(1)}.{k}" for k in range(int(m.group(2)), int(m.group(4)) + 1)]
        else:
            assert re.match(r"^\d+(\.\d+)+$", part), part
            out.append(part)
    return out


ROW_LABEL_EN = {863: "Establishing topic-specific policies for risk controls (sic; the body heading reads security controls)"}
REF["document_mapping_heading"] = txl("【別紙4】対策項目の具体例等の参照先",
                                     "[Appendix 4] Where to find concrete examples of the measure items", 817)
REF["document_mapping"] = []
seen = set()
for ln in range(819, 884):
    s = raw(ln)
    if not s.strip() or ln in (819, 870):
        continue
    cells = s.split("\t")
    if ln in MAP_HEADINGS:
        assert cells[1].strip() == "—", ln
        continue
    assert ln in dict(MAP_ROWS), (ln, s)
for ln, iid in MAP_ROWS:
    cells = raw(ln).split("\t")
    label = cells[0].strip()
    body = clean(cells[1]) if len(cells) > 1 else ""
    d = BY_ID[iid]
    m = re.match(r"^(●|[（(][0-9０-９]+[）)])\s*(.*)$", label)
    prefix = m.group(1).translate(str.maketrans("（）０１２３４５６７８９", "()0123456789"))
    title_en = d["title"]["en"]
    e = {"item": iid}
    if norm(m.group(2)) != norm(d["title"]["ja"]):
        e["row_label_differs"] = True
        title_en = ROW_LABEL_EN[ln]
    e["row_label"] = T(label, prefix + " " + title_en)
    refs = []
    iso = []
    for m in re.finditer(r"「([^」]+)」\s*([^「]*)", body.replace("•", " ")):
        title, clauses = m.group(1).strip(), m.group(2).strip()
        assert title in DOC_EN, title
        r = {"title": T(title, DOC_EN[title])}
        if clauses:
            r["clauses"] = clauses
        refs.append(r)
        if title == "ISO/IEC 27002:2013":
            iso += expand(clauses)
    if iso:
        e["iso27002_2013"] = iso
    if refs:
        e["documents"] = refs
    else:
        e["empty_cell"] = True
    e["line"] = ln
    REF["document_mapping"].append(e)

# ---------------------------------------------------------------------------------------------
# 定義・用語集 (lines 885-911)
# ---------------------------------------------------------------------------------------------
GLOSSARY_EN = {
    "関係主体": ("parties concerned", "The Cabinet Secretariat, the ministries responsible for critical infrastructure, the information-security-related ministries, the incident-handling ministries, the disaster-management ministries, critical infrastructure operators, CEPTOARs, the CEPTOAR Council, information security organisations and cyberspace-related businesses."),
    "サービス維持レベル": ("service maintenance level", "The level for judging, based on the function assurance approach, that critical infrastructure services are being provided safely and continuously."),
    "サイバー空間関連事業者": ("cyberspace-related businesses", "System vendors that design, build, operate and maintain the information systems needed to provide critical infrastructure services, security vendors that provide information security measures such as anti-virus software, and platform vendors that provide the underlying platforms such as hardware and software."),
    "サイバー攻撃リスク": ("cyber-attack risk", "Risk that may arise for the business from cyber attacks."),
    "事案対処省庁": ("incident-handling ministries", "The National Police Agency, the Fire and Disaster Management Agency, the Japan Coast Guard and the Ministry of Defense."),
    "事象": ("event", "Occurrence or change of a particular set of circumstances."),
    "事象の結果": ("consequence", "Outcome of an event affecting objectives."),
    "システムの不具合": ("system malfunction", "An event in which an information system of a critical infrastructure operator does not or cannot perform its functions as expected at design."),
    "重要インフラ": ("critical infrastructure", "The foundation of people's lives and socio-economic activity formed by businesses providing services that are extremely difficult to substitute, whose stoppage, degradation or unavailability may greatly affect people's lives or socio-economic activity in Japan; the sectors designated as critical infrastructure sectors."),
    "重要インフラサービス": ("critical infrastructure services", "Among the services provided by critical infrastructure operators and the series of procedures needed to use them, those set for each critical infrastructure sector as especially to be protected in view of their impact on people's lives and socio-economic activity."),
    "重要インフラサービス障害": ("critical infrastructure service failure", "Impairment of the safe and continuous provision of critical infrastructure services caused by a system malfunction. * Concrete examples of the causes of critical infrastructure service failures, i.e. of the threats to be covered by 'safety standards and the like', are given in 'Appendix 2: Examples of events (threats) producing consequences' of the NISC 'Risk assessment handbook based on the function assurance approach for critical infrastructure'."),
    "重要インフラ事業者等": ("critical infrastructure operators", "Among those engaged in businesses in critical infrastructure sectors, the operators designated in the 'target critical infrastructure operators' column of 'Appendix 1: Target critical infrastructure operators and examples of critical systems', and the organisations formed by them."),
    "重要インフラ所管省庁": ("ministries responsible for critical infrastructure", "The Financial Services Agency, the Ministry of Internal Affairs and Communications, the Ministry of Health, Labour and Welfare, the Ministry of Economy, Trade and Industry and the Ministry of Land, Infrastructure, Transport and Tourism."),
    "重要インフラ分野": ("critical infrastructure sectors", "The sectors designated by industry for critical infrastructure, namely information and communications, finance, aviation, railways, electricity, gas, government and administrative services (including local governments), medical services, water, logistics, chemicals, credit cards and petroleum."),
    "重要システム": ("critical systems", "Among the information systems needed to provide critical infrastructure services, those that each critical infrastructure operator designates in view of their impact on critical infrastructure services."),
    "情報共有": ("information sharing", "Mutual provision and sharing among the parties concerned of information on system malfunctions and the like (information on system malfunctions including critical infrastructure service failures, and on signs and near misses) and of information contributing to information security. Includes both information liaison and information provision."),
    "情報システム": ("information systems", "IT-based systems in general, including systems for office processing and the like and control systems such as field devices and monitoring and control systems."),
    "情報セキュリティ関係機関": ("information security organisations", "The National Police Agency Cyber Force Center, the National Institute of Information and Communications Technology (NICT), the National Institute of Advanced Industrial Science and Technology (AIST), the Information-technology Promotion Agency, Japan (IPA), ICT-ISAC, the JPCERT Coordination Center (JPCERT/CC) and the Japan Cybercrime Control Center (JC3)."),
    "情報セキュリティ関係省庁": ("information-security-related ministries", "The National Police Agency, the Ministry of Internal Affairs and Communications, the Ministry of Foreign Affairs, the Ministry of Economy, Trade and Industry, the Nuclear Regulation Authority (*) and the Ministry of Defense. * The authority addressing cybersecurity from the standpoint of the safety of nuclear power plants."),
    "情報提供": ("information provision", "Provision of information contributing to information security measures from the Cabinet Secretariat to critical infrastructure operators, and the like."),
    "情報連絡": ("information liaison", "Reporting of information on system malfunctions and the like at critical infrastructure operators (information on system malfunctions including critical infrastructure service failures, and on signs and near misses) by critical infrastructure operators to the Cabinet Secretariat, and the like."),
    "セプター": ("CEPTOAR", "The information-sharing and analysis function of critical infrastructure operators and the organisation that performs it. Abbreviation of Capability for Engineering of Protection, Technical Operation, Analysis and Response (CEPTOAR)."),
    "セプターカウンシル": ("CEPTOAR Council", "A council made up of representatives of the CEPTOARs set up in each critical infrastructure sector, which shares information among CEPTOARs and the like. It is an independent body, not subordinate to any other body, including government bodies."),
    "防災関係府省庁": ("disaster-management ministries", "The ministries and agencies concerned with collecting information in disasters, among the designated administrative organs and the like under Article 2(iii) of the Disaster Countermeasures Basic Act (Act No. 223 of 1961)."),
}
REF["glossary"] = []
for ln in range(887, 912):
    s = raw(ln)
    if not s.strip():
        continue
    term, definition = [c.strip() for c in s.split("\t", 1)]
    en_term, en_def = GLOSSARY_EN[term]
    REF["glossary"].append({"term": T(term, en_term), "definition": T(definition, en_def), "line": ln})
assert len(REF["glossary"]) == len(GLOSSARY_EN) == 24

# Where the encoding departs from a plain reading of the seed (for reviewers)
REF["extraction_notes"] = [
    {"item": "I.3", "text": T("図表1「重要インフラにおける情報セキュリティ対策の全体像」は図のみで、抽出テキストには内容がない。",
                              "Figure 1 'Overall picture of information security measures for critical infrastructure' is an image; the text extraction holds only its caption."), "line": 144},
    {"item": "II", "text": T("本文「4. 対策項目」(170行) には独立した項目を設けず、その導入文を部IIの本文とし、4.1-4.4 を部IIの直下に置いた。",
                             "Section '4. Measure items' (line 170) has no item of its own: its introduction is the text of part II and phases 4.1-4.4 sit directly under part II."), "lines": [170, 176]},
    {"item": "4.1.2.1", "text": T("217行「むこと。」は207行の箇条の改ページ残りであり、本文から除いた。",
                                  "Line 217 「むこと。」 is a page-break remnant of the bullet on line 207 and is left out of the text."), "line": 217},
    {"item": "4.1.3.2.a.2", "text": T("別紙4の「委託期間中の対応事項」の参照先欄は空（直前の行と結合されたセルと考えられる）。",
                                      "In Appendix 4 the reference cell of 'Matters during the outsourcing period' is empty (probably merged with the row above)."), "line": 833},
    {"item": "4.1.3.3", "text": T("別紙4の行見出しは「リスク管理策に係る個別方針の策定」で、本文の見出し「セキュリティ管理策に係る個別方針の策定」と異なる。",
                                  "Appendix 4 labels this row 'リスク管理策に係る個別方針の策定', unlike the body heading 'セキュリティ管理策に係る個別方針の策定'."), "line": 863},
    {"item": "4.2.1.1", "text": T("「ISAAC」は脚注11（Information Sharing and Analysis Center）から「ISAC」の誤記と判断した。",
                                  "'ISAAC' is read as a typo for 'ISAC' (footnote 11: Information Sharing and Analysis Center)."), "line": 496},
]
for note in REF["extraction_notes"]:
    note["authored_by"] = "anzen"  # our remarks on the extraction, not the guideline's words

# ---------------------------------------------------------------------------------------------
# Write
# ---------------------------------------------------------------------------------------------


class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _str(dumper, s):
    if "\n" in s:
        return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", s)


Dumper.add_representer(str, _str)


def dump(obj):
    return yaml.dump(obj, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10000)


def check_pairs(obj, path="$"):
    """Every {ja, en} map must have both texts non-empty."""
    if isinstance(obj, dict):
        if "ja" in obj or "en" in obj:
            assert obj.get("ja") and obj.get("en"), path
        for k, v in obj.items():
            check_pairs(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            check_pairs(v, f"{path}[{i}]")


FRAMEWORK = {
    "id": "nisc-guideline-5",
    "version": "5",
    "title": T("重要インフラにおける情報セキュリティ確保に係る安全基準等策定指針",
               "Guidelines for Establishing Safety Standards and the Like for Ensuring Information Security of Critical Infrastructure"),
    "publisher": T("サイバーセキュリティ戦略本部", "Cybersecurity Strategic Headquarters"),
    "edition": T("第5版（案）", "5th edition (draft)"),
    # The draft's date line is blank (「平成 年 月 日」) and no seed says when this edition took
    # effect or was replaced: unknown, so null (shown as 不明), never guessed. Its content is as of
    # 2018-03 (reference.as_of, lines 585 and 633).
    "date": None,
    "effective_from": None,
    "effective_to": None,
    "supersedes": None,
    "source": {"document": DOC, "lines": [1, LAST]},
    "kinds": ["part", "phase", "perspective", "item", "category", "area"],
    "answer_scale": "compliance",
    "numbering_only": False,
    "reference": REF,
}

HEADER_FW = """# 重要インフラにおける情報セキュリティ確保に係る安全基準等策定指針（第5版）（案）, NISC, content as
# of 2018-03 (the draft's own date line is blank: 「平成 年 月 日」, line 8), so date and
# effective_from are null (unknown). It was later replaced by 「重要インフラのサイバーセキュリティに
# 係る安全基準等策定指針」 (the edition tcs-2023 cites); no seed gives the date, so effective_to is null.
# GENERATED by tools/seedgen/nisc_guideline_5.py from seeds/001_f2e85bdd67adfa8d.txt — edit the generator.
# Format: docs/catalog-format.md. Japanese text is verbatim from the seed with its line numbers;
# English renderings are Anzen's own.
"""
HEADER_ITEMS = """# 重要インフラにおける情報セキュリティ確保に係る安全基準等策定指針（第5版）（案） — parts I/II,
# PDCA phases 4.1-4.4, 7 perspectives, 18 measure items, and in 4.1.3.2 the 10 control categories
# (ア)-(コ) with their 21 control areas (●).
# GENERATED by tools/seedgen/nisc_guideline_5.py from seeds/001_f2e85bdd67adfa8d.txt — edit the generator.
# Japanese text is verbatim (page headers dropped, page-split paragraphs re-joined; footnote marks
# ¹-¹⁵ kept, footnote texts in framework.yaml reference.footnotes); English renderings are Anzen's own.
"""

if __name__ == "__main__":
    check_pairs(FRAMEWORK)
    check_pairs(ITEMS)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "framework.yaml"), "w", encoding="utf-8") as f:
        f.write(HEADER_FW + dump(FRAMEWORK))
    with open(os.path.join(OUT, "items.yaml"), "w", encoding="utf-8") as f:
        f.write(HEADER_ITEMS + dump({"items": ITEMS}))
    from collections import Counter
    print("items:", dict(Counter(d["kind"] for d in ITEMS)))
    print("reference:", {k: len(v) for k, v in REF.items() if isinstance(v, list)})
