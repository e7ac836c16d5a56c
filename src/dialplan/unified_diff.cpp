#include "dialplan/unified_diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace sip2pjsip::dialplan {

namespace {

struct Line {
  std::string_view text;  // without its newline
  bool newline = true;    // false for a last line without one
  bool operator==(const Line& other) const {
    return text == other.text && newline == other.newline;
  }
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const auto end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      lines.push_back(Line{text.substr(begin), false});
      break;
    }
    lines.push_back(Line{text.substr(begin, end - begin), true});
    begin = end + 1;
  }
  return lines;
}

enum class Op { keep, remove, add };

// Myers' O(ND) difference algorithm: the shortest edit script from a to b.
std::vector<Op> edit_script(const std::vector<Line>& a, const std::vector<Line>& b) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int max = n + m;
  const int offset = max + 1;
  std::vector<int> v(2 * static_cast<std::size_t>(max) + 3, 0);
  // trace[d]: the frontier before round d, k from -d-1 to d+1 (all that round d reads), so the
  // memory grows with the square of the number of changed lines, not with the file size.
  std::vector<std::vector<int>> trace;
  int d_found = 0;
  for (int d = 0; d <= max; ++d) {
    trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
    bool done = false;
    for (int k = -d; k <= d; k += 2) {
      int x;
      if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
        x = v[offset + k + 1];
      } else {
        x = v[offset + k - 1] + 1;
      }
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      d_found = d;
      break;
    }
  }
  // Walk back through the saved frontiers.
  std::vector<Op> ops;
  int x = n;
  int y = m;
  for (int d = d_found; d > 0; --d) {
    const auto& saved = trace[d];
    auto frontier = [&](int k) { return saved[static_cast<std::size_t>(k + d + 1)]; };
    const int k = x - y;
    int previous_k;
    if (k == -d || (k != d && frontier(k - 1) < frontier(k + 1))) {
      previous_k = k + 1;
    } else {
      previous_k = k - 1;
    }
    const int previous_x = frontier(previous_k);
    const int previous_y = previous_x - previous_k;
    while (x > previous_x && y > previous_y) {
      ops.push_back(Op::keep);
      --x;
      --y;
    }
    if (x == previous_x) {
      ops.push_back(Op::add);
      --y;
    } else {
      ops.push_back(Op::remove);
      --x;
    }
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::keep);
    --x;
    --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

std::string range(std::size_t start, std::size_t count) {
  // A hunk of no lines names the line before it (0 at the start), as diff -u does.
  if (count == 0) return fmt::format("{},0", start);
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", start + 1, count);
}

void print_line(std::string& out, char marker, const Line& line) {
  out += marker;
  out.append(line.text);
  out += '\n';
  if (!line.newline) out += "\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         const std::string& old_label, const std::string& new_label, int context) {
  const auto a = split_lines(old_text);
  const auto b = split_lines(new_text);
  const auto ops = edit_script(a, b);
  if (std::all_of(ops.begin(), ops.end(), [](Op op) { return op == Op::keep; })) return {};

  // Position in a and b before each op.
  std::vector<std::size_t> at_a(ops.size() + 1);
  std::vector<std::size_t> at_b(ops.size() + 1);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    at_a[i + 1] = at_a[i] + (ops[i] != Op::add ? 1 : 0);
    at_b[i + 1] = at_b[i] + (ops[i] != Op::remove ? 1 : 0);
  }

  std::string out = fmt::format("--- {}\n+++ {}\n", old_label, new_label);
  const std::size_t total = ops.size();
  const auto span = static_cast<std::size_t>(context);
  std::size_t i = 0;
  while (i < total) {
    if (ops[i] == Op::keep) {
      ++i;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is at most 2 * context unchanged lines away.
    const std::size_t begin = i >= span ? i - span : 0;
    std::size_t end = i;
    std::size_t last_change = i;
    while (end < total) {
      if (ops[end] != Op::keep) {
        last_change = end;
        ++end;
        continue;
      }
      if (end - last_change > 2 * span) break;
      ++end;
    }
    end = std::min(total, last_change + 1 + span);
    std::string body;
    for (std::size_t j = begin; j < end; ++j) {
      switch (ops[j]) {
        case Op::keep:
          print_line(body, ' ', a[at_a[j]]);
          break;
        case Op::remove:
          print_line(body, '-', a[at_a[j]]);
          break;
        case Op::add:
          print_line(body, '+', b[at_b[j]]);
          break;
      }
    }
    out += fmt::format("@@ -{} +{} @@\n", range(at_a[begin], at_a[end] - at_a[begin]),
                       range(at_b[begin], at_b[end] - at_b[begin]));
    out += body;
    i = end;
  }
  return out;
}

}  // namespace sip2pjsip::dialplan
