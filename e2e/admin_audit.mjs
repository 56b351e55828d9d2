// The administration page's account forms and the audit page in Japanese: an administrator
// creates a user with a refused password and sees the Japanese error beside the field with the
// typed name and role kept, then creates it; the audit page names entities, actions and fields by
// their labels (no plan_item, save, target_state …) and links the record; the header fits at
// 1280 px (the logout button inside it), the incident timeline's times stay on one line at
// 1366 px. Screenshots at 1280, 1366 and 390 px go to OUT_DIR/admin-audit-*.png.
// Usage: node admin_audit.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { readFileSync } from "node:fs";
import { check, failures, launch, signedIn, visibleCodes, vocabularyCodes } from "./harness.mjs";

const [base, demoFile, outDir, anzen] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
// Every code of the vocabulary (serious_accident, plan_item …) and the plain-word codes that used
// to show on the audit and administration pages.
const CODES = vocabularyCodes(anzen, ["save", "planned", "assessor"]);
const noCodes = async (page, where) => {
  const seen = visibleCodes(await page.locator("main").innerText(), CODES);
  check(seen.length === 0, `${where}: no internal code is visible${seen.length ? ` (${seen.join(", ")})` : ""}`);
};

const browser = await launch();
try {
  const page = await signedIn(browser, base, demo, { viewport: { width: 1366, height: 900 } });
  const shot = (name, p = page, fullPage = false) => p.screenshot({ path: `${outDir}/admin-audit-${name}.png`, fullPage });

  // A new user: the refused password is explained beside its field, in Japanese; name and role kept.
  await page.goto(`${base}/admin`);
  const roles = await page.locator("#new_role option").allTextContents();
  check(roles.includes("閲覧者") && roles.includes("点検担当者") && !roles.includes("viewer"), `the role dropdown shows labels (${roles.join("、")})`);
  await page.fill("#new_name", "yamada");
  await page.fill("#new_password", "short");
  await page.selectOption("#new_role", "viewer");
  await page.$eval("#new-user", (f) => { f.noValidate = true; });
  await page.click("#create-user");
  await page.waitForLoadState();
  check((await page.textContent("#new_password-error") || "").includes("このパスワードは使えません"), "new user: the Japanese error is beside the password");
  check((await page.getAttribute("#new_password", "aria-invalid")) === "true", "new user: the password field is marked invalid");
  check((await page.inputValue("#new_name")) === "yamada" && (await page.inputValue("#new_role")) === "viewer", "new user: the typed name and role are kept");
  check((await page.inputValue("#new_password")) === "", "new user: the refused password is not sent back");
  check((await page.locator(".form-errors a[href='#new_password']").count()) === 1, "new user: the summary links to the field");
  await noCodes(page, "administration page with an error");
  await shot("1-new-user-error-1366");
  await page.fill("#new_password", "haru-no-kaze-2026");
  await page.click("#create-user");
  await page.waitForLoadState();
  check(page.url() === `${base}/admin`, "new user: the corrected form creates the user");
  const row = await page.locator("table tr:has(td:text-is('yamada'))").first().innerText();
  check(row.includes("閲覧者"), `the new user is listed with the role 閲覧者 (${row.trim().split("\n")[0]})`);
  // The user's role: a select of labels; a change is saved.
  const roleSelect = page.locator("table tr:has(td:text-is('yamada')) select[name=role]");
  await roleSelect.selectOption("auditor");
  await page.locator("table tr:has(td:text-is('yamada')) form[action$='/role'] button").click();
  await page.waitForLoadState();
  check((await page.locator("table tr:has(td:text-is('yamada'))").first().innerText()).includes("監査人"), "the role change is saved and shown as 監査人");
  // A token for the user: shown once.
  await page.selectOption("#token_user", { label: "yamada" });
  await page.fill("#token_label", "");
  await page.$eval("#new-token", (f) => { f.noValidate = true; });
  await page.click("#create-token");
  await page.waitForLoadState();
  check((await page.textContent("#token_label-error") || "").includes("用途を入力してください"), "new token: a missing label is explained beside the field");
  await page.fill("#token_label", "監視連携");
  await page.click("#create-token");
  await page.waitForLoadState();
  check(/anz_/.test(await page.textContent("#new-token-value")), "new token: the token is shown once");
  await noCodes(page, "administration page");
  await shot("2-admin-1366", page, true);

  // The audit page: labels, a link to the record, the differences by field label.
  await page.goto(`${base}/audit`);
  await noCodes(page, "audit page");
  const what = await page.locator("#audit-table tbody tr td:nth-child(4)").allInnerTexts();
  check(what.some((t) => t.includes("トークン")) && what.some((t) => /ユーザー #\d+/.test(t)), "the audit page names the user and the token in Japanese");
  await shot("3-audit-1366");
  await page.goto(`${base}/audit?entity=plan_item`);
  const planLink = page.locator("#audit-table a.audit-record").first();
  const linkText = await planLink.textContent();
  check(/^計画項目 #\d+$/.test(linkText), `the plan item is named 計画項目 #N (${linkText})`);
  // Earlier browser tests may have deleted a plan item since: look at every row, not the newest.
  const actions = await page.locator("#audit-table tbody tr td:nth-child(4)").allInnerTexts();
  check(actions.some((t) => t.includes("保存")), "the action is shown as 保存");
  const diffs = await page.locator("#audit-table ul.diff").allInnerTexts();
  check(diffs.some((d) => d.includes("目標とする将来像")) && !diffs.some((d) => d.includes("target_state")), "the differences name the fields by their labels");
  await noCodes(page, "audit page (plan items)");
  const entityOptions = await page.locator("select[name=entity] option").allTextContents();
  check(entityOptions.includes("計画項目"), "the entity filter offers labels");
  await planLink.click();
  await page.waitForLoadState();
  check(/\/plan\/\d+$/.test(page.url()), "the link opens the plan item");

  // The header at 1280 px: the logout button inside it, one row.
  const narrow = await signedIn(browser, base, demo, { viewport: { width: 1280, height: 800 } });
  for (const path of ["/", "/audit", "/admin", "/risks"]) {
    await narrow.goto(`${base}${path}`);
    const header = await narrow.locator("header.top").boundingBox();
    const logout = await narrow.locator("header.top form[action='/logout'] button").boundingBox();
    const inside = logout && logout.x >= header.x && logout.x + logout.width <= header.x + header.width &&
      logout.x + logout.width <= 1280 && logout.y >= header.y && logout.y + logout.height <= header.y + header.height;
    check(inside, `at 1280 px the logout button is inside the header on ${path} (button ${logout && Math.round(logout.x + logout.width)} px, header ${Math.round(header.width)} px)`);
    check(header.height < 64, `at 1280 px the header is one row on ${path} (${header.height} px)`);
  }
  await narrow.goto(`${base}/audit`);
  await shot("4-audit-1280", narrow);

  // The incident timeline at 1366 px: each time on one line.
  await page.goto(`${base}/incidents`);
  const incHref = await page.locator("#incident-table a[href^='/incidents/']").first().getAttribute("href");
  await page.goto(`${base}${incHref}`);
  const cells = page.locator("table.timeline td.when");
  const n = await cells.count();
  const wrapped = await cells.evaluateAll((tds) => tds.filter((td) => td.getClientRects()[0].height > 2 * parseFloat(getComputedStyle(td).lineHeight)).length);
  check(n > 0 && wrapped === 0, `the timeline's times stay on one line at 1366 px (${n} rows, ${wrapped} wrapped)`);
  await page.locator("table.timeline").scrollIntoViewIfNeeded();
  await shot("5-incident-timeline-1366");
  await page.goto(`${base}/congestion`);
  const headings = await page.locator("main h2").allTextContents();
  check(!headings.some((h) => /^[a-z_]+$/.test(h.trim())), `the congestion view's headings are labels (${headings.join(" / ")})`);
  await shot("6-congestion-1366", page, true);

  const phone = await signedIn(browser, base, demo, { viewport: { width: 390, height: 844 } });
  for (const [name, path] of [["audit", "/audit"], ["admin", "/admin"], ["incident", incHref]]) {
    await phone.goto(`${base}${path}`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `on a phone ${path} does not scroll sideways (${overflow} px)`);
    await shot(`7-${name}-phone`, phone);
  }
} finally {
  await browser.close();
}
if (failures()) {
  console.log(`${failures()} admin/audit browser check(s) failed`);
  process.exit(1);
}
