#include "assess/history_fields.h"

#include <nlohmann/json.hpp>

namespace anzen::assess::detail {

namespace {
// A JSON string: quotes, backslashes and control characters escaped, the rest (UTF-8) as is.
// Written by hand because every answer of an import packs its changes here.
void append_json_string(std::string& out, std::string_view v) {
  out += '"';
  for (char ch : v) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      static const char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}
}  // namespace

StoredHistory pack_history(std::span<const HistoryRow> rows) {
  StoredHistory out{rows.front().question_id, std::string(rows.front().field),
                    rows.front().old_value, rows.front().new_value};
  if (rows.size() == 1) return out;
  out.field.clear();
  out.old_value = "[";
  out.new_value = "[";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) {
      out.field += ',';
      out.old_value += ',';
      out.new_value += ',';
    }
    out.field += rows[i].field;
    append_json_string(out.old_value, rows[i].old_value);
    append_json_string(out.new_value, rows[i].new_value);
  }
  out.old_value += ']';
  out.new_value += ']';
  return out;
}

namespace {
std::vector<std::string> split_fields(const std::string& field) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t comma; (comma = field.find(',', start)) != std::string::npos; start = comma + 1)
    out.push_back(field.substr(start, comma - start));
  out.push_back(field.substr(start));
  return out;
}

// The strings of a JSON array of `n` strings; empty when it is anything else.
std::vector<std::string> strings(const std::string& text, size_t n) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array() || j.size() != n) return {};
  std::vector<std::string> out;
  for (const auto& v : j) {
    if (!v.is_string()) return {};
    out.push_back(v.get<std::string>());
  }
  return out;
}
}  // namespace

std::vector<FieldChange> unpack_history(std::string field, std::string old_value,
                                        std::string new_value) {
  if (field.find(',') != std::string::npos) {
    auto names = split_fields(field);
    auto olds = strings(old_value, names.size()), news = strings(new_value, names.size());
    if (!olds.empty() && !news.empty()) {
      std::vector<FieldChange> out;
      for (size_t i = names.size(); i-- > 0;)
        out.push_back({std::move(names[i]), std::move(olds[i]), std::move(news[i])});
      return out;
    }
  }
  return {{std::move(field), std::move(old_value), std::move(new_value)}};
}

}  // namespace anzen::assess::detail
