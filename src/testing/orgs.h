#pragma once
#include <string>

#include "assess/repo.h"

namespace anzen::web {
inline int64_t testing_create_org(store::Db& db, const std::string& name) {
  assess::AssessRepo repo(db, "test");
  return repo.create_org({0, name, "operator_registered", {"voice_emergency"}, 100000, {"東京都"}}).id;
}
}  // namespace anzen::web
