// Statistical disclosure control for the benchmark tables (pure).
//
// The published cells are groups of submitters (the sector, each size band, role and service
// category, and their pairs). Counts, sums and sums of squares (hence means and standard
// deviations) are additive, so cells are tied by linear equations: a total equals the sum of
// the parts of a partition ("sector = Σ size bands", "size band b = Σ roles within b",
// "sector = offers service s + does not offer s", …). Cells that are never published (those
// of submitters NOT offering a service) are still part of the equations.
//
// Rules (docs/industry.md):
// - primary suppression: a cell with 0 < count < k is sensitive and is never published;
// - complementary suppression: published cells are withheld until no sensitive cell is
//   determined by the published ones, i.e. no system of the equations solves for it. The test
//   is exact linear algebra: a hidden cell c is determined iff the unit vector e_c lies in the
//   row space of the equations restricted to hidden cells (reduced row echelon form).
// - cells with count 0 are published (as empty): they describe nobody.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace anzen::industry {

struct TableCell {
  std::string key;
  int count = 0;
  bool publishable = true;  // false: structural cell that is never published
};

struct Equation {
  size_t total;
  std::vector<size_t> parts;  // total = Σ parts
};

struct Table {
  std::vector<TableCell> cells;
  std::vector<Equation> equations;
};

// The minimum k may not go below (issue #18: never below 5) and its default.
constexpr int kMinK = 5;
constexpr int kDefaultK = 10;

// hidden[i] is true for every cell not to publish: structural, primary and complementary.
// `start` (same size as the cells, or empty) is hidden from the outset (e.g. the pattern of
// the submitter counts when suppressing one metric's counts).
std::vector<bool> suppress(const Table& t, int k, const std::vector<bool>& start = {});

// Which hidden cells are determined by the published ones through the equations.
std::vector<bool> determined(const Table& t, const std::vector<bool>& hidden);

inline bool sensitive(int count, int k) { return count > 0 && count < k; }

}  // namespace anzen::industry
