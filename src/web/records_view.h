// Shared pieces of the risk, asset and treatment-plan pages: labels from the vocabulary and the
// organisation's matrix, and the form controls of the record forms.
#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "risk/repo.h"
#include "web/context.h"
#include "web/form.h"

namespace anzen::web {

using Options = std::vector<std::pair<std::string, std::string>>;  // value, label

// 「高 4×5」: the level's name and the position on the matrix.
std::string level_badge(const Ctx& c, const risk::Matrix& m, int likelihood, int impact);
std::string threat_label(const Ctx& c, const risk::Risk& r);
std::string likelihood_label(const Ctx& c, const risk::Matrix& m, int l);
std::string impact_label(const Ctx& c, const risk::Matrix& m, int i);
std::string classification_label(const Ctx& c, const risk::Matrix& m, int v);
// Download links and the all-or-nothing import form of the register, assets and plan.
std::string table_io(const Ctx& c, const std::string& what, bool svg = false);

// Form controls: label, control, and the inline error when `e` names the field.
std::string text_input(const std::string& id, const std::string& label, const std::string& value,
                       const FormError& e, const std::string& type = "text", bool required = false);
std::string text_area(const std::string& id, const std::string& label, const std::string& value,
                      const FormError& e);
std::string select_input(const std::string& id, const std::string& label, const Options& options,
                         const std::string& current, const FormError& e);
std::string check_boxes(const std::string& name, const std::string& legend, const Options& options,
                        const std::set<std::string>& checked, const FormError& e);
// The end of a record form: save (or create, for a new record) and cancel back to the record's
// page, or to the list (`path`, e.g. "risks") for a new one.
std::string form_footer(const Ctx& c, const std::string& path, int64_t id,
                        const std::string& button_id);

}  // namespace anzen::web
