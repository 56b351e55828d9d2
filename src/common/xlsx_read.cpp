#include "common/xlsx_read.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>

namespace anzen::xlsx {
namespace {

constexpr size_t kMaxColumn = 16384;    // XFD
constexpr long kMaxSheetRow = 1048576;  // the last row a worksheet has

[[noreturn]] void fail(const std::string& why) { throw std::runtime_error(why); }

uint32_t u32(const std::string& b, size_t at) {
  if (at > b.size() || b.size() - at < 4) fail("XLSX file is truncated (zip structure cut off)");
  auto c = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(b[at + i])); };
  return c(0) | c(1) << 8 | c(2) << 16 | c(3) << 24;
}
uint16_t u16(const std::string& b, size_t at) {
  if (at > b.size() || b.size() - at < 2) fail("XLSX file is truncated (zip structure cut off)");
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) |
                               static_cast<unsigned char>(b[at + 1]) << 8);
}

// Inflates in 64 KiB steps and stops at `cap`: the size the archive declares is never trusted.
std::string inflate_capped(const std::string& zip, size_t at, size_t n, size_t cap,
                           const std::string& name) {
  z_stream zs{};
  if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) fail("zlib init failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + at));
  zs.avail_in = static_cast<uInt>(n);
  std::string out;
  std::array<char, 65536> buf;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf.data());
    zs.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&zs, Z_NO_FLUSH);
    size_t got = buf.size() - zs.avail_out;
    if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR ||
        (rc == Z_BUF_ERROR && got == 0)) {
      inflateEnd(&zs);
      fail("XLSX part " + name + " does not decompress (damaged or truncated file)");
    }
    if (out.size() + got > cap) {
      inflateEnd(&zs);
      fail("XLSX part " + name + " expands beyond " + std::to_string(cap >> 20) +
           " MiB (refused; a zip bomb or a sheet far larger than a checklist or register)");
    }
    out.append(buf.data(), got);
  }
  inflateEnd(&zs);
  return out;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A numeric character reference (&#38; or &#x26;), or nullopt when it is not a valid one.
std::optional<uint32_t> char_ref(std::string_view ent) {
  if (ent.size() < 2 || ent[0] != '#') return std::nullopt;
  bool hex = ent[1] == 'x' || ent[1] == 'X';
  std::string_view digits = ent.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  uint32_t cp = 0;
  for (char ch : digits) {
    int v = ch >= '0' && ch <= '9'          ? ch - '0'
            : hex && ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
            : hex && ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                            : -1;
    if (v < 0) return std::nullopt;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  return cp;
}

std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 12) {
      out += s[i];
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (auto cp = char_ref(ent))
      append_utf8(out, *cp);
    else
      out.append(s.substr(i, semi - i + 1));
    i = semi;
  }
  return out;
}

// Excel's escape for control characters in text: _x000D_ is a carriage return.
std::string unescape_ooxml(std::string s) {
  for (size_t p = 0; (p = s.find("_x", p)) != std::string::npos;) {
    if (p + 7 <= s.size() && s[p + 6] == '_') {
      if (auto cp = char_ref("#x" + s.substr(p + 2, 4))) {
        std::string enc;
        append_utf8(enc, *cp);
        s.replace(p, 7, enc);
        p += enc.size();
        continue;
      }
    }
    p += 2;
  }
  return s;
}

bool tag_at(std::string_view xml, size_t p, std::string_view name) {
  if (xml.compare(p, name.size(), name) != 0) return false;
  size_t after = p + name.size();
  return after < xml.size() && (xml[after] == '>' || xml[after] == ' ' || xml[after] == '/' ||
                                xml[after] == '\t' || xml[after] == '\n' || xml[after] == '\r');
}

// The text of the <t> elements in [from, to), leaving out phonetic runs (<rPh>: the furigana
// Japanese Excel adds to shared strings).
std::string texts(std::string_view xml, size_t from, size_t to) {
  std::string out;
  size_t p = from;
  while (p < to && (p = xml.find('<', p)) != std::string_view::npos && p < to) {
    if (tag_at(xml, p, "<rPh")) {
      size_t end = xml.find("</rPh>", p);
      if (end == std::string_view::npos || end > to) break;
      p = end + 6;
      continue;
    }
    if (!tag_at(xml, p, "<t")) {
      ++p;
      continue;
    }
    size_t start = xml.find('>', p);
    if (start == std::string_view::npos || start >= to) break;
    if (xml[start - 1] == '/') {  // <t/>
      p = start + 1;
      continue;
    }
    size_t end = xml.find("</t>", start);
    if (end == std::string_view::npos || end > to) break;
    out += unescape_ooxml(unescape(xml.substr(start + 1, end - start - 1)));
    p = end + 4;
  }
  return out;
}

