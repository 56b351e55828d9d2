// Test helper: a framework of the shipped catalog by id, or an exception naming it.
#pragma once
#include <stdexcept>
#include <string>

#include "testing/catalogs.h"

namespace anzen::testing {

inline const catalog::Framework& shipped_framework(const std::string& id) {
  const catalog::Framework* fw = tree_catalog().find(id);
  if (!fw) throw std::runtime_error(id + " not in the shipped catalog");
  return *fw;
}

}  // namespace anzen::testing
