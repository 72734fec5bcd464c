//! The framer: every case runs through every path (one push, every chunk
//! size, `LogReader` with several buffer sizes) and must give the same
//! records and errors, with positions.

use std::io::BufReader;

use panlog::framing::{Framer, FramerConfig};
use panlog::reader::LogReader;
use panlog::{Error, Position};
use proptest::prelude::*;

/// One thing a framer hands out: a record's bytes or an error's kind (its
/// Debug text), with the position.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Out {
    Rec(Vec<u8>, Position, bool),
    Err(String, Position),
}

fn out(result: Result<panlog::framing::Record<'_>, Error>) -> Out {
    match result {
        Ok(r) => Out::Rec(r.bytes().to_vec(), r.position(), r.is_octet_counted()),
        Err(e) => Out::Err(format!("{:?}", e.kind()), e.position()),
    }
}

fn drain(framer: &mut Framer, into: &mut Vec<Out>) {
    while let Some(r) = framer.next_record() {
        into.push(out(r));
    }
}

fn chunked(config: FramerConfig, input: &[u8], sizes: &mut dyn Iterator<Item = usize>) -> Vec<Out> {
    let mut framer = Framer::with_config(config);
    let mut got = Vec::new();
    let mut rest = input;
    while !rest.is_empty() {
        let n = sizes.next().unwrap_or(rest.len()).clamp(1, rest.len());
        framer.push(&rest[..n]);
        rest = &rest[n..];
        drain(&mut framer, &mut got);
        // Memory stays bounded by the limit, plus lookahead after a quoted
        // newline (48 bytes) or an octet-count prefix.
        assert!(
            framer.buffered() <= config.record_limit() + 48,
            "framer holds {} bytes",
            framer.buffered()
        );
    }
    framer.finish();
    drain(&mut framer, &mut got);
    assert!(framer.is_done());
    got
}

fn whole(config: FramerConfig, input: &[u8]) -> Vec<Out> {
    chunked(config, input, &mut std::iter::empty())
}

fn through_reader(config: FramerConfig, input: &[u8], capacity: usize) -> Vec<Out> {
    let mut reader = LogReader::with_config(BufReader::with_capacity(capacity, input), config);
    let mut got = Vec::new();
    while let Some(r) = reader.next_record() {
        got.push(out(r));
    }
    got
}

/// Checks `input` gives `want` through every path.
fn check(config: FramerConfig, input: &[u8], want: &[Out]) {
    assert_eq!(whole(config, input), want, "whole input");
    for size in 1..=input.len() {
        assert_eq!(
            chunked(config, input, &mut std::iter::repeat(size)),
            want,
            "chunks of {size}"
        );
    }
    for capacity in [1, 2, 7, 64, 8192] {
        assert_eq!(
            through_reader(config, input, capacity),
            want,
            "LogReader, capacity {capacity}"
        );
    }
}

fn pos(record: u64, line: u64, byte: u64) -> Position {
    Position {
        record,
        line,
        byte,
        field: None,
    }
}

fn rec(bytes: &[u8], record: u64, line: u64, byte: u64) -> Out {
    Out::Rec(bytes.to_vec(), pos(record, line, byte), false)
}

fn octet(bytes: &[u8], record: u64, line: u64, byte: u64) -> Out {
    Out::Rec(bytes.to_vec(), pos(record, line, byte), true)
}

fn err(kind: &str, record: u64, line: u64, byte: u64) -> Out {
    Out::Err(kind.to_string(), pos(record, line, byte))
}

macro_rules! case {
    ($name:ident, $input:expr, [$($want:expr),* $(,)?]) => {
        case!($name, FramerConfig::new(), $input, [$($want),*]);
    };
    ($name:ident, $config:expr, $input:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            check($config, $input, &[$($want),*]);
        }
    };
}

