//! ECS conversion: the seed mapping reproduces the seed documents, the
//! default mapping's documents are ECS-valid for every log type, and the
//! fields MAPPING.md names carry the right values.

#[path = "common/lines.rs"]
mod lines;
#[path = "common/shared.rs"]
mod shared;

use std::collections::HashMap;
use std::net::IpAddr;

use chrono::FixedOffset;
use panlog::Parser;
use panlog::ecs::{EcsMapping, Mapping, SeedMapping};
use serde_json::{Value, json};

fn case(name: &str) -> &'static str {
    lines::CASES
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
        .line
}

fn ecs(line: &str) -> Value {
    let mut parser = Parser::new();
    let log = parser.parse(line.as_bytes()).unwrap();
    serde_json::to_value(EcsMapping::new().map(&log)).unwrap()
}

fn sort_related(doc: &mut Value) {
    if let Some(related) = doc.get_mut("related").and_then(Value::as_object_mut) {
        for list in related.values_mut() {
            if let Some(items) = list.as_array_mut() {
                items.sort_by_key(|v| v.to_string());
            }
        }
    }
}

#[test]
fn seed_mapping_reproduces_the_seed_documents() {
    let Some(path) = shared::path(
        "corpus/seed/sekoia-doc-samples.jsonl",
        "seed_mapping_reproduces_the_seed_documents",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut parser = Parser::new();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut expected: Value = serde_json::from_str(line).unwrap();
        let message = expected["message"].as_str().unwrap().to_owned();
        // `sekoiaio` is the SIEM's own bookkeeping, not the normalization.
        expected.as_object_mut().unwrap().remove("sekoiaio");
        let log = parser.parse(message.as_bytes()).unwrap();
        let mut got = serde_json::to_value(SeedMapping.map(&log)).unwrap();
        sort_related(&mut got);
        sort_related(&mut expected);
        assert_eq!(
            got,
            expected,
            "seed line {}: {message}\n got: {got}\nwant: {expected}",
            n + 1
        );
        n += 1;
    }
    assert_eq!(n, 8);
}

/// ECS field definitions: type, whether arrays are expected, allowed values.
struct Field {
    kind: String,
    array: bool,
    allowed: Vec<String>,
}

/// A reader for the flat YAML of `ecs_flat.yml`: top-level keys, their
/// `type`, `normalize` and `allowed_values` names. Enough for this file, not
/// a YAML parser.
fn ecs_fields(text: &str) -> HashMap<String, Field> {
    let mut fields = HashMap::new();
    let mut current: Option<(String, Field)> = None;
    let mut block = "";
    for line in text.lines() {
        if !line.starts_with(' ') && line.ends_with(':') {
            if let Some((name, field)) = current.take() {
                fields.insert(name, field);
            }
            let name = line.trim_end_matches(':').trim_matches('\'').to_owned();
            current = Some((
                name,
                Field {
                    kind: String::new(),
                    array: false,
                    allowed: Vec::new(),
                },
            ));
            block = "";
            continue;
        }
        let Some((_, field)) = current.as_mut() else {
            continue;
        };
        if let Some(key) = line.strip_prefix("  ").filter(|l| !l.starts_with(' ')) {
            if let Some(kind) = key.strip_prefix("type: ") {
                field.kind = kind.trim().to_owned();
            }
            block = if key.starts_with("allowed_values:") {
                "allowed"
            } else if key.starts_with("normalize:") {
                "normalize"
            } else if key.starts_with("- ") {
                block
            } else {
                ""
            };
            if block == "normalize" && key.trim() == "- array" {
                field.array = true;
            }
        } else if block == "allowed"
            && let Some(name) = line.strip_prefix("    name: ")
        {
            field.allowed.push(name.trim().to_owned());
        }
    }
    if let Some((name, field)) = current {
        fields.insert(name, field);
    }
    fields
}

fn leaves(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                leaves(&path, v, out);
            }
        }
        other => out.push((prefix.to_owned(), other.clone())),
    }
}

