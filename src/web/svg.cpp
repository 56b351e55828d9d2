#include "web/svg.h"

#include <algorithm>
#include <cmath>

#include "common/text.h"
#include "web/html.h"

namespace anzen::web {

namespace {
std::string pct(double v) { return std::to_string(static_cast<int>(std::lround(v * 100))) + "%"; }
std::string colour(double v) { return v >= 0.8 ? "#1a7f37" : v >= 0.5 ? "#bf8700" : "#cf222e"; }
std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}
}  // namespace

std::string bar_chart_svg(const std::string& title, const std::vector<Bar>& bars, int width) {
  const int row = 26, label_w = 230, pad = 8;
  int height = static_cast<int>(bars.size()) * row + pad * 2;
  double bar_w = width - label_w - 60;
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(width) + " " +
                  std::to_string(height) + "\" width=\"100%\" aria-labelledby=\"t" + std::to_string(std::hash<std::string>{}(title) % 100000) +
                  "\"><title id=\"t" + std::to_string(std::hash<std::string>{}(title) % 100000) + "\">" + esc(title) + "</title>";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    double v = std::clamp(b.value, 0.0, 1.0);
    int y = pad + static_cast<int>(i) * row;
    // Long Japanese chapter titles would run into the bar; the tooltip keeps the full text.
    // Width budget: a CJK character counts two units, Latin one.
    std::u32string cps = text::decode(b.label), cut;
    int units = 0;
    bool truncated = false;
    for (char32_t ch : cps) {
      int w = ch >= 0x2E80 ? 2 : 1;
      if (units + w > 30) {
        truncated = true;
        break;
      }
      units += w;
      cut.push_back(ch);
    }
    std::string label = truncated ? text::encode(cut) + "…" : b.label;
    s += "<g><title>" + esc(b.label + ": " + pct(v) + (b.detail.empty() ? "" : " (" + b.detail + ")")) + "</title>";
    s += "<text x=\"0\" y=\"" + std::to_string(y + 17) + "\" font-size=\"13\" fill=\"#1b1f24\">" + esc(label) + "</text>";
    s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" + num(bar_w) +
         "\" height=\"16\" fill=\"#eaeef2\"/>";
    s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" + num(bar_w * v) +
         "\" height=\"16\" fill=\"" + colour(v) + "\"/>";
    s += "<text x=\"" + num(label_w + bar_w + 6) + "\" y=\"" + std::to_string(y + 17) +
         "\" font-size=\"13\" fill=\"#1b1f24\">" + pct(v) + "</text></g>";
  }
  return s + "</svg>";
}

std::string trend_svg(const std::string& title, const std::vector<Point>& pts, int width, int height) {
  const int left = 40, bottom = 24, top = 10, right = 20;
  double w = width - left - right, h = height - top - bottom;
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(width) + " " +
                  std::to_string(height) + "\" width=\"100%\"><title>" + esc(title) + "</title>";
  for (int g = 0; g <= 4; ++g) {
    double y = top + h - h * g / 4.0;
    s += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + num(left + w) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
         "\" stroke=\"#d0d7de\"/><text x=\"0\" y=\"" + num(y + 4) + "\" font-size=\"11\" fill=\"#57606a\">" +
         std::to_string(g * 25) + "%</text>";
  }
  std::string path;
  for (size_t i = 0; i < pts.size(); ++i) {
    double x = left + (pts.size() == 1 ? w / 2 : w * static_cast<double>(i) / static_cast<double>(pts.size() - 1));
    double y = top + h - h * std::clamp(pts[i].value, 0.0, 1.0);
    path += (i ? " L" : "M") + num(x) + " " + num(y);
    s += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"#0b5cad\"><title>" +
         esc(pts[i].label + ": " + pct(pts[i].value)) + "</title></circle><text x=\"" + num(x - 20) + "\" y=\"" +
         std::to_string(height - 6) + "\" font-size=\"11\" fill=\"#57606a\">" + esc(pts[i].label) + "</text>";
  }
  if (pts.size() > 1) s += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\"/>";
  return s + "</svg>";
}

std::string box_plot_svg(const std::string& title, const std::vector<BoxRow>& rows, std::optional<double> own,
                         const std::string& own_label, int width) {
  const int row = 26, label_w = 200, pad = 8, axis = 16;
  int height = static_cast<int>(rows.size()) * row + pad * 2 + axis;
  double w = width - label_w - 20;
  auto x = [&](double v) { return num(label_w + w * std::clamp(v, 0.0, 1.0)); };
  std::string id = "b" + std::to_string(std::hash<std::string>{}(title) % 100000);
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                  "\" width=\"100%\" aria-labelledby=\"" + id + "\"><title id=\"" + id + "\">" + esc(title) + "</title>";
  for (int t = 0; t <= 4; ++t) {
    std::string xt = x(t / 4.0);
    s += "<line x1=\"" + xt + "\" y1=\"" + std::to_string(pad) + "\" x2=\"" + xt + "\" y2=\"" + std::to_string(height - axis) + "\" stroke=\"#d0d7de\"/>";
    s += "<text x=\"" + xt + "\" y=\"" + std::to_string(height - 3) + "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">" +
         std::to_string(t * 25) + "%</text>";
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    int y = pad + static_cast<int>(i) * row;
    s += "<g><title>" + esc(r.label + ": " + r.detail) + "</title><text x=\"0\" y=\"" + std::to_string(y + 17) +
         "\" font-size=\"13\" fill=\"#1b1f24\">" + esc(r.label) + "</text>";
    s += "<rect x=\"" + x(r.q1) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" + num(std::max(1.0, w * (r.q3 - r.q1))) +
         "\" height=\"16\" fill=\"#9ecae1\" stroke=\"#0b3d91\"/>";
    s += "<line x1=\"" + x(r.median) + "\" y1=\"" + std::to_string(y + 2) + "\" x2=\"" + x(r.median) + "\" y2=\"" + std::to_string(y + 22) +
         "\" stroke=\"#0b3d91\" stroke-width=\"3\"/></g>";
  }
  if (own) {
    std::string xo = x(*own);
    s += "<g class=\"own\"><title>" + esc(own_label + ": " + pct(*own)) + "</title><line x1=\"" + xo + "\" y1=\"" + std::to_string(pad - 4) + "\" x2=\"" +
         xo + "\" y2=\"" + std::to_string(height - axis) + "\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>";
    for (size_t i = 0; i < rows.size(); ++i) {
      int y = pad + static_cast<int>(i) * row + 14;
      s += "<path d=\"M" + xo + " " + std::to_string(y - 6) + " l6 6 l-6 6 l-6 -6 z\" fill=\"#cf222e\"/>";
    }
    s += "</g>";
  }
  return s + "</svg>";
}

}  // namespace anzen::web
