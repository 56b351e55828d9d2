// Test helper: a framework of the shipped catalog by id, or an exception naming it.
#pragma once
#include <stdexcept>
#include <string>

#include "catalog/catalog_dir.h"

namespace anzen::testing {

inline const catalog::Framework& shipped_framework(const std::string& id) {
  const catalog::Framework* fw = catalog::shipped_catalog().find(id);
  if (!fw) throw std::runtime_error(id + " not in the shipped catalog");
  return *fw;
}

}  // namespace anzen::testing
