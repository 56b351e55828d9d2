// libFuzzer target: any bytes given to `anzen catalog import` (an OSCAL catalog or a profile)
// are imported or refused with defects naming the JSON path; never a crash, never unbounded.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "catalog/loader.h"
#include "catalog/oscal_import.h"
#include "catalog/oscal_json.h"
#include "catalog/oscal_profile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace anzen::catalog;
  static const nlohmann::json catalog = nlohmann::json::parse(R"({"catalog": {"uuid": "u",
    "metadata": {"title": "t", "version": "1", "last-modified": "2024-01-01T00:00:00Z"},
    "groups": [{"id": "g", "title": "G", "controls": [
      {"id": "a-1", "title": "A", "params": [{"id": "p", "label": "l"}],
       "parts": [{"id": "a-1_smt", "name": "statement", "prose": "x {{ insert: param, p }}"}],
       "controls": [{"id": "a-1.1", "title": "A1"}]}]}]}})");
  std::string text(reinterpret_cast<const char*>(data), size);
  OscalLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_controls = 2'000;
  try {
    nlohmann::json doc = parse_oscal_json(text, "fuzz.json", limits);
    if (doc.is_object() && doc.contains("profile")) {
      profile_import_hrefs(doc, "fuzz.json");
      doc = resolve_profile(doc, "fuzz.json",
                            [&](size_t) -> const nlohmann::json& { return catalog; });
    }
    auto files = oscal_catalog_to_files(doc, "fuzz.json", "fz");
    build_catalog({files}, {});
  } catch (const CatalogError&) {
  } catch (const YAML::Exception&) {
    // odd scalars surface as yaml-cpp exceptions, which the CLI reports
  }
  return 0;
}
