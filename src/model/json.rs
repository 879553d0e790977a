//! Reading and writing the domain types as JSON values.
//!
//! Written here rather than derived with serde: serde's derive compiles a visitor per type
//! and per format, which measured at about a third of the wasm for Mend's twenty record
//! types. This trait compiles one small function per type, with one call per field. The
//! JSON text itself is still parsed and written by `serde_json`.
//!
//! Missing fields take their default (older records load); unknown fields are ignored
//! (records from a newer minor change load); a field of the wrong type is an error, so a
//! damaged record is set aside rather than silently emptied.

use serde_json::{Map, Value};

pub trait Json: Sized {
    fn to_json(&self) -> Value;
    fn from_json(value: &Value) -> Result<Self, String>;
}

impl Json for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }

    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| "not text".into())
    }
}

impl Json for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }

    fn from_json(value: &Value) -> Result<Self, String> {
        value.as_bool().ok_or_else(|| "not true or false".into())
    }
}

impl Json for i64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }

    fn from_json(value: &Value) -> Result<Self, String> {
        value.as_i64().ok_or_else(|| "not a whole number".into())
    }
}

impl Json for u32 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }

    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| "not a small whole number".into())
    }
}

impl Json for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }

    fn from_json(value: &Value) -> Result<Self, String> {
        Ok(value.clone())
    }
}

/// Reads a field that must be present.
pub fn required<T: Json>(map: &Map<String, Value>, key: &str) -> Result<T, String> {
    T::from_json(map.get(key).ok_or_else(|| format!("{key} is missing"))?)
        .map_err(|e| format!("{key}: {e}"))
}

impl<T: Json> Json for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, Json::to_json)
    }

    fn from_json(value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: Json> Json for Vec<T> {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(Json::to_json).collect())
    }

    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_array()
            .ok_or_else(|| "not a list".to_string())?
            .iter()
            .enumerate()
            .map(|(i, v)| T::from_json(v).map_err(|e| format!("item {}: {e}", i + 1)))
            .collect()
    }
}

/// The object inside a value, or an error naming what was expected.
pub fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{what} is not an object"))
}

/// Reads `key` into `slot` when present; leaves the default when absent.
pub fn read<T: Json>(map: &Map<String, Value>, key: &str, slot: &mut T) -> Result<(), String> {
    if let Some(v) = map.get(key) {
        *slot = T::from_json(v).map_err(|e| format!("{key}: {e}"))?;
    }
    Ok(())
}

/// Implements [`Json`] for a struct with a `Default`, field by field.
#[macro_export]
macro_rules! json_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl $crate::model::json::Json for $ty {
            fn to_json(&self) -> serde_json::Value {
                let mut map = serde_json::Map::new();
                $( map.insert(stringify!($field).into(), $crate::model::json::Json::to_json(&self.$field)); )*
                serde_json::Value::Object(map)
            }

            fn from_json(value: &serde_json::Value) -> Result<Self, String> {
                let map = $crate::model::json::object(value, stringify!($ty))?;
                let mut out = Self::default();
                $( $crate::model::json::read(map, stringify!($field), &mut out.$field)?; )*
                Ok(out)
            }
        }
    };
}

/// Implements [`Json`] for a field-less enum, each variant written as its name.
#[macro_export]
macro_rules! json_enum {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $crate::model::json::Json for $ty {
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::String(match self { $($ty::$variant => $name),+ }.into())
            }

            fn from_json(value: &serde_json::Value) -> Result<Self, String> {
                match value.as_str() {
                    $(Some($name) => Ok($ty::$variant),)+
                    _ => Err(format!("not a known {}", stringify!($ty))),
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, Default, PartialEq)]
    struct Sample {
        name: String,
        count: Option<i64>,
        tags: Vec<String>,
        on: bool,
    }
    json_struct!(Sample {
        name,
        count,
        tags,
        on
    });

    #[test]
    fn structs_round_trip_and_tolerate_missing_and_unknown_fields() {
        let s = Sample {
            name: "Ann".into(),
            count: Some(3),
            tags: vec!["a".into()],
            on: true,
        };
        assert_eq!(Sample::from_json(&s.to_json()).unwrap(), s);
        assert_eq!(
            Sample::from_json(&json!({"name": "Bo", "extra": 1})).unwrap(),
            Sample {
                name: "Bo".into(),
                ..Default::default()
            }
        );
        assert_eq!(
            Sample::from_json(&json!({"count": null})).unwrap(),
            Sample::default()
        );
    }

    #[test]
    fn wrong_types_are_errors_that_name_the_field() {
        let table = [
            (json!("text"), "Sample is not an object"),
            (json!({"name": 5}), "name: not text"),
            (json!({"count": 1.5}), "count: not a whole number"),
            (json!({"tags": "a"}), "tags: not a list"),
            (json!({"tags": ["a", 2]}), "tags: item 2: not text"),
            (json!({"on": "yes"}), "on: not true or false"),
        ];
        for (value, expected) in table {
            assert_eq!(Sample::from_json(&value).unwrap_err(), expected, "{value}");
        }
        assert!(u32::from_json(&json!(-1)).is_err());
        assert!(u32::from_json(&json!(5_000_000_000u64)).is_err());
        assert_eq!(u32::from_json(&json!(7)).unwrap(), 7);
    }
}
