//! Every log type and layout version parses into a `Log` whose getters
//! return the right values.
//!
//! The lines in `common/lines.rs` were built from the field reference's
//! positions (not from the crate's tables), one per layout version: the
//! oldest, the newest, and every layout that is not an append. Each comes
//! with every column's expected text by name, so a table that is off by one
//! anywhere fails here.

#[path = "common/lines.rs"]
mod lines;

use std::net::IpAddr;

use panlog::schema::{Fit, LogType, ValueKind, Version};
use panlog::value::{
    Action, Direction, Port, SessionEndReason, SessionFlags, Severity, ThreatId, Value,
};
use panlog::{ErrorKind, Log, Parser};

fn case(name: &str) -> &'static lines::Case {
    lines::CASES
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
}

fn parse(name: &str) -> Log<'static> {
    let c = case(name);
    panlog::parse(c.line.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn rfc3339(log: &Log<'_>, name: &str) -> String {
    log.timestamp(name).unwrap().unwrap().to_rfc3339()
}

/// Every column of every case reads back its text by name, and every column
/// of a typed kind reads as that kind.
#[test]
fn every_column_of_every_layout_reads_back() {
    let mut checked = 0;
    for c in lines::CASES {
        let log = panlog::parse(c.line.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        assert_eq!(log.len(), c.count, "{}: column count", c.name);
        assert_eq!(c.fields.len(), c.count, "{}: case table", c.name);
        for (index, &(name, text)) in c.fields.iter().enumerate() {
            assert_eq!(log.name_at(index), Some(name), "{}: column {index}", c.name);
            let expected = (!text.is_empty()).then_some(text);
            assert_eq!(
                log.get(name).as_deref(),
                expected,
                "{}: field {name}",
                c.name
            );
            let kind = log.schema().spec(name).unwrap().kind;
            if let Some(value) = log.value(name) {
                let typed = match (kind, &value) {
                    (ValueKind::Str | ValueKind::Enum, Value::Text(_)) => true,
                    (ValueKind::Int, Value::Int(_) | Value::UInt(_)) => true,
                    (ValueKind::Port, Value::Port(_)) => true,
                    (ValueKind::Ip, Value::Ip(_)) => true,
                    (ValueKind::Hex, Value::Hex(_)) => true,
                    (ValueKind::Timestamp, Value::Timestamp(_)) => true,
                    (ValueKind::ThreatId, Value::ThreatId(_)) => true,
                    // Hex columns that hold more than 64 bits (certificate
                    // fingerprints) stay text.
                    (ValueKind::Hex, Value::Text(t)) => t.len() > 16,
                    _ => false,
                };
                assert!(typed, "{}: {name} ({kind}) read as {value:?}", c.name);
            }
            checked += 1;
        }
    }
    assert!(checked > 2000, "{checked} columns checked");
}

/// The case lines cover every log type that PAN-OS writes as CSV (DNS is
/// cloud-only: `tests/shapes.rs` reads it from JSON and CEF).
#[test]
fn cases_cover_every_log_type() {
    for ty in LogType::ALL.into_iter().filter(|&t| t != LogType::Dns) {
        let n = lines::CASES
            .iter()
            .filter(|c| panlog::parse(c.line.as_bytes()).unwrap().log_type() == ty)
            .count();
        assert!(n >= 1, "no case for {ty}");
    }
}

#[test]
fn traffic_oldest_and_newest() {
    let old = parse("TRAFFIC_6_1");
    assert_eq!((old.log_type(), old.fit()), (LogType::Traffic, Fit::Known));
    assert_eq!(old.version(), None);
    assert_eq!(old.ip("src").unwrap(), Some(ip("10.20.1.15")));
    assert_eq!(old.ip("natsrc").unwrap(), Some(ip("203.0.113.10")));
    assert_eq!(old.port("natsport").unwrap(), Some(Port::new(41022)));
    assert_eq!(old.u64("bytes_received").unwrap(), Some(16132));
    assert_eq!(
        old.session_end_reason().unwrap(),
        Some(SessionEndReason::TcpFin)
    );
    assert_eq!(rfc3339(&old, "start"), "2024-03-05T14:21:41+00:00");
    assert_eq!(old.u64("elapsed").unwrap(), Some(26));
    let flags = old.session_flags().unwrap().unwrap();
    assert!(flags.nat() && !flags.ipv6());
    assert!(old.action_flags().unwrap().unwrap().forwarded());
    assert_eq!(old.get("srcuser").unwrap(), "corp\\jdoe");
    // Columns of later versions are absent, not errors.
    assert_eq!(old.get("device_name"), None);
    assert_eq!(old.ip("xff_ip").unwrap(), None);

    let new = parse("TRAFFIC_12_1");
    assert_eq!(new.fit(), Fit::Known);
    assert_eq!(new.version(), Some(Version::new(11, 1)));
    assert_eq!(new.action().unwrap(), Some(Action::ResetBoth));
    assert_eq!(
        new.session_end_reason().unwrap(),
        Some(SessionEndReason::PolicyDeny)
    );
    // 0x2000 is not the NAT bit.
    let flags = new.session_flags().unwrap().unwrap();
    assert!(!flags.nat() && flags.implicit_dependency());
    assert_eq!(new.u64("tcp_rtt_c2s").unwrap(), Some(12));
    assert_eq!(new.get("dst_adv_dev_id").unwrap(), "adv-2");
    assert_eq!(new.extra().count(), 0);
}

#[test]
fn traffic_brace_field_and_app_block() {
    let log = parse("TRAFFIC_10_1");
    assert_eq!(log.fit(), Fit::Known);
    assert_eq!(
        log.get("link_switches").unwrap(),
        "{wan1, tag-mpls, 100,100,,N/A}"
    );
    assert_eq!(log.ip("xff_ip").unwrap(), Some(ip("198.51.100.7")));
    assert_eq!(log.u64("risk_of_app").unwrap(), Some(4));
    assert_eq!(
        log.get("characteristic_of_app").unwrap(),
        "used-by-malware able-to-transfer-file"
    );
    assert_eq!(
        rfc3339(&log, "high_res_timestamp"),
        "2024-03-05T14:22:07.118+01:00"
    );
}

#[test]
fn traffic_8_1_matches_the_seed_shape() {
    let log = parse("TRAFFIC_8_1");
    assert_eq!(log.len(), 65);
    assert_eq!(log.fit(), Fit::Known);
    assert_eq!(log.version(), Some(Version::new(8, 1)));
    assert_eq!(log.get("action_source").unwrap(), "from-policy");
    assert_eq!(log.get("tunnel").unwrap(), "N/A");
    assert_eq!(log.u64("chunks_received").unwrap(), Some(0));
}

#[test]
fn threat_every_version() {
    let old = parse("THREAT_6_1");
    assert_eq!((old.log_type(), old.fit()), (LogType::Threat, Fit::Known));
    assert_eq!(old.subtype().unwrap(), "virus");
    assert_eq!(old.get("misc").unwrap(), "invoice,2024.pdf.exe");
    let id = old.threat_id().unwrap().unwrap();
    assert_eq!(id, ThreatId::parse("Virus/Win32.WGeneric.abcd(2434567)"));
    assert_eq!(id.name, "Virus/Win32.WGeneric.abcd");
    assert_eq!(id.id, Some(2434567));
    assert_eq!(old.severity().unwrap(), Some(Severity::High));
    assert_eq!(old.direction().unwrap(), Some(Direction::ServerToClient));
    assert_eq!(old.action().unwrap(), Some(Action::ResetBoth));
    assert_eq!(
        old.get("user_agent").unwrap(),
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
    );
    assert_eq!(old.get("xff").unwrap(), "198.51.100.7, 10.1.1.1");
    assert_eq!(old.get("device_name"), None);

    let v81 = parse("THREAT_8_1");
    assert_eq!((v81.len(), v81.fit()), (76, Fit::Known));
    assert_eq!(v81.get("misc").unwrap(), "www.example.com/login?a=1,b=2");
    assert_eq!(v81.threat_id().unwrap().unwrap().id, Some(9999));
    assert_eq!(v81.threat_id().unwrap().unwrap().name, "");
    assert_eq!(v81.action().unwrap(), Some(Action::BlockUrl));
    assert_eq!(v81.i64("ppid").unwrap(), Some(4294967295));
    assert_eq!(v81.get("http_headers").unwrap(), "Host: a,b");
    assert_eq!(v81.get("url_category_list"), None);

    let v101 = parse("THREAT_10_1");
    assert_eq!(v101.fit(), Fit::Known);
    let id = v101.threat_id().unwrap().unwrap();
    assert_eq!(
        (id.name.as_ref(), id.id),
        ("PDF Exploit (Evasion) Found", Some(34805))
    );
    assert_eq!(v101.severity().unwrap(), Some(Severity::Critical));
    assert_eq!(v101.direction().unwrap(), Some(Direction::ServerToClient));
    assert_eq!(
        v101.get("url_category_list").unwrap(),
        "computer-and-internet-info,low-risk"
    );
    assert_eq!(v101.get("cloud_reportid").unwrap(), "abc123");

    let v111 = parse("THREAT_11_1");
    assert_eq!((v111.len(), v111.fit()), (123, Fit::Known));
    assert_eq!(v111.action().unwrap(), Some(Action::Sinkhole));
    let id = v111.threat_id().unwrap().unwrap();
    assert_eq!(
        (id.name.as_ref(), id.id),
        (
            "Suspicious DNS Query (generic:evil.example)",
            Some(109001001)
        )
    );
    assert_eq!(v111.get("cluster_name").unwrap(), "c1");
}

#[test]
fn threat_10_0_docs_layout_has_session_owner() {
    let log = parse("THREAT_10_0_DOCS");
    assert_eq!(log.schema().layout_name(), "10.0 docs");
    assert_eq!(log.fit(), Fit::Known);
    assert_eq!(log.get("session_owner").unwrap(), "owner-7");
    assert_eq!(log.get("partial_hash").unwrap(), "ph-1");
    assert_eq!(log.get("justification").unwrap(), "work, needed");
    assert_eq!(log.get("nssai_sst").unwrap(), "1");
    // The standard layout does not have the column.
    assert_eq!(parse("THREAT_10_1").get("session_owner"), None);
}

#[test]
fn system_oldest_and_newest() {
    for name in ["SYSTEM_6_1", "SYSTEM_10_1"] {
        let log = parse(name);
        assert_eq!((log.log_type(), log.fit()), (LogType::System, Fit::Known));
        assert_eq!(log.severity().unwrap(), Some(Severity::Informational));
        assert_eq!(log.get("eventid").unwrap(), "auth-success");
        assert!(
            log.get("opaque")
                .unwrap()
                .contains("auth profile 'GP', vsys")
        );
        assert_eq!(log.u64("seqno").unwrap(), Some(5211100));
    }
    assert_eq!(parse("SYSTEM_6_1").get("device_name"), None);
    assert_eq!(parse("SYSTEM_10_1").get("device_name").unwrap(), "fw1");
}

#[test]
fn config_wire_trailing_and_docs_order() {
    let old = parse("CONFIG_6_1");
    assert_eq!((old.log_type(), old.fit()), (LogType::Config, Fit::Known));
    assert_eq!(old.get("cmd").unwrap(), "edit");
    assert_eq!(old.hex("actionflags").unwrap(), Some(0));

    let new = parse("CONFIG_10_1");
    assert_eq!(new.fit(), Fit::Known);
    assert_eq!(new.get("comment").unwrap(), "ticket 42, approved");
    assert_eq!(new.get("before_change_detail"), None);

    let trailing = parse("CONFIG_10_1_DETAILS");
    assert_eq!(trailing.schema().layout_name(), "standard");
    assert_eq!(
        trailing.get("before_change_detail").unwrap(),
        r#"filter "All Logs" { action allow, }"#
    );
    assert_eq!(
        trailing.get("after_change_detail").unwrap(),
        r#"filter "All Logs" { action deny, }"#
    );
    assert_eq!(trailing.u64("seqno").unwrap(), Some(4411));

    let docs = parse("CONFIG_DOCS_ORDER");
    assert_eq!(docs.schema().layout_name(), "docs order");
    assert_eq!(docs.get("before_change_detail").unwrap(), "old, value");
    assert_eq!(docs.get("after_change_detail").unwrap(), "new \"value\"");
    assert_eq!(docs.u64("seqno").unwrap(), Some(4411));
    assert_eq!(docs.hex("actionflags").unwrap(), Some(0));
    assert_eq!(docs.get("device_name").unwrap(), "fw1");
}

#[test]
fn hipmatch_three_layouts() {
    let old = parse("HIPMATCH_6_1");
    assert_eq!((old.log_type(), old.fit()), (LogType::HipMatch, Fit::Known));
    assert_eq!(old.get("os").unwrap(), "Microsoft Windows 10 Pro , 64-bit");
    assert_eq!(old.ip("src").unwrap(), Some(ip("10.20.1.15")));

    let reordered = parse("HIPMATCH_8_0_5");
    assert_eq!(reordered.log_type(), LogType::HipMatch);
    assert_eq!(reordered.schema().layout_name(), "8.0.5-8.0.10");
    assert_eq!(reordered.fit(), Fit::Known);
    assert_eq!(reordered.u64("seqno").unwrap(), Some(991));
    assert_eq!(reordered.type_str().unwrap(), "HIPMATCH");
    assert_eq!(reordered.ip("src").unwrap(), Some(ip("10.20.1.15")));
    assert_eq!(reordered.ip("srcipv6").unwrap(), Some(ip("2001:db8::15")));
    assert_eq!(reordered.get("matchname").unwrap(), "corp-managed");
    assert_eq!(reordered.get("hostid").unwrap(), "host-1");
    assert_eq!(reordered.version(), Some(Version::new(8, 0)));

    let new = parse("HIPMATCH_11_1");
    assert_eq!(new.fit(), Fit::Known);
    assert_eq!(new.get("mac").unwrap(), "00:1b:17:00:01:02");
    assert_eq!(new.get("cluster_name").unwrap(), "c1");
}

#[test]
fn globalprotect_early_and_standard_layouts() {
    let early = parse("GLOBALPROTECT_9_1_0");
    assert_eq!(early.log_type(), LogType::GlobalProtect);
    assert_eq!(early.schema().layout_name(), "9.1.0-9.1.2");
    assert_eq!(early.u64("seqno").unwrap(), Some(1234567));
    assert_eq!(early.hex("actionflags").unwrap(), Some(0x8000_0000));
    assert_eq!(early.ip("public_ip").unwrap(), Some(ip("198.51.100.23")));
    assert_eq!(early.get("portal").unwrap(), "gw1");

    for name in [
        "GLOBALPROTECT_9_1",
        "GLOBALPROTECT_9_1_42",
        "GLOBALPROTECT_11_1",
    ] {
        let log = parse(name);
        assert_eq!(log.schema().layout_name(), "standard", "{name}");
        assert_eq!(log.fit(), Fit::Known, "{name}");
        assert_eq!(
            log.get("client_os_ver").unwrap(),
            "Microsoft Windows 10 Pro , 64-bit"
        );
        assert_eq!(log.ip("private_ip").unwrap(), Some(ip("10.8.0.5")));
        assert_eq!(log.u64("seqno").unwrap(), Some(1234567));
    }
    let v42 = parse("GLOBALPROTECT_9_1_42");
    assert_eq!(v42.get("priority").unwrap(), "manual only");
    assert_eq!(v42.get("attempted_gateways").unwrap(), "gw1,gw2");
    assert_eq!(v42.u64("response_time").unwrap(), Some(15));
    assert_eq!(
        parse("GLOBALPROTECT_11_1").get("cluster_name").unwrap(),
        "c1"
    );
}

#[test]
fn userid_oldest_and_newest() {
    let old = parse("USERID_8_0");
    assert_eq!((old.log_type(), old.fit()), (LogType::UserId, Fit::Known));
    assert_eq!(old.ip("ip").unwrap(), Some(ip("10.20.1.15")));
    assert_eq!(old.get("user").unwrap(), "corp\\jdoe");
    assert_eq!(old.u64("timeout").unwrap(), Some(2700));

    let new = parse("USERID_11_1");
    assert_eq!(new.fit(), Fit::Known);
    assert_eq!(new.subtype().unwrap(), "logout");
    assert_eq!(new.hex("ugflags").unwrap(), Some(0x8000_0000));
    assert_eq!(new.port("beginport").unwrap(), Some(Port::new(1024)));
    // A port above 65535 is kept and flagged, not dropped.
    let end = new.port("endport").unwrap().unwrap();
    assert_eq!((end.get(), end.is_valid()), (70000, false));
    assert_eq!(
        rfc3339(&new, "factorcompletiontime"),
        "2024-03-05T14:20:00+00:00"
    );
    assert_eq!(new.get("cluster_name").unwrap(), "c1");
}

#[test]
fn authentication_oldest_and_newest() {
    let old = parse("AUTHENTICATION_8_0");
    assert_eq!(
        (old.log_type(), old.fit()),
        (LogType::Authentication, Fit::Known)
    );
    assert_eq!(
        old.get("desc").unwrap(),
        "Authentication failed, bad password"
    );
    assert_eq!(old.u64("authid").unwrap(), Some(4242));
    let new = parse("AUTHENTICATION_11_1");
    assert_eq!(new.fit(), Fit::Known);
    assert_eq!(new.get("user_agent").unwrap(), "Mozilla/5.0 (X11, Linux)");
    assert_eq!(new.u64("sessionid").unwrap(), Some(99));
}

#[test]
fn decryption_three_versions() {
    for name in ["DECRYPTION_10_0", "DECRYPTION_10_1", "DECRYPTION_11_1"] {
        let log = parse(name);
        assert_eq!(
            (log.log_type(), log.fit()),
            (LogType::Decryption, Fit::Known),
            "{name}"
        );
        assert_eq!(
            log.get("error").unwrap(),
            "certificate expired, chain incomplete"
        );
        assert!(log.session_flags().unwrap().unwrap().ssl_decrypted());
        assert_eq!(rfc3339(&log, "notafter"), "2025-01-01T00:00:00+00:00");
        assert_eq!(log.get("cert_flags").unwrap(), ":::::RSA");
        assert_eq!(log.hex("cert_serial").unwrap(), Some(0x0a1b2c));
    }
    assert_eq!(
        parse("DECRYPTION_10_0").version(),
        Some(Version::new(10, 0))
    );
    assert_eq!(
        parse("DECRYPTION_10_1").get("tunneled_app").unwrap(),
        "incomplete"
    );
    assert_eq!(parse("DECRYPTION_11_1").get("cluster_name").unwrap(), "c1");
}

#[test]
fn tunnel_before_and_after_the_insertion() {
    let old = parse("TUNNEL_8_0");
    assert_eq!(old.log_type(), LogType::Tunnel);
    assert_eq!(old.type_str().unwrap(), "START");
    assert_eq!(old.schema().layout_name(), "before 10.0");
    assert_eq!(old.fit(), Fit::Known);
    assert_eq!(old.get("pkts_received"), None);
    assert_eq!(old.u64("pkts_sent").unwrap(), Some(12));
    // The columns after the insertion point are read where 8.0 wrote them.
    assert_eq!(old.u64("max_encap").unwrap(), Some(0));
    assert_eq!(old.u64("sessions_created").unwrap(), Some(1));
    assert_eq!(
        old.session_end_reason().unwrap(),
        Some(SessionEndReason::AgedOut)
    );
    assert_eq!(old.u64("elapsed").unwrap(), Some(127));
    assert_eq!(rfc3339(&old, "start"), "2024-03-05T14:20:00+00:00");

    for name in ["TUNNEL_10_0", "TUNNEL_11_1"] {
        let log = parse(name);
        assert_eq!(log.type_str().unwrap(), "END");
        assert_eq!(log.schema().layout_name(), "standard");
        assert_eq!(log.fit(), Fit::Known);
        assert_eq!(log.u64("pkts_received").unwrap(), Some(18));
        assert_eq!(log.u64("elapsed").unwrap(), Some(127));
        assert!(log.session_flags().unwrap().unwrap().tunnel_inspected());
    }
    let v10 = parse("TUNNEL_10_0");
    assert_eq!(v10.u64("pdu_session_id").unwrap(), Some(5));
    assert_eq!(v10.ip("remote_user_ip").unwrap(), Some(ip("100.64.0.2")));
}

#[test]
fn gtp_sctp_iptag_correlation_audit() {
    let gtp = parse("GTP_10_1");
    assert_eq!((gtp.log_type(), gtp.fit()), (LogType::Gtp, Fit::Known));
    assert_eq!(gtp.ip("end_ip_adr").unwrap(), Some(ip("100.64.1.9")));
    assert_eq!(gtp.u64("teid1").unwrap(), Some(305419896));
    assert_eq!(gtp.get("tunnelid_imsi").unwrap(), "208011234567890");
    assert_eq!(parse("GTP_8_0").fit(), Fit::Known);

    for name in ["SCTP_8_1", "SCTP_10_0"] {
        let sctp = parse(name);
        assert_eq!((sctp.log_type(), sctp.fit()), (LogType::Sctp, Fit::Known));
        assert_eq!(sctp.i64("ppid").unwrap(), Some(-1));
        assert_eq!(sctp.hex("verif_tag_1").unwrap(), Some(0xdead_beef));
        assert_eq!(sctp.port("sport").unwrap(), Some(Port::new(2905)));
        assert_eq!(sctp.action().unwrap(), Some(Action::Allow));
    }

    for name in ["IPTAG_9_0", "IPTAG_11_1"] {
        let tag = parse(name);
        assert_eq!((tag.log_type(), tag.fit()), (LogType::IpTag, Fit::Known));
        assert_eq!(tag.get("tag_name").unwrap(), "quarantine");
        assert_eq!(tag.u64("timeout").unwrap(), Some(3600));
    }

    let corr = parse("CORRELATION_7_0");
    assert_eq!(
        (corr.log_type(), corr.fit()),
        (LogType::Correlation, Fit::Known)
    );
    assert_eq!(corr.severity().unwrap(), Some(Severity::Critical));
    assert_eq!(
        corr.get("evidence").unwrap(),
        "Host visited known malware URL (19 times), and more"
    );
    assert_eq!(corr.u64("object_id").unwrap(), Some(6005));

    let audit = parse("AUDIT_10_1");
    assert_eq!(
        (audit.log_type(), audit.fit()),
        (LogType::Audit, Fit::Known)
    );
    assert_eq!(audit.type_str(), None);
    assert_eq!(audit.subtype().unwrap(), "audit");
    assert_eq!(audit.version(), Some(Version::new(10, 1)));
    assert_eq!(
        audit.get("cmd").unwrap(),
        "<request><show>config, running</show></request>"
    );
    assert_eq!(
        rfc3339(&audit, "time_generated"),
        "2024-03-05T14:22:07+00:00"
    );
}

#[test]
fn syslog_headers_of_each_kind() {
    let body = case("SYSTEM_10_1").line;
    for (prefix, host) in [
        ("<14>Mar  5 14:22:07 PA-3220-edge ", Some("PA-3220-edge")),
        ("Mar  5 14:22:07 ", None),
        (
            "<14>1 2024-03-05T14:22:07+01:00 fw-1 - - - - ",
            Some("fw-1"),
        ),
        ("", None),
    ] {
        let line = format!("{prefix}{body}");
        let log = panlog::parse(line.as_bytes()).unwrap();
        assert_eq!(log.header().hostname(), host, "{prefix:?}");
        assert_eq!(log.body(), body.as_bytes());
        assert_eq!(log.log_type(), LogType::System);
    }
}

#[test]
fn time_zone_is_the_callers() {
    let tz = chrono::FixedOffset::west_opt(8 * 3600).unwrap();
    let mut parser = Parser::new().time_zone(tz);
    let log = parser.parse(case("TRAFFIC_10_1").line.as_bytes()).unwrap();
    assert_eq!(
        log.receive_time().unwrap().unwrap().to_rfc3339(),
        "2024-03-05T14:22:07-08:00"
    );
    // An ISO time keeps its own offset.
    assert_eq!(
        log.high_res_timestamp().unwrap().unwrap().to_rfc3339(),
        "2024-03-05T14:22:07.118+01:00"
    );
}

#[test]
fn unknown_type_keeps_its_columns() {
    let log = panlog::parse(
        b"1,2024/03/05 14:22:07,0128,NEWTYPE,sub,2817,2024/03/05 14:22:07,a,\"b,c\",d",
    )
    .unwrap();
    assert_eq!(log.log_type(), LogType::Unknown);
    assert_eq!(log.fit(), Fit::UnknownType);
    assert_eq!(log.type_str().unwrap(), "NEWTYPE");
    assert_eq!(log.subtype().unwrap(), "sub");
    assert_eq!(
        log.receive_time().unwrap().unwrap().to_rfc3339(),
        "2024-03-05T14:22:07+00:00"
    );
    let extra: Vec<_> = log.extra().map(|f| f.to_str_lossy().into_owned()).collect();
    assert_eq!(extra, ["a", "b,c", "d"]);
    assert_eq!(log.get_at(8).unwrap(), "b,c");
}

#[test]
fn extra_columns_are_kept() {
    let line = format!("{},x1,\"x,2\"", case("SYSTEM_10_1").line);
    let log = panlog::parse(line.as_bytes()).unwrap();
    assert_eq!(log.fit(), Fit::Extra(2));
    let extra: Vec<_> = log.extra().map(|f| f.to_str_lossy().into_owned()).collect();
    assert_eq!(extra, ["x1", "x,2"]);
    assert_eq!(log.name_at(26), None);
    let json = serde_json::to_value(&log).unwrap();
    assert_eq!(json["extra_columns"], serde_json::json!(["x1", "x,2"]));
}

/// What a sender or a paste leaves after a record (spaces, a TAB, RFC
/// 6587's NUL trailer, a stray line end) is not its last value's: the
/// last column still types.
#[test]
fn trailers_after_a_record_are_not_its_last_value() {
    let c = case("TRAFFIC_10_1");
    let (last, text) = *c.fields.last().unwrap();
    let bare = panlog::parse(c.line.as_bytes()).unwrap();
    for trailer in [" ", "  \t", "\0", "\0\r\n", " \n"] {
        let line = format!("{}{trailer}", c.line);
        let log = panlog::parse(line.as_bytes()).unwrap();
        assert_eq!(
            log.get(last).as_deref(),
            (!text.is_empty()).then_some(text),
            "{trailer:?}"
        );
        assert_eq!(log.value(last), bare.value(last), "{trailer:?}");
        assert_eq!(log.fit(), bare.fit(), "{trailer:?}");
        assert_eq!(log.record(), c.line.as_bytes(), "{trailer:?}");
    }
}

#[test]
fn short_records_parse_as_older_and_strict_refuses_them() {
    let line = "1,2024/03/05 14:22:07,0128,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.1";
    let log = panlog::parse(line.as_bytes()).unwrap();
    assert_eq!(
        (log.log_type(), log.fit(), log.len()),
        (LogType::Traffic, Fit::Older, 8)
    );
    assert_eq!(log.ip("src").unwrap(), Some("10.0.0.1".parse().unwrap()));
    assert_eq!(log.ip("dst").unwrap(), None);
    let err = Parser::new()
        .strict(true)
        .parse(line.as_bytes())
        .unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::TooFewFields {
                log_type: LogType::Traffic,
                count: 8,
                min: 43
            }
        ),
        "{err}"
    );
    assert_eq!(err.position().line, 1);
    // Between two known layouts: parsed, and the fit says so.
    let cut: Vec<&str> = case("TRAFFIC_10_1").line.split(',').take(60).collect();
    let cut = cut.join(",");
    let log = panlog::parse(cut.as_bytes()).unwrap();
    assert_eq!(log.fit(), Fit::Unlisted);
    let err = Parser::new()
        .strict(true)
        .parse(cut.as_bytes())
        .unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::UnlistedFieldCount {
                log_type: LogType::Traffic,
                ..
            }
        ),
        "{err}"
    );
    for empty in [&b""[..], b"   ", b"<14>Mar  5 14:22:07 fw "] {
        let err = panlog::parse(empty).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::EmptyRecord),
            "{empty:?}: {err}"
        );
    }
    let err = panlog::parse(b"1,2024/03/05 14:22:07,0128,,x").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::NoLogType { count: 5 }));
    assert_eq!(err.position().field, Some(3));
}

