// Names and types of files people upload: kept as a plain name (no folders, no control or
// bidirectional-override characters, at most 200 bytes), and served back with a type of our
// choosing, never the uploader's.
#pragma once
#include <string>
#include <string_view>

namespace anzen {

// The last path component without C0/C1 controls, DEL, bidi controls (U+200E/F, U+202A-E,
// U+2066-9, U+061C) and invalid UTF-8; cut to 200 bytes on a character boundary; "file" when
// nothing is left.
std::string safe_file_name(std::string_view name);

// The Content-Type to serve a stored file with, from its extension: a short list of document
// and image types; everything else is application/octet-stream.
std::string download_type(std::string_view file_name);

}  // namespace anzen
