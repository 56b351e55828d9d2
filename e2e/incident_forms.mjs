// Issue 15 part A in the browser: the incident form takes every input of the classifier (a
// designated operator's 1,500-person leak is R7, as the CLI says), the verdict names the
// missing input that would change it, a filed report stops its own clock only, closing asks
// first, forms keep what was typed, and a too-large upload gets Anzen's own 413 page.
// Usage: node incident_forms.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check, failures, launch, signedIn } from "./harness.mjs";

const [base, demoFile, outDir, anzen] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));

const browser = await launch();
try {
  const page = await signedIn(browser, base, demo);
  const shot = (name) => page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });

  const leak = async (title) => {
    await page.goto(`${base}/incidents/new`);
    await page.fill("#title", title);
    await page.selectOption("#event_type", "specified_user_info_leak");
    await page.fill("#leaked_persons", "1,500");
    await page.fill("#started_at", "2026-11-20T09:00");
    await page.fill("#ended_at", "2026-11-20T12:00");
    await page.fill("#known_at", "2026-11-24T10:00");
  };

  // 1. Without the designated-operator flag: not reportable, and the page says what would change it.
  await leak("顧客情報の漏えい（指定なし）");
  check(!(await page.isChecked("#designated_operator")), "the designated-operator box starts unticked (profile says not designated)");
  await page.click("#save-incident");
  await page.waitForLoadState();
  let body = await page.textContent("body");
  check(body.includes("報告対象外"), "without the flag the leak is not reportable");
  const hint = await page.textContent(".missing-inputs");
  check(hint.includes("指定電気通信事業者") && hint.includes("R7"), "the verdict names the missing designated-operator flag and R7");
  await shot("forms-01-missing-input");

  // 2. The organisation profile holds the flag and pre-fills the form.
  await page.goto(`${base}/admin`);
  await page.check("#designated_operator");
  await page.fill("#users_other", "250000");
  await page.click("#incident-profile ~ p button[type=submit]");
  await page.waitForLoadState();
  await leak("顧客情報 1,500 人分の漏えい");
  check(await page.isChecked("#designated_operator"), "the form is pre-filled from the organisation profile");
  await shot("forms-02-incident-form");
  await page.click("#save-incident");
  await page.waitForLoadState();
  const incidentUrl = page.url();
  body = await page.textContent("body");
  const webRules = await page.locator(".classifications .badge").allTextContents();
  const dir = mkdtempSync(join(tmpdir(), "anzen-e2e-"));
  writeFileSync(join(dir, "event.json"), JSON.stringify({
    event_type: "specified_user_info_leak", leaked_persons: 1500, designated_operator: true,
    started_at: "2026-11-20T09:00:00+09:00", ended_at: "2026-11-20T12:00:00+09:00", known_at: "2026-11-24T10:00:00+09:00",
  }));
  const cli = JSON.parse(execFileSync(anzen, ["incident", "classify", "--json", join(dir, "event.json")]).toString());
  const cliRules = cli.classifications.map((c) => c.rule);
  check(JSON.stringify(webRules) === JSON.stringify(cliRules) && cliRules.includes("R7"),
        `the web shows ${webRules} exactly as the CLI says (${cliRules})`);
  check(body.includes("特定利用者情報の漏えい"), "the page names the classification in Japanese");
  check(body.includes("2026年12月24日"), "the detailed report is due 2026年12月24日 (30 days from awareness)");
  check(!/\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z/.test(body), "no UTC …Z time is shown");
  await shot("forms-03-r7");

  // 3. File the prompt report: its clock stops, the detailed report's does not.
  await page.selectOption("#report", "specified_user_info_leak/prompt");
  await page.fill("#filed_at", "2026-11-24T15:00");
  await page.fill("#reference", "総基安第123号");
  await page.setInputFiles("#evidence", { name: "速報_様式.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 速報\n") });
  check((await page.textContent(".upload-limit")).includes("32 MB"), "the upload limit is stated before upload");
  await page.click("#save-filing");
  await page.waitForLoadState();
  const prompt = await page.textContent("tr[data-report=prompt]");
  const detailed = await page.textContent("tr[data-report=detailed]");
  check(prompt.includes("提出済") && prompt.includes("総基安第123号") && prompt.includes("速報_様式.pdf"), "the prompt report shows as filed with its reference and document");
  check(detailed.includes("未提出"), "the detailed report is still due");
  await shot("forms-04-filed");
  await page.goto(`${base}/incidents`);
  const deadlines = await page.textContent("table.obligations");
  const title = "顧客情報 1,500 人分の漏えい";
  const rows = (await page.locator("table.obligations tr", { hasText: title }).allTextContents());
  check(rows.length === 1 && rows[0].includes("詳細な報告") && !rows[0].includes("速報"), "only the detailed report of the leak is left among the deadlines");
  check(deadlines.length > 0, "the deadlines table is shown");

  // 4. Closing with a report still due asks first and keeps the deadline.
  await page.goto(incidentUrl);
  await page.click("#set-status");
  await page.waitForLoadState();
  check((await page.locator("#confirm-close").count()) === 1, "closing with an unfiled report asks for confirmation");
  await shot("forms-05-confirm-close");
  await page.click("#confirm-close-button");
  await page.waitForLoadState();
  check((await page.textContent("h1")).includes("終了"), "the incident is closed");
  await page.goto(`${base}/incidents`);
  check((await page.locator("table.obligations tr", { hasText: title }).count()) === 1, "the closed incident's detailed report keeps its deadline");

  // 5. A form error keeps what was typed and sits next to the field.
  await page.goto(`${base}/incidents/new`);
  await page.fill("#title", "入力途中の事故");
  await page.fill("#affected_users", "たくさん");
  await page.fill("#started_at", "2026-11-27T09:00");
  await page.fill("#cause", "電源装置の故障");
  await page.click("#save-incident");
  await page.waitForLoadState();
  check(await page.inputValue("#title") === "入力途中の事故" && await page.inputValue("#cause") === "電源装置の故障", "the typed title and cause are kept");
  check(await page.inputValue("#affected_users") === "たくさん", "the rejected value is shown for correction");
  const err = await page.textContent("#affected_users-error");
  check(err.includes("整数で入力してください"), "the error is in Japanese next to the field");
  check(await page.getAttribute("#affected_users", "aria-invalid") === "true", "the field is marked invalid");
  await shot("forms-06-form-error");

  // 6. A too-large upload gets Anzen's 413 page, in Japanese.
  await page.goto(`${base}/assessments/${demo.assessment_id}/questions/${demo.question_to_answer}`);
  check((await page.textContent(".upload-limit")).includes("32 MB"), "the evidence form states the limit");
  // 40 MB go to the browser through the DevTools protocol first: on a loaded 2-core machine that
  // alone took longer than Playwright's default 30 s (CI rehearsal, 2 Dec 2026).
  await page.setInputFiles("input[name=file]", { name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(40 * 1024 * 1024, 0x41) }, { timeout: 180000 });
  const [resp] = await Promise.all([page.waitForNavigation(), page.click("#upload-evidence")]);
  check(resp && resp.status() === 413, `the upload is refused with 413 (got ${resp && resp.status()})`);
  const big = await page.textContent("body");
  check(big.includes("大きすぎます") && big.includes("Anzen"), "the 413 page is Anzen's, in Japanese");
  check(await page.locator("header.top nav.wide a[href='/incidents']").count() === 1, "the 413 page has the navigation of a signed-in page");
  check(await page.locator("a:has-text('元の画面に戻る')").getAttribute("href") === `/assessments/${demo.assessment_id}/questions/${demo.question_to_answer}`, "the 413 page links back to the form");
  await shot("forms-07-413");
} finally {
  await browser.close();
}
if (failures()) {
  console.log(`${failures()} incident-form browser check(s) failed`);
  process.exit(1);
}
