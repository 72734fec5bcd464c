//! Parquet output read back (feature `parquet`): every shipped and
//! real-world record written by `panlog::lake` comes back from the files,
//! with the `parquet` crate's own reader, as the same values the NDJSON
//! path (`--to fields`, the record's `Serialize`) writes: counts, types and
//! values, column by column.
#![cfg(feature = "parquet")]

#[path = "common/shared.rs"]
mod shared;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{TimestampMicrosecondType, UInt16Type, UInt64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use panlog::columnar;
use panlog::lake::{LakeWriter, event_day};
use panlog::reader::LogReader;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("panlog-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The partition a part file is in: its directory (log type or OCSF
/// class) and its `eventDay=YYYYMMDD`.
fn partition(file: &Path) -> (String, u32) {
    let day_dir = file.parent().unwrap();
    let name = |dir: &Path| dir.file_name().unwrap().to_str().unwrap().to_owned();
    let day = name(day_dir)
        .strip_prefix("eventDay=")
        .unwrap()
        .parse()
        .unwrap();
    (name(day_dir.parent().unwrap()), day)
}

fn read(path: &Path) -> Vec<RecordBatch> {
    ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// What the NDJSON path writes for a record, with the record itself.
struct Expected {
    fields: serde_json::Map<String, Value>,
    record: String,
}

/// The `_text` entries of a row.
fn text_entries(batch: &RecordBatch, row: usize) -> Vec<(String, String)> {
    let map = batch
        .column_by_name(columnar::TEXT_COLUMN)
        .unwrap()
        .as_map();
    let entries = map.value(row);
    let keys = entries.column(0).as_string::<i32>();
    let values = entries.column(1).as_string::<i32>();
    (0..entries.len())
        .map(|i| (keys.value(i).to_owned(), values.value(i).to_owned()))
        .collect()
}

/// Whether row `row` of column `name` holds what the NDJSON path wrote.
fn same(batch: &RecordBatch, name: &str, row: usize, want: &Expected) -> Result<(), String> {
    let column = batch.column_by_name(name).unwrap();
    let json = want.fields.get(name);
    let null = column.is_null(row);
    let fail = |got: String| Err(format!("{name}: parquet {got}, ndjson {json:?}"));
    // A value the NDJSON path keeps as text because it does not read as
    // its column's type is null in its typed column and kept in `_text`.
    if null
        && !matches!(column.data_type(), DataType::Boolean | DataType::Map(..))
        && let Some(Value::String(text)) = json
    {
        let kept = text_entries(batch, row);
        return if kept.iter().any(|(k, v)| k == name && v == text) {
            Ok(())
        } else {
            fail(format!("null, and _text has {kept:?}"))
        };
    }
    match column.data_type() {
        DataType::Map(..) => {
            // Every entry is a value the NDJSON path has as text, or a
            // column past the schema.
            for (k, v) in text_entries(batch, row) {
                let known = want.fields.get(&k).and_then(Value::as_str) == Some(v.as_str());
                if !known && !k.starts_with("_extra_") && !want.fields.contains_key(&k) {
                    return fail(format!("_text entry {k}={v}"));
                }
            }
        }
        DataType::Utf8 if name == columnar::RECORD_COLUMN => {
            let got = column.as_string::<i32>().value(row);
            if got != want.record {
                return fail(got.to_owned());
            }
        }
        DataType::Utf8 => match (json, null) {
            (None | Some(Value::Null), true) => {}
            (Some(Value::String(s)), false) if column.as_string::<i32>().value(row) == s => {}
            // A threat id is written as its text by both paths.
            (Some(Value::Object(_)), false) => {}
            _ => {
                return fail(format!(
                    "{:?}",
                    (!null).then(|| column.as_string::<i32>().value(row))
                ));
            }
        },
        DataType::UInt64 => {
            let expect = match json {
                Some(Value::Number(n)) => n.as_u64(),
                Some(Value::String(s)) => s
                    .strip_prefix("0x")
                    .and_then(|h| u64::from_str_radix(h, 16).ok()),
                _ => None,
            };
            let got = (!null).then(|| column.as_primitive::<UInt64Type>().value(row));
            if got != expect {
                return fail(format!("{got:?}"));
            }
        }
        DataType::UInt16 => {
            let expect = json
                .and_then(Value::as_u64)
                .and_then(|p| u16::try_from(p).ok());
            let got = (!null).then(|| column.as_primitive::<UInt16Type>().value(row));
            if got != expect {
                return fail(format!("{got:?}"));
            }
        }
        DataType::Timestamp(_, _) => {
            let expect = json
                .and_then(Value::as_str)
                .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                .map(|t| t.timestamp_micros());
            let got = (!null).then(|| column.as_primitive::<TimestampMicrosecondType>().value(row));
            if got != expect {
                return fail(format!("{got:?}"));
            }
        }
        DataType::Boolean => {
            // `flags_<bit>`: the bit of the `flags` column.
            let bit = panlog::value::SessionFlags::NAMED
                .iter()
                .find(|(n, _)| name.strip_prefix("flags_") == Some(n))
                .map(|(_, b)| u64::from(*b))
                .unwrap();
            let flags = want
                .fields
                .get("flags")
                .and_then(Value::as_str)
                .and_then(|s| s.strip_prefix("0x"))
                .and_then(|h| u64::from_str_radix(h, 16).ok());
            let got = (!null).then(|| column.as_boolean().value(row));
            if got != flags.map(|f| f & bit != 0) {
                return fail(format!("{got:?}"));
            }
        }
        other => return Err(format!("{name}: unexpected type {other}")),
    }
    Ok(())
}

#[test]
fn every_record_reads_back_as_the_ndjson_path_writes_it() {
    const TEST: &str = "every_record_reads_back_as_the_ndjson_path_writes_it";
    let Some(inputs) = shared::sample_and_realworld(TEST) else {
        return;
    };
    let dir = temp_dir("lake-readback");
    // Small row groups and few open files: several groups and parts.
    let mut lake = LakeWriter::new(&dir).rows_per_group(100).max_open_files(4);
    let mut expected: BTreeMap<(String, u32), Vec<Expected>> = BTreeMap::new();
    let mut records = 0;
    for input in &inputs {
        let bytes = std::fs::read(input).unwrap();
        let mut reader = LogReader::new(&bytes[..]);
        while let Some(log) = reader.next_log() {
            let log = log.unwrap();
            lake.write(&log).unwrap();
            let Value::Object(fields) = serde_json::to_value(&log).unwrap() else {
                panic!("fields are an object");
            };
            expected
                .entry((
                    log.log_type().as_str().to_ascii_lowercase(),
                    event_day(&log),
                ))
                .or_default()
                .push(Expected {
                    fields,
                    record: String::from_utf8_lossy(log.record()).into_owned(),
                });
            records += 1;
        }
    }
    let files = lake.finish().unwrap();
    assert!(records > 2000, "{records}");
    // Parts of one partition, in the order they were written.
    let mut read_back: BTreeMap<(String, u32), Vec<RecordBatch>> = BTreeMap::new();
    for file in &files {
        read_back
            .entry(partition(file))
            .or_default()
            .extend(read(file));
    }
    assert_eq!(
        read_back.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    let mut rows = 0;
    let mut failures = Vec::new();
    for (key, batches) in &read_back {
        let want = &expected[key];
        let ty = batches[0].schema();
        // The file's schema is the type's, as `columnar::schema` gives it.
        let log_type = panlog::schema::LogType::ALL
            .into_iter()
            .chain([panlog::schema::LogType::Unknown])
            .find(|t| t.as_str().eq_ignore_ascii_case(&key.0))
            .unwrap();
        assert_eq!(ty, columnar::schema(log_type, true), "{key:?}");
        let mut k = 0;
        for batch in batches {
            for row in 0..batch.num_rows() {
                for field in ty.fields() {
                    if let Err(e) = same(batch, field.name(), row, &want[k])
                        && failures.len() < 20
                    {
                        failures.push(format!("{key:?} row {k}: {e}"));
                    }
                }
                k += 1;
            }
        }
        assert_eq!(k, want.len(), "{key:?}");
        rows += k;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(rows, records);
    // Four files open at most: the mixed sample made more parts than
    // partitions, and each part is a complete Parquet file.
    assert!(files.len() > read_back.len(), "{} files", files.len());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_existing_part_is_never_overwritten() {
    let dir = temp_dir("lake-parts");
    let line = b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0";
    for _ in 0..2 {
        let mut lake = LakeWriter::new(&dir).record(false);
        lake.write(&panlog::parse(line).unwrap()).unwrap();
        lake.finish().unwrap();
    }
    let day = dir.join("system/eventDay=20240305");
    assert!(day.join("part-00000.parquet").exists());
    assert!(day.join("part-00001.parquet").exists());
    let batches = read(&day.join("part-00001.parquet"));
    assert_eq!(batches[0].num_rows(), 1);
    assert!(batches[0].column_by_name("_record").is_none());
    assert_eq!(
        batches[0]
            .column_by_name("opaque")
            .unwrap()
            .as_string::<i32>()
            .value(0),
        "disk full"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Row `row` of an Arrow array as JSON (`None` for null): structs as
/// objects (null fields left out), lists as arrays, maps as objects.
fn to_json(array: &dyn Array, row: usize) -> Option<Value> {
    if array.is_null(row) {
        return None;
    }
    Some(match array.data_type() {
        DataType::Utf8 => Value::from(array.as_string::<i32>().value(row)),
        DataType::Boolean => Value::from(array.as_boolean().value(row)),
        DataType::Int32 => Value::from(
            array
                .as_primitive::<arrow_array::types::Int32Type>()
                .value(row),
        ),
        DataType::Int64 => Value::from(
            array
                .as_primitive::<arrow_array::types::Int64Type>()
                .value(row),
        ),
        DataType::UInt64 => Value::from(array.as_primitive::<UInt64Type>().value(row)),
        DataType::Struct(fields) => {
            let s = array.as_struct();
            let mut object = serde_json::Map::new();
            for (i, field) in fields.iter().enumerate() {
                if let Some(v) = to_json(s.column(i).as_ref(), row) {
                    object.insert(field.name().clone(), v);
                }
            }
            Value::Object(object)
        }
        DataType::List(_) => {
            let items = array.as_list::<i32>().value(row);
            Value::Array(
                (0..items.len())
                    .filter_map(|i| to_json(items.as_ref(), i))
                    .collect(),
            )
        }
        DataType::Map(..) => {
            let entries = array.as_map().value(row);
            let keys = entries.column(0).as_string::<i32>();
            let values = entries.column(1).as_string::<i32>();
            Value::Object(
                (0..entries.len())
                    .map(|i| {
                        // An object or a list kept as JSON text: parsed, so
                        // that key order does not matter.
                        let text = values.value(i);
                        let value = match text.as_bytes().first() {
                            Some(b'{' | b'[') => {
                                serde_json::from_str(text).unwrap_or(Value::from(text))
                            }
                            _ => Value::from(text),
                        };
                        (keys.value(i).to_owned(), value)
                    })
                    .collect(),
            )
        }
        other => panic!("unexpected type {other}"),
    })
}

/// An OCSF event as the Parquet files hold it: `unmapped`'s scalar values
/// as text (objects and lists are JSON text there, parsed back by `to_json`).
fn as_stored(mut event: Value) -> Value {
    if let Some(Value::Object(unmapped)) = event.get_mut("unmapped") {
        for value in unmapped.values_mut() {
            let text = match &*value {
                Value::Object(_) | Value::Array(_) => continue,
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            // Text that is JSON is compared parsed, as `to_json` reads it.
            *value = match text.as_bytes().first() {
                Some(b'{' | b'[') => serde_json::from_str(&text).unwrap_or(Value::from(text)),
                _ => Value::from(text),
            };
        }
    }
    event
}

#[test]
fn every_ocsf_event_reads_back_from_parquet_as_its_json() {
    const TEST: &str = "every_ocsf_event_reads_back_from_parquet_as_its_json";
    let Some(inputs) = shared::sample_and_realworld(TEST) else {
        return;
    };
    use panlog::mapping::Mapping;
    let mapping = panlog::ocsf::OcsfMapping::new();
    let dir = temp_dir("lake-ocsf");
    let mut lake = LakeWriter::new(&dir).ocsf(mapping).rows_per_group(64);
    let mut expected: BTreeMap<(String, u32), Vec<Value>> = BTreeMap::new();
    for input in &inputs {
        let bytes = std::fs::read(input).unwrap();
        let mut reader = LogReader::new(&bytes[..]);
        while let Some(log) = reader.next_log() {
            let log = log.unwrap();
            lake.write(&log).unwrap();
            let event = mapping.map(&log);
            let class = event.class_name.to_ascii_lowercase().replace(' ', "_");
            let day = chrono::DateTime::from_timestamp_millis(event.time)
                .unwrap()
                .format("%Y%m%d")
                .to_string()
                .parse()
                .unwrap();
            expected
                .entry((class, day))
                .or_default()
                .push(as_stored(serde_json::to_value(&event).unwrap()));
        }
    }
    let files = lake.finish().unwrap();
    let mut events = 0;
    // Rows read so far per partition: its parts come in order.
    let mut seen: BTreeMap<(String, u32), usize> = BTreeMap::new();
    for file in &files {
        let key = partition(file);
        let want = &expected[&key];
        let k = seen.entry(key.clone()).or_default();
        for batch in read(file) {
            assert_eq!(batch.schema(), columnar::ocsf_schema());
            let rows = arrow_array::StructArray::from(batch.clone());
            for row in 0..batch.num_rows() {
                let got = to_json(&rows, row).unwrap();
                assert_eq!(got, want[*k], "{key:?} row {k}");
                *k += 1;
                events += 1;
            }
        }
    }
    for (key, want) in &expected {
        assert_eq!(seen.get(key), Some(&want.len()), "{key:?}");
    }
    assert!(events > 2000, "{events}");
    std::fs::remove_dir_all(&dir).unwrap();
}
