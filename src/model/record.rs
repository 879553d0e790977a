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

/// Record ids are random and URL-safe; anything else in an id position is not ours.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A random, URL-safe id (16 characters) from 12 random bytes. The caller supplies the bytes
/// (the browser's crypto in the app, fixed bytes in tests) so this stays pure.
pub fn new_id(random: [u8; 12]) -> String {
    super::b64::encode(&random)
}

#[cfg(test)]
mod tests {
    use super::*;

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

/// A collection of records, kept in a plain list: lookups by id are a short scan (a person's
/// cases number in the hundreds), and a list compiles far smaller than a map.
#[derive(Clone, Debug, PartialEq)]
pub struct Records<T>(Vec<Record<T>>);

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records(Vec::new())
    }
}

impl<T> Records<T> {
    pub fn get(&self, id: &str) -> Option<&Record<T>> {
        self.0.iter().find(|r| r.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Record<T>> {
        self.0.iter_mut().find(|r| r.id == id)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Adds a record, replacing one with the same id.
    pub fn insert(&mut self, id: String, record: Record<T>) {
        match self.get_mut(&id) {
            Some(slot) => *slot = record,
            None => self.0.push(record),
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Record<T>> {
        let i = self.0.iter().position(|r| r.id == id)?;
        Some(self.0.remove(i))
    }

    pub fn values(&self) -> std::slice::Iter<'_, Record<T>> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod records_tests {
    use super::*;

    #[test]
    fn insert_replaces_by_id_and_remove_takes_it_out() {
        let mut rs: Records<u8> = Records::default();
        assert!(rs.is_empty());
        rs.insert("a".into(), Record::new("a".into(), 1, 1));
        rs.insert("b".into(), Record::new("b".into(), 1, 2));
        rs.insert("a".into(), Record::new("a".into(), 2, 3));
        assert_eq!(rs.len(), 2);
        assert_eq!(rs.get("a").unwrap().data, 3);
        assert!(rs.contains_key("b"));
        rs.get_mut("b").unwrap().data = 9;
        assert_eq!(rs.values().map(|r| r.data).collect::<Vec<_>>(), vec![3, 9]);
        assert_eq!(rs.remove("a").unwrap().data, 3);
        assert_eq!(rs.remove("a"), None);
        assert_eq!(rs.len(), 1);
    }
}
