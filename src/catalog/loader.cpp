#include "catalog/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>

#include "common/date.h"
#include "common/json_yaml.h"

namespace anzen::catalog {

std::string Defect::str() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  s += ": ";
  if (!field.empty()) s += field + ": ";
  return s + message;
}

namespace {

std::string join_defects(const std::vector<Defect>& d) {
  std::string s = "catalog has " + std::to_string(d.size()) + " defect(s):";
  for (const auto& x : d) s += "\n  " + x.str();
  return s;
}

// A mapping written on an item (as an Anzen OSCAL export carries them), checked once every
// framework is loaded.
struct ItemMapping {
  std::string file;
  int line = 0;
  MappingEntry entry;
  std::string target;  // "framework:item"
};

class Parser {
 public:
  std::vector<Defect> defects;
  std::vector<ItemMapping> item_mappings;

  void defect(const std::string& file, const YAML::Node& n, const std::string& field,
              const std::string& msg) {
    int line = n.IsDefined() && n.Mark().line >= 0 ? n.Mark().line + 1 : 0;
    defects.push_back({file, line, field, msg});
  }

  std::optional<YAML::Node> parse(const SourceFile& f) {
    try {
      return YAML::Load(f.content);
    } catch (const YAML::ParserException& e) {
      defects.push_back({f.name, e.mark.line + 1, "", "YAML syntax: " + e.msg});
    }
    return std::nullopt;
  }

  std::string str(const std::string& file, const YAML::Node& parent, const char* key,
                  bool required) {
    YAML::Node n = parent[key];
    if (!n || n.IsNull()) {
      if (required) defect(file, parent, key, "missing");
      return {};
    }
    if (!n.IsScalar()) {
      defect(file, n, key, "expected a text value");
      return {};
    }
    return n.as<std::string>();
  }

  // A {ja, en} map; both required when `required`, and both-or-neither otherwise.
  Text text(const std::string& file, const YAML::Node& parent, const std::string& key,
            bool required) {
    Text t;
    YAML::Node n = parent[key];
    if (!n || n.IsNull()) {
      if (required) defect(file, parent, key, "missing (expected {ja: ..., en: ...})");
      return t;
    }
    if (!n.IsMap()) {
      defect(file, n, key, "expected a map {ja: ..., en: ...}");
      return t;
    }
    if (n["ja"] && n["ja"].IsScalar()) t.ja = n["ja"].as<std::string>();
    if (n["en"] && n["en"].IsScalar()) t.en = n["en"].as<std::string>();
    if (t.ja.empty()) defect(file, n, key + ".ja", "missing Japanese text");
    if (t.en.empty()) defect(file, n, key + ".en", "missing translation (en)");
    return t;
  }