fn check_value(kind: &str, v: &Value) -> Result<(), String> {
    let ok = match kind {
        "keyword" | "wildcard" | "constant_keyword" | "match_only_text" | "text" => v.is_string(),
        "long" | "integer" => v.is_i64(),
        "float" | "double" | "scaled_float" => v.is_number(),
        "boolean" => v.is_boolean(),
        "ip" => v.as_str().is_some_and(|s| s.parse::<IpAddr>().is_ok()),
        "date" => v
            .as_str()
            .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok()),
        other => return Err(format!("unchecked ECS type {other}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{v} is not a valid {kind}"))
    }
}

fn violations(doc: &Value, fields: &HashMap<String, Field>) -> Vec<String> {
    let mut out = Vec::new();
    let mut all = Vec::new();
    leaves("", doc, &mut all);
    for (path, value) in all {
        if path.starts_with("panw.panos.") {
            continue;
        }
        let Some(field) = fields.get(&path) else {
            out.push(format!("{path}: not an ECS field"));
            continue;
        };
        let items: Vec<&Value> = match &value {
            Value::Array(items) => {
                if !field.array {
                    out.push(format!("{path}: an array, but ECS expects one value"));
                }
                items.iter().collect()
            }
            one => vec![one],
        };
        for item in items {
            if let Err(e) = check_value(&field.kind, item) {
                out.push(format!("{path}: {e}"));
            }
            if !field.allowed.is_empty()
                && !item
                    .as_str()
                    .is_some_and(|s| field.allowed.iter().any(|a| a == s))
            {
                out.push(format!("{path}: {item} is not an allowed value"));
            }
        }
    }
    out
}

#[test]
fn default_documents_are_ecs_valid_for_every_type() {
    let Some(path) = shared::path(
        "reference/ecs/ecs_flat.yml",
        "default_documents_are_ecs_valid_for_every_type",
    ) else {
        return;
    };
    let fields = ecs_fields(&std::fs::read_to_string(&path).unwrap());
    assert!(fields.len() > 2000, "{} ECS fields read", fields.len());
    assert_eq!(fields["event.kind"].allowed.len(), 8);
    assert!(fields["related.ip"].array);
    assert_eq!(fields["source.port"].kind, "long");

    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.log"
    ))
    .unwrap();
    // The test lines of every layout, then the shipped sample (framed: it has
    // an octet-counted frame and a record spanning lines).
    let mut input: Vec<u8> = Vec::new();
    for c in lines::CASES {
        input.extend_from_slice(c.line.as_bytes());
        input.push(b'\n');
    }
    input.extend_from_slice(sample.as_bytes());
    // And every CSV record of the real-world corpus.
    let realworld = path.parent().unwrap().join("../../corpus/realworld/csv");
    let mut realworld_records = 0;
    for file in shared::files(&realworld) {
        let text = std::fs::read(&file).unwrap();
        realworld_records += text
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .count();
        input.extend_from_slice(&text);
        if !text.ends_with(b"\n") {
            input.push(b'\n');
        }
    }
    let tz = FixedOffset::east_opt(3600).unwrap();
    let mut reader =
        panlog::reader::LogReader::new(&input[..]).with_parser(Parser::new().time_zone(tz));
    let mut problems = Vec::new();
    let mut types = std::collections::BTreeSet::new();
    let mut docs = 0;
    while let Some(log) = reader.next_log() {
        let log = log.unwrap();
        types.insert(log.log_type());
        let doc = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
        for v in violations(&doc, &fields) {
            problems.push(format!("{}: {v}", log.log_type()));
        }
        docs += 1;
    }
    assert_eq!(docs, lines::CASES.len() + 37 + realworld_records);
    assert!(realworld_records > 2000);
    // The 16 types, and the unknown ones of the real-world corpus
    // (`INVALIDlogType`, `OTHERS`).
    assert_eq!(types.len(), 17, "every log type converted: {types:?}");
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} ECS violations:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_validator_catches_violations() {
    let Some(path) = shared::path(
        "reference/ecs/ecs_flat.yml",
        "the_validator_catches_violations",
    ) else {
        return;
    };
    let fields = ecs_fields(&std::fs::read_to_string(path).unwrap());
    let bad = json!({
        "source": {"port": "80", "ip": "10.0.0.300"},
        "event": {"kind": "alarm", "category": ["network"], "outcome": ["success"]},
        "no_such": {"field": 1},
        "@timestamp": "yesterday",
        "panw": {"panos": {"anything": 1}},
    });
    let v = violations(&bad, &fields);
    assert_eq!(v.len(), 6, "{v:#?}");
}

