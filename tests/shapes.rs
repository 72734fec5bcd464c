//! Every shape PAN-OS logs travel in, into the same record: CEF (PAN-OS's
//! own profiles and the cloud forwarder's), LEEF 1.0 and 2.0, the cloud
//! forwarder's JSON (both vocabularies), and custom `key=value` formats.
//! The real-world corpus's lines of each shape all convert; the escapes and
//! hazards of each format are read as its reference says; a record written
//! as CSV and as CEF reads back to the same typed values.

#[path = "common/docs.rs"]
mod docs;
#[path = "common/lines.rs"]
mod lines;
#[path = "common/shared.rs"]
mod shared;

use panlog::custom::CustomFormat;
use panlog::ecs::{EcsMapping, Mapping};
use panlog::fields::dns;
use panlog::schema::LogType;
use panlog::{Input, Parser};

use docs::{at, ecs};

/// The lines of every CEF, LEEF, JSON and key=value file of the corpus: each
/// one a record of the type the corpus says, with an `@timestamp`.
#[test]
fn realworld_cef_leef_json_and_kv_records_convert() {
    let Some(dir) = shared::path(
        "corpus/realworld",
        "realworld_cef_leef_json_and_kv_records_convert",
    ) else {
        return;
    };
    // The Datadog format's renamed keys (the rest are PAN-OS names).
    let datadog: CustomFormat =
        "timestamp=$receive_time, serial=$serial, type=$type, subtype=$subtype, \
        network.client.ip=$src, network.destination.ip=$dst, usr.id=$srcuser, \
        network.client.port=$sport, network.destination.port=$dport, evt.name=$action, \
        network.bytes_read=$bytes_sent, network.bytes_written=$bytes_received, \
        network.client.geoip.country.name=$srcloc"
            .parse()
            .unwrap();
    let mut parser = Parser::new().custom_format(datadog);
    let mut types = std::collections::BTreeMap::new();
    let mut n = 0;
    for shape in ["cef", "leef", "json", "kv"] {
        for file in shared::files(&dir.join(shape)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let log = parser
                    .parse(line.as_bytes())
                    .unwrap_or_else(|e| panic!("{}: {e}: {line}", file.display()));
                let doc = ecs(&log);
                assert!(doc["@timestamp"].is_string(), "{}: {line}", file.display());
                assert!(
                    doc["panw"]["panos"]["type"].is_string(),
                    "{}: {line}",
                    file.display()
                );
                *types
                    .entry((shape, log.log_type().as_str().to_owned()))
                    .or_insert(0) += 1;
                n += 1;
            }
        }
    }
    assert_eq!(n, 144);
    let count =
        |shape: &'static str, ty: &str| types.get(&(shape, ty.to_owned())).copied().unwrap_or(0);
    assert_eq!(
        (count("cef", "THREAT"), count("cef", "SYSTEM")),
        (2, 1),
        "{types:?}"
    );
    assert_eq!(count("leef", "TRAFFIC"), 6, "{types:?}");
    assert_eq!(
        (count("leef", "SYSTEM"), count("leef", "THREAT")),
        (2, 2),
        "{types:?}"
    );
    assert_eq!(
        (
            count("leef", "IPTAG"),
            count("leef", "USERID"),
            count("leef", "HIPMATCH")
        ),
        (1, 1, 1)
    );
    assert_eq!(count("json", "GLOBALPROTECT"), 116, "{types:?}");
    assert_eq!(
        (count("json", "TRAFFIC"), count("json", "THREAT")),
        (1, 1),
        "{types:?}"
    );
    assert_eq!(
        (
            count("kv", "TRAFFIC"),
            count("kv", "AUTHENTICATION"),
            count("kv", "THREAT")
        ),
        (2, 2, 1)
    );
}

/// A parser remembers what the keys of its last records named (by the
/// key's place in the record): whatever came before, a keyed record reads
/// the same as in a parser of its own. Every CEF, LEEF and JSON line of the
/// corpus, in order and in reverse, through one parser.
#[test]
fn a_keyed_record_reads_the_same_whatever_came_before() {
    let Some(dir) = shared::path(
        "corpus/realworld",
        "a_keyed_record_reads_the_same_whatever_came_before",
    ) else {
        return;
    };
    let mut lines = Vec::new();
    for shape in ["cef", "leef", "json"] {
        for file in shared::files(&dir.join(shape)) {
            let text = std::fs::read_to_string(&file).unwrap();
            lines.extend(
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_owned),
            );
        }
    }
    let alone: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| serde_json::to_value(Parser::new().parse(l.as_bytes()).unwrap()).unwrap())
        .collect();
    let mut shared_parser = Parser::new();
    let order: Vec<usize> = (0..lines.len()).chain((0..lines.len()).rev()).collect();
    for i in order {
        let log = shared_parser.parse(lines[i].as_bytes()).unwrap();
        assert_eq!(serde_json::to_value(log).unwrap(), alone[i], "{}", lines[i]);
    }
    assert!(lines.len() >= 130, "{} lines", lines.len());
}

