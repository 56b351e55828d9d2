#include "industry/stats.h"

#include "common/vocabulary.h"

#include <algorithm>
#include <cmath>

namespace anzen::industry {

double quantile_sorted(const std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  double h = static_cast<double>(v.size() - 1) * p;
  auto lo = static_cast<size_t>(std::floor(h));
  size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

namespace {
// The same type-7 quantile by selection (linear time): the cells of 21,581 submitters are
// summarised without sorting them.
double quantile_select(std::vector<double>& v, double p) {
  double h = static_cast<double>(v.size() - 1) * p;
  auto lo = static_cast<size_t>(std::floor(h));
  auto at = v.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(v.begin(), at, v.end());
  double a = *at;
  double b = lo + 1 < v.size() ? *std::min_element(at + 1, v.end()) : a;
  return a + (h - static_cast<double>(lo)) * (b - a);
}
}  // namespace

Summary summarise(std::vector<double>& values) {
  Summary s;
  s.count = static_cast<int>(values.size());
  if (values.empty()) return s;
  double sum = 0;
  for (double x : values) sum += x;
  s.mean = sum / static_cast<double>(values.size());
  double sq = 0;
  for (double x : values) sq += (x - s.mean) * (x - s.mean);
  s.sd = std::sqrt(sq / static_cast<double>(values.size()));
  s.q1 = quantile_select(values, 0.25);
  s.median = quantile_select(values, 0.5);
  s.q3 = quantile_select(values, 0.75);
  return s;
}

double deviation_score(double x, double mean, double sd) {
  if (sd <= 0) return 50;
  return 50 + 10 * (x - mean) / sd;
}

std::string quartile_band(double x, const Summary& s) {
  if (x < s.q1) return "below_q1";
  if (x < s.median) return "q1_median";
  if (x < s.q3) return "median_q3";
  return "above_q3";
}

std::string quartile_band_label(std::string_view band, std::string_view lang) {
  return vocab::label_or_code("quartileband", band, lang);
}

}  // namespace anzen::industry
