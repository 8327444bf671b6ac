#!/usr/bin/env python3
"""Check the illustrative local-firm list of 桐城市 against the seven industry chains.

Run from the repository root:

    python3 tools/sample-data/check_local_firms.py [--csv data/tongcheng/local-firms.sample.csv] [--markdown]

(--markdown prints the tables that data/tongcheng/README.md quotes.)

It implements the matching rules of graph-schema/chains/README.md (names ∪ patterns − exclude −
non-products, `*` as the only wildcard, whole-name match), validates every row of the sample CSV
(columns, credit-code check digits, carriers, chain and node names, 规上 consistency), computes the
status of each chain node from the local firms assigned to it or to any node below it, and lists
the 补链 evidence: local firms whose products have an UPSTREAM_MATERIAL relation to a product of a
missing (缺) node. Standard library only. Exit status 1 if any validation error was found.
"""
import argparse
import csv
import gzip
import io
import json
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CHAINS_DIR = os.path.join(ROOT, "graph-schema", "chains")
NON_PRODUCTS = os.path.join(ROOT, "graph-schema", "vocabulary", "non-products.tsv")
CHAINKG = os.path.join(ROOT, "data", "chainkg")
TONGCHENG = os.path.join(ROOT, "data", "tongcheng")

CHAIN_ORDER = ["green-packaging", "electromechanical-equipment", "eco-home-textiles",
               "safety-health-protection", "silicon-materials", "new-energy-vehicles", "medicine-health"]

HEADER = ["企业名称", "统一社会信用代码", "所在镇街园区", "产业链", "产业链环节", "主要产品",
          "年产值(万元)", "年税收(万元)", "从业人数", "规上企业", "备注"]
LIST_SEP = "、"
CARRIER_TYPES = ("开发区", "园区", "镇", "街道")
REAL_COMPANY_REMARK = "示例：与上市公司同名，用于演示实体匹配"

# Status rule (ChainScout): from the local firms assigned to a node or to any node below it.
STRONG_MIN_FIRMS = 3          # at least 3 firms, of which at least 1 is 规上 ...
STRONG_MIN_OUTPUT = 100000.0  # ... or total 年产值 of those firms >= 100000 万元 (10 亿元)
GUISHANG_MIN_OUTPUT = 2000.0  # 规模以上工业企业: annual main-business revenue >= 2000 万元

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


# ---------------------------------------------------------------- minimal YAML for the chain files

def _strip_comment(line):
    out, quote = [], None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            break
        out.append(ch)
    return "".join(out).rstrip()


def _split_flow(text):
    """'[a, "b*", c]' -> ['a', 'b*', 'c']"""
    inner = text.strip()
    assert inner.startswith("[") and inner.endswith("]"), inner
    inner = inner[1:-1]
    items, cur, quote = [], [], None
    for ch in inner:
        if quote:
            if ch == quote:
                quote = None
            else:
                cur.append(ch)
            continue
        if ch in "\"'":
            quote = ch
        elif ch == ",":
            items.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    last = "".join(cur).strip()
    if last:
        items.append(last)
    return [i for i in items if i != ""]


def _scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _logical_lines(path):
    """(indent, text) with comments removed and multi-line flow sequences joined."""
    out, pending, pending_indent = [], None, 0
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = _strip_comment(raw.rstrip("\n"))
            if not line.strip():
                continue
            if pending is not None:
                pending += " " + line.strip()
                if pending.count("[") == pending.count("]"):
                    out.append((pending_indent, pending))
                    pending = None
                continue
            indent = len(line) - len(line.lstrip(" "))
            text = line.strip()
            if "[" in text and text.count("[") != text.count("]"):
                pending, pending_indent = text, indent
                continue
            out.append((indent, text))
    if pending is not None:
        raise ValueError(path + ": unterminated flow sequence")
    return out