#[test]
fn traffic_session_fields() {
    let doc = ecs(case("TRAFFIC_10_1"));
    assert_eq!(doc["source"]["ip"], "10.20.1.15");
    assert_eq!(doc["source"]["address"], "10.20.1.15");
    assert_eq!(doc["source"]["port"], 53144);
    assert_eq!(
        doc["source"]["nat"],
        json!({"ip": "203.0.113.10", "port": 41022})
    );
    assert_eq!(
        doc["destination"]["nat"],
        json!({"ip": "142.250.74.110", "port": 443})
    );
    assert_eq!(doc["source"]["bytes"], 2210);
    assert_eq!(doc["destination"]["bytes"], 16132);
    assert_eq!(doc["network"]["bytes"], 18342);
    assert_eq!(doc["network"]["packets"], 31);
    assert_eq!(doc["network"]["transport"], "tcp");
    assert_eq!(doc["network"]["application"], "ssl");
    assert_eq!(doc["network"]["type"], "ipv4");
    assert_eq!(doc["rule"]["name"], "allow-web");
    assert_eq!(doc["rule"]["uuid"], "5b5e1c3a-1e0e-4c4a-9a55-3c1a5d1e0f2b");
    assert_eq!(doc["observer"]["ingress"]["zone"], "trust");
    assert_eq!(
        doc["observer"]["egress"]["interface"]["name"],
        "ethernet1/1"
    );
    assert_eq!(doc["observer"]["serial_number"], "012801096514");
    assert_eq!(doc["observer"]["hostname"], "PA-3220-edge");
    assert_eq!(doc["event"]["kind"], "event");
    assert_eq!(doc["event"]["category"], json!(["network"]));
    assert_eq!(
        doc["event"]["type"],
        json!(["end", "connection", "allowed"])
    );
    assert_eq!(doc["event"]["outcome"], "success");
    assert_eq!(doc["event"]["action"], "flow_terminated");
    assert_eq!(doc["event"]["start"], "2024-03-05T14:21:41+00:00");
    assert_eq!(doc["event"]["duration"], 26_000_000_000i64);
    assert_eq!(doc["event"]["end"], "2024-03-05T14:22:07+00:00");
    assert_eq!(doc["panw"]["panos"]["session_id"], 88231);
    assert_eq!(doc["panw"]["panos"]["session_end_reason"], "tcp-fin");
    assert_eq!(doc["panw"]["panos"]["flags"], "0x40041c");
    assert_eq!(doc["panw"]["panos"]["nat_translated"], true);
    assert_eq!(doc["panw"]["panos"]["ipv6_session"], false);
    assert_eq!(doc["destination"]["geo"]["name"], "United States");
    assert_eq!(
        doc["panw"]["panos"]["source"]["location"],
        "10.0.0.0-10.255.255.255"
    );
    assert!(doc["source"].get("geo").is_none());
    // Vendor columns without an ECS home are kept, typed.
    assert_eq!(doc["panw"]["panos"]["risk_of_app"], 4);
    assert_eq!(
        doc["panw"]["panos"]["link_switches"],
        "{wan1, tag-mpls, 100,100,,N/A}"
    );
    assert_eq!(doc["panw"]["panos"]["repeatcnt"], 1);
    // Taken columns are not repeated.
    assert!(doc["panw"]["panos"].get("src").is_none());
    assert!(doc["panw"]["panos"].get("sessionid").is_none());
    // N/A is omitted.
    assert!(doc["panw"]["panos"].get("tunnel").is_none());
}

#[test]
fn user_domains_are_split() {
    let doc = ecs(case("TRAFFIC_6_1"));
    assert_eq!(
        doc["source"]["user"],
        json!({"name": "jdoe", "domain": "corp"})
    );
    assert_eq!(doc["user"], json!({"name": "jdoe", "domain": "corp"}));
    assert_eq!(doc["related"]["user"], json!(["jdoe"]));
    let line = case("USERID_11_1").replacen("corp\\jdoe", "jdoe@corp.example", 1);
    let doc = ecs(&line);
    assert_eq!(
        doc["user"],
        json!({"name": "jdoe", "domain": "corp.example"})
    );
}

