#include "industry/profile.h"

#include "assess/model.h"
#include "common/invalid.h"
#include "common/vocabulary.h"

#include <stdexcept>

namespace anzen::industry {

const std::vector<SizeBand>& size_bands() {
  // Bands by number of users (issue #18): the boundaries are the orders of magnitude the
  // ministry's own figures use (1万, 10万, 100万 users).
  static const std::vector<SizeBand> bands = {
      {"lt10k", "1万未満", "fewer than 10,000", 0, 10000},
      {"10k_100k", "1万以上10万未満", "10,000 to 99,999", 10000, 100000},
      {"100k_1m", "10万以上100万未満", "100,000 to 999,999", 100000, 1000000},
      {"ge1m", "100万以上", "1,000,000 or more", 1000000, std::nullopt},
  };
  return bands;
}

const SizeBand* size_band(std::string_view id) {
  for (const auto& b : size_bands()) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

const SizeBand& size_band_of(int64_t users) {
  if (users < 0)
    throw Invalid("users", "利用者数は 0 以上の整数で入力してください。",
                  "Enter the users as a whole number of 0 or more.", "out_of_range",
                  "users: must not be negative");
  for (const auto& b : size_bands()) {
    if (users >= b.min_users && (!b.max_users || users < *b.max_users)) return b;
  }
  return size_bands().back();
}

std::string role_of_kind(std::string_view kind) { return kind == "maker" ? "maker" : "operator"; }

std::string role_label(std::string_view role, std::string_view lang) {
  return vocab::label_or_code("industryrole", role, lang);
}

// The service categories of assess::valid_service, in the vocabulary's order ("other" is not a
// category a profile can declare).
const std::vector<std::string>& service_categories() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const auto& s : vocab::codes("service")) {
      if (assess::valid_service(s)) v.push_back(s);
    }
    return v;
  }();
  return ids;
}

std::string service_label(std::string_view service, std::string_view lang) {
  return vocab::label_or_code("service", service, lang);
}

}  // namespace anzen::industry
