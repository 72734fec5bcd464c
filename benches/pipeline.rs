//! The layers above the split, each with the peer a user would write
//! without this crate, in the same group:
//!
//! - `parse`: records to typed core fields (`Parser` + getters) vs the `csv`
//!   crate with the same fields typed by hand;
//! - `ecs_json`: bytes to ECS JSON (framing, parsing, mapping, `serde_json`
//!   into a reused buffer) vs the `csv` crate + a `match` on the type +
//!   `serde_json::json!` of core fields; the like-for-like row writes the
//!   same core fields through a custom `Mapping` (the full default mapping
//!   writes every column, so several times more JSON);
//! - `stream`: `LogReader::next_log` over a large in-memory buffer (64 MB,
//!   read through a 64 KiB `BufReader` as from a file) vs
//!   `csv::Reader::read_byte_record` over the same bytes.
//!
//! Every timed closure asserts the record (and value) counts it produced.
//! Run: `cargo bench --bench pipeline`.

use std::hint::black_box;
use std::net::IpAddr;

use chrono::NaiveDateTime;
use criterion::{Criterion, criterion_group};
use panlog::Parser;
use panlog::ecs::EcsMapping;
use panlog::mapping::{Mapping, WriteJson};
use panlog::ocsf::OcsfMapping;
use panlog::reader::LogReader;
use panlog::schema::LogType;
use panlog::syslog::SyslogHeader;

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/ratios.rs"]
mod ratios;

const RECORDS: usize = 10_000;

/// The CSV bodies (syslog headers removed, outside the timed loops) joined
/// by newlines: what the hand-written peers read, a head start for them.
fn bodies(lines: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in lines {
        out.extend_from_slice(SyslogHeader::parse(line).1);
        out.push(b'\n');
    }
    out
}

fn csv_reader(data: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data)
}

/// The hand-written typing a user does with the csv crate: field positions
/// of TRAFFIC and THREAT (the session types of the corpus).
struct Hand {
    time: Option<NaiveDateTime>,
    src: Option<IpAddr>,
    dst: Option<IpAddr>,
    sport: Option<u16>,
    dport: Option<u16>,
    bytes: Option<u64>,
}

fn hand_type(rec: &csv::ByteRecord) -> Hand {
    let text = |i: usize| {
        rec.get(i)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    };
    let session = matches!(text(3), "TRAFFIC" | "THREAT");
    let pick = |i: usize| if session { text(i) } else { "" };
    Hand {
        time: NaiveDateTime::parse_from_str(text(1), "%Y/%m/%d %H:%M:%S").ok(),
        src: pick(7).parse().ok(),
        dst: pick(8).parse().ok(),
        sport: pick(24).parse().ok(),
        dport: pick(25).parse().ok(),
        bytes: if text(3) == "TRAFFIC" {
            text(31).parse().ok()
        } else {
            None
        },
    }
}

/// The hand-written peer's document: the csv crate's record, a `match` on
/// the type, `serde_json::json!` of the core fields.
fn hand_doc(rec: &csv::ByteRecord) -> serde_json::Value {
    let text = |i: usize| {
        rec.get(i)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    };
    let hand = hand_type(rec);
    match text(3) {
        "TRAFFIC" | "THREAT" => serde_json::json!({
            "@timestamp": hand.time.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            "observer": {"serial_number": text(2), "vendor": "Palo Alto Networks"},
            "event": {"action": text(30), "dataset": "panw.panos", "category": ["network"]},
            "source": {"ip": hand.src, "port": hand.sport, "nat": {"ip": text(9)}},
            "destination": {"ip": hand.dst, "port": hand.dport, "nat": {"ip": text(10)}},
            "network": {"transport": text(29), "application": text(14), "bytes": hand.bytes},
            "rule": {"name": text(11)},
            "panw": {"panos": {"type": text(3), "sub_type": text(4)}},
        }),
        other => serde_json::json!({
            "@timestamp": hand.time.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            "observer": {"serial_number": text(2), "vendor": "Palo Alto Networks"},
            "event": {"dataset": "panw.panos"},
            "panw": {"panos": {"type": other, "sub_type": text(4)}},
        }),
    }
}

