//! The fast JSON writer (`WriteJson`) writes exactly what `serde_json`
//! writes for the same document (and for a record's flat typed form): on
//! every shipped record, every layout case, every real-world record of
//! every shape, in three fixed zones (one west of UTC) and Berlin's (with
//! the `tz` feature), with and without `event.original`; and on arbitrary text in every kind of column
//! (a proptest). The `ecs` fuzz target compares the two on arbitrary input.

#[path = "common/lines.rs"]
mod lines;
#[path = "common/shared.rs"]
mod shared;

use panlog::Parser;
use panlog::ecs::{EcsMapping, Mapping};
use panlog::mapping::WriteJson;
use panlog::reader::LogReader;
use panlog::zone::Zone;
use proptest::prelude::*;

/// Every record of `bytes` through both writers, in `zone`; the count of
/// records compared.
fn compare(bytes: &[u8], zone: Zone, what: &str) -> usize {
    let mappings = [EcsMapping::new(), EcsMapping::new().original(false)];
    let mut reader = LogReader::new(bytes).with_parser(Parser::new().time_zone(zone));
    let mut fast = Vec::new();
    let mut records = 0;
    while let Some(result) = reader.next_log() {
        let Ok(log) = result else { continue };
        for mapping in &mappings {
            let doc = mapping.map(&log);
            fast.clear();
            doc.write_json(&mut fast);
            let serde = serde_json::to_vec(&doc).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&fast),
                String::from_utf8_lossy(&serde),
                "{what}: record {records}"
            );
            // The vendor columns alone (OCSF's `unmapped` is this part).
            fast.clear();
            doc.panw.panos.rest.write_json(&mut fast);
            assert_eq!(fast, serde_json::to_vec(&doc.panw.panos.rest).unwrap());
        }
        // The record's own flat form (`--to fields`), borrowed and owned.
        fast.clear();
        log.write_json(&mut fast);
        assert_eq!(fast, serde_json::to_vec(&log).unwrap(), "{what}: fields");
        fast.clear();
        let owned = log.into_owned();
        owned.write_json(&mut fast);
        assert_eq!(fast, serde_json::to_vec(&owned).unwrap(), "{what}: owned");
        records += 1;
    }
    records
}

fn zones() -> Vec<Zone> {
    let mut zones = vec![
        Zone::UTC,
        "+05:30".parse().unwrap(),
        "-03:30".parse().unwrap(),
    ];
    if let Ok(berlin) = "Europe/Berlin".parse() {
        zones.push(berlin); // with the `tz` feature
    }
    zones
}

#[test]
fn shipped_data_and_every_layout_case() {
    let mut records = 0;
    for zone in zones() {
        for entry in
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data")).unwrap()
        {
            let path = entry.unwrap().path();
            records += compare(
                &std::fs::read(&path).unwrap(),
                zone,
                &path.display().to_string(),
            );
        }
        for case in lines::CASES {
            records += compare(case.line.as_bytes(), zone, case.name);
        }
    }
    assert!(records > 100, "{records} records");
}

#[test]
fn every_realworld_record_of_every_shape() {
    let Some(dir) = shared::path("corpus/realworld", "every_realworld_record_of_every_shape")
    else {
        return;
    };
    let mut records = 0;
    for zone in zones() {
        for shape in ["csv", "cef", "leef", "json", "kv"] {
            for path in shared::files(&dir.join(shape)) {
                let bytes = std::fs::read(&path).unwrap();
                records += compare(&bytes, zone, &path.display().to_string());
            }
        }
    }
    assert!(records >= 2 * 2232, "{records} records");
}

/// Text with every kind of byte JSON escapes, and some it does not.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            Just("\"".to_string()),
            Just("\\".to_string()),
            (0u8..0x20).prop_map(|b| char::from(b).to_string()),
            Just("\u{7f}".to_string()),
            Just("plain text ".to_string()),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

/// A CSV field holding `text`, quoted (with `""`) when it needs to be.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with('{') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

proptest! {
    /// Arbitrary text in a SYSTEM description, a TRAFFIC record's rule,
    /// user, ports and counters (text where a number belongs lands in
    /// `panw.panos.*` as text), and columns past the schema.
    #[test]
    fn arbitrary_values_write_as_serde_json_writes_them(
        a in text(), b in text(), c in text(), d in text(), e in text()
    ) {
        let system = format!(
            "1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,{},,0,0,general,high,{},1,0x0,{}",
            field(&a), field(&b), field(&c)
        );
        let traffic = format!(
            "1,2024/03/05 14:22:07,0128,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.5,93.184.216.34,0.0.0.0,0.0.0.0,{},{},,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd,2024/03/05 14:22:07,88231,1,{},443,0,0,0x400000,tcp,allow,{},2210,16132,31,2024/03/05 14:21:41,26,any,0,7300913,0x0,10.0.0.0-10.255.255.255,United States,0,14,17,tcp-fin,{}",
            field(&a), field(&b), field(&c), field(&d), field(&e)
        );
        for line in [system, traffic] {
            compare(line.as_bytes(), Zone::UTC, &line);
        }
    }
}
