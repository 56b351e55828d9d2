// The audit page's before/after as a readable difference: the fields that changed, each with
// its old and new value, instead of two raw JSON documents.
#pragma once
#include <string>

namespace anzen::web {

// `before` and `after` are the stored JSON texts (either may be empty). Nested objects are
// flattened to dotted keys ("event.affected_users"); lists and long values are shortened with
// the full text in a tooltip. Returns HTML (a <ul class="diff">), escaped.
std::string audit_diff_html(const std::string& before, const std::string& after,
                            const std::string& lang);

}  // namespace anzen::web
