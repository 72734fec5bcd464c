//! The main job on every core: bytes → full ECS NDJSON (`event.original`
//! on, written with `WriteJson` as the converter writes it), sequentially
//! with a `LogReader` and with `panlog::batch` on 1 and 2 threads, over the
//! same 100,000-record corpus, two ways:
//!
//! - **into one `Vec`**: every document appended to one buffer (the batch's
//!   chunks copied into it);
//! - **to a writer**: the documents handed to an `io::Write`, as the
//!   converter hands them to standard output; the sequential path builds
//!   them in a 256 KiB buffer it passes on when full, the batch passes on
//!   each chunk's documents. The writer counts the bytes and keeps none.
//!
//! Each timed closure asserts its record count and output size; the output
//! bytes of every path are checked equal before timing.
//!
//! ```sh
//! cargo bench --bench batch --features rayon -- --warm-up-time 2 --measurement-time 10
//! ```

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/ratios.rs"]
mod ratios;

use std::hint::black_box;
use std::io::{self, Write};

use criterion::{Criterion, criterion_group};
use panlog::batch::Batch;
use panlog::ecs::{EcsMapping, Mapping};
use panlog::mapping::WriteJson;
use panlog::{LogReader, Parser};

const RECORDS: usize = 10_000;
const REPEAT: usize = 10;

fn sequential(data: &[u8], out: &mut Vec<u8>) -> usize {
    let mapping = EcsMapping::new();
    let mut reader = LogReader::new(data);
    let mut records = 0;
    while let Some(result) = reader.next_log() {
        let log = result.unwrap();
        mapping.map(&log).write_json(out);
        out.push(b'\n');
        records += 1;
    }
    records
}

/// A writer that counts what it is given and keeps none of it (a
/// stand-in for standard output on `/dev/null`), and remembers the
/// bytes only when asked to (the equality check before timing).
#[derive(Default)]
struct Sink {
    bytes: usize,
    kept: Option<Vec<u8>>,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len();
        if let Some(kept) = &mut self.kept {
            kept.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The sequential path to a writer: documents built in a 256 KiB buffer,
/// passed on when it is full.
fn sequential_to(data: &[u8], sink: &mut Sink) -> usize {
    let mapping = EcsMapping::new();
    let mut reader = LogReader::new(data);
    let mut buf = Vec::with_capacity(256 * 1024 + 16 * 1024);
    let mut records = 0;
    while let Some(result) = reader.next_log() {
        let log = result.unwrap();
        mapping.map(&log).write_json(&mut buf);
        buf.push(b'\n');
        records += 1;
        if buf.len() >= 256 * 1024 {
            sink.write_all(&buf).unwrap();
            buf.clear();
        }
    }
    sink.write_all(&buf).unwrap();
    records
}

/// The batch: each chunk's documents handed to `hand_on` as they come, in
/// input order (appended to one `Vec`, or written to a writer).
fn parallel(
    data: &[u8],
    threads: usize,
    mut hand_on: impl FnMut(&[u8]) -> io::Result<()>,
) -> usize {
    let mapping = EcsMapping::new();
    let mut records = 0;
    Batch::new(Parser::new())
        .threads(threads)
        .run(
            data,
            |(docs, n): &mut (Vec<u8>, usize), result| {
                let log = result.unwrap();
                mapping.map(&log).write_json(docs);
                docs.push(b'\n');
                *n += 1;
            },
            |(docs, n)| {
                records += *n;
                hand_on(docs)?;
                docs.clear();
                *n = 0;
                Ok(())
            },
        )
        .unwrap();
    records
}

/// [`parallel`] into one `Vec`.
fn parallel_vec(data: &[u8], threads: usize, out: &mut Vec<u8>) -> usize {
    parallel(data, threads, |docs| {
        out.extend_from_slice(docs);
        Ok(())
    })
}

/// [`parallel`] to a writer.
fn parallel_to(data: &[u8], threads: usize, sink: &mut Sink) -> usize {
    parallel(data, threads, |docs| sink.write_all(docs))
}

fn batch(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed).repeat(REPEAT);
    let records = RECORDS * REPEAT;
    let mut expected = Vec::new();
    assert_eq!(sequential(&data, &mut expected), records);
    let mut got = Vec::new();
    assert_eq!(parallel_vec(&data, 2, &mut got), records);
    assert!(got == expected, "the parallel output differs");
    for threads in [0, 2] {
        let mut sink = Sink {
            bytes: 0,
            kept: Some(Vec::new()),
        };
        let n = match threads {
            0 => sequential_to(&data, &mut sink),
            n => parallel_to(&data, n, &mut sink),
        };
        assert_eq!(n, records);
        assert!(
            sink.kept == Some(expected.clone()),
            "the writer's bytes differ"
        );
    }
    let size = expected.len();

    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(ratios::records_and_bytes(records, data.len()));
    let mut out = Vec::with_capacity(size);
    group.bench_function("sequential LogReader → ECS NDJSON", |b| {
        b.iter(|| {
            out.clear();
            assert_eq!(sequential(black_box(&data), &mut out), records);
            assert_eq!(out.len(), size);
        });
    });
    for threads in [1, 2] {
        group.bench_function(format!("batch, {threads} threads → ECS NDJSON"), |b| {
            b.iter(|| {
                out.clear();
                assert_eq!(parallel_vec(black_box(&data), threads, &mut out), records);
                assert_eq!(out.len(), size);
            });
        });
    }
    group.bench_function("sequential LogReader → ECS NDJSON to a writer", |b| {
        b.iter(|| {
            let mut sink = Sink::default();
            assert_eq!(sequential_to(black_box(&data), &mut sink), records);
            assert_eq!(sink.bytes, size);
        });
    });
    group.bench_function("batch, 2 threads → ECS NDJSON to a writer", |b| {
        b.iter(|| {
            let mut sink = Sink::default();
            assert_eq!(parallel_to(black_box(&data), 2, &mut sink), records);
            assert_eq!(sink.bytes, size);
        });
    });
    group.finish();
}

criterion_group!(benches, batch);

fn main() {
    benches();
    ratios::finish(
        "batch",
        &[
            (
                "batch, 2 threads → ECS NDJSON",
                "sequential LogReader → ECS NDJSON",
            ),
            (
                "batch, 2 threads → ECS NDJSON",
                "batch, 1 threads → ECS NDJSON",
            ),
            (
                "batch, 2 threads → ECS NDJSON to a writer",
                "sequential LogReader → ECS NDJSON to a writer",
            ),
        ],
    );
}