case!(empty_input, b"", []);
case!(only_newlines, b"\n\r\n\n", []);
case!(
    lf_lines,
    b"a\nbc\n",
    [rec(b"a", 1, 1, 0), rec(b"bc", 2, 2, 2)]
);
case!(
    crlf_lines,
    b"a\r\nbc\r\n",
    [rec(b"a", 1, 1, 0), rec(b"bc", 2, 2, 3)]
);
case!(
    no_final_newline,
    b"a\nlast",
    [rec(b"a", 1, 1, 0), rec(b"last", 2, 2, 2)]
);
case!(final_cr_only, b"a\r", [rec(b"a", 1, 1, 0)]);
case!(
    empty_lines_are_skipped,
    b"\n\na\n\n\nb\n",
    [rec(b"a", 1, 3, 2), rec(b"b", 2, 6, 6)]
);
case!(
    cr_without_lf_is_a_byte,
    b"a\rb\nc",
    [rec(b"a\rb", 1, 1, 0), rec(b"c", 2, 2, 4)]
);
case!(
    nul_bytes_are_bytes,
    b"a\0b\n\0\n",
    [rec(b"a\0b", 1, 1, 0), rec(b"\0", 2, 2, 4)]
);
case!(
    quoted_newline_continues,
    b"1,\"two\nlines\",x\nnext\n",
    [rec(b"1,\"two\nlines\",x", 1, 1, 0), rec(b"next", 2, 3, 16)]
);
case!(
    quoted_crlf_continues,
    b"1,\"a\r\nb\"\r\nnext",
    [rec(b"1,\"a\r\nb\"", 1, 1, 0), rec(b"next", 2, 3, 10)]
);
case!(
    escaped_quotes_do_not_close,
    b"1,\"say \"\"\nhi\"\"\",x\nnext\n",
    [
        rec(b"1,\"say \"\"\nhi\"\"\",x", 1, 1, 0),
        rec(b"next", 2, 3, 18)
    ]
);
case!(
    mid_field_quote_does_not_open,
    b"1,ab\"c\nnext\"\n",
    [rec(b"1,ab\"c", 1, 1, 0), rec(b"next\"", 2, 2, 7)]
);
case!(
    unterminated_quote_stops_at_next_record,
    b"1,2020/01/01 00:00:00,x,\"unterminated\n1,2020/01/01 00:00:01,y\n<14>Sep 16 10:00:02 fw 1,2\n",
    [
        rec(b"1,2020/01/01 00:00:00,x,\"unterminated", 1, 1, 0),
        rec(b"1,2020/01/01 00:00:01,y", 2, 2, 38),
        rec(b"<14>Sep 16 10:00:02 fw 1,2", 3, 3, 62),
    ]
);
case!(
    unterminated_quote_stops_at_a_forwarder_csv_record,
    b"2024-03-05T14:22:07.000000Z,0011,THREAT,url,\"unterminated\n2024-03-05T14:22:08.000000Z,0011,THREAT,url,x\n",
    [
        rec(b"2024-03-05T14:22:07.000000Z,0011,THREAT,url,\"unterminated", 1, 1, 0),
        rec(b"2024-03-05T14:22:08.000000Z,0011,THREAT,url,x", 2, 2, 58),
    ]
);
case!(
    unterminated_quote_at_end_of_input,
    b"a\n1,\"never closed\nstill in it",
    [
        rec(b"a", 1, 1, 0),
        rec(b"1,\"never closed\nstill in it", 2, 2, 2)
    ]
);
case!(
    quoted_newlines_off,
    FramerConfig::new().quoted_newlines(false),
    b"1,\"a\nb\"\n",
    [rec(b"1,\"a", 1, 1, 0), rec(b"b\"", 2, 2, 5)]
);
case!(
    octet_counted_back_to_back,
    b"9 <14>1,a,b10 <14>1,c,de",
    [octet(b"<14>1,a,b", 1, 1, 0), octet(b"<14>1,c,de", 2, 1, 11)]
);
case!(
    octet_counted_with_newlines,
    b"10 <14>1,a,b\n11 <14>1,\"c\nd\"\n",
    [
        octet(b"<14>1,a,b", 1, 1, 0),
        octet(b"<14>1,\"c\nd\"", 2, 2, 13)
    ]
);
case!(
    octet_counted_off,
    FramerConfig::new().octet_counting(false),
    b"9 <14>1,a,b\n",
    [rec(b"9 <14>1,a,b", 1, 1, 0)]
);
case!(
    digits_space_without_pri_is_a_line,
    b"12 abc\n",
    [rec(b"12 abc", 1, 1, 0)]
);
case!(
    octet_frame_truncated,
    b"4 <14>\n30 <14>1,short",
    [
        octet(b"<14>", 1, 1, 0),
        err("TruncatedFrame { expected: 30, got: 11 }", 2, 2, 7)
    ]
);
case!(
    octet_frame_too_long_is_skipped_by_count,
    FramerConfig::new().max_record_len(8),
    b"20 <14>1,a,\nb,c,d,e,f,g5 <14>1",
    [
        err("RecordTooLong { limit: 8, length: 20 }", 1, 1, 0),
        octet(b"<14>1", 2, 2, 23)
    ]
);
case!(
    record_too_long_resyncs,
    FramerConfig::new().max_record_len(8),
    b"ok\nthis one is too long\nfine\n",
    [
        rec(b"ok", 1, 1, 0),
        err("RecordTooLong { limit: 8, length: 20 }", 2, 2, 3),
        rec(b"fine", 3, 3, 24)
    ]
);
case!(
    record_of_exactly_the_limit,
    FramerConfig::new().max_record_len(4),
    b"abcd\nabc\r\nabcd\r\n",
    [
        rec(b"abcd", 1, 1, 0),
        rec(b"abc", 2, 2, 5),
        err("RecordTooLong { limit: 4, length: 5 }", 3, 3, 10)
    ]
);
case!(
    too_long_quoted_record_resyncs_at_raw_newline,
    FramerConfig::new().max_record_len(6),
    b"1,\"abcdef\nxyz\",q\nok\n",
    [
        err("RecordTooLong { limit: 6, length: 9 }", 1, 1, 0),
        rec(b"xyz\",q", 2, 2, 10),
        rec(b"ok", 3, 3, 17)
    ]
);
case!(
    too_long_at_end_of_input,
    FramerConfig::new().max_record_len(3),
    b"a\nabcdef",
    [
        rec(b"a", 1, 1, 0),
        err("RecordTooLong { limit: 3, length: 6 }", 2, 2, 2)
    ]
);

