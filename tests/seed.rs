//! The eight seed lines (`corpus/seed/sekoia-doc-samples.jsonl`) parse, and
//! the typed values of their fields are the ones the seed's expected
//! documents hold.
//!
//! The ECS documents themselves are the ECS mapping's business; here each
//! expected ECS value is compared with the typed getter of the PAN-OS field
//! it comes from.

#[path = "common/shared.rs"]
mod shared;

use panlog::schema::LogType;
use panlog::{Log, Parser};
use serde_json::{Value, json};

#[derive(Clone, Copy)]
enum Get {
    Ip,
    Port,
    U64,
    Text,
}

/// ECS path → (PAN-OS field, how to read it), per log type.
fn sources(ty: LogType) -> &'static [(&'static str, &'static str, Get)] {
    use Get::*;
    match ty {
        LogType::Traffic | LogType::Threat => &[
            ("source.ip", "src", Ip),
            ("source.address", "src", Text),
            ("destination.ip", "dst", Ip),
            ("destination.address", "dst", Text),
            ("source.port", "sport", Port),
            ("destination.port", "dport", Port),
            ("source.nat.ip", "natsrc", Ip),
            ("source.nat.port", "natsport", Port),
            ("destination.nat.ip", "natdst", Ip),
            ("destination.nat.port", "natdport", Port),
            ("network.bytes", "bytes", U64),
            ("source.bytes", "bytes_sent", U64),
            ("destination.bytes", "bytes_received", U64),
            ("network.packets", "packets", U64),
            ("source.packets", "pkts_sent", U64),
            ("destination.packets", "pkts_received", U64),
            ("event.duration", "elapsed", U64),
            ("network.transport", "proto", Text),
            ("action.name", "action", Text),
            ("action.type", "subtype", Text),
            ("file.path", "misc", Text),
            ("event.reason", "threatid", Text),
            ("log.level", "severity", Text),
        ],
        LogType::UserId => &[
            ("source.ip", "ip", Ip),
            ("source.address", "ip", Text),
            ("user.name", "user", Text),
            ("log.logger", "datasourcename", Text),
            ("log.hostname", "device_name", Text),
            ("action.type", "subtype", Text),
            ("source.port", "beginport", Port),
            ("destination.port", "endport", Port),
        ],
        LogType::GlobalProtect => &[
            ("source.ip", "public_ip", Ip),
            ("source.address", "public_ip", Text),
            ("user.name", "srcuser", Text),
            ("geo.country_iso_code", "srcregion", Text),
            ("user_agent.os.name", "client_os", Text),
            ("user_agent.os.version", "client_os_ver", Text),
            ("action.outcome", "status", Text),
            ("action.type", "subtype", Text),
        ],
        LogType::System => &[
            ("action.outcome_reason", "opaque", Text),
            ("action.type", "subtype", Text),
            ("log.hostname", "device_name", Text),
            ("log.level", "severity", Text),
        ],
        _ => &[],
    }
}

fn read(log: &Log<'_>, field: &str, get: Get) -> Value {
    match get {
        Get::Ip => json!(log.ip(field).unwrap().map(|ip| ip.to_string())),
        Get::Port => json!(log.port(field).unwrap().map(|p| p.get())),
        Get::U64 => json!(log.u64(field).unwrap()),
        Get::Text => json!(log.get(field)),
    }
}

fn at<'v>(doc: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(doc, |v, key| v.get(key))
}

#[test]
fn seed_lines_parse_with_the_expected_values() {
    let Some(path) = shared::path(
        "corpus/seed/sekoia-doc-samples.jsonl",
        "seed_lines_parse_with_the_expected_values",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut parser = Parser::new();
    let (mut lines, mut compared) = (0, 0);
    let mut types = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).unwrap();
        let message = doc["message"].as_str().unwrap();
        let log = parser
            .parse(message.as_bytes())
            .unwrap_or_else(|e| panic!("{e}: {message}"));
        types.push(log.log_type());
        for &(ecs, field, get) in sources(log.log_type()) {
            if let Some(expected) = at(&doc, ecs) {
                let got = read(&log, field, get);
                assert_eq!(&got, expected, "{ecs} from {field} in {message}");
                compared += 1;
            }
        }
        lines += 1;
    }
    assert_eq!(lines, 8);
    assert_eq!(
        types,
        [
            LogType::UserId,
            LogType::UserId,
            LogType::GlobalProtect,
            LogType::Traffic,
            LogType::System,
            LogType::Traffic,
            LogType::Threat,
            LogType::Traffic
        ]
    );
    assert!(compared >= 80, "{compared} values compared");
}

/// The seed's last TRAFFIC line carries source port 130000: it is kept, and
/// flagged as out of range.
#[test]
fn seed_port_above_65535_is_kept() {
    let Some(path) = shared::path(
        "corpus/seed/sekoia-doc-samples.jsonl",
        "seed_port_above_65535_is_kept",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let last = text.lines().rfind(|l| !l.trim().is_empty()).unwrap();
    let doc: Value = serde_json::from_str(last).unwrap();
    let log = panlog::parse(doc["message"].as_str().unwrap().as_bytes()).unwrap();
    let port = log.port("sport").unwrap().unwrap();
    assert_eq!((port.get(), port.is_valid()), (130000, false));
    assert!(log.session_flags().unwrap().unwrap().nat());
    assert_eq!(
        log.time_generated().unwrap().unwrap().to_rfc3339(),
        "2019-09-16T10:00:00+00:00"
    );
}
