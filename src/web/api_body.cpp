#include "web/api_body.h"

#include <algorithm>
#include <stdexcept>

#include "common/invalid.h"
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

// What a field expects, said to people: the codes by their vocabulary labels (never the codes).
std::string choices(const BodyField& f, const char* lang) {
  std::string domain = f.vocab.empty() ? f.labels : f.vocab;
  if (domain.empty()) return "";
  return vocab::labels(domain, field_codes(f), lang);
}

std::string name_ja(const BodyField& f) { return "「" + (f.ja.empty() ? f.name : f.ja) + "」"; }

// The refusal of a value `f` does not accept, in both languages; `what` is the CLI's line.
Invalid wrong_value(const BodyField& f, const std::string& name, const json& v,
                    const std::string& what) {
  const std::string n = name_ja(f);
  auto list_ja = [&] {
    std::string c = choices(f, "ja");
    return c.empty() ? std::string() : "（" + c + "）";
  };
  auto list_en = [&] {
    std::string c = choices(f, "en");
    return c.empty() ? std::string() : " (" + c + ")";
  };
  switch (f.type) {
    case FieldType::text:
      if (v.is_string())
        return Invalid(name, n + "は一覧の値から選んでください" + list_ja() + "。",
                       "Choose a value from the list" + list_en() + ".", "not_in_list", what);
      return Invalid(name, n + "は文字列で指定してください。", "Expected a string.", "wrong_type",
                     what);
    case FieldType::date:
      return Invalid(name,
                     n + "は 2026-03-15 のような日付（YYYY-MM-DD）の文字列で指定してください。",
                     "Expected a date YYYY-MM-DD as a string.", "wrong_type", what);
    case FieldType::datetime:
      return Invalid(
          name,
          n + "は 2026-03-15T10:00:00+09:00 のような時差付きの日時の文字列で指定してください。",
          "Expected an ISO 8601 time with offset as a string.", "wrong_type", what);
    case FieldType::integer:
      if (v.is_number_integer()) {
        std::string lo = f.min ? std::to_string(*f.min) : "",
                    hi = f.max ? std::to_string(*f.max) : "";
        std::string ja = f.min && f.max ? lo + "〜" + hi + " の整数"
                         : f.min        ? lo + " 以上の整数"
                                        : hi + " 以下の整数";
        std::string en = f.min && f.max ? "a whole number from " + lo + " to " + hi
                         : f.min        ? "a whole number of at least " + lo
                                        : "a whole number of at most " + hi;
        return Invalid(name, n + "は" + ja + "で指定してください。", "Expected " + en + ".",
                       "out_of_range", what);
      }
      return Invalid(name, n + "は整数で指定してください。", "Expected a whole number.",
                     "wrong_type", what);
    case FieldType::boolean:
      return Invalid(name, n + "は true（はい）か false（いいえ）で指定してください。",
                     "Expected true or false.", "wrong_type", what);
    case FieldType::texts:
      if (v.is_array() && !list_ja().empty())
        return Invalid(name, n + "は一覧の値の配列で指定してください" + list_ja() + "。",
                       "Expected a list of values from the list" + list_en() + ".", "not_in_list",
                       what);
      return Invalid(name, n + "は文字列の配列で指定してください。", "Expected a list of strings.",
                     "wrong_type", what);
    case FieldType::ids:
      return Invalid(name, n + "は ID（整数）の配列で指定してください。", "Expected a list of ids.",
                     "wrong_type", what);
    case FieldType::level:
      return Invalid(
          name,
          n + "は [発生可能性, 影響度] の形（例: [2, 3]）で、それぞれ 1 "
              "以上の整数で指定してください。",
          "Expected [likelihood, impact] or {likelihood, impact} of whole numbers from 1.",
          "wrong_type", what);
    case FieldType::object:
      return Invalid(name, n + "は JSON のオブジェクトで指定してください。", "Expected an object.",
                     "wrong_type", what);
    case FieldType::text_map:
      return Invalid(name, n + "は値がすべて文字列の JSON オブジェクトで指定してください。",
                     "Expected an object of strings.", "wrong_type", what);
  }
  return Invalid(name, n + "の値を確認してください。", "Check the value.", "invalid", what);
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
  if (!in.is_object()) {
    std::string name = prefix.empty() ? "body" : prefix.substr(0, prefix.size() - 1);
    throw Invalid(name, "JSON のオブジェクトで送ってください。", "Send a JSON object.",
                  prefix.empty() ? "not_json" : "wrong_type", name + ": expected a JSON object");
  }
  for (const auto& f : fields) {
    std::string name = prefix + f.name;
    if (!in.contains(f.name) || in[f.name].is_null()) {
      if (f.required)
        throw Invalid(name, name_ja(f) + "を入力してください（必須）。", "Required.", "required",
                      name + ": required");
      continue;
    }
    const json& v = in[f.name];
    if (!valid(f, v)) {
      std::string got = v.dump();
      if (got.size() > 80) got = got.substr(0, 77) + "...";
      throw wrong_value(f, name, v, name + ": expected " + expected(f) + ", got " + got);
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
      std::string list = names.empty() ? std::string("none") : joined(names);
      throw Invalid(
          prefix + k,
          std::string("この項目はこのリクエストでは送れません。") +
              (names.empty() ? "送れる項目はありません。"
                             : "送れる項目は API 仕様（/api/v1/openapi.json）をご覧ください。"),
          "Not a field of this request (expected " + list + ").", "unknown_field",
          prefix + k + ": not a field of this request (expected " + list + ")");
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
BodyField BodyField::one_of(std::vector<std::string> values, std::string label_domain) const {
  BodyField f = *this;
  f.codes = std::move(values);
  f.labels = std::move(label_domain);
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
