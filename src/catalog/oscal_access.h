// Reading members of OSCAL JSON without copying (json::value() copies a whole subtree, which
// made nested input quadratic) and without trusting types.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace anzen::catalog::oscal {

inline const nlohmann::json& arr(const nlohmann::json& node, const char* key) {
  static const nlohmann::json empty = nlohmann::json::array();
  if (!node.is_object()) return empty;
  auto it = node.find(key);
  return it != node.end() && it->is_array() ? *it : empty;
}
// The string as written (empty when absent or not a string).
inline std::string raw(const nlohmann::json& node, const char* key) {
  if (!node.is_object()) return {};
  auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}
inline std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}
// The string without surrounding white space.
inline std::string str(const nlohmann::json& node, const char* key) { return trim(raw(node, key)); }

}  // namespace anzen::catalog::oscal
