//! The main job on every core: bytes → full ECS NDJSON (`event.original`
//! on, written with `WriteJson` as the converter writes it), sequentially with a `LogReader` and with `panlog::batch` on 2
//! threads, over the same 100,000-record corpus. Each timed closure asserts
//! its record count and output size; the output bytes of both are checked
//! equal before timing.
//!
//! ```sh
//! cargo bench --bench batch --features rayon -- --warm-up-time 2 --measurement-time 10
//! ```

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/ratios.rs"]
mod ratios;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
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

fn parallel(data: &[u8], threads: usize, out: &mut Vec<u8>) -> usize {
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
                out.extend_from_slice(docs);
                docs.clear();
                *n = 0;
                Ok(())
            },
        )
        .unwrap();
    records
}

fn batch(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed).repeat(REPEAT);
    let records = RECORDS * REPEAT;
    let mut expected = Vec::new();
    assert_eq!(sequential(&data, &mut expected), records);
    let mut got = Vec::new();
    assert_eq!(parallel(&data, 2, &mut got), records);
    assert!(got == expected, "the parallel output differs");
    let size = expected.len();

    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(data.len() as u64));
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
                assert_eq!(parallel(black_box(&data), threads, &mut out), records);
                assert_eq!(out.len(), size);
            });
        });
    }
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
        ],
    );
}
