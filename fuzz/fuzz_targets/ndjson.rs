//! `panlog::ndjson` against `serde_json`: the input as a string, and the
//! documents of the record it parses into, must come out byte for byte the
//! same from both writers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::Parser;
use panlog::ecs::EcsMapping;
use panlog::mapping::Mapping;
use panlog::ocsf::OcsfMapping;

fn same<T: serde::Serialize + ?Sized>(value: &T) {
    let mut fast = Vec::new();
    panlog::ndjson::to_writer(&mut fast, value).expect("writes");
    assert_eq!(fast, serde_json::to_vec(value).expect("writes"));
}

fuzz_target!(|data: &[u8]| {
    same(&*String::from_utf8_lossy(data));
    let mut parser = Parser::new();
    let Ok(log) = parser.parse(data) else {
        return;
    };
    same(&EcsMapping::new().map(&log));
    same(&OcsfMapping::new().map(&log));
    same(&log);
});
