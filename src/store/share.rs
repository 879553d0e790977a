//! Share links: one case, or a blank worksheet, carried in the URL fragment (which browsers
//! never send to a server).
//!
//! A link's fragment is `#/shared/<version><p|e><length>.<check>.<data>`: the format
//! version, `p` (plain) or `e` (encrypted with a passphrase), the length of `<data>` (so a
//! link cut short by a chat app is recognised as such), a checksum of the data (so a changed
//! character is told apart from a wrong passphrase), and the data in URL-safe base64. The data is the
//! case as JSON, deflated; when encrypted, `salt (16) | iv (12) | AES-256-GCM ciphertext`
//! with the key derived by PBKDF2-HMAC-SHA256. Deflating and sealing use the browser's own
//! CompressionStream and WebCrypto (see `public/pwa/bytes.js`); this module frames, checks and
//! reads, and is tested natively.

use serde_json::{Map, Value};
use std::fmt;

use crate::model::Case;
use crate::model::json::{from_json, to_json};

pub const VERSION: u8 = 1;
/// Chat apps and mail clients start cutting links somewhere above this length.
pub const LONG_LINK: usize = 2000;
/// PBKDF2 rounds for a passphrase; the same number is used by `bytes.js`.
pub const PBKDF2_ROUNDS: u32 = 210_000;

/// What a link carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    /// A blank worksheet, to fill in.
    Blank,
    Case(Box<Case>),
}

/// Why a link cannot be opened. Each says so in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    NotMend,
    WrongVersion(char),
    Truncated {
        missing: usize,
    },
    Damaged,
    /// It unpacks to far more than any case: made by something else, or made to harm.
    TooLarge,
    WrongPassphrase,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => f.write_str("This link has nothing in it. Ask for the link again."),
            ShareError::NotMend => f.write_str("This is not a Mend share link."),
            ShareError::WrongVersion(v) => write!(
                f,
                "This link was made by a different version of Mend (format {v}). Update Mend, or ask for a backup file instead."
            ),
            ShareError::Truncated { missing } => write!(
                f,
                "This link was cut short: {missing} characters are missing, probably dropped by the app it was sent through. Ask for the link again, or for a file."
            ),
            ShareError::Damaged => f.write_str(
                "This link is damaged: some of its characters were changed. Ask for the link again, or for a file.",
            ),
            ShareError::TooLarge => f.write_str(
                "This link holds far more than a Mend case can: it was not made by Mend. Nothing was opened or saved.",
            ),
            ShareError::WrongPassphrase => f.write_str(
                "That passphrase does not open this link. Check it with the person who sent it.",
            ),
        }
    }
}

/// A link's parts, before the data is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub encrypted: bool,
    pub data: Vec<u8>,
}

