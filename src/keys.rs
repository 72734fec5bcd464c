//! Key vocabularies: which key of a CEF, LEEF or JSON record names which
//! PAN-OS field, per log type (`Vocabulary`). The tables are generated from
//! the shared folder's format references by `tools/gen_keys.py`, each field
//! checked against its type's columns; keys they do not list stay with the
//! record as named extra columns.

mod tables;

pub(crate) use tables::*;

use crate::schema::LogType;

/// A vocabulary's keys, per log type (in `LogType::ALL` order).
#[derive(Debug)]
pub(crate) struct Vocabulary {
    /// Its name, for messages.
    #[allow(dead_code)] // read by the tests' messages
    pub(crate) name: &'static str,
    pub(crate) types: [Table; 16],
}

/// One type's `(key, field)` pairs, with an open-addressing index by the
/// key's hash built at compile time: a lookup is one hash and (almost
/// always) one comparison.
#[derive(Debug)]
pub(crate) struct Table {
    pub(crate) pairs: &'static [(&'static str, &'static str)],
    index: [u8; SLOTS],
    /// Each pair's column in its type's standard layout, found once.
    columns: std::sync::OnceLock<Box<[Option<u8>]>>,
}

const SLOTS: usize = 256;
const EMPTY: u8 = u8::MAX;

impl Table {
    pub(crate) const fn new(pairs: &'static [(&'static str, &'static str)]) -> Table {
        assert!(
            pairs.len() * 4 <= SLOTS * 3,
            "a key table is too full for its index"
        );
        let mut index = [EMPTY; SLOTS];
        let mut i = 0;
        while i < pairs.len() {
            let mut slot = crate::schema::hash(pairs[i].0.as_bytes()) as usize % SLOTS;
            while index[slot] != EMPTY {
                slot = (slot + 1) % SLOTS;
            }
            index[slot] = i as u8;
            i += 1;
        }
        Table {
            pairs,
            index,
            columns: std::sync::OnceLock::new(),
        }
    }

    /// The index of `key`'s pair (`hash`: the key's [`crate::schema::hash`]).
    fn find(&self, key: &[u8], hash: u32) -> Option<usize> {
        let mut slot = hash as usize % SLOTS;
        loop {
            match self.index[slot] {
                EMPTY => return None,
                i => {
                    if self.pairs[usize::from(i)].0.as_bytes() == key {
                        return Some(usize::from(i));
                    }
                }
            }
            slot = (slot + 1) % SLOTS;
        }
    }

    /// The standard column of `log_type` that `key` names.
    pub(crate) fn column(&self, log_type: LogType, key: &[u8], hash: u32) -> Option<usize> {
        let i = self.find(key, hash)?;
        let columns = self.columns.get_or_init(|| {
            let schema = log_type.schema();
            self.pairs
                .iter()
                .map(|(_, field)| schema.position(field).and_then(|p| u8::try_from(p).ok()))
                .collect()
        });
        columns[i].map(usize::from)
    }
}