#[test]
fn error_display_names_the_place() {
    let mut framer = Framer::with_config(FramerConfig::new().max_record_len(4));
    framer.push(b"ok\ntoo long\n");
    framer.next_record();
    let e = framer.next_record().unwrap().unwrap_err();
    assert_eq!(
        e.to_string(),
        "record 2 (line 2, byte 3): record longer than the maximum of 4 bytes: skipped (8 bytes seen)"
    );
}

#[test]
fn io_error_ends_the_stream() {
    struct Failing(bool);
    impl std::io::Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 {
                return Err(std::io::Error::other("disk gone"));
            }
            self.0 = true;
            buf[..4].copy_from_slice(b"a\nb,");
            Ok(4)
        }
    }
    let mut reader = LogReader::new(BufReader::new(Failing(false)));
    assert_eq!(reader.next_record().unwrap().unwrap().bytes(), b"a");
    let e = reader.next_record().unwrap().unwrap_err();
    assert!(e.is_io());
    assert_eq!(e.position(), pos(2, 2, 4));
    assert!(reader.next_record().is_none());
}

#[test]
fn a_reader_that_claims_too_much_is_not_trusted() {
    // A broken `Read` that fills its buffer with records and reports more
    // than it was given: the reader takes what the buffer holds, no panic.
    /// Whether it has been read, and how many bytes it was given.
    struct Boasting(bool, usize);
    impl std::io::Read for Boasting {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if std::mem::replace(&mut self.0, true) {
                return Ok(0);
            }
            self.1 = buf.len() - buf.len() % 4;
            for (i, b) in buf.iter_mut().enumerate() {
                *b = if i % 4 == 3 { b'\n' } else { b'x' };
            }
            Ok(buf.len() + 100)
        }
    }
    let mut reader = LogReader::new(Boasting(false, 0));
    let mut records = 0;
    while let Some(record) = reader.next_record() {
        let record = record.unwrap();
        // The buffer's last bytes, if it does not end on a newline.
        if record.bytes() != b"xxx" {
            assert!(record.bytes().iter().all(|&b| b == b'x'));
        }
        records += 1;
    }
    let given = reader.get_ref().1;
    assert!(given > 0);
    assert!(records >= given / 4);
}

