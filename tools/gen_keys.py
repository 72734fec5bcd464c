#!/usr/bin/env python3
"""Generates src/keys/tables.rs: for each vocabulary of the other shapes PAN-OS logs
travel in (CEF, LEEF, the cloud forwarder's JSON), which key names which
PAN-OS field, per log type.

Reads the shared folder's format references (reference/formats/*.md) and
checks every field against the type's column list (reference/panos-fields/
*.tsv): a pair whose field the type does not have is left out (its key then
stays an extra, named column). Run from the crate's root:

    python3 tools/gen_keys.py ../shared > src/keys/tables.rs && cargo fmt
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

shared = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
fmt = shared / "reference" / "formats"
fields_dir = shared / "reference" / "panos-fields"

TYPES = ["TRAFFIC", "THREAT", "SYSTEM", "CONFIG", "HIPMATCH", "GLOBALPROTECT",
         "USERID", "AUTHENTICATION", "DECRYPTION", "TUNNEL", "GTP", "SCTP",
         "IPTAG", "CORRELATION", "DNS", "AUDIT"]

columns = {}
# DNS has no PAN-OS syslog layout and no field-reference table: its columns
# are the crate's own (`DNS` in src/schema/tables.rs), from JSON.md §4.13.
columns["DNS"] = {"future_use_0", "receive_time", "serial", "type", "subtype", "future_use_5",
                  "time_generated", "src", "dst", "from", "to", "action", "record_type",
                  "threatid", "category", "threat_name", "dns_response", "dstuser", "vsys",
                  "device_name", "seqno"}
for t in TYPES:
    if t in columns:
        continue
    rows = (fields_dir / f"{t.lower()}.tsv").read_text().splitlines()[1:]
    columns[t] = {r.split("\t")[1] for r in rows if r.strip()}
ALL = set().union(*columns.values())

# PAN-OS custom-format variables whose name is not the column's.
ALIAS = {
    "cef-formatted-receive_time": "receive_time",
    "cef-formatted-time_generated": "time_generated",
    "tunnelid": "tunnelid_imsi",
    "monitortag": "monitortag_imei",
    "imsi": "tunnelid_imsi",
    "imei": "monitortag_imei",
    "inboudn_if": "inbound_if",
    "before-change-detail": "before_change_detail",
    "after-change-detail": "after_change_detail",
    "sig_flags": "future_use_71",
}


def field(var):
    var = var.strip().strip("`").lstrip("$").strip()
    return ALIAS.get(var, var)


def add(table, ty, key, var):
    f = field(var)
    key = key.strip().strip("`")
    if not key or not re.fullmatch(r"[A-Za-z0-9_.\-]+", key):
        return
    # Keys listed for "every type" are PAN-OS's; DNS (cloud-only) gets its own.
    types = [t for t in TYPES if t != "DNS"] if ty is None else [ty]
    for t in types:
        if f in columns[t]:
            table[t].setdefault(key, f)


def sections(text, level):
    """(title, body) for each heading of `level` (`###` or `####`)."""
    parts = re.split(rf"^{level} (.+)$", text, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def typed_sections(text, level):
    """(type, body) for each heading of `level` that names a log type."""
    for title, body in sections(text, level):
        ty = type_of(title)
        if ty is not None:
            yield ty, body


def type_of(title):
    t = title.upper()
    for name, ty in [("HIP", "HIPMATCH"), ("AUTH", "AUTHENTICATION"), ("TUNNEL", "TUNNEL"),
                     ("URL", "THREAT"), ("DATA", "THREAT"), ("WILDFIRE", "THREAT"),
                     ("FILE DATA", "THREAT")]:
        if t.startswith(name):
            return ty
    word = t.split()[0].replace("-", "")
    return word if word in TYPES else None


# ---- CEF dialect A: section 4.4, one table per type: | `key` | label | `$var` | ...
cef = (fmt / "CEF.md").read_text()
cef_a = defaultdict(dict)
a_part = cef[cef.index("### 4.4"):cef.index("## 5.")]
for ty, body in typed_sections(a_part, "####"):
    for row in re.finditer(r"^\| `([^`]+)` \|[^|]*\| `\$([^`]+)`", body, re.M):
        add(cef_a, ty, row.group(1), row.group(2))

# ---- JSON: H and Q names from JSON.md §4: | `var` (pos) [/ `var2`] | `HKey` ... | `q` ... |
js = (fmt / "JSON.md").read_text()
json_h, json_q = defaultdict(dict), defaultdict(dict)
device_rows = []
j_part = js[js.index("## 4. Field mapping tables"):js.index("## 5.")]
for title, body in sections(j_part, "###"):
    ty = type_of(re.sub(r"^[\d.]+\s*", "", title))
    for line in body.splitlines():
        cells = [c.strip() for c in line.split("|")[1:-1]]
        if len(cells) < 3 or cells[0].startswith("PAN-OS") or cells[0].startswith("---"):
            continue
        # Names in parentheses are companions (`(+ split ...)`), not the field.
        bare = [re.sub(r"\([^)]*\)", "", c) for c in cells[:3]]
        vars_ = re.findall(r"`([a-z0-9_]+)`", bare[0])
        hs = re.findall(r"`([A-Za-z0-9\-]+)`", bare[1])
        qs = [q.split(".")[0] for q in re.findall(r"`([a-z0-9_.]+)`", bare[2])]
        # `dst_*` (same eight): the source row's names, for the destination.
        if "`dst_*`" in cells[0] and device_rows:
            src_vars, src_hs, src_qs = device_rows[-1]
            vars_ = ["dst_" + v[len("src_"):] for v in src_vars]
            hs = ["Destination" + h[len("Source"):] for h in src_hs]
            qs = ["dest_" + q[len("source_"):] for q in src_qs]
        # `…` in the query names stands for the usual names of the fields
        # it skips: the names before it are the first fields', the names
        # after it the last fields'. A range of one family
        # (`source_device_category` … `source_device_mac`) is one name per
        # field: the family's prefix and the field's suffix.
        q_pairs = list(zip(qs, vars_))
        if "…" in bare[2] and "`dst_*`" not in cells[0]:
            left_cell, right_cell = bare[2].split("…", 1)
            left = [q.split(".")[0] for q in re.findall(r"`([a-z0-9_.]+)`", left_cell)]
            right = [q.split(".")[0] for q in re.findall(r"`([a-z0-9_.]+)`", right_cell)]
            v_prefix = vars_[0].rsplit("_", 1)[0] + "_" if vars_ else ""
            q_prefix = left[0].rsplit("_", 1)[0] + "_" if left else ""
            family = (
                len(left) == 1 and len(right) == 1 and len(vars_) > 2
                and right[0].startswith(q_prefix)
                and all(v.startswith(v_prefix) for v in vars_)
            )
            if family:
                qs = [q_prefix + v[len(v_prefix):] for v in vars_]
                q_pairs = list(zip(qs, vars_))
                device_rows.append((vars_, hs, qs))
            else:
                q_pairs = list(zip(left, vars_))
                q_pairs += list(zip(reversed(right), reversed(vars_[len(left):])))
        # Cells list as many keys as fields, in order ("`a` / `b`").
        for i, var in enumerate(vars_):
            if i < len(hs):
                add(json_h, ty, hs[i], var)
        for q, var in q_pairs:
            add(json_q, ty, q, var)
        if len(vars_) == 1:
            for h in hs[1:]:
                add(json_h, ty, h, vars_[0])
            for q in qs[1:]:
                add(json_q, ty, q, vars_[0])
        # `dg_hier_level_1..4` and `DGHierarchyLevel1..4`
        if "dg_hier_level_1..4" in cells[0] or "dg_hier_level_*" in cells[2]:
            for n in range(1, 5):
                add(json_h, ty, f"DGHierarchyLevel{n}", f"dg_hier_level_{n}")
                add(json_q, ty, f"dg_hier_level_{n}", f"dg_hier_level_{n}")

# The common header block, for every type.
for ty in TYPES:
    for h, q, var in [("TimeReceived", "log_time", "receive_time"), ("DeviceSN", "log_source_id", "serial"),
                      ("LogType", "log_type", "type"), ("Subtype", "sub_type", "subtype"),
                      ("SubType", None, "subtype"), ("LogSubtype", None, "subtype"),
                      ("ConfigVersion", "config_version", "future_use_5"),
                      ("TimeGenerated", "time_generated", "time_generated"),
                      ("LogTime", None, "receive_time"), ("EventTime", "event_time", "time_generated"),
                      ("LogSourceID", None, "serial"), ("LogSourceName", "log_source_name", "device_name"),
                      ("DeviceName", None, "device_name"), ("VirtualLocation", "vsys", "vsys"),
                      ("SequenceNo", "sequence_no", "seqno"), ("VirtualSystemName", "vsys_name", "vsys_name"),
                      ("TimeGeneratedHighResolution", "time_generated_high_res", "high_res_timestamp")]:
        add(json_h, ty, h, var)
        if q:
            add(json_q, ty, q, var)

# DNS (§4.13 lists its H keys in prose, and three Q names): the Q names of
# the fields DNS shares with TRAFFIC are TRAFFIC's.
for h, var in [("SourceAddress", "src"), ("DNSResolverIP", "dst"), ("FromZone", "from"),
               ("ToZone", "to"), ("Action", "action"), ("RecordType", "record_type"),
               ("ThreatID", "threatid"), ("DNSCategory", "category"), ("ThreatName", "threat_name"),
               ("DNSResponse", "dns_response"), ("DestinationUser", "dstuser")]:
    add(json_h, "DNS", h, var)
for q, var in [("dest_ip", "dst"), ("gtid", "threatid"), ("dns_response", "dns_response")]:
    add(json_q, "DNS", q, var)
for q, var in list(json_q["TRAFFIC"].items()):
    if var != "category":  # TRAFFIC's is the URL category, DNS's its own
        add(json_q, "DNS", q, var)

# ---- CEF dialect B (LF): ArcSight keys of §5.2/5.4, then `PanOS` + H name.
cef_b = defaultdict(dict)
b_part = cef[cef.index("## 5. Dialect B"):cef.index("## 6. Dialect C")]
for ty in TYPES:
    for key, var in [("rt", "receive_time"), ("start", "time_generated"), ("deviceExternalId", "serial"),
                     ("externalId", "seqno"), ("dvchost", "device_name"), ("cs3", "vsys"),
                     ("cnt", "repeatcnt"), ("PanOSConfigVersion", "future_use_5")]:
        add(cef_b, ty, key, var)
session = ["TRAFFIC", "THREAT", "DECRYPTION", "SCTP", "TUNNEL"]
for line in b_part[b_part.index("Network-session family"):b_part.index("Per-type additions")].splitlines():
    # `src` / `c6a2` → `$src` (alternatives of one field); `spt`, `dpt` →
    # `$sport`, `$dport` (one field each, in order). A cell that only says
    # "parts of `$srcuser`" names no field.
    cells = [c.strip() for c in line.split("|")[1:-1]]
    if len(cells) < 3 or not cells[2].startswith("`$"):
        continue
    vars_ = re.findall(r"`\$([a-z_0-9]+)`", cells[2])
    groups = [re.findall(r"`([^`]+)`", g) for g in cells[0].split(",")]
    if len(groups) != len(vars_):
        continue
    for keys, var in zip(groups, vars_):
        for key in keys:
            for ty in session:
                add(cef_b, ty, key, var)
for ty in session:
    for key, var in [("suser0", "srcuser"), ("duser0", "dstuser")]:
        add(cef_b, ty, key, var)
per_type = b_part[b_part.index("Per-type additions"):]
for line in per_type.splitlines():
    cells = [c.strip() for c in line.split("|")[1:-1]]
    if len(cells) < 3 or not cells[1].startswith("`"):
        continue
    ty = type_of(cells[0].replace("AUTH ", "AUTHENTICATION ").replace("THREAT ", "THREAT "))
    if ty is None:
        continue
    keys = re.findall(r"`([A-Za-z0-9\-]+)`", cells[1])
    vars_ = re.findall(r"`\$([a-z_0-9]+)`", cells[2])
    # A user split into domain / name / uuid keys: only the full value's
    # key (`duser0`) is the field; the parts stay extra columns.
    if "parts of" in cells[2] or "split / full" in cells[2]:
        keys = [k for k in keys if k.endswith("0")]
    for i, key in enumerate(keys):
        if i < len(vars_):
            add(cef_b, ty, key, vars_[i])
        elif vars_:
            add(cef_b, ty, key, vars_[-1])
    # `PanOSX`=`$y` pairs in notes, and `PanOSA`/`PanOSB` = `$a`/`$b`
    # lists (in order).
    for ks, vs in re.findall(
        r"((?:`PanOS[A-Za-z0-9\-]+`/?)+)\s*=\s*((?:`\$[a-z_0-9]+`/?)+)", line
    ):
        keys = re.findall(r"`(PanOS[A-Za-z0-9\-]+)`", ks)
        vars_ = re.findall(r"`\$([a-z_0-9]+)`", vs)
        if len(keys) == len(vars_):
            for k, v in zip(keys, vars_):
                add(cef_b, ty, k, v)
for ty in TYPES:
    for h, var in json_h[ty].items():
        add(cef_b, ty, "PanOS" + h, var)

# ---- CEF dialect C (XSIAM NGFW_CEF): Q names (§6), plus its own keys.
cef_c = defaultdict(dict)
c_part = cef[cef.index("## 6. Dialect C"):cef.index("## 7.")]


def expand(names, last):
    """`src_{a,b}` → `src_a`, `src_b`; `dst_{…}` takes the list of the
    brace before it in the row (`last`, a one-item list, updated)."""
    out = []
    for name in names:
        m = re.fullmatch(r"([a-z_0-9]*)\{([^}]*)\}([a-z_0-9]*)", name)
        if not m:
            out.append(name)
            continue
        items = last[0] if m.group(2) == "…" else m.group(2).split(",")
        last[0] = items
        out.extend(m.group(1) + i + m.group(3) for i in items)
    return out


# Rows of two (keys, variables) pairs: `source_ip`, `dest_ip` | `$src`,
# `$dst`: the keys name the variables in order; one variable for several
# keys (`misc` / url: `uri` | `$misc`) is each key's.
for line in c_part.splitlines():
    cells = [c.strip() for c in line.split("|")[1:-1]]
    if len(cells) != 4:
        continue
    last = [[]]
    for key_cell, var_cell in ((cells[0], cells[1]), (cells[2], cells[3])):
        keys = expand(re.findall(r"`([^`$]+)`", key_cell), last)
        vars_ = expand(re.findall(r"`\$([^`]+)`", var_cell), last)
        if len(vars_) == 1:
            pairs = [(k, vars_[0]) for k in keys]
        elif len(keys) == len(vars_):
            pairs = list(zip(keys, vars_))
        else:
            continue
        for k, v in pairs:
            add(cef_c, None, k, v)
for ty in TYPES:
    for q, var in json_q[ty].items():
        add(cef_c, ty, q, var)

# ---- LEEF: L1 (§3.3) pairs in tables and inline lists, L2 (§4) tables per type.
leef = (fmt / "LEEF.md").read_text()
leef_1 = defaultdict(dict)
l1 = leef[leef.index("### 3.3"):leef.index("### 3.4")]
current = None
for line in l1.splitlines():
    head = re.match(r"^([A-Z][A-Z\-]+)[ (]", line)
    if head and type_of(head.group(1)):
        current = type_of(head.group(1))
    for k, v in re.findall(r"`([A-Za-z0-9_]+)` \| `\$([a-z_0-9\-]+)`", line):
        add(leef_1, current, k, v)
    for k, v in re.findall(r"`([A-Za-z0-9_]+)`=`\$([a-z_0-9\-]+)`", line):
        add(leef_1, current, k, v)
    if "DeviceGroupHierarchyL1..L4" in line:
        for n in range(1, 5):
            add(leef_1, current, f"DeviceGroupHierarchyL{n}", f"dg_hier_level_{n}")
# Keys L1 lists without `=`: the same names as the traffic table's.
for ty in (t for t in TYPES if t != "DNS"):
    for k, v in leef_1["TRAFFIC"].items():
        add(leef_1, ty, k, v)
leef_2 = defaultdict(dict)
l2 = leef[leef.index("## 4. Family L2"):leef.index("## 5. Family L3")]
for ty, body in typed_sections(l2, "####"):
    for k, v in re.findall(r"^\| `([A-Za-z0-9_]+)` \| `\$([a-z_0-9\-]+)`", body, re.M):
        if k == "ProfileToken":
            continue  # carries action flags in the published strings
        add(leef_2, ty, k, v)
# L3 (the cloud forwarder): H names, with LEEF's predefined keys.
leef_3 = defaultdict(dict)
for ty in TYPES:
    for k, var in [("devTime", "time_generated"), ("cat", "type"), ("src", "src"), ("dst", "dst"),
                   ("srcPostNAT", "natsrc"), ("dstPostNAT", "natdst"), ("usrName", "srcuser"),
                   ("srcPort", "sport"), ("dstPort", "dport"), ("srcPostNATPort", "natsport"),
                   ("dstPostNATPort", "natdport"), ("proto", "proto"), ("srcBytes", "bytes_sent"),
                   ("dstBytes", "bytes_received"), ("totalPackets", "packets"),
                   ("srcPackets", "pkts_sent"), ("dstPackets", "pkts_received")]:
        add(leef_3, ty, k, var)
    for h, var in json_h[ty].items():
        add(leef_3, ty, h, var)
# L2's keys are mostly H names too; fill gaps from H (not for DNS: no
# PAN-OS LEEF string has it).
for ty in (t for t in TYPES if t != "DNS"):
    for h, var in json_h[ty].items():
        add(leef_2, ty, h, var)

VOCABS = [
    ("CEF_NATIVE", "CEF as PAN-OS's CEF Configuration Guides write it (dialect A)", cef_a),
    ("CEF_FORWARDER", "CEF from the cloud log forwarder (`LF|2.0`, dialect B)", cef_b),
    ("CEF_XSIAM", "CEF in Cortex XSIAM's `NGFW_CEF` format (dialect C)", cef_c),
    ("LEEF_1", "LEEF 1.0 as IBM QRadar's classic strings write it (family L1)", leef_1),
    ("LEEF_2", "LEEF 2.0 as IBM QRadar's 10.x strings write it (family L2)", leef_2),
    ("LEEF_FORWARDER", "LEEF from the cloud log forwarder (family L3)", leef_3),
    ("JSON_HTTPS", "the cloud forwarder's JSON with its HTTPS names (`SourceAddress`)", json_h),
    ("JSON_QUERY", "Cortex Data Lake query names (`source_ip`)", json_q),
]

out = []
w = out.append
w("//! Generated by `tools/gen_keys.py` from the shared folder's format references")
w("//! (`reference/formats/CEF.md`, `LEEF.md`, `JSON.md`), each field checked against")
w("//! its type's column list (`reference/panos-fields/*.tsv`). Do not edit: rerun it.")
w("//!")
w("//! For each vocabulary, per log type, the keys and the PAN-OS field each names,")
w("//! indexed by a hash of the key at compile time.")
w("")
w("use super::{Table, Vocabulary};")
w("")
for name, doc, table in VOCABS:
    w(f"/// Keys of {doc}.")
    w(f"pub(crate) static {name}: Vocabulary = Vocabulary {{")
    w(f"    name: {name.lower()!r},".replace("'", '"'))
    w("    types: [")
    for ty in TYPES:
        pairs = sorted(table[ty].items())
        w(f"        // {ty}")
        w("        Table::new(&[")
        for k, v in pairs:
            w(f'            ("{k}", "{v}"),')
        w("        ]),")
    w("    ],")
    w("};")
    w("")
print("\n".join(out))
counts = {name: sum(len(t[ty]) for ty in TYPES) for name, _, t in VOCABS}
print(counts, file=sys.stderr)
