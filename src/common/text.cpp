#include "common/text.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace anzen::text {
namespace {

// Half-width katakana U+FF61..U+FF9F mapped to full-width forms.
constexpr std::array<char32_t, 63> kHalfKana = {
    U'。', U'「', U'」', U'、', U'・', U'ヲ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ャ', U'ュ',
    U'ョ', U'ッ', U'ー', U'ア', U'イ', U'ウ', U'エ', U'オ', U'カ', U'キ', U'ク', U'ケ', U'コ',
    U'サ', U'シ', U'ス', U'セ', U'ソ', U'タ', U'チ', U'ツ', U'テ', U'ト', U'ナ', U'ニ', U'ヌ',
    U'ネ', U'ノ', U'ハ', U'ヒ', U'フ', U'ヘ', U'ホ', U'マ', U'ミ', U'ム', U'メ', U'モ', U'ヤ',
    U'ユ', U'ヨ', U'ラ', U'リ', U'ル', U'レ', U'ロ', U'ワ', U'ン', U'゛', U'゜'};

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0x3000 || c == 0x00A0;
}

// Katakana that take a voiced (dakuten) mark: the voiced form is the next code point.
bool takes_dakuten(char32_t c) {
  return (c >= U'カ' && c <= U'ト' && ((c - U'カ') % 2 == 0 || c >= U'ツ')) ||
         (c >= U'ハ' && c <= U'ホ') || c == U'ウ';
}

// The code point at s[i] (U+FFFD for a malformed sequence) and the index after it.
char32_t next_code_point(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  char32_t cp = 0xFFFD;
  size_t len = 1;
  if (b < 0x80) {
    ++i;
    return b;
  } else if ((b & 0xE0) == 0xC0) {
    len = 2;
    cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3;
    cp = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4;
    cp = b & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + len > s.size()) {  // cut off: the rest is one malformed sequence
    i = s.size();
    return 0xFFFD;
  }
  for (size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}
}  // namespace

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::string fold(std::string_view s) {
  // ASCII alone (codes, numbers, English words: most cells of a sheet) folds byte by byte to
  // the same result as below: white space dropped, A-Z lowered.
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
      if (is_space(static_cast<char32_t>(c))) continue;
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
  }
  std::u32string in = decode(s);
  std::u32string out;
  out.reserve(in.size());
  for (char32_t c : in) {
    if (is_space(c)) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;  // full-width ASCII
    if (c >= 0xFF61 && c <= 0xFF9F) {                       // half-width katakana
      char32_t full = kHalfKana[c - 0xFF61];
      if ((full == U'゛' || full == U'゜') && !out.empty()) {
        char32_t& prev = out.back();
        if (full == U'゛' && takes_dakuten(prev)) {
          prev = prev == U'ウ' ? U'ヴ' : prev + 1;
          continue;
        }
        if (full == U'゜' && prev >= U'ハ' && prev <= U'ホ' && (prev - U'ハ') % 3 == 0) {
          prev = prev + 2;
          continue;
        }
      }
      c = full;
    }
    if (c >= 0x3041 && c <= 0x3096) c += 0x60;  // hiragana to katakana
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    if (c == U'－' || c == U'‐' || c == U'−') c = U'-';
    out.push_back(c);
  }
  return encode(out);
}

bool contains_folded(std::string_view haystack_folded, std::string_view needle) {
  std::string n = fold(needle);
  return !n.empty() && haystack_folded.find(n) != std::string_view::npos;
}

std::string strip_for_compare(std::string_view s) {
  std::string tmp(s);
  for (const char* tag : {"<p>", "</p>"}) {
    for (size_t p = tmp.find(tag); p != std::string::npos; p = tmp.find(tag, p)) {
      tmp.erase(p, std::char_traits<char>::length(tag));
    }
  }
  std::u32string in = decode(tmp), out;
  for (char32_t c : in) {
    if (!is_space(c)) out.push_back(c);
  }
  return encode(out);
}

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (next_code_point(s, i) == 0xFFFD) return false;
  }
  return true;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    --e;
  return std::string(s.substr(b, e - b));
}

namespace {
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}
}  // namespace

int width(std::string_view s) {
  int w = 0;
  for (char32_t c : decode(s)) w += is_wide(c) ? 2 : 1;
  return w;
}

std::string truncate_width(std::string_view s, int cols) {
  std::u32string out;
  int w = 0;
  for (char32_t c : decode(s)) {
    int cw = is_wide(c) ? 2 : 1;
    if (w + cw > cols) break;
    w += cw;
    out += c;
  }
  return encode(out);
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<std::string> split_list(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    auto t = trim(cur);
    if (!t.empty()) out.push_back(t);
    cur.clear();
  };
  const std::string_view ten = "、";
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, ten.size()) == ten) {
      flush();
      i += ten.size() - 1;
    } else if (separators.find(s[i]) != std::string_view::npos) {
      flush();
    } else {
      cur += s[i];
    }
  }
  flush();
  return out;
}

std::string percent(std::optional<double> v) {
  if (!v) return "–";
  char b[16];
  std::snprintf(b, sizeof b, "%.1f%%", *v * 100);
  return b;
}

std::string thousands(int64_t n) {
  uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::string digits = std::to_string(magnitude);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace anzen::text
