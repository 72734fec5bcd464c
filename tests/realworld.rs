//! The real-world corpus (`corpus/realworld/` in the shared folder): PAN-OS
//! lines from other public projects, which this crate did not write.
//!
//! 1. Every CSV record of every file parses, and both the typed form
//!    (`--to fields`) and the ECS document come out: one document per
//!    record, none rejected.
//! 2. Where a project asserts values for a line (`expected/`, in its own
//!    field names), each value is reproduced by the field it names here, or
//!    is in the list of differences below with the reason. An expected key
//!    that is neither fails the test.
//!
//! The CEF, LEEF, JSON and key=value files convert too (their values are
//! checked in `tests/shapes.rs`).

#[path = "common/shared.rs"]
mod shared;

use std::collections::BTreeMap;
use std::path::Path;

use panlog::ecs::{EcsMapping, Mapping};
use panlog::reader::LogReader;
use panlog::{Log, Parser};
use serde_json::Value;

/// The non-empty lines of a corpus file.
fn lines(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every line of the CEF, LEEF, JSON and key=value files converts too (the
/// types and values of those shapes are checked in `tests/shapes.rs`).
#[test]
fn every_record_of_every_shape_in_the_realworld_corpus_converts() {
    let Some(dir) = shared::path(
        "corpus/realworld",
        "every_record_of_every_shape_in_the_realworld_corpus_converts",
    ) else {
        return;
    };
    let mapping = EcsMapping::new();
    let mut records = 0;
    for shape in ["cef", "leef", "json", "kv"] {
        for path in shared::files(&dir.join(shape)) {
            let expected = lines(&path).len();
            let bytes = std::fs::read(&path).unwrap();
            let mut reader = LogReader::new(&bytes[..]);
            let mut docs = 0;
            while let Some(result) = reader.next_log() {
                let log = result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let ecs = serde_json::to_value(mapping.map(&log)).unwrap();
                assert!(ecs["@timestamp"].is_string(), "{}", path.display());
                docs += 1;
            }
            assert_eq!(docs, expected, "{}", path.display());
            records += docs;
        }
    }
    assert!(records >= 140, "{records} records");
}

#[test]
fn every_csv_record_of_the_realworld_corpus_converts() {
    let Some(dir) = shared::path(
        "corpus/realworld/csv",
        "every_csv_record_of_the_realworld_corpus_converts",
    ) else {
        return;
    };
    let mapping = EcsMapping::new();
    let (mut files, mut records) = (0, 0);
    for path in shared::files(&dir) {
        let expected = lines(&path).len();
        let bytes = std::fs::read(&path).unwrap();
        let mut reader = LogReader::new(&bytes[..]);
        let (mut docs, mut errors) = (0, Vec::new());
        while let Some(result) = reader.next_log() {
            match result {
                Ok(log) => {
                    let fields = serde_json::to_value(&log).unwrap();
                    let ecs = serde_json::to_value(mapping.map(&log)).unwrap();
                    assert!(fields.is_object() && !fields.as_object().unwrap().is_empty());
                    // The first column is one word (`1`, `0`, or empty): a
                    // header the parser did not take would be in it.
                    assert!(
                        log.get("future_use_0")
                            .is_none_or(|c| c.bytes().all(|b| b.is_ascii_alphanumeric())),
                        "{}: header words in the first column: {}",
                        path.display(),
                        String::from_utf8_lossy(log.record())
                    );
                    assert!(
                        ecs.get("@timestamp").is_some_and(Value::is_string),
                        "{}: no @timestamp: {}",
                        path.display(),
                        String::from_utf8_lossy(log.record())
                    );
                    docs += 1;
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        assert_eq!(docs, expected, "{}", path.display());
        files += 1;
        records += docs;
    }
    assert!(files >= 13, "{files} files");
    assert!(records >= 2000, "{records} records");
}

/// How an expected key is checked.
#[derive(Clone, Copy)]
enum Check {
    /// The column of this PAN-OS name: its text, or (for a number) its
    /// value; an expected `null`/`""` is an empty or absent column.
    Col(&'static str),
    /// A time column, expected as epoch seconds (UTC).
    Epoch(&'static str),
    /// A time column, expected as epoch milliseconds (UTC).
    EpochMillis(&'static str),
    /// A path in the ECS document.
    Ecs(&'static str),
    /// The syslog header's host name.
    SyslogHost,
    /// Not about the record: the other project's own bookkeeping.
    NotOurs(&'static str),
    /// A deliberate difference: the other project reads the column
    /// otherwise, for the reason given.
    Differs(&'static str),
}

/// jcustenborder/palo-alto-syslog-parser: camelCase PAN-OS names.
fn jcustenborder(key: &str, log: &Log<'_>) -> Option<Check> {
    use Check::*;
    let ty = log.log_type().as_str();
    Some(match key {
        "sequenceNumber" | "actionFlags" if ty == "CONFIG" => Differs(
            "it reads 6.x CONFIG's seqno and actionflags as change details and leaves these empty",
        ),
        "receiveTime" => Epoch("receive_time"),
        "generatedTime" => Epoch("time_generated"),
        "startTime" => Epoch("start"),
        "parentStartTime" => Epoch("parent_start_time"),
        "serialNumber" => Col("serial"),
        "type" => Col("type"),
        "subtype" | "subType" | "threatContentType" => Col("subtype"),
        "sourceIp" => Col("src"),
        "destinationIp" => Col("dst"),
        "natSourceIp" => Col("natsrc"),
        "natDestinationIp" => Col("natdst"),
        "ruleName" => Col("rule"),
        "sourceUser" => Col("srcuser"),
        "destinationUser" => Col("dstuser"),
        "application" => Col("app"),
        "virtualSystem" => Col("vsys"),
        "sourceZone" => Col("from"),
        "destinationZone" => Col("to"),
        "inboundInterface" => Col("inbound_if"),
        "outboundInterface" => Col("outbound_if"),
        "logAction" => Col("logset"),
        "sessionId" => Col("sessionid"),
        "repeatCount" => Col("repeatcnt"),
        "sourcePort" => Col("sport"),
        "destinationPort" => Col("dport"),
        "natSourcePort" => Col("natsport"),
        "natDestinationPort" => Col("natdport"),
        "flags" => Col("flags"),
        "protocol" => Col("proto"),
        "action" => Col("action"),
        "bytes" => Col("bytes"),
        "bytesSent" => Col("bytes_sent"),
        "bytesReceived" => Col("bytes_received"),
        "packets" => Col("packets"),
        "packetsSent" => Col("pkts_sent"),
        "packetsReceived" => Col("pkts_received"),
        "elapsedTime" => Col("elapsed"),
        "category" => Col("category"),
        "sequenceNumber" => Col("seqno"),
        "actionFlags" => Col("actionflags"),
        "sourceLocation" => Col("srcloc"),
        "destinationLocation" => Col("dstloc"),
        "sessionEndReason" => Col("session_end_reason"),
        "deviceGroupHierarchyLevel1" => Col("dg_hier_level_1"),
        "deviceGroupHierarchyLevel2" => Col("dg_hier_level_2"),
        "deviceGroupHierarchyLevel3" => Col("dg_hier_level_3"),
        "deviceGroupHierarchyLevel4" => Col("dg_hier_level_4"),
        "virtualSystemName" => Col("vsys_name"),
        "deviceName" => Col("device_name"),
        "actionSource" => Col("action_source"),
        "sourceVmUuid" => Col("src_uuid"),
        "destinationVmUuid" => Col("dst_uuid"),
        "tunnelIdImsi" => Col("tunnelid_imsi"),
        "monitorTagImei" => Col("monitortag_imei"),
        "parentSessionId" => Col("parent_session_id"),
        "tunnelType" => Col("tunnel"),
        "urlFilename" => Col("misc"),
        "threatId" => Col("threatid"),
        "severity" => Col("severity"),
        "direction" => Col("direction"),
        "contentType" => Col("contenttype"),
        "pcapId" => Col("pcap_id"),
        "fileDigest" => Col("filedigest"),
        "cloud" => Col("cloud"),
        "urlIndex" => Col("url_idx"),
        "userAgent" => Col("user_agent"),
        "fileType" => Col("filetype"),
        "xForwardedFor" => Col("xff"),
        "referer" => Col("referer"),
        "sender" => Col("sender"),
        "subject" => Col("subject"),
        "recipient" => Col("recipient"),
        "reportId" => Col("reportid"),
        "httpMethod" => Col("http_method"),
        "threatCategory" => Col("thr_category"),
        "contentVersion" => Col("contentver"),
        "eventId" => Col("eventid"),
        "object" => Col("object"),
        "module" => Col("module"),
        "description" => Col("opaque"),
        "admin" => Col("admin"),
        "command" => Col("cmd"),
        "client" => Col("client"),
        "result" => Col("result"),
        "configurationPath" => Col("path"),
        // Its CONFIG reader takes the 6.x record's last two columns for the
        // change details; in PAN-OS's layout they are the sequence number
        // and the action flags (the details are a custom format's).
        "beforeChangeDetail" | "afterChangeDetail" if ty == "CONFIG" => {
            Differs("6.x CONFIG's columns 14-15 are seqno and actionflags, not change details")
        }
        "host" if ty == "CONFIG" => Col("host"),
        // The syslog header, as its netty decoder read it.
        "host" => SyslogHost,
        "version" => {
            Differs("its parser does not read column 5 (the log-format version) and reports null")
        }
        "message" => NotOurs("the body as its decoder framed it"),
        "level" | "facility" => NotOurs("the PRI as its decoder split it"),
        "date" | "remoteAddress" | "processId" => {
            NotOurs("the test harness's receive date, peer and process")
        }
        _ => return None,
    })
}

/// Apache Metron's BasicPaloAltoFirewallParser: lower_snake names.
fn metron(key: &str, log: &Log<'_>) -> Option<Check> {
    use Check::*;
    let ty = log.log_type().as_str();
    Some(match key {
        "palo_alto_domain" => Col("future_use_0"),
        "config_version" => Col("future_use_5"),
        "ip_src_addr" => Col("src"),
        "ip_dst_addr" => Col("dst"),
        "ip_src_port" => Col("sport"),
        "ip_dst_port" => Col("dport"),
        "protocol" => Col("proto"),
        "log_action" => Col("logset"),
        "event_id" => Col("eventid"),
        "description" => Col("opaque"),
        "command" => Col("cmd"),
        "configuration_path" => Col("path"),
        "url" => Col("misc"),
        "threat_category" => Col("thr_category"),
        "content_version" => Col("contentver"),
        "tunnel_id" => Col("tunnelid_imsi"),
        "tunnel_type" => Col("tunnel"),
        "before_change_detail" | "after_change_detail" if ty == "CONFIG" && log.len() < 26 => {
            Differs("pre-9.x CONFIG records end with seqno and actionflags, not change details")
        }
        // THREAT's column 21, which PAN-OS documents as FUTURE_USE and
        // writes the time the log was written into.
        "start" if ty == "THREAT" => Col("future_use_21"),
        "original_string" => NotOurs("the line itself"),
        "metron_test_constant" | "parser_version" => NotOurs("the test's own labels"),
        "action"
        | "action_source"
        | "actionflags"
        | "admin"
        | "after_change_detail"
        | "app"
        | "before_change_detail"
        | "bytes"
        | "bytes_received"
        | "bytes_sent"
        | "category"
        | "client"
        | "device_name"
        | "dg_hier_level_1"
        | "dg_hier_level_2"
        | "dg_hier_level_3"
        | "dg_hier_level_4"
        | "direction"
        | "dstloc"
        | "dstuser"
        | "elapsed"
        | "flags"
        | "from"
        | "host"
        | "inbound_if"
        | "module"
        | "natdport"
        | "natdst"
        | "natsport"
        | "natsrc"
        | "object"
        | "outbound_if"
        | "packets"
        | "parent_session_id"
        | "pcap_id"
        | "pkts_received"
        | "pkts_sent"
        | "receive_time"
        | "repeatcnt"
        | "reportid"
        | "result"
        | "rule"
        | "seqno"
        | "serial"
        | "session_end_reason"
        | "sessionid"
        | "severity"
        | "srcloc"
        | "srcuser"
        | "start"
        | "subtype"
        | "threatid"
        | "time_generated"
        | "to"
        | "type"
        | "url_idx"
        | "vsys"
        | "vsys_name" => Col(leak(key)),
        _ => return None,
    })
}

/// layer-3-communications/pan-os-syslog (Haskell): `Type.camelName`.
fn haskell(key: &str, _log: &Log<'_>) -> Option<Check> {
    use Check::*;
    Some(match key {
        "sample_name" => NotOurs("the sample's name in its source"),
        "Traffic.deviceName" | "System.deviceName" => Col("device_name"),
        "Traffic.bytesReceived" => Col("bytes_received"),
        "Traffic.packetsReceived" => Col("pkts_received"),
        "Traffic.actionSource" => Col("action_source"),
        "Traffic.sourceUser" => Col("srcuser"),
        "Threat.contentVersion" => Col("contentver"),
        "Threat.httpHeaders" => Col("http_headers"),
        "Threat.miscellaneous" => Col("misc"),
        "Threat.sender" => Col("sender"),
        "Threat.subtype" | "User.subtype" => Col("subtype"),
        "Threat.threatId" => Ecs("panw.panos.threat.id"),
        "Threat.threatName" => Differs(
            "`Windows Executable (EXE)(52020)`: it cuts the name at the first `(`; the id is the last parenthesised number",
        ),
        "Threat.urlCategoryList" => Col("url_category_list"),
        "Threat.virtualSystemName" => Col("vsys_name"),
        "System.description" => Col("opaque"),
        "User.user" => Col("user"),
        "GlobalProtect.status" => Col("status"),
        "Correlation.objectId" => Col("object_id"),
        _ => return None,
    })
}

/// syslog-ng's panos-parser(): `.panos.<PAN-OS name>`.
fn syslog_ng(key: &str, _log: &Log<'_>) -> Option<Check> {
    use Check::*;
    Some(match key {
        ".panos.type" => Col("type"),
        ".panos.eventid" => Col("eventid"),
        ".panos.device_name" => Col("device_name"),
        ".panos.path" => Col("path"),
        "PROGRAM" => NotOurs("syslog-ng's program name for the parsed message"),
        _ => return None,
    })
}

/// u-siem/usiem-paloalto: ECS-like names.
fn usiem(key: &str, _log: &Log<'_>) -> Option<Check> {
    use Check::*;
    Some(match key {
        "observer.id" => Ecs("observer.serial_number"),
        "source.ip" => Ecs("source.ip"),
        "destination.ip" => Ecs("destination.ip"),
        "source.port" => Ecs("source.port"),
        "destination.port" => Ecs("destination.port"),
        "rule.name" if _log.log_type() == panlog::schema::LogType::Threat => Differs(
            "uSIEM puts the threat's name in rule.name; here (as in the reference integration) rule.name is the security rule, the threat in panw.panos.threat.name",
        ),
        "rule.name" => Ecs("rule.name"),
        "rule.id" => Ecs("panw.panos.threat.id"),
        "service" => Col("type"),
        "field_dictionary::IN_INTERFACE" => Ecs("observer.ingress.interface.name"),
        "field_dictionary::OUT_INTERFACE" => Ecs("observer.egress.interface.name"),
        "field_dictionary::URL_FULL" => Col("misc"),
        "trace.id" => Col("sessionid"),
        // uSIEM keeps the column's text (`client-to-server`).
        "network.direction" => Col("direction"),
        "event.outcome" => Differs(
            "uSIEM's own outcome words (`BLOCKED`, `DETECTED`); ECS allows success, failure and unknown",
        ),
        _ => return None,
    })
}

/// criblpacks/cribl-palo-alto-networks: the Splunk sourcetype a line routes to.
fn cribl(key: &str, _log: &Log<'_>) -> Option<Check> {
    use Check::*;
    Some(match key {
        "sourcetype" => Ecs("panw.panos.type"),
        "index" => NotOurs("the Splunk index the pack routes to"),
        _ => return None,
    })
}

/// wazuh/wazuh ruleset tests: rule ids and alert levels, not field values.
fn wazuh(key: &str, _log: &Log<'_>) -> Option<Check> {
    use Check::*;
    Some(match key {
        "wazuh_test_section" | "expect" | "rule" | "alert" | "decoder" => {
            NotOurs("Wazuh's rule id, alert level and decoder for the line")
        }
        _ => return None,
    })
}

/// DataDog/integrations-core's pipeline tests of its recommended
/// `key=value` format: PAN-OS names, a few Datadog attributes in their place
/// (read here without the format string), and Datadog's own enrichment.
fn datadog(key: &str, log: &Log<'_>) -> Option<Check> {
    use Check::*;
    let has = |name: &str| log.schema().position(name).is_some();
    Some(match key {
        "network.client.ip" if has("src") => Col("src"),
        "network.client.ip" => Col("ip"),
        "network.destination.ip" => Col("dst"),
        "network.client.port" => Col("sport"),
        "network.destination.port" => Col("dport"),
        "network.bytes_read" => Col("bytes_sent"),
        "network.bytes_written" => Col("bytes_received"),
        "usr.id" if has("srcuser") => Col("srcuser"),
        "usr.id" => Col("user"),
        "evt.name" if has("action") => Col("action"),
        "evt.name" => Col("evt.name"),
        "timestamp" => Col("receive_time"),
        "time_generated" => EpochMillis("time_generated"),
        "url_category_list" => Differs(
            "`computer-and-internet-info,low-risk`: Datadog's parser cuts a value at its first comma; the column is a comma-separated list, kept whole",
        ),
        "network.client.geoip" | "network.client.geoip.invalidAddress" => {
            NotOurs("Datadog's GeoIP enrichment of the client address")
        }
        k if k.starts_with("ocsf.") => {
            NotOurs("Datadog's own OCSF 1.5.0 mapping, not the record's values")
        }
        k if has(k) || log.extra_named().any(|(n, _)| n == Some(k)) => Col(leak(k)),
        _ => return None,
    })
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// Whether `got` (our text, `None` when empty or absent) is `want`. Text
/// is compared without the spaces around it (other parsers trim PAN-OS's
/// leading space in config paths), numbers by value (hex flags too).
fn same(got: Option<&str>, want: &Value) -> bool {
    let got = got.map(str::trim).filter(|g| !g.is_empty());
    match want {
        Value::Null => got.is_none(),
        Value::String(s) if s.trim().is_empty() => got.is_none(),
        Value::String(s) => got == Some(s.trim()),
        Value::Number(n) => got.is_some_and(|g| {
            let hex = g
                .strip_prefix("0x")
                .and_then(|h| u64::from_str_radix(h, 16).ok());
            g.parse::<f64>().ok() == n.as_f64()
                || g.parse::<u64>().ok() == n.as_u64()
                || g.parse::<i64>().ok() == n.as_i64()
                || (hex.is_some() && hex == n.as_u64())
        }),
        Value::Bool(b) => got == Some(if *b { "true" } else { "false" }),
        _ => false,
    }
}

fn at<'v>(doc: &'v Value, path: &str) -> Option<&'v Value> {
    // `panw.panos.threat.id`: the document nests by dots.
    path.split('.').try_fold(doc, |v, key| v.get(key))
}

type Namer = fn(&str, &Log<'_>) -> Option<Check>;

#[test]
fn expected_values_of_other_projects_are_reproduced() {
    let Some(dir) = shared::path(
        "corpus/realworld/expected",
        "expected_values_of_other_projects_are_reproduced",
    ) else {
        return;
    };
    let projects: [(&str, Namer); 8] = [
        ("jcustenborder-palo-alto-syslog-parser.jsonl", jcustenborder),
        ("apache-metron-parser-test.jsonl", metron),
        ("pan-os-syslog-haskell.jsonl", haskell),
        ("syslog-ng.jsonl", syslog_ng),
        ("usiem-paloalto.jsonl", usiem),
        ("cribl-palo-alto-networks.jsonl", cribl),
        ("wazuh.jsonl", wazuh),
        ("datadog-pan-firewall.jsonl", datadog),
    ];
    // Only the lines of the CSV and key=value files (the CEF and LEEF ones
    // are checked in tests/shapes.rs).
    let corpus = dir.parent().unwrap();
    let csv_lines: std::collections::HashSet<String> = ["csv", "kv"]
        .iter()
        .flat_map(|shape| shared::files(&corpus.join(shape)))
        .flat_map(|p| lines(&p))
        .collect();
    let mapping = EcsMapping::new().original(false);
    let mut parser = Parser::new();
    let mut tally: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut reasons = std::collections::BTreeSet::new();
    for (file, namer) in projects {
        for line in lines(&dir.join(file)) {
            let case: Value = serde_json::from_str(&line).unwrap();
            let record = case["line"].as_str().unwrap();
            if !csv_lines.contains(record) {
                continue;
            }
            let log = parser
                .parse(record.as_bytes())
                .unwrap_or_else(|e| panic!("{file}: {e}: {record}"));
            let doc = serde_json::to_value(mapping.map(&log)).unwrap();
            let counts = tally.entry(file).or_default();
            for (key, want) in case["fields"].as_object().unwrap() {
                let Some(check) = namer(key, &log) else {
                    failures.push(format!("{file}: key {key:?} is neither mapped nor listed"));
                    continue;
                };
                let ok = match check {
                    Check::Col(name) => {
                        assert!(
                            log.schema().position(name).is_some()
                                || log.extra_named().any(|(n, _)| n == Some(name)),
                            "{file}: {key} → {name}: no such column in {}",
                            log.log_type()
                        );
                        same(log.get(name).as_deref(), want)
                    }
                    Check::Epoch(name) | Check::EpochMillis(name) => {
                        let scale = if matches!(check, Check::Epoch(_)) {
                            1
                        } else {
                            1000
                        };
                        let got = log
                            .timestamp(name)
                            .ok()
                            .flatten()
                            .map(|t| t.timestamp() * scale);
                        match want {
                            Value::Null => got.is_none(),
                            w => got.map(|g| g as f64) == w.as_f64(),
                        }
                    }
                    Check::Ecs(path) => {
                        let got = at(&doc, path);
                        match (got, want) {
                            (Some(Value::String(g)), Value::String(w)) => {
                                g == w
                                    || (path == "panw.panos.type"
                                        && w == &format!("pan:{}", g.to_ascii_lowercase()))
                            }
                            (Some(g), w) if g == w => true,
                            (Some(g), Value::String(w)) => &g.to_string() == w,
                            (None, Value::Null) => true,
                            _ => false,
                        }
                    }
                    Check::SyslogHost => same(log.header().hostname(), want),
                    Check::NotOurs(why) => {
                        counts[2] += 1;
                        reasons.insert((file, key.clone(), "not about the record", why));
                        continue;
                    }
                    Check::Differs(why) => {
                        counts[1] += 1;
                        reasons.insert((file, key.clone(), "differs", why));
                        continue;
                    }
                };
                if ok {
                    counts[0] += 1;
                } else {
                    failures.push(format!(
                        "{file}: {key} = {want} but ours differs ({}) in {record}",
                        match check {
                            Check::Col(n) | Check::Epoch(n) | Check::EpochMillis(n) =>
                                format!("{n} = {:?}", log.get(n)),
                            Check::Ecs(p) => format!("{p} = {:?}", at(&doc, p)),
                            _ => String::new(),
                        }
                    ));
                }
            }
        }
    }
    // One line per reason, with the keys it covers.
    let mut by_reason: BTreeMap<(&str, &str, &str), Vec<&str>> = BTreeMap::new();
    for (file, key, what, why) in &reasons {
        by_reason.entry((file, what, why)).or_default().push(key);
    }
    for ((file, what, why), keys) in &by_reason {
        eprintln!("{file}: {}: {what}: {why}", keys.join(", "));
    }
    for (file, [same, differs, not_ours]) in &tally {
        eprintln!(
            "{file}: {same} values reproduced, {differs} listed differences, {not_ours} not about the record"
        );
    }
    // One line per kind of failure (file and key), with a count and the
    // first example.
    let mut kinds: BTreeMap<String, (usize, &str)> = BTreeMap::new();
    for f in &failures {
        let kind = f.split(" = ").next().unwrap_or(f).to_owned();
        kinds.entry(kind).or_insert((0, f)).0 += 1;
    }
    let summary: Vec<String> = kinds
        .iter()
        .map(|(kind, (n, first))| format!("{n:5} × {kind}\n        e.g. {first}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} expected values not reproduced:\n{}",
        failures.len(),
        summary.join("\n")
    );
    let reproduced: usize = tally.values().map(|c| c[0]).sum();
    assert!(reproduced > 30_000, "{reproduced} values reproduced");
}