def load_yaml_subset(path):
    """Block maps, block lists of maps, flow lists of scalars, quoted/plain scalars: all the chain files use."""
    lines = _logical_lines(path)
    pos = 0

    def parse_block(indent):
        nonlocal pos
        if lines[pos][1].startswith("- "):
            result = []
            while pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("- "):
                # a list item: rewrite '- key: v' as 'key: v' at indent+2
                ind, text = lines[pos]
                lines[pos] = (ind + 2, text[2:].lstrip())
                result.append(parse_block(ind + 2))
            return result
        result = {}
        while pos < len(lines) and lines[pos][0] == indent and not lines[pos][1].startswith("- "):
            _, text = lines[pos]
            key, _, value = text.partition(":")
            key, value = key.strip(), value.strip()
            pos += 1
            if value == "":
                if pos < len(lines) and lines[pos][0] > indent:
                    result[key] = parse_block(lines[pos][0])
                elif pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("- "):
                    result[key] = parse_block(indent)
                else:
                    result[key] = None
            elif value.startswith("["):
                result[key] = [_scalar(v) for v in _split_flow(value)]
            else:
                result[key] = _scalar(value)
        return result

    doc = parse_block(0)
    if pos != len(lines):
        raise ValueError("%s: could not parse line %r" % (path, lines[pos][1]))
    return doc


# ---------------------------------------------------------------- data

