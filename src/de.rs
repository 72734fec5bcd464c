//! Reading records with serde: a [`Log`] into a struct of the caller's by
//! PAN-OS field names ([`Log::deserialize`], as the `csv` crate's
//! `StringRecord::deserialize`), and an [`OwnedLog`] back from the flat map it
//! serializes to (through a queue, a file, JSON).
//!
//! # Example
//!
//! ```
//! use std::net::IpAddr;
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! struct Hit<'a> {
//!     src: IpAddr,
//!     dport: u16,
//!     rule: &'a str,       // borrowed from the record
//!     flags: String,       // the column's text, `0x400000`
//!     srcuser: Option<String>,
//!     #[serde(rename = "time_generated")]
//!     when: String,
//! }
//!
//! let line = b"1,2024/03/05 14:22:07,0128,TRAFFIC,end,2561,2024/03/05 14:22:06,10.0.0.5,93.184.216.34,0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust,e1/2,e1/1,fwd,,1,1,53144,443,0,0,0x400000,tcp,allow";
//! let log = panlog::parse(line).unwrap();
//! let hit: Hit = log.deserialize().unwrap();
//! assert_eq!((hit.src.to_string(), hit.dport, hit.rule), ("10.0.0.5".into(), 443, "allow-web"));
//! assert_eq!((hit.flags.as_str(), hit.srcuser), ("0x400000", None));
//! assert_eq!(hit.when, "2024/03/05 14:22:06");
//! ```

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, CowStrDeserializer, SeqDeserializer};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use crate::csv::{Fields, Splitter};
use crate::error::{Error, ErrorKind};
use crate::log::{Log, OwnedLog};
use crate::schema::LogType;
use crate::value::{Rfc3339, Value};

/// The error serde's traits need inside; it becomes an [`ErrorKind::Deserialize`].
#[derive(Debug)]
struct DeError(String);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string())
    }
}

impl<'a> Log<'a> {
    /// The record as a `T` whose fields are PAN-OS field names (rename them
    /// with `#[serde(rename = "...")]`). A field reads as its typed value
    /// (numbers, addresses from their text, times as RFC 3339) or, for a
    /// `String`/`&str`, as the column's text; `Option` fields are `None`
    /// when the column is empty or absent. Text borrows from the record
    /// where it can (`&'a str` fields; not for a field with `""` escapes).
    /// Columns `T` does not name are ignored (unless `T` denies unknown
    /// fields); extra columns are `extra_columns`, a list of text.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Deserialize`] when a column does not fit `T` (a
    /// missing required field, a type mismatch), with serde's message.
    ///
    /// # Example
    ///
    /// See the [module docs](crate::de).
    pub fn deserialize<T: Deserialize<'a>>(&self) -> Result<T, Error> {
        T::deserialize(LogDeserializer { log: self })
            .map_err(|e| Error::new(ErrorKind::Deserialize { message: e.0 }, self.position()))
    }
}

struct LogDeserializer<'l, 'a> {
    log: &'l Log<'a>,
}

impl<'a> Deserializer<'a> for LogDeserializer<'_, 'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let named = self.log.schema().len().min(self.log.len());
        visitor.visit_map(Columns {
            log: self.log,
            index: 0,
            named,
            pending: None,
            extras_done: false,
        })
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// The non-empty columns of a record, as map entries; then its named extra
/// columns; then `extra_columns`.
struct Columns<'l, 'a> {
    log: &'l Log<'a>,
    index: usize,
    named: usize,
    pending: Option<Pending<'a>>,
    extras_done: bool,
}

enum Pending<'a> {
    Column(Cow<'a, str>, Option<Value<'a>>),
    Extras(Vec<Cow<'a, str>>),
}

