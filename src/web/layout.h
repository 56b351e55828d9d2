// The page shell: header, navigation, language switch, main landmark.
#pragma once
#include <string>

#include "web/context.h"

namespace anzen::web {

std::string layout(const Ctx& c, const std::string& title, const std::string& body);
// A bare page (login, errors) without navigation.
std::string bare_layout(const Ctx& c, const std::string& title, const std::string& body);
// Hidden CSRF field for forms.
std::string csrf_field(const Ctx& c);
const std::string& stylesheet();
// Styles of the checklist, tables, record pages and the compact menu (screens_css.cpp).
const std::string& screens_stylesheet();
// The navigation entry a path belongs to ("/gaps" for /assessments/2/gaps).
std::string nav_section(const std::string& path);

}  // namespace anzen::web
