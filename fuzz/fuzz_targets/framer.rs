//! The same bytes pushed whole and in fuzz-chosen chunks must give the same
//! records and errors, and the framer's memory must stay bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::framing::{Framer, FramerConfig};

#[derive(Debug, PartialEq)]
enum Out {
    Rec(Vec<u8>, panlog::Position, bool),
    Err(String, panlog::Position),
}

fn run(config: FramerConfig, input: &[u8], sizes: &[u8]) -> Vec<Out> {
    let mut framer = Framer::with_config(config);
    let mut out = Vec::new();
    let mut rest = input;
    let mut sizes = sizes.iter().cycle();
    let drain = |framer: &mut Framer, out: &mut Vec<Out>| {
        while let Some(r) = framer.next_record() {
            out.push(match r {
                Ok(r) => Out::Rec(r.bytes().to_vec(), r.position(), r.is_octet_counted()),
                Err(e) => Out::Err(format!("{:?}", e.kind()), e.position()),
            });
        }
    };
    while !rest.is_empty() {
        let n = sizes
            .next()
            .map_or(rest.len(), |&s| usize::from(s).max(1))
            .min(rest.len());
        framer.push(&rest[..n]);
        rest = &rest[n..];
        drain(&mut framer, &mut out);
        assert!(framer.buffered() <= config.record_limit() + 64);
    }
    framer.finish();
    drain(&mut framer, &mut out);
    assert!(framer.is_done());
    out
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let max = usize::from(data[0]).max(1);
    let octets = data[1] & 1 == 1;
    let n_sizes = usize::from(data[2] % 16).min(data.len() - 3);
    let (sizes, input) = data[3..].split_at(n_sizes);
    let config = FramerConfig::new()
        .max_record_len(max)
        .octet_counting(octets);
    let whole = run(config, input, &[]);
    let chunked = run(config, input, sizes);
    assert_eq!(whole, chunked);
    for (i, o) in whole.iter().enumerate() {
        let (Out::Rec(_, p, _) | Out::Err(_, p)) = o;
        assert_eq!(p.record, i as u64 + 1);
    }
});
