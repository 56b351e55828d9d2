#include "report/linebreak.h"

#include <string_view>

#include "common/text.h"

namespace anzen::report {

namespace {

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

// Wide (CJK) characters may break on either side; Latin letters and digits form words.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// A break between positions i-1 and i of `s` is allowed when neither side forbids it.
bool break_allowed(const std::u32string& s, size_t i) {
  if (i == 0 || i >= s.size()) return false;
  char32_t prev = s[i - 1], cur = s[i];
  if (no_line_start(cur) || no_line_end(prev)) return false;
  if (is_space(prev)) return !is_space(cur);
  if (is_space(cur)) return false;  // breaks come after spaces, which are then dropped
  if (is_wide(prev) || is_wide(cur)) return true;
  return prev == U'-' || prev == U'/';  // inside a Latin word only after a hyphen or slash
}

std::string trimmed(const std::u32string& s, size_t from, size_t to) {
  while (to > from && is_space(s[to - 1]) && s[to - 1] != U'\u3000') --to;
  return text::encode(std::u32string_view(s).substr(from, to - from));
}

}  // namespace

bool no_line_start(char32_t c) {
  static constexpr std::u32string_view set =
      U"、。，．,.:;!?)]}’”〉》」』】〕〗〙〟）］｝｠｣ー‐゠–〜～？！‼⁇⁈⁉・：；／ゝゞヽヾ々〻"
      U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ％‰℃°′″";
  return in(c, set);
}

bool no_line_end(char32_t c) {
  static constexpr std::u32string_view set = U"([{‘“〈《「『【〔〖〘〝（［｛｟｢￥＄＃";
  return in(c, set);
}

std::vector<std::string> break_lines(const std::string& txt, float width,
                                     const CharWidth& char_width) {
  std::vector<std::string> lines;
  for (const auto& para : text::split(txt, '\n')) {
    std::u32string s = text::decode(para);
    size_t start = 0;
    while (start < s.size() && is_space(s[start]) && s[start] != U'\u3000') ++start;
    float used = 0;
    size_t i = start;
    while (i < s.size()) {
      float w = char_width(s[i]);
      if (used + w <= width || i == start || is_space(s[i])) {
        used += w;
        ++i;
        continue;
      }
      // s[i] does not fit: break at the last allowed place on this line.
      size_t b = i;
      while (b > start && !break_allowed(s, b)) --b;
      if (b == start) {
        // One word or an unbreakable run fills the line: cut inside it, but let a character
        // that must not start a line hang at the end of this one.
        b = i;
        while (b < s.size() && no_line_start(s[b])) ++b;
      }
      lines.push_back(trimmed(s, start, b));
      start = b;
      while (start < s.size() && is_space(s[start]) && s[start] != U'\u3000') ++start;
      used = 0;
      i = start;
    }
    lines.push_back(trimmed(s, start, s.size()));
  }
  return lines;
}

std::string fit_line(const std::string& txt, float width, const CharWidth& char_width) {
  std::u32string s = text::decode(txt);
  for (char32_t& c : s) {
    if (c == U'\n') c = U' ';
  }
  float total = 0;
  for (char32_t c : s) total += char_width(c);
  if (total <= width) return text::encode(s);
  const float ellipsis = char_width(U'…');
  float used = 0;
  size_t n = 0;
  while (n < s.size() && used + char_width(s[n]) + ellipsis <= width) used += char_width(s[n++]);
  while (n > 0 && is_space(s[n - 1])) --n;
  return text::encode(std::u32string_view(s).substr(0, n)) + "…";
}

}  // namespace anzen::report
