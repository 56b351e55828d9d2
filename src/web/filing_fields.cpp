#include "web/filing_fields.h"

#include <stdexcept>

#include "common/base64.h"
#include "common/file_name.h"
#include "web/datetime_local.h"
#include "web/form.h"

namespace anzen::web {

FiledFields filed_fields_from_form(const Ctx& c) {
  FiledFields out;
  if (c.param("filed_at").empty())
    throw FieldError("filed_at", "提出日時を入力してください。",
                     "Enter when the report was filed.");
  auto at = incident::parse_instant(local_to_iso(c.param("filed_at")));
  if (!at)
    throw FieldError("filed_at", "提出日時を正しく入力してください。",
                     "Enter a valid date and time.");
  out.filed_at = *at;
  out.filed_by = c.param("filed_by");
  out.reference = c.param("reference");
  if (c.req.has_file("evidence") && !c.req.get_file_value("evidence").filename.empty()) {
    out.evidence_name = safe_file_name(c.req.get_file_value("evidence").filename);
    out.evidence_content = c.req.get_file_value("evidence").content;
  }
  return out;
}

void evidence_from_json(const nlohmann::json& in, std::string& name, std::string& content) {
  if (!in.contains("evidence") || in["evidence"].is_null()) return;
  const nlohmann::json& e = in["evidence"];
  if (!e.is_object() || !e.value("name", nlohmann::json()).is_string() ||
      !e.value("content_base64", nlohmann::json()).is_string())
    throw FieldError("evidence", "提出した書類は {name, content_base64} の形で送ってください。",
                     "Expected {name, content_base64}.", "wrong_type",
                     "evidence: expected {name, content_base64}");
  auto bytes = base64_decode(e["content_base64"].get<std::string>());
  if (!bytes)
    throw FieldError("evidence.content_base64", "書類の内容が Base64 として読めません。",
                     "Not valid base64.", "invalid", "evidence.content_base64: not valid base64");
  name = safe_file_name(e["name"].get<std::string>());
  content = *bytes;
}

}  // namespace anzen::web
