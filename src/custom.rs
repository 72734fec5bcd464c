//! Custom log formats: the `$field` format strings an admin can put in a
//! PAN-OS syslog server profile in place of a type's default CSV. Given the
//! string the firewall is configured with, records in that format read into
//! the same record a default CSV line makes.
//!
//! Two kinds of string:
//!
//! - `key=value` pairs (`src=$src dst=$dst rule=$rule`, any separators):
//!   each record is read by its keys, so a missing separator or a value
//!   with spaces in it does not shift the fields;
//! - delimited columns in another order (`$receive_time,$type,$src,...`, or
//!   `|`, `;`, TAB between them): read by position.
//!
//! A record's type is its `$type` field, else the format's (given with
//! [`CustomFormat::for_type`]).
//!
//! Without a format string, a `key=value` record with a `type=` key is read
//! by its keys (see [`Input::Auto`](crate::Input::Auto)): PAN-OS field
//! names, and the keys Datadog's recommended format gives some fields
//! (`network.client.ip` for `src`, `usr.id` for `srcuser`, `timestamp` for
//! `receive_time`, ...).
//!
//! # Example
//!
//! ```
//! use panlog::custom::CustomFormat;
//!
//! let format: CustomFormat = "time=$time_generated, type=$type, src=$src, dst=$dst, rule=$rule".parse().unwrap();
//! let mut parser = panlog::Parser::new().custom_format(format);
//! let log = parser.parse(b"time=2024/03/05 14:22:07, type=TRAFFIC, src=10.0.0.1, dst=10.0.0.2, rule=allow all").unwrap();
//! assert_eq!(log.log_type(), panlog::schema::LogType::Traffic);
//! assert_eq!(log.get("rule").unwrap(), "allow all");
//! ```

use std::str::FromStr;

use crate::cef::type_of;
use crate::named::{Named, write_time};
use crate::schema::{LogType, ValueKind};

/// A parsed custom format string.
///
/// # Example
///
/// ```
/// let f: panlog::custom::CustomFormat = "$receive_time|$type|$src".parse().unwrap();
/// assert_eq!(f.fields(), ["receive_time", "type", "src"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomFormat {
    shape: Shape,
    log_type: Option<LogType>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// `key=$field` pairs.
    Keys(Vec<(String, String)>),
    /// `$field` columns between one delimiter.
    Columns(Vec<String>, u8),
}

/// Why a format string cannot be used.
///
/// # Example
///
/// ```
/// assert!("no variables here".parse::<panlog::custom::CustomFormat>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("custom log format: {0}")]
pub struct FormatError(String);

impl FromStr for CustomFormat {
    type Err = FormatError;

    fn from_str(format: &str) -> Result<CustomFormat, FormatError> {
        let mut keys = Vec::new();
        let mut columns = Vec::new();
        let bytes = format.as_bytes();
        let mut at = 0;
        while let Some(i) = format[at..].find('$') {
            let dollar = at + i;
            let name_len = bytes[dollar + 1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
                .count();
            let name = format[dollar + 1..dollar + 1 + name_len].replace('-', "_");
            let name = name
                .strip_prefix("cef_formatted_")
                .map(str::to_owned)
                .unwrap_or(name);
            // `key=$var`: the key is the word before `=`.
            let before = format[..dollar].trim_end();
            if let Some(eq) = before.strip_suffix('=') {
                let key_len = eq
                    .bytes()
                    .rev()
                    .take_while(|b| !matches!(b, b' ' | b',' | b';' | b'|' | b'\t'))
                    .count();
                let key = &eq[eq.len() - key_len..];
                if !key.is_empty() {
                    keys.push((key.to_owned(), name.clone()));
                }
            }
            columns.push(name);
            at = dollar + 1 + name_len;
        }
        if columns.is_empty() {
            return Err(FormatError("no $field variables".into()));
        }
        let shape = if keys.len() * 2 >= columns.len() {
            Shape::Keys(keys)
        } else {
            let delimiter = [b',', b'|', b';', b'\t', b' ']
                .into_iter()
                .max_by_key(|d| bytes.iter().filter(|b| *b == d).count())
                .unwrap_or(b',');
            Shape::Columns(columns, delimiter)
        };
        Ok(CustomFormat {
            shape,
            log_type: None,
        })
    }
}

impl CustomFormat {
    /// The format for records of `log_type`, for strings without `$type`
    /// (PAN-OS has one string per log type).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// let f: panlog::custom::CustomFormat = "src=$src dst=$dst".parse().unwrap();
    /// let mut parser = panlog::Parser::new().custom_format(f.for_type(LogType::Traffic));
    /// assert_eq!(parser.parse(b"src=10.0.0.1 dst=10.0.0.2").unwrap().log_type(), LogType::Traffic);
    /// ```
    #[must_use]
    pub fn for_type(mut self, log_type: LogType) -> CustomFormat {
        self.log_type = Some(log_type);
        self
    }

