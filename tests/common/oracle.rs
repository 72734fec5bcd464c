//! The splitter's oracle: a plain byte-by-byte loop with the same reading
//! rules as `panlog::csv::Splitter`, kept simple enough to check by eye.
//! Shared by the property tests and the fuzz targets (`#[path]`-included).

#![allow(dead_code)]

pub const QUOTED: u8 = 1;
pub const ESCAPED: u8 = 1 << 1;
pub const BRACED: u8 = 1 << 2;
pub const STRAY_QUOTE: u8 = 1 << 3;
pub const TRAILING_BYTES: u8 = 1 << 4;
pub const UNTERMINATED: u8 = 1 << 5;
pub const UNBALANCED_BRACE: u8 = 1 << 6;
pub const TRAILING_SEPARATOR: u8 = 1 << 7;

/// Splits `input` into `(start, end, flags)` spans and the record's flags.
pub fn split(input: &[u8], braces: bool) -> (Vec<(usize, usize, u8)>, u8) {
    let n = input.len();
    let mut braces = braces;
    let mut out = Vec::new();
    let mut i = 0;
    'field: loop {
        let start = i;
        let mut flags = 0;
        let mut j = i;
        if input.get(i) == Some(&b'"') {
            let mut k = i + 1;
            let mut escaped = 0;
            let mut close = None;
            while k < n {
                if input[k] == b'"' {
                    if input.get(k + 1) == Some(&b'"') {
                        escaped = ESCAPED;
                        k += 2;
                        continue;
                    }
                    close = Some(k);
                    break;
                }
                k += 1;
            }
            match close {
                None => {
                    out.push((i + 1, n, QUOTED | UNTERMINATED | escaped));
                    break 'field;
                }
                Some(c) if c + 1 == n => {
                    out.push((i + 1, c, QUOTED | escaped));
                    break 'field;
                }
                Some(c) if input[c + 1] == b',' => {
                    out.push((i + 1, c, QUOTED | escaped));
                    i = c + 2;
                    continue 'field;
                }
                Some(c) => {
                    flags = TRAILING_BYTES;
                    j = c + 1;
                }
            }
        } else if braces && input.get(i) == Some(&b'{') {
            let mut depth = 0;
            let mut close = None;
            for (k, &b) in input.iter().enumerate().skip(i) {
                if b == b'{' {
                    depth += 1;
                } else if b == b'}' {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(k);
                        break;
                    }
                }
            }
            match close {
                None => {
                    braces = false;
                    flags = UNBALANCED_BRACE;
                    j = i + 1;
                }
                Some(c) if c + 1 == n => {
                    out.push((i, n, BRACED));
                    break 'field;
                }
                Some(c) if input[c + 1] == b',' => {
                    out.push((i, c + 1, BRACED));
                    i = c + 2;
                    continue 'field;
                }
                Some(c) => {
                    flags = BRACED | TRAILING_BYTES;
                    j = c + 1;
                }
            }
        }
        loop {
            if j >= n {
                out.push((start, n, flags));
                break 'field;
            }
            match input[j] {
                b',' => {
                    out.push((start, j, flags));
                    i = j + 1;
                    continue 'field;
                }
                b'"' => flags |= STRAY_QUOTE,
                _ => {}
            }
            j += 1;
        }
    }
    let mut record = out.iter().fold(0, |acc, s| acc | s.2);
    if n > 0 && input[n - 1] == b',' && out.last().is_some_and(|s| s.0 == n) {
        record |= TRAILING_SEPARATOR;
    }
    (out, record)
}

/// The field's value: `""` turned into `"` where the field is escaped.
pub fn value(input: &[u8], span: (usize, usize, u8)) -> Vec<u8> {
    let raw = &input[span.0..span.1];
    if span.2 & ESCAPED == 0 {
        return raw.to_vec();
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < raw.len() {
        out.push(raw[k]);
        k += if raw[k] == b'"' { 2 } else { 1 };
    }
    out
}

/// Quotes one field for writing (RFC 4180): always, doubling quotes.
pub fn quote(field: &[u8]) -> Vec<u8> {
    let mut out = vec![b'"'];
    for &b in field {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
    out
}
