//! The zero-allocation claim, checked with a counting global allocator:
//! once warmed up, framing, header parsing, splitting, and parsing into a
//! `Log` with its typed getters allocate nothing per record.
//!
//! A global allocator cannot be written without `unsafe`; this test file is
//! the one place the crate allows it, and it only forwards to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use panlog::csv::{Fields, Splitter};
use panlog::reader::LogReader;
use panlog::syslog::SyslogHeader;

#[path = "common/lines.rs"]
mod lines;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Only the test's own thread is counted: the harness's threads may
    /// allocate at any time (printing, timing) and must not make the count
    /// flaky.
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

fn count() {
    if COUNTED.with(Cell::get) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

// SAFETY: forwards every call to the system allocator unchanged; it only
// counts allocations on the way.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: the caller's contract for `realloc` is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.load(Ordering::Relaxed)
}

fn sample() -> Vec<u8> {
    let data = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.log"
    ))
    .unwrap();
    // Add the shapes the sample lacks: a quoted newline, an escaped quote,
    // an octet-counted frame.
    let mut data = data;
    data.extend_from_slice(
        b"1,2024/03/05 14:22:07,0128,CONFIG,0,2561,x,\"two\nlines, \"\"quoted\"\"\",y\n",
    );
    data.extend_from_slice(b"22 <14>1 - - - - - - 1,x\n");
    data
}

// One test function, so no other test thread allocates while counting.
#[test]
fn no_allocation_per_record_once_warm() {
    COUNTED.with(|c| c.set(true));
    framing_and_split();
    parse_and_typed_getters();
    ecs_to_json();
    keyed_shapes_to_json();
    #[cfg(feature = "rayon")]
    batch_to_json();
}

/// `panlog::batch` on two threads, bytes to ECS NDJSON: what a run
/// allocates grows with its chunks (the chunks' buffers and parsers,
/// rayon's and the channel's hand-over), not with its records. The workers are
/// counted too (the global pool marks its threads).
#[cfg(feature = "rayon")]
fn batch_to_json() {
    use panlog::batch::Batch;
    use panlog::ecs::{EcsMapping, Mapping};
    rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .start_handler(|_| COUNTED.with(|c| c.set(true)))
        .build_global()
        .unwrap();
    let mapping = EcsMapping::new();
    let run = |data: &[u8]| -> (usize, usize) {
        let before = allocations();
        let mut records = 0;
        let mut bytes = 0;
        Batch::new(panlog::Parser::new())
            .chunk_bytes(64 * 1024)
            .run(
                data,
                |(docs, n): &mut (Vec<u8>, usize), result| {
                    if let Ok(log) = result {
                        serde_json::to_writer(&mut *docs, &mapping.map(&log)).unwrap();
                        docs.push(b'\n');
                    }
                    *n += 1;
                },
                |(docs, n)| {
                    records += std::mem::take(n);
                    bytes += docs.len();
                    docs.clear();
                    Ok(())
                },
            )
            .unwrap();
        assert!(bytes > 0);
        (records, allocations() - before)
    };
    // The shipped records, all good: a bad record's `Error` is one box.
    let shipped = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.log"
    ))
    .unwrap();
    let small = shipped.repeat(100);
    let large = shipped.repeat(400);
    let (few, allocs_few) = run(&small);
    let (many, allocs_many) = run(&large);
    assert_eq!(many, 4 * few);
    let per_record = (allocs_many - allocs_few.min(allocs_many)) as f64 / (many - few) as f64;
    assert!(
        per_record < 0.05,
        "{allocs_few} allocations for {few} records, {allocs_many} for {many}: {per_record:.3} per record"
    );
}

/// CEF, LEEF, JSON and key=value records (the shipped sample's) laid out,
/// read and written as ECS JSON: no allocation per record either.
fn keyed_shapes_to_json() {
    use panlog::ecs::{EcsMapping, Mapping};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.log"
    ))
    .unwrap();
    let keyed: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.contains("CEF:")
                || l.contains("LEEF:")
                || l.starts_with('{')
                || l.contains(" type=TRAFFIC,")
        })
        .collect();
    assert_eq!(keyed.len(), 8);
    let mut parser = panlog::Parser::new();
    let mut out = Vec::with_capacity(64 * 1024);
    let mut after_warmup = None;
    let rounds = 200;
    for round in 0..rounds {
        for line in &keyed {
            // The octet-counted frame's count is the framer's, not the parser's.
            let line = match line.split_once(" <") {
                Some((count, rest)) if count.bytes().all(|b| b.is_ascii_digit()) => {
                    &line[count.len() + 1..][..rest.len() + 1]
                }
                _ => line,
            };
            let log = parser.parse(line.as_bytes()).unwrap();
            out.clear();
            serde_json::to_writer(&mut out, &EcsMapping::new().map(&log)).unwrap();
            serde_json::to_writer(&mut out, &log).unwrap();
            panlog::mapping::WriteJson::write_json(&EcsMapping::new().map(&log), &mut out);
        }
        if round == 2 {
            after_warmup = Some(allocations());
        }
    }
    let during = allocations() - after_warmup.unwrap();
    assert_eq!(
        during,
        0,
        "{during} allocations over {} keyed records after warm-up",
        (rounds - 3) * keyed.len()
    );
}