/// A hand-written mapper that writes a document of the full ECS one's size:
/// [`hand_doc`]'s core fields, `event.original`, and every non-empty column
/// under `panw.panos` by its name (the names a hand-written mapper keeps per
/// type; here `names`, built once outside the timed loop), as text.
fn hand_full_doc(
    rec: &csv::ByteRecord,
    original: &[u8],
    names: &std::collections::HashMap<Vec<u8>, Vec<&'static str>>,
) -> serde_json::Value {
    let mut doc = hand_doc(rec);
    doc["event"]["original"] = String::from_utf8_lossy(original).into();
    let columns = rec.get(3).and_then(|t| names.get(t));
    let panos = doc["panw"]["panos"].as_object_mut().unwrap();
    for (i, field) in rec.iter().enumerate() {
        if field.is_empty() {
            continue;
        }
        let name = match columns.and_then(|c| c.get(i)) {
            Some(name) => (*name).to_owned(),
            None => format!("column_{i}"),
        };
        panos
            .entry(name)
            .or_insert_with(|| String::from_utf8_lossy(field).into_owned().into());
    }
    doc
}

/// Each log type's column names, by the text of its type column.
fn type_names() -> std::collections::HashMap<Vec<u8>, Vec<&'static str>> {
    LogType::ALL
        .iter()
        .map(|t| {
            let names = t.schema().columns().map(|c| c.name).collect();
            (t.as_str().as_bytes().to_vec(), names)
        })
        .collect()
}

fn parse(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed);
    let lines = corpus::lines(&data);
    let joined = bodies(&lines);
    let sessions = lines
        .iter()
        .filter(|l| {
            let log = panlog::parse(l).unwrap();
            matches!(log.log_type(), LogType::Traffic | LogType::Threat)
        })
        .count();

    let mut group = c.benchmark_group("parse");
    group.throughput(ratios::records_and_bytes(RECORDS, data.len()));
    group.bench_function("panlog Parser + typed getters", |b| {
        let mut parser = Parser::new();
        b.iter(|| {
            let (mut records, mut ips) = (0, 0);
            for line in &lines {
                let log = parser.parse(black_box(line)).unwrap();
                black_box(log.receive_time().unwrap());
                let src = log.ip("src").unwrap();
                black_box((src, log.ip("dst").unwrap(), log.port("sport").unwrap()));
                black_box((
                    log.port("dport").unwrap(),
                    log.u64("bytes").unwrap(),
                    log.action().unwrap(),
                ));
                ips += usize::from(src.is_some());
                records += 1;
            }
            assert_eq!((records, ips), (RECORDS, sessions));
        });
    });
    group.bench_function("csv crate + hand typing", |b| {
        let mut rec = csv::ByteRecord::new();
        b.iter(|| {
            let mut rdr = csv_reader(black_box(&joined));
            let (mut records, mut ips) = (0, 0);
            while rdr.read_byte_record(&mut rec).unwrap() {
                let hand = black_box(hand_type(&rec));
                black_box(rec.get(30));
                ips += usize::from(hand.src.is_some());
                records += 1;
            }
            assert_eq!((records, ips), (RECORDS, sessions));
        });
    });
    group.finish();
}

/// The hand-written peer's fields, as a `Mapping` a user would write.
struct CoreMapping;

#[derive(serde::Serialize)]
struct Core<'a> {
    #[serde(rename = "@timestamp", skip_serializing_if = "Option::is_none")]
    timestamp: Option<panlog::ecs::Time>,
    observer: CoreObserver<'a>,
    event: CoreEvent<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<CoreEnd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    destination: Option<CoreEnd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    network: Option<CoreNetwork<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<CoreRule<'a>>,
    panw: CorePanw<'a>,
}

#[derive(serde::Serialize)]
struct CoreObserver<'a> {
    serial_number: Option<std::borrow::Cow<'a, str>>,
    vendor: &'static str,
}

#[derive(serde::Serialize)]
struct CoreEvent<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<std::borrow::Cow<'a, str>>,
    dataset: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<[&'static str; 1]>,
}

#[derive(serde::Serialize)]
struct CoreEnd<'a> {
    ip: Option<IpAddr>,
    port: Option<u32>,
    nat: CoreNat<'a>,
}

#[derive(serde::Serialize)]
struct CoreNat<'a> {
    ip: Option<std::borrow::Cow<'a, str>>,
}

