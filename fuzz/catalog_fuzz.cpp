// libFuzzer target: any item file is either accepted or rejected with defects; never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include <yaml-cpp/yaml.h>

#include "catalog/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string fw = R"(id: fz
version: "1"
title: {ja: ファズ, en: Fuzz}
publisher: {ja: 発行者, en: Publisher}
effective_from: 2024-04-01
kinds: [chapter, item, check]
)";
  std::string items(reinterpret_cast<const char*>(data), size);
  try {
    anzen::catalog::build_catalog({{{"fz/framework.yaml", fw}, {{"fz/items.yaml", items}}}}, {});
  } catch (const anzen::catalog::CatalogError&) {
  } catch (const YAML::Exception&) {
    // yaml-cpp conversions of odd scalars surface as exceptions, which the CLI reports.
  }
  return 0;
}
