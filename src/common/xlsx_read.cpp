#include "common/xlsx_read.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <map>

namespace anzen::xlsx {
namespace {

uint32_t u32(const std::string& b, size_t at) {
  if (at + 4 > b.size()) throw std::runtime_error("XLSX file is truncated (zip structure cut off)");
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) | static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 | static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
uint16_t u16(const std::string& b, size_t at) {
  if (at + 2 > b.size()) throw std::runtime_error("XLSX file is truncated (zip structure cut off)");
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

std::string inflate_raw(const std::string& in, size_t expected) {
  std::string out(expected, '\0');
  z_stream zs{};
  if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) throw std::runtime_error("zlib init failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&zs, Z_FINISH);
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("XLSX part does not decompress (damaged or truncated file)");
  out.resize(zs.total_out);
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out += '&';
    else if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      uint32_t cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X') ? static_cast<uint32_t>(std::stoul(std::string(ent.substr(2)), nullptr, 16))
                                                                        : static_cast<uint32_t>(std::stoul(std::string(ent.substr(1))));
      std::string enc;
      if (cp < 0x80) enc = std::string(1, static_cast<char>(cp));
      else if (cp < 0x800) enc = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
      else if (cp < 0x10000) enc = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
      else enc = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
      out += enc;
    } else {
      out += std::string(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

// All text inside <t …>…</t> elements between [from, to).
std::string texts(const std::string& xml, size_t from, size_t to) {
  std::string out;
  size_t p = from;
  while ((p = xml.find("<t", p)) != std::string::npos && p < to) {
    char after = xml[p + 2];
    if (after != '>' && after != ' ') {
      p += 2;
      continue;
    }
    size_t start = xml.find('>', p);
    if (xml[start - 1] == '/') {  // <t/>
      p = start;
      continue;
    }
    size_t end = xml.find("</t>", start);
    if (end == std::string::npos || end > to) break;
    out += unescape(std::string_view(xml).substr(start + 1, end - start - 1));
    p = end + 4;
  }
  return out;
}

std::string attr(const std::string& tag, const char* name) {
  std::string key = std::string(" ") + name + "=\"";
  size_t p = tag.find(key);
  if (p == std::string::npos) return {};
  p += key.size();
  return tag.substr(p, tag.find('"', p) - p);
}

}  // namespace

std::string zip_member(const std::string& zip, const std::string& name) {
  if (zip.size() < 22 || zip.compare(0, 2, "PK") != 0) throw std::runtime_error("not an XLSX file (no zip signature)");
  size_t eocd = std::string::npos;
  for (size_t i = zip.size() - 22 + 1; i-- > 0 && zip.size() - i < 22 + 65536;) {
    if (u32(zip, i) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string::npos) throw std::runtime_error("XLSX file is truncated (zip directory missing)");
  uint16_t entries = u16(zip, eocd + 10);
  size_t cd = u32(zip, eocd + 16);
  for (uint16_t e = 0; e < entries; ++e) {
    if (u32(zip, cd) != 0x02014b50) throw std::runtime_error("XLSX zip directory is damaged");
    uint16_t method = u16(zip, cd + 10);
    uint32_t csize = u32(zip, cd + 20), usize = u32(zip, cd + 24);
    uint16_t nlen = u16(zip, cd + 28), xlen = u16(zip, cd + 30), clen = u16(zip, cd + 32);
    uint32_t local = u32(zip, cd + 42);
    std::string fname = zip.substr(cd + 46, nlen);
    if (fname == name) {
      if (u32(zip, local) != 0x04034b50) throw std::runtime_error("XLSX zip entry is damaged");
      size_t data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
      if (data + csize > zip.size()) throw std::runtime_error("XLSX file is truncated (" + name + " cut off)");
      std::string raw = zip.substr(data, csize);
      if (method == 0) return raw;
      if (method == 8) return inflate_raw(raw, usize);
      throw std::runtime_error("XLSX uses an unsupported zip compression method");
    }
    cd += 46 + nlen + xlen + clen;
  }
  throw std::runtime_error("XLSX file has no " + name);
}

std::vector<csv::Row> read_first_sheet(const std::string& bytes) { return read_sheet(bytes, 1); }

std::vector<csv::Row> read_sheet(const std::string& bytes, int n) {
  std::vector<std::string> shared;
  std::string ss;
  try {
    ss = zip_member(bytes, "xl/sharedStrings.xml");
  } catch (const std::runtime_error& e) {
    if (std::string(e.what()).find("has no") == std::string::npos) throw;
  }
  for (size_t p = 0; (p = ss.find("<si", p)) != std::string::npos;) {
    size_t end = ss.find("</si>", p);
    if (end == std::string::npos) break;
    shared.push_back(texts(ss, p, end));
    p = end + 5;
  }
  std::string sheet = zip_member(bytes, "xl/worksheets/sheet" + std::to_string(n) + ".xml");
  std::vector<csv::Row> rows;
  for (size_t p = 0; (p = sheet.find("<row", p)) != std::string::npos;) {
    size_t tag_end = sheet.find('>', p);
    std::string rtag = sheet.substr(p, tag_end - p);
    size_t end = sheet.find("</row>", p);
    if (rtag.back() == '/') {  // empty row
      p = tag_end;
      continue;
    }
    if (end == std::string::npos) throw std::runtime_error("XLSX worksheet is truncated");
    csv::Row row;
    row.line = std::atoi(attr(rtag, "r").c_str());
    for (size_t c = sheet.find("<c", p); c != std::string::npos && c < end; c = sheet.find("<c", c + 2)) {
      char after = sheet[c + 2];
      if (after != ' ' && after != '>' && after != '/') continue;
      size_t ce = sheet.find('>', c);
      std::string ctag = sheet.substr(c, ce - c);
      std::string ref = attr(ctag, "r"), type = attr(ctag, "t");
      size_t col = 0;
      for (char ch : ref) {
        if (ch >= 'A' && ch <= 'Z') col = col * 26 + static_cast<size_t>(ch - 'A' + 1);
        else break;
      }
      if (col == 0) col = row.fields.size() + 1;
      std::string value;
      if (ctag.back() != '/') {
        size_t close = sheet.find("</c>", ce);
        std::string inner = sheet.substr(ce + 1, close - ce - 1);
        if (type == "inlineStr") {
          value = texts(inner, 0, inner.size());
        } else {
          size_t v = inner.find("<v>");
          if (v != std::string::npos) value = unescape(inner.substr(v + 3, inner.find("</v>", v) - v - 3));
          if (type == "s") {
            size_t idx = static_cast<size_t>(std::stoul(value));
            if (idx >= shared.size()) throw std::runtime_error("XLSX refers to a missing shared string");
            value = shared[idx];
          }
        }
      }
      if (row.fields.size() < col) row.fields.resize(col);
      row.fields[col - 1] = value;
    }
    rows.push_back(std::move(row));
    p = end + 6;
  }
  return rows;
}

}  // namespace anzen::xlsx
