//! Arbitrary bytes as an XML API answer: the head, every entry as a `Log`,
//! and its ECS document as JSON. No panic; the reader always ends.
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::api::response::XmlReader;
use panlog::ecs::{EcsMapping, Mapping};

fuzz_target!(|data: &[u8]| {
    let mut reader = XmlReader::new(data);
    let _ = reader.head();
    let mut out = Vec::new();
    let mut n = 0;
    while let Some(result) = reader.next_log() {
        n += 1;
        assert!(n <= data.len() + 1, "more results than input bytes");
        if let Ok(log) = result {
            out.clear();
            serde_json::to_writer(&mut out, &EcsMapping::new().map(&log)).expect("serializes");
            let back: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
            assert!(back.is_object());
        }
    }
});
