//! Records on disk: one key per record, each value an envelope that names its kind, id and
//! schema version, with the data inside. Older versions are migrated step by step on load;
//! a record from a newer version of the app is left untouched.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

use crate::model::json::{from_json, to_json};
use crate::model::record::is_valid_id;
use crate::model::reflection::Reflection;
use crate::model::{Case, Clause, Record, Settings};

/// Every key Mend writes starts with this.
pub const PREFIX: &str = "mend:";
/// The single settings record's id and key.
pub const SETTINGS_ID: &str = "settings";

/// What a record holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Case,
    Settings,
    Clause,
    Reflection,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Case, Kind::Settings, Kind::Clause, Kind::Reflection];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Case => "case",
            Kind::Settings => "settings",
            Kind::Clause => "clause",
            Kind::Reflection => "reflection",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The schema version this build writes. Bump it with a migration step below.
    pub fn version(self) -> u32 {
        match self {
            // 2: the worksheet (client became an object, summary became "disputed").
            // 3: limits, contacts, edited drafts, the proposed call time and the
            //    counter-offer's amount. Nothing moves, but a build that knows only version 2
            //    must keep its hands off a case it would save without them.
            // 4: whether you can still agree (`resolve.talks`). Nothing moves.
            // 5: "not sure yet" for validity and fault, a fault outside your hands, and what
            //    was already given and spent (`limits.given`, `limits.minutes_spent`): a
            //    build that knows only version 4 could not read or keep those.
            // 6: an offer turned down (`resolve.options[].declined`). Nothing moves.
            Kind::Case => 6,
            // 2: the user's name, for signing drafts.
            Kind::Settings => 2,
            Kind::Clause | Kind::Reflection => 1,
        }
    }

    /// How a person calls one of these.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Case => "case",
            Kind::Settings => "settings",
            Kind::Clause => "mediation clause",
            Kind::Reflection => "journal entry",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The storage key of a record: `mend:case:<id>`, or `mend:settings`.
pub fn record_key(kind: Kind, id: &str) -> String {
    match kind {
        Kind::Settings => format!("{PREFIX}{SETTINGS_ID}"),
        _ => format!("{PREFIX}{kind}:{id}"),
    }
}

/// What a key under the prefix is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyRef {
    /// A live record of a kind this build knows.
    Record(Kind, String),
    /// A record in the trash.
    Trash(String),
    /// A value moved aside because it could not be read.
    Quarantine(String),
    /// Under our prefix but not known to this build (written by a newer version).
    Unknown,
}

/// Classifies a storage key; `None` for keys that are not Mend's.
pub fn parse_key(key: &str) -> Option<KeyRef> {
    let rest = key.strip_prefix(PREFIX)?;
    if rest == SETTINGS_ID {
        return Some(KeyRef::Record(Kind::Settings, SETTINGS_ID.into()));
    }
    let (head, tail) = rest.split_once(':').unwrap_or((rest, ""));
    Some(match head {
        "trash" if !tail.is_empty() => KeyRef::Trash(tail.into()),
        "quarantine" if is_valid_id(tail) => KeyRef::Quarantine(tail.into()),
        _ => match Kind::parse(head) {
            Some(kind) if kind != Kind::Settings && is_valid_id(tail) => {
                KeyRef::Record(kind, tail.into())
            }
            _ => KeyRef::Unknown,
        },
    })
}

/// The envelope as written to storage. Every field is required: without them a value cannot
/// be told apart from something else, so it is set aside. Unknown fields are ignored, so a
/// newer app may add some without making this one set its records aside.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub kind: String,
    pub id: String,
    pub v: u32,
    pub created: i64,
    pub updated: i64,
    pub data: Value,
}

impl Envelope {
    pub fn to_value(&self) -> Value {
        to_json(self)
    }

    /// Takes the record apart without copying its data: start-up reads every record once.
    pub fn from_value(value: Value) -> Result<Envelope, String> {
        from_json(value)
    }
}

/// A record of any kind, typed. Short-lived (decoding, import, sync), so a case is not
/// boxed for the sake of the small settings variant.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum AnyRecord {
    Case(Record<Case>),
    Settings(Record<Settings>),
    Clause(Record<Clause>),
    Reflection(Record<Reflection>),
}