#[test]
fn cef_native_traffic_core_fields() {
    let line = r"<14>Jun 20 15:22:38 PA-VM-01 CEF:0|Palo Alto Networks|PAN-OS|10.1.6|end|TRAFFIC|1|rt=Jun 20 2025 05:22:38 GMT deviceExternalId=007200001234 src=10.0.0.5 dst=198.51.100.7 sourceTranslatedAddress=203.0.113.9 destinationTranslatedAddress=198.51.100.7 cs1Label=Rule cs1=allow web out suser=corp\\jdoe duser= app=ssl cs3Label=Virtual System cs3=vsys1 cs4Label=Source Zone cs4=trust cs5Label=Destination Zone cs5=untrust deviceInboundInterface=ethernet1/2 deviceOutboundInterface=ethernet1/1 cs6Label=LogProfile cs6=default cn1Label=SessionID cn1=88231 cnt=1 spt=53144 dpt=443 sourceTranslatedPort=41022 destinationTranslatedPort=443 flexString1Label=Flags flexString1=0x400000 proto=tcp act=allow flexNumber1Label=Total bytes flexNumber1=18342 in=2210 out=16132 cn2Label=Packets cn2=31 PanOSPacketsReceived=17 PanOSPacketsSent=14 start=Jun 20 2025 05:22:12 GMT cn3Label=Elapsed time in seconds cn3=26 cs2Label=URL Category cs2=search-engines externalId=7300913 reason=tcp-fin dvchost=PA-VM-01 cat=from-policy PanOSActionFlags=0x8000000000000000";
    let mut parser = Parser::new();
    let log = parser.parse(line.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Traffic);
    assert_eq!(log.subtype().unwrap(), "end");
    let doc = ecs(&log);
    for (path, want) in [
        ("source.ip", "10.0.0.5"),
        ("destination.ip", "198.51.100.7"),
        ("source.nat.ip", "203.0.113.9"),
        ("rule.name", "allow web out"),
        ("source.user.name", "jdoe"),
        ("source.user.domain", "corp"),
        ("network.transport", "tcp"),
        ("network.application", "ssl"),
        ("observer.serial_number", "007200001234"),
        ("observer.hostname", "PA-VM-01"),
        ("event.action", "flow_terminated"),
        ("@timestamp", "2025-06-20T05:22:12+00:00"),
    ] {
        assert_eq!(at(&doc, path), want, "{path}");
    }
    for (path, want) in [
        ("source.port", 53144),
        ("destination.port", 443),
        ("source.nat.port", 41022),
        ("network.bytes", 18342),
        ("source.bytes", 2210),
        ("destination.bytes", 16132),
        ("network.packets", 31),
        ("source.packets", 14),
        ("destination.packets", 17),
    ] {
        assert_eq!(at(&doc, path), want, "{path}");
    }
    // The labels are kept, as named extra columns.
    assert_eq!(log.get("cs1Label").unwrap(), "Rule");
    assert_eq!(log.session_flags().unwrap().unwrap().bits(), 0x400000);
    // event.original is the CEF record itself.
    let doc = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
    assert_eq!(doc["event"]["original"], line);
}

