//! The keyed shapes (CEF, LEEF, JSON) beside the CSV path and beside their
//! peers, in the same run: the same TRAFFIC records written four ways.
//!
//! - `panlog CSV` / `panlog CEF` / `panlog LEEF` / `panlog JSON`: a reused
//!   `Parser`, each record parsed and six typed fields read;
//! - `hand split CEF`: a hand-written CEF reader (header split on `|`, the
//!   extension on spaces and `=` into a `HashMap`), the same six fields;
//! - `serde_json HashMap`: `serde_json::from_slice` into a
//!   `HashMap<String, Value>`, the same six fields;
//! - `serde_json struct`: `serde_json::from_slice` into a struct of the
//!   record's 32 keys (strings borrowed where they have no escape, numbers
//!   as `u64`), the same six fields.
//!
//! Every timed closure asserts its record count. Throughput is in records
//! and in bytes of each shape's own input, so MB/s compare per byte.

#[path = "common/ratios.rs"]
mod ratios;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group};
use panlog::Parser;

const RECORDS: usize = 2000;

fn inputs() -> [(&'static str, Vec<Vec<u8>>); 4] {
    let mut csv = Vec::new();
    let mut cef = Vec::new();
    let mut leef = Vec::new();
    let mut json = Vec::new();
    for i in 0..RECORDS {
        let (sport, bytes) = (1024 + i % 60000, 1000 + i * 7);
        csv.push(format!("<14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,012801096514,TRAFFIC,end,2561,2024/03/05 14:22:07,10.20.1.15,142.250.74.110,203.0.113.10,142.250.74.110,allow web,corp\\jdoe,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,default,,{i},1,{sport},443,41022,443,0x400000,tcp,allow,{bytes},2210,16132,31,2024/03/05 14:21:41,26,any,,7300913,0x0,10.0.0.0-10.255.255.255,United States,,14,17,tcp-fin,0,0,0,0,,PA-1,from-policy").into_bytes());
        cef.push(format!("<14>Mar  5 14:22:07 PA-1 CEF:0|Palo Alto Networks|PAN-OS|10.1.6|end|TRAFFIC|1|rt=Mar 05 2024 13:22:07 GMT deviceExternalId=012801096514 src=10.20.1.15 dst=142.250.74.110 sourceTranslatedAddress=203.0.113.10 destinationTranslatedAddress=142.250.74.110 cs1Label=Rule cs1=allow web suser=corp\\\\jdoe duser= app=ssl cs3Label=Virtual System cs3=vsys1 cs4Label=Source Zone cs4=trust cs5Label=Destination Zone cs5=untrust deviceInboundInterface=ethernet1/2 deviceOutboundInterface=ethernet1/1 cs6Label=LogProfile cs6=default cn1Label=SessionID cn1={i} cnt=1 spt={sport} dpt=443 sourceTranslatedPort=41022 destinationTranslatedPort=443 flexString1Label=Flags flexString1=0x400000 proto=tcp act=allow flexNumber1Label=Total bytes flexNumber1={bytes} in=2210 out=16132 cn2Label=Packets cn2=31 start=Mar 05 2024 13:22:07 GMT cn3Label=Elapsed time in seconds cn3=26 reason=tcp-fin dvchost=PA-1 cat=from-policy").into_bytes());
        leef.push(format!("<14>Mar  5 14:22:07 PA-1 LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|10.1.6|allow|cat=TRAFFIC|ReceiveTime=2024/03/05 14:22:07|SerialNumber=012801096514|Type=TRAFFIC|Subtype=end|devTime=Mar 05 2024 13:22:07 GMT|src=10.20.1.15|dst=142.250.74.110|srcPostNAT=203.0.113.10|dstPostNAT=142.250.74.110|RuleName=allow web|usrName=corp\\jdoe|Application=ssl|VirtualSystem=vsys1|SourceZone=trust|DestinationZone=untrust|IngressInterface=ethernet1/2|EgressInterface=ethernet1/1|SessionID={i}|RepeatCount=1|srcPort={sport}|dstPort=443|srcPostNATPort=41022|dstPostNATPort=443|Flags=0x400000|proto=tcp|action=allow|totalBytes={bytes}|dstBytes=16132|srcBytes=2210|totalPackets=31|ElapsedTime=26|SessionEndReason=tcp-fin|DeviceName=PA-1").into_bytes());
        json.push(format!(r#"{{"TimeReceived":"2024-03-05T13:22:07.000000Z","DeviceSN":"012801096514","LogType":"TRAFFIC","Subtype":"end","TimeGenerated":"2024-03-05T13:22:07.000000Z","SourceAddress":"10.20.1.15","DestinationAddress":"142.250.74.110","NATSource":"203.0.113.10","NATDestination":"142.250.74.110","Rule":"allow web","SourceUser":"corp\\jdoe","Application":"ssl","VirtualLocation":"vsys1","FromZone":"trust","ToZone":"untrust","InboundInterface":"ethernet1/2","OutboundInterface":"ethernet1/1","SessionID":{i},"RepeatCount":1,"SourcePort":{sport},"DestinationPort":443,"NATSourcePort":41022,"NATDestinationPort":443,"Protocol":"tcp","Action":"allow","Bytes":{bytes},"BytesSent":2210,"BytesReceived":16132,"PacketsTotal":31,"SessionDuration":26,"SessionEndReason":"tcp-fin","DeviceName":"PA-1"}}"#).into_bytes());
    }
    [("CSV", csv), ("CEF", cef), ("LEEF", leef), ("JSON", json)]
}

/// What the six reads found, folded so that none is optimised away.
fn score(found: [bool; 5], bytes: u64) -> usize {
    found.iter().filter(|&&f| f).count() + (bytes % 2) as usize
}

/// Six typed fields, as every bench reads them.
fn read(log: &panlog::Log<'_>) -> usize {
    let a = log.ip("src").unwrap().is_some();
    let b = log.port("dport").unwrap().is_some();
    let c = log.u64("bytes").unwrap().unwrap_or(0);
    let d = log.get("rule").is_some();
    let e = log.get("app").is_some();
    let f = log.port("sport").unwrap().is_some();
    score([a, b, d, e, f], c)
}

/// A hand-written CEF reader: header on `|`, extension on ` ` and `=`.
fn hand_cef(line: &[u8]) -> usize {
    let text = std::str::from_utf8(line).unwrap();
    let cef = &text[text.find("CEF:").unwrap()..];
    let ext = cef.splitn(8, '|').nth(7).unwrap_or("");
    let mut map: HashMap<&str, String> = HashMap::new();
    let mut key: Option<&str> = None;
    for word in ext.split(' ') {
        match word.split_once('=') {
            Some((k, v)) if !k.is_empty() && !k.contains('\\') => {
                key = Some(k);
                map.insert(k, v.to_owned());
            }
            _ => {
                if let Some(v) = key.and_then(|k| map.get_mut(k)) {
                    v.push(' ');
                    v.push_str(word);
                }
            }
        }
    }
    let a = map
        .get("src")
        .and_then(|v| v.parse::<std::net::IpAddr>().ok())
        .is_some();
    let b = map.get("dpt").and_then(|v| v.parse::<u16>().ok()).is_some();
    let c = map
        .get("flexNumber1")
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let d = map.contains_key("cs1");
    let e = map.contains_key("app");
    let f = map.get("spt").and_then(|v| v.parse::<u16>().ok()).is_some();
    score([a, b, d, e, f], c)
}

fn serde_json_map(line: &[u8]) -> usize {
    let map: HashMap<String, serde_json::Value> = serde_json::from_slice(line).unwrap();
    let a = map
        .get("SourceAddress")
        .and_then(|v| v.as_str()?.parse::<std::net::IpAddr>().ok())
        .is_some();
    let b = map
        .get("DestinationPort")
        .and_then(serde_json::Value::as_u64)
        .is_some();
    let c = map
        .get("Bytes")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    let d = map.contains_key("Rule");
    let e = map.contains_key("Application");
    let f = map
        .get("SourcePort")
        .and_then(serde_json::Value::as_u64)
        .is_some();
    score([a, b, d, e, f], c)
}

/// The JSON records' keys, as a `Deserialize` struct would declare them.
#[allow(non_snake_case, dead_code)] // the keys' own names; not every one is read
#[derive(serde::Deserialize)]
struct Traffic<'a> {
    #[serde(borrow)]
    TimeReceived: Cow<'a, str>,
    #[serde(borrow)]
    DeviceSN: Cow<'a, str>,
    #[serde(borrow)]
    LogType: Cow<'a, str>,
    #[serde(borrow)]
    Subtype: Cow<'a, str>,
    #[serde(borrow)]
    TimeGenerated: Cow<'a, str>,
    #[serde(borrow)]
    SourceAddress: Cow<'a, str>,
    #[serde(borrow)]
    DestinationAddress: Cow<'a, str>,
    #[serde(borrow)]
    NATSource: Cow<'a, str>,
    #[serde(borrow)]
    NATDestination: Cow<'a, str>,
    #[serde(borrow)]
    Rule: Option<Cow<'a, str>>,
    #[serde(borrow)]
    SourceUser: Cow<'a, str>,
    #[serde(borrow)]
    Application: Option<Cow<'a, str>>,
    #[serde(borrow)]
    VirtualLocation: Cow<'a, str>,
    #[serde(borrow)]
    FromZone: Cow<'a, str>,
    #[serde(borrow)]
    ToZone: Cow<'a, str>,
    #[serde(borrow)]
    InboundInterface: Cow<'a, str>,
    #[serde(borrow)]
    OutboundInterface: Cow<'a, str>,
    SessionID: u64,
    RepeatCount: u64,
    SourcePort: Option<u64>,
    DestinationPort: Option<u64>,
    NATSourcePort: u64,
    NATDestinationPort: u64,
    #[serde(borrow)]
    Protocol: Cow<'a, str>,
    #[serde(borrow)]
    Action: Cow<'a, str>,
    Bytes: Option<u64>,
    BytesSent: u64,
    BytesReceived: u64,
    PacketsTotal: u64,
    SessionDuration: u64,
    #[serde(borrow)]
    SessionEndReason: Cow<'a, str>,
    #[serde(borrow)]
    DeviceName: Cow<'a, str>,
}

fn serde_json_struct(line: &[u8]) -> usize {
    let t: Traffic<'_> = serde_json::from_slice(line).unwrap();
    let a = t.SourceAddress.parse::<std::net::IpAddr>().is_ok();
    let b = t.DestinationPort.is_some();
    let c = t.Bytes.unwrap_or(0);
    let d = t.Rule.is_some();
    let e = t.Application.is_some();
    let f = t.SourcePort.is_some();
    score([a, b, d, e, f], c)
}

fn shapes(c: &mut Criterion) {
    let inputs = inputs();
    let mut group = c.benchmark_group("shapes");
    for (name, lines) in &inputs {
        let bytes: usize = lines.iter().map(Vec::len).sum();
        group.throughput(ratios::records_and_bytes(RECORDS, bytes));
        group.bench_function(format!("panlog {name}"), |b| {
            let mut parser = Parser::new();
            b.iter(|| {
                let mut n = 0;
                for line in lines {
                    let log = parser.parse(black_box(line)).unwrap();
                    n += usize::from(read(&log) > 0);
                }
                assert_eq!(n, RECORDS);
            });
        });
        match *name {
            "CEF" => {
                group.bench_function("hand split CEF", |b| {
                    b.iter(|| {
                        let n = lines.iter().filter(|l| hand_cef(black_box(l)) > 0).count();
                        assert_eq!(n, RECORDS);
                    });
                });
            }
            "JSON" => {
                group.bench_function("serde_json HashMap", |b| {
                    b.iter(|| {
                        let n = lines
                            .iter()
                            .filter(|l| serde_json_map(black_box(l)) > 0)
                            .count();
                        assert_eq!(n, RECORDS);
                    });
                });
                group.bench_function("serde_json struct", |b| {
                    b.iter(|| {
                        let n = lines
                            .iter()
                            .filter(|l| serde_json_struct(black_box(l)) > 0)
                            .count();
                        assert_eq!(n, RECORDS);
                    });
                });
            }
            _ => {}
        }
    }
    group.finish();
}

criterion_group!(benches, shapes);

fn main() {
    benches();
    ratios::finish(
        "shapes",
        &[
            ("panlog CEF", "hand split CEF"),
            ("panlog JSON", "serde_json HashMap"),
            ("panlog JSON", "serde_json struct"),
            ("panlog CSV", "panlog CEF"),
            ("panlog CSV", "panlog LEEF"),
            ("panlog CSV", "panlog JSON"),
        ],
    );
}
