// HTML building blocks: escaping, attribute-safe values, URL encoding, form decoding.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace anzen::web {

std::string esc(std::string_view s);          // text and attribute values
std::string url_encode(std::string_view s);   // a query or path component
std::string url_decode(std::string_view s);
// Parses application/x-www-form-urlencoded bodies and query strings.
std::multimap<std::string, std::string> parse_form(std::string_view body);
// One cookie from a Cookie header, or empty.
std::string cookie_value(std::string_view header, std::string_view name);
// A stored moment as every page shows it (JST, one format: date::display_time), escaped.
std::string when_html(std::string_view stamp, std::string_view lang);

}  // namespace anzen::web
