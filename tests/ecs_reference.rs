//! The default ECS mapping against the reference integration's conventions
//! (`reference/ecs/ELASTIC-PANW.md` in the shared folder, restated here so
//! that the test stands alone): the core fields detection rules query come
//! out as that integration fills them, type by type; where it contradicts
//! ECS we differ on purpose, and each such difference is asserted below
//! with the reference's value and the reason (the same list is in the docs
//! of `panlog::ecs::EcsMapping`).

#[path = "common/docs.rs"]
mod docs;
#[path = "common/lines.rs"]
mod lines;

use docs::at;
use panlog::Parser;
use serde_json::{Value, json};

fn case(name: &str) -> String {
    lines::CASES
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
        .line
        .to_owned()
}

fn ecs(line: &str) -> Value {
    let mut parser = Parser::new();
    docs::ecs(&parser.parse(line.as_bytes()).unwrap())
}

/// `(case, [(ECS path, the reference integration's value)])`: what the
/// reference produces for the core fields of each type's line.
#[test]
fn core_fields_match_the_reference_integration() {
    let rows: Vec<(&str, Vec<(&str, Value)>)> = vec![
        (
            "TRAFFIC_10_1",
            vec![
                ("source.ip", json!("10.20.1.15")),
                ("destination.ip", json!("142.250.74.110")),
                ("source.port", json!(53144)),
                ("destination.port", json!(443)),
                ("source.nat.ip", json!("203.0.113.10")),
                ("source.nat.port", json!(41022)),
                // Un-NATed destinations keep their NAT copy.
                ("destination.nat.ip", json!("142.250.74.110")),
                ("network.bytes", json!(18342)),
                ("source.bytes", json!(2210)),
                ("destination.bytes", json!(16132)),
                ("network.packets", json!(31)),
                ("source.packets", json!(14)),
                ("destination.packets", json!(17)),
                ("network.transport", json!("tcp")),
                ("network.application", json!("ssl")),
                ("rule.name", json!("allow-web")),
                ("observer.serial_number", json!("012801096514")),
                ("source.user.name", json!("jdoe")),
                ("source.user.domain", json!("corp")),
                ("user.name", json!("jdoe")),
                ("event.duration", json!(26_000_000_000_i64)),
                ("event.action", json!("flow_terminated")),
                ("event.outcome", json!("success")),
            ],
        ),
        (
            "THREAT_8_1",
            vec![
                ("url.original", json!("www.example.com/login?a=1,b=2")),
                ("url.domain", json!("www.example.com")),
                ("destination.domain", json!("www.example.com")),
                ("event.action", json!("url_filtering")),
                ("log.level", json!("medium")),
                ("event.severity", json!(3)),
                ("network.direction", json!("inbound")),
                ("event.outcome", json!("failure")),
                ("panw.panos.threat.id", json!(9999)),
            ],
        ),
        (
            // A virus whose misc has no `/`: a file name.
            "THREAT_6_1",
            vec![
                ("file.name", json!("invoice,2024.pdf.exe")),
                ("url.original", Value::Null),
                ("network.direction", json!("outbound")),
            ],
        ),
        (
            "SYSTEM_10_1",
            vec![
                ("observer.hostname", json!("fw1")),
                ("event.code", json!("auth-success")),
                ("log.level", json!("informational")),
            ],
        ),
        (
            "CONFIG_10_1",
            vec![
                ("host.ip", json!(["10.0.0.9"])),
                ("source.ip", Value::Null),
                ("event.action", json!("cmd-set")),
                ("event.outcome", json!("success")),
                ("related.user", json!(["admin"])),
            ],
        ),
        (
            "HIPMATCH_11_1",
            vec![
                // IPv6 replaces the IPv4 source when present.
                ("source.ip", json!("2001:db8::15")),
                ("source.user.name", json!("jdoe")),
                ("host.name", json!("LAPTOP-7")),
                ("host.os.full", json!("Microsoft Windows 10 Pro , 64-bit")),
            ],
        ),
        (
            "GLOBALPROTECT_11_1",
            vec![
                ("source.ip", json!("10.8.0.5")),
                ("source.nat.ip", json!("198.51.100.23")),
                ("host.ip", json!(["10.8.0.5"])),
                ("host.name", json!("LAPTOP-7")),
                ("source.user.name", json!("jdoe")),
                ("event.code", json!("gateway-auth")),
                ("event.outcome", json!("success")),
            ],
        ),
        (
            "USERID_11_1",
            vec![
                ("source.ip", json!("10.20.1.15")),
                ("source.port", json!(1024)),
                ("source.user.name", json!("jdoe")),
                ("source.user.domain", json!("corp")),
            ],
        ),
        (
            "AUTHENTICATION_11_1",
            vec![
                ("source.ip", json!("10.20.1.15")),
                // Raw, no domain split.
                ("source.user.name", json!("jdoe")),
                ("user.name", json!("jdoe")),
                ("related.user", json!(["jdoe", "corp\\jdoe"])),
            ],
        ),
        (
            "DECRYPTION_11_1",
            vec![
                ("tls.version", json!("1.2")),
                ("tls.version_protocol", json!("tls")),
                ("tls.client.server_name", json!("example.com")),
                ("source.ip", json!("10.20.1.15")),
                ("rule.name", json!("allow-web")),
            ],
        ),
        (
            "GTP_10_1",
            vec![
                ("source.ip", json!("10.0.0.1")),
                ("destination.port", json!(2152)),
                ("network.transport", json!("udp")),
                ("event.duration", json!(60_000_000_000_i64)),
            ],
        ),
        (
            "SCTP_10_0",
            vec![
                ("source.ip", json!("10.0.0.1")),
                ("network.packets", json!(10)),
                ("source.packets", json!(4)),
                ("destination.packets", json!(6)),
            ],
        ),
        ("IPTAG_11_1", vec![("source.ip", json!("10.20.1.15"))]),
        (
            "CORRELATION_7_0",
            vec![
                ("source.ip", json!("10.20.1.15")),
                ("source.user.name", json!("jdoe")),
                ("log.level", json!("critical")),
            ],
        ),
        (
            "AUDIT_10_1",
            vec![
                ("user.name", json!("admin")),
                ("event.outcome", json!("success")),
                ("panw.panos.type", json!("AUDIT")),
            ],
        ),
    ];
    for (name, fields) in rows {
        let doc = ecs(&case(name));
        for (path, want) in fields {
            assert_eq!(at(&doc, path), &want, "{name}: {path}");
        }
    }
}

