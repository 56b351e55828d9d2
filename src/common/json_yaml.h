// Small conversions shared by the YAML data loaders.
#pragma once
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace anzen {

// Converts a YAML node to JSON; scalars become strings unless they read as an integer,
// a number or a boolean written in plain style.
nlohmann::json yaml_to_json(const YAML::Node& n);

std::string fmt_list(const std::vector<std::string>& v);

}  // namespace anzen