def read_jsonl_gz(name):
    with gzip.open(os.path.join(CHAINKG, name), "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


_STRAY = re.compile("[\"'\u201c\u201d\u2018\u2019\\\\\x00-\x1f\x7f]")


class NonProductRules:
    """graph-schema/vocabulary/non-products.tsv, applied like cn.chainscout.dataimport.NonProductRules."""

    def __init__(self, path=NON_PRODUCTS):
        self.exact, self.contains, self.prefix = {}, [], []
        with open(path, encoding="utf-8") as fh:
            for no, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 3:
                    raise ValueError("%s line %d: expected reason<TAB>match<TAB>term" % (path, no))
                reason, match, term = parts
                if match == "exact":
                    self.exact[term] = reason
                elif match == "contains":
                    self.contains.append((term, reason))
                elif match == "prefix":
                    self.prefix.append((term, reason))
                else:
                    raise ValueError("%s line %d: bad match %r" % (path, no, match))

    @staticmethod
    def clean(name):
        return _STRAY.sub("", name).strip()

    def reason(self, name):
        clean = self.clean(name)
        if clean in self.exact:
            return self.exact[clean]
        for term, reason in self.contains:
            if term in clean:
                return reason
        for term, reason in self.prefix:
            if clean.startswith(term):
                return reason
        return None


def glob_regex(glob):
    """`*` = any run of characters (including none); everything else literal; whole-name match."""
    return re.compile("".join(".*" if ch == "*" else re.escape(ch) for ch in glob) + r"\Z", re.S)


class Chain:
    def __init__(self, doc, products, non_products):
        self.id, self.name = doc["id"], doc["name"]
        self.nodes = []        # flat, depth-first
        self.by_name = {}
        self.product_node = {}  # product name -> node (within this chain)
        self.errors = []
        for top in doc["nodes"]:
            self._add(top, None, 0, products, non_products)

    def _add(self, doc, parent, depth, products, non_products):
        node = {"id": doc["id"], "name": doc["name"], "segment": doc["segment"], "parent": parent,
                "depth": depth, "children": [], "products": set()}
        spec = doc.get("products") or {}
        names = spec.get("names") or []
        pats = [glob_regex(p) for p in spec.get("patterns") or []]
        excl = [glob_regex(p) for p in spec.get("exclude") or []]
        selected = set()
        for n in names:
            if n not in products:
                self.errors.append("%s/%s: name %r not in products.jsonl" % (self.id, node["id"], n))
            selected.add(n)
        if pats:
            selected.update(p for p in products if any(r.match(p) for r in pats))
        selected = {p for p in selected if not any(r.match(p) for r in excl)}
        selected = {p for p in selected if p in products and non_products.reason(p) is None}
        node["products"] = selected
        for p in selected:
            if p in self.product_node:
                self.errors.append("%s: %r in two nodes" % (self.id, p))
            self.product_node[p] = node
        if doc["name"] in self.by_name:
            self.errors.append("%s: node name %r twice" % (self.id, doc["name"]))
        self.by_name[doc["name"]] = node
        self.nodes.append(node)
        if parent is not None:
            parent["children"].append(node)
        for child in doc.get("children") or []:
            self._add(child, node, depth + 1, products, non_products)

    def leaves(self):
        return [n for n in self.nodes if not n["children"]]

    @staticmethod
    def subtree(node):
        out = [node]
        for c in node["children"]:
            out.extend(Chain.subtree(c))
        return out

    @staticmethod
    def path(node):
        parts = []
        while node is not None:
            parts.append(node["name"])
            node = node["parent"]
        return " / ".join(reversed(parts))


def load_chains(products, non_products):
    chains = {}
    for cid in CHAIN_ORDER:
        doc = load_yaml_subset(os.path.join(CHAINS_DIR, cid + ".yaml"))
        chains[cid] = Chain(doc, products, non_products)
    return chains


# ---------------------------------------------------------------- firms

def uscc_check_char(first17):
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_CHARS[(31 - total % 31) % 31]


def uscc_valid(code):
    return (len(code) == 18 and all(c in USCC_CHARS for c in code)
            and uscc_check_char(code[:17]) == code[17])


def load_carriers():
    path = os.path.join(TONGCHENG, "carriers.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["名称"]: row for row in csv.DictReader(fh)}


def parse_number(text, integer=False):
    text = text.strip()
    if text == "":
        return None
    value = float(text)
    if integer and value != int(value):
        raise ValueError("not an integer: " + text)
    return int(value) if integer else value


def load_firms(path, chains, products, non_products, carriers, listed_full_names, errors, notes):
    with open(path, "rb") as fh:
        raw = fh.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        errors.append("CSV does not start with a UTF-8 BOM")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if rows[0] != HEADER:
        errors.append("header is %r, expected %r" % (rows[0], HEADER))
    chain_by_name = {c.name: c for c in chains.values()}
    firms, seen_names, seen_codes = [], set(), set()
    for lineno, row in enumerate(rows[1:], 2):
        where = "line %d" % lineno
        if len(row) != len(HEADER):
            errors.append("%s: %d fields, expected %d" % (where, len(row), len(HEADER)))
            continue
        rec = dict(zip(HEADER, row))
        name = rec["企业名称"].strip()
        if not name:
            errors.append(where + ": empty 企业名称")
        if name in seen_names:
            errors.append("%s: duplicate 企业名称 %s" % (where, name))
        seen_names.add(name)
        code = rec["统一社会信用代码"].strip()
        if code:
            if not uscc_valid(code):
                errors.append("%s: invalid credit code %s" % (where, code))
            if not code.startswith("91340881"):
                errors.append("%s: credit code %s does not start with 91340881" % (where, code))
            if code in seen_codes:
                errors.append("%s: duplicate credit code %s" % (where, code))
            seen_codes.add(code)
        carrier = rec["所在镇街园区"].strip()
        if carrier not in carriers:
            errors.append("%s: unknown carrier %r" % (where, carrier))
        chain = chain_by_name.get(rec["产业链"].strip())
        if chain is None:
            errors.append("%s: unknown chain %r" % (where, rec["产业链"]))
            continue
        nodes = []
        for nn in [s.strip() for s in rec["产业链环节"].split(LIST_SEP) if s.strip()]:
            node = chain.by_name.get(nn)
            if node is None:
                errors.append("%s: %s has no node %r" % (where, chain.name, nn))
            else:
                nodes.append(node)
        if not nodes:
            errors.append(where + ": no 产业链环节")
        prods = [s.strip() for s in rec["主要产品"].split(LIST_SEP) if s.strip()]
        if not 1 <= len(prods) <= 4:
            errors.append("%s: %d products, expected 1-4" % (where, len(prods)))
        try:
            output = parse_number(rec["年产值(万元)"])
            tax = parse_number(rec["年税收(万元)"])
            staff = parse_number(rec["从业人数"], integer=True)
        except ValueError as ex:
            errors.append("%s: %s" % (where, ex))
            continue
        gs = rec["规上企业"].strip()
        if gs not in ("是", "否"):
            errors.append("%s: 规上企业 must be 是 or 否, was %r" % (where, gs))
        if output is not None and (gs == "是") != (output >= GUISHANG_MIN_OUTPUT):
            errors.append("%s: 规上企业=%s but 年产值=%s" % (where, gs, output))
        node_ids = {id(n) for n in nodes}
        product_notes = []
        for p in prods:
            if p not in products:
                product_notes.append("%s (not in products.jsonl)" % p)
                continue
            if non_products.reason(p):
                errors.append("%s: product %s is a non-product" % (where, p))
                continue
            home = chain.product_node.get(p)
            if home is None:
                product_notes.append("%s (in products.jsonl, matched by no node of %s)" % (p, chain.name))
            elif not any(id(a) in node_ids for a in _ancestors(home)):
                errors.append("%s: product %s belongs to %s, not to the firm's nodes" % (where, p, home["name"]))
        if product_notes:
            notes.append("%s %s: %s" % (where, name, "; ".join(product_notes)))
        firms.append({"line": lineno, "name": name, "code": code, "carrier": carrier, "chain": chain,
                      "nodes": nodes, "products": prods, "output": output, "tax": tax, "staff": staff,
                      "guishang": gs == "是", "remark": rec["备注"].strip(),
                      "listed": name in listed_full_names})
    return firms


def _width(text):
    """Display width: CJK and full-width characters take two columns."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text, width, align):
    fill = " " * (width - _width(text))
    return fill + text if align == "r" else text + fill


def _ancestors(node):
    out = []
    while node is not None:
        out.append(node)
        node = node["parent"]
    return out


# ---------------------------------------------------------------- status

def node_firms(node, firms):
    """Firms assigned to the node or to any node below it."""
    ids = {id(n) for n in Chain.subtree(node)}
    return [f for f in firms if any(id(n) in ids for n in f["nodes"])]


def status_of(fs):
    if not fs:
        return "缺"
    output = sum(f["output"] or 0 for f in fs)
    if (len(fs) >= STRONG_MIN_FIRMS and any(f["guishang"] for f in fs)) or output >= STRONG_MIN_OUTPUT:
        return "强"
    return "弱"


def upstream_material(products_of_interest):
    """from -> set(to) for UPSTREAM_MATERIAL relations whose `from` is one of the given names."""
    rel = {}
    for r in read_jsonl_gz("product_relations.jsonl.gz"):
        if r["type"] == "UPSTREAM_MATERIAL" and r["from"] in products_of_interest and r["from"] != r["to"]:
            rel.setdefault(r["from"], set()).add(r["to"])
    return rel


def evidence(chain, missing_node, firms, rel, non_products):
    """Local firms (of any chain) making X with UPSTREAM_MATERIAL (X -> Y), Y in the missing node's subtree."""
    targets = set()
    for n in Chain.subtree(missing_node):
        targets |= n["products"]
    found = []
    for f in firms:
        for p in f["products"]:
            for y in sorted(rel.get(p, ())):
                if y in targets and non_products.reason(y) is None:
                    found.append((f, p, y, chain.product_node[y]))
    return found


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", default=os.path.join(TONGCHENG, "local-firms.sample.csv"))
    ap.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    args = ap.parse_args()

    products = {r["name"] for r in read_jsonl_gz("products.jsonl.gz")}
    non_products = NonProductRules()
    chains = load_chains(products, non_products)
    errors, notes = [], []
    for c in chains.values():
        errors.extend(c.errors)
    companies = list(read_jsonl_gz("companies.jsonl.gz"))
    code_count = {}
    for c in companies:
        code_count[c["code"]] = code_count.get(c["code"], 0) + 1
    listed = {c["fullName"]: c for c in companies}
    full_name_count = {}
    for c in companies:
        full_name_count[c["fullName"]] = full_name_count.get(c["fullName"], 0) + 1
    carriers = load_carriers()
    if len(carriers) != 22:
        errors.append("carriers.csv has %d rows, expected 22" % len(carriers))
    for cname, row in carriers.items():
        if row["类型"] not in CARRIER_TYPES:
            errors.append("carriers.csv: %s has type %r" % (cname, row["类型"]))
        if row["上级"] and row["上级"] not in carriers:
            errors.append("carriers.csv: %s has unknown 上级 %r" % (cname, row["上级"]))
    firms = load_firms(args.csv, chains, products, non_products, carriers, listed, errors, notes)

    # global checks on the sample
    if not 60 <= len(firms) <= 80:
        errors.append("%d firms, expected 60-80" % len(firms))
    no_code = [f for f in firms if not f["code"]]
    real = [f for f in firms if f["listed"]]
    if len(real) != 2:
        errors.append("%d rows carry a listed company's full name, expected 2" % len(real))
    for f in real:
        c = listed[f["name"]]
        if f["code"]:
            errors.append("%s: a listed-company row must leave the credit code empty" % f["name"])
        if full_name_count[f["name"]] > 1:
            errors.append("%s: full name appears %d times in companies.jsonl" % (f["name"], full_name_count[f["name"]]))
        if f["remark"] != REAL_COMPANY_REMARK:
            errors.append("%s: 备注 should be %r" % (f["name"], REAL_COMPANY_REMARK))
        if code_count[c["code"]] > 1:
            errors.append("%s: stock code %s appears %d times in companies.jsonl" % (f["name"], c["code"], code_count[c["code"]]))
    if not 2 <= len(no_code) - len(real) <= 3:
        errors.append("%d fictional firms without credit code, expected 2-3" % (len(no_code) - len(real)))

    all_products = set()
    for f in firms:
        all_products.update(f["products"])
    rel = upstream_material(all_products)

    md = args.markdown
    out = print

    def table(header, rows, align):
        if md:
            out("| " + " | ".join(header) + " |")
            out("| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |")
            for r in rows:
                out("| " + " | ".join(str(x) for x in r) + " |")
        else:
            cells = [header] + [[str(x) for x in r] for r in rows]
            width = [max(_width(c[i]) for c in cells) for i in range(len(header))]
            for r in cells:
                out("  ".join(_pad(x, width[i], align[i]) for i, x in enumerate(r)).rstrip())
        out("")

    h = "####" if md else "=="
    out("%s Local firms: %s" % ("###" if md else "==", os.path.relpath(args.csv, ROOT)))
    out("")
    out("%d firms (%d 规上), %d without credit code (%d of them the listed-company rows)." % (
        len(firms), sum(f["guishang"] for f in firms), len(no_code), len(real)))
    for f in real:
        c = listed[f["name"]]
        out("- listed-company row, line %d: %s = %s %s" % (f["line"], f["name"], c["code"], c["name"]))
    out("")
    summary = []
    for cid in CHAIN_ORDER:
        chain = chains[cid]
        cf = [f for f in firms if f["chain"] is chain]
        out("%s %s (`%s.yaml`): %d firms" % (h, chain.name, cid, len(cf)))
        out("")
        counts = {"强": 0, "弱": 0, "缺": 0}
        missing, rows = [], []
        for leaf in chain.leaves():
            fs = node_firms(leaf, cf)
            st = status_of(fs)
            counts[st] += 1
            label = leaf["name"] if leaf["depth"] == 1 else "%s / %s" % (leaf["parent"]["name"], leaf["name"])
            rows.append((label, leaf["segment"], len(fs), sum(f["guishang"] for f in fs),
                         "{:,.0f}".format(sum(f["output"] or 0 for f in fs)), st))
            if st == "缺":
                missing.append(leaf)
        table(["leaf node", "segment", "firms", "规上", "年产值(万元)", "status"], rows, "llrrrl")
        inner = [n for n in chain.nodes if n["children"]]
        out("Parent nodes: " + "; ".join("%s %s (%d)" % (n["name"], status_of(node_firms(n, cf)), len(node_firms(n, cf))) for n in inner) + ".")
        out("Leaf nodes: 强 %d, 弱 %d, 缺 %d." % (counts["强"], counts["弱"], counts["缺"]))
        out("")
        for k in ("强", "弱", "缺"):
            if counts[k] < 2:
                errors.append("%s: only %d leaf nodes are %s" % (chain.name, counts[k], k))
        ev_rows, without = [], []
        for leaf in missing:
            ev = evidence(chain, leaf, firms, rel, non_products)
            if not ev:
                without.append(leaf["name"])
            for f, x, y, node in ev:
                firm = f["name"] if f["chain"] is chain else "%s（%s）" % (f["name"], f["chain"].name)
                ev_rows.append((node["name"], firm, x, y))
        linked = sorted({r[0] for r in ev_rows}, key=[n["name"] for n in missing].index)
        out("补链 evidence, 缺 nodes whose input a local firm buys (UPSTREAM_MATERIAL firm product → missing product):")
        out("")
        if ev_rows:
            table(["缺 node", "local firm", "firm's product", "missing input"], ev_rows, "llll")
        else:
            out("(none)")
            out("")
        if without:
            out("缺 nodes without evidence: " + "、".join(without) + ".")
            out("")
        summary.append((chain.name, len(cf), counts, len(linked), len(missing)))
        if not linked:
            notes.append("%s: no 补链 evidence for any 缺 node" % chain.name)

    out("%s Summary" % h)
    out("")
    table(["chain", "firms", "强", "弱", "缺", "缺 nodes with evidence"],
          [(name, n, c["强"], c["弱"], c["缺"], "%d of %d" % (ev, miss)) for name, n, c, ev, miss in summary], "lrrrrr")
    if notes:
        out("Notes:")
        for n in notes:
            out("- " + n)
        out("")
    if errors:
        out("ERRORS (%d):" % len(errors))
        for e in errors:
            out("- " + e)
        return 1
    out("OK: no validation errors.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
