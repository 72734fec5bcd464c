//! Documents as nested Arrow structs: a serde `Serializer` that fills a
//! tree of Arrow builders following a fixed shape.
//!
//! A shape is written in a small notation, one `name: type` per field:
//! `bool`, `i32`, `i64`, `u64`, `str`, `[type]` (a list), `{fields}` (a
//! struct) and `map` (a string-to-string map, for open objects such as
//! OCSF's `unmapped`, whose typed values are written as text). Every field
//! is nullable. A document that has a field the shape lacks, or a value of
//! another kind, is an error ([`DocumentError`]): the shape and the model
//! must agree, which `tests/lake.rs` checks on every shipped and real-world
//! record.

use std::fmt::{self, Display, Write as _};
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Int32Builder, Int64Builder, MapBuilder, StringBuilder,
    UInt64Builder,
};
use arrow_array::{ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use serde::ser::{self, Serialize};

/// A document did not fit its Arrow shape: it has an attribute the shape
/// lacks, or a value of another kind. Nothing of the document was written.
///
/// # Example
///
/// ```
/// let error = panlog::columnar::DocumentError("no field \"x\" in the shape".into());
/// assert_eq!(error.to_string(), "document does not fit its Arrow shape: no field \"x\" in the shape");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("document does not fit its Arrow shape: {0}")]
pub struct DocumentError(pub String);

impl ser::Error for DocumentError {
    fn custom<T: Display>(msg: T) -> Self {
        DocumentError(msg.to_string())
    }
}

fn error(what: impl Display) -> DocumentError {
    DocumentError(what.to_string())
}

/// Parses a shape: `name: type, name: type, ...`.
///
/// # Panics
///
/// On a malformed shape: shapes are constants of the crate.
pub(crate) fn parse_shape(text: &str) -> Fields {
    let mut p = ShapeParser {
        s: text.as_bytes(),
        at: 0,
    };
    let fields = p.fields();
    p.space();
    assert!(p.at == p.s.len(), "shape: trailing text at {}", p.at);
    fields
}

struct ShapeParser<'s> {
    s: &'s [u8],
    at: usize,
}