/// Runs `$body` with `$r` bound to the record inside any variant.
macro_rules! each {
    ($any:expr, $r:ident => $body:expr) => {
        match $any {
            AnyRecord::Case($r) => $body,
            AnyRecord::Settings($r) => $body,
            AnyRecord::Clause($r) => $body,
            AnyRecord::Reflection($r) => $body,
        }
    };
}

impl AnyRecord {
    pub fn kind(&self) -> Kind {
        match self {
            AnyRecord::Case(_) => Kind::Case,
            AnyRecord::Settings(_) => Kind::Settings,
            AnyRecord::Clause(_) => Kind::Clause,
            AnyRecord::Reflection(_) => Kind::Reflection,
        }
    }

    pub fn id(&self) -> &str {
        each!(self, r => &r.id)
    }

    pub fn created(&self) -> i64 {
        each!(self, r => r.created)
    }

    pub fn updated(&self) -> i64 {
        each!(self, r => r.updated)
    }

    pub fn key(&self) -> String {
        record_key(self.kind(), self.id())
    }

    /// How the record is named in lists and notices.
    pub fn title(&self) -> String {
        match self {
            AnyRecord::Case(r) => r.data.title(),
            AnyRecord::Settings(_) => "Settings".into(),
            AnyRecord::Clause(r) => r.data.title(),
            AnyRecord::Reflection(r) => r.data.title(None),
        }
    }

    /// The same record under another id (for "keep both").
    pub fn with_id(&self, id: String) -> AnyRecord {
        match self {
            AnyRecord::Case(r) => AnyRecord::Case(Record { id, ..r.clone() }),
            AnyRecord::Settings(r) => AnyRecord::Settings(Record { id, ..r.clone() }),
            AnyRecord::Clause(r) => AnyRecord::Clause(Record { id, ..r.clone() }),
            AnyRecord::Reflection(r) => AnyRecord::Reflection(Record { id, ..r.clone() }),
        }
    }

    /// True when both hold the same data, whatever their times.
    pub fn same_data(&self, other: &AnyRecord) -> bool {
        match (self, other) {
            (AnyRecord::Case(a), AnyRecord::Case(b)) => a.data == b.data,
            (AnyRecord::Settings(a), AnyRecord::Settings(b)) => a.data == b.data,
            (AnyRecord::Clause(a), AnyRecord::Clause(b)) => a.data == b.data,
            (AnyRecord::Reflection(a), AnyRecord::Reflection(b)) => a.data == b.data,
            _ => false,
        }
    }

    pub fn to_envelope(&self) -> Envelope {
        let data = each!(self, r => to_json(&r.data));
        Envelope {
            kind: self.kind().as_str().into(),
            id: self.id().into(),
            v: self.kind().version(),
            created: self.created(),
            updated: self.updated(),
            data,
        }
    }

    /// The text stored under the record's key.
    pub fn encode(&self) -> String {
        self.to_envelope().to_value().to_string()
    }
}

/// Why a stored value could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (cut short, overwritten, garbage).
    Unparseable(String),
    /// JSON, but not a record this build can read.
    WrongShape(String),
    /// Written by a newer version of Mend: keep it untouched.
    Newer { kind: String, version: u32 },
}

impl DecodeError {
    /// True when the value is damaged (to quarantine), false when it is merely newer.
    pub fn is_corrupt(&self) -> bool {
        !matches!(self, DecodeError::Newer { .. })
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Unparseable(_) => f.write_str("its saved text is damaged or cut off"),
            // The parser's own words stay out of what a person reads.
            DecodeError::WrongShape(_) => {
                f.write_str("a value in it is not in the form Mend expects")
            }
            DecodeError::Newer { kind, version } => write!(
                f,
                "it was written by a newer version of Mend ({kind}, version {version})"
            ),
        }
    }
}

/// Reads an envelope's text into a typed record, migrating older versions.
pub fn decode(raw: &str) -> Result<AnyRecord, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::Unparseable(e.to_string()))?;
    decode_value(value)
}