#[test]
fn nat_zero_is_omitted_and_related_ip_has_no_zero_or_duplicates() {
    let line = case("TRAFFIC_6_1")
        .replacen("203.0.113.10,142.250.74.110", "0.0.0.0,0.0.0.0", 1)
        .replacen(",53144,443,41022,443,", ",53144,443,0,0,", 1);
    let doc = ecs(&line);
    assert!(doc["source"].get("nat").is_none(), "{}", doc["source"]);
    assert!(doc["destination"].get("nat").is_none());
    assert_eq!(
        doc["related"]["ip"],
        json!(["10.20.1.15", "142.250.74.110"])
    );
    // natdst equal to dst appears once.
    let doc = ecs(case("TRAFFIC_6_1"));
    assert_eq!(
        doc["related"]["ip"],
        json!(["10.20.1.15", "142.250.74.110", "203.0.113.10"])
    );
}

#[test]
fn long_durations_do_not_overflow() {
    // 5 s is already past u32::MAX nanoseconds; 30 days is 2.6e15 ns.
    for (elapsed, nanos) in [("5", 5_000_000_000i64), ("2592000", 2_592_000_000_000_000)] {
        let line = case("TRAFFIC_6_1").replacen(
            ",2024/03/05 14:21:41,26,",
            &format!(",2024/03/05 14:21:41,{elapsed},"),
            1,
        );
        let doc = ecs(&line);
        assert_eq!(doc["event"]["duration"], nanos);
    }
}

#[test]
fn high_res_timestamp_wins_over_naive_receive_time() {
    let tz = FixedOffset::east_opt(2 * 3600).unwrap();
    let mut parser = Parser::new().time_zone(tz);
    let log = parser.parse(case("TRAFFIC_10_1").as_bytes()).unwrap();
    let doc = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
    assert_eq!(doc["@timestamp"], "2024-03-05T14:22:07.118+01:00");
    assert_eq!(doc["event"]["timezone"], "+02:00");
    assert_eq!(
        doc["panw"]["panos"]["received_time"],
        "2024-03-05T14:22:07+02:00"
    );
    // Without a high-resolution time (or with the 1969 placeholder), the
    // receive time read in the caller's zone.
    let log = parser.parse(case("TRAFFIC_8_1").as_bytes()).unwrap();
    let doc = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
    assert_eq!(doc["@timestamp"], "2024-03-05T14:22:07+02:00");
    let line = case("TRAFFIC_10_1").replacen(
        "2024-03-05T14:22:07.118+01:00",
        "1969-12-31T16:00:00.000-08:00",
        1,
    );
    let log = parser.parse(line.as_bytes()).unwrap();
    let doc = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
    assert_eq!(doc["@timestamp"], "2024-03-05T14:22:07+02:00");
    assert!(doc["panw"]["panos"].get("high_res_timestamp").is_none());
}

