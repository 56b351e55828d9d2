#include "catalog/oscal_import.h"

#include <filesystem>
#include <set>

#include "catalog/oscal_access.h"
#include "catalog/oscal_anzen.h"
#include "catalog/oscal_params.h"

namespace anzen::catalog {
using nlohmann::json;

std::string framework_id_from(const std::string& file_name) {
  std::string stem = std::filesystem::path(file_name).stem().string(), id;
  for (char c : stem) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))
      id += l;
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "imported" : id;
}

namespace {
using oscal::arr;
using oscal::str;

// The first prop of that name in the core namespace, preferring one without a class: rev5
// controls carry "AC-1" and the zero-padded "AC-01" (class zero-padded), in either order.
std::string prop_value(const json& node, const char* name) {
  std::string classed;
  for (const auto& p : arr(node, "props")) {
    if (!p.is_object() || str(p, "name") != name || p.contains("ns")) continue;
    if (!p.contains("class")) return str(p, "value");
    if (classed.empty()) classed = str(p, "value");
  }
  return classed;
}
std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
bool is_objective(const json& part) {
  std::string n = str(part, "name");
  return n == "objective" || n == "assessment-objective";
}

// Reads a catalog that was not written by Anzen.
class ForeignReader {
 public:
  ForeignReader(const std::string& file, std::vector<Defect>& defects)
      : file_(file), defects_(defects) {}

  void collect_params(const json& node) {
    params_.add(arr(node, "params"));
    for (const auto& g : arr(node, "groups")) collect_params(g);
    for (const auto& c : arr(node, "controls")) collect_params(c);
  }

  void read(const json& cat) {
    collect_params(cat);
    int k = 0;
    for (const auto& g : arr(cat, "groups"))
      group(g, "", "catalog.groups[" + std::to_string(k++) + "]");
    k = 0;
    for (const auto& c : arr(cat, "controls"))
      control(c, "", "catalog.controls[" + std::to_string(k++) + "]");
  }

  json items = json::array();
  int rows = 0;
  bool has_groups = false;

 private:
  void bad(const std::string& path, const std::string& msg) {
    defects_.push_back({file_, 0, path, msg});
  }

  json both(const std::string& prose) const {
    return {{"ja", params_.render(prose, "ja")}, {"en", params_.render(prose, "en")}};
  }

  bool new_id(const std::string& id, const std::string& path) {
    if (ids_.insert(id).second) return true;
    bad(path + ".id", "duplicate id '" + id + "'");
    return false;
  }

  void group(const json& g, const std::string& parent, const std::string& path) {
    if (!g.is_object()) return bad(path, "expected a group object");
    has_groups = true;
    std::string gid = str(g, "id");
    if (gid.empty()) gid = "group-" + std::to_string(++groups_);
    if (!new_id(gid, path)) return;
    std::string title = str(g, "title");
    if (title.empty()) bad(path + ".title", "missing title");
    std::string label = prop_value(g, "label");
    json it = {{"id", gid},
               {"kind", parent.empty() ? "chapter" : "group"},
               {"label", label.empty() ? upper(gid) : label},
               {"title", both(title.empty() ? gid : title)}};
    if (!parent.empty()) it["parent"] = parent;
    items.push_back(std::move(it));
    int k = 0;
    for (const auto& sub : arr(g, "groups"))
      group(sub, gid, path + ".groups[" + std::to_string(k++) + "]");
    k = 0;
    for (const auto& c : arr(g, "controls"))
      control(c, gid, path + ".controls[" + std::to_string(k++) + "]");
  }

  // The statement with its labels (a., 1., (a)) and nesting, one line per part.
  void statement_lines(const json& part, int depth, std::string& out) const {
    std::string label = prop_value(part, "label"), prose = str(part, "prose");
    std::string line = label.empty() ? prose : prose.empty() ? label : label + " " + prose;
    if (!line.empty())
      out += (out.empty() ? "" : "\n") +
             std::string(static_cast<size_t>(std::max(0, depth - 1)) * 2, ' ') + line;
    for (const auto& sub : arr(part, "parts")) {
      if (str(sub, "name") == "item") statement_lines(sub, depth + 1, out);
    }
  }

  // Questions from the leaves of a part tree (objectives, else statement items): the leaf's id,
  // its text preceded by the prose of the parts above it ("Determine if the organization: …").
  void leaves(const json& part, bool objectives, const std::string& lead, const std::string& cid,
              json& qs) {
    std::string prose = str(part, "prose");
    std::vector<const json*> subs;
    for (const auto& sub : arr(part, "parts")) {
      if (objectives ? is_objective(sub) : str(sub, "name") == "item") subs.push_back(&sub);
    }
    if (prose.empty() && subs.empty())
      prose = prop_value(part, "label");  // a leaf says at least its label
    std::string text = lead.empty() ? prose : prose.empty() ? lead : lead + " " + prose;
    if (subs.empty()) {
      std::string qid = str(part, "id");
      if (qid.empty()) qid = cid + "_q" + std::to_string(qs.size() + 1);
      if (!qids_.insert(qid).second)
        return bad("control " + cid, "duplicate objective id '" + qid + "'");
      if (!text.empty()) qs.push_back({{"id", qid}, {"text", both(text)}});
      return;
    }
    for (const json* sub : subs) leaves(*sub, objectives, text, cid, qs);
  }

