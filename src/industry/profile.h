// The organisation profile a benchmark submission carries: size band by number of users.
// The bands are data (one table, with ja/en labels); role and service categories come from
// the organisation itself (assess::Organization kind and services).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace anzen::industry {

struct SizeBand {
  std::string id;
  std::string ja;
  std::string en;
  int64_t min_users;                 // inclusive
  std::optional<int64_t> max_users;  // exclusive; none for the top band
};

// <1万, 1万–10万, 10万–100万, ≥100万 (users of the organisation's services).
const std::vector<SizeBand>& size_bands();
const SizeBand* size_band(std::string_view id);
// The band a number of users falls into.
const SizeBand& size_band_of(int64_t users);

// operator_registered and operator_notified report as operators; makers as makers.
std::string role_of_kind(std::string_view kind);
// Japanese and English labels of roles and service categories (the vocabulary of the web UI).
std::string role_label(std::string_view role, std::string_view lang);
std::string service_label(std::string_view service, std::string_view lang);
const std::vector<std::string>& service_categories();

}  // namespace anzen::industry