#[test]
fn threat_url_parts_and_category_list() {
    let doc = ecs(case("THREAT_8_1"));
    assert_eq!(doc["event"]["kind"], "alert");
    assert_eq!(doc["event"]["action"], "url_filtering");
    assert_eq!(doc["event"]["type"], json!(["denied"]));
    assert_eq!(doc["event"]["outcome"], "failure");
    assert_eq!(doc["url"]["original"], "www.example.com/login?a=1,b=2");
    assert_eq!(doc["url"]["domain"], "www.example.com");
    assert_eq!(doc["url"]["path"], "/login");
    assert_eq!(doc["url"]["query"], "a=1,b=2");
    assert_eq!(doc["destination"]["domain"], "www.example.com");
    assert!(
        doc["related"]["hosts"]
            .as_array()
            .unwrap()
            .contains(&json!("www.example.com"))
    );
    assert_eq!(doc["panw"]["panos"]["threat"], json!({"id": 9999}));
    assert_eq!(doc["panw"]["panos"]["url"]["category"], "phishing");
    assert_eq!(doc["network"]["direction"], "inbound");
    assert_eq!(
        doc["user_agent"]["original"],
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
    );
    assert_eq!(doc["http"]["request"]["method"], "get");
    assert_eq!(doc["http"]["request"]["referrer"], "https://ref.example/");
    assert_eq!(doc["panw"]["panos"]["http_content_type"], "text/html");

    let doc = ecs(case("THREAT_10_1"));
    assert_eq!(
        doc["panw"]["panos"]["url"]["category_list"],
        json!(["computer-and-internet-info", "low-risk"])
    );
    assert_eq!(doc["event"]["action"], "exploit_detected");
    assert_eq!(doc["event"]["outcome"], "success");
    assert_eq!(doc["file"]["name"], "EXAMPLE.PDF");
    assert_eq!(
        doc["panw"]["panos"]["threat"],
        json!({"name": "PDF Exploit (Evasion) Found", "id": 34805})
    );
    assert_eq!(doc["log"]["level"], "critical");
    assert_eq!(doc["event"]["severity"], 1);
    assert_eq!(doc["network"]["direction"], "outbound");
    assert_eq!(doc["network"]["forwarded_ip"], "198.51.100.7");

    let doc = ecs(case("THREAT_6_1"));
    assert_eq!(
        doc["event"]["category"],
        json!(["intrusion_detection", "threat", "network", "malware"])
    );
    assert_eq!(doc["event"]["action"], "virus_detected");
    assert_eq!(doc["file"]["name"], "invoice,2024.pdf.exe");
}

#[test]
fn other_types_categorize() {
    let expect = [
        (
            "SYSTEM_10_1",
            "event",
            json!(["authentication"]),
            Some("success"),
        ),
        (
            "CONFIG_10_1",
            "event",
            json!(["configuration"]),
            Some("success"),
        ),
        ("USERID_8_0", "event", json!(["network", "iam"]), None),
        ("HIPMATCH_11_1", "event", json!(["host"]), None),
        (
            "GLOBALPROTECT_11_1",
            "event",
            json!(["authentication", "session"]),
            Some("success"),
        ),
        (
            "AUTHENTICATION_8_0",
            "event",
            json!(["authentication"]),
            Some("failure"),
        ),
        (
            "DECRYPTION_11_1",
            "event",
            json!(["network"]),
            Some("failure"),
        ),
        ("TUNNEL_10_0", "event", json!(["network"]), Some("success")),
        ("GTP_10_1", "event", json!(["network"]), Some("success")),
        ("SCTP_10_0", "event", json!(["network"]), Some("success")),
        ("IPTAG_11_1", "event", json!(["network", "iam"]), None),
        (
            "CORRELATION_7_0",
            "alert",
            json!(["intrusion_detection"]),
            None,
        ),
        (
            "AUDIT_10_1",
            "event",
            json!(["configuration"]),
            Some("success"),
        ),
    ];
    for (name, kind, category, outcome) in expect {
        let doc = ecs(case(name));
        assert_eq!(doc["event"]["kind"], kind, "{name}");
        assert_eq!(doc["event"]["category"], category, "{name}");
        assert_eq!(doc["event"]["outcome"].as_str(), outcome, "{name}");
        assert!(
            doc["event"]["type"]
                .as_array()
                .is_some_and(|t| !t.is_empty()),
            "{name}"
        );
        assert_eq!(doc["observer"]["vendor"], "Palo Alto Networks");
        assert_eq!(doc["event"]["dataset"], "panw.panos");
    }
    let doc = ecs(case("CONFIG_10_1"));
    assert_eq!(doc["event"]["action"], "cmd-set");
    assert_eq!(doc["user"]["name"], "admin");
    // The admin's client address is `host.ip`, as the reference has it.
    assert_eq!(doc["host"]["ip"], json!(["10.0.0.9"]));
    assert!(doc.get("source").is_none());
    let doc = ecs(case("USERID_8_0"));
    assert_eq!(doc["event"]["type"], json!(["start"]));
    assert_eq!(doc["source"]["ip"], "10.20.1.15");
    let doc = ecs(case("GLOBALPROTECT_11_1"));
    // The reference's convention: the tunnel address is the source, the
    // public one its NAT address.
    assert_eq!(doc["source"]["ip"], "10.8.0.5");
    assert_eq!(doc["source"]["nat"]["ip"], "198.51.100.23");
    assert_eq!(doc["host"]["name"], "LAPTOP-7");
    assert_eq!(doc["event"]["code"], "gateway-auth");
    assert_eq!(
        doc["host"]["os"]["version"],
        "Microsoft Windows 10 Pro , 64-bit"
    );
    assert_eq!(doc["source"]["geo"]["country_iso_code"], "FR");
}

