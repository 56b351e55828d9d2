// Forms that keep what was typed and show errors next to the field, in the user's language.
//
//   r.post("/things", [](Ctx& c) {
//     submit(c, [&] { /* validate and save; throw FieldError or "field: …" */
//     c.redirect("/things/1"); },
//            [&](Form& f) { return layout(c, "title", thing_form(c, f)); });
//   });
//   std::string thing_form(const Ctx& c, Form& f) {   // also used by the GET page (no errors)
//     return "<form …>" + csrf_field(c) + f.summary() + f.text("title", "件名", stored.title) + …;
//   }
//
// When the action throws, the page is rendered again with status 400: every widget shows the
// submitted value instead of the stored one, the error sits under its field (aria-invalid,
// aria-describedby) and a summary at the top links to each field.
#pragma once
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/invalid.h"
#include "web/context.h"

namespace anzen::web {

// A rejected field, with the message in both languages: the domain's bilingual error, so a
// validator in the domain and a check in a page handler throw the same thing.
using FieldError = anzen::Invalid;

class Form {
 public:
  explicit Form(const Ctx& c) : c_(c) {}

  // Records an error (the first one per field is shown).
  void add_error(const std::string& field, const std::string& message);
  // Records the error an action threw, in the page's language: an Invalid (FieldError) gives
  // its Japanese or English text; a plain "field: detail" keeps the English detail.
  void add_error(const std::exception& e);
  bool has_errors() const { return !errors_.empty(); }
  // True when the form comes back after a failed submission (widgets show the typed values).
  bool resubmitted() const { return resubmitted_; }
  void mark_resubmitted() { resubmitted_ = true; }

  // What a widget shows: the submitted value after a failed submission, else `stored`.
  std::string value(const std::string& name, const std::string& stored = "") const;
  std::vector<std::string> values(const std::string& name,
                                  const std::vector<std::string>& stored) const;
  bool checked(const std::string& name, bool stored = false) const;

  // A labelled field with its error. `attrs` goes into the control (e.g. "required min=\"0\"").
  std::string input(const std::string& type, const std::string& name, const std::string& label,
                    const std::string& stored = "", const std::string& attrs = "") const;
  std::string text(const std::string& name, const std::string& label,
                   const std::string& stored = "", const std::string& attrs = "") const {
    return input("text", name, label, stored, attrs);
  }
  std::string textarea(const std::string& name, const std::string& label,
                       const std::string& stored = "") const;
  // Options are (value, label) pairs.
  std::string select(const std::string& name, const std::string& label,
                     const std::vector<std::pair<std::string, std::string>>& options,
                     const std::string& stored = "") const;
  std::string checkbox(const std::string& name, const std::string& label,
                       bool stored = false) const;
  // Several checkboxes of one name (name=value repeated).
  std::string checkboxes(const std::string& name, const std::string& legend,
                         const std::vector<std::pair<std::string, std::string>>& options,
                         const std::vector<std::string>& stored) const;

  // Pieces for hand-made controls: the error paragraph and the control's attributes.
  std::string error_html(const std::string& name) const;
  std::string control_attrs(const std::string& name) const;
  // The list of every error at the top of the form (role=alert, links to the fields).
  std::string summary() const;

 private:
  const Ctx& c_;
  bool resubmitted_ = false;
  std::vector<std::pair<std::string, std::string>> errors_;  // in order of arrival
};

// Record forms (risks, assets, plan items) are rebuilt from the typed record rather than from
// Form's widgets; their one error uses the same field naming, markup and summary as Form.
struct FormError {
  std::string field;    // the form field the message belongs to (empty: the whole form)
  std::string message;  // as the validator wrote it
};
// The error an action threw, in the page's language, with the field named as Form does
// ("details.x" → "x", "feared.kind" → "feared_kind"), mapping validator names to the form's
// (`aliases`, e.g. {"acceptance_expiry", "expiry"}).
FormError form_error(const Ctx& c, const std::exception& e,
                     const std::vector<std::pair<std::string, std::string>>& aliases = {});
// The same for a plain message ("field: …", "field (日本語): …"), kept as written.
FormError form_error(const std::string& what,
                     const std::vector<std::pair<std::string, std::string>>& aliases = {});
// Form::summary() of the error (empty when there is none).
std::string error_summary(const Ctx& c, const FormError& e);
// Form::error_html and the control's aria attributes when `e` names `field`, else empty.
std::string field_error(const FormError& e, const std::string& field);
std::string invalid_attrs(const FormError& e, const std::string& field);

// "Files up to 32 MB" under a file field, before anything is sent (the server's body limit for a
// signed-in user; a larger body gets the 413 page).
std::string upload_limit_hint(const Ctx& c);

// Runs `apply`; when it throws a FieldError or std::invalid_argument, answers 400 with
// `page(form)`, the form carrying the error and the submitted values. HttpError and other
// exceptions pass through to the router (403, 404, 500 pages). JSON API requests are left to
// the router too (their errors stay JSON).
void submit(Ctx& c, const std::function<void()>& apply,
            const std::function<std::string(Form&)>& page);

}  // namespace anzen::web