/// Every layout of every log type converted by the three mappings (ECS,
/// seed, OCSF) and written as JSON into one reused buffer (ECS also by the
/// crate's own writer): nothing allocates beyond that buffer.
fn ecs_to_json() {
    use panlog::ecs::{EcsMapping, Mapping, SeedMapping};
    use panlog::mapping::WriteJson;
    use panlog::ocsf::OcsfMapping;
    let mut one = Vec::new();
    for case in lines::CASES {
        one.extend_from_slice(b"<14>Mar  5 14:22:07 fw-1 ");
        one.extend_from_slice(case.line.as_bytes());
        one.push(b'\n');
    }
    let rounds = 50;
    let input = one.repeat(rounds);
    // Times read in zones with daylight saving, one per device: the zone
    // lookup and the DST resolution allocate nothing either.
    let map = if cfg!(feature = "tz") {
        "default Europe/Berlin\n012801096514 America/New_York\nfw-1 +09:30\n"
    } else {
        "default +01:00\n012801096514 -05:00\nfw-1 +09:30\n"
    };
    let zones = panlog::zone::Zones::parse(map).unwrap();
    let mut reader = LogReader::new(std::io::BufReader::with_capacity(8 * 1024, &input[..]))
        .with_parser(panlog::Parser::new().zones(zones));
    let mut out = Vec::with_capacity(64 * 1024);
    let (mut logs, mut bytes) = (0, 0);
    let mut after_warmup = None;
    while let Some(log) = reader.next_log() {
        let log = log.unwrap();
        out.clear();
        serde_json::to_writer(&mut out, &EcsMapping::new().map(&log)).unwrap();
        out.push(b'\n');
        serde_json::to_writer(&mut out, &SeedMapping.map(&log)).unwrap();
        out.push(b'\n');
        serde_json::to_writer(&mut out, &OcsfMapping::new().map(&log)).unwrap();
        out.push(b'\n');
        EcsMapping::new().map(&log).write_json(&mut out);
        bytes += out.len();
        logs += 1;
        // Past the first few 64 KiB reads, which size the framer's buffer.
        if logs == 8 * lines::CASES.len() {
            after_warmup = Some(allocations());
        }
    }
    let during = allocations() - after_warmup.unwrap();
    assert_eq!(logs, lines::CASES.len() * rounds);
    assert!(bytes > 3000 * logs, "{bytes} bytes of JSON");
    assert_eq!(
        during,
        0,
        "{during} allocations over {} documents after warm-up",
        logs - 8 * lines::CASES.len()
    );
}

/// Every layout of every log type through `LogReader::next_log`, reading
/// every column as its typed value.
fn parse_and_typed_getters() {
    let mut one = Vec::new();
    for case in lines::CASES {
        one.extend_from_slice(b"<14>Mar  5 14:22:07 fw-1 ");
        one.extend_from_slice(case.line.as_bytes());
        one.push(b'\n');
    }
    let rounds = 100;
    let input = one.repeat(rounds);
    let mut reader = LogReader::new(std::io::BufReader::with_capacity(8 * 1024, &input[..]));
    let (mut logs, mut values) = (0, 0);
    let mut after_warmup = None;
    while let Some(log) = reader.next_log() {
        let log = log.unwrap();
        std::hint::black_box((
            log.ip("src").unwrap(),
            log.port("dport").unwrap(),
            log.receive_time().unwrap(),
        ));
        std::hint::black_box((
            log.session_flags().unwrap(),
            log.action().unwrap(),
            log.threat_id().unwrap(),
        ));
        for (i, (_, field)) in log.iter().enumerate() {
            // Only a field with `""` in it is unescaped into a new string.
            if !field.flags().contains(panlog::csv::Flags::ESCAPED) {
                values += usize::from(std::hint::black_box(log.value_at(i)).is_some());
            }
        }
        logs += 1;
        // Past the first few 64 KiB reads, which size the framer's buffer.
        if logs == 8 * lines::CASES.len() {
            after_warmup = Some(allocations());
        }
    }
    let warm = after_warmup.unwrap();
    let during = allocations() - warm;
    assert_eq!(logs, lines::CASES.len() * rounds);
    assert!(values > 1500 * rounds, "{values} values read");
    assert_eq!(
        during,
        0,
        "{during} allocations over {} logs after warm-up",
        logs - 8 * lines::CASES.len()
    );
}

fn framing_and_split() {
    const WARMUP: usize = 400;
    let one = sample();
    let rounds = 200;
    let input = one.repeat(rounds);
    let mut reader = LogReader::new(std::io::BufReader::with_capacity(8 * 1024, &input[..]));
    let splitter = Splitter::new();
    let mut fields = Fields::new();
    let mut records = 0;
    let mut field_count = 0;
    let mut after_warmup = None;
    while let Some(record) = reader.next_record() {
        let record = record.unwrap();
        let (header, body) = SyslogHeader::parse(record.bytes());
        std::hint::black_box(header);
        splitter.split(body, &mut fields);
        field_count += fields.len();
        for field in fields.iter(body) {
            // Reading borrows: only a field with `""` would allocate.
            if !field.flags().contains(panlog::csv::Flags::ESCAPED) {
                std::hint::black_box(field.unescaped());
            }
        }
        records += 1;
        // Past the first few 64 KiB reads, which size the framer's buffer.
        if records == WARMUP {
            after_warmup = Some(allocations());
        }
    }
    let warm = after_warmup.unwrap();
    assert!(
        warm > 0,
        "the counting allocator must see the warm-up's buffers"
    );
    let during = allocations() - warm;
    assert_eq!(records, 39 * rounds); // the 37 sample records and the 2 added above
    assert!(field_count > 400 * rounds);
    assert_eq!(
        during,
        0,
        "{during} allocations over {} records after warm-up",
        records - WARMUP
    );
}