#[test]
fn event_original_is_kept_by_default_and_can_be_switched_off() {
    let line = format!("<14>Mar  5 14:22:07 fw-1 {}", case("SYSTEM_10_1"));
    let mut parser = Parser::new();
    let log = parser.parse(line.as_bytes()).unwrap();
    let on = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
    assert_eq!(on["event"]["original"], line);
    let off = serde_json::to_value(EcsMapping::new().original(false).map(&log)).unwrap();
    assert!(off["event"].get("original").is_none());
}

#[test]
fn unknown_types_and_extra_columns_are_kept() {
    let doc = ecs("1,2024/03/05 14:22:07,0128,NEWTYPE,sub,2817,2024/03/05 14:22:07,a,\"b,c\"");
    assert_eq!(doc["panw"]["panos"]["type"], "NEWTYPE");
    assert_eq!(doc["panw"]["panos"]["extra_columns"], json!(["a", "b,c"]));
    assert_eq!(doc["event"]["kind"], "event");
    let line = format!("{},x1", case("SYSTEM_10_1"));
    let doc = ecs(&line);
    assert_eq!(doc["panw"]["panos"]["extra_columns"], json!(["x1"]));
}

#[test]
fn invalid_values_land_in_panw_as_text() {
    let line = case("TRAFFIC_6_1").replacen("10.20.1.15", "not-an-ip", 1);
    let doc = ecs(&line);
    assert!(doc["source"].get("ip").is_none());
    assert_eq!(doc["panw"]["panos"]["src"], "not-an-ip");
}

#[test]
fn escaped_quotes_in_vendor_fields_are_unescaped() {
    let doc = ecs(case("CONFIG_10_1_DETAILS"));
    assert_eq!(
        doc["panw"]["panos"]["before_change_detail"],
        r#"filter "All Logs" { action allow, }"#
    );
    assert_eq!(
        doc["panw"]["panos"]["after_change_detail"],
        r#"filter "All Logs" { action deny, }"#
    );
    assert_eq!(doc["panw"]["panos"]["seqno"], 4411);
}

#[test]
fn decryption_tls_fields() {
    let doc = ecs(case("DECRYPTION_11_1"));
    assert_eq!(doc["tls"]["version_protocol"], "tls");
    assert_eq!(doc["tls"]["version"], "1.2");
    assert_eq!(doc["tls"]["curve"], "secp256r1");
    assert_eq!(doc["tls"]["client"]["server_name"], "example.com");
    let x509 = &doc["tls"]["server"]["x509"];
    assert_eq!(x509["subject"]["common_name"], json!(["example.com"]));
    assert_eq!(x509["issuer"]["common_name"], json!(["Example CA"]));
    assert_eq!(x509["not_after"], "2025-01-01T00:00:00+00:00");
    assert_eq!(x509["serial_number"], "0a1b2c");
    assert_eq!(x509["public_key_size"], 2048);
    assert_eq!(
        doc["tls"]["server"]["hash"]["md5"],
        "d41d8cd98f00b204e9800998ecf8427e"
    );
    assert_eq!(
        doc["error"]["message"],
        "certificate expired, chain incomplete"
    );
    assert_eq!(doc["event"]["outcome"], "failure");
    // Taken columns are not repeated under panw.panos.
    for name in ["sni", "cn", "fingerprint", "tls_version", "error"] {
        assert!(doc["panw"]["panos"].get(name).is_none(), "{name}");
    }
    assert_eq!(doc["panw"]["panos"]["tls_enc"], "AES_128_GCM");
}