/// FNV-1a, 32 bits: enough to notice a changed character, and a few lines.
fn check(data: &[u8]) -> u32 {
    data.iter().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// The fragment path for `data` (already deflated, and sealed when `encrypted`).
pub fn frame(data: &[u8], encrypted: bool) -> String {
    let text = crate::model::b64::encode(data);
    format!(
        "#/shared/{VERSION}{}{}.{:08x}.{text}",
        if encrypted { 'e' } else { 'p' },
        text.len(),
        check(data)
    )
}

/// Checks a link's payload (the part after `#/shared/`) and decodes its data.
pub fn unframe(payload: &str) -> Result<Frame, ShareError> {
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    let mut chars = payload.chars();
    let version = chars.next().ok_or(ShareError::Empty)?;
    if !version.is_ascii_digit() {
        return Err(ShareError::NotMend);
    }
    if version != char::from(b'0' + VERSION) {
        return Err(ShareError::WrongVersion(version));
    }
    let encrypted = match chars.next() {
        Some('e') => true,
        Some('p') => false,
        _ => return Err(ShareError::NotMend),
    };
    let rest = chars.as_str();
    let (len, rest) = rest
        .split_once('.')
        .ok_or(ShareError::Truncated { missing: 0 })?;
    let len: usize = len.parse().map_err(|_| ShareError::NotMend)?;
    let (sum, text) = rest
        .split_once('.')
        .ok_or(ShareError::Truncated { missing: len })?;
    let sum = u32::from_str_radix(sum, 16).map_err(|_| ShareError::Damaged)?;
    if text.len() < len {
        return Err(ShareError::Truncated {
            missing: len - text.len(),
        });
    }
    if text.len() > len {
        return Err(ShareError::Damaged);
    }
    let data = crate::model::b64::decode(text).ok_or(ShareError::Damaged)?;
    if check(&data) != sum {
        return Err(ShareError::Damaged);
    }
    Ok(Frame { encrypted, data })
}

/// The JSON text a link carries, before deflating.
pub fn to_text(shared: &Shared) -> String {
    let mut m = Map::new();
    match shared {
        Shared::Blank => {
            m.insert("blank".into(), Value::Bool(true));
        }
        Shared::Case(case) => {
            let mut case = (**case).clone();
            case.example = false;
            m.insert("case".into(), to_json(&case));
        }
    }
    Value::Object(m).to_string()
}

/// Reads the JSON text of a link, after inflating.
pub fn from_text(text: &str) -> Result<Shared, ShareError> {
    let value: Value = serde_json::from_str(text).map_err(|_| ShareError::Damaged)?;
    if value.get("blank").and_then(Value::as_bool) == Some(true) {
        return Ok(Shared::Blank);
    }
    let case = value.get("case").ok_or(ShareError::Damaged)?;
    from_json::<Case>(case.clone())
        .and_then(|c| c.check_figures().map(|()| c))
        .map(|c| Shared::Case(Box::new(c)))
        .map_err(|_| ShareError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::worked_example;
    use crate::model::{Date, sample};

    fn link_payload(link: &str) -> &str {
        link.strip_prefix("#/shared/").unwrap()
    }

    #[test]
    fn frames_round_trip_for_every_size() {
        for size in [0usize, 1, 2, 3, 57, 1000, 65_536] {
            let data: Vec<u8> = (0..size).map(|i| (i * 7 + 3) as u8).collect();
            for encrypted in [false, true] {
                let link = frame(&data, encrypted);
                assert!(link.is_ascii());
                assert_eq!(
                    unframe(link_payload(&link)),
                    Ok(Frame {
                        encrypted,
                        data: data.clone()
                    })
                );
            }
        }
    }

    #[test]
    fn cases_of_every_size_round_trip_through_the_text() {
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let mut big = worked_example(today, 1_795_000_000_000);
        big.disputed = "x".repeat(100_000);
        let cases = [
            Case::new("EUR"),
            sample::case(3),
            worked_example(today, 1),
            big,
        ];
        for case in cases {
            let text = to_text(&Shared::Case(Box::new(case.clone())));
            let mut expected = case;
            expected.example = false;
            assert_eq!(from_text(&text), Ok(Shared::Case(Box::new(expected))));
        }
        assert_eq!(from_text(&to_text(&Shared::Blank)), Ok(Shared::Blank));
    }

    #[test]
    fn every_kind_of_bad_link_gets_its_own_error() {
        let good = frame(b"some deflated bytes, say", false);
        let payload = link_payload(&good);
        let cut = &payload[..payload.len() - 5];
        let mut changed = payload.to_string();
        changed.replace_range(payload.len() - 3..payload.len() - 2, "*");
        // A character changed into another valid one: only the checksum notices.
        let last = payload.chars().last().unwrap();
        let swapped = format!(
            "{}{}",
            &payload[..payload.len() - 1],
            if last == 'A' { 'B' } else { 'A' }
        );
        let table: Vec<(String, ShareError)> = vec![
            ("".into(), ShareError::Empty),
            ("   ".into(), ShareError::Empty),
            ("hello".into(), ShareError::NotMend),
            ("1x12.abc".into(), ShareError::NotMend),
            ("1p.abc".into(), ShareError::NotMend),
            ("1pabc".into(), ShareError::Truncated { missing: 0 }),
            ("1p12".into(), ShareError::Truncated { missing: 0 }),
            ("1p3.abc".into(), ShareError::Truncated { missing: 3 }),
            ("1p4.zzzzzzzz.AAAA".into(), ShareError::Damaged),
            (payload.replacen('1', "2", 1), ShareError::WrongVersion('2')),
            (cut.into(), ShareError::Truncated { missing: 5 }),
            (format!("{payload}AA"), ShareError::Damaged),
            (changed, ShareError::Damaged),
            (swapped, ShareError::Damaged),
        ];
        for (input, expected) in table {
            let err = unframe(&input).unwrap_err();
            assert_eq!(err, expected, "{input:?}");
            assert!(err.to_string().ends_with('.'));
        }
        for text in [
            "",
            "{",
            "[]",
            "{\"case\": 5}",
            "{\"other\": 1}",
            "{\"case\": {\"client\": 7}}",
        ] {
            assert_eq!(from_text(text), Err(ShareError::Damaged), "{text}");
        }
    }

    #[test]
    fn links_say_how_long_they_are() {
        let link = frame(&[0u8; 300], true);
        assert!(link.starts_with("#/shared/1e400."));
        assert_eq!(link.len(), "#/shared/1e400.12345678.".len() + 400);
    }

    /// The app's scheme, reimplemented with RustCrypto for the tests.
    mod scheme {
        use aes_gcm::aead::{Aead, KeyInit};
        use aes_gcm::{Aes256Gcm, Nonce};

        fn key(passphrase: &str, salt: &[u8]) -> Aes256Gcm {
            let mut key = [0u8; 32];
            pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
                passphrase.as_bytes(),
                salt,
                super::PBKDF2_ROUNDS,
                &mut key,
            );
            Aes256Gcm::new_from_slice(&key).unwrap()
        }

        pub fn seal(plain: &[u8], passphrase: &str, salt: [u8; 16], iv: [u8; 12]) -> Vec<u8> {
            let sealed = key(passphrase, &salt)
                .encrypt(Nonce::from_slice(&iv), plain)
                .unwrap();
            [salt.as_slice(), iv.as_slice(), &sealed].concat()
        }

        pub fn open(bytes: &[u8], passphrase: &str) -> Option<Vec<u8>> {
            if bytes.len() < 28 {
                return None;
            }
            key(passphrase, &bytes[..16])
                .decrypt(Nonce::from_slice(&bytes[16..28]), &bytes[28..])
                .ok()
        }
    }

    /// Made with WebCrypto (Node's, the same API as the browser's) by the scheme in
    /// `public/pwa/bytes.js`: passphrase "correct horse battery", salt 1..=16, iv 100..=111.
    const WEBCRYPTO_VECTOR: &str = "0102030405060708090a0b0c0d0e0f106465666768696a6b6c6d6e6f5d450eb60a8521028b922f68d4783f04c16f178c3d6e1de94a881d94531c";

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn encryption_round_trips_with_the_right_passphrase_and_fails_with_a_wrong_one() {
        let vector = unhex(WEBCRYPTO_VECTOR);
        let plain =
            scheme::open(&vector, "correct horse battery").expect("the WebCrypto vector opens");
        assert_eq!(
            from_text(std::str::from_utf8(&plain).unwrap()),
            Ok(Shared::Blank)
        );
        assert_eq!(scheme::open(&vector, "correct horse"), None);
        assert_eq!(scheme::open(&vector, ""), None);
        let mut tampered = vector.clone();
        tampered[40] ^= 1;
        assert_eq!(scheme::open(&tampered, "correct horse battery"), None);

        let text = to_text(&Shared::Case(Box::new(sample::case(1))));
        let sealed = scheme::seal(text.as_bytes(), "s3cret", [7; 16], [9; 12]);
        // Through a link and back.
        let link = frame(&sealed, true);
        let f = unframe(link_payload(&link)).unwrap();
        assert!(f.encrypted);
        assert_eq!(scheme::open(&f.data, "s3cret").unwrap(), text.as_bytes());
        assert_eq!(scheme::open(&f.data, "S3cret"), None);
        // The link carries no hint of the passphrase.
        assert!(!link.contains("s3cret"));
    }
}
