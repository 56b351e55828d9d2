#include "testing/zip_parts.h"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace anzen::testing {
namespace {
void put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}
std::string raw_deflate(const std::string& in) {
  z_stream zs{};
  if (deflateInit2(&zs, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&zs, static_cast<uLong>(in.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}
std::string xml_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '&')
      o += "&amp;";
    else if (c == '<')
      o += "&lt;";
    else if (c == '>')
      o += "&gt;";
    else if (c == '"')
      o += "&quot;";
    else
      o += c;
  }
  return o;
}
}  // namespace

std::string make_zip(const std::vector<ZipPart>& parts) {
  std::string out, cd;
  for (const auto& p : parts) {
    std::string body = p.deflate ? raw_deflate(p.data) : p.data;
    uint32_t crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(p.data.data()), static_cast<uInt>(p.data.size())));
    uint32_t usize = p.declared_size >= 0 ? static_cast<uint32_t>(p.declared_size)
                                          : static_cast<uint32_t>(p.data.size());
    uint32_t offset = static_cast<uint32_t>(out.size());
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, 0);
    put16(out, p.deflate ? 8 : 0);
    put16(out, 0);
    put16(out, 0);
    put32(out, crc);
    put32(out, static_cast<uint32_t>(body.size()));
    put32(out, usize);
    put16(out, static_cast<uint32_t>(p.name.size()));
    put16(out, 0);
    out += p.name + body;
    put32(cd, 0x02014b50);
    put16(cd, 20);
    put16(cd, 20);
    put16(cd, 0);
    put16(cd, p.deflate ? 8 : 0);
    put16(cd, 0);
    put16(cd, 0);
    put32(cd, crc);
    put32(cd, static_cast<uint32_t>(body.size()));
    put32(cd, usize);
    put16(cd, static_cast<uint32_t>(p.name.size()));
    put16(cd, 0);
    put16(cd, 0);
    put16(cd, 0);
    put16(cd, 0);
    put32(cd, 0);
    put32(cd, offset);
    cd += p.name;
  }
  uint32_t cd_at = static_cast<uint32_t>(out.size());
  out += cd;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(parts.size()));
  put16(out, static_cast<uint32_t>(parts.size()));
  put32(out, static_cast<uint32_t>(cd.size()));
  put32(out, cd_at);
  put16(out, 0);
  return out;
}

std::string make_xlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                      const std::string& shared_strings_xml) {
  std::string wb =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
  std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  std::vector<ZipPart> parts;
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"" + xml_escape(sheets[i].first) + "\" sheetId=\"" + n + "\" r:id=\"rId" +
          n + "\"/>";
    rels +=
        "<Relationship Id=\"rId" + n +
        "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet" +
        n + ".xml\"/>";
    parts.push_back(
        {"xl/worksheets/sheet" + n + ".xml",
         R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
             sheets[i].second + "</sheetData></worksheet>"});
  }
  wb += "</sheets></workbook>";
  rels += "</Relationships>";
  parts.push_back({"xl/workbook.xml", wb});
  parts.push_back({"xl/_rels/workbook.xml.rels", rels});
  if (!shared_strings_xml.empty()) parts.push_back({"xl/sharedStrings.xml", shared_strings_xml});
  return make_zip(parts);
}

std::string xlsx_row(int r, const std::vector<std::pair<std::string, std::string>>& cells) {
  std::string s = "<row r=\"" + std::to_string(r) + "\">";
  for (const auto& [ref, v] : cells) {
    if (v.rfind("#n:", 0) == 0)
      s += "<c r=\"" + ref + "\" s=\"1\"><v>" + v.substr(3) + "</v></c>";
    else
      s += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + xml_escape(v) + "</t></is></c>";
  }
  return s + "</row>";
}

}  // namespace anzen::testing
