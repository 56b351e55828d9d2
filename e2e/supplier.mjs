// The supplier portal in the browser: a maker answers through the link without an account,
// the operator returns one answer with a comment, the maker fixes it, the operator accepts;
// the supplier attaches an evidence file through the link; a revoked link shows the Japanese
// 410 page. Screenshots go to OUT_DIR/supplier-*.png.
// Usage: node supplier.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, demoFile, outDir, anzen, db] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
const cli = (...args) => JSON.parse(execFileSync(anzen, ["--db", db, ...args], { encoding: "utf8" }));
let failures = 0;
let passed = 0;
function check(cond, what) {
  if (cond) passed++;
  else failures++;
  console.log(`${cond ? "ok" : "not ok"} - ${what}`);
}

const maker = cli("org", "create", "--name", "ブラウザ機器株式会社", "--kind", "maker", "--json").id;
const sup = cli("supplier", "create", "--org", String(demo.org_id), "--name", "ブラウザ機器", "--maker-org", String(maker), "--json").id;
const sent = cli("questionnaire", "send", "--org", String(demo.org_id), "--supplier", String(sup), "--template", "iso27002-2022:5.19,5.20",
                 "--custom", "ISMS認証を取得していますか", "--due", "2099-03-31", "--json");

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  // The supplier: no account, no cookies, only the link.
  const portal = await (await browser.newContext({ locale: "ja-JP" })).newPage();
  const pshot = (name) => portal.screenshot({ path: `${outDir}/supplier-${name}.png`, fullPage: true });
  await portal.goto(`${base}${sent.url}`);
  check(portal.url().endsWith(sent.url), "the portal opens without logging in");
  check((await portal.textContent("h1")).includes("質問票への回答"), "the portal page is in Japanese");
  const selects = portal.locator("select[name^=st_]");
  check((await selects.count()) === 3, "the portal lists the three questions (two controls and a custom one)");
  for (let i = 0; i < 3; i++) await selects.nth(i).selectOption(i === 0 ? "partial" : "implemented");
  await portal.fill("textarea[name='cm_5.19']", "委託先管理規程で一部対応");
  await pshot("1-answering");
  await portal.click("form[action$='/save'] button[type=submit]");
  await portal.waitForLoadState();
  check((await portal.textContent("body")).includes("保存しました"), "answers are saved");
  // Evidence through the link, larger than a request without an account may be (64 KB): the
  // live link lifts the limit before the body is read.
  const evidence = `${outDir}/supplier-portal-evidence.txt`;
  writeFileSync(evidence, "委託先管理規程 第3条（再委託の禁止）\n".repeat(6000));
  await portal.selectOption("#ev-q", "5.19");
  await portal.setInputFiles("#ev-file", evidence);
  await Promise.all([portal.waitForNavigation(), portal.click("form[action$='/evidence'] button[type=submit]")]);
  check((await portal.textContent("body")).includes("ファイルを添付しました"), "the portal attaches a 200 KB evidence file");
  const evLink = portal.locator(`a[href^='${sent.url}/evidence/']`);
  check((await evLink.count()) === 1, "the attached file is listed with a link under the portal");
  const download = await portal.request.get(`${base}${await evLink.getAttribute("href")}`);
  check(download.status() === 200 && (await download.body()).length === statSync(evidence).size, "the portal downloads the file back whole");
  await pshot("1b-evidence");
  await portal.click("form[action$='/submit'] button[type=submit]");
  await portal.waitForLoadState();
  check((await portal.textContent("body")).includes("提出しました"), "the questionnaire is submitted");
  check((await portal.locator("select[name^=st_]").count()) === 0, "a submitted questionnaire is read-only");

  // The operator returns 5.19 with a comment.
  const op = await (await browser.newContext({ locale: "ja-JP" })).newPage();
  await op.goto(`${base}/login`);
  await op.fill("#name", demo.admin.name);
  await op.fill("#password", demo.admin.password);
  await op.click("button[type=submit]");
  await op.waitForURL(`${base}/`);
  await op.goto(`${base}/questionnaires/${sent.id}`);
  check((await op.textContent("body")).includes("委託先管理規程で一部対応"), "the operator sees the supplier's comment");
  check((await op.locator(`a[href^='/questionnaires/${sent.id}/evidence/']`).count()) === 1, "the operator sees the file attached through the portal");
  await op.fill("input[name='rc_5.19']", "対応予定時期を記載してください");
  await op.screenshot({ path: `${outDir}/supplier-2-review.png`, fullPage: true });
  await op.click("button[value=return]");
  await op.waitForLoadState();
  check((await op.textContent("h1")).includes("差戻し"), "the questionnaire is returned");

  // The supplier sees the comment and fixes the answer.
  await portal.goto(`${base}${sent.url}`);
  check((await portal.textContent("body")).includes("対応予定時期を記載してください"), "the reviewer's comment is shown on the portal");
  await portal.selectOption("select[name='st_5.19']", "implemented");
  await portal.fill("textarea[name='cm_5.19']", "2026年度上期に規程改定済み");
  await portal.click("form[action$='/save'] button[type=submit]");
  await portal.waitForLoadState();
  await portal.click("form[action$='/submit'] button[type=submit]");
  await portal.waitForLoadState();
  await pshot("3-resubmitted");

  await op.goto(`${base}/questionnaires/${sent.id}`);
  await op.click("button[value=accept]");
  await op.waitForLoadState();
  check((await op.textContent("h1")).includes("承認"), "the operator accepts");
  check((await op.textContent("body")).includes("2026年度上期に規程改定済み"), "the fixed answer is kept");
  await op.screenshot({ path: `${outDir}/supplier-4-accepted.png`, fullPage: true });

  // The asset's page links the supplier (and the supplier's page then lists the asset).
  const assetId = cli("asset", "create", "--org", String(demo.org_id), "--name", "ブラウザ試験用交換機", "--kind", "facility", "--json").id;
  await op.goto(`${base}/assets/${assetId}`);
  await op.selectOption("#link-supplier", String(sup));
  await Promise.all([op.waitForNavigation(), op.click("form[action$='/suppliers'] button[type=submit]")]);
  check((await op.locator(`.linked-suppliers a[href='/suppliers/${sup}']`).count()) === 1, "the asset page lists the supplier it linked");
  await op.screenshot({ path: `${outDir}/supplier-6-asset-link.png`, fullPage: true });
  await op.goto(`${base}/suppliers/${sup}`);
  check((await op.textContent("body")).includes("ブラウザ試験用交換機"), "the supplier page lists the asset");

  // A form posted from elsewhere without the page's form token is refused.
  const forged = await portal.request.post(`${base}${sent.url}/save`, { form: { "st_5.19": "not_implemented" } });
  check(forged.status() === 403, "a portal form without its form token is refused");

  execFileSync(anzen, ["--db", db, "questionnaire", "revoke", String(sent.id)]);
  const gone = await portal.goto(`${base}${sent.url}`);
  check(gone.status() === 410, "a revoked link answers 410");
  check((await portal.textContent("body")).includes("取り消されています"), "the 410 page is in Japanese");
  await pshot("5-revoked");
} catch (e) {
  failures++;
  console.log(`not ok - supplier flow threw: ${e.message}`);
} finally {
  await browser.close();
}
console.log(`supplier: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
