// A small document writer over libharu: A4 pages with an embedded Japanese font (IPAex
// Gothic), a top-down cursor, wrapped paragraphs, tables that break across pages, and the
// charts the reports need. Text is UTF-8 throughout.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "risk/matrix.h"

namespace anzen::report {

// The TrueType font with Japanese glyphs: $ANZEN_PDF_FONT, else the Debian IPAex Gothic
// package's file. Throws std::runtime_error naming the places tried.
std::string japanese_font_path();

class Pdf {
 public:
  explicit Pdf(const std::string& title);
  ~Pdf();
  Pdf(const Pdf&) = delete;
  Pdf& operator=(const Pdf&) = delete;

  void new_page();
  // `keep` points of what follows stay on the same page as the heading.
  void heading(const std::string& text, float size = 15, float keep = 60);
  void paragraph(const std::string& text, float size = 9.5f, float indent = 0, const std::string& colour = "#000000");
  void space(float pt);
  // Columns get the given widths in points (their sum should be the text width, 515).
  void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows, const std::vector<float>& widths,
             float size = 8);
  // Horizontal bars of values 0..1 with their labels and percentages.
  void bars(const std::vector<std::pair<std::string, std::optional<double>>>& bars);
  void heat_map(const risk::Matrix& m, const std::vector<std::pair<int, int>>& positions, const std::string& lang);
  void line_chart(const std::vector<std::pair<std::string, std::optional<double>>>& points);
  // Horizontal box plots on a shared 0–100% axis: a box from Q1 to Q3 with the median, and a
  // whisker to the mean ± one standard deviation (minima and maxima are never drawn: the
  // industry benchmark does not publish them). A box without figures prints `missing`.
  struct Box {
    std::string label;
    std::optional<double> q1, median, q3, mean, sd;
    std::string note;  // printed after the box (e.g. "n=120")
  };
  void box_plots(const std::vector<Box>& boxes, const std::string& missing);
  // The big number of a report's first page.
  void figure(const std::string& value, const std::string& caption);

  int pages() const { return pages_; }
  std::string bytes();
  void save(const std::string& path);  // atomically

 private:
  struct Impl;
  std::unique_ptr<Impl> p_;
  int pages_ = 0;
  void need(float height);  // starts a new page when less than `height` is left
  std::vector<std::string> wrap(const std::string& text, float width, float size);
  std::string fit(const std::string& text, float width, float size);  // one line, "…" when cut
};

}  // namespace anzen::report