impl<'a> MapAccess<'a> for Columns<'_, 'a> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let log = self.log;
        while self.index < log.len() {
            let i = self.index;
            self.index += 1;
            let Some(text) = log.get_at(i) else { continue };
            let name: Cow<'a, str> = if i < self.named {
                let Some(name) = log.name_at(i) else { continue };
                let value = log.out_at(i).and_then(|(_, out)| out.into_value());
                self.pending = Some(Pending::Column(text, value));
                Cow::Borrowed(name)
            } else {
                match log.extra_named().nth(i - self.named) {
                    Some((Some(name), _)) => {
                        self.pending = Some(Pending::Column(text, None));
                        Cow::Owned(name.to_owned())
                    }
                    _ => continue,
                }
            };
            return seed.deserialize(CowStrDeserializer::new(name)).map(Some);
        }
        if !self.extras_done {
            self.extras_done = true;
            let unnamed: Vec<Cow<'a, str>> = log
                .extra_named()
                .filter(|(name, _)| name.is_none())
                .map(|(_, field)| field.to_str_lossy())
                .collect();
            if !unnamed.is_empty() {
                self.pending = Some(Pending::Extras(unnamed));
                return seed
                    .deserialize(BorrowedStrDeserializer::new("extra_columns"))
                    .map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.pending.take() {
            Some(Pending::Column(text, value)) => seed.deserialize(Column { text, value }),
            Some(Pending::Extras(list)) => seed.deserialize(SeqDeserializer::new(list.into_iter())),
            None => Err(de::Error::custom("a value asked for before its key")),
        }
    }
}

/// One column: its typed value for numbers and the like, its text for
/// strings.
struct Column<'a> {
    text: Cow<'a, str>,
    value: Option<Value<'a>>,
}

impl<'a> Column<'a> {
    fn text<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.text {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }
}

