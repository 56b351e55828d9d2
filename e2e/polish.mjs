// Issue 15's remainder: the audit trail is the shared sortable, paged table (sort and page in
// the URL, the banner counting this organisation's rows, field-by-field differences kept);
// every time on the pages visited is JST in one format, never raw ISO; the organisation settings,
// assessment creation and ops forms keep what was typed and show errors beside the field; risks,
// assets and plan items are deleted from their pages after a confirmation. Screenshots in Japanese
// and English at 1366 px and on a phone go to OUT_DIR/polish-*.png.
// Usage: node polish.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { readFileSync } from "node:fs";
import { check, failures, launch, signedIn } from "./harness.mjs";

const [base, demoFile, outDir] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
const RAW_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\d{2}:\d{2}:\d{2}Z/;
const noRawTime = async (page, where) => {
  const text = await page.locator("main").innerText();
  const m = text.match(RAW_TIME);
  check(!m, `${where}: times are shown in JST, not raw ISO${m ? ` (saw ${m[0]})` : ""}`);
};

const browser = await launch();
try {
  const page = await signedIn(browser, base, demo, { viewport: { width: 1366, height: 900 } });
  const shot = (name, p = page) => p.screenshot({ path: `${outDir}/polish-${name}.png`, fullPage: false });

  // The audit table: 50 a page, newest first, sortable and paged through the URL.
  await page.goto(`${base}/audit`);
  const count = await page.textContent("#audit-table >> xpath=ancestor::div[1]/preceding-sibling::p[1]");
  const total = Number((count.match(/全 (\d+) 件/) || [])[1]);
  check(total > 50 && count.includes("1–50"), `the audit count says 全 ${total} 件 and 1–50 (${count.trim()})`);
  check((await page.textContent("main p.flash")).includes(`(${total})`), "the verified banner counts the same rows (this organisation's)");
  const ids = await page.locator("#audit-table tbody tr td:nth-child(1)").evaluateAll((tds) => tds.map((t) => Number(t.textContent)));
  check(ids.length === 50 && ids.every((v, i) => i === 0 || ids[i - 1] > v), "the newest 50 rows come first");
  check((await page.locator("#audit-table ul.diff").count()) > 0, "changes are shown field by field");
  await noRawTime(page, "audit");
  await shot("1-audit-ja-1366");
  await page.click("#audit-table th a.sort:has-text('実行者')");
  await page.waitForLoadState();
  check(page.url().includes("sort=actor") && page.url().includes("dir=asc"), "sorting by actor is in the URL");
  const actors = await page.locator("#audit-table tbody tr td:nth-child(3)").evaluateAll((tds) => tds.map((t) => t.textContent));
  check(actors.every((a, i) => i === 0 || actors[i - 1] <= a), "the rows are sorted by actor");
  check((await page.getAttribute("#audit-table th[aria-sort]", "aria-sort")) === "ascending", "the sorted column says so to screen readers");
  await page.locator("nav.pager a[rel=next]").click();
  await page.waitForLoadState();
  check(page.url().includes("page=2") && page.url().includes("sort=actor"), "page 2 keeps the sort");
  check((await page.textContent("#audit-table >> xpath=ancestor::div[1]/preceding-sibling::p[1]")).includes("51–"), "page 2 shows rows from 51");
  await page.goto(`${base}/audit?action=update`);
  const filtered = await page.textContent("#audit-table >> xpath=ancestor::div[1]/preceding-sibling::p[1]");
  const n = Number((filtered.match(/全 (\d+) 件/) || [])[1]);
  check(n > 0 && n < total, `a filter narrows the count (${n} of ${total})`);
  await page.goto(`${base}/audit?lang=en`);
  check((await page.textContent("#audit-table thead")).includes("When"), "the English audit table has English headings");
  await noRawTime(page, "audit (English)");
  await shot("2-audit-en-1366");
  await page.goto(`${base}/audit?lang=ja`);

  // Times on the pages that used to show raw ISO.
  await page.goto(`${base}/assessments/${demo.assessment_id}/questions/${demo.question_to_answer}`);
  await noRawTime(page, "question history");
  await page.goto(`${base}/congestion`);
  await noRawTime(page, "congestion view");
  await shot("3-congestion-ja-1366");
  await page.goto(`${base}/admin`);
  await noRawTime(page, "admin (tokens)");

  // Forms keep what was typed and show the error beside the field, in the user's language.
  await page.goto(`${base}/admin`);
  await page.fill("#prefectures", "東京都、大阪府");
  await page.fill("#users", "たくさん");
  await page.click("#save-org");
  await page.waitForLoadState();
  check((await page.textContent("#users-error")).includes("整数で入力してください"), "organisation settings: the error is beside 利用者数, in Japanese");
  check((await page.inputValue("#users")) === "たくさん" && (await page.inputValue("#prefectures")) === "東京都、大阪府", "organisation settings: the typed values are kept");
  check((await page.getAttribute("#users", "aria-invalid")) === "true", "organisation settings: the field is marked invalid");
  await shot("5-org-error-ja-1366");
  await page.fill("#users", "1,200,000");
  await page.click("#save-org");
  await page.waitForLoadState();
  check(page.url() === `${base}/admin` && (await page.inputValue("#users")) === "1200000", "organisation settings: the corrected count is saved");

  await page.goto(`${base}/assessments`);
  await page.fill("#period", "2027年度");
  await page.fill("#scope", "音声・データ通信設備");
  await page.$eval("#new-assessment", (f) => { f.noValidate = true; });
  await page.click("#create-assessment");
  await page.waitForLoadState();
  check((await page.textContent("#period-error")).includes("FY2026 のように"), "new assessment: the fiscal-year error is beside 年度, in Japanese");
  check((await page.inputValue("#scope")) === "音声・データ通信設備", "new assessment: the typed scope is kept");
  await page.goto(`${base}/assessments?lang=en`);
  await page.fill("#period", "2027");
  await page.$eval("#new-assessment", (f) => { f.noValidate = true; });
  await page.click("#create-assessment");
  await page.waitForLoadState();
  check((await page.textContent("#period-error")).includes("e.g. FY2026"), "new assessment: in English the error is English");
  await shot("6-assessment-error-en-1366");
  await page.goto(`${base}/assessments?lang=ja`);

  await page.goto(`${base}/admin/notifications`);
  await page.selectOption("#kind", "email");
  await page.fill("#target", "noc@example.jp");
  await page.fill("#quiet", "22:00-07:00");
  await page.click("#add-channel");
  await page.waitForLoadState();
  check((await page.textContent("#smtp-error")).includes("SMTP サーバー"), "notification channel: the missing SMTP server is named beside its field");
  check((await page.inputValue("#target")) === "noc@example.jp" && (await page.inputValue("#quiet")) === "22:00-07:00", "notification channel: the typed values are kept");
  await page.fill("#smtp", "mail.example.jp:25");
  await page.fill("#quiet", "夜間");
  await page.click("#add-channel");
  await page.waitForLoadState();
  check((await page.textContent("#quiet-error")).includes("22:00-07:00"), "notification channel: a bad quiet window is explained beside its field");
  await shot("7-channel-error-ja-1366");
  await page.goto(`${base}/admin/integrations`);
  await page.fill("#name", "監視（試験）");
  await page.fill("#rules", "rules:\n  - match: {service: voice}\n    service_category: telepathy\n");
  await page.click("#create-integration");
  await page.waitForLoadState();
  check((await page.textContent("#rules-error")).includes(":3: rules[0].service_category"), "integration: the rules defect is beside the rules, with its line");
  check((await page.inputValue("#name")) === "監視（試験）", "integration: the typed name is kept");

  // Deleting a record: its page links to a confirmation; confirming deletes it (audited).
  await page.goto(`${base}/risks`);
  const riskHref = await page.locator("a[href^='/risks/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")).find((h) => /^\/risks\/\d+$/.test(h)));
  await page.goto(`${base}${riskHref}`);
  await page.click("#delete-record");
  await page.waitForLoadState();
  check(page.url().endsWith(`${riskHref}/delete`) && (await page.textContent("main")).includes("元に戻せません"), "delete asks for confirmation first");
  await page.click("#confirm-delete");
  await page.waitForLoadState();
  const refusedOrGone = page.url().endsWith("/risks") ? "deleted" : (await page.locator("#delete-refused").count()) === 1 ? "refused" : "neither";
  check(refusedOrGone !== "neither", `a risk is deleted or, while a plan item refers to it, refused with the reason (${refusedOrGone})`);
  if (refusedOrGone === "refused") {
    check((await page.locator("#delete-refused a[href^='/plan/']").count()) > 0, "the refusal links the plan items that refer to the risk");
    await shot("9-delete-refused-ja-1366");
  }
  await page.goto(`${base}/plan`);
  const planHref = await page.locator("a[href^='/plan/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")).find((h) => /^\/plan\/\d+$/.test(h)));
  await page.goto(`${base}${planHref}/delete?lang=en`);
  check((await page.textContent("main")).includes("for good"), "the confirmation is in English too");
  await shot("10-delete-confirm-en-1366");
  await page.goto(`${base}${planHref}?lang=ja`);
  await page.click("#delete-record");
  await page.waitForLoadState();
  await page.click("#confirm-delete");
  await page.waitForLoadState();
  check(page.url() === `${base}/plan`, "the plan item is deleted and the plan opens");
  const after = await page.goto(`${base}${planHref}`);
  check(after.status() === 404, "the deleted plan item's page is gone");
  await page.goto(`${base}/audit?action=delete`);
  check((await page.locator("#audit-table tbody tr").count()) >= 1, "the deletion is in the audit trail");

  const phone = await signedIn(browser, base, demo, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${base}/audit`);
  check((await phone.locator("#audit-table").count()) === 1, "the audit table is shown on a phone");
  await shot("4-audit-phone", phone);
  await phone.goto(`${base}/admin/notifications`);
  await phone.selectOption("#kind", "webhook");
  await phone.fill("#target", "ftp://example.jp");
  await phone.click("#add-channel");
  await phone.waitForLoadState();
  check((await phone.locator("#target-error").count()) === 1, "on a phone the error is beside the field too");
  await shot("8-channel-error-phone", phone);
} finally {
  await browser.close();
}
if (failures()) {
  console.log(`${failures()} polish browser check(s) failed`);
  process.exit(1);
}
