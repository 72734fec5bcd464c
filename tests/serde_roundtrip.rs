//! Serde both ways: an `OwnedLog` crosses JSON and comes back with the same
//! typed values, for every layout of every type and every real-world record;
//! `Log::deserialize` fills a struct of the caller's by PAN-OS names.

#[path = "common/lines.rs"]
mod lines;
#[path = "common/shared.rs"]
mod shared;

use std::net::IpAddr;

use panlog::reader::LogReader;
use panlog::{ErrorKind, OwnedLog};
use serde::Deserialize;

/// `owned` → JSON → `OwnedLog` → JSON gives the same JSON value, and the
/// typed getters agree.
fn round_trip(owned: &OwnedLog) {
    let json = serde_json::to_value(owned).unwrap();
    let text = serde_json::to_string(owned).unwrap();
    let back: OwnedLog = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(serde_json::to_value(&back).unwrap(), json, "{text}");
    assert_eq!(back.log_type(), owned.log_type());
    // (Garbled real-world values are errors on both sides.)
    assert_eq!(back.threat_id().ok(), owned.threat_id().ok());
    assert_eq!(back.session_flags().ok(), owned.session_flags().ok());
    assert_eq!(back.time_generated().ok(), owned.time_generated().ok());
    assert_eq!(back.ip("src").ok(), owned.ip("src").ok());
}

#[test]
fn owned_logs_round_trip_through_json_for_every_layout() {
    for case in lines::CASES {
        let owned = panlog::parse(case.line.as_bytes()).unwrap().into_owned();
        round_trip(&owned);
    }
    // The type in column 4 (Strata's DECRYPTION; SCTP names that column
    // `future_use_4`: a case the fuzzer found).
    for line in [
        "1,2020-10-13T01:11:23.000000Z,0070,,DECRYPTION,10.0,2020-10-13T01:11:05.000000Z,10.0.0.1",
        "1,2024/03/05 14:22:07,0011,,SCTP,2560,2024/03/05 14:22:07,10.0.0.1",
    ] {
        let owned = panlog::parse(line.as_bytes()).unwrap().into_owned();
        assert_ne!(owned.log_type(), panlog::schema::LogType::Unknown);
        round_trip(&owned);
    }
    // Extra columns, quoted commas and escaped quotes too.
    let line = format!("{},x1,\"x,\"\"2\"\"\"", lines::CASES[0].line);
    round_trip(&panlog::parse(line.as_bytes()).unwrap().into_owned());
}

#[test]
fn realworld_records_round_trip_through_json() {
    let Some(dir) = shared::path(
        "corpus/realworld/csv",
        "realworld_records_round_trip_through_json",
    ) else {
        return;
    };
    let mut n = 0;
    for file in shared::files(&dir) {
        let bytes = std::fs::read(&file).unwrap();
        for owned in LogReader::new(&bytes[..]) {
            round_trip(&owned.unwrap());
            n += 1;
        }
    }
    assert!(n > 2000, "{n} records");
}

#[derive(Debug, Deserialize)]
struct Threat<'a> {
    src: IpAddr,
    dst: IpAddr,
    sport: u16,
    dport: u32,
    #[serde(borrow)]
    rule: &'a str,
    threatid: String,
    severity: Severity,
    flags: u64,
    #[serde(rename = "flags")]
    #[serde(skip)]
    _unused: (),
    misc: Option<String>,
    sender: Option<String>,
    receive_time: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Severity {
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

#[test]
fn a_log_deserializes_into_a_struct_by_panos_names() {
    let line = lines::CASES
        .iter()
        .find(|c| c.name == "THREAT_10_1")
        .unwrap()
        .line;
    let log = panlog::parse(line.as_bytes()).unwrap();
    let t: Threat<'_> = log.deserialize().unwrap();
    assert_eq!(t.src, "10.20.1.15".parse::<IpAddr>().unwrap());
    assert_eq!(t.dst, "142.250.74.110".parse::<IpAddr>().unwrap());
    assert_eq!((t.sport, t.dport), (53144, 443));
    assert_eq!(t.rule, "allow-web");
    assert_eq!(t.threatid, "PDF Exploit (Evasion) Found(34805)");
    assert_eq!(t.severity, Severity::Critical);
    assert_eq!(t.flags, log.hex("flags").unwrap().unwrap());
    assert_eq!(t.misc.as_deref(), Some("EXAMPLE.PDF"));
    assert_eq!(t.sender, None);
    assert_eq!(t.receive_time, "2024/03/05 14:22:07");
    // A record that lacks a required field is an error that says why.
    #[derive(Debug, Deserialize)]
    struct NeedsNatsrc {
        #[allow(dead_code)]
        natsrc: IpAddr,
    }
    let system = lines::CASES
        .iter()
        .find(|c| c.name == "SYSTEM_10_1")
        .unwrap()
        .line;
    let err = panlog::parse(system.as_bytes())
        .unwrap()
        .deserialize::<NeedsNatsrc>()
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Deserialize { message } if message.contains("natsrc")),
        "{err}"
    );
    // Extra columns come as a list.
    #[derive(Deserialize)]
    struct Extras {
        extra_columns: Vec<String>,
    }
    let line = format!("{},x1,\"x,2\"", system);
    let e: Extras = panlog::parse(line.as_bytes())
        .unwrap()
        .deserialize()
        .unwrap();
    assert_eq!(e.extra_columns, ["x1", "x,2"]);
}