#[derive(serde::Serialize)]
struct CoreNetwork<'a> {
    transport: Option<std::borrow::Cow<'a, str>>,
    application: Option<std::borrow::Cow<'a, str>>,
    bytes: Option<u64>,
}

#[derive(serde::Serialize)]
struct CoreRule<'a> {
    name: Option<std::borrow::Cow<'a, str>>,
}

#[derive(serde::Serialize)]
struct CorePanw<'a> {
    panos: CorePanos<'a>,
}

#[derive(serde::Serialize)]
struct CorePanos<'a> {
    #[serde(rename = "type")]
    type_: Option<std::borrow::Cow<'a, str>>,
    sub_type: Option<std::borrow::Cow<'a, str>>,
}

impl Mapping for CoreMapping {
    type Document<'a> = Core<'a>;

    fn map<'a>(&self, log: &panlog::Log<'a>) -> Core<'a> {
        let session = matches!(log.log_type(), LogType::Traffic | LogType::Threat);
        let end = |ip: &str, port: &str, nat: &str| CoreEnd {
            ip: log.ip(ip).ok().flatten(),
            port: log.port(port).ok().flatten().map(|p| p.get()),
            nat: CoreNat { ip: log.get(nat) },
        };
        Core {
            timestamp: log.receive_time().ok().flatten().map(panlog::ecs::Time),
            observer: CoreObserver {
                serial_number: log.get("serial"),
                vendor: "Palo Alto Networks",
            },
            event: CoreEvent {
                action: if session { log.get("action") } else { None },
                dataset: "panw.panos",
                category: session.then_some(["network"]),
            },
            source: session.then(|| end("src", "sport", "natsrc")),
            destination: session.then(|| end("dst", "dport", "natdst")),
            network: session.then(|| CoreNetwork {
                transport: log.get("proto"),
                application: log.get("app"),
                bytes: log.u64("bytes").ok().flatten(),
            }),
            rule: session.then(|| CoreRule {
                name: log.get("rule"),
            }),
            panw: CorePanw {
                panos: CorePanos {
                    type_: log.type_str(),
                    sub_type: log.subtype(),
                },
            },
        }
    }
}

