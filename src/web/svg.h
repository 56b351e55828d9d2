// Small, dependency-free SVG charts for server-rendered pages and reports.
#pragma once
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

}  // namespace anzen::web
