// What every browser flow needs: a counted check, Debian's chromium, a logged-in page.
import { chromium } from "playwright-core";

let failed = 0;
export function check(cond, what) {
  console.log(`${cond ? "ok" : "not ok"} - ${what}`);
  if (!cond) failed++;
}
export const failures = () => failed;

export function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"],
  });
}

// A Japanese page signed in as the demo administrator (options: more browser-context settings,
// e.g. a viewport).
export async function signedIn(browser, base, demo, options = {}) {
  const page = await (await browser.newContext({ locale: "ja-JP", ...options })).newPage();
  await page.goto(`${base}/login`);
  await page.fill("#name", demo.admin.name);
  await page.fill("#password", demo.admin.password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${base}/`);
  return page;
}