#[test]
fn mistyped_fields_are_errors_with_name_and_position() {
    let line = case("TRAFFIC_10_1")
        .line
        .replacen("10.20.1.15", "10.20.1.315", 1)
        .replacen(",53144,", ",http,", 1)
        .replacen("2024/03/05 14:21:41", "2024/13/05 14:21:41", 1);
    let mut parser = Parser::new();
    let log = parser.parse(line.as_bytes()).unwrap();
    let err = log.ip("src").unwrap_err();
    match err.kind() {
        ErrorKind::InvalidValue {
            field, kind, text, ..
        } => {
            assert_eq!(
                (*field, *kind, text.as_str()),
                ("src", ValueKind::Ip, "10.20.1.315")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.position().field, Some(7));
    assert!(err.to_string().contains("field 7"), "{err}");
    assert_eq!(log.port("sport").unwrap_err().position().field, Some(24));
    assert!(log.timestamp("start").is_err());
    // The other fields still read, and the raw text is kept.
    assert_eq!(log.ip("dst").unwrap(), Some(ip("142.250.74.110")));
    assert_eq!(log.value("src"), Some(Value::Text("10.20.1.315".into())));
    assert_eq!(log.get("sport").unwrap(), "http");
}

#[test]
fn serialize_is_a_flat_typed_map() {
    let log = parse("TRAFFIC_10_1");
    let json = serde_json::to_value(&log).unwrap();
    assert_eq!(json["src"], "10.20.1.15");
    assert_eq!(json["sport"], 53144);
    assert_eq!(json["bytes"], 18342);
    assert_eq!(json["flags"], "0x40041c");
    assert_eq!(json["start"], "2024-03-05T14:21:41+00:00");
    assert_eq!(json["high_res_timestamp"], "2024-03-05T14:22:07.118+01:00");
    assert_eq!(json["session_end_reason"], "tcp-fin");
    // Empty and absent fields are omitted.
    assert!(json.get("dstuser").is_none());
    assert!(json.get("cluster_name").is_none());
    let owned = log.clone().into_owned();
    assert_eq!(serde_json::to_value(&owned).unwrap(), json);
    assert_eq!(owned.log().get("srcuser").unwrap(), "corp\\jdoe");
}

#[test]
fn reader_yields_logs_and_errors_in_order() {
    let input = format!(
        "{}\n1,2024/03/05 14:22:07,0128\n{}\n",
        case("SYSTEM_10_1").line,
        case("USERID_8_0").line
    );
    let mut reader = panlog::reader::LogReader::new(input.as_bytes());
    let mut seen = Vec::new();
    while let Some(result) = reader.next_log() {
        seen.push(match result {
            Ok(log) => log.log_type().as_str().to_owned(),
            Err(e) => format!("error at line {}", e.position().line),
        });
    }
    assert_eq!(seen, ["SYSTEM", "error at line 2", "USERID"]);
}

#[test]
fn session_flag_constants_match_the_reference() {
    assert_eq!(SessionFlags::NAT, 0x0040_0000);
    assert!(SessionFlags::new(0x0050_0019).nat());
    assert!(!SessionFlags::new(0x0000_2000).nat());
}

#[test]
fn serialize_unescapes_quoted_text() {
    let json = serde_json::to_value(parse("CONFIG_10_1_DETAILS")).unwrap();
    assert_eq!(
        json["before_change_detail"],
        r#"filter "All Logs" { action allow, }"#
    );
    assert_eq!(json["seqno"], 4411);
}

/// A misspelt field name is an error, not an empty column; a name of another
/// type is an absent column.
#[test]
fn unknown_field_names_are_errors_not_empty_columns() {
    use panlog::fields::{system, traffic};
    let log = parse("TRAFFIC_10_1");
    assert_eq!(
        log.ip(traffic::SRC).unwrap(),
        Some("10.20.1.15".parse().unwrap())
    );
    let err = log.ip("srcip").unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::UnknownField { name } if name == "srcip"),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{}: no log type has a field named \"srcip\"",
            err.position()
        )
    );
    assert!(log.try_get("source_ip").is_err());
    assert!(
        matches!(log.timestamp("recieve_time"), Err(e) if matches!(e.kind(), ErrorKind::UnknownField { .. }))
    );
    // A SYSTEM record has no `natsrc`: absent, not unknown.
    let system_log = parse("SYSTEM_10_1");
    assert_eq!(system_log.ip(traffic::NATSRC).unwrap(), None);
    assert_eq!(system_log.try_get(traffic::NATSRC).unwrap(), None);
    assert_eq!(system_log.get(system::EVENTID).unwrap(), "auth-success");
    // The same on an owned copy.
    let owned = system_log.into_owned();
    assert!(owned.u64("seq_no").is_err());
    assert_eq!(owned.u64(system::SEQNO).unwrap(), Some(5211100));
}

/// In debug builds, `get` with a name no type has is a caller's bug.
#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "no log type has a field named \"srcip\"")]
fn get_with_an_unknown_name_panics_in_debug_builds() {
    let _ = parse("TRAFFIC_10_1").get("srcip");
}