/// The key a stored record belongs under, read from its envelope alone, so that a record
/// from a newer version is placed (and kept) even though it cannot be read.
pub fn key_of(raw: &str) -> Option<String> {
    let env = Envelope::from_value(serde_json::from_str(raw).ok()?).ok()?;
    Some(record_key(Kind::parse(&env.kind)?, &env.id))
}

/// As [`decode`], from parsed JSON (a record inside a backup file).
pub fn decode_value(value: Value) -> Result<AnyRecord, DecodeError> {
    let env = Envelope::from_value(value).map_err(DecodeError::WrongShape)?;
    let Some(kind) = Kind::parse(&env.kind) else {
        return Err(DecodeError::Newer {
            kind: env.kind,
            version: env.v,
        });
    };
    if env.v > kind.version() {
        return Err(DecodeError::Newer {
            kind: env.kind,
            version: env.v,
        });
    }
    let id_ok = match kind {
        Kind::Settings => env.id == SETTINGS_ID,
        _ => is_valid_id(&env.id),
    };
    if !id_ok {
        return Err(DecodeError::WrongShape(format!("bad id \"{}\"", env.id)));
    }
    let data = migrate(kind, env.v, env.data).map_err(DecodeError::WrongShape)?;
    fn typed<T: serde::de::DeserializeOwned>(
        env: (String, i64, i64),
        data: Value,
    ) -> Result<Record<T>, DecodeError> {
        let data = from_json(data).map_err(DecodeError::WrongShape)?;
        let (id, created, updated) = env;
        Ok(Record {
            id,
            created,
            updated,
            data,
        })
    }
    let env = (env.id, env.created, env.updated);
    Ok(match kind {
        Kind::Case => {
            let case: Record<Case> = typed(env, data)?;
            case.data.check_figures().map_err(DecodeError::WrongShape)?;
            AnyRecord::Case(case)
        }
        Kind::Settings => AnyRecord::Settings(typed(env, data)?),
        Kind::Clause => AnyRecord::Clause(typed(env, data)?),
        Kind::Reflection => AnyRecord::Reflection(typed(env, data)?),
    })
}

/// One migration step: the data of `kind` at version `from`, to version `from + 1`.
type Step = fn(Kind, u32, Value) -> Result<Value, String>;

/// Brings `data` from schema version `from` to the current one, one step at a time.
pub fn migrate(kind: Kind, from: u32, data: Value) -> Result<Value, String> {
    migrate_with(step, kind.version(), kind, from, data)
}

fn migrate_with(
    step: Step,
    current: u32,
    kind: Kind,
    from: u32,
    data: Value,
) -> Result<Value, String> {
    if from == 0 {
        return Err(format!("{kind} has no version 0"));
    }
    let mut data = data;
    for v in from..current {
        data = step(kind, v, data)?;
    }
    Ok(data)
}