/// The tunnel-inspection rule beats the security rule in TUNNEL and GTP.
#[test]
fn tunnel_and_gtp_rule_is_the_tunnel_inspection_rule() {
    // TUNNEL 10.0: column 62 is the tunnel-inspection rule.
    let line = case("TUNNEL_10_0").replacen(",127,,100.64.0.2,", ",127,insp-1,100.64.0.2,", 1);
    let doc = ecs(&line);
    assert_eq!(at(&doc, "rule.name"), "insp-1");
    assert_eq!(at(&doc, "panw.panos.rule"), "allow-web");
    // GTP: put a rule in its tunnel-inspection column.
    let gtp = case("GTP_10_1");
    let at_col = panlog::schema::LogType::Gtp
        .schema()
        .position("tunnel_insp_rule")
        .unwrap();
    let mut cols: Vec<&str> = gtp.split(',').collect();
    cols[at_col] = "insp-2";
    let doc = ecs(&cols.join(","));
    assert_eq!(at(&doc, "rule.name"), "insp-2");
    assert_eq!(at(&doc, "panw.panos.rule"), "gtp-rule");
}

/// The X-Forwarded-For flag (0x00080000) says the source-user column holds
/// forwarded-for text, not a user.
#[test]
fn x_forwarded_for_flag_keeps_srcuser_out_of_user() {
    let line = case("TRAFFIC_10_1").replacen(",0x40041c,", ",0x480000,", 1);
    let doc = ecs(&line);
    assert_eq!(at(&doc, "user"), &Value::Null);
    assert_eq!(at(&doc, "source.user"), &Value::Null);
    assert_eq!(at(&doc, "panw.panos.srcuser"), "corp\\jdoe");
}

/// Each place we differ from the reference on purpose: our value, the
/// reference's, and why (ECS's own definitions).
#[test]
fn deliberate_differences_from_the_reference() {
    struct Diff {
        case: String,
        path: &'static str,
        ours: Value,
        reference: Value,
        why: &'static str,
    }
    let diff = |case: String, path, ours, reference, why| Diff {
        case,
        path,
        ours,
        reference,
        why,
    };
    let config = case("CONFIG_6_1");
    let diffs = [
        diff(
            config.replacen("2024/03/05 14:22:07", "2024/03/05 14:30:00", 1),
            "@timestamp",
            json!("2024-03-05T14:22:07+00:00"),
            json!("2024-03-05T14:30:00+00:00"),
            "@timestamp is when the event happened (ECS): the generated time; the reference falls back to the receive time, when the log arrived",
        ),
        diff(
            case("SYSTEM_10_1"),
            "event.category",
            json!(["authentication"]),
            json!(["configuration"]),
            "ECS keeps `configuration` for configuration changes; an auth event is `authentication` (other SYSTEM events `host`)",
        ),
        diff(
            case("DECRYPTION_10_1").replacen(
                ",\"certificate expired, chain incomplete\",",
                ",,",
                1,
            ),
            "event.outcome",
            json!("success"),
            json!("failure"),
            "the reference's test of the error column never sees an empty column, so every event fails",
        ),
        diff(
            case("AUTHENTICATION_11_1"),
            "event.outcome",
            json!("failure"),
            json!("success"),
            "the event column says `fail`; the reference says `success` for every record",
        ),
        diff(
            case("CONFIG_10_1"),
            "user.name",
            json!("admin"),
            Value::Null,
            "ECS user.name is the user performing the action: the admin who changed the configuration",
        ),
        diff(
            case("THREAT_10_1").replacen(",vulnerability,", ",wildfire,", 1),
            "file.name",
            json!("EXAMPLE.PDF"),
            Value::Null,
            "WildFire's misc is the verdict's file name; the reference drops it",
        ),
        diff(
            case("TRAFFIC_10_1"),
            "source.geo.name",
            Value::Null,
            json!("10.0.0.0-10.255.255.255"),
            "an address range is not a place name: it stays in panw.panos.source.location",
        ),
        diff(
            case("DECRYPTION_11_1"),
            "tls.server.x509.issuer.common_name",
            json!(["Example CA"]),
            Value::Null,
            "the certificate is the server's: ECS tls.server.*, where the reference writes tls.client.*",
        ),
        diff(
            case("HIPMATCH_11_1"),
            "event.category",
            json!(["host"]),
            json!(["network"]),
            "a HIP match describes the endpoint's state (ECS host), not a network flow",
        ),
        diff(
            case("GTP_10_1"),
            "event.category",
            json!(["network"]),
            json!(["network", "malware"]),
            "a GTP event is not a malware event",
        ),
    ];
    for d in diffs {
        let doc = ecs(&d.case);
        assert_eq!(at(&doc, d.path), &d.ours, "{}: {}", d.path, d.why);
        assert_ne!(d.ours, d.reference, "{}: not a difference", d.path);
    }
}
