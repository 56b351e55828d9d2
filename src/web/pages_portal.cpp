// The supplier portal: a questionnaire answered through a link, without an account. The token
// in the path is the only credential; the form echoes a per-link secret so that another site
// cannot post answers in the supplier's name.
#include <sodium.h>

#include "assess/model.h"
#include "supplier/view.h"
#include "web/html.h"
#include "web/json_body.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/supplier_view.h"

namespace anzen::web {

namespace {
const char* kTokenPath = R"(/portal/([A-Za-z0-9_-]{20,100}))";

std::string portal_actor(Ctx& c, const supplier::Questionnaire& q) {
  auto s = suppliers_for(c, "portal").supplier(q.org_id, q.supplier_id);
  return "portal:" + (s ? s->name : std::to_string(q.supplier_id));
}

// Resolves the token or answers for it: 404 unknown, 410 expired/revoked (a Japanese page), 429.
std::optional<supplier::PortalAccess> open_portal(Ctx& c, const std::string& token) {
  auto acc = suppliers_for(c, "portal").portal(token);
  using S = supplier::PortalAccess::State;
  if (acc.state == S::ok) return acc;
  if (acc.state == S::unknown) throw HttpError(404, "not found");
  if (acc.state == S::throttled) {
    c.res.set_header("Retry-After", "60");
    throw HttpError(429, "too many requests on this link; retry in a minute");
  }
  std::string msg =
      "このリンクは有効期限が切れたか、取り消されています。回答が必要な場合は、質問票の送付元にお問"
      "い合わせください。";
  std::string en =
      "This link has expired or was revoked. Please ask the sender of the questionnaire for a new "
      "one.";
  if (c.api) {
    c.json({{"error", en}, {"message", msg}, {"status", 410}}, 410);
  } else {
    c.html(bare_layout(c, "410",
                       "<h1>" + tx(c, "リンクは無効です", "Link no longer valid") +
                           "</h1><p class=\"error\">" + esc(c.lang == "en" ? en : msg) + "</p>"),
           410);
  }
  return std::nullopt;
}

void check_form_secret(const Ctx& c, const std::string& secret) {
  std::string sent = c.param("_form");
  if (sent.size() != secret.size() ||
      sodium_memcmp(sent.data(), secret.data(), secret.size()) != 0) {
    throw HttpError(403, "form token missing or wrong; reload the page");
  }
}

std::string portal_page(Ctx& c, const std::string& token, const supplier::PortalAccess& acc,
                        const std::string& notice) {
  auto svc = suppliers_for(c, "portal");
  const auto& q = *acc.q;
  auto answers = svc.answers(q.id);
  bool editable = supplier::answerable(q.status);
  int answered = static_cast<int>(answers.size());
  std::string base = "/portal/" + token;
  std::string b = "<h1>" + tx(c, "質問票への回答", "Answer the questionnaire") + " " +
                  qstatus_badge(c, q.status) + "</h1>";
  b += "<p>" + tx(c, "回答期限: ", "Due: ") + esc(q.due) + " · " + tx(c, "回答済み ", "Answered ") +
       std::to_string(answered) + " / " + std::to_string(q.questions.size()) + "</p>";
  b += "<p class=\"muted\">" +
       tx(c,
          "このページはリンクを知っている方だけが開けます。リンクを他の方に転送しないでください。",
          "Only holders of this link can open this page; please do not forward it.") +
       "</p>";
  if (!notice.empty()) b += "<p class=\"notice\" role=\"status\">" + esc(notice) + "</p>";
  if (q.status == supplier::QStatus::returned) {
    b += "<p class=\"error\">" +
         tx(c, "確認者から差し戻されました。コメントのある質問を修正して再提出してください。",
            "The reviewer returned the questionnaire: fix the questions with comments and submit "
            "again.") +
         "</p>";
  }
  std::string hidden = "<input type=\"hidden\" name=\"_form\" value=\"" + esc(acc.form_secret) +
                       "\">" + (c.user ? csrf_field(c) : "");
  if (editable) {
    b += "<form method=\"post\" action=\"" + base + "/save\">" + hidden +
         questions_table(c, q, answers, true) + "<p><button type=\"submit\">" +
         tx(c, "回答を保存", "Save answers") + "</button></p></form>";
    b += "<form method=\"post\" action=\"" + base + "/submit\">" + hidden +
         "<p><button type=\"submit\" class=\"primary\">" +
         tx(c, "提出する（提出後は確認が終わるまで変更できません）",
            "Submit (no changes until reviewed)") +
         "</button></p></form>";
  } else {
    b += questions_table(c, q, answers, false);
  }
  b += evidence_section(c, q, svc, editable, base, hidden);
  return b;
}
}  // namespace

void mount_portal_pages(Router& r) {
  r.get(
      kTokenPath,
      [](Ctx& c) {
        auto acc = open_portal(c, c.path_arg(1));
        if (!acc) return;
        std::string notice = c.param("saved").empty() ? "" : tx(c, "保存しました。", "Saved.");
        if (!c.param("attached").empty())
          notice = tx(c, "ファイルを添付しました。", "File attached.");
        if (!c.param("submitted").empty())
          notice = tx(c, "提出しました。ありがとうございました。", "Submitted. Thank you.");
        c.html(bare_layout(c, tx(c, "質問票", "Questionnaire"),
                           portal_page(c, c.path_arg(1), *acc, notice)));
      },
      true);
  // The page's forms: the link must be live and the form must carry the link's secret; the
  // change is made with the link as the actor, then back to the page with a notice.
  using Change = void (*)(Ctx&, supplier::Suppliers&, const supplier::Questionnaire&);
  auto form_post = [&r](const std::string& action, const std::string& notice, Change change) {
    r.post(
        std::string(kTokenPath) + "/" + action,
        [notice, change](Ctx& c) {
          auto acc = open_portal(c, c.path_arg(1));
          if (!acc) return;
          check_form_secret(c, acc->form_secret);
          auto svc = suppliers_for(c, portal_actor(c, *acc->q));
          change(c, svc, *acc->q);
          c.redirect("/portal/" + c.path_arg(1) + "?" + notice + "=1");
        },
        true);
  };
  form_post("save", "saved",
            [](Ctx& c, supplier::Suppliers& svc, const supplier::Questionnaire& q) {
              save_form_answers(c, svc, q);
            });
  form_post(
      "submit", "submitted",
      [](Ctx&, supplier::Suppliers& svc, const supplier::Questionnaire& q) { svc.submit(q); });
  // Evidence files, as a supplier user attaches them (same limits and storage). The event loop
  // gave this request the signed-in body limit only because its link is live (portal_gate.h).
  form_post("evidence", "attached", attach_posted_evidence);
  r.get(
      std::string(kTokenPath) + R"(/evidence/(\d+))",
      [](Ctx& c) {
        auto acc = open_portal(c, c.path_arg(1));
        if (!acc) return;
        auto svc = suppliers_for(c, portal_actor(c, *acc->q));
        send_evidence_file(c, svc, *acc->q, c.path_id(2));
      },
      true);

  // The same for programs: GET the questionnaire, PUT one answer, POST submit.
  r.api(
      "GET", std::string("/api/v1") + kTokenPath, "/api/v1/portal/{token}",
      "Supplier portal: the questionnaire with its questions (no account; the token is the "
      "credential)",
      [](Ctx& c) {
        auto acc = open_portal(c, c.path_arg(1));
        if (!acc) return;
        c.json(supplier::questionnaire_json(*acc->q, suppliers_for(c, "portal").answers(acc->q->id),
                                            true));
      },
      true);
  r.api(
      "PUT", std::string("/api/v1") + kTokenPath + "/answers/([^/]+)",
      "/api/v1/portal/{token}/answers/{question}",
      "Supplier portal: set one answer (JSON: status, comment)",
      [](Ctx& c) {
        auto acc = open_portal(c, c.path_arg(1));
        if (!acc) return;
        nlohmann::json in;
        try {
          in = nlohmann::json::parse(c.req.body);
        } catch (const nlohmann::json::parse_error&) {
          throw not_an_object();
        }
        if (!in.is_object()) throw not_an_object();
        auto st = assess::status_from(in.contains("status") && in["status"].is_string()
                                          ? in["status"].get<std::string>()
                                          : "");
        if (!st)
          throw assess::status_refused(
              "status", false,
              "status: expected implemented, partial, not_implemented or not_applicable");
        if (in.contains("comment") && !in["comment"].is_string())
          throw not_text("comment", "comment: expected a string");
        auto svc = suppliers_for(c, portal_actor(c, *acc->q));
        try {
          svc.set_answer(*acc->q, c.path_arg(2), *st, in.value("comment", ""));
        } catch (const std::out_of_range&) {
          throw HttpError(404, "no question " + c.path_arg(2) + " in this questionnaire");
        }
        auto now = svc.questionnaire_by_id(acc->q->id);
        c.json(supplier::questionnaire_json(*now, svc.answers(now->id), true));
      },
      true);
  r.api(
      "POST", std::string("/api/v1") + kTokenPath + "/submit", "/api/v1/portal/{token}/submit",
      "Supplier portal: submit the answers for review",
      [](Ctx& c) {
        auto acc = open_portal(c, c.path_arg(1));
        if (!acc) return;
        auto svc = suppliers_for(c, portal_actor(c, *acc->q));
        svc.submit(*acc->q);
        auto now = svc.questionnaire_by_id(acc->q->id);
        c.json({{"id", now->id}, {"status", supplier::to_string(now->status)}});
      },
      true);
}

}  // namespace anzen::web
