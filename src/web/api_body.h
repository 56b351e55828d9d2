// The fields of a JSON request body as one table per API operation. The router checks every
// body against its operation's table before the handler runs (type, required, codes, pattern;
// the refusal names the field, HTTP 400), and /api/v1/openapi.json documents the body from the
// same table: the document and the code cannot disagree about a field.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace anzen::web {

enum class FieldType {
  text,      // a string
  date,      // YYYY-MM-DD, or empty for none
  datetime,  // ISO 8601 with offset (2026-03-15T10:00:00+09:00)
  integer,
  boolean,
  texts,     // an array of strings
  ids,       // an array of record ids
  level,     // a matrix position: [likelihood, impact] or {likelihood, impact, level?}
  object,    // an object with its own fields (`fields`)
  text_map,  // an object of free keys whose values are strings
};

struct BodyField {
  std::string name;
  FieldType type = FieldType::text;
  bool required = false;
  std::string ja, en;               // what the field is, for the document
  nlohmann::json example;           // a valid value (the document's example; tests send it)
  std::string vocab;                // text/texts: one of the codes of this vocabulary domain
  std::vector<std::string> codes;   // text/texts: one of these codes (when not a whole domain)
  std::string labels;               // the vocabulary domain that names `codes` in messages
  std::optional<int64_t> min, max;  // integer bounds
  size_t max_length = 0;            // text: at most this many characters (0 = no bound here)
  std::vector<BodyField> fields;    // object: its fields

  // Builders: field("title", FieldType::text, "件名", "title").need().eg("…").
  BodyField need(bool yes = true) const;
  BodyField eg(nlohmann::json value) const;
  BodyField of_vocab(std::string domain) const;
  // `label_domain`: the vocabulary domain whose labels name the values in a refusal.
  BodyField one_of(std::vector<std::string> values, std::string label_domain = "") const;
  BodyField range(std::optional<int64_t> lo, std::optional<int64_t> hi) const;
  BodyField at_most(size_t characters) const;
  BodyField with(std::vector<BodyField> sub) const;
};
BodyField field(std::string name, FieldType type, std::string ja, std::string en);

struct BodySpec {
  std::vector<BodyField> fields;
  bool closed = true;  // fields not in the table are refused
};

// The JSON schema (OpenAPI 3.0 flavour) of a body, with an example built from the fields'.
nlohmann::json body_schema(const BodySpec& spec);
// A valid body: the example of every field.
nlohmann::json body_example(const BodySpec& spec);
// The codes a text field accepts (its vocabulary domain's or its own list), empty for free text.
std::vector<std::string> field_codes(const BodyField& f);
// Checks a parsed body against the table; throws Invalid naming the first field that is
// missing, of the wrong type, not one of the codes or not expected (what(): "<field>: …").
void check_body(const nlohmann::json& in, const BodySpec& spec);

}  // namespace anzen::web
