#include "web/api_body.h"

#include <algorithm>
#include <stdexcept>

#include "common/vocabulary.h"

namespace anzen::web {
using nlohmann::json;

namespace {
std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i)
    s += (i == 0 ? "" : i + 1 == v.size() ? " or " : ", ") + v[i];
  return s;
}

json codes_json(const BodyField& f) {
  auto codes = field_codes(f);
  return codes.empty() ? json() : json(codes);
}

json field_schema(const BodyField& f) {
  json s;
  switch (f.type) {
    case FieldType::text:
      s = {{"type", "string"}};
      if (f.max_length) s["maxLength"] = f.max_length;
      if (auto c = codes_json(f); !c.is_null()) s["enum"] = c;
      break;
    case FieldType::date:
      s = {{"type", "string"}, {"format", "date"}};
      break;
    case FieldType::datetime:
      s = {{"type", "string"}, {"format", "date-time"}};
      break;
    case FieldType::integer:
      s = {{"type", "integer"}};
      if (f.min) s["minimum"] = *f.min;
      if (f.max) s["maximum"] = *f.max;
      break;
    case FieldType::boolean:
      s = {{"type", "boolean"}};
      break;
    case FieldType::texts: {
      json item = {{"type", "string"}};
      if (auto c = codes_json(f); !c.is_null()) item["enum"] = c;
      s = {{"type", "array"}, {"items", item}};
      break;
    }
    case FieldType::ids:
      s = {{"type", "array"}, {"items", {{"type", "integer"}}}};
      break;
    case FieldType::level: {
      json score = {{"type", "integer"}, {"minimum", 1}};
      s = {
          {"oneOf",
           json::array(
               {{{"type", "array"}, {"items", score}, {"minItems", 2}, {"maxItems", 2}},
                {{"type", "object"},
                 {"required", {"likelihood", "impact"}},
                 {"properties",
                  {{"likelihood", score}, {"impact", score}, {"level", {{"type", "string"}}}}}}})}};
      break;
    }
    case FieldType::object:
      s = body_schema(BodySpec{f.fields, true});
      break;
    case FieldType::text_map:
      s = {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}};
      break;
  }
  if (!f.ja.empty() || !f.en.empty()) s["description"] = f.ja + " / " + f.en;
  if (!f.required) s["nullable"] = true;
  if (!f.example.is_null()) s["example"] = f.example;
  return s;
}

std::string expected(const BodyField& f) {
  switch (f.type) {
    case FieldType::text: {
      auto codes = field_codes(f);
      return codes.empty() ? "a string" : "one of " + joined(codes);
    }
    case FieldType::date:
      return "a date YYYY-MM-DD as a string";
    case FieldType::datetime:
      return "an ISO 8601 time with offset as a string";
    case FieldType::integer:
      return "a whole number";
    case FieldType::boolean:
      return "true or false";
    case FieldType::texts: {
      auto codes = field_codes(f);
      return codes.empty() ? "a list of strings" : "a list of " + joined(codes);
    }
    case FieldType::ids:
      return "a list of ids";
    case FieldType::level:
      return "[likelihood, impact] or {likelihood, impact}";
    case FieldType::object:
      return "an object";
    case FieldType::text_map:
      return "an object of strings";
  }
  return "a value";
}

bool is_code(const std::vector<std::string>& codes, const json& v) {
  return codes.empty() ||
         std::find(codes.begin(), codes.end(), v.get<std::string>()) != codes.end();
}

bool valid(const BodyField& f, const json& v) {
  auto codes = field_codes(f);
  switch (f.type) {
    case FieldType::text:
      return v.is_string() && is_code(codes, v);
    case FieldType::date:
    case FieldType::datetime:
      return v.is_string();
    case FieldType::integer:
      return v.is_number_integer() && (!f.min || v.get<int64_t>() >= *f.min) &&
             (!f.max || v.get<int64_t>() <= *f.max);
    case FieldType::boolean:
      return v.is_boolean();
    case FieldType::texts:
      return v.is_array() && std::all_of(v.begin(), v.end(), [&](const json& x) {
               return x.is_string() && is_code(codes, x);
             });
    case FieldType::ids:
      return v.is_array() &&
             std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_number_integer(); });
    case FieldType::level: {
      auto score = [](const json& x) { return x.is_number_integer() && x.get<int64_t>() >= 1; };
      if (v.is_array()) return v.size() == 2 && score(v[0]) && score(v[1]);
      return v.is_object() && v.contains("likelihood") && v.contains("impact") &&
             score(v["likelihood"]) && score(v["impact"]);
    }
    case FieldType::object:
      return v.is_object();
    case FieldType::text_map:
      return v.is_object() &&
             std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); });
  }
  return false;
}