  void control(const json& c, const std::string& parent, const std::string& path) {
    if (!c.is_object()) return bad(path, "expected a control object");
    std::string cid = str(c, "id");
    if (cid.empty()) return bad(path + ".id", "a control needs an id");
    if (!new_id(cid, path)) return;
    std::string title = str(c, "title");
    if (title.empty()) bad(path + ".title", "missing title");
    std::string label = prop_value(c, "label");
    bool withdrawn = lower(prop_value(c, "status")) == "withdrawn";
    json it = {{"id", cid},
               {"kind", withdrawn ? "withdrawn" : "check"},
               {"label", label.empty() ? upper(cid) : label},
               {"title", both(title.empty() ? cid : title)}};
    if (!parent.empty()) it["parent"] = parent;
    const json* statement = nullptr;
    std::vector<const json*> objectives;
    for (const auto& p : arr(c, "parts")) {
      if (str(p, "name") == "statement" && !statement) statement = &p;
      if (is_objective(p)) objectives.push_back(&p);
    }
    std::string text;
    if (statement) statement_lines(*statement, 0, text);
    if (withdrawn) {
      std::string to;
      for (const auto& l : arr(c, "links")) {
        std::string rel = str(l, "rel"), href = str(l, "href");
        if ((rel == "incorporated-into" || rel == "moved-to") && href.size() > 1)
          to += (to.empty() ? "" : ", ") + upper(href.substr(1));
      }
      std::string en = "Withdrawn" +
                       (to.empty() ? std::string(".") : ": incorporated into " + to + "."),
                  ja = "取り下げ済み（評価対象外）" +
                       (to.empty() ? std::string() : "。統合先: " + to);
      it["text"] = {{"ja", ja + (text.empty() ? "" : "\n" + text)},
                    {"en", en + (text.empty() ? "" : "\n" + text)}};
    } else if (!text.empty()) {
      it["text"] = both(text);
    }
    if (!withdrawn) {
      it["row"] = ++rows;
      it["recommendation"] = {{"operator", "recommended"}, {"maker", "recommended"}};
      json qs = json::array();
      for (const json* o : objectives) leaves(*o, true, "", cid, qs);
      if (qs.empty() && statement) leaves(*statement, false, "", cid, qs);
      if (qs.empty()) {
        qs.push_back({{"id", cid + "_q1"},
                      {"text",
                       {{"ja", "「" + title + "」を実施しているか"},
                        {"en", "Is \"" + title + "\" implemented?"}}}});
      }
      it["questions"] = std::move(qs);
    }
    // The OSCAL fields as they were, for a faithful re-export.
    json keep = json::object();
    for (const char* k : {"class", "params", "props", "links", "parts"}) {
      if (c.contains(k)) keep[k] = c[k];
    }
    it["oscal"] = keep.dump();
    items.push_back(std::move(it));
    int k = 0;
    for (const auto& sub : arr(c, "controls"))
      control(sub, cid, path + ".controls[" + std::to_string(k++) + "]");
  }

  const std::string& file_;
  std::vector<Defect>& defects_;
  OscalParams params_;
  std::set<std::string> ids_, qids_;
  int groups_ = 0;
};
}  // namespace

FrameworkFiles oscal_catalog_to_files(const json& doc, const std::string& file,
                                      const std::string& id) {
  if (!doc.is_object() || !doc.contains("catalog") || !doc["catalog"].is_object()) {
    std::string what =
        doc.is_object() && doc.contains("profile")
            ? " (this is a profile: it is resolved against its catalog by `anzen catalog import`)"
            : "";
    throw CatalogError({{file, 0, "catalog",
                         "not an OSCAL catalog: expected a top-level \"catalog\" object" + what}});
  }
  const json& cat = doc["catalog"];
  if (is_anzen_export(cat)) return anzen_catalog_to_files(cat, file, id);
  std::vector<Defect> defects;
  auto bad = [&](const std::string& path, const std::string& msg) {
    defects.push_back({file, 0, path, msg});
  };
  static const json kNoMeta = json::object();
  const json& meta =
      cat.contains("metadata") && cat["metadata"].is_object() ? cat["metadata"] : kNoMeta;
  std::string title = str(meta, "title");
  if (title.empty()) bad("catalog.metadata.title", "missing title");
  std::string version = str(meta, "version");
  if (version.empty()) bad("catalog.metadata.version", "missing version");
  std::string date = str(meta, "published");
  if (date.empty()) date = str(meta, "last-modified");
  if (date.size() < 10) bad("catalog.metadata.last-modified", "missing date");
  std::string publisher = "—";
  for (const auto& p : arr(meta, "parties")) {
    if (!str(p, "name").empty()) {
      publisher = str(p, "name");
      break;
    }
  }
  ForeignReader r(file, defects);
  r.read(cat);
  if (r.rows == 0 && defects.empty()) bad("catalog", "no controls to assess");
  if (!defects.empty()) throw CatalogError(defects);
  std::string d = date.substr(0, 10);
  std::string name = std::filesystem::path(file).filename().string();
  json kinds =
      r.has_groups ? json{"chapter", "group", "check", "withdrawn"} : json{"check", "withdrawn"};
  json fw = {{"id", id},
             {"version", version},
             {"title", {{"ja", title}, {"en", title}}},
             {"publisher", {{"ja", publisher}, {"en", publisher}}},
             {"date", d},
             {"effective_from", d},
             {"source", {{"document", name}}},
             {"imported_from", name},
             {"kinds", kinds},
             {"answer_scale", "compliance"},
             {"reference",
              {{"oscal_uuid", str(cat, "uuid")}, {"oscal_version", str(meta, "oscal-version")}}}};
  // JSON is YAML: the loader reads these texts as it reads the shipped YAML files.
  return {{id + "/framework.yaml", fw.dump(2)},
          {{id + "/items.yaml", json{{"items", r.items}}.dump(1)}}};
}

}  // namespace anzen::catalog