#[test]
fn cef_escapes_and_hazards() {
    let mut parser = Parser::new();
    // `\=`, `\\`, `\|`, `\n` in values; a value with spaces; a space after
    // `CEF:`; a key with `-` (the forwarder's).
    let line = r"CEF: 0|Palo Alto Networks|PAN-OS|10.1|url|THREAT|3|src=10.0.0.1 request=http://x.example/a?b\=c&d\=e cs1Label=Rule cs1=rule one two msg=line1\nline2 suser=corp\\jdoe cs2=a\|b";
    let log = parser.parse(line.as_bytes()).unwrap();
    assert_eq!(log.get("misc").unwrap(), "http://x.example/a?b=c&d=e");
    assert_eq!(log.get("rule").unwrap(), "rule one two");
    assert_eq!(log.get("srcuser").unwrap(), "corp\\jdoe");
    assert_eq!(log.get("category").unwrap(), "a|b");
    assert_eq!(log.get("subject").unwrap(), "line1\nline2"); // THREAT's `msg`
    assert_eq!(log.get("severity").unwrap(), "medium"); // from the header's 3
    // Pipes escaped in the header's vendor and signature are theirs.
    let line = r"CEF:0|Palo Alto\|Networks|PAN-OS|10.1|url\|x|THREAT|3|src=10.0.0.1";
    let log = parser.parse(line.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Threat);
    assert_eq!(log.get("subtype").unwrap(), "url|x");
    assert_eq!(log.get("src").unwrap(), "10.0.0.1");
    // No `CEF:` (a relay took it as the tag), five header fields (a published
    // defect): still read.
    let line = "0|Palo Alto Networks|PAN-OS|10.0|GLOBALPROTECT|src=10.0.0.1 PanOSDeviceSN=0011";
    let log = parser.parse(line.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::GlobalProtect);
    // The forwarder's dialect: type in the signature, bytes the other way round.
    let line = "CEF:0|Palo Alto Networks|LF|2.0|TRAFFIC|end|3|ProfileToken=x dtz=UTC rt=Feb 27 2021 20:16:21 deviceExternalId=0011 src=10.0.0.1 dst=10.0.0.2 in=100 out=200 PanOSBytes=300 PanOSX-Forwarded-ForIP=1.2.3.4";
    let log = parser.parse(line.as_bytes()).unwrap();
    assert_eq!(
        (log.log_type(), log.subtype().unwrap().as_ref()),
        (LogType::Traffic, "end")
    );
    assert_eq!(log.u64("bytes_received").unwrap(), Some(100));
    assert_eq!(log.u64("bytes_sent").unwrap(), Some(200));
    assert_eq!(log.u64("bytes").unwrap(), Some(300));
    assert_eq!(log.get("xff_ip").unwrap(), "1.2.3.4");
    assert_eq!(
        log.receive_time().unwrap().unwrap().to_rfc3339(),
        "2021-02-27T20:16:21+00:00"
    );
}

#[test]
fn leef_delimiters_and_versions() {
    let mut parser = Parser::new();
    for (line, sep) in [
        (
            "LEEF:2.0|Palo Alto Networks|PAN-OS Syslog Integration|10.2|allow|x09|cat=TRAFFIC\tsrc=10.0.0.1\tRule=r one\tsrcPort=1\tdstPort=2",
            "tab",
        ),
        (
            "LEEF:2.0|Palo Alto Networks|PAN-OS Syslog Integration|10.2|allow|^|cat=TRAFFIC^src=10.0.0.1^Rule=r one^srcPort=1^dstPort=2",
            "caret",
        ),
        (
            "LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|9.1|allow|cat=TRAFFIC|src=10.0.0.1|RuleName=r one|srcPort=1|dstPort=2",
            "pipe",
        ),
        (
            "LEEF:1.0|Palo Alto Networks|Other|9.1|allow|cat=TRAFFIC\tsrc=10.0.0.1\tRuleName=r one\tsrcPort=1\tdstPort=2",
            "1.0 tab",
        ),
    ] {
        let log = parser
            .parse(line.as_bytes())
            .unwrap_or_else(|e| panic!("{sep}: {e}"));
        assert_eq!(log.log_type(), LogType::Traffic, "{sep}");
        assert_eq!(log.get("rule").unwrap(), "r one", "{sep}");
        assert_eq!(log.port("dport").unwrap().unwrap().get(), 2, "{sep}");
    }
    // A value holding the delimiter joins the next segment back.
    let line = "LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|9.1|e|cat=SYSTEM|Subtype=general|msg=\"a|b\"|sequence=7";
    let log = parser.parse(line.as_bytes()).unwrap();
    assert_eq!(log.get("opaque").unwrap(), "a|b");
}

