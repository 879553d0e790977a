//! Small helpers for showing people's text in lists.

/// The start of `text` on one line, at most `max` characters plus "…" when cut. It cuts at
/// the last space before the limit, so a list never ends a line in the middle of a word
/// (unless the word itself is longer than the limit).
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return text.replace('\n', " ");
    };
    let mut head = &text[..cut];
    if !text[cut..].starts_with(char::is_whitespace) {
        head = head
            .rsplit_once(char::is_whitespace)
            .map_or(head, |(h, _)| h);
    }
    format!("{}…", head.trim_end().replace('\n', " "))
}

/// The text with its first letter in capitals: "your limit" → "Your limit".
pub fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_cut_between_words_and_say_so() {
        for (text, max, want) in [
            ("", 10, ""),
            ("short", 10, "short"),
            ("exactly ten", 11, "exactly ten"),
            ("  two\nlines ", 40, "two lines"),
            ("wants a refund of the second", 20, "wants a refund of…"),
            ("clearly upset, and copied in", 18, "clearly upset, and…"),
            ("clearly upset, and copied in", 17, "clearly upset,…"),
            ("line one\nline two", 12, "line one…"),
            ("Supercalifragilistic", 5, "Super…"),
            ("مرحبا بالعالم الجميل", 14, "مرحبا بالعالم…"),
            ("emoji 👩🏽‍🍳 cook here", 9, "emoji…"),
        ] {
            assert_eq!(excerpt(text, max), want, "{text:?} at {max}");
        }
    }
}
