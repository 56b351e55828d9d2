#include "web/context.h"

#include "web/i18n.h"

namespace anzen::web {

std::optional<std::string> Ctx::body_param(const std::string& name) const {
  if (req.has_file(name)) return req.get_file_value(name).content;
  if (auto it = form.find(name); it != form.end()) return it->second;
  return std::nullopt;
}

std::string Ctx::param(const std::string& name) const {
  if (auto v = body_param(name)) return *v;
  if (req.has_param(name)) return req.get_param_value(name);
  return {};
}

std::vector<std::string> Ctx::params(const std::string& name) const {
  std::vector<std::string> out;
  for (auto [it, end] = form.equal_range(name); it != end; ++it) out.push_back(it->second);
  for (auto [it, end] = req.files.equal_range(name); it != end; ++it) out.push_back(it->second.content);
  for (auto [it, end] = req.params.equal_range(name); it != end; ++it) out.push_back(it->second);
  return out;
}

bool Ctx::has_param(const std::string& name) const {
  return req.has_file(name) || form.count(name) > 0 || req.has_param(name);
}

namespace {
// An id that is not a whole number names nothing: 404, like an id of another organisation.
int64_t id_or_404(const std::string& v) {
  try {
    size_t used = 0;
    int64_t id = std::stoll(v, &used);
    if (used == v.size()) return id;
  } catch (const std::exception&) {
  }
  throw HttpError(404, "not found");
}
}  // namespace

int64_t Ctx::id_param(const std::string& name) const { return id_or_404(param(name)); }
int64_t Ctx::path_id(size_t i) const { return id_or_404(path_arg(i)); }

const std::string& Ctx::t(std::string_view key) const { return tr(lang, key); }

namespace {
// What Response::set_content does, without copying the body.
void set_body(httplib::Response& res, int status, std::string body, const char* type) {
  res.status = status;
  res.body = std::move(body);
  res.headers.erase("Content-Type");
  res.headers.emplace("Content-Type", type);
}
}  // namespace

void Ctx::html(std::string body, int status) {
  set_body(res, status, std::move(body), "text/html; charset=utf-8");
}

void Ctx::json(const nlohmann::json& j, int status) { json_text(j.dump(), status); }

void Ctx::json_text(std::string dumped, int status) {
  set_body(res, status, std::move(dumped), "application/json; charset=utf-8");
}

void Ctx::redirect(const std::string& to) {
  res.status = 303;
  res.set_header("Location", to);
}

void Ctx::require_edit() const {
  if (!user || !can_edit(user->role)) throw HttpError(403, "forbidden: your role may not change data");
}
void Ctx::require_admin() const {
  if (!user || !can_admin(user->role)) throw HttpError(403, "forbidden: administrators only");
}
void Ctx::require_audit() const {
  if (!user || !can_audit(user->role)) throw HttpError(403, "forbidden: auditors and administrators only");
}

}  // namespace anzen::web