    /// The PAN-OS fields the string writes, in its order.
    ///
    /// # Example
    ///
    /// ```
    /// let f: panlog::custom::CustomFormat = "a=$src b=$dst".parse().unwrap();
    /// assert_eq!(f.fields(), ["src", "dst"]);
    /// ```
    #[must_use]
    pub fn fields(&self) -> Vec<&str> {
        match &self.shape {
            Shape::Keys(keys) => keys.iter().map(|(_, f)| f.as_str()).collect(),
            Shape::Columns(cols, _) => cols.iter().map(String::as_str).collect(),
        }
    }

    /// Whether `body` looks like a record of this format: for `key=value`
    /// strings, it holds the first two keys.
    pub(crate) fn matches(&self, body: &[u8]) -> bool {
        match &self.shape {
            Shape::Keys(keys) => keys
                .iter()
                .take(2)
                .all(|(k, _)| find_key(body, k.as_bytes(), 0).is_some()),
            Shape::Columns(..) => true,
        }
    }

    /// Lays `body` out in `named`.
    pub(crate) fn fill(&self, body: &[u8], named: &mut Named) {
        match &self.shape {
            Shape::Keys(keys) => {
                // Where each key's value starts and ends: at the next key found.
                let mut found = std::mem::take(&mut named.scratch);
                found.clear();
                for (k, _) in keys {
                    if let Some(at) = find_key(body, k.as_bytes(), 0) {
                        found.push(at..at + k.len() + 1);
                    } else {
                        found.push(usize::MAX..usize::MAX);
                    }
                }
                let value = |i: usize| -> &[u8] {
                    let r = &found[i];
                    if r.start == usize::MAX {
                        return b"";
                    }
                    let end = found
                        .iter()
                        .map(|f| f.start)
                        .filter(|&s| s != usize::MAX && s > r.start)
                        .min()
                        .unwrap_or(body.len());
                    trim_value(&body[r.end..end])
                };
                let type_text = keys.iter().position(|(_, f)| f == "type").map(value);
                self.begin(named, type_text);
                for (i, (key, field)) in keys.iter().enumerate() {
                    let v = value(i);
                    put(named, key.as_bytes(), field, v);
                }
                named.scratch = found;
            }
            Shape::Columns(cols, delimiter) => {
                let mut fields = body.split(|b| b == delimiter);
                let type_at = cols.iter().position(|f| f == "type");
                let type_text = type_at.and_then(|i| body.split(|b| b == delimiter).nth(i));
                self.begin(named, type_text);
                for field in cols {
                    let v = fields.next().unwrap_or(b"");
                    put(named, field.as_bytes(), field, trim_value(v));
                }
                for (k, rest) in fields.enumerate() {
                    let range = named.value(|b| b.extend_from_slice(rest));
                    let mut name = *b"extra_00";
                    name[6] = b'0' + (k / 10 % 10) as u8;
                    name[7] = b'0' + (k % 10) as u8;
                    named.extra(&name, range);
                }
            }
        }
    }

    fn begin(&self, named: &mut Named, type_text: Option<&[u8]>) {
        let log_type = type_text
            .map(type_of)
            .filter(|t| *t != LogType::Unknown)
            .or(self.log_type)
            .unwrap_or(LogType::Unknown);
        named.begin(log_type);
        if let Some(t) = type_text {
            let range = named.value(|b| b.extend_from_slice(t));
            named.set("type", range);
        }
    }
}

fn put(named: &mut Named, key: &[u8], field: &str, value: &[u8]) {
    let is_time = named
        .log_type()
        .schema()
        .spec(field)
        .is_some_and(|s| s.kind == ValueKind::Timestamp);
    let range = named.value(|b| {
        if is_time {
            write_time(b, value);
        } else {
            b.extend_from_slice(value);
        }
    });
    named.place_field(field, key, range);
}

/// Whether `body` is a `key=value` record with PAN-OS field names: a
/// `type=` key naming a log type, and a few more keys.
pub(crate) fn is_keyed(body: &[u8]) -> bool {
    // A CSV body's first column has no `=`; ruling it out here keeps every
    // CSV record from a search of its whole line for `type=`.
    let first = memchr::memchr(b',', body).unwrap_or(body.len());
    if memchr::memchr(b'=', &body[..first]).is_none() {
        return false;
    }
    let Some(at) = find_key(body, b"type", 0) else {
        return false;
    };
    let value = &body[at + 5..];
    let end = value
        .iter()
        .position(|b| matches!(b, b' ' | b',' | b';' | b'|' | b'\t'))
        .unwrap_or(value.len());
    type_of(&value[..end]) != LogType::Unknown && memchr::memchr_iter(b'=', body).count() >= 4
}

/// The keys of published `key=value` formats that are not PAN-OS field
/// names, with the fields they carry (the first one the record's type has).
///
/// Datadog's recommended PAN-OS syslog format (the `pan_firewall`
/// integration of `DataDog/integrations-core`) names some fields after
/// Datadog's standard attributes; `network.bytes_read` is the client's
/// bytes to the server, PAN-OS's `bytes_sent`.
const PUBLISHED_KEYS: &[(&str, &[&str])] = &[
    ("timestamp", &["receive_time"]),
    ("network.client.ip", &["src", "ip"]),
    ("network.destination.ip", &["dst"]),
    ("network.client.port", &["sport"]),
    ("network.destination.port", &["dport"]),
    ("usr.id", &["srcuser", "user"]),
    ("evt.name", &["action"]),
    ("network.bytes_read", &["bytes_sent"]),
    ("network.bytes_written", &["bytes_received"]),
    ("network.client.geoip.country.name", &["srcloc"]),
];

/// The field a `key=value` record's `key` carries in a record of
/// `log_type`: the key itself when the type has a field of that name, else
/// the field a [published format](PUBLISHED_KEYS) means by it, else the key
/// (kept by that name).
fn field_of(key: &str, log_type: LogType) -> &str {
    let schema = log_type.schema();
    if schema.position(key).is_some() {
        return key;
    }
    PUBLISHED_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, fields)| fields.iter().find(|f| schema.position(f).is_some()))
        .map_or(key, |f| f)
}

