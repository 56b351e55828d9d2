// Short builders for the JSON schemas of the API's answers (OpenAPI 3.0 schema objects).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace anzen::web::schema {
using nlohmann::json;
using Props = std::vector<std::pair<std::string, json>>;

json str(const std::string& description = "");
json integer(const std::string& description = "");
json number();
json boolean();
json date();      // YYYY-MM-DD (empty when unset)
json datetime();  // ISO 8601 with offset
// A string that is one of the codes of a vocabulary domain (common/vocabulary.h).
json code(const std::string& vocab_domain);
json codes(const std::vector<std::string>& values);
json nullable(json s);
json array(json items);
json ref(const std::string& name);  // #/components/schemas/<name>
json text_pair();                   // {ja, en}
// An object whose properties are all present (but `optional` ones) and no other, unless
// `additional` says what other properties may hold.
json object(const Props& props, const std::vector<std::string>& optional = {},
            json additional = false);
// {<key>: [<item>]}: the list answers.
json list_of(const std::string& key, json item);
// An object of free keys mapping to `values`.
json map_of(json values);
// A free-form object (its shape is another standard's or the caller's own), with what it is.
json free_object(const std::string& description);
// Adds `more` to the properties of an object schema (all required unless `optional`).
json extend(json base, const Props& more, const std::vector<std::string>& optional = {});

}  // namespace anzen::web::schema
