//! Differential against the `csv` crate on RFC 4180 input: the fuzzer's
//! bytes are read as a list of fields, written as one RFC 4180 record, and
//! both readers must give those fields back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::csv::{Fields, Splitter};

fuzz_target!(|data: &[u8]| {
    // Fields are separated by 0xFF in the fuzz input (a byte the record
    // never needs); braces are not RFC 4180, so the splitter's are off.
    let fields: Vec<&[u8]> = data.split(|&b| b == 0xFF).collect();
    let mut line = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(b',');
        }
        if f.is_empty() || f.iter().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
            line.push(b'"');
            for &b in *f {
                if b == b'"' {
                    line.push(b'"');
                }
                line.push(b);
            }
            line.push(b'"');
        } else {
            line.extend_from_slice(f);
        }
    }
    let mut spans = Fields::new();
    let flags = Splitter::new().braces(false).split(&line, &mut spans);
    assert!(flags.is_clean(), "{flags:?}");
    let ours: Vec<Vec<u8>> = spans
        .iter(&line)
        .map(|f| f.unescaped().into_owned())
        .collect();
    let want: Vec<Vec<u8>> = fields.iter().map(|f| f.to_vec()).collect();
    assert_eq!(ours, want);

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&line[..]);
    let mut record = csv::ByteRecord::new();
    assert!(reader.read_byte_record(&mut record).unwrap());
    let theirs: Vec<Vec<u8>> = record.iter().map(<[u8]>::to_vec).collect();
    assert_eq!(ours, theirs);
});
