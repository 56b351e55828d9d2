// The live accident clock in the browser: the congestion view with a restriction's review
// draft, integration settings (a rules defect named by line, then a token shown once) and a
// notification channel. Usage: node clock.mjs BASE_URL DEMO_JSON OUT_DIR
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, demoFile, outDir] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoFile, "utf8"));
let failures = 0;
function check(cond, what) {
  if (!cond) failures++;
  console.log(`${cond ? "ok" : "not ok"} - ${what}`);
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"],
});
try {
  const page = await (await browser.newContext({ locale: "ja-JP" })).newPage();
  const shot = (name) => page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  await page.goto(`${base}/login`);
  await page.fill("#name", demo.admin.name);
  await page.fill("#password", demo.admin.password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);

  await page.goto(`${base}/incidents`);
  await page.click("a[href='/congestion']");
  await page.waitForURL(`${base}/congestion`);
  const cong = await page.textContent("body");
  check(cong.includes("年始の発信集中によるふくそう") && cong.includes("通信の制限に係る分析・検証"), "congestion view lists the restrictions with their classification");
  check((await page.locator("a[href$='/review.pdf']").count()) === 1, "only the unforeseen restriction offers a review draft");
  await shot("clock-01-congestion");

  await page.goto(`${base}/admin/integrations`);
  await page.fill("#rules", "rules:\n  - match: {service: voice}\n    service_category: telepathy\n");
  await page.click("#create-integration");
  await page.waitForLoadState();
  check((await page.textContent("body")).includes(":3: rules[0].service_category"), "a rules defect is named with its line");
  await page.goto(`${base}/admin/integrations`);
  await page.fill("#name", "本社 Alertmanager");
  await page.click("#create-integration");
  await page.waitForLoadState();
  check((await page.locator("#token").textContent()).length > 20, "the new integration's token is shown once");
  await shot("clock-02-integrations");

  await page.goto(`${base}/admin/notifications`);
  await page.selectOption("#kind", "chat");
  await page.fill("#target", "https://chat.example.jp/hooks/noc");
  await page.fill("#quiet", "22:00-07:00");
  await page.click("#add-channel");
  await page.waitForURL(`${base}/admin/notifications`);
  check((await page.textContent("body")).includes("https://chat.example.jp/hooks/noc"), "the chat channel is listed");
  await shot("clock-03-notifications");
} finally {
  await browser.close();
}
if (failures) {
  console.log(`${failures} clock browser check(s) failed`);
  process.exit(1);
}