#[test]
fn json_vocabularies_wrappers_and_big_numbers() {
    let mut parser = Parser::new();
    let h = r#"{"time": 1719351174, "host": "stream-logfwd20", "event": {"TimeReceived":"2024-06-25T21:32:54.000000Z","DeviceSN":"0000111111","LogType":"THREAT","Subtype":"url","TimeGenerated":"2024-06-25T21:30:00.000000Z","SourceAddress":"192.0.2.4","DestinationAddress":"198.51.100.8","NATSource":"","Rule":"Rule\"124","SourceUser":null,"SourcePort":51501,"DestinationPort":443,"Protocol":"tcp","Action":"alert","URL":"www.example.org","VendorSeverity":"Informational","SequenceNo":7353954110769176067,"Unknown Key":[1,2]}}"#;
    let log = parser.parse(h.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Threat);
    assert_eq!(log.get("rule").unwrap(), "Rule\"124");
    assert_eq!(log.u64("seqno").unwrap(), Some(7353954110769176067)); // exact, no f64
    assert_eq!(log.port("dport").unwrap().unwrap().get(), 443);
    assert_eq!(log.get("Unknown Key").unwrap(), "[1,2]"); // kept
    let doc = ecs(&log);
    assert_eq!(doc["url"]["original"], "www.example.org");
    assert_eq!(doc["log"]["level"], "informational");
    let q = r#"{"log_type":{"value":"threat"},"sub_type":{"value":"url"},"time_generated":1719351000000000,"log_time":1719351174000000,"log_source_id":"0000111111","source_ip":{"value":"192.0.2.4"},"dest_ip":{"value":"198.51.100.8"},"rule_matched":"Rule124","action":{"value":"alert"},"sequence_no":7353954110769176067}"#;
    let log = parser.parse(q.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Threat);
    assert_eq!(log.ip("src").unwrap(), Some("192.0.2.4".parse().unwrap()));
    assert_eq!(
        log.time_generated().unwrap().unwrap().to_rfc3339(),
        "2024-06-25T21:30:00+00:00"
    );
    // Stacked objects and arrays, found in a stream.
    let stream = format!("[{h},{q}]\n{q}{q}");
    let logs: Vec<LogType> = panlog::json::values(stream.as_bytes())
        .map(|r| parser.parse(&stream.as_bytes()[r]).unwrap().log_type())
        .collect();
    assert_eq!(logs, [LogType::Threat; 4]);
    // Not an object: an error that says so.
    let err = parser.input(Input::Json).parse(b"[1, 2").unwrap_err();
    assert!(err.to_string().contains("malformed JSON record"), "{err}");
}

/// Every side of a session lands on its side, in the dialects whose key
/// tables the generator once read wrong: XSIAM's `NGFW_CEF` (`dest_ip`
/// read as `src`, `to_zone` as `from`, ...) and the forwarder's `LF` CEF
/// (`dpt` and `destinationTranslatedPort` missing, `PanOSPacketsReceived`
/// read as `pkts_sent`).
#[test]
fn both_sides_of_a_session_in_every_cef_dialect() {
    let xsiam = "CEF:0|PANW|NGFW_CEF|10.2.4|end|TRAFFIC|1|log_type=TRAFFIC subtype=end log_source_id=0011 source_ip=10.0.0.1 dest_ip=8.8.8.8 source_port=5000 dest_port=53 nat_source=1.2.3.4 nat_dest=8.8.8.8 nat_source_port=40000 nat_dest_port=53 from_zone=trust to_zone=untrust inbound_if=ethernet1/2 outbound_if=ethernet1/1 source_user=corp\\alice dest_user=corp\\bob bytes_sent=100 bytes_received=200 packets_sent=1 packets_received=2 vsys=vsys1 vsys_name=Main app=dns app_category=networking app_sub_category=infrastructure rule_matched=allow-dns rule_matched_uuid=6f2e3d6a-1b2c-4d5e-8f90-1234567890ab";
    let lf = "CEF:0|Palo Alto Networks|LF|2.0|TRAFFIC|end|3|ProfileToken=xxxxx dtz=UTC rt=Feb 28 2021 08:30:26 deviceExternalId=0011 src=10.0.0.1 dst=8.8.8.8 sourceTranslatedAddress=1.2.3.4 destinationTranslatedAddress=8.8.8.8 cs4=trust cs4Label=FromZone cs5=untrust cs5Label=ToZone deviceInboundInterface=ethernet1/2 deviceOutboundInterface=ethernet1/1 spt=5000 dpt=53 sourceTranslatedPort=40000 destinationTranslatedPort=53 proto=udp act=allow out=100 in=200 PanOSPacketsSent=1 PanOSPacketsReceived=2";
    for line in [xsiam, lf] {
        let mut parser = Parser::new();
        let log = parser.parse(line.as_bytes()).unwrap();
        let text = |name| log.get(name).map(|t| t.into_owned());
        let got = [
            "src",
            "dst",
            "sport",
            "dport",
            "natsrc",
            "natdst",
            "natsport",
            "natdport",
            "from",
            "to",
            "inbound_if",
            "outbound_if",
            "bytes_sent",
            "bytes_received",
            "pkts_sent",
            "pkts_received",
        ]
        .map(text);
        let want = [
            "10.0.0.1",
            "8.8.8.8",
            "5000",
            "53",
            "1.2.3.4",
            "8.8.8.8",
            "40000",
            "53",
            "trust",
            "untrust",
            "ethernet1/2",
            "ethernet1/1",
            "100",
            "200",
            "1",
            "2",
        ]
        .map(|w| Some(w.to_owned()));
        assert_eq!(got, want, "{line}");
    }
    let mut parser = Parser::new();
    let log = parser.parse(xsiam.as_bytes()).unwrap();
    assert_eq!(log.get("vsys_name").unwrap(), "Main");
    assert_eq!(log.get("subcategory_of_app").unwrap(), "infrastructure");
    assert_eq!(
        log.get("rule_uuid").unwrap(),
        "6f2e3d6a-1b2c-4d5e-8f90-1234567890ab"
    );
    assert_eq!(log.get("dstuser").unwrap(), "corp\\bob");
}

