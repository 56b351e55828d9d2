// A user with the supplier role in the browser: signs in, lands on the questionnaires addressed
// to its organisation, answers one, attaches an evidence file and submits; the menu offers
// nothing else and any other page is 404. Screenshots go to OUT_DIR/supplier-user-*.png.
// Usage: node supplier_user.mjs BASE_URL DEMO_JSON OUT_DIR ANZEN_BINARY DB
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, demoFile, outDir, anzen, db] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
const cli = (args, input) => execFileSync(anzen, ["--db", db, ...args], { encoding: "utf8", input });
const cliJson = (...args) => JSON.parse(cli(args));
let failures = 0;
let passed = 0;
function check(cond, what) {
  if (cond) passed++;
  else failures++;
  console.log(`${cond ? "ok" : "not ok"} - ${what}`);
}

const maker = cliJson("org", "create", "--name", "委託先ユーザー株式会社", "--kind", "maker", "--json").id;
const sup = cliJson("supplier", "create", "--org", String(demo.org_id), "--name", "委託先ユーザー", "--maker-org", String(maker), "--json").id;
const sent = cliJson("questionnaire", "send", "--org", String(demo.org_id), "--supplier", String(sup), "--template", "tcs-2023:10.1.1",
                     "--custom", "委託業務の再委託はありますか", "--due", "2099-03-31", "--json");
const password = "supplier-user-password-1";
cli(["user", "create", "--org", String(maker), "--name", "supplier-user", "--role", "supplier", "--password-stdin"], `${password}\n`);
const evidence = `${outDir}/supplier-user-evidence.txt`;
writeFileSync(evidence, "秘密保持契約書 第3条\n");

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await (await browser.newContext({ locale: "ja-JP" })).newPage();
  const shot = (name) => page.screenshot({ path: `${outDir}/supplier-user-${name}.png`, fullPage: true });
  await page.goto(`${base}/login`);
  await page.fill("#name", "supplier-user");
  await page.fill("#password", password);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  check(page.url().endsWith("/questionnaires"), "the supplier user lands on its questionnaires");
  check((await page.locator(`a[href="/questionnaires/${sent.id}"]`).count()) === 1, "the questionnaire addressed to it is listed");
  // The wide navigation and the phone menu both exist; the visible one counts.
  const menu = await page.locator("header.top nav a:visible").allTextContents();
  check(menu.length === 1, `the menu offers only the home link (got ${menu.join(", ")})`);
  check((await page.textContent("header.top")).includes("委託先担当者"), "the role is shown by its Japanese label");
  await shot("1-inbox");

  await page.click(`a[href="/questionnaires/${sent.id}"]`);
  const selects = page.locator("select[name^=st_]");
  const n = await selects.count();
  check(n === 2, `two questions to answer (got ${n})`);
  for (let i = 0; i < n; i++) await selects.nth(i).selectOption("implemented");
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/answers'] button[type=submit]")]);
  await page.setInputFiles("#ev-file", evidence);
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/evidence'] button[type=submit]")]);
  check((await page.locator("a[href*='/evidence/']").count()) === 1, "the evidence file is attached");
  await shot("2-answered");
  await Promise.all([page.waitForNavigation(), page.click("form[action$='/submit'] button[type=submit]")]);
  check((await page.textContent("h1")).includes("提出済"), "the questionnaire is submitted");
  await shot("3-submitted");

  for (const path of ["/suppliers", "/assessments", "/risks", `/suppliers/${sup}`, "/admin"]) {
    const r = await page.goto(`${base}${path}`);
    check(r.status() === 404, `${path} is 404 for the supplier user`);
  }
  await shot("4-not-found");
  const shown = cliJson("questionnaire", "show", String(sent.id), "--json");
  check(shown.status === "submitted" && Object.keys(shown.answers).length === 2, "the operator sees the submitted answers");
} finally {
  await browser.close();
}
console.log(`supplier_user: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
