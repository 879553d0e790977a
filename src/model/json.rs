//! Records to and from JSON, with serde's derive. Always through `serde_json::Value`: each
//! type's serde code is then compiled for one format only, which keeps the wasm smaller than
//! reading text straight into each type would.
//!
//! Every record type is `#[serde(default)]`: a missing field takes its default (older records
//! load), an unknown field is ignored (a newer minor change loads), and a field of the wrong
//! type is an error, so a damaged record is set aside rather than silently emptied.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The JSON of a record's data.
pub fn to_json<T: Serialize>(data: &T) -> Value {
    // Mend's types have only text keys, so this cannot fail; Null is never reached.
    serde_json::to_value(data).unwrap_or(Value::Null)
}

/// Reads JSON into a type, or says what is wrong with it.
pub fn from_json<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
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
}
