//! The layers above the split, each with the peer a user would write
//! without this crate, in the same group:
//!
//! - `parse`: records to typed core fields (`Parser` + getters) vs the `csv`
//!   crate with the same fields typed by hand;
//! - `ecs_json`: bytes to ECS JSON (framing, parsing, mapping, `serde_json`
//!   into a reused buffer) vs the `csv` crate + a `match` on the type +
//!   `serde_json::json!` of the same core fields;
//! - `stream`: `LogReader::next_log` over a large in-memory buffer (64 MB,
//!   read through a 64 KiB `BufReader` as from a file) vs
//!   `csv::Reader::read_byte_record` over the same bytes.
//!
//! Every timed closure asserts the record (and value) counts it produced.
//! Run: `cargo bench --bench pipeline`.

use std::hint::black_box;
use std::net::IpAddr;

use chrono::NaiveDateTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use panlog::Parser;
use panlog::ecs::{EcsMapping, Mapping};
use panlog::framing::LogReader;
use panlog::schema::LogType;
use panlog::syslog::SyslogHeader;

#[path = "common/corpus.rs"]
mod corpus;

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
    group.throughput(Throughput::Bytes(data.len() as u64));
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

fn ecs_json(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed);
    let lines = corpus::lines(&data);
    let joined = bodies(&lines);

    let mut group = c.benchmark_group("ecs_json");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.bench_function("panlog bytes -> ECS JSON", |b| {
        let mapping = EcsMapping::new();
        let mut out = Vec::with_capacity(64 * 1024);
        b.iter(|| {
            let mut reader = LogReader::new(black_box(&data[..]));
            let (mut docs, mut bytes) = (0, 0);
            while let Some(log) = reader.next_log() {
                out.clear();
                serde_json::to_writer(&mut out, &mapping.map(&log.unwrap())).unwrap();
                bytes += out.len();
                docs += 1;
            }
            assert_eq!(docs, RECORDS);
            assert!(bytes > RECORDS * 500);
        });
    });
    group.bench_function("panlog bytes -> ECS JSON, no event.original", |b| {
        let mapping = EcsMapping::new().original(false);
        let mut out = Vec::with_capacity(64 * 1024);
        b.iter(|| {
            let mut reader = LogReader::new(black_box(&data[..]));
            let (mut docs, mut bytes) = (0, 0);
            while let Some(log) = reader.next_log() {
                out.clear();
                serde_json::to_writer(&mut out, &mapping.map(&log.unwrap())).unwrap();
                bytes += out.len();
                docs += 1;
            }
            assert_eq!(docs, RECORDS);
            assert!(bytes > RECORDS * 500);
        });
    });
    group.bench_function("csv crate + match + json!", |b| {
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::with_capacity(64 * 1024);
        b.iter(|| {
            let mut rdr = csv_reader(black_box(&joined));
            let (mut docs, mut bytes) = (0, 0);
            while rdr.read_byte_record(&mut rec).unwrap() {
                let text = |i: usize| rec.get(i).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
                let hand = hand_type(&rec);
                let doc = match text(3) {
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
                };
                out.clear();
                serde_json::to_writer(&mut out, &doc).unwrap();
                bytes += out.len();
                docs += 1;
            }
            assert_eq!(docs, RECORDS);
            assert!(bytes > RECORDS * 100);
        });
    });
    group.finish();
}

fn stream(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed).repeat(10);

    let mut group = c.benchmark_group("stream");
    group.throughput(Throughput::Bytes(data.len() as u64));
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

criterion_group!(benches, parse, ecs_json, stream);
criterion_main!(benches);
