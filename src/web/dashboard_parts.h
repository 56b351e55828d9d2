// Dashboard pieces contributed by other modules (legal deadlines from the incident register).
#pragma once
#include <string>

#include "web/context.h"

namespace anzen::web {
std::string dashboard_cards(Ctx& c);     // extra cards in the top row
std::string dashboard_sections(Ctx& c);  // extra sections below the charts
std::string ops_dashboard_section(Ctx& c);  // failed notification deliveries (ops)
std::string supplier_dashboard_section(Ctx& c);  // supplier re-assessments due or overdue
}  // namespace anzen::web
