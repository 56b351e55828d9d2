// The checklist as people use it: chapters fold and unfold, a row's status autosaves with a
// visible 保存しました and survives a reload, 対象外 without a reason shows the error on the row,
// filters stay in the URL, and without scripts the same row saves as a plain form.
// Screenshots at 1366 px and 768 px go to OUT_DIR/checklist-*.png.
// Usage: node checklist.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { readFileSync } from "node:fs";
import { checker, launch, login as loginAs } from "./screens_lib.mjs";

const [base, demoFile, outDir] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
const t = checker();
const check = t.check;

const browser = await launch();
const list = `${base}/assessments/${demo.assessment_id}`;
const q = demo.question_to_answer;
const row = (page) => page.locator(`#row-${q.replace(".", "\\.")}`);
try {
  const page = await loginAs(browser, base, demo, { viewport: { width: 1366, height: 900 } });

  // Grouping and folding.
  await page.goto(`${list}?expand=none`);
  const chapters = page.locator("details.chapter");
  check((await chapters.count()) === 10, "the checklist has one section per chapter (10)");
  check((await page.locator("details.chapter[open]").count()) === 0, "「すべて閉じる」 folds every chapter");
  check(/\d+\/\d+ 回答/.test(await chapters.first().locator("summary").textContent()), "each chapter shows its progress (回答数/設問数)");
  await chapters.first().locator("summary").click();
  check(await chapters.first().evaluate((d) => d.open), "a chapter opens with a click on its heading");
  check(await chapters.first().locator("h3.item-title").first().isVisible(), "questions are grouped under their item (h3)");
  await chapters.first().locator("summary").focus();
  await page.keyboard.press("Enter");
  check(!(await chapters.first().evaluate((d) => d.open)), "the chapter folds again from the keyboard (Enter)");

  // Filters live in the URL.
  await page.goto(list);
  await page.selectOption("#f-st", "unanswered");
  await page.click("form.filters button[type=submit]");
  await page.waitForLoadState();
  check(page.url().includes("status=unanswered"), "the status filter is kept in the URL");
  const statuses = await page.locator("select[name=status][id^=st-]").evaluateAll((s) => s.map((x) => x.value));
  check(statuses.length > 0 && statuses.every((v) => v === "unanswered"), "the filter shows only unanswered rows");

  // Autosave: the status changes, the row says 保存しました, and a reload shows it.
  await page.goto(`${list}?q=${encodeURIComponent(q)}`);
  check(await row(page).isVisible(), "the searched question is shown in an open chapter");
  check(!(await row(page).locator("button.row-save").isVisible()), "with scripts, the row's save button gives way to autosave");
  // Values that differ from what earlier flows left on this question, so that each is a change.
  const status = (await row(page).locator("select[name=status]").inputValue()) === "partial" ? "not_implemented" : "partial";
  const maturity = (await row(page).locator("select[name=maturity]").inputValue()) === "2" ? "3" : "2";
  const owner = `情報セキュリティ部 田中 ${Date.now() % 100000}`;
  await row(page).locator("select[name=status]").selectOption(status);
  await row(page).locator(".row-state.saved").waitFor({ timeout: 10000 });
  check((await row(page).locator(".row-state").textContent()).includes("保存しました"), "the row says 保存しました after the change");
  const put = () => page.waitForResponse((r) => r.url().includes("/answers/") && r.request().method() === "PUT");
  let saved = put();
  await row(page).locator("select[name=maturity]").selectOption(maturity);
  check((await saved).status() === 200, "the maturity change is sent to the API");
  saved = put();
  await row(page).locator("input[name=owner]").fill(owner);
  await row(page).locator("input[name=owner]").press("Tab");
  check((await saved).status() === 200, "the owner is sent when the field is left");
  await row(page).locator(".row-state.saved").waitFor({ timeout: 10000 });
  await page.screenshot({ path: `${outDir}/checklist-1-saved-1366.png` });
  await page.reload();
  check((await row(page).locator("select[name=status]").inputValue()) === status, "the saved status survives a reload");
  check((await row(page).locator("select[name=maturity]").inputValue()) === maturity, "the saved maturity survives a reload");
  check((await row(page).locator("input[name=owner]").inputValue()) === owner, "the saved owner survives a reload");

  // 対象外 needs a reason: the error is shown on the row, then the reason saves it.
  await row(page).locator("input[name=na_reason]").evaluate((e) => { e.value = ""; });  // a reason kept from an earlier run
  await row(page).locator("select[name=status]").selectOption("not_applicable");
  await row(page).locator(".row-state.failed").waitFor({ timeout: 10000 });
  const err = await row(page).locator(".row-error").textContent();
  check(err.includes("理由"), `対象外 without a reason shows the error on the row (${err})`);
  check(await row(page).locator("input[name=na_reason]").isVisible(), "the reason field appears on the row");
  await page.screenshot({ path: `${outDir}/checklist-2-error-1366.png` });
  await row(page).locator("input[name=na_reason]").fill("当社は該当設備を保有しないため");
  await row(page).locator("input[name=na_reason]").press("Tab");
  await row(page).locator(".row-state.saved").waitFor({ timeout: 10000 });
  check(await row(page).locator(".row-error").isHidden(), "the error goes away once the reason is given");
  await page.reload();
  check((await row(page).locator("select[name=status]").inputValue()) === "not_applicable", "対象外 with its reason survives a reload");

  // Keyboard: Alt+↓ moves to the same field of the next question.
  await page.goto(`${list}?chapter=${encodeURIComponent(await page.locator("details.chapter").first().getAttribute("id").then((id) => id.slice(3)))}`);
  const firstStatus = page.locator("select[name=status][id^=st-]").first();
  await firstStatus.focus();
  await page.keyboard.press("Alt+ArrowDown");
  const focused = await page.evaluate(() => document.activeElement.id);
  const secondId = await page.locator("select[name=status][id^=st-]").nth(1).getAttribute("id");
  check(focused === secondId, "Alt+↓ moves to the next question's status");

  // Sticky header and screenshots at 1366 px and 768 px.
  await page.goto(`${list}?expand=all`);
  await page.mouse.wheel(0, 1500);
  await page.waitForTimeout(200);
  const head = await page.locator("details.chapter .qhead").first().boundingBox();
  check(head && head.y >= -1 && head.y < 5, `the column header sticks to the top while scrolling (y=${head && head.y})`);
  await page.screenshot({ path: `${outDir}/checklist-3-scrolled-1366.png` });
  const widths1366 = await page.locator(".q-text").first().evaluate((e) => e.getBoundingClientRect().width);
  check(widths1366 > 250, `the question text has room at 1366 px (${Math.round(widths1366)} px)`);

  const tablet = await loginAs(browser, base, demo, { viewport: { width: 768, height: 1024 } });
  await tablet.goto(`${list}?q=${encodeURIComponent(q)}`);
  const text768 = await tablet.locator(".q-text").first().evaluate((e) => e.getBoundingClientRect().width);
  check(text768 > 400, `on a tablet the question text takes the row's width (${Math.round(text768)} px)`);
  const select768 = await tablet.locator(".qrow select[name=status]").first().evaluate((e) => e.getBoundingClientRect().width);
  check(select768 > 120, `on a tablet the controls are not squeezed (${Math.round(select768)} px)`);
  await tablet.goto(list);
  await tablet.screenshot({ path: `${outDir}/checklist-4-tablet-768.png` });

  // Without scripts: the row posts as a form and the checklist comes back with the value.
  const plain = await loginAs(browser, base, demo, { javaScriptEnabled: false });
  await plain.goto(`${list}?q=${encodeURIComponent(q)}`);
  await row(plain).locator("select[name=status]").selectOption("implemented");
  await row(plain).locator("button.row-save").click();
  await plain.waitForLoadState();
  check(plain.url().includes(`q=${encodeURIComponent(q)}`), "without scripts the save returns to the filtered checklist");
  check((await row(plain).locator("select[name=status]").inputValue()) === "implemented", "without scripts the row saves as a plain form");
  await row(plain).locator("select[name=status]").selectOption("not_applicable");
  await row(plain).locator("input[name=na_reason]").evaluate((e) => { e.value = ""; });
  await row(plain).locator("button.row-save").click();
  await plain.waitForLoadState();
  check((await row(plain).locator(".row-error").textContent()).includes("理由"), "without scripts 対象外 without a reason comes back with the error on the row");
  check((await row(plain).locator("select[name=status]").inputValue()) === "not_applicable", "the typed status is kept on the error");
  await plain.screenshot({ path: `${outDir}/checklist-5-noscript-error.png` });
} finally {
  await browser.close();
}
console.log(`# checklist: ${t.passed} passed, ${t.failures} failed`);
process.exit(t.failures ? 1 : 0);
