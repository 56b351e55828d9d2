// Shared by checklist.mjs and screens.mjs: TAP-like checks, Debian's chromium, and a logged-in
// page of the demo administrator.
import { chromium } from "playwright-core";

export function checker() {
  const t = { passed: 0, failures: 0 };
  t.check = (cond, what) => {
    if (cond) t.passed++;
    else t.failures++;
    console.log(`${cond ? "ok" : "not ok"} - ${what}`);
  };
  return t;
}

export function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export async function login(browser, base, demo, options = {}) {
  const page = await (await browser.newContext({ locale: "ja-JP", ...options })).newPage();
  await page.goto(`${base}/login`);
  await page.fill("#name", demo.admin.name);
  await page.fill("#password", demo.admin.password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);
  return page;
}
