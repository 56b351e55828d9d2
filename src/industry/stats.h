// Descriptive statistics of a benchmark cell (pure). Methods, as documented in docs/industry.md:
// - quartiles and median: linear interpolation between closest ranks on the sorted values,
//   h = (n − 1)·p (Hyndman & Fan type 7; R's default, Excel's QUARTILE.INC);
// - standard deviation: population (divide by n): the submitters are the whole population
//   being described, and 偏差値 is conventionally taken against it;
// - 偏差値 = 50 + 10·(x − mean)/sd (50 when sd is 0).
// Minima and maxima are never computed for publication.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace anzen::industry {

struct Summary {
  int count = 0;
  double mean = 0, sd = 0, q1 = 0, median = 0, q3 = 0;
};

// Reorders `values`. count 0 gives an all-zero summary.
Summary summarise(std::vector<double>& values);
double quantile_sorted(const std::vector<double>& sorted, double p);
double deviation_score(double x, double mean, double sd);

// Where a value lies against a cell's quartiles: "below_q1" | "q1_median" | "median_q3" |
// "above_q3".
std::string quartile_band(double x, const Summary& s);
std::string quartile_band_label(std::string_view band, std::string_view lang);

}  // namespace anzen::industry
