#include "industry/suppression.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace anzen::industry {

std::vector<bool> determined(const Table& t, const std::vector<bool>& hidden) {
  const size_t n = t.cells.size();
  std::vector<size_t> col_of(n, SIZE_MAX), cell_of;
  for (size_t i = 0; i < n; ++i) {
    if (hidden[i]) {
      col_of[i] = cell_of.size();
      cell_of.push_back(i);
    }
  }
  const size_t cols = cell_of.size();
  std::vector<bool> out(n, false);
  if (cols == 0) return out;
  // Each equation, moved to one side (total − Σ parts = 0), restricted to hidden cells: the
  // published cells are known numbers and only shift the right-hand side.
  std::vector<std::vector<double>> rows;
  for (const auto& e : t.equations) {
    std::vector<double> r(cols, 0.0);
    bool any = false;
    if (hidden[e.total]) r[col_of[e.total]] += 1, any = true;
    for (size_t p : e.parts) {
      if (hidden[p]) r[col_of[p]] -= 1, any = true;
    }
    if (any) rows.push_back(std::move(r));
  }
  // Reduced row echelon form (coefficients are small integers: a tolerance suffices).
  const double eps = 1e-9;
  size_t lead = 0;
  std::vector<size_t> pivot_col;
  for (size_t c = 0; c < cols && lead < rows.size(); ++c) {
    size_t best = lead;
    for (size_t r = lead + 1; r < rows.size(); ++r) {
      if (std::fabs(rows[r][c]) > std::fabs(rows[best][c])) best = r;
    }
    if (std::fabs(rows[best][c]) < eps) continue;
    std::swap(rows[lead], rows[best]);
    double piv = rows[lead][c];
    for (auto& x : rows[lead]) x /= piv;
    for (size_t r = 0; r < rows.size(); ++r) {
      if (r == lead || std::fabs(rows[r][c]) < eps) continue;
      double f = rows[r][c];
      for (size_t j = c; j < cols; ++j) rows[r][j] -= f * rows[lead][j];
    }
    pivot_col.push_back(c);
    ++lead;
  }
  for (size_t r = 0; r < pivot_col.size(); ++r) {
    bool unit = true;
    for (size_t j = 0; j < cols && unit; ++j) {
      if (j != pivot_col[r] && std::fabs(rows[r][j]) > eps) unit = false;
    }
    if (unit) out[cell_of[pivot_col[r]]] = true;
  }
  return out;
}

namespace {

// The published cell to withhold so that `c` is no longer determined. Candidates are the
// published cells within two equations of c, non-empty ones first, smallest first (the least
// information lost); the first whose withholding leaves c undetermined is taken, else the first
// candidate (the next round continues from there).
size_t complement_for(const Table& t, const std::vector<bool>& hidden, size_t c) {
  std::vector<int> dist(t.cells.size(), -1);
  dist[c] = 0;
  std::vector<size_t> frontier{c};
  for (int d = 1; d <= 2 && !frontier.empty(); ++d) {
    std::vector<size_t> next;
    for (const auto& e : t.equations) {
      std::vector<size_t> members = e.parts;
      members.push_back(e.total);
      bool touches = false;
      for (size_t m : members) {
        for (size_t f : frontier) touches = touches || m == f;
      }
      if (!touches) continue;
      for (size_t m : members) {
        if (dist[m] < 0) dist[m] = d, next.push_back(m);
      }
    }
    frontier = std::move(next);
  }
  std::vector<size_t> candidates;
  for (size_t i = 0; i < t.cells.size(); ++i) {
    if (dist[i] > 0 && !hidden[i]) candidates.push_back(i);
  }
  if (candidates.empty()) {
    for (size_t i = 0; i < t.cells.size(); ++i) {
      if (!hidden[i]) candidates.push_back(i);
    }
  }
  if (candidates.empty()) return SIZE_MAX;
  std::stable_sort(candidates.begin(), candidates.end(), [&](size_t x, size_t y) {
    int cx = t.cells[x].count, cy = t.cells[y].count;
    if ((cx == 0) != (cy == 0)) return cy == 0;
    return cx < cy;
  });
  for (size_t cand : candidates) {
    auto trial = hidden;
    trial[cand] = true;
    if (!determined(t, trial)[c]) return cand;
  }
  return candidates.front();
}

}  // namespace

std::vector<bool> suppress(const Table& t, int k, const std::vector<bool>& start) {
  if (k < kMinK)
    throw std::invalid_argument("k: must be at least " + std::to_string(kMinK) + ", got " +
                                std::to_string(k));
  const size_t n = t.cells.size();
  std::vector<bool> hidden(n, false);
  for (size_t i = 0; i < n; ++i) {
    hidden[i] =
        !t.cells[i].publishable || sensitive(t.cells[i].count, k) || (!start.empty() && start[i]);
  }
  for (;;) {
    auto det = determined(t, hidden);
    size_t exposed = SIZE_MAX;
    for (size_t i = 0; i < n && exposed == SIZE_MAX; ++i) {
      if (det[i] && sensitive(t.cells[i].count, k)) exposed = i;
    }
    if (exposed == SIZE_MAX) return hidden;
    size_t extra = complement_for(t, hidden, exposed);
    if (extra == SIZE_MAX)
      throw std::logic_error("suppression: no published cell left to withhold for " +
                             t.cells[exposed].key);
    hidden[extra] = true;
  }
}

}  // namespace anzen::industry