impl<'a> Deserializer<'a> for Column<'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.value {
            Some(Value::Int(n)) => visitor.visit_i64(*n),
            Some(Value::UInt(n)) | Some(Value::Hex(n)) => visitor.visit_u64(*n),
            Some(Value::Port(p)) => visitor.visit_u64(u64::from(p.get())),
            Some(Value::Ip(ip)) => visitor.visit_string(ip.to_string()),
            Some(Value::Timestamp(t)) => {
                let mut buf = [0; 40];
                visitor.visit_str(Rfc3339(t).write(&mut buf))
            }
            _ => self.text(visitor),
        }
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.text(visitor)
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.text(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_enum(CowStrDeserializer::new(self.text))
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

// ---------------------------------------------------------------------------
// OwnedLog from its serialized form.

/// A value of the flat map a `Log` serializes to.
enum Scalar {
    Text(String),
    Int(i64),
    UInt(u64),
    Float(f64),
    Bool(bool),
    /// `threatid`'s `{"name": ..., "id": ...}`.
    Threat(String, Option<u64>),
    /// `extra_columns`.
    List(Vec<String>),
    Null,
}

impl Scalar {
    /// The column text this value stands for.
    fn text(&self) -> Cow<'_, str> {
        match self {
            Scalar::Text(s) => Cow::Borrowed(s),
            Scalar::Int(n) => Cow::Owned(n.to_string()),
            Scalar::UInt(n) => Cow::Owned(n.to_string()),
            Scalar::Float(n) => Cow::Owned(n.to_string()),
            Scalar::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Scalar::Threat(name, Some(id)) => Cow::Owned(format!("{name}({id})")),
            Scalar::Threat(name, None) => Cow::Borrowed(name),
            Scalar::List(_) | Scalar::Null => Cow::Borrowed(""),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a column's value: text, a number, a threat id or a list of text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Text(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::UInt(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Float(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
                Scalar::deserialize(d)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Scalar>()? {
                    items.push(item.text().into_owned());
                }
                Ok(Scalar::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                let (mut name, mut id) = (String::new(), None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "name" => name = map.next_value()?,
                        "id" => id = map.next_value()?,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Scalar::Threat(name, id))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Reads an `OwnedLog` back from the flat map its `Serialize` writes (field
/// name → typed value, `extra_columns`): the typed values come back equal.
/// The record is rebuilt as CSV in its type's standard column order (a field
/// only another layout has becomes a named extra column); the syslog header,
/// the position and the zone are not in that form (times carry their
/// offsets), so they are not restored.
///
/// # Example
///
/// ```
/// let line = br#"1,2024/03/05 14:22:07,0128,THREAT,url,2561,2024/03/05 14:22:07,10.0.0.2,10.2.0.1,,,r1,,,web,vsys1,a,b,e1,e2,fwd,,279429,1,12345,80,0,0,0x2000,tcp,alert,"x.com/a,b",(9999)"#;
/// let owned = panlog::parse(line).unwrap().into_owned();
/// let json = serde_json::to_string(&owned).unwrap();
/// let back: panlog::OwnedLog = serde_json::from_str(&json).unwrap();
/// assert_eq!(serde_json::to_string(&back).unwrap(), json);
/// assert_eq!(back.get("misc").unwrap(), "x.com/a,b");
/// assert_eq!(back.threat_id().unwrap().unwrap().id, Some(9999));
/// ```
impl<'de> Deserialize<'de> for OwnedLog {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OwnedLog, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OwnedLog;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a PAN-OS record as a map of field names to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OwnedLog, A::Error> {
                let mut entries: Vec<(String, Scalar)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<Scalar>()?;
                    entries.push((key, value));
                }
                Ok(rebuild(&entries))
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// The record a flat map stands for, as CSV in the standard layout of its type.
fn rebuild(entries: &[(String, Scalar)]) -> OwnedLog {
    let get = |name: &str| entries.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    // The type as detection found it: the type column, else (Strata's
    // DECRYPTION) column 4, else AUDIT's `audit` subtype. (Column 4 is
    // `future_use_4` in SCTP's table.)
    let subtype = get("subtype")
        .or_else(|| get("future_use_4"))
        .map(Scalar::text);
    let log_type = match (get("type").map(Scalar::text), subtype) {
        (Some(ty), _) => LogType::from_bytes(ty.as_bytes()),
        (None, Some(sub)) if sub.eq_ignore_ascii_case("audit") => LogType::Audit,
        (None, Some(sub)) => match LogType::from_bytes(sub.as_bytes()) {
            LogType::Tunnel => LogType::Unknown,
            found => found,
        },
        (None, None) => LogType::Unknown,
    };
    let schema = log_type.schema();
    let mut body = String::new();
    let mut taken = vec![false; entries.len()];
    for (i, spec) in schema.columns().enumerate() {
        if i > 0 {
            body.push(',');
        }
        if let Some(k) = entries.iter().position(|(name, _)| name == spec.name) {
            taken[k] = true;
            push_field(&mut body, &entries[k].1.text());
        }
    }
    // Without columns past the schema, trailing empty columns are not
    // written: the record is as long as its last value, as an older
    // firmware's would be.
    let empty_list = |value: &Scalar| matches!(value, Scalar::List(l) if l.is_empty());
    let extras = entries
        .iter()
        .zip(&taken)
        .any(|((name, value), &taken)| !(taken || name == "extra_columns" && empty_list(value)));
    if !extras {
        let kept = body.trim_end_matches(',').len();
        body.truncate(kept);
    }
    let mut names = Vec::new();
    for (k, (name, value)) in entries.iter().enumerate() {
        match value {
            Scalar::List(items) if name == "extra_columns" => {
                for item in items {
                    body.push(',');
                    push_field(&mut body, item);
                }
            }
            _ if !taken[k] => names.push((name.clone(), value.text().into_owned())),
            _ => {}
        }
    }
    // Fields the standard layout lacks (another layout's, an XML API
    // answer's): named extra columns, after the unnamed ones... but extras
    // are positional, so the named ones must come first: rebuild in order.
    if !names.is_empty() {
        let columns = schema.len();
        let mut fields = Fields::new();
        Splitter::new().split(body.as_bytes(), &mut fields);
        let short = columns.saturating_sub(fields.len());
        body.extend(std::iter::repeat_n(',', short));
        let tail_start = if fields.len() > columns {
            fields.get(columns).map_or(body.len(), |s| s.start() - 1)
        } else {
            body.len()
        };
        let tail = body.split_off(tail_start);
        for (_, text) in &names {
            body.push(',');
            push_field(&mut body, text);
        }
        body.push_str(&tail);
    }
    OwnedLog::from_body(
        body.into_bytes(),
        schema,
        names.into_iter().map(|(n, _)| n).collect(),
    )
}

/// `text` as one CSV field: quoted (with `""`) when it holds a comma, a
/// quote or a line end, or starts with a brace.
fn push_field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with('{') {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}
