// The organisation profile's standing facts for the accident classifier: the designated-operator
// flag (organizations) and the users per service category (the ops module's users table, the
// one place users per service are kept). New incidents are pre-filled from them.
#include "assess/repo.h"
#include "common/number_input.h"
#include "common/vocabulary.h"
#include "incident/missing.h"
#include "ops/repo.h"
#include "web/form.h"
#include "web/html.h"
#include "web/router.h"

namespace anzen::web {

int64_t user_count(const std::string& field, const std::string& text) {
  auto n = parse_grouped_count(text);
  if (!n)
    throw FieldError(field, "40000 や 40,000 のような整数で入力してください。",
                     "Enter a whole number such as 40000 or 40,000.");
  return *n;
}

namespace {
const char* kCategories[] = {"voice_emergency", "voice_no_emergency", "lpwa", "free_internet",
                             "other"};
}

std::string incident_profile_fields(Ctx& c, const Form& f, const assess::Organization& org) {
  bool en = c.lang == "en";
  std::map<std::string, int64_t> users;
  for (const auto& u : ops::OpsRepo(c.db, c.actor()).users(c.org()))
    if (u.prefecture.empty()) users[u.service] = u.users;
  std::string h =
      "<fieldset id=\"incident-profile\"><legend>" +
      std::string(en ? "For telecom accident reports" : "電気通信事故の報告のために") +
      "</legend>" +
      f.checkbox("designated_operator", incident::input_label("designated_operator").in(c.lang),
                 org.designated_operator);
  h += "<p class=\"hint\">" +
       std::string(
           en ? "Users per service category (Table 2 of Ordinance Art. 58); they pre-fill new "
                "incidents."
              : "役務の区分ごとの利用者数（施行規則第58条の表）。事故の登録画面に反映されます。") +
       "</p>";
  for (const char* cat : kCategories) {
    std::string name = std::string("users_") + cat;
    h += f.text(name, vocab::label_or_code("service", cat, c.lang),
                users.count(cat) ? std::to_string(users[cat]) : "", "inputmode=\"numeric\"");
  }
  return h + "</fieldset>";
}

void save_incident_profile(Ctx& c) {
  ops::OpsRepo repo(c.db, c.actor());
  for (const char* cat : kCategories) {
    std::string name = std::string("users_") + cat;
    std::string v = c.param(name);
    if (v.empty()) continue;
    repo.set_users(c.org(), cat, "", user_count(name, v));
  }
}

}  // namespace anzen::web
