// Drives Debian's chromium through Anzen's core flows. Every step asserts what a person would
// check on screen; screenshots are kept in OUT_DIR for a look afterwards.
// Usage: node browser.mjs BASE_URL DEMO_JSON OUT_DIR
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, demoFile, outDir] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
let failures = 0;
let passed = 0;
function check(cond, what) {
  if (cond) {
    passed++;
    console.log(`ok - ${what}`);
  } else {
    failures++;
    console.log(`not ok - ${what}`);
  }
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"],
});
try {
  const page = await (await browser.newContext({ locale: "ja-JP" })).newPage();
  const shot = (name) => page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });

  // 1. Log in.
  await page.goto(`${base}/`);
  check(page.url().includes("/login"), "anonymous visitor is sent to the login page");
  await page.fill("#name", demo.admin.name);
  await page.fill("#password", demo.admin.password);
  await shot("01-login");
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);
  check((await page.textContent("body")).includes(demo.admin.name), "dashboard shows the logged-in user");
  const before = await page.getAttribute("#overall-coverage", "data-value");
  await shot("02-dashboard");

  // 2. Answer a question in the checklist.
  await page.goto(`${base}/assessments/${demo.assessment_id}/questions/${demo.question_to_answer}`);
  await page.selectOption("select[name=status]", "implemented");
  await page.selectOption("select[name=maturity]", "4");
  await page.fill("input[name=owner]", "情報セキュリティ部 山田");
  await page.fill("textarea[name=comment]", "年次で見直し済み（全角テキスト確認）");
  await page.click("#save-answer");
  await page.waitForLoadState();
  check((await page.textContent("body")).includes("年次で見直し済み"), "saved answer shows its comment");
  const history = await page.textContent("#history");
  check(history.includes("実施済") && history.includes("状態"), "answer history records the change, in labels");
  check(!/implemented|unanswered|maturity/.test(history), "answer history shows no stored codes");

  // 3. Upload evidence and download it again.
  await page.setInputFiles("input[name=file]", {
    name: "規程_2026.txt", mimeType: "text/plain", buffer: Buffer.from("情報セキュリティ規程 第3版\n"),
  });
  await page.click("#upload-evidence");
  await page.waitForLoadState();
  const link = page.locator("a.evidence-download").first();
  check((await link.count()) > 0, "uploaded evidence is listed");
  const resp = await page.request.get(new URL(await link.getAttribute("href"), base).toString());
  check(resp.ok() && (await resp.text()).includes("情報セキュリティ規程"), "evidence downloads with its content");
  await shot("03-question");

  // 4. The dashboard changes.
  await page.goto(`${base}/`);
  const after = await page.getAttribute("#overall-coverage", "data-value");
  check(Number(after) > Number(before), `dashboard coverage rises after answering (${before} -> ${after})`);

  // 5. Gaps list.
  await page.goto(`${base}/assessments/${demo.assessment_id}/gaps`);
  check((await page.locator("table.gaps tbody tr").count()) > 0, "gap list shows open gaps");
  await shot("04-gaps");

  // 6. Classify an incident: an outage of a voice service with emergency calls.
  await page.goto(`${base}/incidents/new`);
  await page.fill("input[name=title]", "東京都内 音声サービス停止");
  await page.selectOption("select[name=event_type]", "outage");
  await page.selectOption("select[name=service_category]", "voice_emergency");
  await page.fill("input[name=affected_users]", "45000");
  await page.fill("input[name=started_at]", "2026-03-15T10:00");
  await page.fill("input[name=ended_at]", "2026-03-15T11:30");
  await page.click("#save-incident");
  await page.waitForLoadState();
  const body = await page.textContent("body");
  check(body.includes("重大な事故"), "incident is classified as a serious accident");
  check(body.includes("2026年4月14日"), "detailed report is due 2026年4月14日 (30 days, first day not counted)");
  await shot("05-incident");

  // 7. Switch language.
  await page.click("text=English");
  await page.waitForLoadState();
  check((await page.textContent("body")).includes("Serious accident") || (await page.textContent("body")).includes("serious accident"),
        "English page names the classification in English");
  await page.goto(`${base}/`);
  check((await page.textContent("nav")).includes("Dashboard"), "navigation is in English after the switch");
  await shot("06-english");

  // 8. Another organisation's assessment is not there.
  const other = await page.goto(`${base}/assessments/${demo.other_org_assessment_id}`);
  check(other.status() === 404, "another organisation's assessment answers 404");
  const otherApi = await page.request.get(`${base}/api/v1/assessments/${demo.other_org_assessment_id}`);
  check(otherApi.status() === 404, "the API answers 404 for it too");
  await shot("07-isolation");

  // 9. Reports: the page lists them; the management PDF downloads; a disclosure section is edited.
  await page.goto(`${base}/assessments/${demo.assessment_id}/reports?lang=ja`);
  check((await page.textContent("body")).includes("適用宣言書"), "the reports page lists the statement of applicability");
  const pdf = await page.request.get(`${base}/assessments/${demo.assessment_id}/reports/management.pdf`);
  const head = (await pdf.body()).subarray(0, 5).toString();
  check(pdf.status() === 200 && head === "%PDF-", "the management report downloads as a PDF");
  await page.fill("#sec-4", "CISO は情報処理安全確保支援士");
  await page.click("form[action$='/disclosure'] button[type=submit]");
  await page.waitForLoadState();
  const html = await page.request.get(`${base}/assessments/${demo.assessment_id}/reports/disclosure.html`);
  check((await html.text()).includes("情報処理安全確保支援士"), "the edited disclosure section is in the report");
  await shot("08-reports");
} catch (e) {
  failures++;
  console.log(`not ok - browser flow threw: ${e.message}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