/// LEEF writes the receive time twice: `ReceiveTime` naive, in the
/// firewall's zone (which the record does not say), and `devTime` in GMT.
/// The one that says its zone is `receive_time`, in either order; the
/// other is kept by its key.
#[test]
fn a_time_that_says_its_zone_wins_over_a_naive_one() {
    let head = "<14>Feb 24 22:20:59 PANFW01 LEEF:2.0|Palo Alto Networks|PAN-OS Syslog Integration|11.1.6-h3|SCAN: Host Sweep(8002)|x7C|";
    let naive = "ReceiveTime=2026/02/24 22:20:58";
    let gmt = "devTime=Feb 24 2026 18:20:58 GMT";
    let rest =
        "SerialNumber=016201046640|cat=THREAT|Subtype=scan|src=137.184.174.149|dst=172.16.50.36";
    for (first, second, kept) in [(naive, gmt, "ReceiveTime"), (gmt, naive, "ReceiveTime")] {
        let line = format!("{head}{first}|{second}|{rest}");
        let mut parser = Parser::new();
        let log = parser.parse(line.as_bytes()).unwrap();
        assert_eq!(
            log.receive_time().unwrap().unwrap().to_rfc3339(),
            "2026-02-24T18:20:58+00:00",
            "{line}"
        );
        assert_eq!(log.get(kept).unwrap(), "2026/02/24 22:20:58", "{line}");
        assert_eq!(
            ecs(&log)["@timestamp"],
            "2026-02-24T18:20:58+00:00",
            "{line}"
        );
    }
}