// The value of attribute `name` in a start tag, unescaped; empty when absent.
std::string attr(std::string_view tag, std::string_view name) {
  for (size_t p = 0; (p = tag.find(name, p)) != std::string_view::npos; p += name.size()) {
    if (p == 0 ||
        (tag[p - 1] != ' ' && tag[p - 1] != '\t' && tag[p - 1] != '\n' && tag[p - 1] != '\r'))
      continue;
    size_t q = p + name.size();
    if (q + 1 >= tag.size() || tag[q] != '=' || (tag[q + 1] != '"' && tag[q + 1] != '\'')) continue;
    size_t end = tag.find(tag[q + 1], q + 2);
    if (end == std::string_view::npos) return {};
    return unescape(tag.substr(q + 2, end - q - 2));
  }
  return {};
}

// Splits a cell reference such as "AB12" into column number and row; 0 when absent or beyond
// the sheet's bounds.
std::pair<size_t, long> split_ref(std::string_view ref) {
  size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
  size_t col = column_number(ref.substr(0, i));
  long row = 0;
  for (size_t j = i; j < ref.size(); ++j) {
    if (ref[j] < '0' || ref[j] > '9' || row > kMaxSheetRow) return {col, -1};
    row = row * 10 + (ref[j] - '0');
  }
  return {col, row};
}

class PartReader {
 public:
  PartReader(const std::string& zip, const Limits& l) : zip_(zip), limits_(l) {}
  std::string read(const std::string& name, bool optional = false) {
    size_t room = limits_.max_total_bytes - used_;
    std::string out;
    try {
      out = zip_member(zip_, name, std::min(room, limits_.max_part_bytes));
    } catch (const std::runtime_error& e) {
      if (optional && std::string(e.what()).find("has no") != std::string::npos) return {};
      throw;
    }
    used_ += out.size();
    return out;
  }

 private:
  const std::string& zip_;
  Limits limits_;
  size_t used_ = 0;
};

std::vector<std::string> shared_strings(const std::string& ss, const Limits& limits) {
  std::vector<std::string> shared;
  for (size_t p = 0; (p = ss.find("<si", p)) != std::string::npos;) {
    if (shared.size() >= limits.max_cells)
      fail("XLSX has more than " + std::to_string(limits.max_cells) + " shared strings (refused)");
    if (!tag_at(ss, p, "<si")) {
      p += 3;
      continue;
    }
    size_t end = ss.find("</si>", p);
    if (end == std::string::npos) {
      size_t self = ss.find('>', p);
      if (self != std::string::npos && ss[self - 1] == '/') {  // <si/>
        shared.emplace_back();
        p = self;
        continue;
      }
      break;
    }
    shared.push_back(texts(ss, p, end));
    p = end + 5;
  }
  return shared;
}

// Worksheet names and their zip parts, in workbook order.
std::vector<std::pair<std::string, std::string>> sheet_parts(PartReader& parts) {
  std::string wb = parts.read("xl/workbook.xml", true);
  std::string rels = parts.read("xl/_rels/workbook.xml.rels", true);
  std::map<std::string, std::string> target;
  for (size_t p = 0; (p = rels.find("<Relationship", p)) != std::string::npos;) {
    size_t e = rels.find('>', p);
    if (e == std::string::npos) break;
    std::string_view tag(rels.data() + p, e - p);
    std::string t = attr(tag, "Target");
    if (t.rfind("/", 0) == 0)
      t = t.substr(1);
    else
      t = "xl/" + t;
    target[attr(tag, "Id")] = t;
    p = e;
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t p = 0; (p = wb.find("<sheet", p)) != std::string::npos;) {
    size_t e = wb.find('>', p);
    if (e == std::string::npos) break;
    std::string_view tag(wb.data() + p, e - p);
    if (tag_at(wb, p, "<sheet")) {
      auto it = target.find(attr(tag, "r:id"));
      if (it != target.end() && it->second.find("worksheets/") != std::string::npos)
        out.emplace_back(attr(tag, "name"), it->second);
    }
    p = e;
  }
  if (out.empty()) out.emplace_back("Sheet1", "xl/worksheets/sheet1.xml");
  return out;
}

