//! Arbitrary bytes through the splitter and the byte-loop oracle: they must
//! agree on every span and flag, and every field must read (unescape).
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::csv::{Fields, Splitter};

#[path = "../../tests/common/oracle.rs"]
mod oracle;

fuzz_target!(|data: &[u8]| {
    let Some((&options, line)) = data.split_first() else {
        return;
    };
    let braces = options & 1 == 1;
    let mut fields = Fields::new();
    let flags = Splitter::new().braces(braces).split(line, &mut fields);
    let (want, want_flags) = oracle::split(line, braces);
    let got: Vec<(usize, usize, u8)> = fields
        .spans()
        .iter()
        .map(|s| (s.start(), s.end(), s.flags().bits()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(flags.bits(), want_flags);
    for (field, span) in fields.iter(line).zip(&want) {
        assert_eq!(&*field.unescaped(), &oracle::value(line, *span)[..]);
        let _ = field.to_str();
        let _ = field.to_str_lossy();
    }
});
