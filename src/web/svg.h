// Small, dependency-free SVG charts for server-rendered pages and reports.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace anzen::web {

struct Bar {
  std::string label;
  double value;        // 0..1 (coverage)
  std::string detail;  // shown in the tooltip and the accessible table
};

// Horizontal bars with percentages; `title` becomes the accessible name.
std::string bar_chart_svg(const std::string& title, const std::vector<Bar>& bars, int width = 560);

struct Point {
  std::string label;
  double value;  // 0..1
};
// A line of coverage across periods.
std::string trend_svg(const std::string& title, const std::vector<Point>& points, int width = 560,
                      int height = 180);

struct BoxRow {
  std::string label;
  double q1, median, q3;  // 0..1
  std::string detail;     // tooltip
};
// Horizontal box plots (Q1–Q3 box, median line) on a 0–100% axis, with the own score drawn as a
// marker across every row; no minima or maxima (the industry benchmark never publishes them).
std::string box_plot_svg(const std::string& title, const std::vector<BoxRow>& rows, std::optional<double> own,
                         const std::string& own_label, int width = 560);

}  // namespace anzen::web
