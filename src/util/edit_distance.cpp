#include "util/edit_distance.h"

#include <algorithm>
#include <vector>

#include "util/ascii.h"

namespace sip2pjsip {

std::size_t edit_distance_below(std::string_view a, std::string_view b, std::size_t limit) {
  if (limit == 0) return 0;
  const auto difference = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  // The distance is at least the difference in length.
  if (difference >= limit) return limit;

  // One row of the classic table, distances capped at `limit`. A cell whose row and column are
  // `limit` or more apart holds at least `limit`, so each row computes only the band of cells
  // around its diagonal; the cells beyond keep `limit`.
  std::vector<std::size_t> row(b.size() + 1, limit);
  for (std::size_t j = 0; j <= b.size() && j < limit; ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t from = i >= limit ? i - limit + 1 : 1;
    const std::size_t to = std::min(b.size(), i + limit - 1);
    std::size_t diagonal = row[from - 1];                       // row i - 1, column from - 1
    std::size_t left = from == 1 ? std::min(i, limit) : limit;  // row i, column from - 1
    row[from - 1] = left;
    std::size_t row_minimum = left;
    for (std::size_t j = from; j <= to; ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution =
          diagonal + (ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1);
      const std::size_t cell =
          std::min(std::min(above + 1, left + 1), std::min(substitution, limit));
      row[j] = cell;
      diagonal = above;
      left = cell;
      row_minimum = std::min(row_minimum, cell);
    }
    // A row's smallest value never shrinks in the rows below it.
    if (row_minimum >= limit) return limit;
  }
  return std::min(row[b.size()], limit);
}

}  // namespace sip2pjsip