impl Vocabulary {
    /// The PAN-OS field `key` names in a record of `log_type`.
    #[cfg(test)]
    pub(crate) fn field(&self, log_type: LogType, key: &str) -> Option<&'static str> {
        let table = self.table(log_type)?;
        Some(table.pairs[table.find(key.as_bytes(), crate::schema::hash(key.as_bytes()))?].1)
    }

    /// The table of `log_type`'s keys.
    pub(crate) fn table(&self, log_type: LogType) -> Option<&Table> {
        // `LogType::ALL` lists the types in declaration order (a test says
        // so), `Unknown` after them.
        self.types.get(log_type as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_types_are_in_declaration_order() {
        for (i, t) in LogType::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i, "{t:?}");
        }
        assert_eq!(LogType::Unknown as usize, LogType::ALL.len());
    }

    const ALL: [&Vocabulary; 8] = [
        &CEF_NATIVE,
        &CEF_FORWARDER,
        &CEF_XSIAM,
        &LEEF_1,
        &LEEF_2,
        &LEEF_FORWARDER,
        &JSON_HTTPS,
        &JSON_QUERY,
    ];

    /// A key that names a side (source or destination, sent or received)
    /// names a field of that side. The generator once read a table row
    /// `source_ip`, `dest_ip` | `$src`, `$dst` as `dest_ip` → `src`.
    #[test]
    fn a_key_of_one_side_names_a_field_of_that_side() {
        let side = |name: &str, src: &[&str], dst: &[&str]| {
            let n = name.to_ascii_lowercase();
            (
                src.iter().any(|w| n.contains(w)),
                dst.iter().any(|w| n.contains(w)),
            )
        };
        let key_words = (["source", "src"], ["dest", "dst"]);
        let field_words = (
            ["src", "sport", "from", "inbound"],
            ["dst", "dport", "outbound"],
        );
        for vocab in ALL {
            for (ty, table) in LogType::ALL.iter().zip(&vocab.types) {
                // A type with no destination (HIPMATCH, IPTAG, ...): the
                // forwarder's CEF sends its one address as `dst` too
                // (CEF.md §5, "same value").
                let one_address = ty.schema().position("dst").is_none();
                for (key, field) in table.pairs {
                    if one_address && *key == "dst" {
                        continue;
                    }
                    let (key_src, key_dst) = side(key, &key_words.0, &key_words.1);
                    let (field_src, field_dst) = side(field, &field_words.0, &field_words.1);
                    let what = format!("{} {ty}: {key} → {field}", vocab.name);
                    let crossed = (key_src && !key_dst && field_dst && !field_src)
                        || (key_dst && !key_src && field_src && !field_dst);
                    assert!(!crossed, "{what}");
                    let (key_sent, key_received) = side(key, &["sent"], &["received"]);
                    let (field_sent, field_received) = side(field, &["sent"], &["received"]);
                    let swapped = (key_sent && field_received) || (key_received && field_sent);
                    assert!(!swapped, "{what}");
                }
            }
        }
    }

    /// In the snake_case vocabularies (Cortex Data Lake's query names and
    /// XSIAM's CEF keys), a key that is a column's own name is that column.
    /// The generator once paired `vsys_id` with `device_name` in a row whose
    /// names were elided with `…`, and `source_device_mac` with
    /// `src_profile`.
    #[test]
    fn a_query_name_that_is_a_column_name_is_that_column() {
        for vocab in [&JSON_QUERY, &CEF_XSIAM] {
            for (ty, table) in LogType::ALL.iter().zip(&vocab.types) {
                for (key, field) in table.pairs {
                    if ty.schema().position(key).is_some() {
                        assert_eq!(key, field, "{} {ty}", vocab.name);
                    }
                }
            }
        }
        assert_eq!(
            JSON_QUERY.field(LogType::Traffic, "source_device_mac"),
            Some("src_mac")
        );
        assert_eq!(
            JSON_QUERY.field(LogType::Traffic, "dest_device_host"),
            Some("dst_host")
        );
    }

    #[test]
    fn tables_are_sorted_and_name_columns_of_their_type() {
        for vocab in ALL {
            for (ty, table) in LogType::ALL.iter().zip(&vocab.types) {
                assert!(
                    table.pairs.windows(2).all(|w| w[0].0 < w[1].0),
                    "{} {ty}",
                    vocab.name
                );
                for (i, (key, field)) in table.pairs.iter().enumerate() {
                    assert_eq!(
                        table.find(key.as_bytes(), crate::schema::hash(key.as_bytes())),
                        Some(i),
                        "{} {ty}: {key}",
                        vocab.name
                    );
                    assert!(
                        ty.schema().position(field).is_some()
                            || crate::schema::Schema::layouts(*ty)
                                .any(|s| s.position(field).is_some()),
                        "{} {ty}: {key} → {field}",
                        vocab.name
                    );
                }
            }
        }
        assert_eq!(CEF_NATIVE.field(LogType::Traffic, "in"), Some("bytes_sent"));
        assert_eq!(
            CEF_FORWARDER.field(LogType::Traffic, "in"),
            Some("bytes_received")
        );
        assert_eq!(
            JSON_HTTPS.field(LogType::Threat, "SourceAddress"),
            Some("src")
        );
        assert_eq!(JSON_QUERY.field(LogType::Threat, "source_ip"), Some("src"));
        // The forwarder's CEF splits a user into domain, name and uuid keys
        // and sends the whole under `duser0`: only the whole is the field.
        assert_eq!(CEF_FORWARDER.field(LogType::UserId, "duser0"), Some("user"));
        assert_eq!(CEF_FORWARDER.field(LogType::UserId, "dntdom"), None);
        assert_eq!(CEF_FORWARDER.field(LogType::Config, "duser"), None);
    }
}
