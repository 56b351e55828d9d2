"""Every entity, action and field the code can write to the audit trail has a label in the one
vocabulary (domains audit_entity, audit_action, audit_field), so the audit page never shows a code.

Usage: audit_vocabulary.py SOURCE_DIR VOCAB_JSON [AUDIT_JSON ...]
- From the sources: each store::audit_append / audit_append_all entry ({actor, org, entity, id,
  action, before, after}) names its entity and action with string literals (also inside a
  ternary); an entity passed in as a parameter is followed to the literals the callers pass.
- From audit rows (the /audit.json export after real flows): every entity, action and field key
  (objects flattened to dotted keys as the audit page does, each part labelled).
Exit 1 naming every string without a label, or an entry whose entity or action cannot be read.
"""
import json
import pathlib
import re
import sys

src, vocab_file = pathlib.Path(sys.argv[1]), sys.argv[2]
terms = json.load(open(vocab_file, encoding="utf-8"))
known = {}
for t in terms:
    known.setdefault(t["domain"], set()).add(t["code"])
LIT = re.compile(r'"((?:[^"\\]|\\.)*)"')


def top_level_args(text, open_at):
    """The comma-separated arguments inside the bracket at text[open_at]."""
    depth, cur, out, j, in_str = 0, "", [], open_at, False
    while j < len(text):
        ch = text[j]
        if in_str:
            cur += ch
            if ch == "\\":
                cur += text[j + 1]
                j += 1
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str, cur = True, cur + ch
        elif ch in "{([":
            depth += 1
            if depth > 1:
                cur += ch
        elif ch in "})]":
            depth -= 1
            if depth == 0:
                out.append(cur.strip())
                return out
            cur += ch
        elif ch == "," and depth == 1:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
        j += 1
    return out


def literals_of(arg, text, at):
    """String literals an argument can be; a parameter is followed to the callers' literals."""
    found = LIT.findall(arg)
    if found:
        return found
    if not re.fullmatch(r"\w+", arg):
        return None
    # The function whose parameter it is: the nearest definition before `at` naming it.
    for m in reversed(list(re.finditer(r"\b(\w+)\s*\(([^;{}()]*)\)\s*(?:const\s*)?\{", text[:at]))):
        params = [p.strip() for p in m.group(2).split(",")]
        idx = next((i for i, p in enumerate(params) if re.search(r"\b" + arg + r"$", p)), None)
        if idx is None:
            continue
        out = []
        for call in re.finditer(r"\b" + m.group(1) + r"\s*\(", text):
            if call.start() == m.start(1):
                continue
            args = top_level_args(text, call.end() - 1)
            if len(args) > idx:
                out += LIT.findall(args[idx])
        return out or None
    return None


bad, entries = [], 0
for f in sorted(src.glob("src/**/*.cpp")):
    if f.name.endswith("_test.cpp"):
        continue
    text = f.read_text(encoding="utf-8")
    for m in re.finditer(r"audit_append(?:_all)?\s*\(|AuditEntry\s*\{|\baudit\.push_back\s*\(", text):
        open_at = m.end() - 1
        if text[open_at] == "(":  # the entry's braces inside the call, if any
            depth, k, open_at = 1, m.end(), -1
            while k < len(text) and depth:
                if text[k] == "(":
                    depth += 1
                elif text[k] == ")":
                    depth -= 1
                elif text[k] == "{" and depth == 1:
                    open_at = k
                    break
                k += 1
            if open_at < 0:
                continue  # audit_append_all(db, entries): the entries are built elsewhere
        args = top_level_args(text, open_at)
        if len(args) < 5:
            continue
        where = f"{f.relative_to(src)}:{text.count(chr(10), 0, m.start()) + 1}"
        entries += 1
        for pos, domain in ((2, "audit_entity"), (4, "audit_action")):
            codes = literals_of(args[pos], text, m.start())
            if not codes:
                bad.append(f"{where}: cannot read the {domain[6:]} ({args[pos]}); write it as a literal")
                continue
            for code in codes:
                if code not in known.get(domain, set()):
                    bad.append(f"{where}: {domain} '{code}' has no label")
if entries < 50:
    bad.append(f"only {entries} audit entries found in the sources: the scan is broken")


def flatten(j, prefix, depth, out):
    if isinstance(j, dict) and j and depth < 4:
        for k, v in j.items():
            flatten(v, f"{prefix}.{k}" if prefix else k, depth + 1, out)
    elif prefix:
        out.add(prefix)


rows, fields = 0, set()
for path in sys.argv[3:]:
    for r in json.load(open(path, encoding="utf-8")):
        rows += 1
        for key, domain in (("entity", "audit_entity"), ("action", "audit_action")):
            if r[key] not in known.get(domain, set()):
                bad.append(f"audit row {r['id']}: {domain} '{r[key]}' has no label")
        for side in ("before", "after"):
            flatten(r[side], "", 0, fields)
for key in sorted(fields):
    for part in key.split("."):
        if part not in known.get("audit_field", set()):
            bad.append(f"audit field '{part}' (in {key}) has no label")
if len(sys.argv) > 3 and (rows < 100 or len(fields) < 30):
    bad.append(f"only {rows} audit rows with {len(fields)} fields read: the flows did not run?")

for b in sorted(set(bad)):
    print("missing:", b)
print(f"# {entries} audit entries in the sources, {rows} audit rows, {len(fields)} field keys")
sys.exit(1 if bad else 0)