// One worksheet's <sheetData>, walked once from left to right.
std::vector<Row> parse_sheet(const std::string& xml, const std::string& sheet,
                             const std::vector<std::string>& shared, const Limits& limits,
                             size_t& cells) {
  std::vector<Row> rows;
  long last_row = 0;
  auto where = [&](long r, size_t c) {
    return "sheet '" + sheet + "' cell " + column_letters(c) + std::to_string(r);
  };
  for (size_t p = 0; (p = xml.find("<row", p)) != std::string::npos;) {
    if (!tag_at(xml, p, "<row")) {
      p += 4;
      continue;
    }
    size_t tag_end = xml.find('>', p);
    if (tag_end == std::string::npos) fail("XLSX worksheet '" + sheet + "' is truncated");
    std::string_view rtag(xml.data() + p, tag_end - p);
    std::string r = attr(rtag, "r");
    long line = last_row + 1;
    if (!r.empty()) {
      auto [c, n] = split_ref(r);
      if (c != 0 || n <= 0 || n > kMaxSheetRow)
        fail("XLSX sheet '" + sheet + "' has a row numbered '" + r + "' (rows are 1 to 1048576)");
      line = n;
    }
    last_row = line;
    if (xml[tag_end - 1] == '/') {  // <row …/>: a formatted empty row
      p = tag_end;
      continue;
    }
    size_t end = xml.find("</row>", tag_end);
    if (end == std::string::npos)
      fail("XLSX worksheet '" + sheet + "' is truncated (row " + std::to_string(line) +
           " not closed)");
    if (rows.size() >= limits.max_rows) {
      fail("XLSX sheet '" + sheet + "' has more than " + std::to_string(limits.max_rows) +
           " rows (refused: far more than a checklist or register holds)");
    }
    Row row;
    row.line = static_cast<int>(line);
    size_t next_col = 1;
    for (size_t c = xml.find("<c", tag_end); c != std::string::npos && c < end;
         c = xml.find("<c", c + 1)) {
      if (!tag_at(xml, c, "<c")) continue;
      size_t ce = xml.find('>', c);
      if (ce == std::string::npos || ce > end)
        fail("XLSX worksheet '" + sheet + "' is damaged (row " + std::to_string(line) + ")");
      std::string_view ctag(xml.data() + c, ce - c);
      std::string ref = attr(ctag, "r"), type = attr(ctag, "t");
      size_t col = next_col;
      if (!ref.empty()) {
        auto [cn, rn] = split_ref(ref);
        if (cn == 0)
          fail("XLSX sheet '" + sheet + "' row " + std::to_string(line) + " has a cell '" + ref +
               "' beyond column XFD (16384)");
        col = cn;
        (void)rn;
      }
      if (col > kMaxColumn) fail("XLSX " + where(line, kMaxColumn) + ": more than 16384 columns");
      next_col = col + 1;
      std::string value;
      bool number = false;
      size_t close = ce;
      if (xml[ce - 1] != '/') {
        close = xml.find("</c>", ce);
        if (close == std::string::npos || close > end)
          fail("XLSX " + where(line, col) + " is not closed (damaged file)");
        std::string_view inner(xml.data() + ce + 1, close - ce - 1);
        if (type == "inlineStr") {
          value = texts(inner, 0, inner.size());
        } else {
          size_t v = inner.find("<v>");
          size_t ve = v == std::string_view::npos ? v : inner.find("</v>", v);
          if (ve != std::string_view::npos) value = unescape(inner.substr(v + 3, ve - v - 3));
          if (type == "s") {
            size_t idx = 0;
            bool ok = !value.empty() && value.size() < 10;
            for (char ch : value) ok = ok && ch >= '0' && ch <= '9';
            if (ok) idx = std::stoul(value);
            if (!ok || idx >= shared.size())
              fail("XLSX " + where(line, col) + " refers to a missing shared string '" + value +
                   "'");
            value = shared[idx];
          } else if (type == "b") {
            value = value == "1" ? "TRUE" : "FALSE";
          } else if (type.empty() || type == "n") {
            number = !value.empty();
          }
          if (type == "str" || type == "s" || type == "inlineStr") value = unescape_ooxml(value);
        }
      }
      if (col > row.fields.size()) {
        cells += col - row.fields.size();
        if (cells > limits.max_cells) {
          fail("XLSX sheet '" + sheet + "' has more than " + std::to_string(limits.max_cells) +
               " cells (refused at " + column_letters(col) + std::to_string(line) + ")");
        }
        row.fields.resize(col);
        row.number.resize(col);
      }
      row.fields[col - 1] = std::move(value);
      row.number[col - 1] = number;
      c = close;
    }
    rows.push_back(std::move(row));
    p = end + 6;
  }
  return rows;
}

}  // namespace

