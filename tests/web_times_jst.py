"""Crawls the signed-in web app and reports pages whose visible text shows a raw ISO timestamp.

Usage: web_times_jst.py BASE_URL CURL_COOKIE_JAR LANG. Exit 1 with the pages and the offending
text when any is found. Follows same-site links (not downloads, exports or logout), a few pages
per URL shape so that 261 question pages do not all need a visit.
"""
import html
import re
import sys
import urllib.error
import urllib.request
from collections import Counter

base, jar, lang = sys.argv[1:4]
cookies = []
for line in open(jar, encoding="utf-8"):
    if line.startswith("#HttpOnly_"):
        line = line[len("#HttpOnly_"):]
    elif line.startswith("#") or not line.strip():
        continue
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 7:
        cookies.append(f"{parts[5]}={parts[6]}")
cookies.append(f"anzen_lang={lang}")
cookie = "; ".join(cookies)

RAW = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?|\d{2}:\d{2}:\d{2}Z")
SKIP = re.compile(r"(^/catalog/[^/]+/|logout|\.csv|\.xlsx|\.pdf|\.json|\.docx|\.zip|/download|/export|/static/|lang=|/files/|/api/)")
LINK = re.compile(r'href="(/[^"#]*)"')


def visible(page):
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]*>", " ", page)
    return html.unescape(page)


def shape(path):
    return re.sub(r"\d+", "N", path.split("?")[0])


seen, queue, per_shape, bad, visited = set(), ["/"], Counter(), [], 0
while queue and visited < 600:
    path = queue.pop(0)
    if path in seen:
        continue
    seen.add(path)
    if per_shape[shape(path)] >= 3:
        continue
    per_shape[shape(path)] += 1
    req = urllib.request.Request(base + path, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(req) as r:
            if "text/html" not in r.headers.get("Content-Type", ""):
                continue
            body = r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError:
        continue
    visited += 1
    text = visible(body)
    for m in RAW.finditer(text):
        bad.append(f"{path}: …{text[max(0, m.start() - 40):m.end() + 10].strip()}…")
    for link in LINK.findall(html.unescape(body)):
        if not SKIP.search(link) and link not in seen:
            queue.append(link)

print(f"# {lang}: {visited} pages visited, {len(per_shape)} kinds of page")
if len(sys.argv) > 4:
    print("\n".join(sorted(per_shape)))
if visited < 20:
    print("too few pages reached: the crawl did not sign in?")
    sys.exit(1)
for b in bad[:60]:
    print("raw time:", " ".join(b.split()))
sys.exit(1 if bad else 0)
