#include "common/json_yaml.h"

#include <regex>

namespace anzen {

nlohmann::json yaml_to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json j = nlohmann::json::object();
      for (const auto& kv : n) j[kv.first.as<std::string>()] = yaml_to_json(kv.second);
      return j;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& v : n) j.push_back(yaml_to_json(v));
      return j;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return s;  // quoted
      static const std::regex kInt("^-?[0-9]+$");
      static const std::regex kNum("^-?[0-9]+\\.[0-9]+$");
      if (std::regex_match(s, kInt) && s.size() < 18) return std::stoll(s);
      if (std::regex_match(s, kNum)) return std::stod(s);
      if (s == "true") return true;
      if (s == "false") return false;
      return s;
    }
    default:
      return nullptr;
  }
}

std::string fmt_list(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += ", ";
    s += v[i];
  }
  return s;
}

}  // namespace anzen
