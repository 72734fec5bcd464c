//! Reading a 1 GB input holds memory flat: the reader's heap is bounded by
//! the record limit and one read buffer, whatever the input's size, and a
//! stream of overlong records does not grow it either. With the `rayon`
//! feature, `panlog::batch` converting 1 GiB to ECS NDJSON on two threads
//! holds it flat too: bounded by its chunks in flight, not by the input.
#![allow(unsafe_code)] // the peak-tracking allocator in common/peak.rs, and only it

use std::io::{BufReader, Read};

use panlog::ecs::{EcsMapping, Mapping};
use panlog::reader::LogReader;

#[path = "common/lines.rs"]
mod lines;
#[path = "common/peak.rs"]
mod peak;

/// `total` bytes: `unit` over and over, produced as they are read.
struct Repeat<'u> {
    unit: &'u [u8],
    at: usize,
    left: u64,
}

impl Read for Repeat<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = (self.unit.len() - self.at)
            .min(out.len())
            .min(self.left as usize);
        out[..n].copy_from_slice(&self.unit[self.at..self.at + n]);
        self.at = (self.at + n) % self.unit.len();
        self.left -= n as u64;
        Ok(n)
    }
}

fn measure(unit: &[u8], total: u64, ecs: bool) -> (u64, u64, isize) {
    let input = BufReader::with_capacity(
        64 * 1024,
        Repeat {
            unit,
            at: 0,
            left: total,
        },
    );
    let mut reader = LogReader::new(input);
    let mapping = EcsMapping::new();
    let mut out = Vec::with_capacity(64 * 1024);
    let ((logs, errors), peak) = peak::peak_growth(|| {
        let (mut logs, mut errors) = (0, 0);
        while let Some(log) = reader.next_log() {
            match log {
                Ok(log) => {
                    if ecs {
                        out.clear();
                        serde_json::to_writer(&mut out, &mapping.map(&log)).unwrap();
                    }
                    logs += 1;
                }
                Err(_) => errors += 1,
            }
        }
        (logs, errors)
    });
    (logs, errors, peak)
}

// One test function: the measurements must not overlap.
#[test]
fn a_gigabyte_holds_memory_flat() {
    let mut unit = Vec::new();
    for case in lines::CASES {
        unit.extend_from_slice(b"<14>Mar  5 14:22:07 fw-1 ");
        unit.extend_from_slice(case.line.as_bytes());
        unit.push(b'\n');
    }
    let per_unit = lines::CASES.len() as u64;
    let gigabyte = 1 << 30;
    let units = gigabyte / unit.len() as u64;
    let total = units * unit.len() as u64;
    let (logs, errors, peak) = measure(&unit, total, false);
    assert_eq!((logs, errors), (units * per_unit, 0));
    // The 64 KiB read buffer was allocated before measuring; the framer's
    // buffer and the field spans are what grows, once.
    eprintln!("1 GiB, {logs} logs: peak heap growth {peak} bytes");
    assert!(peak < 256 * 1024, "peak heap over 1 GiB: {peak} bytes");

    // The same with ECS conversion and JSON, over 64 MiB.
    let total = (64 << 20) / unit.len() as u64 * unit.len() as u64;
    let (logs, _, peak) = measure(&unit, total, true);
    assert!(logs > 0);
    eprintln!("64 MiB to ECS JSON, {logs} logs: peak heap growth {peak} bytes");
    assert!(peak < 256 * 1024, "peak heap with ECS: {peak} bytes");

    // 256 MiB of records too long to keep (1 MiB each, no newline inside):
    // skipped as they stream by, never buffered whole.
    let mut long = vec![b'x'; 1 << 20];
    long.push(b'\n');
    let (logs, errors, peak) = measure(&long, 256 << 20, false);
    assert_eq!((logs, errors), (0, 256));
    eprintln!("256 MiB of 1 MiB records: peak heap growth {peak} bytes");
    assert!(
        peak < 256 * 1024,
        "peak heap over overlong records: {peak} bytes"
    );

    #[cfg(feature = "rayon")]
    batch_holds_memory_flat(&unit);
}

/// `panlog::batch`, bytes to ECS NDJSON on two threads, 64 MiB then 1 GiB:
/// the peak heap (every thread counted) is the same, and within what its
/// chunks in flight and their output buffers hold.
#[cfg(feature = "rayon")]
fn batch_holds_memory_flat(unit: &[u8]) {
    use std::io::Write;
    let batch = |total: u64| {
        let input = Repeat {
            unit,
            at: 0,
            left: total / unit.len() as u64 * unit.len() as u64,
        };
        let mapping = EcsMapping::new();
        let mut sink = std::io::sink();
        let mut bytes = 0u64;
        let (records, peak) = peak::peak_growth_all_threads(|| {
            panlog::batch::Batch::new(panlog::Parser::new())
                .threads(2)
                .chunk_bytes(256 * 1024)
                .run(
                    input,
                    |docs: &mut Vec<u8>, result| {
                        let log = result.unwrap();
                        serde_json::to_writer(&mut *docs, &mapping.map(&log)).unwrap();
                        docs.push(b'\n');
                    },
                    |docs| {
                        bytes += docs.len() as u64;
                        sink.write_all(docs)?;
                        docs.clear();
                        Ok(())
                    },
                )
                .unwrap()
        });
        assert!(bytes > 4 * total, "{bytes} bytes of NDJSON for {total}");
        let units = total / unit.len() as u64;
        assert_eq!(records, units * lines::CASES.len() as u64);
        (records, peak)
    };
    let (_, small) = batch(64 << 20);
    let (records, peak) = batch(1 << 30);
    eprintln!(
        "batch to ECS NDJSON: peak heap growth {small} bytes over 64 MiB, {peak} over 1 GiB ({records} records)"
    );
    // At most 3 × threads chunks of 256 KiB in flight, each with its
    // parser and about seven times its bytes of JSON: some 13 MiB.
    assert!(peak < 64 << 20, "batch peak heap over 1 GiB: {peak} bytes");
    assert!(
        peak < small + small / 2 + (1 << 20),
        "batch heap grew with the input: {small} bytes over 64 MiB, {peak} over 1 GiB"
    );
}
