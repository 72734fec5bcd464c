//! Arbitrary records through both ECS mappings and serde_json: no panic, and
//! the JSON always parses back into an object.
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::Parser;
use panlog::ecs::{EcsMapping, Mapping, SeedMapping};

fuzz_target!(|data: &[u8]| {
    let mut parser = Parser::new();
    let Ok(log) = parser.parse(data) else {
        return;
    };
    let mut out = Vec::new();
    serde_json::to_writer(&mut out, &EcsMapping::new().map(&log)).expect("serializes");
    let back: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert!(back.is_object());
    assert!(back["panw"]["panos"].is_object());
    out.clear();
    serde_json::to_writer(&mut out, &SeedMapping.map(&log)).expect("serializes");
    let back: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert!(back.is_object());
});
