// Fidelity to the sources in the browser: text Anzen wrote is labelled 本ツールによる設問 on the
// catalog and checklist pages, a 表2 row says how its sub-item was inferred, unknown metadata
// shows as 不明, and a verdict that rests on an unconfirmed value says so.
// Usage: node fidelity.mjs BASE_URL DEMO_JSON OUT_DIR
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, demoFile, outDir] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
let failures = 0;
function check(cond, what) {
  console.log(`${cond ? "ok" : "not ok"} - ${what}`);
  if (!cond) failures++;
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await (await browser.newContext({ locale: "ja-JP" })).newPage();
  const shot = (name) => page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  await page.goto(`${base}/login`);
  await page.fill("#name", demo.admin.name);
  await page.fill("#password", demo.admin.password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);

  await page.goto(`${base}/catalog/mic-mgmt-rules/MR-01`);
  const mr = await page.textContent("main");
  check(mr.includes("本ツールによる設問"), "MR-01's question is labelled 本ツールによる設問");
  check(mr.includes("本ツールによる記述"), "MR-01's operator/maker marks are labelled as ours");
  await shot("fidelity-01-mr01");

  await page.goto(`${base}/catalog/tcs-2023/T2-038`);
  const row = await page.textContent("main");
  check(!row.includes("本ツールによる設問"), "a 表2 question is not labelled as ours");
  check(row.includes("推定") && row.includes("6.1.2"), "T2-038 says its sub-item is inferred from X.1051 6.1.2");
  await shot("fidelity-02-t2-038");

  await page.goto(`${base}/catalog/nisc-measures`);
  check((await page.textContent("main")).includes("不明"), "nisc-measures shows its unknown edition and date as 不明");
  await page.goto(`${base}/catalog`);
  await shot("fidelity-03-catalog-list");

  // Record a 2018 LPWA outage: judged by the 2015 rules, whose values are unconfirmed.
  await page.goto(`${base}/incidents/new`);
  await page.fill("#title", "2018年 LPWA 障害（遡及確認）");
  await page.selectOption("#event_type", "outage");
  await page.selectOption("#service_category", "lpwa");
  await page.fill("#affected_users", "30000");
  await page.fill("#started_at", "2018-06-01T10:00");
  await page.fill("#ended_at", "2018-06-01T12:00");
  await page.click("#save-incident");
  await page.waitForLoadState();
  const verdict = await page.textContent("main");
  check(verdict.includes("重大な事故"), "the 2018 LPWA outage is a serious accident under the rows of 'other'");
  check(verdict.includes("未確認の値に依拠"), "the verdict says it relies on unconfirmed values");
  await shot("fidelity-04-caveat");
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
