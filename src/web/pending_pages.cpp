// Mount points whose pages land with the incident module.
#include "web/dashboard_parts.h"
#include "web/router.h"
namespace anzen::web {
void mount_incident_pages(Router&) {}
void mount_incident_api(Router&) {}
std::string dashboard_cards(Ctx&) { return {}; }
std::string dashboard_sections(Ctx&) { return {}; }
}  // namespace anzen::web
