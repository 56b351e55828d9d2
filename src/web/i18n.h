// User-interface strings in Japanese (default) and English. Catalog and rule texts carry their
// own translations; this table covers only the application's own words.
#pragma once
#include <string>

namespace anzen::web {

// Returns the text for `key` in `lang` ("ja" or "en"); an unknown key returns the key itself so
// a missing string is visible rather than blank.
const std::string& tr(std::string_view lang, std::string_view key);

}  // namespace anzen::web
