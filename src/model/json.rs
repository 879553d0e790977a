//! Records to and from JSON, with serde's derive. Always through `serde_json::Value`: each
//! type's serde code is then compiled for one format only, which keeps the wasm smaller than
//! reading text straight into each type would.
//!
//! Every record type is `#[serde(default)]`: a missing field takes its default (older records
//! load), an unknown field is ignored (a newer minor change loads), and a field of the wrong
//! type is an error, so a damaged record is set aside rather than silently emptied.
//!
//! Reading goes through [`Reader`] rather than `serde_json::from_value`: the same, except
//! that a struct is read only from an object. Serde's derive can also read a struct from a
//! list (`[field1, field2, …]`), which Mend never writes; with that path unreachable, its
//! code, a second copy of every type's reader, drops out of the wasm (14 KB gzipped, measured).

use serde::Serialize;
use serde::de::value::StringDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, Expected, Unexpected, Visitor,
};
use serde_json::{Error, Map, Value};

/// The JSON of a record's data.
pub fn to_json<T: Serialize>(data: &T) -> Value {
    // Mend's types have only text keys, so this cannot fail; Null is never reached.
    serde_json::to_value(data).unwrap_or(Value::Null)
}

/// Reads JSON into a type, or says what is wrong with it.
pub fn from_json<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    T::deserialize(Reader(value)).map_err(|e| e.to_string())
}

/// Parsed JSON as serde reads it, structs from objects only (see the top of this file).
struct Reader(Value);

/// `fn deserialize_…(self, visitor)` for each name, handed to serde_json's `Value`.
macro_rules! forward_to_value {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.0.$method(visitor)
        })*
    };
}

impl<'de> Deserializer<'de> for Reader {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => n.deserialize_any(visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            _ => Err(de::Error::custom("expected an object")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            other => Err(wrong_type(&other, &visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            other => Err(wrong_type(&other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    // A value that holds no struct is read by serde_json's own `Value`, which asks for
    // exactly the type wanted: the code for one type's field is then one test and one call,
    // not a branch for every kind of JSON value.
    forward_to_value! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_unit deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    serde::forward_to_deserialize_any! { bytes byte_buf }
}

/// The error serde_json's `Value` gives for a value of the wrong type (same words).
#[cold]
fn wrong_type(value: &Value, expected: &dyn Expected) -> Error {
    let unexpected = match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    de::Error::invalid_type(unexpected, expected)
}

/// A list's items, each read by a [`Reader`].
struct Items(std::vec::IntoIter<Value>);

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|v| seed.deserialize(Reader(v)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// An object's fields: each key as text, each value read by a [`Reader`].
struct Fields {
    iter: <Map<String, Value> as IntoIterator>::IntoIter,
    value: Option<Value>,
}

impl Fields {
    fn new(map: Map<String, Value>) -> Fields {
        Fields {
            iter: map.into_iter(),
            value: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(StringDeserializer::<Error>::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self.value.take().unwrap_or(Value::Null);
        seed.deserialize(Reader(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(default)]
    struct Sample {
        name: String,
        count: Option<i64>,
        tags: Vec<String>,
        on: bool,
        small: u32,
    }

    #[test]
    fn structs_round_trip_and_tolerate_missing_and_unknown_fields() {
        let s = Sample {
            name: "Ann".into(),
            count: Some(3),
            tags: vec!["a".into()],
            on: true,
            small: 7,
        };
        assert_eq!(from_json::<Sample>(to_json(&s)).unwrap(), s);
        assert_eq!(
            from_json::<Sample>(json!({"name": "Bo", "extra": 1})).unwrap(),
            Sample {
                name: "Bo".into(),
                ..Default::default()
            }
        );
        assert_eq!(
            from_json::<Sample>(json!({"count": null})).unwrap(),
            Sample::default()
        );
    }

    #[test]
    fn a_struct_is_read_from_an_object_only() {
        assert!(from_json::<Sample>(json!(["Bo", 1])).is_err());
        assert!(from_json::<Sample>(json!({"name": "Bo"})).is_ok());
    }

    #[test]
    fn wrong_types_are_errors_never_defaults() {
        let wrong = [
            json!("text"),
            json!({"name": 5}),
            json!({"name": null}),
            json!({"count": 1.5}),
            json!({"tags": "a"}),
            json!({"tags": ["a", 2]}),
            json!({"on": "yes"}),
            json!({"small": -1}),
            json!({"small": 5_000_000_000u64}),
        ];
        for value in wrong {
            assert!(from_json::<Sample>(value.clone()).is_err(), "{value}");
        }
    }

    #[test]
    fn errors_say_what_serde_json_says() {
        let wrong = [
            json!({"name": 5}),
            json!({"name": -5}),
            json!({"name": 1.5}),
            json!({"name": null}),
            json!({"name": true}),
            json!({"name": []}),
            json!({"name": {}}),
            json!({"count": "3"}),
            json!({"count": 1.5}),
            json!({"tags": "a"}),
            json!({"tags": {"a": 1}}),
            json!({"tags": ["a", 2]}),
            json!({"on": "yes"}),
            json!({"small": -1}),
            json!({"small": 5_000_000_000u64}),
        ];
        for value in wrong {
            let theirs = serde_json::from_value::<Sample>(value.clone()).unwrap_err();
            assert_eq!(
                from_json::<Sample>(value.clone()),
                Err(theirs.to_string()),
                "{value}"
            );
        }
    }
}
