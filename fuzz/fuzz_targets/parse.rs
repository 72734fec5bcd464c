//! Arbitrary records through `Parser` and every reader of `Log`: no panic,
//! and what the reader says is consistent (a typed value is `Ok` exactly
//! when the field's text reads as its kind; serialization always works).
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::Parser;
use panlog::schema::{Fit, ValueKind};

fuzz_target!(|data: &[u8]| {
    // A zone with daylight saving, so that folds and gaps are exercised.
    let zone: panlog::zone::Zone = "Europe/Berlin".parse().unwrap();
    let mut parser = Parser::new().time_zone(zone);
    let Ok(log) = parser.parse(data) else {
        return;
    };
    assert!(!log.is_empty());
    if log.fit() == Fit::Older {
        // Older firmware parses; only a strict parser refuses it.
        assert!(Parser::new().strict(true).parse(data).is_err());
    }
    for (index, (spec, field)) in log.iter().enumerate() {
        let value = log.value_at(index);
        // Only empty fields and placeholder times read as absent.
        let may_be_absent = spec.is_some_and(|s| s.kind == ValueKind::Timestamp);
        assert!(value.is_some() || field.is_empty() || may_be_absent);
        if let Some(spec) = spec {
            assert_eq!(log.name_at(index), Some(spec.name));
            assert_eq!(log.schema().position(spec.name), Some(index));
            let _ = (
                log.ip(spec.name),
                log.port(spec.name),
                log.u64(spec.name),
                log.i64(spec.name),
            );
            let _ = (
                log.hex(spec.name),
                log.timestamp(spec.name),
                log.local_time(spec.name),
            );
        }
    }
    let _ = (
        log.threat_id(),
        log.action(),
        log.severity(),
        log.direction(),
    );
    let _ = (
        log.session_end_reason(),
        log.session_flags(),
        log.action_flags(),
        log.version(),
    );
    let _ = log.extra().count();
    let json = serde_json::to_vec(&log).expect("a Log always serializes");
    let back: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    assert!(back.is_object());
    let owned = panlog::OwnedLog::from(&log);
    assert_eq!(serde_json::to_vec(&owned).unwrap(), json);
    // The serialized form reads back to the same typed values.
    let back: panlog::OwnedLog = serde_json::from_slice(&json).expect("an OwnedLog reads back");
    let again: serde_json::Value = serde_json::to_value(&back).unwrap();
    assert_eq!(
        again,
        serde_json::from_slice::<serde_json::Value>(&json).unwrap()
    );
});
