// Record pages and long tables: a risk is created (an error first, shown beside its field with the
// typed values kept), edited and viewed with Japanese labels only; an asset and a plan item are
// created; tables sort and page through the URL with counts matching what is shown; the
// navigation stays on one row in English at 1366 px and folds into a menu on a phone.
// Screenshots at 1366 px and 768 px go to OUT_DIR/screens-*.png.
// Usage: node screens.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { readFileSync } from "node:fs";
import { visibleCodes, vocabularyCodes } from "./harness.mjs";
import { checker, launch, login as loginAs } from "./screens_lib.mjs";

const [base, demoFile, outDir, anzen] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
const t = checker();
const check = t.check;
// Every code of the vocabulary written with "_" or "-", and the plain-word codes seen before.
const CODES = vocabularyCodes(anzen, ["reduce", "accept", "planned", "facility", "assessor"]);
const noCodes = async (page, where) => {
  const seen = visibleCodes(await page.locator("main").innerText(), CODES);
  check(seen.length === 0, `${where}: no internal code is visible (${seen.join(", ")})`);
};

const browser = await launch();
const login = (viewport) => loginAs(browser, base, demo, { viewport });
try {
  const page = await login({ width: 1366, height: 900 });
  const shot = (name) => page.screenshot({ path: `${outDir}/screens-${name}.png`, fullPage: true });

  // An asset first, so that the risk can name it.
  await page.goto(`${base}/assets`);
  await page.click("#new-asset");
  await page.fill("#name", "呼制御サーバ（東京）");
  await page.selectOption("#kind", "facility");
  await page.fill("#owner", "設備部");
  await page.selectOption("#c", "3");
  await page.check("input[name=services][value=voice_emergency]");
  await page.click("#save-asset");
  await page.waitForLoadState();
  check(/\/assets\/\d+$/.test(page.url()), "creating an asset opens its page");
  check((await page.textContent("dl.record")).includes("設備"), "the asset's kind is shown as 設備");
  await noCodes(page, "asset page");

  // Risk: create with an error, fix, edit, view.
  await page.goto(`${base}/risks`);
  await page.click("#new-risk");
  await page.fill("#title", "DDoS による音声サービス停止");
  await page.selectOption("#threat", "cyber_attack");
  for (const [f, v] of [["inherent_l", "4"], ["inherent_i", "5"], ["current_l", "3"], ["current_i", "5"], ["residual_l", "2"], ["residual_i", "3"]]) {
    await page.selectOption(`#${f}`, v);
  }
  await page.selectOption("#treatment", "accept");
  await page.check("label.check:has-text('呼制御サーバ（東京）') input");
  await page.click("#save-risk");
  await page.waitForLoadState();
  check((await page.locator("#approver-error").count()) === 1, "acceptance without an approver shows the error beside 承認者");
  check((await page.inputValue("#title")) === "DDoS による音声サービス停止", "the typed title is kept on the error");
  check((await page.inputValue("#inherent_l")) === "4", "the chosen levels are kept on the error");
  await shot("1-risk-error-1366");
  await page.fill("#approver", "CISO 山田");
  await page.fill("#justification", "上流事業者の対策で十分");
  await page.fill("#expiry", "2027-03-31");
  await page.click("#save-risk");
  await page.waitForLoadState();
  check(/\/risks\/\d+$/.test(page.url()), "the corrected risk is saved and its page opens");
  const riskUrl = page.url();
  check((await page.textContent("h1")).includes("DDoS"), "the risk page shows its title");
  check((await page.textContent("dl.record")).includes("保有・受容"), "the treatment is shown as 保有・受容");
  check((await page.textContent("dl.record")).includes("呼制御サーバ（東京）"), "the risk names its asset");
  await noCodes(page, "risk page");
  await page.click("#edit-risk");
  // The edit page names the linked suppliers (read only) and leads to the page that links them.
  check((await page.locator("section.linked-suppliers-note h2").textContent()) === "リンクされた委託先",
    "the risk's edit page shows its linked suppliers");
  check(/\/risks\/\d+#suppliers$/.test(await page.locator("section.linked-suppliers-note p.muted a").getAttribute("href")),
    "the edit page leads to the risk's page to link a supplier");
  await page.fill("#owner", "ネットワーク本部長");
  await page.selectOption("#treatment", "reduce");
  await page.click("#save-risk");
  await page.waitForLoadState();
  check(page.url() === riskUrl, "editing returns to the risk's page");
  check((await page.textContent("dl.record")).includes("ネットワーク本部長"), "the edited owner is shown");
  check((await page.textContent("dl.record")).includes("低減"), "the edited treatment is shown as 低減");
  await shot("2-risk-view-1366");

  // A plan item by hand, treating the risk.
  await page.goto(`${base}/plan/new`);
  await page.fill("#target_state", "DDoS 攻撃時も緊急通報を維持する");
  await page.fill("#actions", "上流事業者との遮断契約の締結");
  await page.fill("#owner", "ネットワーク本部");
  await page.fill("#deadline", "2027-03-31");
  await page.fill("#evaluation_method", "年次訓練で遮断までの時間を確認");
  await page.selectOption("#status", "in_progress");
  await page.check("label.check:has-text('DDoS による音声サービス停止') input");
  await page.click("#save-plan");
  await page.waitForLoadState();
  check(/\/plan\/\d+$/.test(page.url()), "creating a plan item opens its page");
  check((await page.textContent("dl.record")).includes("実施中"), "the plan status is shown as 実施中");
  await noCodes(page, "plan item page");
  // The audit trail of what was just done (risk, asset, plan item) and the administration page.
  await page.goto(`${base}/audit`);
  await noCodes(page, "audit page");
  await page.goto(`${base}/admin`);
  await noCodes(page, "administration page");

  // Sorting and paging: the plan's proposals are paged by 20 and the count matches.
  await page.goto(`${base}/plan`);
  const propCount = await page.locator("#proposal-table").evaluate((t) => t.closest(".table-wrap").previousElementSibling.textContent);
  const total = Number((propCount.match(/全 (\d+) 件/) || [])[1]);
  const rows = await page.locator("#proposal-table tbody tr").count();
  check(total > 20 && rows === 20, `the proposals say 全 ${total} 件 and show 1–20 (${rows} rows)`);
  check(propCount.includes("1–20"), `the count says which rows are shown (${propCount})`);
  await page.locator("nav.pager a[rel=next]").last().click();
  await page.waitForLoadState();
  check(page.url().includes("p_page=2"), "the next page is in the URL");
  check((await page.locator("#proposal-table").evaluate((t) => t.closest(".table-wrap").previousElementSibling.textContent)).includes("21–"), "page 2 shows rows from 21");
  await shot("3-plan-page2-1366");
  await page.goto(`${base}/assessments/${demo.assessment_id}/gaps`);
  await page.click("#gaps th a.sort:has-text('優先度')");
  await page.waitForLoadState();
  check(page.url().includes("sort=priority") && page.url().includes("dir=asc"), "sorting by priority is in the URL");
  const prios = await page.locator("#gaps tbody tr td:nth-child(5)").evaluateAll((tds) => tds.map((t) => Number(t.textContent)));
  check(prios.length === 50 && prios.every((p, i) => i === 0 || prios[i - 1] <= p), "the gaps are sorted by priority, lowest first, 50 a page");
  await page.click("#gaps th a.sort:has-text('優先度')");
  await page.waitForLoadState();
  const desc = await page.locator("#gaps tbody tr td:nth-child(5)").evaluateAll((tds) => tds.map((t) => Number(t.textContent)));
  check(page.url().includes("dir=desc") && desc.every((p, i) => i === 0 || desc[i - 1] >= p), "a second click sorts highest first");
  check((await page.getAttribute("#gaps th[aria-sort]", "aria-sort")) === "descending", "the sorted column says so to screen readers");
  await page.goto(`${base}/incidents?sort=title`);
  check((await page.locator("#incident-table tbody tr").count()) > 0, "the incident register is a sortable table");
  await noCodes(page, "incident register");

  // Navigation: one row in English at 1366 px.
  await page.goto(`${base}/risks?lang=en`);
  const navBox = await page.locator("header.top nav.wide").boundingBox();
  const headerBox = await page.locator("header.top").boundingBox();
  check(navBox && navBox.height < 40 && headerBox.height < 64, `the English navigation fits one row at 1366 px (${navBox && navBox.height} px, header ${headerBox.height} px)`);
  await page.screenshot({ path: `${outDir}/screens-4-risks-en-1366.png` });
  await page.goto(`${base}/risks?lang=ja`);
  check((await page.locator("header.top").boundingBox()).height < 64, "the Japanese navigation fits one row at 1366 px");
  await shot("5-risks-1366");
  await page.goto(`${base}/assets`);
  await shot("6-assets-1366");

  // Tablet and phone.
  const tablet = await login({ width: 768, height: 1024 });
  for (const [name, path] of [["risks", "/risks"], ["plan", "/plan"], ["gaps", `/assessments/${demo.assessment_id}/gaps`], ["risk", new URL(riskUrl).pathname]]) {
    await tablet.goto(`${base}${path}`);
    await tablet.screenshot({ path: `${outDir}/screens-7-${name}-768.png`, fullPage: false });
  }
  const phone = await login({ width: 390, height: 844 });
  await phone.goto(`${base}/risks`);
  check(!(await phone.locator("header.top nav.wide").isVisible()), "on a phone the navigation row is hidden");
  check(await phone.locator("details.menu summary").isVisible(), "on a phone a メニュー button is shown");
  const phoneHeader = (await phone.locator("header.top").boundingBox()).height;
  check(phoneHeader < 120, `the phone header stays small (${phoneHeader} px)`);
  await phone.click("details.menu summary");
  check(await phone.locator("details.menu nav a[href='/plan']").isVisible(), "the menu opens without scripts and lists the sections");
  await phone.screenshot({ path: `${outDir}/screens-8-phone-menu.png` });
} finally {
  await browser.close();
}
console.log(`# screens: ${t.passed} passed, ${t.failures} failed`);
process.exit(t.failures ? 1 : 0);