size_t column_number(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return 0;
  size_t col = 0;
  for (char ch : letters) {
    if (ch < 'A' || ch > 'Z') return 0;
    col = col * 26 + static_cast<size_t>(ch - 'A' + 1);
  }
  return col <= kMaxColumn ? col : 0;
}

std::string column_letters(size_t n) {
  std::string s;
  for (; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

std::string zip_member(const std::string& zip, const std::string& name, size_t cap) {
  if (zip.size() < 22 || zip.compare(0, 2, "PK") != 0) fail("not an XLSX file (no zip signature)");
  size_t eocd = std::string::npos;
  for (size_t i = zip.size() - 22 + 1; i-- > 0 && zip.size() - i < 22 + 65536;) {
    if (u32(zip, i) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string::npos) fail("XLSX file is truncated (zip directory missing)");
  uint16_t entries = u16(zip, eocd + 10);
  size_t cd = u32(zip, eocd + 16);
  if (entries == 0xFFFF || cd == 0xFFFFFFFF)
    fail("XLSX uses ZIP64, which a spreadsheet of this size never needs (refused)");
  for (uint16_t e = 0; e < entries; ++e) {
    if (u32(zip, cd) != 0x02014b50) fail("XLSX zip directory is damaged");
    uint16_t method = u16(zip, cd + 10);
    uint32_t csize = u32(zip, cd + 20);
    uint16_t nlen = u16(zip, cd + 28), xlen = u16(zip, cd + 30), clen = u16(zip, cd + 32);
    uint32_t local = u32(zip, cd + 42);
    if (zip.size() - cd - 46 < nlen) fail("XLSX zip directory is truncated");
    if (zip.compare(cd + 46, nlen, name) == 0 && nlen == name.size()) {
      if (u32(zip, local) != 0x04034b50) fail("XLSX zip entry " + name + " is damaged");
      size_t data = size_t{local} + 30 + u16(zip, local + 26) + u16(zip, local + 28);
      if (data > zip.size() || zip.size() - data < csize)
        fail("XLSX file is truncated (" + name + " cut off)");
      if (method == 0) {
        if (csize > cap)
          fail("XLSX part " + name + " is larger than " + std::to_string(cap >> 20) +
               " MiB (refused)");
        return zip.substr(data, csize);
      }
      if (method == 8) return inflate_capped(zip, data, csize, cap, name);
      fail("XLSX part " + name + " uses an unsupported zip compression method (" +
           std::to_string(method) + ")");
    }
    cd += size_t{46} + nlen + xlen + clen;
  }
  fail("XLSX file has no " + name);
}

std::vector<Sheet> read_workbook(const std::string& bytes, const Limits& limits) {
  PartReader parts(bytes, limits);
  std::vector<std::string> shared =
      shared_strings(parts.read("xl/sharedStrings.xml", true), limits);
  std::vector<Sheet> out;
  size_t cells = 0;
  for (const auto& [name, part] : sheet_parts(parts)) {
    std::string xml = parts.read(part);
    out.push_back({name, parse_sheet(xml, name, shared, limits, cells)});
  }
  return out;
}

std::vector<csv::Row> read_first_sheet(const std::string& bytes) {
  auto sheets = read_workbook(bytes);
  std::vector<csv::Row> rows;
  for (auto& r : sheets.at(0).rows) rows.push_back({r.line, std::move(r.fields)});
  return rows;
}

}  // namespace anzen::xlsx