/// Lays out a `key=value` record whose keys are PAN-OS field names or those
/// of a [published format](PUBLISHED_KEYS) (other keys stay as named extra
/// columns).
pub(crate) fn fill_keyed(body: &[u8], named: &mut Named) {
    let is_key = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-');
    let mut keys = std::mem::take(&mut named.scratch);
    keys.clear();
    for eq in memchr::memchr_iter(b'=', body) {
        let len = body[..eq].iter().rev().take_while(|&&b| is_key(b)).count();
        let start = eq - len;
        let boundary = start == 0 || matches!(body[start - 1], b' ' | b',' | b';' | b'|' | b'\t');
        if len > 0
            && boundary
            && keys
                .last()
                .is_none_or(|k: &std::ops::Range<usize>| k.end < start)
        {
            keys.push(start..eq);
        }
    }
    let value = |i: usize| {
        let end = keys.get(i + 1).map_or(body.len(), |k| k.start);
        trim_value(&body[keys[i].end + 1..end])
    };
    let type_text = (0..keys.len())
        .find(|&i| &body[keys[i].clone()] == b"type")
        .map(value);
    let log_type = type_text.map_or(LogType::Unknown, type_of);
    named.begin(log_type);
    for i in 0..keys.len() {
        let key = &body[keys[i].clone()];
        let field = field_of(std::str::from_utf8(key).unwrap_or(""), log_type);
        put(named, key, field, value(i));
    }
    named.scratch = keys;
}

/// `key=` in `body` at or after `from`, at the start or after a separator.
fn find_key(body: &[u8], key: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&body[at..], key) {
        let start = at + i;
        let after = start + key.len();
        let boundary = start == 0 || matches!(body[start - 1], b' ' | b',' | b';' | b'|' | b'\t');
        if boundary && body.get(after) == Some(&b'=') {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// A value without the separators and spaces around it.
fn trim_value(v: &[u8]) -> &[u8] {
    let is_sep = |b: &u8| matches!(b, b' ' | b',' | b';' | b'|' | b'\t' | b'\r' | b'\n');
    let start = v.iter().position(|b| !is_sep(b)).unwrap_or(v.len());
    let end = v.iter().rposition(|b| !is_sep(b)).map_or(start, |e| e + 1);
    &v[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let f: CustomFormat = "src=$src dst=$dst".parse().unwrap();
        assert!(matches!(f.shape, Shape::Keys(ref k) if k.len() == 2));
        let f: CustomFormat = "$src;$dst;$rule".parse().unwrap();
        assert!(matches!(f.shape, Shape::Columns(ref c, b';') if c.len() == 3));
        let f: CustomFormat = "rt=$cef-formatted-receive_time".parse().unwrap();
        assert_eq!(f.fields(), ["receive_time"]);
    }

    #[test]
    fn keys_survive_a_missing_separator() {
        let f: CustomFormat = "natsport=$natsport, natdport=$natdport, type=$type"
            .parse()
            .unwrap();
        let mut n = Named::default();
        f.fill(b"type=TRAFFIC, natsport=24855 natdport=443", &mut n);
        assert_eq!(n.log_type(), LogType::Traffic);
        let mut fields = crate::csv::Fields::new();
        let schema = n.finish(&mut fields);
        let text = |name| {
            fields
                .get(schema.position(name).unwrap())
                .unwrap()
                .bytes(n.values())
        };
        assert_eq!(
            (text("natsport"), text("natdport")),
            (&b"24855"[..], &b"443"[..])
        );
    }

    #[test]
    fn published_keys_read_as_the_fields_they_carry() {
        assert_eq!(field_of("network.client.ip", LogType::Traffic), "src");
        assert_eq!(field_of("network.client.ip", LogType::Authentication), "ip");
        assert_eq!(field_of("usr.id", LogType::Authentication), "user");
        assert_eq!(
            field_of("network.bytes_read", LogType::Traffic),
            "bytes_sent"
        );
        // No field of the type: kept by its own name.
        assert_eq!(field_of("evt.name", LogType::Authentication), "evt.name");
        // A PAN-OS name is itself, and an unknown key stays.
        assert_eq!(field_of("src", LogType::Traffic), "src");
        assert_eq!(field_of("vendor_key", LogType::Traffic), "vendor_key");
    }
}
