//! `panlog::batch` (feature `rayon`): the same results, in the same order,
//! as the sequential reader, whatever the thread count and chunk size; bad
//! records in their place; a read error after the records before it.

#![cfg(feature = "rayon")]

#[path = "common/shared.rs"]
mod shared;

use std::io::{self, Read};

use panlog::batch::Batch;
use panlog::ecs::{EcsMapping, Mapping};
use panlog::reader::LogReader;
use panlog::{Error, Log, Parser};

/// What a record turns into: its typed fields and its ECS document (without
/// `@timestamp`, which is the time of conversion for a record without a
/// valid time), or its error and position.
fn line(result: Result<Log<'_>, Error>) -> String {
    match result {
        Ok(log) => {
            let mut doc = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
            doc.as_object_mut().unwrap().remove("@timestamp");
            format!("{} {doc}", serde_json::to_string(&log).unwrap())
        }
        Err(e) => format!("error {:?}: {}", e.position(), e.kind()),
    }
}

fn sequential(input: &[u8]) -> Vec<String> {
    let mut reader = LogReader::new(input);
    let mut out = Vec::new();
    while let Some(result) = reader.next_log() {
        out.push(line(result));
    }
    out
}

fn parallel(input: &[u8], threads: usize, chunk: usize) -> Vec<String> {
    let mut out = Vec::new();
    let records = Batch::new(Parser::new())
        .threads(threads)
        .chunk_bytes(chunk)
        .run(
            input,
            |part: &mut Vec<String>, result| part.push(line(result)),
            |part| {
                out.append(part);
                Ok(())
            },
        )
        .unwrap();
    assert_eq!(records as usize, out.len());
    out
}

/// The shipped sample, every real-world CSV file, and bad records between
/// them (a quoted field across lines, a record over the size bound, a
/// missing type, an unterminated last line).
fn input() -> Vec<u8> {
    let mut input = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.log"
    ))
    .unwrap();
    input.extend_from_slice(b"1,x\n\n");
    input.extend_from_slice(&vec![b'a'; 70_000]);
    input.extend_from_slice(b"\n1,2024/03/05 14:22:07,0011,CONFIG,0,0,2024/03/05 14:22:07,10.0.0.1,,edit,admin,,Succeeded,\"a\nb\",1,0x0\n");
    if let Some(dir) = shared::path("corpus/realworld/csv", "batch input") {
        for file in shared::files(&dir) {
            input.extend_from_slice(&std::fs::read(file).unwrap());
            input.push(b'\n');
        }
    }
    input.extend_from_slice(b"1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07");
    input
}

#[test]
fn batch_output_is_the_sequential_output_in_order() {
    let input = input();
    let expected = sequential(&input);
    assert!(expected.len() > 30);
    assert!(expected.iter().any(|l| l.starts_with("error")));
    for threads in [1, 2, 3] {
        for chunk in [1, 700, 64 * 1024, 1 << 20] {
            let got = parallel(&input, threads, chunk);
            assert_eq!(
                got.len(),
                expected.len(),
                "{threads} threads, chunk {chunk}"
            );
            for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
                assert_eq!(g, e, "record {i}, {threads} threads, chunk {chunk}");
            }
        }
    }
}

/// A reader that fails after `ok` bytes.
struct Failing<'a> {
    data: &'a [u8],
    ok: usize,
}

impl Read for Failing<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.ok == 0 {
            return Err(io::Error::other("disk gone"));
        }
        let n = buf.len().min(self.ok).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        self.ok -= n;
        Ok(n)
    }
}

/// Runs `batch` over `input`, every record good, counting them as they are
/// consumed: the run's result and the count.
fn count<R: Read>(batch: Batch, input: R) -> (io::Result<u64>, usize) {
    let mut seen = 0;
    let result = batch.run(
        input,
        |n: &mut usize, result| {
            result.unwrap();
            *n += 1;
        },
        |n| {
            seen += std::mem::take(n);
            Ok(())
        },
    );
    (result, seen)
}

#[test]
fn a_read_error_ends_the_run_after_the_records_before_it() {
    let record = b"1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07\n";
    let data = record.repeat(100);
    let failing = Failing {
        data: &data,
        ok: record.len() * 10,
    };
    let (result, seen) = count(Batch::new(Parser::new()).chunk_bytes(256), failing);
    assert_eq!(result.unwrap_err().to_string(), "disk gone");
    assert_eq!(seen, 10);
}

#[test]
fn an_error_from_consume_stops_the_run() {
    let data = b"1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07\n".repeat(1000);
    let mut calls = 0;
    let err = Batch::new(Parser::new())
        .chunk_bytes(100)
        .threads(2)
        .run(
            &data[..],
            |_: &mut (), _| {},
            |_| {
                calls += 1;
                Err(io::Error::other("pipe closed"))
            },
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "pipe closed");
    assert_eq!(calls, 1);
}

/// Runs `f` on its own thread and fails (instead of hanging the suite) if it
/// has not finished within a minute.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(f()).unwrap());
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("the batch hung")
}

#[test]
fn a_panic_in_per_record_reaches_the_caller() {
    let outcome = within_a_minute(|| {
        let data = b"1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07\n".repeat(500);
        std::panic::catch_unwind(move || {
            let mut seen = 0;
            let _ = Batch::new(Parser::new()).chunk_bytes(200).threads(2).run(
                &data[..],
                |n: &mut usize, _| {
                    *n += 1;
                    assert!(*n < 3, "a caller's bug");
                },
                |n| {
                    seen += *n;
                    Ok(())
                },
            );
        })
        .is_err()
    });
    assert!(outcome, "the panic was swallowed");
}

#[test]
fn a_caller_inside_a_one_thread_pool_does_not_deadlock() {
    let records = within_a_minute(|| {
        let data = b"1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07\n".repeat(500);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        // `threads(0)` runs on the current pool: the caller's own, whose
        // only thread is the caller.
        pool.install(|| {
            let (result, seen) = count(Batch::new(Parser::new()).chunk_bytes(200), &data[..]);
            result.unwrap();
            seen
        })
    });
    assert_eq!(records, 500);
}