impl ShapeParser<'_> {
    fn space(&mut self) {
        while self.s.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.space();
        if self.s.get(self.at) == Some(&c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn word(&mut self) -> &str {
        self.space();
        let start = self.at;
        while self
            .s
            .get(self.at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            self.at += 1;
        }
        std::str::from_utf8(&self.s[start..self.at]).unwrap_or_default()
    }

    fn fields(&mut self) -> Fields {
        let mut fields = Vec::new();
        loop {
            let name = self.word().to_owned();
            if name.is_empty() {
                break;
            }
            assert!(self.eat(b':'), "shape: ':' after {name}");
            let ty = self.ty();
            fields.push(Field::new(name, ty, true));
            if !self.eat(b',') {
                break;
            }
        }
        Fields::from(fields)
    }

    fn ty(&mut self) -> DataType {
        if self.eat(b'[') {
            let item = self.ty();
            assert!(self.eat(b']'), "shape: ']' at {}", self.at);
            return DataType::List(Arc::new(Field::new("item", item, true)));
        }
        if self.eat(b'{') {
            let fields = self.fields();
            assert!(self.eat(b'}'), "shape: '}}' at {}", self.at);
            return DataType::Struct(fields);
        }
        match self.word() {
            "bool" => DataType::Boolean,
            "i32" => DataType::Int32,
            "i64" => DataType::Int64,
            "u64" => DataType::UInt64,
            "str" => DataType::Utf8,
            "map" => ArrayBuilder::finish(&mut string_map()).data_type().clone(),
            other => panic!("shape: unknown type {other:?}"),
        }
    }
}

fn string_map() -> MapBuilder<StringBuilder, StringBuilder> {
    MapBuilder::new(None, StringBuilder::new(), StringBuilder::new())
}

/// One column (or nested column) being built.
enum Node {
    Bool(BooleanBuilder),
    I32(Int32Builder),
    I64(Int64Builder),
    U64(UInt64Builder),
    Str(StringBuilder),
    Map(Box<MapBuilder<StringBuilder, StringBuilder>>),
    List {
        field: Arc<Field>,
        item: Box<Node>,
        offsets: Vec<i32>,
        valid: Vec<bool>,
    },
    Struct {
        fields: Fields,
        children: Vec<Node>,
        valid: Vec<bool>,
        /// Which children the row being written has set.
        set: Vec<bool>,
    },
}

impl Node {
    fn new(ty: &DataType) -> Node {
        match ty {
            DataType::Boolean => Node::Bool(BooleanBuilder::new()),
            DataType::Int32 => Node::I32(Int32Builder::new()),
            DataType::Int64 => Node::I64(Int64Builder::new()),
            DataType::UInt64 => Node::U64(UInt64Builder::new()),
            DataType::Map(..) => Node::Map(Box::new(string_map())),
            DataType::List(field) => Node::List {
                field: Arc::clone(field),
                item: Box::new(Node::new(field.data_type())),
                offsets: vec![0],
                valid: Vec::new(),
            },
            DataType::Struct(fields) => Node::Struct {
                fields: fields.clone(),
                children: fields.iter().map(|f| Node::new(f.data_type())).collect(),
                valid: Vec::new(),
                set: vec![false; fields.len()],
            },
            _ => Node::Str(StringBuilder::new()),
        }
    }

    fn null(&mut self) {
        match self {
            Node::Bool(b) => b.append_null(),
            Node::I32(b) => b.append_null(),
            Node::I64(b) => b.append_null(),
            Node::U64(b) => b.append_null(),
            Node::Str(b) => b.append_null(),
            Node::Map(b) => {
                let _ = b.append(false);
            }
            Node::List { offsets, valid, .. } => {
                offsets.push(offsets.last().copied().unwrap_or(0));
                valid.push(false);
            }
            Node::Struct {
                children, valid, ..
            } => {
                children.iter_mut().for_each(Node::null);
                valid.push(false);
            }
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Node::Bool(b) => ArrayBuilder::finish(b),
            Node::I32(b) => ArrayBuilder::finish(b),
            Node::I64(b) => ArrayBuilder::finish(b),
            Node::U64(b) => ArrayBuilder::finish(b),
            Node::Str(b) => ArrayBuilder::finish(b),
            Node::Map(b) => ArrayBuilder::finish(b.as_mut()),
            Node::List {
                field,
                item,
                offsets,
                valid,
            } => {
                let values = item.finish();
                let offsets = std::mem::replace(offsets, vec![0]);
                let nulls = std::mem::take(valid);
                Arc::new(ListArray::new(
                    Arc::clone(field),
                    OffsetBuffer::new(offsets.into()),
                    values,
                    Some(NullBuffer::from(nulls)),
                ))
            }
            Node::Struct {
                fields,
                children,
                valid,
                ..
            } => {
                let arrays = children.iter_mut().map(Node::finish).collect();
                let nulls = std::mem::take(valid);
                Arc::new(StructArray::new(
                    fields.clone(),
                    arrays,
                    Some(NullBuffer::from(nulls)),
                ))
            }
        }
    }

    /// Forgets which fields the row being written has set (after a failed
    /// check).
    fn reset_row(&mut self) {
        match self {
            Node::Struct { children, set, .. } => {
                set.iter_mut().for_each(|s| *s = false);
                children.iter_mut().for_each(Node::reset_row);
            }
            Node::List { item, .. } => item.reset_row(),
            _ => {}
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Node::Bool(_) => "bool",
            Node::I32(_) => "i32",
            Node::I64(_) => "i64",
            Node::U64(_) => "u64",
            Node::Str(_) => "str",
            Node::Map(_) => "map",
            Node::List { .. } => "list",
            Node::Struct { .. } => "struct",
        }
    }

    fn int(&mut self, v: i128, dry: bool) -> Result<(), DocumentError> {
        let out = |what: &str| error(format!("{v} does not fit {what}"));
        match self {
            Node::I32(b) => {
                let v = i32::try_from(v).map_err(|_| out("i32"))?;
                if !dry {
                    b.append_value(v);
                }
            }
            Node::I64(b) => {
                let v = i64::try_from(v).map_err(|_| out("i64"))?;
                if !dry {
                    b.append_value(v);
                }
            }
            Node::U64(b) => {
                let v = u64::try_from(v).map_err(|_| out("u64"))?;
                if !dry {
                    b.append_value(v);
                }
            }
            Node::Str(b) if !dry => b.append_value(v.to_string()),
            Node::Str(_) => {}
            other => return Err(error(format!("an integer for a {}", other.kind()))),
        }
        Ok(())
    }
}

/// Builds a batch of documents of one shape.
pub(crate) struct DocumentBuilder {
    schema: SchemaRef,
    root: Node,
    rows: usize,
}

impl DocumentBuilder {
    pub(crate) fn new(fields: Fields) -> DocumentBuilder {
        let schema = Arc::new(Schema::new(fields.clone()));
        DocumentBuilder {
            root: Node::new(&DataType::Struct(fields)),
            schema,
            rows: 0,
        }
    }

    pub(crate) fn schema(&self) -> SchemaRef {
        Arc::clone(&self.schema)
    }

    pub(crate) fn len(&self) -> usize {
        self.rows
    }

    /// Appends a document, or (an error) nothing: the document is walked
    /// against the shape first, then written.
    pub(crate) fn push<T: Serialize + ?Sized>(&mut self, doc: &T) -> Result<(), DocumentError> {
        doc.serialize(Cell {
            node: &mut self.root,
            dry: true,
        })
        .inspect_err(|_| self.root.reset_row())?;
        doc.serialize(Cell {
            node: &mut self.root,
            dry: false,
        })?;
        self.rows += 1;
        Ok(())
    }

    pub(crate) fn finish(&mut self) -> RecordBatch {
        self.rows = 0;
        let columns = match &mut self.root {
            Node::Struct {
                children, valid, ..
            } => {
                valid.clear();
                children.iter_mut().map(Node::finish).collect()
            }
            _ => Vec::new(),
        };
        RecordBatch::try_new(self.schema(), columns).expect("the builder's columns match its shape")
    }
}

/// Serializes one value into a node; `dry` checks it against the node's
/// shape without writing.
struct Cell<'n> {
    node: &'n mut Node,
    dry: bool,
}

