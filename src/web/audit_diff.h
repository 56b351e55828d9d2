// The audit page's before/after as a readable difference: the fields that changed, each with
// its old and new value, instead of two raw JSON documents.
#pragma once
#include <string>

namespace anzen::web {

// `before` and `after` are the stored JSON texts (either may be empty) of a row about `entity`
// (plan_item, risk, …). Nested objects are flattened to dotted keys ("event.affected_users");
// each field is named by its label (vocabulary domain "audit_field"), values that are codes by
// their label (the treatment, a status, service categories …), times in JST, yes/no for flags;
// long values are shortened with the full text in a tooltip. Returns HTML (a <ul class="diff">),
// escaped; the code of each field stays in the item's data-field attribute.
std::string audit_diff_html(const std::string& entity, const std::string& before,
                            const std::string& after, const std::string& lang);

// The label of a (possibly dotted) field key: each part by its "audit_field" label, joined with
// " › "; a part without a label is shown as it is.
std::string audit_field_label(const std::string& key, const std::string& lang);

}  // namespace anzen::web
