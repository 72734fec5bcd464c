//! Splitting PAN-OS lines into fields: `panlog` against the `csv` crate
//! (`csv_core::Reader::read_record` and `csv::Reader::read_byte_record`, each
//! with reused buffers) and a floor (counting commas with `memchr`).
//!
//! Each timed closure asserts the record and field counts it produced.
//! Run: `cargo bench --bench split`.

use criterion::{Criterion, Throughput, criterion_group};
use std::hint::black_box;

use panlog::csv::{Fields, Splitter};
use panlog::framing::Framer;

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/ratios.rs"]
mod ratios;

const RECORDS: usize = 10_000;

fn split(c: &mut Criterion) {
    let data = corpus::generate(RECORDS, 0x5eed);
    let lines = corpus::lines(&data);
    assert_eq!(lines.len(), RECORDS);

    // Expected counts, computed once outside the timed loops.
    let splitter = Splitter::new();
    let mut fields = Fields::with_capacity(128);
    let panlog_fields: usize = lines
        .iter()
        .map(|l| {
            splitter.split(l, &mut fields);
            fields.len()
        })
        .sum();
    let csv_fields: usize = {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&data[..]);
        let mut rec = csv::ByteRecord::new();
        let mut n = 0;
        while rdr.read_byte_record(&mut rec).unwrap() {
            n += rec.len();
        }
        n
    };
    let commas = memchr::memchr_iter(b',', &data).count();

    let mut group = c.benchmark_group("split");
    group.throughput(Throughput::Bytes(data.len() as u64));

    group.bench_function("panlog split (lines)", |b| {
        let mut fields = Fields::with_capacity(128);
        b.iter(|| {
            let mut records = 0;
            let mut n = 0;
            for line in &lines {
                splitter.split(black_box(line), &mut fields);
                n += fields.len();
                records += 1;
            }
            assert_eq!((records, n), (RECORDS, panlog_fields));
        });
    });

    // The like-for-like peer of the csv readers: record boundaries found
    // too (the framer's quote-aware newline scan), from one whole buffer.
    group.bench_function("panlog framer+split", |b| {
        let mut fields = Fields::with_capacity(128);
        let mut framer = Framer::new();
        b.iter(|| {
            framer.push(black_box(&data));
            framer.finish();
            let (mut records, mut n) = (0, 0);
            while let Some(record) = framer.next_record() {
                splitter.split(record.unwrap().bytes(), &mut fields);
                n += fields.len();
                records += 1;
            }
            assert_eq!((records, n), (RECORDS, panlog_fields));
        });
    });

    group.bench_function("csv_core::read_record", |b| {
        let mut out = vec![0u8; 64 * 1024];
        let mut ends = vec![0usize; 1024];
        b.iter(|| {
            let mut rdr = csv_core::Reader::new();
            let mut input = black_box(&data[..]);
            let (mut records, mut n) = (0, 0);
            loop {
                let (res, nin, _, nend) = rdr.read_record(input, &mut out, &mut ends);
                input = &input[nin..];
                match res {
                    csv_core::ReadRecordResult::Record => {
                        records += 1;
                        n += nend;
                    }
                    csv_core::ReadRecordResult::End => break,
                    csv_core::ReadRecordResult::InputEmpty => {}
                    other => panic!("{other:?}"),
                }
            }
            assert_eq!((records, n), (RECORDS, csv_fields));
        });
    });

    group.bench_function("csv::read_byte_record", |b| {
        let mut rec = csv::ByteRecord::new();
        b.iter(|| {
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(black_box(&data[..]));
            let (mut records, mut n) = (0, 0);
            while rdr.read_byte_record(&mut rec).unwrap() {
                records += 1;
                n += rec.len();
            }
            assert_eq!((records, n), (RECORDS, csv_fields));
        });
    });

    group.bench_function("floor: memchr comma count", |b| {
        b.iter(|| assert_eq!(memchr::memchr_iter(b',', black_box(&data)).count(), commas));
    });
    group.finish();
}

criterion_group!(benches, split);

fn main() {
    benches();
    ratios::finish(
        "split",
        &[
            ("panlog split (lines)", "csv_core::read_record"),
            ("panlog framer+split", "csv_core::read_record"),
            ("panlog framer+split", "csv::read_byte_record"),
        ],
    );
}