/// Serializes the fields of a struct (or the entries of a map) into a
/// struct node, or the entries of a map into a map node.
struct Fill<'n> {
    node: &'n mut Node,
    key: String,
    dry: bool,
}

/// Serializes the items of a sequence into a list node.
struct Items<'n> {
    item: &'n mut Node,
    count: i32,
    offsets: &'n mut Vec<i32>,
    valid: &'n mut Vec<bool>,
    dry: bool,
}

impl<'n> ser::Serializer for Cell<'n> {
    type Ok = ();
    type Error = DocumentError;
    type SerializeSeq = Items<'n>;
    type SerializeTuple = ser::Impossible<(), DocumentError>;
    type SerializeTupleStruct = ser::Impossible<(), DocumentError>;
    type SerializeTupleVariant = ser::Impossible<(), DocumentError>;
    type SerializeMap = Fill<'n>;
    type SerializeStruct = Fill<'n>;
    type SerializeStructVariant = ser::Impossible<(), DocumentError>;

    fn serialize_bool(self, v: bool) -> Result<(), DocumentError> {
        match self.node {
            Node::Bool(_) | Node::Str(_) if self.dry => {}
            Node::Bool(b) => b.append_value(v),
            Node::Str(b) => b.append_value(if v { "true" } else { "false" }),
            other => return Err(error(format!("a bool for a {}", other.kind()))),
        }
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), DocumentError> {
        self.node.int(v.into(), self.dry)
    }
    fn serialize_i16(self, v: i16) -> Result<(), DocumentError> {
        self.node.int(v.into(), self.dry)
    }
    fn serialize_i32(self, v: i32) -> Result<(), DocumentError> {
        self.node.int(v.into(), self.dry)
    }
    fn serialize_i64(self, v: i64) -> Result<(), DocumentError> {
        self.node.int(v.into(), self.dry)
    }
    fn serialize_u8(self, v: u8) -> Result<(), DocumentError> {
        self.node.int(v.into(), self.dry)
    }
    fn serialize_u16(self, v: u16) -> Result<(), DocumentError> {
        self.node.int(v.into(), self.dry)
    }
    fn serialize_u32(self, v: u32) -> Result<(), DocumentError> {
        self.node.int(v.into(), self.dry)
    }
    fn serialize_u64(self, v: u64) -> Result<(), DocumentError> {
        self.node.int(v.into(), self.dry)
    }
    fn serialize_f32(self, v: f32) -> Result<(), DocumentError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), DocumentError> {
        match self.node {
            Node::Str(_) if self.dry => {}
            Node::Str(b) => b.append_value(v.to_string()),
            other => return Err(error(format!("a float for a {}", other.kind()))),
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), DocumentError> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), DocumentError> {
        match self.node {
            Node::Str(_) if self.dry => {}
            Node::Str(b) => b.append_value(v),
            other => return Err(error(format!("a string for a {}", other.kind()))),
        }
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), DocumentError> {
        self.serialize_str(&String::from_utf8_lossy(v))
    }
    fn serialize_none(self) -> Result<(), DocumentError> {
        if !self.dry {
            self.node.null();
        }
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), DocumentError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), DocumentError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), DocumentError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), DocumentError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), DocumentError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), DocumentError> {
        Err(error("an enum variant with data"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'n>, DocumentError> {
        match self.node {
            Node::List {
                item,
                offsets,
                valid,
                ..
            } => Ok(Items {
                item,
                count: 0,
                offsets,
                valid,
                dry: self.dry,
            }),
            other => Err(error(format!("a list for a {}", other.kind()))),
        }
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, DocumentError> {
        Err(error("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, DocumentError> {
        Err(error("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, DocumentError> {
        Err(error("a tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fill<'n>, DocumentError> {
        match self.node {
            Node::Struct { .. } | Node::Map(_) => Ok(Fill {
                node: self.node,
                key: String::new(),
                dry: self.dry,
            }),
            other => Err(error(format!("a map for a {}", other.kind()))),
        }
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fill<'n>, DocumentError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, DocumentError> {
        Err(error("a struct variant"))
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), DocumentError> {
        self.serialize_str(&value.to_string())
    }
}

impl Fill<'_> {
    /// Writes the value of field `key`.
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), DocumentError> {
        match &mut *self.node {
            Node::Struct {
                fields,
                children,
                set,
                ..
            } => {
                let Some((i, _)) = fields.find(key) else {
                    return Err(error(format!("no field {key:?} in the shape")));
                };
                if set[i] {
                    return Err(error(format!("field {key:?} twice")));
                }
                set[i] = true;
                value.serialize(Cell {
                    node: &mut children[i],
                    dry: self.dry,
                })
            }
            Node::Map(b) => {
                let mut text = String::new();
                value.serialize(Text::raw(&mut text))?;
                if !self.dry {
                    b.keys().append_value(key);
                    b.values().append_value(text);
                }
                Ok(())
            }
            _ => Err(error("fields of a non-struct")),
        }
    }

    fn end_row(self) {
        match self.node {
            Node::Struct {
                children,
                valid,
                set,
                ..
            } => {
                for (child, was_set) in children.iter_mut().zip(set.iter_mut()) {
                    if !*was_set && !self.dry {
                        child.null();
                    }
                    *was_set = false;
                }
                if !self.dry {
                    valid.push(true);
                }
            }
            Node::Map(b) if !self.dry => {
                let _ = b.append(true);
            }
            _ => {}
        }
    }
}

impl ser::SerializeStruct for Fill<'_> {
    type Ok = ();
    type Error = DocumentError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), DocumentError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), DocumentError> {
        self.end_row();
        Ok(())
    }
}

impl ser::SerializeMap for Fill<'_> {
    type Ok = ();
    type Error = DocumentError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), DocumentError> {
        self.key.clear();
        key.serialize(Text::raw(&mut self.key))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DocumentError> {
        let key = std::mem::take(&mut self.key);
        let result = self.field(&key, value);
        self.key = key;
        result
    }
    fn end(self) -> Result<(), DocumentError> {
        self.end_row();
        Ok(())
    }
}

impl ser::SerializeSeq for Items<'_> {
    type Ok = ();
    type Error = DocumentError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DocumentError> {
        value.serialize(Cell {
            node: &mut *self.item,
            dry: self.dry,
        })?;
        self.count += 1;
        Ok(())
    }
    fn end(self) -> Result<(), DocumentError> {
        if !self.dry {
            let last = self.offsets.last().copied().unwrap_or(0);
            self.offsets.push(last + self.count);
            self.valid.push(true);
        }
        Ok(())
    }
}

/// Serializes a value as text: a map key or an open object's value. At
/// the top (`raw`) a scalar is written as itself; a list or an object, and
/// everything nested in one, as JSON.
struct Text<'t> {
    out: &'t mut String,
    raw: bool,
}