/// The timed loop of a writing row: bytes → records → `write` each into a
/// reused buffer, asserting the record count and a floor on the bytes
/// written.
fn timed_writes(
    b: &mut criterion::Bencher<'_>,
    data: &[u8],
    min_bytes: usize,
    mut write: impl FnMut(&panlog::Log<'_>, &mut Vec<u8>),
) {
    let mut out = Vec::with_capacity(64 * 1024);
    b.iter(|| {
        let mut reader = LogReader::new(black_box(data));
        let (mut docs, mut bytes) = (0, 0);
        while let Some(log) = reader.next_log() {
            out.clear();
            write(&log.unwrap(), &mut out);
            bytes += out.len();
            docs += 1;
        }
        assert_eq!(docs, RECORDS);
        assert!(bytes > RECORDS * min_bytes);
    });
}

/// The timed loop of a hand-written peer row: the `csv` crate's records →
/// `doc` (given the record and its index) → `serde_json::to_writer`,
/// asserting the record count and a floor on the bytes written.
fn timed_hand(
    b: &mut criterion::Bencher<'_>,
    joined: &[u8],
    min_bytes: usize,
    mut doc: impl FnMut(&csv::ByteRecord, usize) -> serde_json::Value,
) {
    let mut rec = csv::ByteRecord::new();
    let mut out = Vec::with_capacity(64 * 1024);
    b.iter(|| {
        let mut rdr = csv_reader(black_box(joined));
        let (mut docs, mut bytes) = (0, 0);
        while rdr.read_byte_record(&mut rec).unwrap() {
            let value = doc(&rec, docs);
            out.clear();
            serde_json::to_writer(&mut out, &value).unwrap();
            bytes += out.len();
            docs += 1;
        }
        assert_eq!(docs, RECORDS);
        assert!(bytes > RECORDS * min_bytes);
    });
}

/// A mapping row: documents written with `serde_json::to_writer`.
fn to_json<M: Mapping>(b: &mut criterion::Bencher<'_>, data: &[u8], mapping: &M, min_bytes: usize) {
    timed_writes(b, data, min_bytes, |log, out| {
        serde_json::to_writer(out, &mapping.map(log)).unwrap();
    });
}

fn ecs_json(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed);
    let lines = corpus::lines(&data);
    let joined = bodies(&lines);

    // The column names of the full-size hand-written peer, once.
    let names = type_names();
    // The output sizes, once, outside the timed loops (for BENCHMARKS.md).
    {
        let mut sizes = [0usize; 6];
        let mut hand_docs = 0;
        let mut reader = LogReader::new(&data[..]);
        while let Some(log) = reader.next_log() {
            let log = log.unwrap();
            sizes[0] += serde_json::to_vec(&EcsMapping::new().map(&log))
                .unwrap()
                .len();
            sizes[1] += serde_json::to_vec(&EcsMapping::new().original(false).map(&log))
                .unwrap()
                .len();
            sizes[2] += serde_json::to_vec(&CoreMapping.map(&log)).unwrap().len();
            sizes[4] += serde_json::to_vec(&OcsfMapping::new().map(&log))
                .unwrap()
                .len();
        }
        let mut rdr = csv_reader(&joined);
        let mut rec = csv::ByteRecord::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            sizes[3] += serde_json::to_vec(&hand_doc(&rec)).unwrap().len();
            sizes[5] += serde_json::to_vec(&hand_full_doc(&rec, lines[hand_docs], &names))
                .unwrap()
                .len();
            hand_docs += 1;
        }
        eprintln!(
            "JSON bytes per record: full ECS {}, without event.original {}, core fields {}, hand-written {}, OCSF {}, hand-written full {}",
            sizes[0] / RECORDS,
            sizes[1] / RECORDS,
            sizes[2] / RECORDS,
            sizes[3] / RECORDS,
            sizes[4] / RECORDS,
            sizes[5] / RECORDS
        );
    }
    let mut group = c.benchmark_group("ecs_json");
    group.throughput(ratios::records_and_bytes(RECORDS, data.len()));
    group.bench_function("panlog bytes -> ECS JSON", |b| {
        to_json(b, &data, &EcsMapping::new(), 500);
    });
    // The same documents through the crate's own writer; the bytes are
    // serde_json's (checked here, and in tests/write_json.rs).
    {
        let mut reader = LogReader::new(&data[..]);
        let mut fast = Vec::new();
        while let Some(log) = reader.next_log() {
            let doc = EcsMapping::new().map(&log.unwrap());
            fast.clear();
            doc.write_json(&mut fast);
            assert_eq!(fast, serde_json::to_vec(&doc).unwrap());
        }
    }
    group.bench_function("panlog bytes -> ECS JSON (WriteJson)", |b| {
        let mapping = EcsMapping::new();
        timed_writes(b, &data, 500, |log, out| mapping.map(log).write_json(out));
    });
    // The record's flat typed form (`--to fields`), through both writers.
    for fast in [false, true] {
        let name = if fast {
            "panlog bytes -> fields JSON (WriteJson)"
        } else {
            "panlog bytes -> fields JSON (serde_json)"
        };
        group.bench_function(name, |b| {
            timed_writes(b, &data, 500, |log, out| {
                if fast {
                    log.write_json(out);
                } else {
                    serde_json::to_writer(out, log).unwrap();
                }
            });
        });
    }
    group.bench_function("panlog bytes -> ECS JSON, no event.original", |b| {
        to_json(b, &data, &EcsMapping::new().original(false), 500);
    });
    // The OCSF mapping on the same input (`raw_data` on, as `event.original`).
    group.bench_function("panlog bytes -> OCSF JSON", |b| {
        to_json(b, &data, &OcsfMapping::new(), 500);
    });
    // The same core fields as the hand-written peer, through the Mapping
    // seam: the like-for-like row.
    group.bench_function("panlog bytes -> core-fields JSON (custom Mapping)", |b| {
        to_json(b, &data, &CoreMapping, 100);
    });
    // A hand-written mapper of a document the size of the full ECS one.
    group.bench_function("csv crate + json! full document", |b| {
        timed_hand(b, &joined, 500, |rec, n| {
            hand_full_doc(rec, lines[n], &names)
        });
    });
    group.bench_function("csv crate + match + json!", |b| {
        timed_hand(b, &joined, 100, |rec, _| hand_doc(rec));
    });
    group.finish();
}

