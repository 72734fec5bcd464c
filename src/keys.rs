//! Key vocabularies: which key of a CEF, LEEF or JSON record names which
//! PAN-OS field, per log type ([`Vocabulary`]). The tables are generated from
//! the shared folder's format references by `tools/gen_keys.py`, each field
//! checked against its type's columns; keys they do not list stay with the
//! record as named extra columns.

mod tables;

pub(crate) use tables::*;

use crate::schema::LogType;

/// A vocabulary's keys, per log type (in `LogType::ALL` order), sorted.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    /// Its name, for messages.
    #[allow(dead_code)] // read by the tests' messages
    pub(crate) name: &'static str,
    pub(crate) types: [&'static [(&'static str, &'static str)]; 15],
}

impl Vocabulary {
    /// The PAN-OS field `key` names in a record of `log_type`.
    pub(crate) fn field(&self, log_type: LogType, key: &str) -> Option<&'static str> {
        let i = LogType::ALL.iter().position(|&t| t == log_type)?;
        let table = self.types[i];
        table
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .map(|at| table[at].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_name_columns_of_their_type() {
        for vocab in [
            &CEF_NATIVE,
            &CEF_FORWARDER,
            &CEF_XSIAM,
            &LEEF_1,
            &LEEF_2,
            &LEEF_FORWARDER,
            &JSON_HTTPS,
            &JSON_QUERY,
        ] {
            for (ty, table) in LogType::ALL.iter().zip(vocab.types) {
                assert!(
                    table.windows(2).all(|w| w[0].0 < w[1].0),
                    "{} {ty}",
                    vocab.name
                );
                for (key, field) in table {
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
    }
}