impl<'t> Text<'t> {
    fn raw(out: &'t mut String) -> Text<'t> {
        Text { out, raw: true }
    }

    fn json(out: &'t mut String) -> Text<'t> {
        Text { out, raw: false }
    }

    fn str(self, v: &str) {
        if self.raw {
            self.out.push_str(v);
        } else {
            json_str(self.out, v);
        }
    }
}

/// The entries of a list or an object being written as JSON.
struct JsonCompound<'t> {
    out: &'t mut String,
    first: bool,
    close: char,
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

macro_rules! display {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, v: $t) -> Result<(), DocumentError> {
            let _ = write!(self.out, "{v}");
            Ok(())
        })*
    };
}

impl<'t> ser::Serializer for Text<'t> {
    type Ok = ();
    type Error = DocumentError;
    type SerializeSeq = JsonCompound<'t>;
    type SerializeTuple = ser::Impossible<(), DocumentError>;
    type SerializeTupleStruct = ser::Impossible<(), DocumentError>;
    type SerializeTupleVariant = ser::Impossible<(), DocumentError>;
    type SerializeMap = JsonCompound<'t>;
    type SerializeStruct = JsonCompound<'t>;
    type SerializeStructVariant = ser::Impossible<(), DocumentError>;

    display!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64);

    fn serialize_f32(self, v: f32) -> Result<(), DocumentError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), DocumentError> {
        if v.is_finite() || self.raw {
            let _ = write!(self.out, "{v}");
        } else {
            self.out.push_str("null");
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), DocumentError> {
        self.str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), DocumentError> {
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), DocumentError> {
        self.str(&String::from_utf8_lossy(v));
        Ok(())
    }
    fn serialize_none(self) -> Result<(), DocumentError> {
        if !self.raw {
            self.out.push_str("null");
        }
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), DocumentError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), DocumentError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), DocumentError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), DocumentError> {
        self.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), DocumentError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), DocumentError> {
        Err(error("an enum variant as text"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<JsonCompound<'t>, DocumentError> {
        self.out.push('[');
        Ok(JsonCompound {
            out: self.out,
            first: true,
            close: ']',
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, DocumentError> {
        Err(error("a tuple as text"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, DocumentError> {
        Err(error("a tuple as text"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, DocumentError> {
        Err(error("a tuple as text"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<JsonCompound<'t>, DocumentError> {
        self.out.push('{');
        Ok(JsonCompound {
            out: self.out,
            first: true,
            close: '}',
        })
    }
    fn serialize_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<JsonCompound<'t>, DocumentError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, DocumentError> {
        Err(error("a struct variant as text"))
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), DocumentError> {
        self.str(&value.to_string());
        Ok(())
    }
}

impl JsonCompound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }
}

impl ser::SerializeSeq for JsonCompound<'_> {
    type Ok = ();
    type Error = DocumentError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DocumentError> {
        self.comma();
        value.serialize(Text::json(self.out))
    }
    fn end(self) -> Result<(), DocumentError> {
        self.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeMap for JsonCompound<'_> {
    type Ok = ();
    type Error = DocumentError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), DocumentError> {
        self.comma();
        let mut text = String::new();
        key.serialize(Text::raw(&mut text))?;
        json_str(self.out, &text);
        self.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), DocumentError> {
        value.serialize(Text::json(self.out))
    }
    fn end(self) -> Result<(), DocumentError> {
        self.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeStruct for JsonCompound<'_> {
    type Ok = ();
    type Error = DocumentError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), DocumentError> {
        ser::SerializeMap::serialize_key(self, key)?;
        ser::SerializeMap::serialize_value(self, value)
    }
    fn end(self) -> Result<(), DocumentError> {
        ser::SerializeMap::end(self)
    }
}

impl fmt::Debug for DocumentBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocumentBuilder")
            .field("schema", &self.schema)
            .field("rows", &self.rows)
            .finish()
    }
}
