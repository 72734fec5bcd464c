#![allow(dead_code)] // each test uses the parts it needs
//! Reading ECS documents in tests: a record's document as a JSON value, and
//! a dotted path into it.

use panlog::Log;
use panlog::ecs::{EcsMapping, Mapping};
use serde_json::Value;

/// The default ECS document of `log`, without `event.original`.
pub fn ecs(log: &Log<'_>) -> Value {
    serde_json::to_value(EcsMapping::new().original(false).map(log)).unwrap()
}

/// The value at a dotted `path` (`source.ip`), `null` when absent.
pub fn at<'v>(doc: &'v Value, path: &str) -> &'v Value {
    path.split('.')
        .try_fold(doc, |v, key| v.get(key))
        .unwrap_or(&Value::Null)
}