  SourceRef source(const std::string& file, const YAML::Node& n, const std::string& field) {
    SourceRef s;
    if (!n || n.IsNull()) return s;
    try {
      if (n.IsScalar()) {
        s.first = s.last = n.as<int>();
      } else if (n.IsMap() && n["line"]) {
        s.first = s.last = n["line"].as<int>();
      } else if (n.IsMap() && n["lines"] && n["lines"].IsSequence() && n["lines"].size() == 2) {
        s.first = n["lines"][0].as<int>();
        s.last = n["lines"][1].as<int>();
      } else if (n.IsMap() && (n["document"] || n["lines"])) {
        if (n["lines"]) defect(file, n, field, "lines must be [first, last]");
        return s;
      } else {
        defect(file, n, field, "expected {line: N} or {lines: [first, last]}");
        return s;
      }
    } catch (const YAML::Exception&) {
      defect(file, n, field, "line numbers must be integers");
      return {};
    }
    if (s.first <= 0 || s.last < s.first) {
      defect(file, n, field, "invalid line range");
      s = {};
    }
    if (n.IsMap() && n["document"]) s.document = n["document"].as<std::string>();
    return s;
  }
};

const std::regex kFrameworkId("^[a-z0-9][a-z0-9-]*$");
const std::regex kItemId("^[A-Za-z0-9][A-Za-z0-9._-]*$");

// `authored_by: anzen` marks text we wrote; absent means the source's own words.
Author author_of(Parser& p, const std::string& file, const YAML::Node& n) {
  if (!n.IsMap() || !n["authored_by"]) return Author::source;
  std::string v = n["authored_by"].as<std::string>();
  auto a = author_from(v);
  if (!a) p.defect(file, n["authored_by"], "authored_by", "'" + v + "' is not source or anzen");
  return a.value_or(Author::source);
}

std::optional<Placement> placement_of(Parser& p, const std::string& file, const YAML::Node& n) {
  if (!n) return std::nullopt;
  if (!n.IsMap()) {
    p.defect(file, n, "placement", "expected a map (origin, rule, evidence, line)");
    return std::nullopt;
  }
  Placement pl;
  pl.origin = p.str(file, n, "origin", true);
  pl.rule = p.str(file, n, "rule", true);
  if (!pl.origin.empty() && pl.origin != "inferred" && pl.origin != "stated") {
    p.defect(file, n["origin"], "placement.origin",
             "'" + pl.origin + "' is not inferred or stated");
  }
  if (!pl.rule.empty() && pl.rule != "control" && pl.rule != "wording" && pl.rule != "sole") {
    p.defect(file, n["rule"], "placement.rule",
             "'" + pl.rule + "' is not control, wording or sole");
  }
  if (YAML::Node ev = n["evidence"]) {
    pl.evidence = Reference{ev["scheme"] ? ev["scheme"].as<std::string>() : "",
                            ev["id"] ? ev["id"].as<std::string>() : ""};
  }
  if (pl.rule == "control" && !pl.evidence) {
    p.defect(file, n, "placement.evidence", "rule control needs the cited control as evidence");
  }
  pl.line = p.source(file, n["line"], "placement.line").first;
  return pl;
}

void parse_item(Parser& p, const std::string& file, const YAML::Node& n, Framework& fw,
                std::set<std::string>& ids, std::set<std::string>& qids, std::set<int>& rows) {
  Item it;
  it.file = file;
  it.file_line = n.Mark().line + 1;
  it.id = p.str(file, n, "id", true);
  if (!it.id.empty() && !std::regex_match(it.id, kItemId)) {
    p.defect(file, n["id"], "id", "'" + it.id + "' is not a valid id ([A-Za-z0-9._-])");
  }
  if (!it.id.empty() && !ids.insert(it.id).second) {
    p.defect(file, n["id"], "id", "duplicate id '" + it.id + "'");
  }
  it.kind = p.str(file, n, "kind", true);
  if (!it.kind.empty() && std::find(fw.kinds.begin(), fw.kinds.end(), it.kind) == fw.kinds.end()) {
    p.defect(file, n["kind"], "kind", "unknown kind '" + it.kind + "' (framework declares " +
                                          fmt_list(fw.kinds) + ")");
  }
  it.parent = p.str(file, n, "parent", false);
  if (!it.parent.empty() && !fw.find(it.parent)) {
    bool later = ids.count(it.parent) > 0;
    p.defect(file, n["parent"], "parent",
             later ? "parent '" + it.parent + "' is not defined before its child"
                   : "unknown parent '" + it.parent + "'");
  }
  it.label = p.str(file, n, "label", false);
  it.title = p.text(file, n, "title", it.kind != "check");
  it.text = p.text(file, n, "text", false);
  it.source = p.source(file, n["source"], "source");
  if (it.source.empty() && !fw.numbering_only && fw.imported_from.empty()) p.defect(file, n, "source", "missing source line");

  const Item* parent = it.parent.empty() ? nullptr : fw.find(it.parent);
  if (YAML::Node th = n["threats"]) {
    if (!th.IsSequence()) {
      p.defect(file, th, "threats", "expected a list");
    } else {
      for (const auto& t : th) {
        std::string tag = t.as<std::string>();
        const auto& tags = threat_tags();
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) {
          p.defect(file, t, "threats", "unknown threat '" + tag + "' (expected one of " +
                                           fmt_list(tags) + ")");
        }
        it.threats.push_back(tag);
      }
    }
  } else if (parent) {
    it.threats = parent->threats;
  }
  if (parent) it.depth = parent->depth + 1;

