#include "common/number_input.h"

#include <string>

namespace anzen {

namespace {
// Folds full-width digits and separators (U+FF10..U+FF19, U+FF0C, U+3001, U+3000) to ASCII.
std::string fold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
      auto c = static_cast<unsigned char>(s[i + 2]);
      if (c >= 0x90 && c <= 0x99)
        out += static_cast<char>('0' + (c - 0x90));
      else if (c == 0x8C)
        out += ',';
      else
        return "?";
      i += 3;
    } else if (b == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x81 ||
                static_cast<unsigned char>(s[i + 2]) == 0x80)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0x81 ? ',' : ' ';
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}
}  // namespace

std::optional<int64_t> parse_grouped_count(std::string_view text) {
  std::string s = fold(text);
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s.empty()) return std::nullopt;
  char sep = 0;
  for (char ch : s)
    if (ch == ',' || ch == ' ') {
      if (sep && sep != ch) return std::nullopt;  // mixed separators
      sep = ch;
    }
  int64_t v = 0;
  size_t digits = 0, group = 0;
  bool grouped = false;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') {
      if (++digits > 15) return std::nullopt;
      ++group;
      v = v * 10 + (ch - '0');
    } else if (ch == sep) {
      // the first group has 1-3 digits, every later one exactly 3
      if (group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
      grouped = true;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (grouped && group != 3) return std::nullopt;
  return digits ? std::optional<int64_t>(v) : std::nullopt;
}

}  // namespace anzen
