//! One sort for the whole app. Each distinct `sort` call compiles its own copy of the
//! algorithm into the wasm, so every list is ordered through this one key type instead.

/// What lists are ordered by: two numbers, then text.
pub type Key = (i64, i64, String);

#[inline(never)]
fn order(keys: &mut [(Key, usize)]) {
    keys.sort_unstable();
}

/// Sorts `items` by `key`, ascending.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> Key) {
    let mut keys: Vec<(Key, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    order(&mut keys);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keys.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// Text alone as a key.
pub fn text(s: &str) -> Key {
    (0, 0, s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_numbers_then_text_and_keeps_every_item() {
        let mut items = vec![(3, "c"), (1, "b"), (1, "a"), (2, "z"), (-5, "y")];
        sort_by_key(&mut items, |(n, s)| (*n, 0, s.to_string()));
        assert_eq!(
            items,
            vec![(-5, "y"), (1, "a"), (1, "b"), (2, "z"), (3, "c")]
        );
        let mut words = vec!["pear", "apple", "fig"];
        sort_by_key(&mut words, |w| text(w));
        assert_eq!(words, vec!["apple", "fig", "pear"]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |_| text(""));
        assert!(empty.is_empty());
    }
}