  if (YAML::Node refs = n["references"]) {
    for (const auto& r : refs) {
      Reference ref{r["scheme"] ? r["scheme"].as<std::string>() : "",
                    r["id"] ? r["id"].as<std::string>() : ""};
      if (ref.scheme.empty() || ref.id.empty()) {
        p.defect(file, r, "references", "malformed reference: needs scheme and id");
        continue;
      }
      it.references.push_back(ref);
    }
  }
  if (YAML::Node bs = n["bullets"]) {
    for (const auto& b : bs) {
      Bullet bl{p.text(file, b, "text", true), p.source(file, b, "bullets.line")};
      if (bl.source.empty() && b["line"]) bl.source = p.source(file, b["line"], "bullets.line");
      it.bullets.push_back(bl);
    }
  }
  if (YAML::Node at = n["attributes"]) {
    if (!at.IsMap()) {
      p.defect(file, at, "attributes", "expected a map of text values");
    } else {
      for (const auto& kv : at) it.attributes[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
  }
  it.author = author_of(p, file, n);
  if (YAML::Node oc = n["ocr"]) {
    for (const auto& o : oc) {
      it.ocr.push_back({o["found"] ? o["found"].as<std::string>() : "",
                        o["intended"] ? o["intended"].as<std::string>() : ""});
    }
  }

  if (it.kind == "check") {
    try {
      it.row = n["row"] ? n["row"].as<int>() : 0;
    } catch (const YAML::Exception&) {
      it.row = 0;
    }
    if (it.row <= 0) p.defect(file, n, "row", "a check needs a positive row number");
    if (it.row > 0 && !rows.insert(it.row).second) {
      p.defect(file, n["row"], "row", "duplicate row " + std::to_string(it.row));
    }
    YAML::Node rec = n["recommendation"];
    auto mark = [&](const char* who) -> std::optional<Recommendation> {
      std::string v = rec && rec[who] ? rec[who].as<std::string>() : "";
      if (v == "recommended") return Recommendation::recommended;
      if (v == "reference") return Recommendation::reference;
      p.defect(file, rec ? rec : n, std::string("recommendation.") + who,
               v.empty() ? "missing (expected recommended or reference)"
                         : "'" + v + "' is not recommended or reference");
      return std::nullopt;
    };
    it.operator_rec = mark("operator");
    it.maker_rec = mark("maker");
    if (rec) it.recommendation_author = author_of(p, file, rec);
    it.placement = placement_of(p, file, n["placement"]);
    if (it.placement && it.placement->evidence && parent) {
      const Reference& ev = *it.placement->evidence;
      bool cited =
          std::any_of(parent->references.begin(), parent->references.end(),
                      [&](const Reference& r) { return r.scheme == ev.scheme && r.id == ev.id; });
      if (!cited) {
        p.defect(file, n["placement"], "placement.evidence",
                 ev.scheme + " " + ev.id + " is not cited by the parent '" + it.parent + "'");
      }
    }
    YAML::Node qs = n["questions"];
    if (!qs || !qs.IsSequence() || qs.size() == 0) {
      p.defect(file, n, "questions", "a check needs at least one question");
    } else {
      int k = 0;
      for (const auto& q : qs) {
        ++k;
        Question qq;
        qq.id = p.str(file, q, "id", true);
        // Imported catalogs keep their own objective ids (NIST: ac-1_obj.a-1).
        std::string expect = it.id + "." + std::to_string(k);
        if (!fw.imported_from.empty() && !qq.id.empty() && !std::regex_match(qq.id, kItemId)) {
          p.defect(file, q["id"], "questions.id", "'" + qq.id + "' is not a valid id ([A-Za-z0-9._-])");
        } else if (fw.imported_from.empty() && !qq.id.empty() && qq.id != expect) {
          p.defect(file, q["id"], "questions.id", "expected '" + expect + "', found '" + qq.id + "'");
        }
        if (!qq.id.empty() && !qids.insert(qq.id).second) {
          p.defect(file, q["id"], "questions.id", "duplicate question id '" + qq.id + "'");
        }
        qq.text = p.text(file, q, "text", true);
        qq.source = q["source"] ? p.source(file, q["source"], "questions.source") : it.source;
        qq.author = author_of(p, file, q);
        it.questions.push_back(qq);
      }
    }
  }
  it.oscal = p.str(file, n, "oscal", false);
  if (YAML::Node ms = n["mappings"]) {
    for (const auto& m : ms) {
      ItemMapping im{file, m.Mark().line + 1, {}, p.str(file, m, "to", true)};
      im.entry.set_id = p.str(file, m, "set", false);
      im.entry.source_framework = fw.id;
      im.entry.from = it.id;
      std::string rel = p.str(file, m, "relationship", true);
      if (auto r = relationship_from(rel)) im.entry.relationship = *r;
      else p.defect(file, m, "mappings.relationship", "'" + rel + "' is not equal, subset, superset or intersects");
      im.entry.origin = p.str(file, m, "origin", true);
      if (im.entry.origin != "stated" && im.entry.origin != "inferred") p.defect(file, m, "mappings.origin", "'" + im.entry.origin + "' is not stated or inferred");
      im.entry.rationale = p.text(file, m, "rationale", im.entry.origin == "inferred");
      if (m["line"]) im.entry.line = m["line"].as<int>();
      p.item_mappings.push_back(std::move(im));
    }
  }
  fw.items.push_back(std::move(it));
  fw.index_one(fw.items.size() - 1);
}

void parse_framework(Parser& p, const FrameworkFiles& files, Catalog& cat) {
  auto root = p.parse(files.framework);
  if (!root) return;
  const std::string& file = files.framework.name;
  const YAML::Node& n = *root;
  if (!n.IsMap()) {
    p.defect(file, n, "", "expected a map at the top level");
    return;
  }
  Framework fw;
  fw.id = p.str(file, n, "id", true);
  if (!fw.id.empty() && !std::regex_match(fw.id, kFrameworkId)) {
    p.defect(file, n["id"], "id", "'" + fw.id + "' is not a valid framework id ([a-z0-9-])");
  }
  fw.version = p.str(file, n, "version", true);
  fw.title = p.text(file, n, "title", true);
  fw.publisher = p.text(file, n, "publisher", false);  // null when the sources name none
  fw.edition = p.text(file, n, "edition", false);
  fw.date = p.str(file, n, "date", false);
  // Dates the sources do not give are null (unknown), never guessed; the key must still be there.
  if (!n["effective_from"])
    p.defect(file, n, "effective_from", "missing (write null when the sources give no date)");
  fw.effective_from = p.str(file, n, "effective_from", false);
  fw.effective_to = p.str(file, n, "effective_to", false);
  fw.supersedes = p.str(file, n, "supersedes", false);
  for (auto [key, val] : {std::pair{"date", &fw.date}, std::pair{"effective_from", &fw.effective_from},
                          std::pair{"effective_to", &fw.effective_to}}) {
    if (!val->empty() && !date::parse_iso(*val)) {  // exists in the calendar, not only shaped like a date
      p.defect(file, n[key], key, "'" + *val + "' is not a date YYYY-MM-DD");
    }
  }
  if (YAML::Node src = n["source"]) {
    if (src["document"]) fw.source_document = src["document"].as<std::string>();
    if (src["lines"]) fw.source_lines = p.source(file, src, "source");
  }
  if (n["numbering_only"]) fw.numbering_only = n["numbering_only"].as<bool>();
  fw.imported_from = p.str(file, n, "imported_from", false);
  fw.answer_scale = n["answer_scale"] ? n["answer_scale"].as<std::string>() : "compliance";
  if (fw.answer_scale != "compliance" && fw.answer_scale != "document") {
    p.defect(file, n["answer_scale"], "answer_scale", "expected compliance or document");
  }
  if (!n["kinds"] || !n["kinds"].IsSequence()) {
    p.defect(file, n, "kinds", "missing list of item kinds");
  } else {
    for (const auto& k : n["kinds"]) fw.kinds.push_back(k.as<std::string>());
  }
  if (n["reference"]) fw.reference = yaml_to_json(n["reference"]);

  std::set<std::string> ids, qids;
  std::set<int> rows;
  for (const auto& f : files.item_files) {
    auto doc = p.parse(f);
    if (!doc) continue;
    YAML::Node items = (*doc)["items"];
    if (!items || !items.IsSequence()) {
      p.defect(f.name, *doc, "items", "expected a top-level list 'items'");
      continue;
    }
    for (const auto& it : items) parse_item(p, f.name, it, fw, ids, qids, rows);
  }
  for (size_t i = 0; i < fw.items.size(); ++i) {
    if (fw.items[i].parent.empty()) continue;
    const Item* parent = fw.find(fw.items[i].parent);
    size_t j = parent ? static_cast<size_t>(parent - fw.items.data()) : i;
    if (j < i) fw.items[j].children.push_back(i);
  }
  for (const auto& other : cat.frameworks) {
    if (other.id == fw.id && other.version == fw.version) {
      p.defect(file, n["version"], "version", "framework " + fw.key() + " is defined twice");
    }
  }
  cat.frameworks.push_back(std::move(fw));
}

void check_references(Parser& p, Catalog& cat) {
  for (const auto& fw : cat.frameworks) {
    for (const auto& it : fw.items) {
      for (const auto& r : it.references) {
        bool known = false;
        bool ok = reference_id_valid(r.scheme, r.id, known);
        if (known && !ok) {
          p.defects.push_back({it.file, it.file_line, "references",
                               "malformed reference: '" + r.id + "' is not a valid " + r.scheme +
                                   " id (item " + it.id + ")"});
        }
        const Framework* target = cat.find(r.scheme);
        if (target && !target->find(r.id)) {
          p.defects.push_back({it.file, it.file_line, "references",
                               "reference to unknown item " + r.scheme + ":" + r.id + " (item " +
                                   it.id + ")"});
        } else if (target) {
          // An item that consists only of a citation quotes the cited control as it stands
          // (seed 000 III: 「その管理策をそのまま引用」), so it is equal to it; an item with text
          // of its own and a citation overlaps the cited control.
          Relationship rel = it.text.ja.empty() ? Relationship::equal : Relationship::intersects;
          cat.mappings.push_back({"references", fw.id, it.id, target->id, r.id, rel, "stated", {},
                                  it.source.first});
        } else if (!known) {
          p.defects.push_back({it.file, it.file_line, "references",
                               "unknown reference scheme '" + r.scheme + "' (item " + it.id + ")"});
        }
      }
    }
  }
}

void parse_mappings(Parser& p, const SourceFile& f, Catalog& cat) {
  auto root = p.parse(f);
  if (!root) return;
  const YAML::Node& n = *root;
  std::string set_id = p.str(f.name, n, "id", true);
  std::string src = p.str(f.name, n, "source", true);
  std::string dst = p.str(f.name, n, "target", true);
  const Framework* sf = cat.find(src);
  const Framework* tf = cat.find(dst);
  if (!src.empty() && !sf) p.defect(f.name, n["source"], "source", "unknown framework '" + src + "'");
  if (!dst.empty() && !tf) p.defect(f.name, n["target"], "target", "unknown framework '" + dst + "'");
  YAML::Node es = n["entries"];
  if (!es || !es.IsSequence()) {
    p.defect(f.name, n, "entries", "expected a list of mapping entries");
    return;
  }
  for (const auto& e : es) {
    MappingEntry m;
    m.set_id = set_id;
    m.source_framework = src;
    m.target_framework = dst;
    m.from = p.str(f.name, e, "from", true);
    m.to = p.str(f.name, e, "to", true);
    if (sf && !m.from.empty() && !sf->find(m.from)) {
      p.defect(f.name, e["from"], "from", "unknown item '" + m.from + "' in " + src);
    }
    if (tf && !m.to.empty() && !tf->find(m.to)) {
      p.defect(f.name, e["to"], "to", "unknown item '" + m.to + "' in " + dst);
    }
    std::string rel = p.str(f.name, e, "relationship", true);
    if (auto r = relationship_from(rel)) {
      m.relationship = *r;
    } else if (!rel.empty()) {
      p.defect(f.name, e["relationship"], "relationship",
               "'" + rel + "' is not equal, subset, superset or intersects");
    }
    m.origin = p.str(f.name, e, "origin", true);
    if (!m.origin.empty() && m.origin != "stated" && m.origin != "inferred") {
      p.defect(f.name, e["origin"], "origin", "'" + m.origin + "' is not stated or inferred");
    }
    m.rationale = p.text(f.name, e, "rationale", m.origin == "inferred");
    if (e["line"]) m.line = e["line"].as<int>();
    if (e["count"]) {
      try {
        m.count = e["count"].as<int>();
      } catch (const YAML::Exception&) {
        m.count = -1;
      }
      if (m.count <= 0)
        p.defect(f.name, e["count"], "count", "expected a positive measure count <n>");
    }
    cat.mappings.push_back(std::move(m));
  }
}

}  // namespace

CatalogError::CatalogError(std::vector<Defect> defects)
    : std::runtime_error(join_defects(defects)), defects_(std::move(defects)) {}

bool reference_id_valid(std::string_view scheme, std::string_view id, bool& known) {
  static const std::vector<std::pair<std::string, std::regex>> patterns = {
      {"iso27002-2022", std::regex("^[5-8]\\.\\d{1,2}$")},
      // Any depth: seed 000 cites categories (CLD.6.3, line 1539) as well as controls (CLD.6.3.1).
      {"iso27017-2015", std::regex("^CLD\\.\\d+(\\.\\d+)*$")},
      {"itu-x1051", std::regex("^(TEL\\.)?\\d+(\\.\\d+){1,2}$")},
      {"nisc-guideline", std::regex("^\\d+(\\.\\d+){0,3}$")},
  };
  for (const auto& [s, re] : patterns) {
    if (s == scheme) {
      known = true;
      return std::regex_match(std::string(id), re);
    }
  }
  known = false;
  return false;
}

Catalog build_catalog(const std::vector<FrameworkFiles>& frameworks,
                      const std::vector<SourceFile>& mapping_files) {
  Parser p;
  Catalog cat;
  for (const auto& f : frameworks) parse_framework(p, f, cat);
  check_references(p, cat);
  for (auto& m : p.item_mappings) {
    size_t colon = m.target.find(':');
    const Framework* tf = colon == std::string::npos ? nullptr : cat.find(m.target.substr(0, colon));
    if (!tf || !tf->find(m.target.substr(colon + 1))) {
      p.defects.push_back({m.file, m.line, "mappings.to", "unknown item '" + m.target + "' (expected FRAMEWORK:ITEM of a loaded framework)"});
      continue;
    }
    m.entry.target_framework = tf->id;
    m.entry.to = m.target.substr(colon + 1);
    cat.mappings.push_back(std::move(m.entry));
  }
  for (const auto& f : mapping_files) parse_mappings(p, f, cat);
  if (!p.defects.empty()) throw CatalogError(p.defects);
  for (auto& fw : cat.frameworks) fw.index();
  return cat;
}

}  // namespace anzen::catalog