/// The migration steps, one arm per (kind, old version). Each is tested with a fixture in
/// `tests/fixtures/`, written by the version it migrates from.
fn step(kind: Kind, from: u32, data: Value) -> Result<Value, String> {
    match (kind, from) {
        // Case 1 → 2: `client` was the name as text and `summary` the dispute in a line.
        (Kind::Case, 1) => {
            let Value::Object(mut case) = data else {
                return Err("case data is not an object".into());
            };
            let name = match case.remove("client") {
                None | Some(Value::Null) => Value::String(String::new()),
                Some(name @ Value::String(_)) => name,
                Some(_) => return Err("client is not text".into()),
            };
            case.insert("client".into(), serde_json::json!({ "name": name }));
            if let Some(summary) = case.remove("summary") {
                case.insert("disputed".into(), summary);
            }
            Ok(Value::Object(case))
        }
        // Case 2 → 3 → 4, settings 1 → 2: only new fields, which take their defaults.
        // Case 4 → 5: only new answers to existing questions. Case 5 → 6: a new field.
        (Kind::Case, 2..=5) | (Kind::Settings, 1) => Ok(data),
        _ => Err(format!("no migration for {kind} from version {from}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn case(id: &str, client: &str) -> AnyRecord {
        AnyRecord::Case(Record {
            id: id.into(),
            created: 1,
            updated: 2,
            data: Case::for_client(client),
        })
    }

    #[test]
    fn keys_are_one_per_record_under_the_prefix() {
        assert_eq!(record_key(Kind::Case, "abc"), "mend:case:abc");
        assert_eq!(record_key(Kind::Settings, "whatever"), "mend:settings");
        let table = [
            (
                "mend:case:abc",
                Some(KeyRef::Record(Kind::Case, "abc".into())),
            ),
            (
                "mend:settings",
                Some(KeyRef::Record(Kind::Settings, SETTINGS_ID.into())),
            ),
            (
                "mend:trash:case:abc",
                Some(KeyRef::Trash("case:abc".into())),
            ),
            ("mend:quarantine:q1", Some(KeyRef::Quarantine("q1".into()))),
            ("mend:contact:abc", Some(KeyRef::Unknown)),
            ("mend:case:a b", Some(KeyRef::Unknown)),
            ("mend:settings:x", Some(KeyRef::Unknown)),
            ("other:case:abc", None),
            ("case:abc", None),
        ];
        for (key, expected) in table {
            assert_eq!(parse_key(key), expected, "{key}");
        }
    }

    /// Version 4 cases read as version 5 unchanged; a version 5 answer a version 4 build
    /// could not read ("not sure yet") is why the version moved.
    #[test]
    fn case_version_4_reads_unchanged_at_version_5() {
        let v4 = json!({"client": {"name": "Ann"}, "resolve": {"valid": "partly"}, "diagnose": {"fault": "fully"}});
        assert_eq!(migrate(Kind::Case, 4, v4.clone()), Ok(v4.clone()));
        let text =
            json!({"kind": "case", "id": "abc", "v": 4, "created": 1, "updated": 2, "data": v4})
                .to_string();
        let AnyRecord::Case(r) = decode(&text).unwrap() else {
            panic!("a case");
        };
        assert_eq!(
            r.data.resolve.valid,
            Some(crate::model::case::Validity::Partly)
        );
        let unsure = json!({"kind": "case", "id": "abc", "v": 5, "created": 1, "updated": 2, "data": {"resolve": {"valid": "unsure"}, "diagnose": {"fault": "outside"}}}).to_string();
        let AnyRecord::Case(r) = decode(&unsure).unwrap() else {
            panic!("a case");
        };
        assert_eq!(
            r.data.resolve.valid,
            Some(crate::model::case::Validity::Unsure)
        );
        assert_eq!(
            r.data.diagnose.fault,
            Some(crate::model::case::Fault::Outside)
        );
    }

    /// Version 5 cases read as version 6 unchanged, offers and all; an offer turned down
    /// (a version 6 answer) is why the version moved.
    #[test]
    fn case_version_5_reads_unchanged_at_version_6() {
        let v5 = json!({"client": {"name": "Ann"}, "resolve": {"options": [{"kind": "reduce_amount", "amount": 15000, "offered": true}]}, "limits": {"given": 5000}});
        assert_eq!(migrate(Kind::Case, 5, v5.clone()), Ok(v5.clone()));
        let text =
            json!({"kind": "case", "id": "abc", "v": 5, "created": 1, "updated": 2, "data": v5})
                .to_string();
        let AnyRecord::Case(r) = decode(&text).unwrap() else {
            panic!("a case");
        };
        let offer = &r.data.resolve.options[0];
        assert_eq!(
            (offer.amount, offer.offered, offer.declined),
            (Some(15000), true, false)
        );
        assert_eq!(r.data.limits.given, Some(5000));
        let AnyRecord::Case(mut r) = decode(&text).unwrap() else {
            panic!("a case");
        };
        r.data.resolve.options[0].declined = true;
        let again = AnyRecord::Case(r).encode();
        assert!(again.contains("\"v\":6") && again.contains("\"declined\":true"));
    }

    #[test]
    fn records_round_trip_through_their_envelope() {
        let rec = case("abc", "Dana \"D\" <b>Smith</b> 😀");
        let text = rec.encode();
        assert!(text.contains("\"kind\":\"case\""));
        assert!(text.contains("\"v\":6"));
        assert_eq!(decode(&text).unwrap(), rec);
        let settings = AnyRecord::Settings(Record::new(SETTINGS_ID.into(), 5, Settings::default()));
        assert_eq!(decode(&settings.encode()).unwrap(), settings);
    }

    #[test]
    fn damaged_values_are_corrupt_and_newer_ones_are_not() {
        let good = case("abc", "Dana").to_envelope();
        let with = |f: &dyn Fn(&mut Value)| {
            let mut v = good.to_value();
            f(&mut v);
            v.to_string()
        };
        let corrupt = [
            "{not json".to_string(),
            "".into(),
            "null".into(),
            "[1,2]".into(),
            "\"text\"".into(),
            with(&|v| v["data"] = json!("a string")),
            with(&|v| v["data"]["client"] = json!(42)),
            with(&|v| v["id"] = json!("bad id!")),
            with(&|v| v["v"] = json!(0)),
            with(&|v| v["v"] = json!(-1)),
            with(&|v| v["created"] = json!("yesterday")),
            with(&|v| {
                v.as_object_mut().unwrap().remove("data");
            }),
        ];
        for raw in corrupt {
            let err = decode(&raw).unwrap_err();
            assert!(err.is_corrupt(), "{raw} gave {err:?}");
        }
        let newer = [
            with(&|v| v["v"] = json!(99)),
            with(&|v| v["kind"] = json!("contact")),
        ];
        for raw in newer {
            let err = decode(&raw).unwrap_err();
            assert!(!err.is_corrupt(), "{raw} gave {err:?}");
        }
    }

    #[test]
    fn settings_must_use_the_settings_id() {
        let mut env = AnyRecord::Settings(Record::new(SETTINGS_ID.into(), 1, Settings::default()))
            .to_envelope();
        env.id = "other".into();
        assert!(decode(&env.to_value().to_string()).is_err());
    }

    #[test]
    fn migration_applies_each_step_in_order() {
        fn steps(_: Kind, from: u32, mut data: Value) -> Result<Value, String> {
            let trail = data["trail"].as_str().unwrap_or("").to_string();
            data["trail"] = json!(format!("{trail}{from}>"));
            if from == 3 {
                return Err("step 3 refuses".into());
            }
            Ok(data)
        }
        let out = migrate_with(steps, 3, Kind::Case, 1, json!({})).unwrap();
        assert_eq!(out["trail"], "1>2>");
        assert_eq!(
            migrate_with(steps, 3, Kind::Case, 3, json!({"a": 1})).unwrap(),
            json!({"a": 1})
        );
        assert!(migrate_with(steps, 5, Kind::Case, 1, json!({})).is_err());
        assert!(migrate_with(steps, 3, Kind::Case, 0, json!({})).is_err());
    }

    #[test]
    fn case_version_1_migrates_to_the_worksheet() {
        let fixture = include_str!("../../tests/fixtures/case-v1.json");
        let AnyRecord::Case(rec) = decode(fixture).unwrap() else {
            panic!("not a case")
        };
        assert_eq!(rec.id, "aHuaPPQKiRDbWKLV");
        assert_eq!(rec.created, 1_795_377_254_786);
        assert_eq!(rec.data.client.name, "Dana Whitfield");
        assert_eq!(
            rec.data.disputed,
            "Says six of the invoiced hours were spent fixing our own mistake."
        );
        assert_eq!(rec.data.currency, "USD");
        // Saved again, it is written at the current version and reads back the same.
        let again = AnyRecord::Case(rec.clone()).encode();
        assert!(again.contains("\"v\":6"));
        assert_eq!(decode(&again).unwrap(), AnyRecord::Case(rec));

        let bad = [json!("text"), json!({"client": 5})];
        for data in bad {
            assert!(migrate(Kind::Case, 1, data).is_err());
        }
        let empty = migrate(Kind::Case, 1, json!({})).unwrap();
        assert_eq!(empty, json!({"client": {"name": ""}}));
    }

    #[test]
    fn current_versions_need_no_steps() {
        for kind in Kind::ALL {
            let data = json!({"x": 1});
            assert_eq!(migrate(kind, kind.version(), data.clone()).unwrap(), data);
        }
    }
}