/// A log shipper's JSON around a raw line (Elastic's and Logstash's
/// `message`, Splunk's `_raw` and HEC `event` string, ECS's
/// `event.original`, Fluent Bit's `log`, GELF's `short_message`,
/// journald's `MESSAGE`, Azure's `SyslogMessage`) reads as the line itself, whatever
/// the line's shape; an object that is a record of its own is not taken
/// for a wrapper, and a wrapper around something else is not unwrapped.
#[test]
fn a_shippers_json_around_a_line_reads_as_the_line() {
    let csv = "<14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,001801000001,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.1,10.0.0.2,0.0.0.0,0.0.0.0,allow \"all\",,,ssl,vsys1,trust,untrust,ethernet1/1,ethernet1/2,fwd,2024/03/05 14:22:07,1,1,443,443,0,0,0x0,tcp,allow,100,60,40,2,2024/03/05 14:22:05,1,any,0,1,0x0,10.0.0.0-10.255.255.255,10.0.0.0-10.255.255.255,0,1,1,tcp-fin";
    let cef = "CEF:0|Palo Alto Networks|PAN-OS|10.1.0|end|TRAFFIC|1|rt=Mar 05 2024 14:22:07 GMT src=10.0.0.1 dst=10.0.0.2 dpt=443";
    let quoted = |line: &str| serde_json::to_string(line).unwrap();
    for line in [csv, cef] {
        let mut parser = Parser::new();
        let bare = serde_json::to_value(parser.parse(line.as_bytes()).unwrap()).unwrap();
        let q = quoted(line);
        for wrapped in [
            format!(
                r#"{{"@timestamp":"2024-03-05T14:22:08Z","message":{q},"host":{{"name":"c1"}}}}"#
            ),
            format!(r#"{{"_raw":{q},"sourcetype":"pan:log","type":"syslog"}}"#),
            format!(r#"{{"time":1709648527,"event":{q}}}"#),
            format!(r#"{{"event":{{"original":{q}}}}}"#),
            format!(r#"{{"log":{q},"stream":"stdout"}}"#),
            format!(r#"{{"version":"1.1","host":"relay","short_message":{q},"level":6}}"#),
            format!(r#"{{"__REALTIME_TIMESTAMP":"1709648527000000","MESSAGE":{q}}}"#),
            format!(
                r#"{{"TimeGenerated":"2024-03-05T14:22:08Z","Computer":"relay","SyslogMessage":{q}}}"#
            ),
            // Stored and exported documents: Elasticsearch's `_source`,
            // Splunk's export `result`, ECS's `log.original`.
            format!(r#"{{"_index":"logs-1","_id":"x","_source":{{"message":{q}}}}}"#),
            format!(r#"{{"_source":{{"event":{{"original":{q}}},"host":{{"name":"c1"}}}}}}"#),
            format!(r#"{{"preview":false,"offset":0,"result":{{"_raw":{q},"host":"c1"}}}}"#),
            format!(r#"{{"log":{{"original":{q}}}}}"#),
        ] {
            for input in [Input::Auto, Input::Json] {
                let mut parser = Parser::new().input(input);
                let log = parser
                    .parse(wrapped.as_bytes())
                    .unwrap_or_else(|e| panic!("{e}: {wrapped}"));
                assert_eq!(serde_json::to_value(&log).unwrap(), bare, "{wrapped}");
                assert_eq!(log.record_text(), line, "{wrapped}");
            }
        }
    }
    let mut parser = Parser::new();
    // AUDIT has no type column: its serial and time say it is PAN-OS's.
    let audit = r#"{"message":"012801000000,2023/01/01 00:00:00,audit,admin,Web,10.0.0.1,login,Succeeded"}"#;
    let log = parser.parse(audit.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Audit);
    // A forwarder record with a `message` of its own stays that record.
    let record = r#"{"LogType":"THREAT","message":"1,2024/03/05 14:22:07,0011,SYSTEM,general","SourceAddress":"192.0.2.4"}"#;
    let log = parser.parse(record.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Threat);
    assert_eq!(
        log.get("message").unwrap(),
        "1,2024/03/05 14:22:07,0011,SYSTEM,general"
    );
    // A wrapper around a line that is not PAN-OS's is read as an object.
    let other = r#"{"message":"GET /index.html 200","type":"access"}"#;
    let log = parser.parse(other.as_bytes()).unwrap();
    assert_eq!(log.get("message").unwrap(), "GET /index.html 200");
}

/// A line quoted as one CSV field, `""` for each `"` (the `_raw` column of
/// a CSV export, alone or first of its row), reads as the line inside, in a stream among
/// plain lines; a quoted field that is not a PAN-OS line stays an error of
/// its own and the stream goes on.
#[test]
fn a_line_quoted_whole_reads_as_the_line() {
    let csv = "<14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,001801000001,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.1,10.0.0.2,0.0.0.0,0.0.0.0,allow \"all\",,,ssl,vsys1,trust,untrust,ethernet1/1,ethernet1/2,fwd,2024/03/05 14:22:07,1,1,443,443,0,0,0x0,tcp,allow,100,60,40,2,2024/03/05 14:22:05,1,any,0,1,0x0,10.0.0.0-10.255.255.255,10.0.0.0-10.255.255.255,0,1,1,tcp-fin";
    let quoted = format!("\"{}\"", csv.replace('"', "\"\""));
    let bare = serde_json::to_value(Parser::new().parse(csv.as_bytes()).unwrap()).unwrap();
    for input in [Input::Auto, Input::Csv] {
        let mut parser = Parser::new().input(input);
        let log = parser.parse(quoted.as_bytes()).unwrap();
        assert_eq!(serde_json::to_value(&log).unwrap(), bare);
        assert_eq!(log.get("rule").unwrap(), "allow \"all\"");
        assert_eq!(log.header().hostname(), Some("PA-1"));
    }
    // The `_raw` column first of a Splunk export's row: the rest is the
    // export's.
    let row = format!("{quoted},\"2024-03-05T14:22:07.000+0000\",\"c1\",\"pan:traffic\"");
    assert_eq!(
        serde_json::to_value(Parser::new().parse(row.as_bytes()).unwrap()).unwrap(),
        bare
    );
    let stream = format!("{quoted}\n\"just text\"\n{csv}\n");
    let mut reader = panlog::reader::LogReader::new(stream.as_bytes());
    let mut got = Vec::new();
    while let Some(result) = reader.next_log() {
        got.push(
            result
                .map(|log| log.get("src").unwrap().into_owned())
                .is_ok(),
        );
    }
    assert_eq!(got, [true, false, true]);
}

/// A field given twice keeps both values: the first in its column, the
/// repeat as an extra column named apart (nothing dropped, no two columns of
/// one name in the flat form).
#[test]
fn a_repeated_key_keeps_both_values() {
    let mut parser = Parser::new();
    let cef =
        b"CEF:0|Palo Alto Networks|PAN-OS|10.1|end|TRAFFIC|1|src=10.0.0.1 src=10.0.0.2 cs1=rule";
    let log = parser.parse(cef).unwrap();
    assert_eq!(log.get("src").unwrap(), "10.0.0.1");
    assert_eq!(log.get("src_2").unwrap(), "10.0.0.2");
    let flat = serde_json::to_string(&log).unwrap();
    assert_eq!(flat.matches("\"src\":").count(), 1, "{flat}");
    let json = br#"{"LogType":"TRAFFIC","SourceAddress":"10.0.0.1","SourceAddress":"10.0.0.2"}"#;
    let log = parser.parse(json).unwrap();
    assert_eq!(log.get("src").unwrap(), "10.0.0.1");
    assert_eq!(log.get("SourceAddress").unwrap(), "10.0.0.2");
}

/// DNS security events, a type only the cloud forwarder writes, have a
/// schema of their own: typed getters, ECS, unknown keys kept.
#[test]
fn dns_security_records_have_their_own_schema() {
    let mut parser = Parser::new();
    let h = r#"{"VendorName":"palo alto networks","DeviceSN":"0000111111","TimeReceived":"2024-06-25T21:32:54.000000Z","LogType":"DNS","Subtype":"realtime_dns_telemetry","TimeGenerated":"2024-06-25T21:30:00.000000Z","RecordType":"AAAA","DNSResolverIP":"198.51.100.53","ThreatID":"109010003","DNSCategory":"malware","ThreatName":"generic:evil.example","SourceAddress":"192.0.2.4","FromZone":"INSIDE","ToZone":"OUTSIDE","Action":"Sinkhole","DNSResponse":"NXDOMAIN","DestinationUser":"acme\\bob","QueryName":"evil.example"}"#;
    let log = parser.parse(h.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Dns);
    assert_eq!(
        log.ip(dns::DST).unwrap(),
        Some("198.51.100.53".parse().unwrap())
    );
    assert_eq!(log.get(dns::RECORD_TYPE).unwrap(), "AAAA");
    assert_eq!(log.get(dns::CATEGORY).unwrap(), "malware");
    assert_eq!(log.get(dns::DSTUSER).unwrap(), "acme\\bob");
    assert_eq!(log.threat_id().unwrap().unwrap().id, Some(109010003));
    assert_eq!(log.get("QueryName").unwrap(), "evil.example"); // kept
    let doc = ecs(&log);
    assert_eq!(doc["event"]["kind"], "alert");
    assert_eq!(doc["source"]["ip"], "192.0.2.4");
    assert_eq!(doc["destination"]["ip"], "198.51.100.53");
    assert_eq!(doc["destination"]["user"]["name"], "bob");
    assert_eq!(doc["observer"]["ingress"]["zone"], "INSIDE");
    assert_eq!(doc["panw"]["panos"]["action"], "sinkhole");
    assert_eq!(doc["panw"]["panos"]["threat"]["id"], 109010003);
    assert_eq!(doc["panw"]["panos"]["record_type"], "AAAA");
    assert_eq!(doc["panw"]["panos"]["QueryName"], "evil.example");
    // The query vocabulary, and the forwarder's CEF, name the same fields.
    let q = r#"{"log_type":{"value":"dns"},"sub_type":{"value":"realtime_dns_telemetry"},"time_generated":1719351000000000,"source_ip":{"value":"192.0.2.4"},"dest_ip":{"value":"198.51.100.53"},"gtid":109010003,"dns_response":"NOERROR"}"#;
    let log = parser.parse(q.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Dns);
    assert_eq!(
        log.ip(dns::DST).unwrap(),
        Some("198.51.100.53".parse().unwrap())
    );
    assert_eq!(log.get(dns::DNS_RESPONSE).unwrap(), "NOERROR");
    assert_eq!(log.threat_id().unwrap().unwrap().id, Some(109010003));
    let cef = "CEF:0|Palo Alto Networks|LF|2.0|DNS|realtime_dns_telemetry|1|rt=Jun 25 2024 21:32:54 deviceExternalId=0000111111 PanOSSourceAddress=192.0.2.4 PanOSDNSResolverIP=198.51.100.53 PanOSRecordType=A";
    let log = parser.parse(cef.as_bytes()).unwrap();
    assert_eq!(log.log_type(), LogType::Dns);
    assert_eq!(
        log.ip(dns::SRC).unwrap(),
        Some("192.0.2.4".parse().unwrap())
    );
    assert_eq!(log.get(dns::RECORD_TYPE).unwrap(), "A");
}

#[test]
fn custom_formats_by_keys_and_by_columns() {
    let f: CustomFormat = "time=$time_generated; kind=$type; from=$src; to=$dst; why=$rule"
        .parse()
        .unwrap();
    let mut parser = Parser::new().custom_format(f);
    let log = parser.parse(b"time=2024/03/05 14:22:07; kind=THREAT; from=10.0.0.1; to=10.0.0.2; why=a rule; extra=1").unwrap();
    assert_eq!(log.log_type(), LogType::Threat);
    assert_eq!(log.get("rule").unwrap(), "a rule; extra=1");
    let f: CustomFormat = "$type|$src|$dst|$rule".parse().unwrap();
    let mut parser = Parser::new().custom_format(f).input(Input::Custom);
    let log = parser.parse(b"TRAFFIC|10.0.0.1|10.0.0.2|r1|more").unwrap();
    assert_eq!(log.get("rule").unwrap(), "r1");
    assert_eq!(log.get("extra_00").unwrap(), "more");
}

/// The same record as CSV and as CEF (the guide's TRAFFIC keys) reads back
/// to the same typed values.
#[test]
fn a_record_as_csv_and_as_cef_reads_back_the_same() {
    let csv = lines::CASES
        .iter()
        .find(|c| c.name == "TRAFFIC_10_1")
        .unwrap()
        .line;
    let log = panlog::parse(csv.as_bytes()).unwrap();
    let g = |n: &str| log.get(n).map(|v| v.into_owned()).unwrap_or_default();
    let cef = format!(
        "CEF:0|Palo Alto Networks|PAN-OS|10.1|{}|TRAFFIC|1|deviceExternalId={} src={} dst={} sourceTranslatedAddress={} cs1={} suser={} app={} cs4={} cs5={} cn1={} spt={} dpt={} sourceTranslatedPort={} flexString1={} proto={} act={} flexNumber1={} in={} out={} cn2={} cn3={} reason={} dvchost={}",
        g("subtype"),
        g("serial"),
        g("src"),
        g("dst"),
        g("natsrc"),
        g("rule"),
        g("srcuser").replace('\\', "\\\\"),
        g("app"),
        g("from"),
        g("to"),
        g("sessionid"),
        g("sport"),
        g("dport"),
        g("natsport"),
        g("flags"),
        g("proto"),
        g("action"),
        g("bytes"),
        g("bytes_sent"),
        g("bytes_received"),
        g("packets"),
        g("elapsed"),
        g("session_end_reason"),
        g("device_name"),
    );
    let mut parser = Parser::new();
    let back = parser.parse(cef.as_bytes()).unwrap();
    for name in [
        "serial",
        "src",
        "dst",
        "natsrc",
        "rule",
        "srcuser",
        "app",
        "from",
        "to",
        "sessionid",
        "sport",
        "dport",
        "natsport",
        "flags",
        "proto",
        "action",
        "bytes",
        "bytes_sent",
        "bytes_received",
        "packets",
        "elapsed",
        "session_end_reason",
        "device_name",
        "subtype",
    ] {
        assert_eq!(back.value(name), log.value(name), "{name}");
    }
}
