#include "industry/profile.h"

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
  if (users < 0) throw std::invalid_argument("users: must not be negative");
  for (const auto& b : size_bands()) {
    if (users >= b.min_users && (!b.max_users || users < *b.max_users)) return b;
  }
  return size_bands().back();
}

std::string role_of_kind(std::string_view kind) { return kind == "maker" ? "maker" : "operator"; }

std::string role_label(std::string_view role, std::string_view lang) {
  bool en = lang == "en";
  if (role == "operator") return en ? "Operators" : "電気通信事業者";
  if (role == "maker") return en ? "Equipment makers" : "機器ベンダー";
  return std::string(role);
}

namespace {
struct ServiceName {
  const char* id;
  const char* ja;
  const char* en;
};
// The service categories of assess::valid_service, with the names of the telecom rules.
constexpr ServiceName kServices[] = {
    {"voice_emergency", "緊急通報を扱う音声伝送役務", "Voice with emergency calls"},
    {"voice_no_emergency", "緊急通報を扱わない音声伝送役務", "Voice without emergency calls"},
    {"mobile", "携帯電話・移動通信", "Mobile"},
    {"lpwa", "LPWA サービス", "LPWA"},
    {"isp_data", "インターネット接続・データ伝送役務", "Internet access and data"},
    {"free_internet", "利用者から料金を徴収しないインターネット接続役務", "Free internet access"},
    {"cloud", "クラウドサービス", "Cloud"},
};
}  // namespace

const std::vector<std::string>& service_categories() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const auto& s : kServices) v.emplace_back(s.id);
    return v;
  }();
  return ids;
}

std::string service_label(std::string_view service, std::string_view lang) {
  for (const auto& s : kServices) {
    if (service == s.id) return lang == "en" ? s.en : s.ja;
  }
  return std::string(service);
}

}  // namespace anzen::industry
