#include "ops/congestion_links.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <stdexcept>

#include "common/invalid.h"
#include "common/vocabulary.h"

namespace anzen::ops {

namespace {
std::string field(const YAML::Node& root, const char* section, const char* key,
                  const std::string& file) {
  YAML::Node n = root[section] ? root[section][key] : YAML::Node();
  if (!n || !n.IsScalar() || n.as<std::string>().empty())
    throw Invalid(std::string(section) + "." + key,
                  file + " の " + section + "." + key + " に値を指定してください。",
                  file + ": give " + section + "." + key + " a value.", "required",
                  file + ": " + section + "." + key + ": expected a value");
  return n.as<std::string>();
}

const catalog::Framework& framework(const catalog::Catalog& cat, const std::string& id,
                                    const std::string& file, const char* where) {
  const catalog::Framework* fw = cat.find(id);
  if (!fw)
    throw Invalid(
        where, file + " の " + where + " に指定された安全基準 " + id + " は読み込まれていません。",
        file + ": " + where + " names framework " + id + ", which is not loaded.", "not_found",
        file + ": " + where + ": no framework '" + id + "'");
  return *fw;
}

CatalogLink link_of(const catalog::Framework& fw, const catalog::Item& it) {
  return {fw.id, it.id, it.label, it.title};
}
}  // namespace

CongestionLinks congestion_links(const catalog::Catalog& cat, const std::string& yaml_text,
                                 const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    std::string line = std::to_string(e.mark.line + 1);
    throw Invalid("", file + " の " + line + " 行目が YAML として読めません（" + e.msg + "）。",
                  file + ", line " + line + ": not valid YAML (" + e.msg + ").", "invalid",
                  file + ":" + line + ": " + e.what());
  }
  CongestionLinks out;
  const auto& mfw =
      framework(cat, field(root, "measures", "framework", file), file, "measures.framework");
  std::string attribute = field(root, "measures", "attribute", file);
  out.measures_title = mfw.title;
  for (const auto& it : mfw.items) {
    auto a = it.attributes.find(attribute);
    if (a != it.attributes.end() && a->second == "true") out.measures.push_back(link_of(mfw, it));
  }
  if (out.measures.empty())
    throw Invalid(
        "measures.attribute",
        file + " の measures.attribute（" + attribute + "）が true の項目が、安全基準 " + mfw.id +
            " にありません。",
        file + ": no item of " + mfw.id + " has " + attribute + ": 'true'.", "not_found",
        file + ": measures.attribute: no item of " + mfw.id + " has " + attribute + ": 'true'");
  const auto& tfw =
      framework(cat, field(root, "threat", "framework", file), file, "threat.framework");
  std::string tag = field(root, "threat", "tag", file);
  const auto& tags = catalog::threat_tags();
  if (std::find(tags.begin(), tags.end(), tag) == tags.end())
    throw Invalid("threat.tag",
                  file + " の threat.tag（" + tag + "）は脅威の区分にありません（" +
                      vocab::labels("threat", tags, "ja") + "）。",
                  file + ": threat.tag " + tag + " is not a threat (" +
                      vocab::labels("threat", tags, "en") + ").",
                  "not_in_list", file + ": threat.tag: no threat '" + tag + "'");
  out.threat_framework = tfw.id;
  out.threat = catalog::threat_label(tag);
  for (const auto* it : tfw.checks())
    if (std::find(it->threats.begin(), it->threats.end(), tag) != it->threats.end())
      out.threat_checks.push_back(link_of(tfw, *it));
  return out;
}

}  // namespace anzen::ops