void check_fields(const json& in, const std::vector<BodyField>& fields, bool closed,
                  const std::string& prefix) {
  if (!in.is_object())
    throw std::invalid_argument((prefix.empty() ? "body" : prefix.substr(0, prefix.size() - 1)) +
                                ": expected a JSON object");
  for (const auto& f : fields) {
    std::string name = prefix + f.name;
    if (!in.contains(f.name) || in[f.name].is_null()) {
      if (f.required) throw std::invalid_argument(name + ": required");
      continue;
    }
    const json& v = in[f.name];
    if (!valid(f, v)) {
      std::string got = v.dump();
      if (got.size() > 80) got = got.substr(0, 77) + "...";
      throw std::invalid_argument(name + ": expected " + expected(f) + ", got " + got);
    }
    if (f.type == FieldType::object) check_fields(v, f.fields, true, name + ".");
  }
  if (!closed) return;
  for (const auto& [k, v] : in.items()) {
    bool known = std::any_of(fields.begin(), fields.end(),
                             [&, &key = k](const BodyField& f) { return f.name == key; });
    if (!known) {
      std::vector<std::string> names;
      for (const auto& f : fields) names.push_back(f.name);
      throw std::invalid_argument(prefix + k + ": not a field of this request (expected " +
                                  (names.empty() ? std::string("none") : joined(names)) + ")");
    }
  }
}
}  // namespace

BodyField field(std::string name, FieldType type, std::string ja, std::string en) {
  BodyField f;
  f.name = std::move(name);
  f.type = type;
  f.ja = std::move(ja);
  f.en = std::move(en);
  return f;
}
BodyField BodyField::need(bool yes) const {
  BodyField f = *this;
  f.required = yes;
  return f;
}
BodyField BodyField::eg(json value) const {
  BodyField f = *this;
  f.example = std::move(value);
  return f;
}
BodyField BodyField::of_vocab(std::string domain) const {
  BodyField f = *this;
  f.vocab = std::move(domain);
  return f;
}
BodyField BodyField::one_of(std::vector<std::string> values) const {
  BodyField f = *this;
  f.codes = std::move(values);
  return f;
}
BodyField BodyField::range(std::optional<int64_t> lo, std::optional<int64_t> hi) const {
  BodyField f = *this;
  f.min = lo;
  f.max = hi;
  return f;
}
BodyField BodyField::at_most(size_t characters) const {
  BodyField f = *this;
  f.max_length = characters;
  return f;
}
BodyField BodyField::with(std::vector<BodyField> sub) const {
  BodyField f = *this;
  f.fields = std::move(sub);
  return f;
}

std::vector<std::string> field_codes(const BodyField& f) {
  if (!f.codes.empty()) return f.codes;
  if (!f.vocab.empty()) return vocab::codes(f.vocab);
  return {};
}

json body_schema(const BodySpec& spec) {
  json props = json::object(), required = json::array();
  for (const auto& f : spec.fields) {
    props[f.name] = field_schema(f);
    if (f.required) required.push_back(f.name);
  }
  json s = {{"type", "object"}, {"properties", props}, {"additionalProperties", !spec.closed}};
  if (!required.empty()) s["required"] = required;
  s["example"] = body_example(spec);
  return s;
}

json body_example(const BodySpec& spec) {
  json ex = json::object();
  for (const auto& f : spec.fields)
    if (!f.example.is_null()) ex[f.name] = f.example;
  return ex;
}

void check_body(const json& in, const BodySpec& spec) {
  check_fields(in, spec.fields, spec.closed, "");
}

}  // namespace anzen::web
