#include "risk/matrix.h"

#include <map>
#include <stdexcept>

namespace anzen::risk {

void Matrix::validate() const {
  if (likelihoods < 2 || likelihoods > 10 || impacts < 2 || impacts > 10) throw std::invalid_argument("matrix: sizes must be 2-10");
  if (static_cast<int>(likelihood_labels.size()) != likelihoods) throw std::invalid_argument("matrix: one likelihood label per row");
  if (static_cast<int>(impact_labels.size()) != impacts) throw std::invalid_argument("matrix: one impact label per column");
  if (levels.empty() || levels.front().min_score != 1) throw std::invalid_argument("matrix: the first level must start at score 1");
  for (size_t i = 1; i < levels.size(); ++i) {
    if (levels[i].min_score <= levels[i - 1].min_score) throw std::invalid_argument("matrix: level thresholds must ascend");
  }
  for (const auto& l : levels) {
    if (l.name.ja.empty() || l.name.en.empty()) throw std::invalid_argument("matrix: level '" + l.id + "' needs ja and en names");
  }
}

const Level& Matrix::level(int l, int i) const {
  if (l < 1 || l > likelihoods) throw std::invalid_argument("likelihood: expected 1-" + std::to_string(likelihoods));
  if (i < 1 || i > impacts) throw std::invalid_argument("impact: expected 1-" + std::to_string(impacts));
  int score = l * i;
  const Level* best = &levels.front();
  for (const auto& lv : levels) if (score >= lv.min_score) best = &lv;
  return *best;
}

Matrix Matrix::default_5x5() {
  Matrix m;
  m.likelihood_labels = {{"ほとんどない", "rare"}, {"起こりにくい", "unlikely"}, {"起こりうる", "possible"}, {"起こりやすい", "likely"}, {"ほぼ確実", "almost certain"}};
  m.impact_labels = {{"軽微", "negligible"}, {"小", "minor"}, {"中", "moderate"}, {"大", "major"}, {"甚大", "severe"}};
  m.levels = {{"low", {"低", "low"}, "#1a7f37", 1}, {"medium", {"中", "medium"}, "#bf8700", 5},
              {"high", {"高", "high"}, "#d1242f", 10}, {"critical", {"極めて高い", "critical"}, "#82071e", 17}};
  return m;
}

std::string heat_map_svg(const Matrix& m, const std::vector<std::pair<int, int>>& positions, const std::string& lang) {
  std::map<std::pair<int, int>, int> count;
  for (const auto& p : positions) ++count[p];
  const int cell = 56, left = 110, top = 10;
  int w = left + cell * m.impacts + 10, h = top + cell * m.likelihoods + 60;
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) +
                  "\" width=\"100%\"><title>" + std::string(lang == "en" ? "Risk heat map" : "リスクヒートマップ") + "</title>";
  for (int l = m.likelihoods; l >= 1; --l) {
    int y = top + (m.likelihoods - l) * cell;
    s += "<text x=\"0\" y=\"" + std::to_string(y + cell / 2 + 4) + "\" font-size=\"11\">" + m.likelihood_labels[static_cast<size_t>(l - 1)].in(lang) + "</text>";
    for (int i = 1; i <= m.impacts; ++i) {
      int x = left + (i - 1) * cell;
      const Level& lv = m.level(l, i);
      int n = count.count({l, i}) ? count[{l, i}] : 0;
      s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(cell - 2) + "\" height=\"" +
           std::to_string(cell - 2) + "\" fill=\"" + lv.colour + "\" fill-opacity=\"" + (n ? "0.95" : "0.35") + "\"><title>" + lv.name.in(lang) + ": " +
           std::to_string(n) + "</title></rect>";
      if (n) s += "<text x=\"" + std::to_string(x + cell / 2 - 6) + "\" y=\"" + std::to_string(y + cell / 2 + 6) + "\" font-size=\"18\" fill=\"#fff\">" + std::to_string(n) + "</text>";
    }
  }
  for (int i = 1; i <= m.impacts; ++i) {
    s += "<text x=\"" + std::to_string(left + (i - 1) * cell) + "\" y=\"" + std::to_string(top + cell * m.likelihoods + 16) + "\" font-size=\"11\">" +
         m.impact_labels[static_cast<size_t>(i - 1)].in(lang) + "</text>";
  }
  return s + "</svg>";
}

}  // namespace anzen::risk
