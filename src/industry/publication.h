// The published benchmark as a workbook and as a Japanese PDF report with a box plot per
// chapter (the JSON is the signed original; these are renderings of its payload).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace anzen::industry {

std::string benchmark_xlsx(const nlohmann::json& payload);
std::string benchmark_pdf(const nlohmann::json& payload);
// "2026-11-30T…" -> "2026年11月30日"
std::string japanese_date(const std::string& iso);

}  // namespace anzen::industry