#[test]
fn overlong_input_never_buffers_whole() {
    // 4 MiB without a newline, in 64 KiB pushes: the framer holds at most
    // the limit plus one chunk, and reports one error.
    let mut framer = Framer::with_config(FramerConfig::new().max_record_len(1024));
    let chunk = vec![b'x'; 64 * 1024];
    let mut errors = 0;
    for _ in 0..64 {
        framer.push(&chunk);
        while let Some(r) = framer.next_record() {
            assert!(r.is_err());
            errors += 1;
        }
        assert!(framer.buffered() <= 1024);
    }
    framer.push(b"\nnext\n");
    let mut got = Vec::new();
    drain(&mut framer, &mut got);
    assert_eq!(errors, 0, "the error comes once the record's end is seen");
    assert_eq!(
        got,
        [
            err("RecordTooLong { limit: 1024, length: 4194304 }", 1, 1, 0),
            rec(b"next", 2, 2, 4194305)
        ]
    );
}

fn stream_bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        6 => b'a'..=b'c',
        3 => Just(b','),
        3 => Just(b'"'),
        3 => Just(b'\n'),
        1 => Just(b'\r'),
        1 => Just(b' '),
        1 => Just(b'<'),
        1 => Just(b'>'),
        2 => b'0'..=b'9',
        1 => Just(b'/'),
    ];
    prop::collection::vec(byte, 0..400)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn any_chunking_gives_the_same_records(
        input in stream_bytes(),
        sizes in prop::collection::vec(1usize..40, 1..50),
        max in 1usize..40,
        octets in any::<bool>(),
    ) {
        let config = FramerConfig::new().max_record_len(max).octet_counting(octets);
        let want = whole(config, &input);
        let got = chunked(config, &input, &mut sizes.iter().copied().cycle());
        prop_assert_eq!(&got, &want);
        // Records and errors are numbered 1..=n with no gap.
        for (i, o) in want.iter().enumerate() {
            let p = match o { Out::Rec(_, p, _) | Out::Err(_, p) => p };
            prop_assert_eq!(p.record, i as u64 + 1);
        }
    }

    #[test]
    fn plain_lines_come_back(lines in prop::collection::vec("[a-z0-9 ,]{1,30}", 0..30)) {
        let mut input = Vec::new();
        for line in &lines {
            input.extend_from_slice(line.as_bytes());
            input.push(b'\n');
        }
        let got: Vec<Vec<u8>> = whole(FramerConfig::new().octet_counting(false), &input).into_iter().map(|o| match o {
            Out::Rec(b, ..) => b,
            Out::Err(e, _) => panic!("{e}"),
        }).collect();
        let want: Vec<Vec<u8>> = lines.iter().map(|l| l.as_bytes().to_vec()).collect();
        prop_assert_eq!(got, want);
    }
}

