// The checklist's autosave: every change of a row is sent to the JSON API (PUT
// /api/v1/assessments/{id}/answers/{question}) with the session's CSRF token in a header, and the
// row says 保存中… / 保存しました / the server's error. Without scripts the rows post as forms.
#include "web/checklist_view.h"

namespace anzen::web {

const std::string& checklist_script() {
  static const std::string js = R"JS("use strict";
(function () {
  const list = document.querySelector(".checklist");
  if (!list) return;
  const say = (row, text, kind) => {
    const state = row.querySelector(".row-state");
    state.textContent = text;
    state.className = "row-state " + kind;
  };
  const showError = (row, message) => {
    const err = row.querySelector(".row-error");
    err.textContent = message;
    err.hidden = !message;
    row.classList.toggle("has-error", !!message);
    const status = row.querySelector("select[name=status]");
    if (message) status.setAttribute("aria-invalid", "true");
    else status.removeAttribute("aria-invalid");
  };
  const updateProgress = (row) => {
    const chapter = row.closest("details.chapter");
    if (!chapter) return;
    const selects = chapter.querySelectorAll("select[name=status]");
    let answered = 0;
    selects.forEach((s) => { if (s.value !== "unanswered") answered++; });
    const out = chapter.querySelector(".answered");
    const bar = chapter.querySelector("summary progress");
    if (out && chapter.querySelectorAll(".qrow").length === Number(bar.max)) {
      out.textContent = String(answered);
      bar.value = answered;
    }
  };
  const save = async (row) => {
    const f = new FormData(row);
    const reason = row.querySelector("input[name=na_reason]");
    if (f.get("status") === "not_applicable") reason.hidden = false;
    const body = {
      status: f.get("status"),
      na_reason: f.get("na_reason") || "",
      maturity: f.get("maturity") === "" ? null : Number(f.get("maturity")),
      owner: f.get("owner") || "",
      due: f.get("due") || "",
    };
    say(row, list.dataset.saving, "saving");
    try {
      const res = await fetch(row.dataset.api, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": f.get("_csrf") },
        body: JSON.stringify(body),
      });
      const out = await res.json().catch(() => ({}));
      if (res.ok) {
        showError(row, "");
        say(row, list.dataset.saved, "saved");
        if (body.status !== "not_applicable" && !reason.value) reason.hidden = true;
        updateProgress(row);
        return;
      }
      const msg = String(out.error || res.status);
      showError(row, msg.startsWith("na_reason") ? list.dataset.na : msg);
      say(row, list.dataset.failed, "failed");
      if (msg.startsWith("na_reason")) reason.focus();
    } catch (e) {
      showError(row, String(e));
      say(row, list.dataset.failed, "failed");
    }
  };
  list.querySelectorAll("form.qrow").forEach((row) => {
    row.classList.add("autosave");
    row.addEventListener("change", () => save(row));
    row.addEventListener("submit", (ev) => { ev.preventDefault(); save(row); });
  });
  // Alt+↓ / Alt+↑: the same field of the next / previous question.
  list.addEventListener("keydown", (ev) => {
    if (!ev.altKey || (ev.key !== "ArrowDown" && ev.key !== "ArrowUp")) return;
    const field = ev.target.closest("[name]");
    const row = ev.target.closest(".qrow");
    if (!field || !row) return;
    const rows = Array.from(list.querySelectorAll(".qrow"));
    const next = rows[rows.indexOf(row) + (ev.key === "ArrowDown" ? 1 : -1)];
    if (!next) return;
    const target = next.querySelector(`[name="${field.getAttribute("name")}"]`);
    if (!target) return;
    ev.preventDefault();
    const chapter = next.closest("details");
    if (chapter) chapter.open = true;
    target.focus();
  });
})();
)JS";
  return js;
}

}  // namespace anzen::web
