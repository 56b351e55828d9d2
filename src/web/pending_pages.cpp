// Mount points whose pages land with their modules.
#include "web/router.h"
namespace anzen::web {
void mount_dashboard_pages(Router&) {}
void mount_assessment_pages(Router&) {}
void mount_incident_pages(Router&) {}
void mount_assessment_api(Router&) {}
void mount_incident_api(Router&) {}
}  // namespace anzen::web
