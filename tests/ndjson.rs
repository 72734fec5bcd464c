//! `panlog::ndjson` writes byte for byte what `serde_json::to_writer`
//! writes: on the ECS, seed and OCSF documents and the typed fields of every
//! shipped and real-world record, and on arbitrary strings, numbers and
//! nestings (proptest).

#[path = "common/shared.rs"]
mod shared;

use std::collections::BTreeMap;

use panlog::ecs::{EcsMapping, SeedMapping};
use panlog::mapping::Mapping;
use panlog::ocsf::OcsfMapping;
use panlog::reader::LogReader;
use proptest::prelude::*;
use serde::Serialize;

fn same<T: Serialize + ?Sized>(value: &T) -> Result<(), String> {
    let want = serde_json::to_vec(value).unwrap();
    let mut got = Vec::new();
    panlog::ndjson::to_writer(&mut got, value).unwrap();
    if got == want {
        Ok(())
    } else {
        let at = got.iter().zip(&want).take_while(|(a, b)| a == b).count();
        Err(format!(
            "differ at byte {at}: ndjson {:?} serde_json {:?}",
            String::from_utf8_lossy(&got[at.saturating_sub(20)..(at + 20).min(got.len())]),
            String::from_utf8_lossy(&want[at.saturating_sub(20)..(at + 20).min(want.len())]),
        ))
    }
}

#[test]
fn every_document_of_every_record_is_byte_identical_to_serde_json() {
    const TEST: &str = "every_document_of_every_record_is_byte_identical_to_serde_json";
    let Some(files) = shared::sample_and_realworld(TEST) else {
        return;
    };
    let (ecs, raw) = (EcsMapping::new(), EcsMapping::new().original(false));
    let ocsf = OcsfMapping::new();
    let mut documents = 0;
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let mut reader = LogReader::new(&bytes[..]);
        while let Some(log) = reader.next_log() {
            let log = log.unwrap();
            let results = [
                same(&ecs.map(&log)),
                same(&raw.map(&log)),
                same(&SeedMapping.map(&log)),
                same(&ocsf.map(&log)),
                same(&log),
            ];
            for result in results {
                documents += 1;
                if let Err(e) = result
                    && failures.len() < 10
                {
                    failures.push(format!(
                        "{} record {}: {e}",
                        path.display(),
                        log.position().record
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(documents > 10_000, "{documents}");
}

#[test]
fn escapes_and_numbers_at_the_edges() {
    for s in [
        "",
        "plain",
        "\"",
        "\\",
        "a\u{0}b\u{1f}c\u{7f}",
        "\u{8}\u{c}\n\r\t",
        "é日本\u{1F600}",
        "12345678\"12345678\\",
        "1234567\n",
    ] {
        same(s).unwrap();
    }
    for n in [0u64, 9, 10, 99, 100, 12_345, u64::MAX] {
        same(&n).unwrap();
    }
    for n in [i64::MIN, -1, 0, i64::MAX] {
        same(&n).unwrap();
    }
    same(&(u128::MAX, i128::MIN, 'x', true, ())).unwrap();
    same(&f64::NAN).unwrap();
    let mut map = BTreeMap::new();
    map.insert(7u32, vec![Some("a"), None]);
    map.insert(8, Vec::new());
    same(&map).unwrap();
    same(&b"bytes"[..].to_vec()).unwrap();
}

#[derive(Serialize)]
enum Variant {
    Unit,
    New(u8),
    Tuple(u8, String),
    Struct { a: i32, b: Vec<String> },
}

#[test]
fn enums_as_serde_json_writes_them() {
    for v in [
        Variant::Unit,
        Variant::New(3),
        Variant::Tuple(4, "x\"y".into()),
        Variant::Struct {
            a: -5,
            b: vec!["\n".into()],
        },
    ] {
        same(&v).unwrap();
    }
}

proptest! {
    #[test]
    fn any_string_is_escaped_as_serde_json_escapes_it(s in any::<String>()) {
        prop_assert_eq!(same(&s), Ok(()));
    }

    #[test]
    fn any_control_heavy_string(s in "[\\x00-\\x7f\"\\\\]{0,64}") {
        prop_assert_eq!(same(&s), Ok(()));
    }

    #[test]
    fn any_integers(a in any::<u64>(), b in any::<i64>(), c in any::<u16>()) {
        prop_assert_eq!(same(&(a, b, c)), Ok(()));
    }

    #[test]
    fn any_nesting(map in prop::collection::btree_map(".{0,12}", prop::collection::vec(any::<Option<i32>>(), 0..4), 0..6)) {
        prop_assert_eq!(same(&map), Ok(()));
    }
}
