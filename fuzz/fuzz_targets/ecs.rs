//! Arbitrary records through the ECS, seed and OCSF mappings and serde_json:
//! no panic, the JSON always parses back into an object, the crate's own
//! writer (`WriteJson`) writes the same bytes as serde_json, and an OCSF
//! event's `type_uid` is always `class_uid * 100 + activity_id`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::Parser;
use panlog::ecs::{EcsMapping, SeedMapping};
use panlog::mapping::{Mapping, WriteJson};
use panlog::ocsf::OcsfMapping;

fuzz_target!(|data: &[u8]| {
    let mut parser = Parser::new();
    let Ok(log) = parser.parse(data) else {
        return;
    };
    let mut out = Vec::new();
    let doc = EcsMapping::new().map(&log);
    serde_json::to_writer(&mut out, &doc).expect("serializes");
    let mut fast = Vec::new();
    doc.write_json(&mut fast);
    assert_eq!(
        String::from_utf8_lossy(&fast),
        String::from_utf8_lossy(&out),
        "WriteJson and serde_json differ"
    );
    let back: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert!(back.is_object());
    assert!(back["panw"]["panos"].is_object());
    out.clear();
    serde_json::to_writer(&mut out, &SeedMapping.map(&log)).expect("serializes");
    let back: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert!(back.is_object());
    out.clear();
    let event = OcsfMapping::new().map(&log);
    assert_eq!(
        event.type_uid,
        event.class_uid * 100 + u32::from(event.activity_id)
    );
    serde_json::to_writer(&mut out, &event).expect("serializes");
    let back: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert!(back["metadata"]["product"].is_object());
});