// Octet counts that do not match their frames: one error, then the next
// record, under any chunking (checked by `check`).
case!(
    octet_count_too_large_stops_at_the_next_frame,
    b"30 <14>1 - - - - - - 1,a11 <14>1 - 1,b",
    [
        err("BadOctetCount { announced: 30 }", 1, 1, 0),
        octet(b"<14>1 - 1,b", 2, 1, 24)
    ]
);
case!(
    octet_count_too_large_stops_at_the_next_line,
    b"40 <14>1 - - - - - - 1,a\n1,2024/03/05 14:22:07,s,X\n",
    [
        err("BadOctetCount { announced: 40 }", 1, 1, 0),
        rec(b"1,2024/03/05 14:22:07,s,X", 2, 2, 25)
    ]
);
case!(
    octet_count_too_small_drops_the_rest_of_its_message,
    b"10 <14>1 - - - - - - 1,a,b,c11 <14>1 - 1,b\n",
    [
        err("BadOctetCount { announced: 10 }", 1, 1, 0),
        octet(b"<14>1 - 1,b", 2, 1, 28)
    ]
);
case!(
    octet_count_too_small_then_newline,
    b"10 <14>1 - - - - - - 1,a,b,c\n2,2024/03/05 14:22:07,s,X",
    [
        err("BadOctetCount { announced: 10 }", 1, 1, 0),
        rec(b"2,2024/03/05 14:22:07,s,X", 2, 2, 29)
    ]
);
// Regression (CI fuzz, framer): a PRI-less frame is told by its body's
// start (`1,2024/`), which may arrive in pieces. Judged on the first bytes
// after the count, chunked input read the frame as a plain line.
case!(
    pri_less_octet_count_is_judged_on_the_whole_body_start,
    b"25 1,2024/03/05 14:22:07,s,X26 1,2024/03/05 14:22:08,s,YZ\n",
    [
        octet(b"1,2024/03/05 14:22:07,s,X", 1, 1, 0),
        octet(b"1,2024/03/05 14:22:08,s,YZ", 2, 1, 28)
    ]
);
case!(
    pri_less_octet_count_too_long_under_any_chunking,
    FramerConfig::new().max_record_len(16),
    b"255555555 55551,2020/01o01 00:0 - - 1,x\n1,2",
    [err(
        "RecordTooLong { limit: 16, length: 255555555 }",
        1,
        1,
        0
    )]
);
case!(
    octet_frames_back_to_back,
    b"7 <14>1,a8 <14>1,bc",
    [octet(b"<14>1,a", 1, 1, 0), octet(b"<14>1,bc", 2, 1, 9)]
);
case!(
    bare_cr_before_a_record_ends_a_record,
    b"1,2024/03/05 14:22:07,s,A\r1,2024/03/05 14:22:08,s,B",
    [
        rec(b"1,2024/03/05 14:22:07,s,A", 1, 1, 0),
        rec(b"1,2024/03/05 14:22:08,s,B", 2, 2, 26)
    ]
);
case!(
    bare_cr_inside_a_record_is_content,
    b"a\rb\n",
    [rec(b"a\rb", 1, 1, 0)]
);

/// Regression (fuzz, framer): after a too-small octet count the framer
/// dropped the rest of the message but kept up to a whole record limit of it
/// buffered. It must hold no more than the limit plus 64 bytes.
#[test]
fn resync_after_a_bad_octet_count_keeps_memory_bounded() {
    let mut framer = Framer::with_config(FramerConfig::new().max_record_len(64));
    framer.push(b"10 <14>1 - - - - - - 1,a,b,c");
    for _ in 0..1000 {
        framer.push(b"no record starts in these bytes ");
        let mut got = Vec::new();
        drain(&mut framer, &mut got);
        assert!(framer.buffered() <= 64 + 64, "{}", framer.buffered());
    }
    let artifact: &[u8] = b"\x97\x01\x02\x01\x0323 <1->1 -!- - - -\x1c- 1,x\n1,\"a\nb\",c\n1,\"untebmina\"ted\n122 <\xb9\x00\x00\x02\x00\x00\x00\x0014>1 - ,\n<";
    for size in 1..8 {
        let mut framer = Framer::with_config(FramerConfig::new().max_record_len(0x97));
        for chunk in artifact.chunks(size) {
            framer.push(chunk);
            while framer.next_record().is_some() {}
            assert!(framer.buffered() <= 0x97 + 64);
        }
    }
}