fn stream(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed).repeat(10);

    let mut group = c.benchmark_group("stream");
    group.throughput(ratios::records_and_bytes(10 * RECORDS, data.len()));
    group.sample_size(20);
    group.bench_function("panlog LogReader::next_log", |b| {
        b.iter(|| {
            let input = std::io::BufReader::with_capacity(64 * 1024, black_box(&data[..]));
            let mut reader = LogReader::new(input);
            let mut logs = 0;
            while let Some(log) = reader.next_log() {
                black_box(log.unwrap().len());
                logs += 1;
            }
            assert_eq!(logs, 10 * RECORDS);
        });
    });
    group.bench_function("csv::Reader::read_byte_record", |b| {
        let mut rec = csv::ByteRecord::new();
        b.iter(|| {
            let input = std::io::BufReader::with_capacity(64 * 1024, black_box(&data[..]));
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(input);
            let mut records = 0;
            while rdr.read_byte_record(&mut rec).unwrap() {
                black_box(rec.len());
                records += 1;
            }
            assert_eq!(records, 10 * RECORDS);
        });
    });
    group.finish();
}

/// Parquet files (feature `parquet`) beside the NDJSON of the same typed
/// fields, both from bytes: the lake writer's cost per input byte.
#[cfg(feature = "parquet")]
fn lake(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed);
    let mut group = c.benchmark_group("lake");
    group.throughput(ratios::records_and_bytes(RECORDS, data.len()));
    group.sample_size(20);
    group.bench_function("panlog bytes -> fields NDJSON", |b| {
        let mut out = Vec::with_capacity(64 * 1024);
        b.iter(|| {
            let mut reader = LogReader::new(black_box(&data[..]));
            let (mut docs, mut bytes) = (0, 0);
            while let Some(log) = reader.next_log() {
                out.clear();
                serde_json::to_writer(&mut out, &log.unwrap()).unwrap();
                bytes += out.len();
                docs += 1;
            }
            assert_eq!(docs, RECORDS);
            assert!(bytes > RECORDS * 500);
        });
    });
    let dir = std::env::temp_dir().join(format!("panlog-bench-lake-{}", std::process::id()));
    group.bench_function("panlog bytes -> Parquet files (LakeWriter)", |b| {
        b.iter(|| {
            let _ = std::fs::remove_dir_all(&dir);
            let mut lake = panlog::lake::LakeWriter::new(&dir);
            let mut reader = LogReader::new(black_box(&data[..]));
            let mut docs = 0;
            while let Some(log) = reader.next_log() {
                lake.write(&log.unwrap()).unwrap();
                docs += 1;
            }
            let files = lake.finish().unwrap();
            assert_eq!(docs, RECORDS);
            assert!(!files.is_empty());
        });
    });
    let _ = std::fs::remove_dir_all(&dir);
    group.finish();
}

#[cfg(not(feature = "parquet"))]
fn lake(_: &mut Criterion) {}

criterion_group!(benches, parse, ecs_json, stream, lake);

fn main() {
    benches();
    ratios::finish(
        "parse",
        &[("panlog Parser + typed getters", "csv crate + hand typing")],
    );
    let peer = "csv crate + match + json!";
    ratios::print(
        "ecs_json",
        &[
            ("panlog bytes -> core-fields JSON (custom Mapping)", peer),
            ("panlog bytes -> ECS JSON", peer),
            ("panlog bytes -> ECS JSON (WriteJson)", peer),
            (
                "panlog bytes -> ECS JSON (WriteJson)",
                "panlog bytes -> ECS JSON",
            ),
            (
                "panlog bytes -> fields JSON (WriteJson)",
                "panlog bytes -> fields JSON (serde_json)",
            ),
            (
                "panlog bytes -> ECS JSON (WriteJson)",
                "csv crate + json! full document",
            ),
            ("panlog bytes -> ECS JSON, no event.original", peer),
            ("panlog bytes -> OCSF JSON", peer),
            ("panlog bytes -> OCSF JSON", "panlog bytes -> ECS JSON"),
            (
                "panlog bytes -> ECS JSON",
                "csv crate + json! full document",
            ),
        ],
    );
    if cfg!(feature = "parquet") {
        ratios::print(
            "lake",
            &[(
                "panlog bytes -> Parquet files (LakeWriter)",
                "panlog bytes -> fields NDJSON",
            )],
        );
    }
    ratios::print(
        "stream",
        &[(
            "panlog LogReader::next_log",
            "csv::Reader::read_byte_record",
        )],
    );
}
