//! A stored item: an id, when it was created and last changed, and its data.

/// One record as the app holds it. The store adds its kind and schema version on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<T> {
    pub id: String,
    /// Milliseconds since 1970-01-01 UTC.
    pub created: i64,
    pub updated: i64,
    pub data: T,
}

impl<T> Record<T> {
    pub fn new(id: String, now_ms: i64, data: T) -> Self {
        Record {
            id,
            created: now_ms,
            updated: now_ms,
            data,
        }
    }
}

/// A random, URL-safe id (16 characters) from 12 random bytes. The caller supplies the bytes
/// (the browser's crypto in the app, fixed bytes in tests) so this stays pure.
pub fn new_id(random: [u8; 12]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::is_valid_id;

    #[test]
    fn ids_are_url_safe_and_distinct() {
        let a = new_id([0; 12]);
        let b = new_id([255; 12]);
        let c = new_id([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        for id in [&a, &b, &c] {
            assert_eq!(id.len(), 16);
            assert!(is_valid_id(id), "{id}");
        }
        assert_ne!(a, b);
        assert_eq!(b, "________________");
    }
}
