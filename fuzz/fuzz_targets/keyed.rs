//! Arbitrary CEF, LEEF and JSON records (the first byte picks the shape)
//! through the parser, every getter, ECS and the owned round trip: no panic,
//! no error but a typed one, and what comes out reads back. Two records
//! (split at the first newline) through one parser read as each does through
//! a parser of its own: what a parser remembers of a record's keys never
//! changes the next one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::ecs::{EcsMapping, Mapping};
use panlog::{Input, Parser};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, data)) = data.split_first() else {
        return;
    };
    let input = [Input::Cef, Input::Leef, Input::Json, Input::Auto][usize::from(pick % 4)];
    if let Some(at) = data.iter().position(|&b| b == b'\n') {
        let (first, second) = (&data[..at], &data[at + 1..]);
        let alone = |line: &[u8]| {
            let mut parser = Parser::new().input(input);
            parser
                .parse(line)
                .ok()
                .map(|log| serde_json::to_value(&log).unwrap())
        };
        let mut shared = Parser::new().input(input);
        let after_first = shared
            .parse(first)
            .ok()
            .map(|log| serde_json::to_value(&log).unwrap());
        assert_eq!(after_first, alone(first));
        let after_second = shared
            .parse(second)
            .ok()
            .map(|log| serde_json::to_value(&log).unwrap());
        assert_eq!(after_second, alone(second));
    }
    let mut parser = Parser::new().input(input);
    let Ok(log) = parser.parse(data) else {
        return;
    };
    for (index, _) in log.iter().enumerate() {
        let _ = (log.value_at(index), log.name_at(index));
    }
    let _ = (
        log.threat_id(),
        log.session_flags(),
        log.receive_time(),
        log.ip("src"),
    );
    let doc = serde_json::to_vec(&EcsMapping::new().map(&log)).expect("serializes");
    let back: serde_json::Value = serde_json::from_slice(&doc).expect("valid JSON");
    assert!(back["@timestamp"].is_string());
    let json = serde_json::to_vec(&log).expect("serializes");
    let owned: panlog::OwnedLog = serde_json::from_slice(&json).expect("reads back");
    let again: serde_json::Value = serde_json::to_value(&owned).unwrap();
    let first: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(again, first);
});
